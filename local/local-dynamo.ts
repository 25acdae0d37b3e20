import { fork, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { LocalTable } from './backend-template';

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
 * dynalite (DynamoDB semantics, single-item conditional writes; no transactions) on an ephemeral loopback port, in a
 * child process of its own (a second core for DynamoDB's work), persisted under `path`, with the backend's tables
 * created if they do not exist yet. TTL is not emulated (dynalite has no UpdateTimeToLive): expired dedup markers and
 * history rows simply stay, which only costs disk space locally.
 */
export async function startLocalDynamo(options: LocalDynamoOptions): Promise<LocalDynamo> {
  if (options.path) makePrivateDir(options.path);
  const { child, port } = await forkDynalite(options.path);
  const stop = () => stopChild(child);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await createMissingTables(endpoint, options.tables);
  } catch (err) {
    await stop();
    throw err;
  }
  return { endpoint, stop };
}

/**
 * An external DynamoDB-compatible endpoint (DynamoDB Local, another dynalite, a fault-injecting proxy) instead of the
 * embedded dynalite: the backend's tables are created there if they do not exist yet. Stopping leaves it running.
 */
export async function connectLocalDynamo(endpoint: string, tables: LocalDynamoOptions['tables']): Promise<LocalDynamo> {
  await createMissingTables(endpoint, tables);
  return { endpoint, stop: async () => undefined };
}

async function createMissingTables(endpoint: string, tables: LocalDynamoOptions['tables']): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // An endpoint that throttles or fails now and then (a test's fault-injecting proxy) still gets its tables.
    maxAttempts: 10,
  });
  try {
    const existing = new Set<string>();
    let start: string | undefined;
    do {
      const page = await client.send(new ListTablesCommand({ ExclusiveStartTableName: start }));
      for (const name of page.TableNames ?? []) existing.add(name);
      start = page.LastEvaluatedTableName;
    } while (start);
    for (const { name, table } of tables) {
      if (existing.has(name)) continue;
      await client.send(new CreateTableCommand({ ...table.definition, TableName: name }));
      await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 1 }, { TableName: name });
    }
  } finally {
    client.destroy();
  }
}

/**
 * The data directory holds every tenant's inventory and the token hashes: owner-only (0700), also when it existed
 * with laxer rights; the child process creates its files under umask 077 (0600).
 */
export function makePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}

/** Starts local/dynalite-process.ts (TypeScript, through tsx) and waits for the port it listens on. */
function forkDynalite(path: string | undefined): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(join(__dirname, 'dynalite-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, AQG_DYNALITE_PATH: path ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`The local DynamoDB (dynalite) exited at start (code ${code})`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.once('message', (message: { port?: number; error?: string }) => {
      child.off('exit', onExit);
      if (message.port) resolve({ child, port: message.port });
      else reject(new Error(`The local DynamoDB (dynalite) could not start: ${message.error ?? 'no port reported'}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect(); // the child closes dynalite (flushing LevelDB) and exits
  });
}
