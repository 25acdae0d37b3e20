import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { LocalTable } from './backend-template';
import { closeServer, listenOnLoopback } from './loopback-server';

// dynalite ships no types; it returns a node http.Server whose close() also closes its LevelDB store.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

export interface LocalDynamoOptions {
  /** Directory of the LevelDB store; undefined = in memory. */
  readonly path?: string;
  /** Tables to create when missing, with the local name of each. */
  readonly tables: ReadonlyArray<{ readonly name: string; readonly table: LocalTable }>;
}

export interface LocalDynamo {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/**
 * dynalite (DynamoDB semantics, single-item conditional writes; no transactions) on an ephemeral loopback port,
 * persisted under `path`, with the backend's tables created if they do not exist yet. TTL is not emulated (dynalite
 * has no UpdateTimeToLive): expired dedup markers and history rows simply stay, which only costs disk space locally.
 */
export async function startLocalDynamo(options: LocalDynamoOptions): Promise<LocalDynamo> {
  if (options.path) mkdirSync(options.path, { recursive: true });
  const server = dynalite({ path: options.path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const port = await listenOnLoopback(server, 0);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    const existing = new Set<string>();
    let start: string | undefined;
    do {
      const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
      for (const name of page.TableNames ?? []) existing.add(name);
      start = page.LastEvaluatedTableName;
    } while (start);
    for (const { name, table } of options.tables) {
      if (existing.has(name)) continue;
      await client.send(new CreateTableCommand({ ...table.definition, TableName: name }));
      await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: name });
    }
  } catch (err) {
    client.destroy();
    await closeServer(server);
    throw err;
  }
  client.destroy();
  return { endpoint, stop: () => closeServer(server) };
}
