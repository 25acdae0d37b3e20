import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ADMIN_CLI_ACTOR, type AuditLog } from '../lambdas/auth/audit-log';
import { DynamoAuditLog } from '../lambdas/auth/dynamo-audit-log';
import { issueToken } from '../lambdas/auth/issue-token';
import { PERMISSIONS, type Permission } from '../lambdas/control/control-model';
import { DynamoTenantStore } from '../lambdas/control/dynamo-tenant-store';
import { DynamoTokenStore } from '../lambdas/control/dynamo-token-store';
import { newExternalId, newTenantId } from '../lambdas/control/ids';
import type { TenantStore } from '../lambdas/control/tenant-store';
import type { TokenStore } from '../lambdas/control/token-store';
import { createDocumentClient } from '../lambdas/shared/platform-clients';

/**
 * Platform admin CLI (bootstraps a tenant and its first admin token):
 *   npm run admin -- create-tenant --name "Example Corp" [--endpoint http://127.0.0.1:4567] [--control-table T]
 *   npm run admin -- create-token --tenant <tenantId> --name ci --permissions admin[,reader,uploader] [--expires-at ISO]
 * The control table comes from --control-table or CONTROL_TABLE_NAME; --endpoint (else AWS_ENDPOINT_URL_DYNAMODB, else
 * AWS_ENDPOINT_URL, as every SDK program reads them) points at a local DynamoDB.
 * Tokens it creates record `createdBy: admin-cli` and appear in the tenant's audit log.
 * Exit codes: 0 ok, 1 failure, 2 bad arguments.
 */
const USAGE = `Usage:
  admin create-tenant --name <name> [--endpoint <url>] [--control-table <table>]
  admin create-token --tenant <tenantId> --name <name> --permissions <admin,reader,uploader> [--expires-at <ISO date-time>] [--endpoint <url>] [--control-table <table>]`;

export interface AdminIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For tests: the stores to use instead of ones built from --endpoint/--control-table. */
  readonly control?: AdminStores;
  /** For tests: the audit log to use instead of one in the control table. */
  readonly audit?: Pick<AuditLog, 'append'>;
}

/** The tenant and token stores the admin commands write to. */
type AdminStores = Pick<TenantStore, 'createTenant' | 'getTenant'> & Pick<TokenStore, 'putToken' | 'revokeToken'>;

class UsageError extends Error {}

export async function runAdmin(argv: readonly string[], io: AdminIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        name: { type: 'string' },
        tenant: { type: 'string' },
        permissions: { type: 'string' },
        'expires-at': { type: 'string' },
        endpoint: { type: 'string' },
        'control-table': { type: 'string' },
      },
    });
  } catch (err) {
    return usage(io, (err as Error).message);
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  try {
    if (positionals.length !== 1 || (command !== 'create-tenant' && command !== 'create-token')) {
      throw new UsageError(`Unknown or missing command: ${positionals.join(' ') || '(none)'}`);
    }
    const name = required(values.name, '--name');
    if (command === 'create-tenant') {
      const control = io.control ?? repository(values, io.env);
      const tenant = await control.createTenant({
        tenantId: newTenantId(),
        name,
        externalId: newExternalId(),
        createdAt: new Date().toISOString(),
      });
      io.out(JSON.stringify(tenant, null, 2));
      return 0;
    }
    const tenantId = required(values.tenant, '--tenant');
    const permissions = required(values.permissions, '--permissions').split(',').map((p) => p.trim());
    const bad = permissions.filter((p) => !PERMISSIONS.includes(p as Permission));
    if (bad.length > 0 || permissions.length === 0) {
      throw new UsageError(`--permissions must be a comma-separated subset of ${PERMISSIONS.join(', ')}; got ${bad.join(', ')}`);
    }
    const expiresAt = values['expires-at'];
    if (expiresAt !== undefined && (Number.isNaN(Date.parse(expiresAt)) || Date.parse(expiresAt) <= Date.now())) {
      throw new UsageError('--expires-at must be an ISO-8601 date-time in the future');
    }
    const control = io.control ?? repository(values, io.env);
    const audit = io.audit ?? auditLog(values, io.env);
    await control.getTenant(tenantId);
    const { token, secret } = await issueToken(control, audit, {
      tenantId,
      name,
      permissions: [...new Set(permissions)] as Permission[],
      expiresAt,
      createdBy: ADMIN_CLI_ACTOR,
      now: new Date(),
    });
    io.out(JSON.stringify(token, null, 2));
    io.out(`Secret (shown once, store it now): ${secret}`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) return usage(io, err.message);
    io.err(`Error: ${(err as Error).message}`);
    return 1;
  }
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`${flag} is required`);
  return value.trim();
}

function usage(io: AdminIo, message: string): number {
  io.err(`Error: ${message}`);
  io.err(USAGE);
  return 2;
}

function tableOf(values: { 'control-table'?: string }, env: AdminIo['env']): string {
  const table = values['control-table'] ?? env.CONTROL_TABLE_NAME;
  if (!table) throw new UsageError('--control-table (or CONTROL_TABLE_NAME) is required');
  return table;
}

/** --endpoint, else the SDK's own endpoint variables (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html). */
export function endpointOf(values: { endpoint?: string }, env: AdminIo['env']): string | undefined {
  const endpoint = values.endpoint ?? env.AWS_ENDPOINT_URL_DYNAMODB ?? env.AWS_ENDPOINT_URL;
  if (endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(endpoint)) throw new UsageError('--endpoint (or AWS_ENDPOINT_URL_DYNAMODB) must be an http(s) URL');
  return endpoint;
}

function documentClient(values: { endpoint?: string }, env: AdminIo['env']): DynamoDBDocumentClient {
  const endpoint = endpointOf(values, env);
  if (endpoint === undefined) return createDocumentClient(env);
  // A local DynamoDB accepts any credentials; don't require real ones on a developer machine.
  const client = new DynamoDBClient({
    endpoint,
    region: env.AWS_REGION ?? 'us-east-1',
    ...(env.AWS_ACCESS_KEY_ID === undefined && { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

function repository(values: { endpoint?: string; 'control-table'?: string }, env: AdminIo['env']): AdminStores {
  const db = documentClient(values, env);
  const table = tableOf(values, env);
  const tenants = new DynamoTenantStore(db, table);
  const tokens = new DynamoTokenStore(db, table);
  return {
    createTenant: (tenant) => tenants.createTenant(tenant),
    getTenant: (tenantId) => tenants.getTenant(tenantId),
    putToken: (token) => tokens.putToken(token),
    revokeToken: (tenantId, tokenId, revokedAt) => tokens.revokeToken(tenantId, tokenId, revokedAt),
  };
}

function auditLog(values: { endpoint?: string; 'control-table'?: string }, env: AdminIo['env']): DynamoAuditLog {
  const table = tableOf(values, env);
  return new DynamoAuditLog(documentClient(values, env), table);
}

if (require.main === module) {
  void runAdmin(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
    env: process.env,
  }).then((code) => {
    process.exitCode = code;
  });
}
