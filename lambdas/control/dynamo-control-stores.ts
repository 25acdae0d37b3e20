import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ControlStores } from './control-stores';
import { DynamoAccountStore } from './dynamo-account-store';
import { DynamoIngestionStore, type IngestionStoreOptions } from './dynamo-ingestion-store';
import { DynamoTenantStore } from './dynamo-tenant-store';
import { DynamoTokenStore } from './dynamo-token-store';

/** Every control-plane store over one CONTROL table: what a handler builds at init and injects. */
export function dynamoControlStores(db: DynamoDBDocumentClient, tableName: string, options: IngestionStoreOptions = {}): ControlStores {
  return {
    tenants: new DynamoTenantStore(db, tableName),
    tokens: new DynamoTokenStore(db, tableName),
    accounts: new DynamoAccountStore(db, tableName),
    ingestions: new DynamoIngestionStore(db, tableName, options),
  };
}
