import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ADMIN_CLI_ACTOR } from '../lambdas/auth/audit-log';
import { DynamoAuditLog } from '../lambdas/auth/dynamo-audit-log';
import { issueToken } from '../lambdas/auth/issue-token';
import { hashTokenSecret } from '../lambdas/auth/token-secret';
import type { Permission } from '../lambdas/control/control-model';
import type { ControlStores } from '../lambdas/control/control-stores';
import { dynamoControlStores } from '../lambdas/control/dynamo-control-stores';
import { TenantNotFoundError } from '../lambdas/control/errors';
import { newExternalId, newTenantId } from '../lambdas/control/ids';
import { documentClient } from '../lambdas/shared/dynamo';
import type { LocalStateFile } from './local-state-file';

export interface LocalTenant {
  readonly tenantId: string;
  readonly externalId: string;
  /** Token secrets (shown once by the API; kept in local.json for the local demo). */
  readonly tokens: Readonly<Record<'admin' | 'reader' | 'uploader', string>>;
}

const ROLES: ReadonlyArray<'admin' | 'reader' | 'uploader'> = ['admin', 'reader', 'uploader'];

/**
 * The local demo tenant: reused when local.json names a tenant that still exists and whose three tokens are still
 * valid in the data, otherwise created with new admin/reader/uploader tokens (through the control stores and
 * token issuing the API uses).
 */
export async function ensureLocalTenant(input: {
  readonly dynamoEndpoint: string;
  readonly controlTable: string;
  readonly previous?: LocalStateFile;
  readonly now?: Date;
}): Promise<LocalTenant> {
  const client = new DynamoDBClient({
    endpoint: input.dynamoEndpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = documentClient(client);
  const stores = dynamoControlStores(db, input.controlTable);
  const audit = new DynamoAuditLog(db, input.controlTable);
  try {
    const reused = input.previous ? await reuse(stores, input.previous) : undefined;
    if (reused) return reused;
    const now = input.now ?? new Date();
    const tenant = await stores.tenants.createTenant({
      tenantId: newTenantId(),
      name: 'Local demo',
      externalId: newExternalId(),
      createdAt: now.toISOString(),
    });
    const tokens: Record<string, string> = {};
    for (const role of ROLES) {
      const { secret } = await issueToken(stores.tokens, audit, {
        tenantId: tenant.tenantId,
        name: `local ${role}`,
        permissions: [role as Permission],
        createdBy: ADMIN_CLI_ACTOR,
        now,
      });
      tokens[role] = secret;
    }
    return { tenantId: tenant.tenantId, externalId: tenant.externalId, tokens: tokens as LocalTenant['tokens'] };
  } finally {
    client.destroy();
  }
}

async function reuse(stores: ControlStores, previous: LocalStateFile): Promise<LocalTenant | undefined> {
  let externalId: string;
  try {
    externalId = (await stores.tenants.getTenant(previous.tenantId)).externalId;
  } catch (err) {
    if (err instanceof TenantNotFoundError) return undefined;
    throw err;
  }
  for (const role of ROLES) {
    const token = await stores.tokens.findTokenByHash(hashTokenSecret(previous.tokens[role]));
    if (!token || token.tenantId !== previous.tenantId || token.revokedAt) return undefined;
  }
  return { tenantId: previous.tenantId, externalId, tokens: previous.tokens };
}
