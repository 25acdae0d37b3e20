import type { NormalizedEvent } from '../normalized-event';
import { putEntry, removeEntry, TAGS, type FieldOp, type MapResult } from '../inventory-change';

/** Small, typed readers over the loosely-typed parts of a CloudTrail record (requestParameters & co.). */

export type Json = Readonly<Record<string, unknown>>;

export function requestOf(event: NormalizedEvent): Json {
  return event.detail.requestParameters ?? {};
}

export function responseOf(event: NormalizedEvent): Json {
  return event.detail.responseElements ?? {};
}

export function additionalOf(event: NormalizedEvent): Json {
  return event.detail.additionalEventData ?? {};
}

export function str(obj: unknown, key: string): string | undefined {
  if (obj === null || typeof obj !== 'object') return undefined;
  const value = (obj as Json)[key];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

export function num(obj: unknown, key: string): number | undefined {
  if (obj === null || typeof obj !== 'object') return undefined;
  const value = (obj as Json)[key];
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value);
  return undefined;
}

export function bool(obj: unknown, key: string): boolean | undefined {
  if (obj === null || typeof obj !== 'object') return undefined;
  const value = (obj as Json)[key];
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return undefined;
}

export function obj(parent: unknown, key: string): Json | undefined {
  if (parent === null || typeof parent !== 'object') return undefined;
  const value = (parent as Json)[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

export function arr(parent: unknown, key: string): readonly unknown[] {
  if (parent === null || typeof parent !== 'object') return [];
  const value = (parent as Json)[key];
  return Array.isArray(value) ? value : [];
}

export function strings(parent: unknown, key: string): string[] {
  return arr(parent, key).filter((v): v is string => typeof v === 'string' && v.length > 0);
}

/** ARNs in `detail.resources[]` (CloudTrail spells the key `ARN`; a few services `arn`). */
export function resourceArns(event: NormalizedEvent, type?: string): string[] {
  return (event.detail.resources ?? [])
    .filter((r) => type === undefined || r.type === undefined || r.type === type)
    .map((r) => r.ARN ?? r.arn)
    .filter((a): a is string => typeof a === 'string');
}

/** CloudTrail timestamps: ISO strings, or (KMS deletionDate) "Mar 4, 2024, 12:00:00 AM" style strings, or epoch seconds. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value === 'number') return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  if (typeof value !== 'string' || value === '') return undefined;
  const ms = Date.parse(value.endsWith('Z') || /[+-]\d\d:?\d\d$/.test(value) || !/\d:\d/.test(value) ? value : `${value} UTC`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Never ingest AWS-reserved tags (`aws:` is reserved for AWS: https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html). */
export function isUserTagKey(key: string): boolean {
  return !key.toLowerCase().startsWith('aws:');
}

/**
 * Tag list → ops. Services spell the pair differently: KMS `tagKey`/`tagValue`, ACM/Secrets Manager/SSM `key`/`value`.
 */
export function tagPutOps(list: readonly unknown[]): FieldOp[] {
  const ops: FieldOp[] = [];
  for (const tag of list) {
    const key = str(tag, 'tagKey') ?? str(tag, 'key') ?? str(tag, 'Key');
    if (key === undefined || !isUserTagKey(key)) continue;
    const value = (tag as Json).tagValue ?? (tag as Json).value ?? (tag as Json).Value ?? '';
    ops.push(putEntry(TAGS, key, typeof value === 'string' ? value : String(value)));
  }
  return ops;
}

export function tagRemoveOps(keys: readonly unknown[]): FieldOp[] {
  return keys
    .map((k) => (typeof k === 'string' ? k : (str(k, 'key') ?? str(k, 'tagKey') ?? str(k, 'Key'))))
    .filter((k): k is string => k !== undefined && isUserTagKey(k))
    .map((k) => removeEntry(TAGS, k));
}

/**
 * The `default` of a mapper's switch over its catalogue names (event-names.ts): it type-checks only when every name
 * of the catalogue has a case, so a name added to the catalogue (and so to the rule) cannot go unmapped.
 */
export function notInCatalogue(_name: never): MapResult {
  return { kind: 'unsupported' };
}
