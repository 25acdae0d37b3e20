import { authorize, TokenLookupError, UnauthorizedError, type AuthorizerDeps } from '../../../lambdas/auth/authorize';
import { hashTokenSecret, newTokenSecret, parseTokenSecret } from '../../../lambdas/auth/token-secret';
import type { StoredToken } from '../../../lambdas/control/control-model';

const API = 'arn:aws:execute-api:eu-west-1:123456789012:abc123';
const NOW = new Date('2026-01-01T00:00:00Z');

function store(tokens: StoredToken[]): AuthorizerDeps {
  return {
    findTokenByHash: async (hash) => tokens.find((t) => t.secretHash === hash),
    now: () => NOW,
  };
}

function tokenWith(overrides: Partial<StoredToken> = {}) {
  const s = newTokenSecret();
  const token: StoredToken = {
    tokenId: s.tokenId,
    tenantId: 'tenant-1',
    name: 'ci',
    permissions: ['admin'],
    secretHash: s.secretHash,
    createdAt: '2025-01-01T00:00:00Z',
    ...overrides,
  };
  return { secret: s.secret, token };
}

const request = (secret: string | undefined, method = 'GET', resource = '/inventory', path = 'inventory') => ({
  headers: secret === undefined ? {} : { 'x-api-key': secret },
  httpMethod: method,
  resource,
  methodArn: `${API}/v1/${method}/${path}`,
});

describe('token secrets', () => {
  it('have the documented format and parse back to their id', () => {
    const s = newTokenSecret();
    expect(s.secret).toMatch(/^aqg_[0-9a-f]{20}_[A-Za-z0-9_-]{43}$/);
    expect(parseTokenSecret(s.secret)).toEqual({ tokenId: s.tokenId });
    expect(hashTokenSecret(s.secret)).toBe(s.secretHash);
    expect(parseTokenSecret('Bearer xyz')).toBeUndefined();
    expect(parseTokenSecret(`aqg_${s.tokenId}_short`)).toBeUndefined();
  });
});

describe('authorize', () => {
  it('rejects a missing header with Unauthorized (401)', async () => {
    await expect(authorize(request(undefined), store([]))).rejects.toThrow(new UnauthorizedError());
    await expect(authorize(request(undefined), store([]))).rejects.toThrow('Unauthorized');
  });

  it('rejects a malformed or unknown token with Unauthorized', async () => {
    const { token } = tokenWith();
    await expect(authorize(request('nope'), store([token]))).rejects.toThrow('Unauthorized');
    await expect(authorize(request(newTokenSecret().secret), store([token]))).rejects.toThrow('Unauthorized');
  });

  it('rejects a revoked token and an expired one with Unauthorized', async () => {
    const revoked = tokenWith({ revokedAt: '2025-06-01T00:00:00Z' });
    await expect(authorize(request(revoked.secret), store([revoked.token]))).rejects.toThrow('Unauthorized');
    const expired = tokenWith({ expiresAt: '2025-12-31T23:59:59Z' });
    await expect(authorize(request(expired.secret), store([expired.token]))).rejects.toThrow('Unauthorized');
  });

  it('accepts a token that expires later, header name in any case', async () => {
    const t = tokenWith({ expiresAt: '2026-02-01T00:00:00Z', permissions: ['reader'] });
    const decision = await authorize({ ...request(t.secret), headers: { 'X-API-KEY': t.secret } }, store([t.token]));
    expect(decision.context).toEqual({ tenantId: 'tenant-1', tokenId: t.token.tokenId, permissions: 'reader' });
    expect(decision.policyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'execute-api:Invoke',
        Resource: expect.arrayContaining([`${API}/v1/GET/inventory`, `${API}/v1/GET/inventory/*`]),
      },
    ]);
  });

  it('gives admin every reader route too, but not the events route, in one cacheable policy', async () => {
    const t = tokenWith({ permissions: ['admin'] });
    const decision = await authorize(request(t.secret), store([t.token]));
    expect(decision.context.permissions).toBe('admin,reader');
    const allow = decision.policyDocument.Statement.find((s) => s.Effect === 'Allow') as { Resource: string[] };
    expect(allow.Resource).toContain(`${API}/v1/POST/tokens`);
    expect(allow.Resource).toContain(`${API}/v1/GET/data-sources/aws/accounts/*/ingestions/*`);
    expect(allow.Resource).not.toContain(`${API}/v1/POST/data-sources/aws/events`);
    expect(decision.policyDocument.Statement.some((s) => s.Effect === 'Deny')).toBe(false);
  });

  it('denies (403) an under-privileged token on the current route', async () => {
    const t = tokenWith({ permissions: ['uploader'] });
    const req = request(t.secret, 'GET', '/inventory', 'inventory');
    const decision = await authorize(req, store([t.token]));
    expect(decision.policyDocument.Statement).toContainEqual({ Effect: 'Deny', Action: 'execute-api:Invoke', Resource: [req.methodArn] });
    const allow = decision.policyDocument.Statement.find((s) => s.Effect === 'Allow') as { Resource: string[] };
    expect(allow.Resource).toEqual([`${API}/v1/POST/data-sources/aws/events`]);
  });

  it('a reader cannot create tokens', async () => {
    const t = tokenWith({ permissions: ['reader'] });
    const decision = await authorize(request(t.secret, 'POST', '/tokens', 'tokens'), store([t.token]));
    expect(decision.policyDocument.Statement.some((s) => s.Effect === 'Deny')).toBe(true);
  });

  it('a failing token store is a 500, never a 401', async () => {
    const t = tokenWith();
    const failing: AuthorizerDeps = {
      findTokenByHash: async () => {
        throw Object.assign(new Error('Unauthorized'), { name: 'ProvisionedThroughputExceededException' });
      },
      now: () => NOW,
    };
    const err = await authorize(request(t.secret), failing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenLookupError);
    expect((err as Error).message).not.toBe('Unauthorized');
  });
});
