import { DEFAULT_QUOTAS, TokenBucketPacer } from '../../../lambdas/discovery/request-pacer';

/** A fake clock: sleeping advances time, so no test ever waits or measures real time. */
function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    sleeps,
    elapsed: () => now,
  };
}

describe('TokenBucketPacer', () => {
  test('allows half a second of quota at once, then paces at the quota', async () => {
    const clock = fakeClock();
    const pacer = new TokenBucketPacer({ now: clock.now, sleep: clock.sleep, utilization: 1 });
    // ACM DescribeCertificate: 10 rps → 30 calls take ≈ 2.5 s after the first 5
    await Promise.all(Array.from({ length: 30 }, () => pacer.acquire('eu-west-1', 'acm:DescribeCertificate')));
    expect(clock.elapsed()).toBeGreaterThanOrEqual(2400);
    expect(clock.elapsed()).toBeLessThanOrEqual(2600);
  });

  test('a burst of one full second of quota is possible when asked for', async () => {
    const clock = fakeClock();
    const pacer = new TokenBucketPacer({ now: clock.now, sleep: clock.sleep, burstSeconds: 1, utilization: 1 });
    await Promise.all(Array.from({ length: 30 }, () => pacer.acquire('eu-west-1', 'acm:DescribeCertificate')));
    expect(clock.elapsed()).toBeGreaterThanOrEqual(1900);
    expect(clock.elapsed()).toBeLessThanOrEqual(2100);
  });

  test('by default uses 95 % of each quota (room for the customer’s own calls)', () => {
    expect(new TokenBucketPacer().rateOf('acm:DescribeCertificate')).toBeCloseTo(9.5);
    expect(new TokenBucketPacer().rateOf('kms:DescribeKey')).toBeCloseTo(1900);
  });

  test('limiters are independent per Region and per API', async () => {
    const clock = fakeClock();
    const pacer = new TokenBucketPacer({ now: clock.now, sleep: clock.sleep, utilization: 1 });
    await Promise.all([
      // each fits its own limiter's burst (half a second of 10 rps); one shared limiter would have to wait 1 s
      ...Array.from({ length: 5 }, () => pacer.acquire('eu-west-1', 'acm:DescribeCertificate')),
      ...Array.from({ length: 5 }, () => pacer.acquire('us-east-1', 'acm:DescribeCertificate')),
      ...Array.from({ length: 5 }, () => pacer.acquire('eu-west-1', 'acm:GetCertificate')),
    ]);
    expect(clock.elapsed()).toBe(0);
  });

  test('quota overrides (SSM is unpublished) and utilization', () => {
    const pacer = new TokenBucketPacer({ quotas: { 'ssm:DescribeParameters': 40 }, utilization: 0.5 });
    expect(pacer.rateOf('ssm:DescribeParameters')).toBe(20);
    expect(pacer.rateOf('kms:DescribeKey')).toBe(DEFAULT_QUOTAS['kms:DescribeKey']! * 0.5);
  });
});
