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

it('refuses the rest of a window\'s flood without writing the counter again, and forgets it in the next window', async () => {
  let nowMs = Date.parse('2026-12-03T16:00:00.100Z');
  let writes = 0;
  const counter = new DynamoRateCounter(dynamo.documentClient, dynamo.controlTable);
  const counting = { increment: (tokenId: string, window: number) => (writes++, counter.increment(tokenId, window)) };
  const limiter = new TokenRateLimiter(counting, 5, () => new Date(nowMs));
  // One at a time: the sixth is refused by the counter, the next 94 from memory.
  const decisions = [];
  for (let i = 0; i < 100; i++) decisions.push(await limiter.take('tokenC'));
  expect(decisions.filter((d) => d.allowed)).toHaveLength(5);
  expect(writes).toBe(6);
  // Another token in the same window still has its own allowance.
  expect((await limiter.take('tokenD')).allowed).toBe(true);
  nowMs += 1000;
  expect((await limiter.take('tokenC')).allowed).toBe(true);
  expect(writes).toBe(8);
});
