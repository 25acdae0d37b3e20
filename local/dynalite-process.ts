/**
 * Child-process entry of the local DynamoDB (local-dynamo.ts): dynalite on an ephemeral loopback port, so DynamoDB's
 * CPU work runs on its own core instead of the event loop that runs the handlers. Reports its port over IPC and
 * exits when the parent goes away (disconnect), so it never outlives the local runtime.
 */
import type { Server } from 'node:http';
import { closeServer, listenOnLoopback } from './loopback-server';

const dynalite = require('dynalite') as (options: Record<string, unknown>) => Server;

const path = process.env.AQG_DYNALITE_PATH || undefined;
// LevelDB's files hold the local data (token hashes included): readable by the owner only.
process.umask(0o077);
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });

listenOnLoopback(server, 0).then(
  (port) => process.send?.({ port }),
  (err: Error) => {
    process.send?.({ error: err.message });
    process.exit(1);
  },
);

const stop = (): void => void closeServer(server).finally(() => process.exit(0));
process.on('disconnect', stop);
process.on('SIGTERM', stop);
