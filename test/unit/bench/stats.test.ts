import { linearFit, percentile, ratio, summarize } from '../../bench/stats';
import { deriveScaling } from '../../bench/results';
import { buildEventStream } from '../../bench/event-stream';

describe('percentile (nearest rank)', () => {
  it('picks the ranked value', () => {
    const values = [5, 1, 4, 2, 3, 6, 7, 8, 9, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it('summarizes', () => {
    expect(summarize([3, 1, 2])).toEqual({ n: 3, min: 1, p50: 2, p90: 3, p99: 3, max: 3, mean: 2 });
  });
});

describe('linearFit', () => {
  it('recovers an exact line with R² = 1', () => {
    const fit = linearFit([1, 2, 3], [12, 14, 16]);
    expect(fit.slope).toBeCloseTo(2);
    expect(fit.intercept).toBeCloseTo(10);
    expect(fit.r2).toBeCloseTo(1);
  });

  it('reports a poor fit for non-linear data and refuses a single x', () => {
    expect(linearFit([1, 2, 3, 4], [1, 8, 1, 8]).r2).toBeLessThan(0.5);
    expect(() => linearFit([1, 1], [1, 2])).toThrow(RangeError);
  });

  it('ratio rounds and guards a zero denominator', () => {
    expect(ratio(21, 20)).toBe(1.05);
    expect(ratio(1, 0)).toBeNull();
  });
});

describe('deriveScaling', () => {
  it('per-asset time from the slope, heap growth per 10k assets, 50k extrapolation', () => {
    const point = (assets: number, seconds: number, heap: number) => ({ assets, seconds, peakLiveHeapMiB: heap }) as never;
    const d = deriveScaling([point(1000, 2, 50), point(2000, 4, 50), point(4000, 8, 50)]);
    expect(d.msPerAsset).toBeCloseTo(2);
    expect(d.heapMiBPer10kAssets).toBe(0);
    expect(d.extrapolated50kSeconds).toBe(100);
  });
});

describe('buildEventStream', () => {
  const burst = Array.from({ length: 200 }, (_, i) => ({ id: `e${i}`, account: '111122223333', detail: { eventName: 'CreateKey' } }) as never);

  it('has exactly `total` events with the stated mix, deterministic per seed', () => {
    const a = buildEventStream(burst, 100, 1);
    expect(a.events).toHaveLength(100);
    expect(a.composition).toMatchObject({ burst: 91, duplicates: 5, unlinkedAccount: 2, failedCalls: 2 });
    const ids = a.events.map((e) => e.id);
    expect(ids.length - new Set(ids).size).toBe(5);
    expect(a.events.filter((e) => e.account === '999988887777')).toHaveLength(2);
    expect(buildEventStream(burst, 100, 1).events.map((e) => e.id)).toEqual(ids);
  });

  it('refuses a burst too small for the unique share', () => {
    expect(() => buildEventStream(burst.slice(0, 10), 100, 1)).toThrow(RangeError);
  });
});
