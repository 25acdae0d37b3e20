/**
 * A local runtime in a process of its own, for tests that kill it (SIGKILL of its process group, dynalite included)
 * and start it again on the same data directory. Started by test/support/killable-runtime.ts through tsx; talks
 * over IPC: it reports where it listens, then answers `idle` requests.
 *
 * AQG_CHILD_OPTIONS (JSON): dataDir, sandbox options, and `slowHandlers` — handler name → milliseconds added before
 * each invocation, so a test can kill the runtime while work is surely in flight.
 */
import { loadHandlerFromSource } from '../../local/local-functions';
import { startLocalRuntime } from '../../local/local-runtime';
import type { SandboxOptions } from '../../sandbox/sandbox-options';

export interface RuntimeChildOptions {
  readonly dataDir: string;
  readonly sandbox: SandboxOptions;
  readonly slowHandlers?: Readonly<Record<string, number>>;
  readonly maxConcurrentBatches?: number;
  readonly dynamodbEndpoint?: string;
}

export interface RuntimeChildReady {
  readonly url: string;
  readonly tokens: Record<'admin' | 'reader' | 'uploader', string>;
  readonly tenantId: string;
  readonly dynamoEndpoint: string;
  readonly inventoryTable: string;
  readonly controlTable: string;
  readonly accountId: string;
  readonly roleArn: string;
  readonly recovery: { recoveredMessages: number; interruptedRuns: readonly string[] };
}

async function main(): Promise<void> {
  const options = JSON.parse(process.env.AQG_CHILD_OPTIONS ?? '{}') as RuntimeChildOptions;
  const slow = options.slowHandlers ?? {};
  const runtime = await startLocalRuntime({
    dataDir: options.dataDir,
    port: 0,
    customerAccount: { mode: 'sandbox', options: options.sandbox },
    redeliveryDelaySeconds: 0.5,
    ...(options.maxConcurrentBatches !== undefined && { maxConcurrentBatches: options.maxConcurrentBatches }),
    ...(options.dynamodbEndpoint !== undefined && { dynamodbEndpoint: options.dynamodbEndpoint }),
    loadHandler: (name) => {
      const handler = loadHandlerFromSource(name);
      const delay = slow[name];
      if (!delay) return handler;
      return async (event, context) => {
        await new Promise((r) => setTimeout(r, delay));
        return handler(event, context);
      };
    },
    onError: () => undefined,
  });
  const ready: RuntimeChildReady = {
    url: runtime.url,
    tokens: runtime.tokens,
    tenantId: runtime.tenant.tenantId,
    dynamoEndpoint: runtime.dynamoEndpoint,
    inventoryTable: process.env.INVENTORY_TABLE_NAME ?? '',
    controlTable: process.env.CONTROL_TABLE_NAME ?? '',
    accountId: runtime.sandbox!.accountId,
    roleArn: runtime.sandbox!.roleArn,
    recovery: runtime.recovery,
  };
  process.on('message', (message: { id: number; command: 'idle' | 'stop' }) => {
    const work = message.command === 'idle' ? runtime.idle().then(() => ({})) : runtime.stop();
    work.then(
      (result) => process.send?.({ id: message.id, result }),
      (err: unknown) => process.send?.({ id: message.id, error: String(err) }),
    );
  });
  process.send?.({ ready });
}

main().catch((err: unknown) => {
  process.send?.({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
