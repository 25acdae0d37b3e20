import { isThrottlingError } from './aws-error';
import type { RequestPacer } from './request-pacer';
import { ForbiddenOperationError, isForbiddenOperation } from './secret-read-guard';

interface MiddlewareCommand {
  readonly middlewareStack: {
    add(mw: never, options: { step: 'deserialize'; name: string; priority: 'high' }): void;
    add(mw: never, options: { step: 'finalizeRequest'; name: string; priority: 'low' }): void;
  };
}

/**
 * The one way the engine sends a request: paces it at the (region, API) quota, counts it, refuses secret reads,
 * and counts the throttled attempts the SDK retried.
 *
 * Pacing happens inside the SDK's retry loop (finalizeRequest step, after the retry middleware), so every attempt —
 * a retry too — takes its token just before it is signed and sent: requests leave at the quota's rate instead of
 * bunching up behind credential resolution, and retries cannot exceed the quota.
 */
export class CallContext {
  readonly calls: Record<string, number> = {};
  throttledRetries = 0;

  constructor(
    readonly region: string,
    private readonly pacer?: RequestPacer,
  ) {}

  async send<C extends MiddlewareCommand, O>(api: string, command: C, send: (command: C) => Promise<O>): Promise<O> {
    if (isForbiddenOperation(api)) throw new ForbiddenOperationError(api);
    // Counts every attempt that failed with throttling; deserialize runs inside the retry loop, once per attempt.
    const counter =
      (next: (args: unknown) => Promise<unknown>) =>
      async (args: unknown): Promise<unknown> => {
        try {
          return await next(args);
        } catch (err) {
          if (isThrottlingError(err)) this.throttledRetries += 1;
          throw err;
        }
      };
    command.middlewareStack.add(counter as never, { step: 'deserialize', name: 'aqgThrottleCounter', priority: 'high' });
    const pacer = this.pacer;
    if (pacer) {
      const pace =
        (next: (args: unknown) => Promise<unknown>) =>
        async (args: unknown): Promise<unknown> => {
          await pacer.acquire(this.region, api);
          return next(args);
        };
      command.middlewareStack.add(pace as never, { step: 'finalizeRequest', name: 'aqgPacer', priority: 'low' });
    }
    this.calls[api] = (this.calls[api] ?? 0) + 1;
    return send(command);
  }
}
