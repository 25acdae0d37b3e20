import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { withoutKeys } from '../shared/dynamo';
import { controlKeys } from '../shared/table-schema';
import type { Tenant } from './control-model';
import { TenantNotFoundError } from './errors';
import type { TenantStore } from './tenant-store';

/** Tenants in the CONTROL table (key design: lambdas/shared/table-schema.ts). */
export class DynamoTenantStore implements TenantStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async createTenant(tenant: Tenant): Promise<Tenant> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { ...controlKeys.tenant(tenant.tenantId), ...tenant },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return tenant;
  }

  async getTenant(tenantId: string): Promise<Tenant> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: controlKeys.tenant(tenantId) }));
    if (!Item) throw new TenantNotFoundError(tenantId);
    return withoutKeys<Tenant>(Item);
  }
}
