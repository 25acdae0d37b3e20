import { apiHandler } from '../../../lambdas/api/api-handler';
import { tokensRoutes } from '../../../lambdas/api/tokens-routes';
import { authorize } from '../../../lambdas/auth/authorize';
import { DynamoAuditLog } from '../../../lambdas/auth/dynamo-audit-log';
import { issueToken } from '../../../lambdas/auth/issue-token';
import { DynamoTokenStore } from '../../../lambdas/control/dynamo-token-store';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { adminCaller, apiEvent, bodyOf, silentLogger } from './api-event';

let dynamo: LocalDynamo;
let control: DynamoTokenStore;
let audit: DynamoAuditLog;
let tokens: ReturnType<typeof apiHandler>;
let n = 0;

beforeAll(async () => {
  dynamo = await startDynalite();
  control = new DynamoTokenStore(dynamo.documentClient, dynamo.controlTable);
  audit = new DynamoAuditLog(dynamo.documentClient, dynamo.controlTable);
  tokens = apiHandler(tokensRoutes({ tokens: control, audit, now: () => new Date() }), silentLogger);
});
afterAll(async () => dynamo.stop());

const methodArn = 'arn:aws:execute-api:eu-west-1:123456789012:api/v1/POST/tokens';
const asAdmin = (secret: string) =>
  authorize({ headers: { 'X-API-Key': secret }, httpMethod: 'POST', resource: '/tokens', methodArn }, { findTokenByHash: (h) => control.findTokenByHash(h), now: () => new Date() });

it('tokens record who created them; creation and revocation are in the audit log an admin reads', async () => {
  const tenantId = `audit-${++n}`;
  const admin = await adminCaller(control, audit, tenantId);
  const created = bodyOf(await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: 'ci', permissions: ['reader'] }, ...admin })));
  const token = created.token as { tokenId: string; createdBy: string };
  expect(token.createdBy).toBe(admin.tokenId); // the calling token's id
  expect(await tokens(apiEvent({ method: 'DELETE', resource: '/tokens/{tokenId}', pathParameters: { tokenId: token.tokenId }, ...admin }))).toMatchObject({ statusCode: 200 });

  const log = await tokens(apiEvent({ method: 'GET', resource: '/audit-log', tenantId }));
  expect(log.statusCode).toBe(200);
  expect(log.body).not.toContain('aqg_'); // never a secret
  expect(bodyOf(log).items).toEqual([
    expect.objectContaining({ action: 'token-revoked', actor: admin.tokenId, tokenId: token.tokenId, tokenName: 'ci' }),
    expect.objectContaining({ action: 'token-created', actor: admin.tokenId, tokenId: token.tokenId, permissions: ['reader'] }),
    expect.objectContaining({ action: 'token-created', actor: 'admin-cli', tokenId: admin.tokenId }),
  ]);
  // Another tenant sees nothing of it; a reader may not read it.
  expect(bodyOf(await tokens(apiEvent({ method: 'GET', resource: '/audit-log', tenantId: 'someone-else' }))).items).toEqual([]);
  expect((await tokens(apiEvent({ method: 'GET', resource: '/audit-log', tenantId, permissions: 'reader' }))).statusCode).toBe(403);
});

it('pages newest first with `before`, and refuses a cursor it did not issue', async () => {
  const tenantId = `audit-${++n}`;
  const admin = await adminCaller(control, audit, tenantId);
  for (let i = 0; i < 5; i++) await tokens(apiEvent({ method: 'POST', resource: '/tokens', body: { name: `t${i}`, permissions: ['reader'] }, ...admin }));
  const seen: string[] = [];
  let before: string | undefined;
  do {
    const page = bodyOf(await tokens(apiEvent({ method: 'GET', resource: '/audit-log', tenantId, query: { limit: '2', ...(before ? { before } : {}) } })));
    seen.push(...(page.items as Array<{ tokenName: string }>).map((e) => e.tokenName));
    before = page.next as string | undefined;
  } while (before);
  expect(seen).toEqual(['t4', 't3', 't2', 't1', 't0', 'test admin']);
  for (const bad of ['', 'AUDIT#x', '__proto__', 'TOKEN#abc']) {
    const res = await tokens(apiEvent({ method: 'GET', resource: '/audit-log', tenantId, query: { before: bad } }));
    expect(res.statusCode).toBe(400);
    expect(bodyOf(res).error?.field).toBe('before');
  }
});

it('a revoked admin token is refused on its very next request: it cannot mint tokens', async () => {
  const tenantId = `audit-${++n}`;
  const { token, secret } = await issueToken(control, audit, { tenantId, name: 'admin', permissions: ['admin'], createdBy: 'admin-cli', now: new Date() });
  await expect(asAdmin(secret)).resolves.toMatchObject({ context: { tenantId } });
  await control.revokeToken(tenantId, token.tokenId, new Date().toISOString());
  const started = Date.now();
  await expect(asAdmin(secret)).rejects.toThrow('Unauthorized');
  expect(Date.now() - started).toBeLessThan(1000);
});

it('a token whose creation cannot be audited does not survive', async () => {
  const tenantId = `audit-${++n}`;
  const failing = { append: async () => Promise.reject(new Error('audit down')) };
  await expect(issueToken(control, failing, { tenantId, name: 'x', permissions: ['admin'], createdBy: 'tok', now: new Date() })).rejects.toThrow('audit down');
  const [stored] = await control.listTokens(tenantId);
  expect(stored?.revokedAt).toBeDefined();
});
