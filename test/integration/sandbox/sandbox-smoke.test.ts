import { ListKeysCommand } from '@aws-sdk/client-kms';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { startSandbox } from '../../../lambdas/sandbox/sandbox';
import type { Sandbox } from '../../../lambdas/sandbox/sandbox';
import { sandboxClients } from './sandbox-clients';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 1 });
});
afterAll(() => sandbox.stop());

test('smoke', async () => {
  const c = sandboxClients(sandbox, 'us-east-1');
  const who = await c.sts.send(new GetCallerIdentityCommand({}));
  expect(who.Account).toBe(sandbox.accountId);
  const keys = await c.kms.send(new ListKeysCommand({}));
  expect(keys.Keys?.length).toBe(sandbox.estate.regions['us-east-1'].kms.keys.length);
});
