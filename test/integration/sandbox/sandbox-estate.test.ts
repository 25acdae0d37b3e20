import { paginateListAliases } from '@aws-sdk/client-kms';
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

test('the default estate has about 60 assets over three regions, with the catalogue of traps in the first', async () => {
  const sandbox = await startSandbox({ seed: 1, clock });
  try {
    expect(sandbox.regions).toEqual(['us-east-1', 'eu-west-1', 'ap-southeast-2']);
    expect(countAssets(sandbox.estate)).toBeGreaterThanOrEqual(60);
    expect(countAssets(sandbox.estate)).toBeLessThan(75);
    const first = sandbox.estate.regions['us-east-1'];
    const specs = new Set(first.kms.keys.map((k) => k.keySpec));
    for (const spec of ['SYMMETRIC_DEFAULT', 'RSA_2048', 'RSA_4096', 'ECC_NIST_P256', 'ECC_SECG_P256K1', 'HMAC_256', 'ML_DSA_65']) expect(specs).toContain(spec);
    expect(new Set(first.acm.certificates.map((c) => c.keyAlgorithm))).toEqual(new Set(['RSA_1024', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_prime256v1', 'EC_secp384r1']));
    for (const region of sandbox.regions) {
      const r = sandbox.estate.regions[region];
      expect(r.kms.aliases.map((a) => a.aliasName)).toEqual(expect.arrayContaining(['alias/aws/secretsmanager', 'alias/aws/ssm', 'alias/aws/acm']));
      expect(r.secretsmanager.secrets.some((s) => s.name.startsWith('events!connection/AQGAWSConnectionKey/'))).toBe(true);
    }
    expect(sandbox.estate.regions['me-south-1']).toBeUndefined();
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
