/**
 * Bounds on an event body, checked right after JSON.parse and before any recursive code (zod, structuredClone,
 * JSON.stringify) sees it: those recurse per nesting level, so a 1 MiB body of nested arrays would overflow the stack
 * (a 500). CloudTrail records are shallow (request parameters rarely nest past 6 levels) and their longest strings are
 * policy documents and PEM bodies (tens of KB), so these limits reject only bodies no AWS service sends
 * (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html:
 * requestParameters and responseElements are truncated at 100 KB).
 */
export const MAX_JSON_DEPTH = 32;
export const MAX_STRING_CHARS = 128 * 1024;
export const MAX_KEY_CHARS = 1024;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (String#isWellFormed is ES2024). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const hasLoneSurrogate = (value: string): boolean => LONE_SURROGATE.test(value);

export interface JsonLimitViolation {
  /** Dotted path of the offending value (`body` for the root). */
  readonly field: string;
  readonly message: string;
}

/**
 * The first value that breaks a bound, walking iteratively (no recursion, whatever the depth). Strings with lone
 * UTF-16 surrogates are refused: DynamoDB stores UTF-8 and cannot represent them, so they would fail later, in the
 * processor, instead of here with a 400.
 */
export function jsonLimitViolation(root: unknown): JsonLimitViolation | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const field = path.length > 0 ? path.join('.') : 'body';
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_CHARS) return { field, message: `A string is longer than ${MAX_STRING_CHARS} characters.` };
      if (hasLoneSurrogate(value)) return { field, message: 'A string contains a lone UTF-16 surrogate.' };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_JSON_DEPTH) return { field, message: `The event nests deeper than ${MAX_JSON_DEPTH} levels.` };
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, child] of entries) {
      const childPath = [...path, key];
      if (key.length > MAX_KEY_CHARS || hasLoneSurrogate(key)) return { field: childPath.join('.').slice(0, 200), message: 'A property name is too long or not well-formed.' };
      stack.push({ value: child, path: childPath });
    }
  }
  return undefined;
}
