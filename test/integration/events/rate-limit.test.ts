import { DynamoRateCounter } from '../../../lambdas/events/dynamo-rate-counter';
import { TokenRateLimiter } from '../../../lambdas/events/rate-limit';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startDynalite();
});
afterAll(async () => dynamo.stop());

it('a token flooding at 10x its limit is refused beyond the limit; another tenant\'s token in the same second is not', async () => {
  // GIVEN a limit of 20 events per second per token and one shared second
  let nowMs = Date.parse('2026-12-03T15:00:00.100Z');
  const limiter = new TokenRateLimiter(new DynamoRateCounter(dynamo.documentClient, dynamo.controlTable), 20, () => new Date(nowMs));
  // WHEN tenant A's token sends 200 events (concurrently) and tenant B's sends 10 within that second
  const flood = await Promise.all(Array.from({ length: 200 }, () => limiter.take('tokenA')));
  const quiet = await Promise.all(Array.from({ length: 10 }, () => limiter.take('tokenB')));
  // THEN exactly 20 of A's pass (the counter is atomic), every one of B's does, and the refusals say when to retry
  expect(flood.filter((d) => d.allowed)).toHaveLength(20);
  expect(flood.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds === 1)).toBe(true);
  expect(quiet.every((d) => d.allowed)).toBe(true);
  // AND the next second starts a new window
  nowMs += 1000;
  expect((await limiter.take('tokenA')).allowed).toBe(true);
});
