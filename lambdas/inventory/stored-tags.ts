/**
 * Tags are customer data used as map keys, and `@aws-sdk/util-dynamodb` cannot store every key: it builds maps with
 * `{}` and assignment, so `__proto__` is silently lost (marshall and unmarshall alike), and a map with an own
 * `constructor` key is mistaken for a class instance and refused ("Unsupported type passed"), which failed the whole
 * (Region, service) crawl. So stored tag keys are escaped: the reserved names and anything already starting with the
 * escape character get one more `~` in front; every other key is stored as is (existing items read unchanged).
 */
const ESCAPE = '~';
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

const escapeKey = (key: string): string => (RESERVED.has(key) || key.startsWith(ESCAPE) ? `${ESCAPE}${key}` : key);
const unescapeKey = (key: string): string => (key.startsWith(ESCAPE) ? key.slice(1) : key);

/** Tags as the DynamoDB item stores them. Object.fromEntries defines own properties, so no key is special. */
export function encodeStoredTags(tags: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [escapeKey(k), v]));
}

/** Tags as the Asset holds them (the inverse of encodeStoredTags). */
export function decodeStoredTags(stored: unknown): Record<string, string> {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return {};
  return Object.fromEntries(Object.entries(stored).map(([k, v]) => [unescapeKey(k), String(v)]));
}

/** The same item with its `tags` attribute converted (when it has one). */
export function withStoredTags<T extends Record<string, unknown>>(item: T, convert: (tags: never) => Record<string, string>): T {
  return item.tags === undefined ? item : { ...item, tags: convert(item.tags as never) };
}
