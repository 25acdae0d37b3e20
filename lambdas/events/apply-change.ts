import type { Asset, AssetDetails } from '../inventory/asset';
import { assetId } from '../inventory/asset-id';
import { kmsKeyIdOf, lastSegment, secretNameOf, ssmParameterNameOf } from './arn';
import type { AssetChange, AssetRef, FieldOp, FieldPath } from './inventory-change';

/**
 * Applying one event's field changes to one stored asset — pure, so ordering and idempotency can be tested without a
 * database.
 *
 * Ordering rule (docs/architecture.md, "Newest observation wins"): every field, and every entry of a collection, is a
 * last-writer-wins register. The item keeps, in `eventClock`, the stamp (`<eventTime>#<eventId>`) of the event that
 * last wrote each register, and the time of the last full observation (the crawl read: `@base`). An op applies only
 * if its stamp is newer than the register's stamp, or — for a register no event wrote since the crawl — if its
 * eventTime is newer than the crawl's read time. Ties in eventTime (CloudTrail has one-second resolution) are broken
 * by eventId, so the outcome is the same in any delivery order, and re-applying an event changes nothing.
 *
 * A crawl rewrites the asset and sets `lastCrawlId`: when the clock's `@crawl` no longer matches it, the crawl's
 * `observedAt` becomes the new base and the per-register stamps are dropped (the crawl saw every field).
 */

export interface EventStamp {
  readonly time: string;
  readonly eventId: string;
}

export type StoredItem = Record<string, unknown>;

export interface OpOutcome {
  readonly op: FieldOp;
  /** True when this event's value is what the asset now holds (applied now, or already by an earlier delivery). */
  readonly applied: boolean;
}

export interface ApplyOutcome {
  /** The asset after the change (without table keys). */
  readonly next: StoredItem;
  /** False when nothing at all changed (a replay, or an event older than everything it touches). */
  readonly changed: boolean;
  readonly outcomes: readonly OpOutcome[];
}

export const CLOCK_ATTRIBUTE = 'eventClock';
const CRAWL_MARK = '@crawl';
const BASE = '@base';
const LAST = '@last';

export const stampKey = (stamp: EventStamp): string => `${stamp.time}#${stamp.eventId}`;

/** How each collection is stored in the Asset: a record (tags) or a sorted array (aliases, replicas). */
const COLLECTIONS: Readonly<Record<string, { readonly kind: 'record' } | { readonly kind: 'array'; readonly keyOf: (v: unknown) => string }>> = {
  tags: { kind: 'record' },
  'relations.aliases': { kind: 'array', keyOf: (v) => String(v) },
  'details.replicas': { kind: 'array', keyOf: (v) => String((v as { region?: unknown }).region) },
};

const pathKey = (path: FieldPath): string => path.join('.');
const entryKey = (path: FieldPath, key: string): string => `${pathKey(path)}[${JSON.stringify(key)}]`;
const collectionKey = (path: FieldPath): string => `${pathKey(path)}[*]`;

function defaultDetails(ref: AssetRef): AssetDetails {
  switch (ref.type) {
    case 'key':
      return { kind: 'key', keyId: kmsKeyIdOf(ref.arn), keySpec: 'Unknown', keyUsage: 'Unknown', origin: 'Unknown', keyManager: 'CUSTOMER', multiRegion: false };
    case 'certificate':
      return { kind: 'certificate' };
    case 'secret':
      return { kind: 'secret', managedByEventBridge: false };
    case 'parameter':
      return { kind: 'parameter', parameterType: 'Unknown' };
  }
}

function defaultName(ref: AssetRef): string {
  switch (ref.type) {
    case 'key':
      return kmsKeyIdOf(ref.arn);
    case 'certificate':
      return lastSegment(ref.arn);
    case 'secret':
      return secretNameOf(ref.arn);
    case 'parameter':
      return ssmParameterNameOf(ref.arn);
  }
}

/**
 * The asset an event creates when the inventory does not have it yet: only what the ARN determines, so the result
 * does not depend on which event arrived first; everything else comes from ops.
 */
export function newAssetFromRef(ref: AssetRef, tenantId: string, time: string): Asset {
  return {
    id: assetId(tenantId, ref.arn),
    tenantId,
    source: 'AWS',
    accountId: ref.accountId,
    region: ref.region,
    type: ref.type,
    arn: ref.arn,
    name: defaultName(ref),
    tags: {},
    crypto: { family: 'UNKNOWN', algorithm: 'Unknown', quantumVulnerable: null },
    lifecycle: { state: 'Unknown' },
    relations: { inUseBy: [] },
    details: defaultDetails(ref),
    firstSeen: time,
    lastSeen: time,
    observedAt: time,
  };
}

function getIn(target: StoredItem, path: FieldPath): unknown {
  let node: unknown = target;
  for (const part of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as StoredItem)[part];
  }
  return node;
}

function setIn(target: StoredItem, path: FieldPath, value: unknown): void {
  let node = target;
  for (const part of path.slice(0, -1)) {
    const child = node[part];
    if (child === null || typeof child !== 'object' || Array.isArray(child)) node[part] = {};
    node = node[part] as StoredItem;
  }
  node[path[path.length - 1]!] = value;
}

function unsetIn(target: StoredItem, path: FieldPath): void {
  const parent = getIn(target, path.slice(0, -1));
  if (parent !== null && typeof parent === 'object') delete (parent as StoredItem)[path[path.length - 1]!];
}

function collectionOf(path: FieldPath) {
  const spec = COLLECTIONS[pathKey(path)];
  if (!spec) throw new Error(`No collection is registered at ${pathKey(path)}`);
  return spec;
}

function entriesOf(target: StoredItem, path: FieldPath): Map<string, unknown> {
  const spec = collectionOf(path);
  const value = getIn(target, path);
  if (spec.kind === 'record') return new Map(Object.entries((value as Record<string, unknown> | undefined) ?? {}));
  return new Map(((value as unknown[] | undefined) ?? []).map((v) => [spec.keyOf(v), v]));
}

function writeEntries(target: StoredItem, path: FieldPath, entries: Map<string, unknown>): void {
  const spec = collectionOf(path);
  const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  setIn(target, path, spec.kind === 'record' ? Object.fromEntries(sorted) : sorted.map(([, v]) => v));
}

const maxOf = (a: string | undefined, b: string | undefined): string | undefined => (a === undefined ? b : b === undefined ? a : a > b ? a : b);

export function applyAssetChange(current: StoredItem | undefined, change: AssetChange, stamp: EventStamp, tenantId: string): ApplyOutcome {
  const key = stampKey(stamp);
  const base: StoredItem = current ? structuredClone(current) : (newAssetFromRef(change.asset, tenantId, stamp.time) as unknown as StoredItem);
  const next = structuredClone(base);

  // Registers' stamps, valid only since the last crawl (see the file comment).
  const storedClock = (current?.[CLOCK_ATTRIBUTE] ?? undefined) as Record<string, string> | undefined;
  const crawlMark = typeof current?.lastCrawlId === 'string' ? current.lastCrawlId : '';
  const clockValid = storedClock !== undefined && storedClock[CRAWL_MARK] === crawlMark;
  const baseline = !current ? '' : clockValid ? (storedClock[BASE] ?? '') : String(current.observedAt ?? '');
  const clock: Record<string, string> = {};
  if (clockValid) for (const [k, v] of Object.entries(storedClock)) if (!k.startsWith('@')) clock[k] = v;

  // May this event write a register whose last stamp is `floor`? Also: is the register already at this very event?
  const wins = (floor: string | undefined) => (floor === undefined ? stamp.time > baseline : key > floor);
  const outcomes: OpOutcome[] = [];

  for (const op of change.ops) {
    switch (op.op) {
      case 'set':
      case 'unset': {
        const k = pathKey(op.path);
        const floor = clock[k];
        if (wins(floor)) {
          if (op.op === 'set') setIn(next, op.path, structuredClone(op.value));
          else unsetIn(next, op.path);
          clock[k] = key;
        }
        outcomes.push({ op, applied: clock[k] === key });
        break;
      }
      case 'put-entry':
      case 'remove-entry': {
        const k = entryKey(op.path, op.key);
        const floor = maxOf(clock[k], clock[collectionKey(op.path)]);
        if (wins(floor)) {
          const entries = entriesOf(next, op.path);
          if (op.op === 'put-entry') entries.set(op.key, structuredClone(op.value));
          else entries.delete(op.key);
          writeEntries(next, op.path, entries);
          clock[k] = key;
        }
        outcomes.push({ op, applied: clock[k] === key });
        break;
      }
      case 'replace-entries': {
        const ck = collectionKey(op.path);
        if (wins(clock[ck])) {
          const entries = entriesOf(next, op.path);
          const wanted = new Map(Object.entries(op.entries));
          for (const name of new Set([...entries.keys(), ...wanted.keys()])) {
            const entryFloor = clock[entryKey(op.path, name)];
            if (entryFloor !== undefined && entryFloor > key) continue; // a newer event changed this entry
            if (wanted.has(name)) entries.set(name, structuredClone(wanted.get(name)));
            else entries.delete(name);
          }
          writeEntries(next, op.path, entries);
          clock[ck] = key;
        }
        outcomes.push({ op, applied: clock[ck] === key });
        break;
      }
    }
  }

  // Observation bookkeeping is commutative (min / max), so it is the same in any order.
  const time = stamp.time;
  next.firstSeen = typeof next.firstSeen === 'string' && next.firstSeen < time ? next.firstSeen : time;
  next.lastSeen = typeof next.lastSeen === 'string' && next.lastSeen > time ? next.lastSeen : time;
  next.observedAt = typeof next.observedAt === 'string' && next.observedAt > time ? next.observedAt : time;
  const last = maxOf(clockValid ? storedClock[LAST] : undefined, key)!;
  next.lastEventId = last.slice(last.indexOf('#') + 1);
  next[CLOCK_ATTRIBUTE] = { ...clock, [CRAWL_MARK]: crawlMark, [BASE]: baseline, [LAST]: last };

  const changed = !current || JSON.stringify(withoutVolatile(current)) !== JSON.stringify(withoutVolatile(next));
  return { next, changed, outcomes };
}

/** Attributes that do not make a write worth doing on their own. */
function withoutVolatile(item: StoredItem): StoredItem {
  const { rev: _rev, ...rest } = item;
  return rest;
}
