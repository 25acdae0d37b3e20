import type { LocalFunction } from '../../../local/backend-template';
import { LocalFunctions, LambdaTimeoutError } from '../../../local/local-functions';

const fn = (handlerName: string, timeoutSeconds: number, memorySizeMb: number): LocalFunction => ({
  handlerName,
  logicalId: handlerName,
  timeoutSeconds,
  memorySizeMb,
  literalEnvironment: {},
  resourceEnvironment: {},
  computedEnvironment: [],
});

it('counts each invocation and its duration, failed and timed-out ones included, with the memory it is billed at', async () => {
  const handlers: Record<string, (event: unknown) => Promise<unknown>> = {
    quick: async (event) => event,
    failing: async () => {
      throw new Error('boom');
    },
    slow: () => new Promise((resolve) => setTimeout(resolve, 5_000).unref()),
  };
  const functions = new LocalFunctions(
    { quick: fn('quick', 3, 512), failing: fn('failing', 3, 1024), slow: fn('slow', 0.05, 128) },
    (name) => handlers[name]!,
  );
  await functions.invoke('quick', 1);
  await functions.invoke('quick', 2);
  await expect(functions.invoke('failing', {})).rejects.toThrow('boom');
  await expect(functions.invoke('slow', {})).rejects.toBeInstanceOf(LambdaTimeoutError);

  const stats = functions.stats();
  expect(stats.quick).toMatchObject({ invocations: 2, memorySizeMb: 512 });
  expect(stats.failing).toMatchObject({ invocations: 1, memorySizeMb: 1024 });
  expect(stats.slow!.invocations).toBe(1);
  expect(stats.slow!.durationMs).toBeGreaterThanOrEqual(45);
  expect(stats.slow!.durationMs).toBeLessThan(2_000);
});
