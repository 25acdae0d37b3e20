import { runAdmin, type AdminIo } from '../../../bin/admin';
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
  };
  return { out, err, tenants, tokens, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l), env, control } };
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
