/**
 * Builds the event stream of the throughput benchmark from a sandbox burst: the burst's own mix (mutations, usage
 * calls, the loop events the platform drops) plus re-deliveries of earlier events (duplicates), events of an account
 * that is not linked and failed calls (dropped), and local reordering (out of order), all deterministic per seed.
 */
import type { EventBridgeEnvelope } from '../../sandbox/sandbox';
import { SeededRandom } from '../../sandbox/seeded-random';

export interface StreamMix {
  /** Share of the stream that re-sends an earlier event (same id). @default 0.05 */
  readonly duplicates?: number;
  /** Share of events of an account that is not linked. @default 0.02 */
  readonly unlinkedAccount?: number;
  /** Share of failed calls (CloudTrail errorCode set). @default 0.02 */
  readonly failedCalls?: number;
  /** Share of positions swapped with a later one (up to `reorderDistance` ahead). @default 0.1 */
  readonly reordered?: number;
  readonly reorderDistance?: number;
}

export interface EventStream {
  readonly events: EventBridgeEnvelope[];
  readonly composition: { readonly burst: number; readonly duplicates: number; readonly unlinkedAccount: number; readonly failedCalls: number; readonly swaps: number };
}

export const UNLINKED_ACCOUNT = '999988887777';

/** `total` events built from `burst` (which must hold at least the unique share of `total`). */
export function buildEventStream(burst: readonly EventBridgeEnvelope[], total: number, seed: number, mix: StreamMix = {}): EventStream {
  const rng = new SeededRandom(seed);
  const dupN = Math.round(total * (mix.duplicates ?? 0.05));
  const unlinkedN = Math.round(total * (mix.unlinkedAccount ?? 0.02));
  const failedN = Math.round(total * (mix.failedCalls ?? 0.02));
  const uniqueN = total - dupN - unlinkedN - failedN;
  if (uniqueN <= 0 || burst.length < uniqueN) throw new RangeError(`need ${uniqueN} burst events, got ${burst.length}`);
  const events: EventBridgeEnvelope[] = burst.slice(0, uniqueN).map((e) => structuredClone(e));
  // Envelopes are readonly in the sandbox's types; the variants are fresh mutable copies.
  type Mutable = { id: string; account: string; detail: Record<string, unknown> };
  const variant = (source: EventBridgeEnvelope, suffix: string, change: (e: Mutable) => void): EventBridgeEnvelope => {
    const e = structuredClone(source) as unknown as Mutable;
    e.id = `${e.id}-${suffix}`;
    change(e);
    return e as unknown as EventBridgeEnvelope;
  };
  const originals = burst.slice(0, uniqueN);
  const insertAt = (e: EventBridgeEnvelope, after: number) => events.splice(rng.int(after + 1, events.length), 0, e);
  for (let i = 0; i < unlinkedN; i++) {
    insertAt(
      variant(rng.pick(originals), `unlinked${i}`, (e) => {
        e.account = UNLINKED_ACCOUNT;
        e.detail.recipientAccountId = UNLINKED_ACCOUNT;
      }),
      0,
    );
  }
  for (let i = 0; i < failedN; i++) {
    insertAt(
      variant(rng.pick(originals), `failed${i}`, (e) => {
        Object.assign(e.detail, { errorCode: 'AccessDenied', errorMessage: 'User is not authorized', responseElements: null });
      }),
      0,
    );
  }
  // Re-deliveries come after the original (EventBridge retries, at-least-once delivery).
  for (let i = 0; i < dupN; i++) {
    const at = rng.int(0, events.length - 1);
    insertAt(structuredClone(events[at]), at);
  }
  let swaps = 0;
  const distance = mix.reorderDistance ?? 20;
  for (let i = 0; i < events.length - 1; i++) {
    if (rng.next() >= (mix.reordered ?? 0.1)) continue;
    const j = Math.min(events.length - 1, i + rng.int(1, distance));
    [events[i], events[j]] = [events[j], events[i]];
    swaps += 1;
  }
  return { events, composition: { burst: uniqueN, duplicates: dupN, unlinkedAccount: unlinkedN, failedCalls: failedN, swaps } };
}
