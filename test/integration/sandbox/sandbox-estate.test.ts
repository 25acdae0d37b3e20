import { ListCertificatesCommand, type KeyAlgorithm } from '@aws-sdk/client-acm';
import { DescribeKeyCommand, paginateListAliases, paginateListKeys } from '@aws-sdk/client-kms';
import { ListSecretsCommand } from '@aws-sdk/client-secrets-manager';
import { paginateDescribeParameters } from '@aws-sdk/client-ssm';
import { startSandbox } from '../../../sandbox/sandbox';
import { countAssets } from '../../../sandbox/estate/estate';
import { sandboxClients } from './sandbox-clients';

const clock = () => new Date('2026-03-01T12:00:00Z');

test('the same seed gives the same estate; another seed gives another', async () => {
  const [a, b, c] = await Promise.all([startSandbox({ seed: 42, clock }), startSandbox({ seed: 42, clock }), startSandbox({ seed: 43, clock })]);
  try {
    expect(JSON.stringify(b.estate.regions)).toBe(JSON.stringify(a.estate.regions));
    expect(JSON.stringify(c.estate.regions)).not.toBe(JSON.stringify(a.estate.regions));
  } finally {
    await Promise.all([a.stop(), b.stop(), c.stop()]);
  }
});

/**
 * Key usages KMS allows per key spec (https://docs.aws.amazon.com/kms/latest/developerguide/symm-asymm-choose-key-spec.html):
 * symmetric keys encrypt, HMAC keys MAC, RSA keys encrypt or sign, elliptic-curve keys sign or agree on keys,
 * Ed25519 and ML-DSA keys only sign, SM2 (China Regions) any of the three.
 */
const KMS_USAGES_BY_SPEC: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/^SYMMETRIC_DEFAULT$/, ['ENCRYPT_DECRYPT']],
  [/^HMAC_(224|256|384|512)$/, ['GENERATE_VERIFY_MAC']],
  [/^RSA_(2048|3072|4096)$/, ['ENCRYPT_DECRYPT', 'SIGN_VERIFY']],
  [/^ECC_(NIST_P(256|384|521)|SECG_P256K1)$/, ['SIGN_VERIFY', 'KEY_AGREEMENT']],
  [/^ECC_NIST_EDWARDS25519$/, ['SIGN_VERIFY']],
  [/^ML_DSA_(44|65|87)$/, ['SIGN_VERIFY']],
  [/^SM2$/, ['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'KEY_AGREEMENT']],
];

/** ACM's KeyAlgorithm enum (https://docs.aws.amazon.com/acm/latest/APIReference/API_CertificateSummary.html). */
const ACM_KEY_ALGORITHMS = ['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1', 'EC_secp521r1'];

test('the default account answers as AWS documents: every key spec with a usage KMS allows, the predefined aws/* aliases, ACM key algorithms from its enum, and all of it listed', async () => {
  const sandbox = await startSandbox({ seed: 1, clock });
  try {
    for (const region of sandbox.regions) {
      const c = sandboxClients(sandbox, region);
      // KMS: every key's KeySpec/KeyUsage pair is one KMS allows
      const keyIds: string[] = [];
      for await (const page of paginateListKeys({ client: c.kms }, {})) keyIds.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ''));
      for (const keyId of keyIds) {
        const { KeyMetadata } = await c.kms.send(new DescribeKeyCommand({ KeyId: keyId }));
        const allowed = KMS_USAGES_BY_SPEC.find(([spec]) => spec.test(KeyMetadata?.KeySpec ?? ''))?.[1];
        expect({ keyId, spec: KeyMetadata?.KeySpec, allowed: allowed?.includes(KeyMetadata?.KeyUsage ?? '') }).toEqual({ keyId, spec: KeyMetadata?.KeySpec, allowed: true });
      }
      // KMS: "ListAliases ... includes predefined aliases" for the AWS managed keys of the services the account uses
      // (https://docs.aws.amazon.com/kms/latest/APIReference/API_ListAliases.html)
      const aliases = new Set<string>();
      for await (const page of paginateListAliases({ client: c.kms }, {})) for (const a of page.Aliases ?? []) aliases.add(a.AliasName ?? '');
      for (const predefined of ['alias/aws/secretsmanager', 'alias/aws/ssm', 'alias/aws/acm']) expect(aliases).toContain(predefined);
      // ACM: every certificate's KeyAlgorithm is in ACM's enum (asked for all of them: the default lists RSA only)
      const certs = await c.acm.send(new ListCertificatesCommand({ Includes: { keyTypes: ACM_KEY_ALGORITHMS as KeyAlgorithm[] }, CertificateKeyPairOrigins: ['AWS_MANAGED', 'ACME', 'CUSTOMER_PROVIDED'], MaxItems: 1000 }));
      for (const cert of certs.CertificateSummaryList ?? []) expect(ACM_KEY_ALGORITHMS).toContain(cert.KeyAlgorithm);
      // the APIs list exactly the estate: keys, certificates, secrets (with those scheduled for deletion), parameters
      const secrets = await c.secrets.send(new ListSecretsCommand({ IncludePlannedDeletion: true, MaxResults: 100 }));
      let parameters = 0;
      for await (const page of paginateDescribeParameters({ client: c.ssm, pageSize: 50 }, {})) parameters += page.Parameters?.length ?? 0;
      const held = sandbox.estate.regions[region];
      expect({ keys: keyIds.length, certificates: certs.CertificateSummaryList?.length, secrets: secrets.SecretList?.length, parameters }).toEqual({
        keys: held.kms.keys.length,
        certificates: held.acm.certificates.length,
        secrets: held.secretsmanager.secrets.length,
        parameters: held.ssm.parameters.length,
      });
    }
    expect(countAssets(sandbox.estate)).toBeGreaterThanOrEqual(60);
  } finally {
    await sandbox.stop();
  }
});

test('large estates reach their size with pooled certificate bodies, and ListAliases pages hold at most 100', async () => {
  const sandbox = await startSandbox({ seed: 2, clock, estateSize: 3000, regions: ['us-east-1'] });
  try {
    expect(countAssets(sandbox.estate)).toBeGreaterThanOrEqual(3000);
    expect(countAssets(sandbox.estate)).toBeLessThan(3100);
    const certs = sandbox.estate.regions['us-east-1'].acm.certificates;
    expect(new Set(certs.map((c) => c.arn)).size).toBe(certs.length);
    expect(new Set(certs.map((c) => c.certificatePem)).size).toBeLessThan(60);
    const aliases = sandbox.estate.regions['us-east-1'].kms.aliases;
    expect(aliases.length).toBeGreaterThan(100);
    const sizes: number[] = [];
    for await (const page of paginateListAliases({ client: sandboxClients(sandbox, 'us-east-1').kms, pageSize: 1000 }, {})) sizes.push(page.Aliases?.length ?? 0);
    expect(Math.max(...sizes)).toBe(100);
    expect(sizes.reduce((s, n) => s + n, 0)).toBe(aliases.length);
  } finally {
    await sandbox.stop();
  }
});
