import { join } from 'node:path';
import type { Context } from 'aws-lambda';
import type { LocalFunction } from './backend-template';
import { lambdaContext } from './lambda-context';

export type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;
/** Returns the `handler` export of `lambdas/handlers/<handlerName>.ts`. */
export type HandlerLoader = (handlerName: string) => LambdaHandler;

const HANDLERS_DIR = join(__dirname, '..', 'lambdas', 'handlers');

export class HandlerNotFoundError extends Error {
  constructor(handlerName: string, cause?: unknown) {
    super(`lambdas/handlers/${handlerName}.ts could not be loaded or has no exported \`handler\` function`, { cause });
    this.name = 'HandlerNotFoundError';
  }
}

/** Requires the handler's source (tsx / ts-jest transpile it). Its module scope runs now, with the current process.env. */
export const loadHandlerFromSource: HandlerLoader = (handlerName) => {
  let mod: { handler?: unknown };
  try {
    mod = require(join(HANDLERS_DIR, handlerName)) as { handler?: unknown };
  } catch (err) {
    throw new HandlerNotFoundError(handlerName, err);
  }
  if (typeof mod.handler !== 'function') throw new HandlerNotFoundError(handlerName);
  return mod.handler as LambdaHandler;
};

/**
 * The function ran past its configured timeout. Lambda reports this with errorType `Sandbox.Timedout`; locally the
 * handler's promise cannot be killed, so it may still finish in the background (its result is discarded).
 */
export class LambdaTimeoutError extends Error {
  constructor(handlerName: string, timeoutSeconds: number) {
    super(`${handlerName}: Task timed out after ${timeoutSeconds.toFixed(2)} seconds`);
    this.name = 'Sandbox.Timedout';
  }
}

/** Invocations of one function and their summed duration (wall time of the handler's promise, as Lambda bills it). */
export interface InvocationStats {
  readonly invocations: number;
  readonly durationMs: number;
  readonly memorySizeMb: number;
}

/** The local Lambda service: invokes a function's handler with a context counting down from its timeout. */
export class LocalFunctions {
  private readonly handlers = new Map<string, LambdaHandler>();
  private readonly invocations = new Map<string, { invocations: number; durationMs: number }>();

  constructor(
    private readonly functions: Readonly<Record<string, LocalFunction>>,
    private readonly load: HandlerLoader = loadHandlerFromSource,
  ) {}

  /** Loads the handlers now, so a missing or failing module stops start-up instead of the first request. */
  preload(handlerNames: Iterable<string>): void {
    for (const name of handlerNames) this.handler(name);
  }

  timeoutSeconds(handlerName: string): number {
    return this.fn(handlerName).timeoutSeconds;
  }

  async invoke(handlerName: string, event: unknown): Promise<unknown> {
    const { timeoutSeconds } = this.fn(handlerName);
    const handler = this.handler(handlerName);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new LambdaTimeoutError(handlerName, timeoutSeconds)), timeoutSeconds * 1000);
    });
    const started = performance.now();
    try {
      return await Promise.race([handler(event, lambdaContext(handlerName, timeoutSeconds)), timeout]);
    } finally {
      clearTimeout(timer);
      const stats = this.invocations.get(handlerName) ?? { invocations: 0, durationMs: 0 };
      this.invocations.set(handlerName, { invocations: stats.invocations + 1, durationMs: stats.durationMs + performance.now() - started });
    }
  }

  /** What each function was invoked for so far (the benchmarks' Lambda cost). */
  stats(): Record<string, InvocationStats> {
    return Object.fromEntries([...this.invocations].map(([name, s]) => [name, { ...s, memorySizeMb: this.fn(name).memorySizeMb }]));
  }

  private fn(handlerName: string): LocalFunction {
    const fn = this.functions[handlerName];
    if (!fn) throw new HandlerNotFoundError(handlerName);
    return fn;
  }

  private handler(handlerName: string): LambdaHandler {
    this.fn(handlerName);
    let handler = this.handlers.get(handlerName);
    if (!handler) {
      handler = this.load(handlerName);
      this.handlers.set(handlerName, handler);
    }
    return handler;
  }
}
