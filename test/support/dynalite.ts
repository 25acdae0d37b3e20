import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GSI1, GSI2, KEY } from '../../lambdas/shared/table-schema';
// dynalite ships no types; it returns a node http.Server.
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

export const INVENTORY_TABLE = 'inventory';
export const CONTROL_TABLE = 'control';

const gsi = (g: { name: string; pk: string; sk: string }) => ({
  IndexName: g.name,
  KeySchema: [
    { AttributeName: g.pk, KeyType: 'HASH' as const },
    { AttributeName: g.sk, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'ALL' as const },
});

const S = (name: string) => ({ AttributeName: name, AttributeType: 'S' as const });

/**
 * CreateTable inputs matching lambdas/shared/table-schema.ts. The lead will switch these to the synthesized
 * template's definitions; callers go through `createTables` so only this function changes.
 */
export function tableDefinitions(names = { inventory: INVENTORY_TABLE, control: CONTROL_TABLE }): CreateTableCommandInput[] {
  const keySchema = [
    { AttributeName: KEY.pk, KeyType: 'HASH' as const },
    { AttributeName: KEY.sk, KeyType: 'RANGE' as const },
  ];
  return [
    {
      TableName: names.inventory,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keySchema,
      AttributeDefinitions: [S(KEY.pk), S(KEY.sk), S(GSI1.pk), S(GSI1.sk), S(GSI2.pk), S(GSI2.sk)],
      GlobalSecondaryIndexes: [gsi(GSI1), gsi(GSI2)],
    },
    {
      TableName: names.control,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: keySchema,
      AttributeDefinitions: [S(KEY.pk), S(KEY.sk), S(GSI1.pk), S(GSI1.sk)],
      GlobalSecondaryIndexes: [gsi(GSI1)],
    },
  ];
}

export async function createTables(client: DynamoDBClient, definitions: readonly CreateTableCommandInput[]): Promise<void> {
  for (const definition of definitions) {
    await client.send(new CreateTableCommand(definition));
    await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: definition.TableName });
  }
}

export interface LocalDynamo {
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly documentClient: DynamoDBDocumentClient;
  readonly inventoryTable: string;
  readonly controlTable: string;
  stop(): Promise<void>;
}

/** Starts dynalite (in memory) on an ephemeral loopback port and creates both tables. */
export async function startDynalite(): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  await createTables(client, tableDefinitions());
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return {
    endpoint,
    client,
    documentClient,
    inventoryTable: INVENTORY_TABLE,
    controlTable: CONTROL_TABLE,
    stop: async () => {
      client.destroy();
      await new Promise<void>((resolve, reject) => server.close((err?: Error) => (err ? reject(err) : resolve())));
    },
  };
}
