import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { waitForIngestion } from '../../local/demo';
import { assetId } from '../../lambdas/inventory/asset-id';
import { inventoryKeys } from '../../lambdas/shared/table-schema';
import { createDocumentClient } from '../../lambdas/shared/platform-clients';
import type { AccountHealthReport } from '../../lambdas/health/health-model';
import { ACCOUNTS, startE2eRuntime } from './e2e-support';

jest.setTimeout(180_000);

const REGIONS = ['us-east-1', 'eu-west-1'];

it('a re-crawl counts exactly the changes no event brought, per (region, service), on the run and the account', async () => {
  // GIVEN a connected sandbox account, crawled once
  const { runtime, api, cleanup } = await startE2eRuntime({ regions: REGIONS });
  try {
    const admin = api.as(runtime.tokens.admin);
    const sandbox = runtime.sandbox!;
    const accountId = sandbox.accountId;
    await admin.call('POST', ACCOUNTS, { roleArn: sandbox.roleArn, regions: REGIONS }, [201]);
    const crawl = async () => {
      const started = await admin.call<{ ingestionId: string }>('POST', `${ACCOUNTS}/${accountId}/ingestions`, {}, [202]);
      const done = await waitForIngestion(admin, accountId, started.ingestionId);
      expect(done.status).toBe('SUCCEEDED');
      await runtime.idle();
      return (await admin.call<{ ingestion: { drift?: Record<string, Record<string, unknown>> } }>('GET', `${ACCOUNTS}/${accountId}/ingestions/${started.ingestionId}`)).ingestion;
    };
    const first = await crawl();
    expect(first.drift).toBeUndefined(); // everything is new on a first crawl: that is not drift

    // WHEN nothing changed, a re-crawl finds no drift in any (region, service)
    const quiet = await crawl();
    const zero = { created: 0, updated: 0, deleted: 0 };
    for (const region of REGIONS) {
      expect(quiet.drift?.[region]).toEqual({ kms: zero, acm: zero, secretsmanager: zero, ssm: zero });
    }

    // WHEN the account changes and none of the CloudTrail events is sent
    sandbox.createKey({ region: 'us-east-1', description: 'created behind the pipeline’s back' });
    const secret = sandbox.estate.regions['eu-west-1'].secretsmanager.secrets[0];
    sandbox.tagResource({ arn: secret.arn, tags: [{ key: 'drift', value: 'yes' }] });
    const parameter = sandbox.estate.regions['us-east-1'].ssm.parameters[0];
    sandbox.deleteParameter({ region: 'us-east-1', name: parameter.name });
    // Re-crawls run hours apart; the sweep spares whatever was observed in the 10 minutes before a crawl began
    // (SWEEP_GRACE_MS, lambdas/ingestion/finalize-crawl.ts). Age the parameter's last observation as if the previous
    // crawl had read it an hour ago.
    await createDocumentClient().send(
      new UpdateCommand({
        TableName: process.env.INVENTORY_TABLE_NAME,
        Key: inventoryKeys.asset(assetId(runtime.tenant.tenantId, parameter.arn)),
        UpdateExpression: 'SET observedAt = :old',
        ExpressionAttributeValues: { ':old': new Date(Date.now() - 3600_000).toISOString() },
      }),
    );
    const drifted = await crawl();

    // THEN the re-crawl counts exactly those changes
    expect(drifted.drift).toEqual({
      'us-east-1': { kms: { ...zero, created: 1 }, acm: zero, secretsmanager: zero, ssm: { ...zero, deleted: 1 } },
      'eu-west-1': { kms: zero, acm: zero, secretsmanager: { ...zero, updated: 1 }, ssm: zero },
    });
    const { account } = await admin.call<{ account: Record<string, unknown> }>('GET', `${ACCOUNTS}/${accountId}`);
    expect(account).toMatchObject({ driftCreated: 1, driftUpdated: 1, driftDeleted: 1 });

    // AND with healthy EventBridge resources, the pipeline check flags the regions where events were lost
    const health = await admin.call<AccountHealthReport>('POST', `${ACCOUNTS}/${accountId}/health-checks`, {});
    const delivery = (region: string) => health.regions.find((r) => r.region === region)!.checks.find((c) => c.check === 'delivery')!;
    expect(delivery('us-east-1')).toMatchObject({ status: 'warn', remedy: expect.stringMatching(/CloudTrail trail is logging/) });
    expect(health.regions.find((r) => r.region === 'us-east-1')!.drift).toEqual({ created: 1, updated: 0, deleted: 1 });
    expect(delivery('eu-west-1').status).toBe('warn');
  } finally {
    await cleanup();
  }
});
