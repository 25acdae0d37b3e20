import { CertificateNotYetVisibleError } from '../../../lambdas/events/errors';
import { DescribeAssetRefresher } from '../../../lambdas/events/describe-asset-refresher';
import type { EventStore } from '../../../lambdas/events/event-store';
import type { DiscoveredAsset } from '../../../lambdas/inventory/asset';

const request = {
  tenantId: 't1',
  accountId: '111122223333',
  region: 'eu-west-1',
  type: 'parameter' as const,
  arn: 'arn:aws:ssm:eu-west-1:111122223333:parameter/db/password',
};
const ssmKeyArn = 'arn:aws:kms:eu-west-1:111122223333:key/0b1c2d3e-aaaa-bbbb-cccc-111122223333';
const described = (kmsKeyRef: string) =>
  ({
    type: 'parameter',
    accountId: request.accountId,
    region: request.region,
    arn: request.arn,
    name: '/db/password',
    secure: true,
    tags: {},
    crypto: { family: 'AES', algorithm: 'AES-256-GCM', quantumVulnerable: false },
    lifecycle: { state: 'ACTIVE' },
    relations: { kmsKeyRef, inUseBy: [] },
    details: { kind: 'parameter', parameterType: 'SecureString' },
  }) as DiscoveredAsset;

function fakeStore(holders: string[]) {
  const applied: any[] = [];
  const store = {
    findAliasHolders: jest.fn(async () => holders),
    applyAssetChange: jest.fn(async (_t: string, change: any) => {
      applied.push(change);
      return 'applied';
    }),
  } as unknown as EventStore;
  return { store, applied };
}
const relationOps = (change: any) =>
  change.ops.filter((o: any) => o.path[0] === 'relations' && o.path[1] !== 'inUseBy').map((o: any) => [o.op, o.path[1], o.value]);

describe('DescribeAssetRefresher key references', () => {
  it('resolves an alias to the key ARN of the stored key that holds it, as the crawl does', async () => {
    // GIVEN the region's stored keys hold alias/aws/ssm on one key
    const { store, applied } = fakeStore([ssmKeyArn]);
    const refresher = new DescribeAssetRefresher({ describe: async () => described('alias/aws/ssm'), store });
    // WHEN a refresh reads the parameter
    await refresher.refresh(request);
    // THEN the observation names the key ARN, not the alias
    expect(store.findAliasHolders).toHaveBeenCalledWith('t1', '111122223333', 'eu-west-1', 'alias/aws/ssm');
    expect(relationOps(applied[0])).toEqual([
      ['set', 'kmsKeyArn', ssmKeyArn],
      ['unset', 'kmsKeyRef', undefined],
    ]);
  });

  it('resolves an alias ARN the same way', async () => {
    const { store, applied } = fakeStore([ssmKeyArn]);
    const refresher = new DescribeAssetRefresher({
      describe: async () => described('arn:aws:kms:eu-west-1:111122223333:alias/app/db'),
      store,
    });
    await refresher.refresh(request);
    expect(store.findAliasHolders).toHaveBeenCalledWith('t1', '111122223333', 'eu-west-1', 'alias/app/db');
    expect(relationOps(applied[0])[0]).toEqual(['set', 'kmsKeyArn', ssmKeyArn]);
  });

  it('keeps the reference when no stored key (or more than one) holds the alias', async () => {
    for (const holders of [[], [ssmKeyArn, `${ssmKeyArn}2`]]) {
      const { store, applied } = fakeStore(holders);
      await new DescribeAssetRefresher({ describe: async () => described('alias/aws/ssm'), store }).refresh(request);
      expect(relationOps(applied[0])).toEqual([
        ['unset', 'kmsKeyArn', undefined],
        ['set', 'kmsKeyRef', 'alias/aws/ssm'],
      ]);
    }
  });
});

describe('DescribeAssetRefresher: a certificate ACM does not know', () => {
  const certificate = {
    tenantId: 't1',
    accountId: '111122223333',
    region: 'eu-west-1',
    type: 'certificate' as const,
    arn: 'arn:aws:acm:eu-west-1:111122223333:certificate/6f1c3b1e-1111-2222-3333-444455556666',
  };

  /** A fixed clock and a describe that never finds the certificate. */
  function notFoundSetup(nowMs: number) {
    const describe = jest.fn(async () => undefined);
    const { store } = fakeStore([]);
    const refresher = new DescribeAssetRefresher({ describe, store, now: () => new Date(nowMs) });
    return { refresher, describe, store };
  }

  it('does not retry when the call is older than ACM\'s delay: "not found" then means deleted since', async () => {
    // GIVEN an ImportCertificate made 10 minutes before we process it, of a certificate deleted since
    const t0 = Date.parse('2026-11-28T12:00:00Z');
    const { refresher, describe, store } = notFoundSetup(t0 + 10 * 60_000);
    // WHEN the refresh runs
    await refresher.refresh(certificate, { eventTime: new Date(t0).toISOString() });
    // THEN one describe, nothing applied, nothing thrown
    expect(describe).toHaveBeenCalledTimes(1);
    expect(store.applyAssetChange).not.toHaveBeenCalled();
  });

  it('never waits inside the batch: a fresh call not found yet fails only its record, at once, for SQS to redeliver', async () => {
    // GIVEN the call was made 6 s ago (window 15 s)
    const t0 = Date.parse('2026-11-28T12:00:00Z');
    const { refresher, describe } = notFoundSetup(t0 + 6_000);
    // WHEN the certificate is not found
    const started = Date.now();
    const outcome = refresher.refresh(certificate, { eventTime: new Date(t0).toISOString() });
    // THEN one describe and a retryable error, with no sleep
    await expect(outcome).rejects.toBeInstanceOf(CertificateNotYetVisibleError);
    expect(describe).toHaveBeenCalledTimes(1);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('applies the certificate when the redelivery finds it', async () => {
    const t0 = Date.parse('2026-11-28T12:00:00Z');
    const described = { ...certificateAsset(certificate.arn) };
    const describe = jest.fn().mockResolvedValueOnce(described);
    const { store, applied } = fakeStore([]);
    const refresher = new DescribeAssetRefresher({ describe, store, now: () => new Date(t0 + 2_000) });
    await refresher.refresh(certificate, { eventTime: new Date(t0).toISOString() });
    expect(applied).toHaveLength(1);
    expect(store.applyAssetChange).toHaveBeenCalledWith('t1', expect.anything(), { time: new Date(t0 + 2_000).toISOString(), eventId: 'refresh' }, expect.anything());
  });

  it('without an event time, the window starts at processing (as fresh as it can be)', async () => {
    const { refresher } = notFoundSetup(Date.parse('2026-11-28T12:00:00Z'));
    await expect(refresher.refresh(certificate)).rejects.toBeInstanceOf(CertificateNotYetVisibleError);
  });

  it('a key or secret not found is final at once (only ACM has the documented delay)', async () => {
    const { refresher } = notFoundSetup(Date.parse('2026-11-28T12:00:00Z'));
    await expect(refresher.refresh({ ...certificate, type: 'key', arn: 'arn:aws:kms:eu-west-1:111122223333:key/k' })).resolves.toBeUndefined();
  });
});

function certificateAsset(arn: string): DiscoveredAsset {
  return {
    type: 'certificate',
    accountId: '111122223333',
    region: 'eu-west-1',
    arn,
    name: 'app.example.com',
    tags: {},
    crypto: { family: 'EC', algorithm: 'EC_prime256v1', quantumVulnerable: true },
    lifecycle: { state: 'ISSUED' },
    relations: { inUseBy: [] },
    details: { kind: 'certificate' },
  } as unknown as DiscoveredAsset;
}
