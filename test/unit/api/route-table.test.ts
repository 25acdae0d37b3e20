import { authorize } from '../../../lambdas/auth/authorize';
import { newTokenSecret } from '../../../lambdas/auth/token-secret';
import { buildOpenApiDocument } from '../../../lambdas/api/openapi';
import { ROUTE_TABLE, type ApiRoute } from '../../../lambdas/api/route-table';
import { ROUTES, findRoute } from '../../../lambdas/auth/route-permissions';
import type { Permission } from '../../../lambdas/control/control-model';
import { ApiRoutes } from '../../../local/api-routes';
import { readBackendTemplate, type LocalRoute } from '../../../local/backend-template';
import { synthesizeBackendTemplate } from '../../../local/synthesized-backend';

/**
 * The route table (lambdas/api/route-table.ts) is the one source of API Gateway's methods, the authorizer's
 * permissions, the OpenAPI document and the local gateway's routing. These tests read each of them back and compare
 * it with the table, so a route added, dropped or re-permissioned in the table shows up (or fails) everywhere.
 */

const table: readonly ApiRoute[] = ROUTE_TABLE;
const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** A value each path parameter's schema accepts, so a concrete request path can be routed. */
const SAMPLE: Readonly<Record<string, string>> = {
  accountId: '123456789012',
  ingestionId: '01JABCDEFGHJKMNPQRSTVWXYZ0',
  tokenId: '0123456789abcdef0123',
  assetId: 'AbCdEfGhIjKlMnOpQrStUv',
  findingId: 'AbCdEfGhIjKlMnOpQrStUv',
  runId: '01JABCDEFGHJKMNPQRSTVWXYZ1',
};
const concretePath = (path: string) => path.replace(/\{([^}]+)\}/g, (_m, name: string) => SAMPLE[name]);

describe('route table', () => {
  let localRoutes: readonly LocalRoute[];
  beforeAll(() => {
    // GIVEN the backend synthesized as `cdk synth` builds it, read as the local runtime reads it
    localRoutes = readBackendTemplate(synthesizeBackendTemplate()).routes;
  });

  it('has one entry per (method, path), and path parameters whose schemas accept the samples', () => {
    expect(new Set(table.map(key)).size).toBe(table.length);
    for (const route of table) {
      const names = [...route.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
      expect({ route: key(route), params: Object.keys(route.request.params?.shape ?? {}) }).toEqual({ route: key(route), params: names });
      if (route.request.params) expect(route.request.params.safeParse(Object.fromEntries(names.map((n) => [n, SAMPLE[n]]))).success).toBe(true);
    }
  });

  it('is exactly API Gateway’s methods: path, method, authorizer and the function behind each', () => {
    const deployed = localRoutes.map((r) => ({ route: `${r.httpMethod} ${r.resourcePath}`, authorizationType: r.authorizationType, handlerName: r.handlerName }));
    const expected = table.map((r) => ({ route: key(r), authorizationType: r.permission ? 'CUSTOM' : 'NONE', handlerName: r.function }));
    const byRoute = (a: { route: string }, b: { route: string }) => a.route.localeCompare(b.route);
    expect(deployed.sort(byRoute)).toEqual(expected.sort(byRoute));
  });

  it('is what the local gateway routes: every concrete path reaches its route’s function (literal parts win)', () => {
    const gateway = new ApiRoutes(localRoutes);
    for (const route of table) {
      const match = gateway.match(route.method, concretePath(route.path));
      expect({ route: key(route), resourcePath: match?.route.resourcePath, handlerName: match?.route.handlerName }).toEqual({
        route: key(route),
        resourcePath: route.path,
        handlerName: route.function,
      });
    }
  });

  it('is the authorizer’s permission map, and its policy allows each route exactly for its permission', async () => {
    expect(ROUTES.map((r) => ({ route: key(r), permission: r.permission }))).toEqual(table.map((r) => ({ route: key(r), permission: r.permission })));
    const permissions: Permission[] = ['admin', 'reader', 'uploader'];
    for (const granted of permissions) {
      const s = newTokenSecret();
      const token = { tokenId: s.tokenId, tenantId: 't', name: 'n', permissions: [granted], createdAt: '2026-01-01T00:00:00.000Z', secretHash: s.secretHash };
      for (const route of table.filter((r) => r.permission)) {
        expect(findRoute(route.method, route.path)?.permission).toBe(route.permission);
        const methodArn = `arn:aws:execute-api:eu-west-1:123456789012:api123/v1/${route.method}${concretePath(route.path)}`;
        const decision = await authorize(
          { headers: { 'X-API-Key': s.secret }, httpMethod: route.method, resource: route.path, methodArn },
          { findTokenByHash: async (hash) => (hash === s.secretHash ? token : undefined), now: () => new Date('2026-02-01T00:00:00Z') },
        );
        const denied = decision.policyDocument.Statement.some((st) => st.Effect === 'Deny');
        const allowed = granted === route.permission || (granted === 'admin' && route.permission === 'reader');
        expect({ route: key(route), granted, denied }).toEqual({ route: key(route), granted, denied: !allowed });
      }
    }
  });

  it('is the OpenAPI document’s operations, with their permissions and summaries', () => {
    const doc = buildOpenApiDocument() as unknown as { paths: Record<string, Record<string, { summary: string; 'x-aqg-permission'?: string }>> };
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, permission: op['x-aqg-permission'], summary: op.summary })),
    );
    expect(documented).toEqual(table.map((r) => ({ route: key(r), permission: r.permission, summary: r.summary })));
  });
});
