import fc from 'fast-check';
import { applyAssetChange, CLOCK_ATTRIBUTE, type StoredItem } from '../../../lambdas/events/apply-change';
import { putEntry, removeEntry, set, TAGS, type AssetChange, type FieldOp } from '../../../lambdas/events/inventory-change';

const ref = { type: 'key' as const, arn: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', accountId: '111122223333', region: 'eu-west-1' };
const change = (ops: FieldOp[]): AssetChange => ({ kind: 'asset', asset: ref, ops });

interface Mutation {
  readonly eventId: string;
  readonly time: string;
  readonly ops: FieldOp[];
}

function run(mutations: readonly Mutation[], start?: StoredItem): StoredItem | undefined {
  let item = start;
  for (const m of mutations) item = applyAssetChange(item, change(m.ops), { time: m.time, eventId: m.eventId }, 't1').next;
  return item;
}

/** The asset as the API would show it: bookkeeping that legitimately differs by order removed. */
const visible = (item: StoredItem | undefined) => {
  if (!item) return item;
  const { [CLOCK_ATTRIBUTE]: _clock, ...rest } = item;
  return rest;
};

const opArb: fc.Arbitrary<FieldOp> = fc.oneof(
  fc.constantFrom('Enabled', 'Disabled', 'PendingDeletion').map((s) => set(['lifecycle', 'state'], s)),
  fc.boolean().map((b) => set(['lifecycle', 'rotation', 'enabled'], b)),
  fc.boolean().map((b) => set(['deleted'], b)),
  fc.tuple(fc.constantFrom('env', 'team', 'a.b'), fc.constantFrom('x', 'y')).map(([k, v]) => putEntry(TAGS, k, v)),
  fc.constantFrom('env', 'team', 'a.b').map((k) => removeEntry(TAGS, k)),
  fc.constantFrom('alias/a', 'alias/b').map((a) => putEntry(['relations', 'aliases'], a, a)),
  fc.constantFrom('alias/a', 'alias/b').map((a) => removeEntry(['relations', 'aliases'], a)),
);

// Times collide on purpose (CloudTrail has one-second resolution): ties are broken by eventId.
const mutationsArb = fc
  .array(fc.record({ second: fc.integer({ min: 0, max: 5 }), ops: fc.array(opArb, { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 12 })
  .map((list) => list.map((m, i) => ({ eventId: `e${String(i).padStart(3, '0')}`, time: `2024-06-01T00:00:0${m.second}.000Z`, ops: m.ops })));

const inOrder = (list: readonly Mutation[]) => [...list].sort((a, b) => (a.time + a.eventId < b.time + b.eventId ? -1 : 1));

describe('applyAssetChange', () => {
  it('gives the same asset for shuffled, duplicated delivery as for in-order delivery', () => {
    fc.assert(
      fc.property(mutationsArb, fc.infiniteStream(fc.nat()), fc.array(fc.nat(), { maxLength: 6 }), (mutations, randoms, dupIdx) => {
        // GIVEN a delivery order: shuffled, with some events delivered twice
        const delivered = [...mutations, ...dupIdx.map((i) => mutations[i % mutations.length]!)];
        const it = randoms[Symbol.iterator]();
        for (let i = delivered.length - 1; i > 0; i--) {
          const j = it.next().value % (i + 1);
          [delivered[i], delivered[j]] = [delivered[j]!, delivered[i]!];
        }
        // THEN the result equals in-order, once
        expect(visible(run(delivered))).toEqual(visible(run(inOrder(mutations))));
      }),
      { numRuns: 300 },
    );
  });

  it('does not let an event older than the crawl read overwrite the crawl', () => {
    // GIVEN a crawled asset read at 10:00
    const crawled = { ...run([{ eventId: 'x', time: '2024-06-01T09:00:00.000Z', ops: [set(['lifecycle', 'state'], 'Enabled')] }])!, lastCrawlId: 'crawl-1', observedAt: '2024-06-01T10:00:00.000Z' };
    // WHEN an older DisableKey and a newer tag arrive
    const older = applyAssetChange(crawled, change([set(['lifecycle', 'state'], 'Disabled')]), { time: '2024-06-01T09:30:00.000Z', eventId: 'a' }, 't1');
    const newer = applyAssetChange(older.next, change([putEntry(TAGS, 'env', 'prod')]), { time: '2024-06-01T10:30:00.000Z', eventId: 'b' }, 't1');
    // THEN the crawl's state stands and the newer change applies
    expect(older.outcomes[0]!.applied).toBe(false);
    expect((newer.next.lifecycle as { state: string }).state).toBe('Enabled');
    expect(newer.next.tags).toEqual({ env: 'prod' });
  });

  it('reports a replay as unchanged', () => {
    const m = { eventId: 'e1', time: '2024-06-01T00:00:00.000Z', ops: [set(['lifecycle', 'state'], 'Disabled')] };
    const first = run([m])!;
    const again = applyAssetChange(first, change(m.ops), { time: m.time, eventId: m.eventId }, 't1');
    expect(again.changed).toBe(false);
    expect(again.outcomes[0]!.applied).toBe(true);
  });
});
