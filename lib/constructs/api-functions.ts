import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { InventoryTables, READ } from './inventory-tables';
import { PlatformFunction } from './platform-function';

export interface ApiFunctionsProps {
  readonly tables: InventoryTables;
}

/**
 * The functions behind the API (one per route group) and its authorizer, each with only the table actions it uses.
 * The route table (lambdas/api/route-table.ts) names which serves each route; the events route is EventPipeline's intake.
 */
export class ApiFunctions extends Construct {
  public readonly authorizer: PlatformFunction<'authorizer'>;
  public readonly openapi: PlatformFunction<'openapi-api'>;
  public readonly tokens: PlatformFunction<'tokens-api'>;
  public readonly template: PlatformFunction<'template-api'>;
  public readonly accounts: PlatformFunction<'accounts-api'>;
  public readonly ingestions: PlatformFunction<'ingestions-api'>;
  public readonly inventory: PlatformFunction<'inventory-api'>;
  public readonly findings: PlatformFunction<'findings-api'>;

  constructor(scope: Construct, id: string, props: ApiFunctionsProps) {
    super(scope, id);
    const { tables } = props;
    const control = { CONTROL_TABLE_NAME: tables.control.tableName };
    const both = { ...control, INVENTORY_TABLE_NAME: tables.inventory.tableName };

    this.authorizer = new PlatformFunction(this, 'Authorizer', {
      handlerName: 'authorizer',
      description: 'X-API-Key REQUEST authorizer',
      environment: control,
    });
    tables.grant(this.authorizer.function, 'control', ['GetItem']);

    this.openapi = new PlatformFunction(this, 'OpenApi', { handlerName: 'openapi-api', description: 'GET /openapi.json' });

    this.tokens = new PlatformFunction(this, 'Tokens', { handlerName: 'tokens-api', description: 'Token routes', environment: control });
    tables.grant(this.tokens.function, 'control', [...READ, 'PutItem', 'UpdateItem'], ['TOKEN#*', 'TENANT#*']); // tokens and their audit log

    this.template = new PlatformFunction(this, 'Template', {
      handlerName: 'template-api',
      description: 'Customer template for a tenant',
      environment: control,
    });
    tables.grant(this.template.function, 'control', ['GetItem']);

    this.accounts = new PlatformFunction(this, 'Accounts', {
      handlerName: 'accounts-api',
      description: 'Data source (AWS account) routes',
      timeout: Duration.seconds(29),
      environment: both,
    });
    tables.grant(this.accounts.function, 'control', [...READ, 'PutItem', 'UpdateItem']);
    tables.grant(this.accounts.function, 'inventory', [...READ, 'UpdateItem', 'DeleteItem']); // unlink marks assets; purge deletes them
    tables.grant(this.accounts.function, 'inventory', ['DeleteItem'], ['USAGE#*']); // purge deletes usage edges; only the processor writes them

    this.ingestions = new PlatformFunction(this, 'Ingestions', {
      handlerName: 'ingestions-api',
      description: 'Ingestion routes',
      environment: control,
    });
    tables.grant(this.ingestions.function, 'control', [...READ, 'PutItem', 'UpdateItem']);

    // Memory for the CBOM export, which builds up to 5000 assets' document in one response.
    this.inventory = new PlatformFunction(this, 'Inventory', {
      handlerName: 'inventory-api',
      description: 'Inventory routes (list, one asset, CBOM export)',
      memorySize: 1024,
      environment: both,
    });
    tables.grant(this.inventory.function, 'control', READ);
    tables.grant(this.inventory.function, 'inventory', READ);

    this.findings = new PlatformFunction(this, 'Findings', {
      handlerName: 'findings-api',
      description: 'Findings routes (list, SARIF, catalogue, summary, suppressions)',
      memorySize: 1024,
      environment: both,
    });
    tables.grant(this.findings.function, 'control', READ);
    tables.grant(this.findings.function, 'inventory', [...READ, 'PutItem']); // suppress / lift: the finding item (ASSET#…)
    // Every route counts its token's requests in RATE# windows (lambdas/api/api-handler.ts): 429 past the limit.
    for (const fn of [this.tokens, this.template, this.accounts, this.ingestions, this.inventory, this.findings]) {
      tables.grant(fn.function, 'control', ['UpdateItem'], ['RATE#*']);
    }
  }
}
