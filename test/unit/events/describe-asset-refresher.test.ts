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
