import { endpointOf, runAdmin, type AdminIo } from '../../../bin/admin';
import type { AuditEntry } from '../../../lambdas/auth/audit-log';
import type { StoredToken, Tenant } from '../../../lambdas/control/control-model';
import { TenantNotFoundError } from '../../../lambdas/control/errors';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const tenants: Tenant[] = [];
  const tokens: StoredToken[] = [];
  const control: NonNullable<AdminIo['control']> = {
    createTenant: async (t) => (tenants.push(t), t),
    getTenant: async (id) => {
      const t = tenants.find((x) => x.tenantId === id);
      if (!t) throw new TenantNotFoundError(id);
      return t;
    },
    putToken: async (t) => {
      tokens.push(t);
      const { secretHash: _h, ...record } = t;
      return record;
    },
    revokeToken: async () => {
      throw new Error('not expected');
    },
  };
  const audited: AuditEntry[] = [];
  const audit = { append: async (e: AuditEntry) => void audited.push(e) };
  return { out, err, tenants, tokens, audited, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env, control, audit } };
}

describe('admin CLI', () => {
  it.each([
    [[]],
    [['nonsense']],
    [['create-tenant']],
    [['create-tenant', '--name']],
    [['create-tenant', '--name', 'X', '--bogus', '1']],
    [['create-token', '--tenant', 't', '--name', 'n']],
    [['create-token', '--tenant', 't', '--name', 'n', '--permissions', 'root']],
    [['create-token', '--tenant', 't', '--name', 'n', '--permissions', 'admin', '--expires-at', 'soon']],
    [['create-token', '--name', 'n', '--permissions', 'admin']],
  ])('exits 2 with a message for bad arguments %j', async (...argv) => {
    const t = io();
    expect(await runAdmin(argv[0] as string[], t.io)).toBe(2);
    expect(t.err[0]).toMatch(/^Error: /);
    expect(t.err.join('\n')).toContain('Usage:');
  });

  it('exits 2 when no control table is configured', async () => {
    const t = io();
    expect(await runAdmin(['create-tenant', '--name', 'X'], { ...t.io, control: undefined })).toBe(2);
    expect(t.err[0]).toContain('--control-table');
  });

  it('creates a tenant with a random ExternalId, then an admin token printing the secret once', async () => {
    const t = io();
    expect(await runAdmin(['create-tenant', '--name', 'Example Corp'], t.io)).toBe(0);
    const tenant = JSON.parse(t.out[0]) as Tenant;
    expect(tenant.externalId).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(await runAdmin(['create-token', '--tenant', tenant.tenantId, '--name', 'first', '--permissions', 'admin'], t.io)).toBe(0);
    const secretLine = t.out.find((l) => l.startsWith('Secret'));
    expect(secretLine).toMatch(/aqg_[0-9a-f]{20}_/);
    expect(t.tokens[0]).toMatchObject({ tenantId: tenant.tenantId, permissions: ['admin'] });
    expect(JSON.stringify(t.tokens[0])).not.toContain(secretLine!.split(' ').at(-1)!);
  });

  it('exits 1 for an unknown tenant', async () => {
    const t = io();
    expect(await runAdmin(['create-token', '--tenant', 'missing', '--name', 'n', '--permissions', 'admin'], t.io)).toBe(1);
    expect(t.err[0]).toContain('not found');
  });
});

describe('admin CLI endpoint', () => {
  it('honours AWS_ENDPOINT_URL_DYNAMODB (then AWS_ENDPOINT_URL) like every SDK program; --endpoint wins', () => {
    expect(endpointOf({}, { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:4567' })).toBe('http://127.0.0.1:4567');
    expect(endpointOf({}, { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' })).toBe('http://127.0.0.1:9');
    expect(endpointOf({ endpoint: 'http://localhost:1' }, { AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:4567' })).toBe('http://localhost:1');
    expect(endpointOf({}, {})).toBeUndefined();
    expect(() => endpointOf({}, { AWS_ENDPOINT_URL_DYNAMODB: 'ftp://x' })).toThrow('http(s) URL');
  });

  it('records createdBy admin-cli on the token and in the audit log', async () => {
    const t = io({ CONTROL_TABLE_NAME: 'control' });
    await runAdmin(['create-tenant', '--name', 'Acme'], t.io);
    const tenantId = t.tenants[0]!.tenantId;
    expect(await runAdmin(['create-token', '--tenant', tenantId, '--name', 'ci', '--permissions', 'admin'], t.io)).toBe(0);
    expect(t.tokens[0]).toMatchObject({ createdBy: 'admin-cli' });
    expect(t.audited).toEqual([expect.objectContaining({ action: 'token-created', actor: 'admin-cli', tokenId: t.tokens[0]!.tokenId, tenantId })]);
  });
});
