import { waitForIngestion } from '../../local/demo';
import { ACCOUNTS, estateAssets, startE2eRuntime } from './e2e-support';

jest.setTimeout(120_000);

it('a run where one region answers AccessDenied ends PARTIAL and deletes nothing of that region', async () => {
  // GIVEN a connected sandbox account and a first, clean ingestion
  const { runtime, api, cleanup } = await startE2eRuntime();
  try {
    const admin = api.as(runtime.tokens.admin);
    const sandbox = runtime.sandbox!;
    await admin.call('POST', ACCOUNTS, { roleArn: sandbox.roleArn }, [201]);
    const first = await admin.call<any>('POST', `${ACCOUNTS}/${sandbox.accountId}/ingestions`, {}, [202]);
    expect((await waitForIngestion(admin, sandbox.accountId, first.ingestionId)).status).toBe('SUCCEEDED');
    const euKeys = estateAssets(sandbox.estate).filter((a) => a.region === 'eu-west-1' && a.type === 'key');
    expect(euKeys.length).toBeGreaterThan(0);

    // WHEN KMS in eu-west-1 starts answering AccessDenied
    sandbox.denyAccess('eu-west-1', 'kms');
    const second = await admin.call<any>('POST', `${ACCOUNTS}/${sandbox.accountId}/ingestions`, {}, [202]);
    const run = await waitForIngestion(admin, sandbox.accountId, second.ingestionId);

    // THEN the run is PARTIAL and that region's keys are still in the inventory, not deleted
    expect(run.status).toBe('PARTIAL');
    const inventory = await api.as(runtime.tokens.reader).inventory<any>({ includeDeleted: 'true' });
    for (const key of euKeys) {
      const asset = inventory.find((a) => a.arn === key.arn);
      expect({ arn: key.arn, present: !!asset, deleted: asset?.deleted ?? false }).toEqual({ arn: key.arn, present: true, deleted: false });
    }
  } finally {
    await cleanup();
  }
});
