/**
 * Changes to the sandbox estate and the CloudTrail events (EventBridge envelopes) AWS would deliver for them,
 * plus usage events (a Lambda or an EC2 instance using a key or a secret) and the "loop" events the platform must
 * drop (EventBridge reading its own connection secret, and the KMS Decrypt Secrets Manager makes for it).
 * Every method changes the estate first where the call changes something, then returns the events.
 */
import { parseArn } from '../../lambdas/shared/arn';
import type { EstateBuilder } from '../estate/estate-builder';
import type { AcmKeyAlgorithm, CertificateRecord, KmsKeyRecord, ParameterRecord, SandboxTag, SecretRecord } from '../estate/estate';
import { generateCertificate } from '../estate/certificate-factory';
import { applyGeneratedCertificate } from '../estate/generate-estate';
import { customerMasterKeySpec } from '../estate/key-specs';
import type { Actor, EventBridgeEnvelope } from './cloudtrail-record';
import { apiCallEvent, cloudTrailTime, kmsDisplayDate } from './cloudtrail-record';

export interface Mutation<T> {
  readonly record: T;
  readonly events: EventBridgeEnvelope[];
}

/** A workload that uses keys and secrets (a usage, not a change). */
export type Workload = Extract<Actor, { kind: 'lambda' } | { kind: 'ec2' }>;

export class UnknownSandboxResourceError extends Error {
  constructor(what: string) {
    super(`The sandbox estate has no ${what}`);
    this.name = 'UnknownSandboxResourceError';
  }
}

const ADMIN: Actor = { kind: 'user', userName: 'sandbox-admin' };
const DAY_MS = 86_400_000;
const EVENTBRIDGE_SLR: Actor = { kind: 'service-linked-role', roleName: 'AWSServiceRoleForAmazonEventBridgeApiDestinations', service: 'apidestinations.events.amazonaws.com' };

function regionOfArn(arn: string): string {
  const region = parseArn(arn)?.region;
  if (!region) throw new UnknownSandboxResourceError(`resource with ARN ${arn}`);
  return region;
}

/** ACM's CloudTrail shows the imported PEMs as Java ByteBuffer stubs, never their content. */
function byteBufferStub(length: number): Record<string, unknown> {
  return { hb: [], offset: 0, isReadOnly: false, bigEndian: true, nativeByteOrder: false, mark: -1, position: 0, limit: length, capacity: length, address: 0 };
}

export class EstateMutations {
  constructor(
    private readonly b: EstateBuilder,
    private readonly clock: () => Date,
  ) {}

  private get accountId(): string {
    return this.b.accountId;
  }

  private call(service: string, region: string, eventName: string, actor: Actor, fields: Partial<Parameters<typeof apiCallEvent>[0]> & { readonly requestParameters: Record<string, unknown> | null }): EventBridgeEnvelope {
    return apiCallEvent({ accountId: this.accountId, region, service, eventName, actor, time: this.clock(), readOnly: false, ...fields });
  }

  findKey(keyArn: string): KmsKeyRecord {
    const key = this.b.estate.regions[regionOfArn(keyArn)]?.kms.keys.find((k) => k.arn === keyArn);
    if (!key) throw new UnknownSandboxResourceError(`KMS key ${keyArn}`);
    return key;
  }

  private findSecret(secretArn: string): SecretRecord {
    const secret = this.b.estate.regions[regionOfArn(secretArn)]?.secretsmanager.secrets.find((s) => s.arn === secretArn);
    if (!secret) throw new UnknownSandboxResourceError(`secret ${secretArn}`);
    return secret;
  }

  private keyResource(key: KmsKeyRecord) {
    return [{ type: 'AWS::KMS::Key', ARN: key.arn }];
  }

  // ── KMS ──────────────────────────────────────────────────────────────────────────────────────────────────────

  createKey(input: { region: string; keySpec?: string; keyUsage?: KmsKeyRecord['keyUsage']; description?: string; tags?: SandboxTag[]; alias?: string }, by: Actor = ADMIN): Mutation<KmsKeyRecord> {
    const key = this.b.key(input.region, { ...input, createdAt: cloudTrailTime(this.clock()).replace('Z', '.000Z') });
    const events = [
      this.call('kms', input.region, 'CreateKey', by, {
        requestParameters: {
          keyUsage: key.keyUsage,
          keySpec: key.keySpec,
          origin: key.origin,
          description: key.description,
          bypassPolicyLockoutSafetyCheck: false,
          multiRegion: false,
          ...(key.tags.length > 0 ? { tags: key.tags.map((t) => ({ tagKey: t.key, tagValue: t.value })) } : {}),
        },
        responseElements: {
          keyMetadata: {
            aWSAccountId: this.accountId,
            keyId: key.keyId,
            arn: key.arn,
            creationDate: kmsDisplayDate(key.creationDate),
            enabled: true,
            description: key.description,
            keyUsage: key.keyUsage,
            keyState: key.keyState,
            origin: key.origin,
            keyManager: key.keyManager,
            customerMasterKeySpec: customerMasterKeySpec(key.keySpec),
            keySpec: key.keySpec,
            ...(key.encryptionAlgorithms ? { encryptionAlgorithms: key.encryptionAlgorithms } : {}),
            ...(key.signingAlgorithms ? { signingAlgorithms: key.signingAlgorithms } : {}),
            ...(key.macAlgorithms ? { macAlgorithms: key.macAlgorithms } : {}),
            multiRegion: false,
          },
        },
        resources: this.keyResource(key),
      }),
    ];
    if (input.alias) {
      this.b.alias(input.region, input.alias, key.keyId);
      events.push(
        this.call('kms', input.region, 'CreateAlias', by, {
          requestParameters: { aliasName: input.alias, targetKeyId: key.keyId },
          resources: [
            { type: 'AWS::KMS::Key', ARN: `arn:aws:kms:${input.region}:${this.accountId}:${input.alias}` },
            { type: 'AWS::KMS::Key', ARN: key.arn },
          ],
        }),
      );
    }
    return { record: key, events };
  }

  scheduleKeyDeletion(input: { keyArn: string; pendingWindowInDays?: number }, by: Actor = ADMIN): Mutation<KmsKeyRecord> {
    const key = this.findKey(input.keyArn);
    const days = input.pendingWindowInDays ?? 30;
    key.keyState = 'PendingDeletion';
    key.enabled = false;
    key.pendingDeletionWindowInDays = days;
    key.deletionDate = new Date(this.clock().getTime() + days * DAY_MS).toISOString();
    const event = this.call('kms', key.region, 'ScheduleKeyDeletion', by, {
      requestParameters: { keyId: key.keyId, pendingWindowInDays: days },
      responseElements: { keyId: key.arn, deletionDate: kmsDisplayDate(key.deletionDate), keyState: 'PendingDeletion', pendingWindowInDays: days },
      resources: this.keyResource(key),
    });
    return { record: key, events: [event] };
  }

  enableKeyRotation(input: { keyArn: string; rotationPeriodInDays?: number }, by: Actor = ADMIN): Mutation<KmsKeyRecord> {
    return this.setRotation(input.keyArn, true, input.rotationPeriodInDays ?? 365, by);
  }

  disableKeyRotation(input: { keyArn: string }, by: Actor = ADMIN): Mutation<KmsKeyRecord> {
    return this.setRotation(input.keyArn, false, undefined, by);
  }

  private setRotation(keyArn: string, enabled: boolean, periodDays: number | undefined, by: Actor): Mutation<KmsKeyRecord> {
    const key = this.findKey(keyArn);
    if (!key.rotation.applicable || key.keyManager === 'AWS') {
      throw new RangeError(`Rotation of ${keyArn} cannot be changed (AWS would answer UnsupportedOperationException)`);
    }
    key.rotation = enabled ? { applicable: true, enabled, periodDays, nextRotationDate: new Date(this.clock().getTime() + (periodDays ?? 365) * DAY_MS).toISOString() } : { applicable: true, enabled };
    const event = this.call('kms', key.region, enabled ? 'EnableKeyRotation' : 'DisableKeyRotation', by, {
      requestParameters: { keyId: key.keyId, ...(enabled ? { rotationPeriodInDays: periodDays } : {}) },
      resources: this.keyResource(key),
    });
    return { record: key, events: [event] };
  }

  /** TagResource / AddTagsToCertificate / AddTagsToResource, by the ARN's service. */
  tagResource(input: { arn: string; tags: SandboxTag[] }, by: Actor = ADMIN): Mutation<{ arn: string; tags: SandboxTag[] }> {
    const region = regionOfArn(input.arn);
    const service = parseArn(input.arn)?.service;
    const merge = (tags: SandboxTag[]) => {
      for (const t of input.tags) {
        const existing = tags.find((x) => x.key === t.key);
        if (existing) existing.value = t.value;
        else tags.push({ ...t });
      }
      return tags;
    };
    const regionEstate = this.b.estate.regions[region];
    switch (service) {
      case 'kms': {
        const key = this.findKey(input.arn);
        merge(key.tags);
        return { record: { arn: key.arn, tags: key.tags }, events: [this.call('kms', region, 'TagResource', by, { requestParameters: { keyId: key.keyId, tags: input.tags.map((t) => ({ tagKey: t.key, tagValue: t.value })) }, resources: this.keyResource(key) })] };
      }
      case 'acm': {
        const cert = regionEstate?.acm.certificates.find((c) => c.arn === input.arn);
        if (!cert) throw new UnknownSandboxResourceError(`certificate ${input.arn}`);
        merge(cert.tags);
        return { record: { arn: cert.arn, tags: cert.tags }, events: [this.call('acm', region, 'AddTagsToCertificate', by, { requestParameters: { certificateArn: cert.arn, tags: input.tags } })] };
      }
      case 'secretsmanager': {
        const secret = this.findSecret(input.arn);
        merge(secret.tags);
        return { record: { arn: secret.arn, tags: secret.tags }, events: [this.call('secretsmanager', region, 'TagResource', by, { requestParameters: { secretId: secret.arn, tags: input.tags } })] };
      }
      case 'ssm': {
        const parameter = regionEstate?.ssm.parameters.find((p) => p.arn === input.arn);
        if (!parameter) throw new UnknownSandboxResourceError(`parameter ${input.arn}`);
        merge(parameter.tags);
        return { record: { arn: parameter.arn, tags: parameter.tags }, events: [this.call('ssm', region, 'AddTagsToResource', by, { requestParameters: { resourceType: 'Parameter', resourceId: parameter.name, tags: input.tags } })] };
      }
      default:
        throw new UnknownSandboxResourceError(`taggable resource ${input.arn}`);
    }
  }

  // ── ACM ──────────────────────────────────────────────────────────────────────────────────────────────────────

  async importCertificate(
    input: { region: string; domainName: string; keyAlgorithm?: Exclude<AcmKeyAlgorithm, 'EC_secp521r1'>; validDays?: number; tags?: SandboxTag[] },
    by: Actor = ADMIN,
  ): Promise<Mutation<CertificateRecord>> {
    const now = this.clock();
    const keyAlgorithm = input.keyAlgorithm ?? 'RSA_2048';
    const notBefore = new Date(Math.floor(now.getTime() / 1000) * 1000 - DAY_MS).toISOString();
    const notAfter = new Date(Date.parse(notBefore) + (input.validDays ?? 365) * DAY_MS).toISOString();
    const generated = await generateCertificate({
      keyAlgorithm,
      commonName: input.domainName,
      subjectAlternativeNames: [input.domainName],
      notBefore,
      notAfter,
      serial: `4${now.getTime().toString(16).padStart(15, '0')}`,
      issuedBy: 'sandbox-ca',
      signatureHash: 'SHA-256',
    });
    const importedAt = cloudTrailTime(now).replace('Z', '.000Z');
    const cert = this.b.certificate({
      region: input.region,
      domainName: input.domainName,
      subjectAlternativeNames: [input.domainName],
      status: 'ISSUED',
      type: 'IMPORTED',
      keyAlgorithm,
      keyPairOrigin: 'CUSTOMER_PROVIDED',
      notBefore,
      notAfter,
      createdAt: importedAt,
      importedAt,
      renewalEligibility: 'INELIGIBLE',
      keyUsages: keyAlgorithm.startsWith('RSA') ? ['DIGITAL_SIGNATURE', 'KEY_ENCIPHERMENT'] : ['DIGITAL_SIGNATURE'],
      extendedKeyUsages: ['TLS_WEB_SERVER_AUTHENTICATION', 'TLS_WEB_CLIENT_AUTHENTICATION'],
      tags: [...(input.tags ?? [])],
    });
    applyGeneratedCertificate(cert, generated);
    const event = this.call('acm', input.region, 'ImportCertificate', by, {
      requestParameters: {
        certificate: byteBufferStub(generated.certificatePem.length),
        privateKey: byteBufferStub(1704),
        ...(generated.chainPem ? { certificateChain: byteBufferStub(generated.chainPem.length) } : {}),
        ...(cert.tags.length > 0 ? { tags: cert.tags } : {}),
      },
      responseElements: { certificateArn: cert.arn },
    });
    return { record: cert, events: [event] };
  }

  deleteCertificate(input: { certificateArn: string }, by: Actor = ADMIN): Mutation<CertificateRecord> {
    const region = regionOfArn(input.certificateArn);
    const certs = this.b.estate.regions[region]?.acm.certificates;
    const index = certs?.findIndex((c) => c.arn === input.certificateArn) ?? -1;
    if (!certs || index < 0) throw new UnknownSandboxResourceError(`certificate ${input.certificateArn}`);
    const [cert] = certs.splice(index, 1);
    return { record: cert, events: [this.call('acm', region, 'DeleteCertificate', by, { requestParameters: { certificateArn: cert.arn } })] };
  }

  // ── Secrets Manager ─────────────────────────────────────────────────────────────────────────────────────────

  createSecret(input: { region: string; name: string; kmsKeyId?: string; description?: string; tags?: SandboxTag[] }, by: Actor = ADMIN): Mutation<SecretRecord> {
    const created = cloudTrailTime(this.clock()).replace('Z', '.000Z');
    const secret = this.b.secret(input.region, { ...input, tags: [...(input.tags ?? [])], createdDate: created, lastChangedDate: created });
    const versionId = Object.keys(secret.versionIdsToStages)[0];
    const event = this.call('secretsmanager', input.region, 'CreateSecret', by, {
      requestParameters: {
        name: secret.name,
        ...(secret.kmsKeyId ? { kmsKeyId: secret.kmsKeyId } : {}),
        ...(secret.description ? { description: secret.description } : {}),
        clientRequestToken: versionId,
        ...(secret.tags.length > 0 ? { tags: secret.tags } : {}),
        forceOverwriteReplicaSecret: false,
      },
      responseElements: { arn: secret.arn, name: secret.name, versionId },
    });
    return { record: secret, events: [event] };
  }

  deleteSecret(input: { secretArn: string; recoveryWindowInDays?: number; forceDeleteWithoutRecovery?: boolean }, by: Actor = ADMIN): Mutation<SecretRecord> {
    const secret = this.findSecret(input.secretArn);
    const force = input.forceDeleteWithoutRecovery ?? false;
    const days = input.recoveryWindowInDays ?? 30;
    const deletionDate = new Date(this.clock().getTime() + (force ? 0 : days * DAY_MS)).toISOString();
    if (force) {
      const secrets = this.b.estate.regions[secret.region].secretsmanager.secrets;
      secrets.splice(secrets.indexOf(secret), 1);
    } else {
      secret.deletedDate = deletionDate;
    }
    const event = this.call('secretsmanager', secret.region, 'DeleteSecret', by, {
      requestParameters: { secretId: secret.arn, ...(force ? { forceDeleteWithoutRecovery: true } : { recoveryWindowInDays: days }) },
      responseElements: { arn: secret.arn, name: secret.name, deletionDate: kmsDisplayDate(deletionDate) },
    });
    return { record: secret, events: [event] };
  }

  // ── SSM Parameter Store ─────────────────────────────────────────────────────────────────────────────────────

  putParameter(input: { region: string; name: string; type: ParameterRecord['type']; keyId?: string; tier?: ParameterRecord['tier']; overwrite?: boolean; tags?: SandboxTag[] }, by: Actor = ADMIN): Mutation<ParameterRecord> {
    const params = this.b.region(input.region).ssm.parameters;
    const existing = params.find((p) => p.name === input.name);
    if (existing && !input.overwrite) throw new RangeError(`Parameter ${input.name} exists (AWS would answer ParameterAlreadyExists)`);
    const modified = cloudTrailTime(this.clock()).replace('Z', '.000Z');
    const userArn = by.kind === 'user' ? `arn:aws:iam::${this.accountId}:user/${by.userName}` : `arn:aws:sts::${this.accountId}:assumed-role/${by.roleName}`;
    let parameter: ParameterRecord;
    if (existing) {
      existing.type = input.type;
      existing.keyId = input.type === 'SecureString' ? (input.keyId ?? existing.keyId ?? 'alias/aws/ssm') : undefined;
      if (input.tier) existing.tier = input.tier;
      existing.version += 1;
      existing.lastModifiedDate = modified;
      existing.lastModifiedUser = userArn;
      parameter = existing;
    } else {
      parameter = this.b.parameter(input.region, {
        name: input.name,
        type: input.type,
        ...(input.type === 'SecureString' ? { keyId: input.keyId ?? 'alias/aws/ssm' } : {}),
        tier: input.tier ?? 'Standard',
        lastModifiedDate: modified,
        lastModifiedUser: userArn,
        tags: [...(input.tags ?? [])],
      });
    }
    const event = this.call('ssm', input.region, 'PutParameter', by, {
      requestParameters: {
        name: parameter.name,
        type: parameter.type,
        ...(input.keyId ? { keyId: input.keyId } : {}),
        overwrite: input.overwrite ?? false,
        ...(input.tier ? { tier: input.tier } : {}),
        value: 'HIDDEN_DUE_TO_SECURITY_REASONS',
      },
      responseElements: { version: parameter.version, tier: parameter.tier },
    });
    return { record: parameter, events: [event] };
  }

  deleteParameter(input: { region: string; name: string }, by: Actor = ADMIN): Mutation<ParameterRecord> {
    const params = this.b.estate.regions[input.region]?.ssm.parameters;
    const index = params?.findIndex((p) => p.name === input.name) ?? -1;
    if (!params || index < 0) throw new UnknownSandboxResourceError(`parameter ${input.name} in ${input.region}`);
    const [parameter] = params.splice(index, 1);
    return { record: parameter, events: [this.call('ssm', input.region, 'DeleteParameter', by, { requestParameters: { name: parameter.name } })] };
  }

  // ── Usage and loop events (read-only calls: no estate change) ───────────────────────────────────────────────

  /** A workload decrypting with a key (readOnly Decrypt, key logged as ARN). */
  recordDecrypt(input: { keyArn: string; by: Workload; encryptionContext?: Record<string, string> }): EventBridgeEnvelope[] {
    const key = this.findKey(input.keyArn);
    return [
      this.call('kms', key.region, 'Decrypt', input.by, {
        readOnly: true,
        requestParameters: { keyId: key.arn, encryptionAlgorithm: 'SYMMETRIC_DEFAULT', ...(input.encryptionContext ? { encryptionContext: input.encryptionContext } : {}) },
        resources: this.keyResource(key),
      }),
    ];
  }

  /** A workload reading a secret: GetSecretValue, then the KMS Decrypt Secrets Manager makes on its behalf. */
  recordGetSecretValue(input: { secretArn: string; by: Actor }): EventBridgeEnvelope[] {
    const secret = this.findSecret(input.secretArn);
    secret.lastAccessedDate = `${new Date(this.clock().toISOString().slice(0, 10)).toISOString()}`;
    return [this.getSecretValueEvent(secret, input.by), this.secretsManagerDecrypt(secret, input.by)];
  }

  /**
   * What each API-destination delivery causes in the customer account: EventBridge's service-linked role reads the
   * connection secret, and Secrets Manager decrypts it. The platform must drop both (loop prevention).
   */
  connectionSecretRead(input: { region: string }): EventBridgeEnvelope[] {
    const secret = this.b.estate.regions[input.region]?.secretsmanager.secrets.find((s) => s.name.startsWith('events!connection/'));
    if (!secret) throw new UnknownSandboxResourceError(`EventBridge connection secret in ${input.region}`);
    return [this.getSecretValueEvent(secret, EVENTBRIDGE_SLR), this.secretsManagerDecrypt(secret, EVENTBRIDGE_SLR)];
  }

  private getSecretValueEvent(secret: SecretRecord, by: Actor): EventBridgeEnvelope {
    return this.call('secretsmanager', secret.region, 'GetSecretValue', by, { readOnly: true, requestParameters: { secretId: secret.arn } });
  }

  /** The key Secrets Manager uses for a secret: its own key reference resolved, or the aws/secretsmanager key. */
  private secretKeyArn(secret: SecretRecord): string {
    const region = this.b.region(secret.region);
    const ref = secret.kmsKeyId;
    if (ref === undefined) return this.b.awsManagedKey(secret.region, 'secretsmanager').arn;
    const aliasName = ref.includes(':alias/') ? ref.slice(ref.indexOf(':alias/') + 1) : ref.startsWith('alias/') ? ref : undefined;
    const keyId = aliasName ? region.kms.aliases.find((a) => a.aliasName === aliasName)?.targetKeyId : ref.slice(ref.lastIndexOf('/') + 1);
    const key = region.kms.keys.find((k) => k.keyId === keyId);
    if (!key) throw new UnknownSandboxResourceError(`KMS key ${ref} of secret ${secret.arn}`);
    return key.arn;
  }

  private secretsManagerDecrypt(secret: SecretRecord, by: Actor): EventBridgeEnvelope {
    const keyArn = this.secretKeyArn(secret);
    return this.call('kms', secret.region, 'Decrypt', by, {
      readOnly: true,
      invokedBy: 'secretsmanager.amazonaws.com',
      requestParameters: {
        encryptionContext: { SecretARN: secret.arn, SecretVersionId: Object.keys(secret.versionIdsToStages)[0] },
        encryptionAlgorithm: 'SYMMETRIC_DEFAULT',
      },
      resources: [{ type: 'AWS::KMS::Key', ARN: keyArn }],
    });
  }
}
