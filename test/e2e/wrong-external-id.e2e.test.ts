import { ACCOUNTS, startE2eRuntime } from './e2e-support';

jest.setTimeout(60_000);

it('refuses to connect a role whose trust policy requires another ExternalId (422)', async () => {
  // GIVEN a sandbox account whose role trusts an ExternalId that is not this tenant's
  const { runtime, api, cleanup } = await startE2eRuntime({ externalId: 'another-tenants-external-id' });
  try {
    // WHEN the tenant connects that role
    const res = await api.as(runtime.tokens.admin).request<any>('POST', ACCOUNTS, { roleArn: runtime.sandbox!.roleArn });
    // THEN the platform cannot assume it and says so
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBeDefined();
  } finally {
    await cleanup();
  }
});
