import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { RuntimeChildOptions, RuntimeChildReady } from './runtime-child';

/** The local runtime in a child process group of its own (test/support/runtime-child.ts), which a test can SIGKILL. */
export interface KillableRuntime {
  readonly ready: RuntimeChildReady;
  /** Resolves when every queue is empty and no execution runs. */
  idle(): Promise<void>;
  /** Graceful stop (as Ctrl-C): resolves with what was left queued. */
  stop(): Promise<{ queuedMessages: number }>;
  /** SIGKILL of the whole process group (the runtime and its dynalite): a crash, an OOM kill, a power cut. */
  kill(): Promise<void>;
}

export async function startKillableRuntime(options: RuntimeChildOptions): Promise<KillableRuntime> {
  const child = fork(join(__dirname, 'runtime-child.ts'), [], {
    execArgv: ['--import', 'tsx'],
    // Its own process group: a kill of -pid reaches dynalite too, as a crash of the machine's process tree would.
    detached: true,
    env: {
      ...process.env,
      AQG_CHILD_OPTIONS: JSON.stringify(options),
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_TRACE_ENABLED: 'false',
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await new Promise<RuntimeChildReady>((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`The runtime child exited at start (code ${code})`));
    child.once('exit', onExit);
    child.once('message', (message: { ready?: RuntimeChildReady; error?: string }) => {
      child.off('exit', onExit);
      if (message.ready) resolve(message.ready);
      else reject(new Error(`The runtime child failed to start: ${message.error}`));
    });
  });
  let nextId = 0;
  return {
    ready,
    idle: async () => {
      await sendAndWait(child, 'idle', ++nextId);
    },
    stop: async () => {
      const result = await sendAndWait<{ queuedMessages: number }>(child, 'stop', ++nextId);
      await killGroup(child);
      return result;
    },
    kill: () => killGroup(child),
  };
}

function sendAndWait<T>(child: ChildProcess, command: 'idle' | 'stop', id: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (message: { id?: number; result?: T; error?: string }) => {
      if (message.id !== id) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      if (message.error) reject(new Error(message.error));
      else resolve(message.result as T);
    };
    const onExit = () => reject(new Error(`The runtime child exited during ${command}`));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ id, command });
  });
}

function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  });
}
