/**
 * The CycloneDX 1.6 `cryptoProperties` fields this export emits, typed. `@cyclonedx/cyclonedx-library` (10.x) has
 * no model for them (only `ComponentType.CryptographicAsset`), so they are built as plain JSON and merged into the
 * library's normalized components. Field names and enums: `definitions.cryptoProperties` in
 * https://cyclonedx.org/docs/1.6/json/ (the library ships the schema as res/schema/bom-1.6.SNAPSHOT.schema.json).
 */

export type Primitive =
  | 'drbg'
  | 'mac'
  | 'block-cipher'
  | 'stream-cipher'
  | 'signature'
  | 'hash'
  | 'pke'
  | 'xof'
  | 'kdf'
  | 'key-agree'
  | 'kem'
  | 'ae'
  | 'combiner'
  | 'other'
  | 'unknown';

export type ExecutionEnvironment = 'software-plain-ram' | 'software-encrypted-ram' | 'software-tee' | 'hardware' | 'other' | 'unknown';

export type CryptoFunction =
  | 'generate'
  | 'keygen'
  | 'encrypt'
  | 'decrypt'
  | 'digest'
  | 'tag'
  | 'keyderive'
  | 'sign'
  | 'verify'
  | 'encapsulate'
  | 'decapsulate'
  | 'other'
  | 'unknown';

export interface AlgorithmProperties {
  readonly primitive: Primitive;
  readonly parameterSetIdentifier?: string;
  readonly curve?: string;
  readonly executionEnvironment?: ExecutionEnvironment;
  /** Subset of the schema's enum we can state: KMS HSMs are FIPS 140-3 Level 3 validated. */
  readonly certificationLevel?: readonly ('fips140-3-l3' | 'unknown')[];
  readonly mode?: 'gcm';
  readonly padding?: 'pkcs1v15';
  readonly cryptoFunctions?: readonly CryptoFunction[];
  readonly classicalSecurityLevel?: number;
  /** 0 = none of the NIST PQC categories is met (quantum-vulnerable); 1–6 otherwise. */
  readonly nistQuantumSecurityLevel?: number;
}

export interface CertificateProperties {
  readonly subjectName?: string;
  readonly issuerName?: string;
  readonly notValidBefore?: string;
  readonly notValidAfter?: string;
  readonly signatureAlgorithmRef?: string;
  readonly subjectPublicKeyRef?: string;
  readonly certificateFormat?: string;
}

export type RelatedCryptoMaterialType = 'private-key' | 'public-key' | 'secret-key' | 'credential' | 'other' | 'unknown';

/** NIST SP 800-57 Part 1 key states, as CycloneDX names them. */
export type KeyState = 'pre-activation' | 'active' | 'suspended' | 'deactivated' | 'compromised' | 'destroyed';

export interface SecuredBy {
  readonly mechanism: string;
  readonly algorithmRef?: string;
}

/** Never carries `value`: the export describes material, it never contains it. */
export interface RelatedCryptoMaterialProperties {
  readonly type: RelatedCryptoMaterialType;
  readonly id?: string;
  readonly state?: KeyState;
  readonly algorithmRef?: string;
  readonly creationDate?: string;
  readonly activationDate?: string;
  readonly updateDate?: string;
  readonly expirationDate?: string;
  readonly size?: number;
  readonly securedBy?: SecuredBy;
}

export type CbomCryptoProperties =
  | { readonly assetType: 'algorithm'; readonly algorithmProperties: AlgorithmProperties; readonly oid?: string }
  | { readonly assetType: 'certificate'; readonly certificateProperties: CertificateProperties }
  | { readonly assetType: 'related-crypto-material'; readonly relatedCryptoMaterialProperties: RelatedCryptoMaterialProperties };

/** The serialized document: CycloneDX 1.6 JSON. Loosely typed beyond what this module itself reads. */
export interface CbomDocument {
  readonly bomFormat: 'CycloneDX';
  readonly specVersion: '1.6';
  readonly serialNumber: string;
  readonly version: number;
  readonly metadata: Record<string, unknown>;
  readonly components: readonly CbomComponent[];
  readonly dependencies?: readonly { readonly ref: string; readonly dependsOn?: readonly string[] }[];
  readonly [key: string]: unknown;
}

export interface CbomComponent {
  readonly type: string;
  readonly name: string;
  readonly 'bom-ref': string;
  readonly cryptoProperties?: CbomCryptoProperties;
  readonly properties?: readonly { readonly name: string; readonly value: string }[];
  readonly [key: string]: unknown;
}
