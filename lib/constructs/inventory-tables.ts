import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { GSI1, GSI2, KEY, TTL_ATTRIBUTE } from '../../lambdas/shared/table-schema';

export interface InventoryTablesProps {
  /** @default RemovalPolicy.RETAIN — the inventory outlives a mistaken `cdk destroy` */
  readonly removalPolicy?: RemovalPolicy;
}

export type TableName = 'inventory' | 'control';

/** The item-level actions the code uses: single-item conditional writes only (no batch, no transaction, no scan). */
export type ItemAction = 'GetItem' | 'Query' | 'PutItem' | 'UpdateItem' | 'DeleteItem';
export const READ: readonly ItemAction[] = ['GetItem', 'Query'];

/** Partition-key prefixes a function may write unless its grant names others (see `grant`). */
const DEFAULT_WRITE_KEYS: Record<TableName, readonly string[]> = { inventory: ['ASSET#*'], control: ['TENANT#*', 'INGESTION#*'] };

/**
 * The two DynamoDB tables; their key design is documented in lambdas/shared/table-schema.ts. On-demand capacity,
 * point-in-time recovery, AWS-owned encryption at rest, TTL on `expiresAt` (event dedup markers, history rows).
 */
export class InventoryTables extends Construct {
  public readonly inventory: dynamodb.Table;
  public readonly control: dynamodb.Table;
  private readonly indexes: Record<TableName, readonly string[]> = { inventory: [GSI1.name, GSI2.name], control: [GSI1.name] };

  constructor(scope: Construct, id: string, props: InventoryTablesProps = {}) {
    super(scope, id);
    this.inventory = this.table('Inventory', [GSI1, GSI2], props);
    this.control = this.table('Control', [GSI1], props);
  }

  /**
   * Grants exactly these item actions on one table. Queries also get the table's indexes, named one by one
   * (Table.grant would add "index/*"). Writes carry a `dynamodb:LeadingKeys` condition: a function writes only the
   * item types (partition-key prefixes, lambdas/shared/table-schema.ts) it owns — by default assets in the
   * inventory and tenant/ingestion items in the control table, never tokens or event dedup markers
   * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/specifying-conditions.html).
   */
  grant(grantee: iam.IGrantable, name: TableName, actions: readonly ItemAction[], writeKeys: readonly string[] = DEFAULT_WRITE_KEYS[name]): void {
    const table = this[name];
    const reads: ItemAction[] = actions.filter((a) => a === 'GetItem' || a === 'Query');
    const writes = actions.filter((a) => !reads.includes(a));
    const readResources = [table.tableArn];
    if (reads.includes('Query')) readResources.push(...this.indexes[name].map((index) => `${table.tableArn}/index/${index}`));
    if (reads.length > 0) grantee.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: reads.map((a) => `dynamodb:${a}`), resources: readResources }));
    if (writes.length > 0) {
      grantee.grantPrincipal.addToPrincipalPolicy(
        new iam.PolicyStatement({
          actions: writes.map((a) => `dynamodb:${a}`),
          resources: [table.tableArn],
          conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...writeKeys] } },
        }),
      );
    }
  }

  private table(id: string, indexes: ReadonlyArray<{ name: string; pk: string; sk: string }>, props: InventoryTablesProps) {
    const table = new dynamodb.Table(this, id, {
      partitionKey: { name: KEY.pk, type: dynamodb.AttributeType.STRING },
      sortKey: { name: KEY.sk, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: TTL_ATTRIBUTE,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    for (const index of indexes) {
      table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.pk, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sk, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }
    return table;
  }
}
