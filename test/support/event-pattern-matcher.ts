/**
 * A small EventBridge event-pattern matcher for tests, following the documented semantics
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html and
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html). No npm package
 * implements EventBridge matching offline, so this is the fallback; it is itself tested
 * (test/unit/event-pattern-matcher.test.ts).
 *
 * Supported: exact values (string, number, boolean, null, ""), `prefix`, `suffix` (both also with
 * `equals-ignore-case`), `equals-ignore-case`, `anything-but` (value, list, `prefix`, `suffix`), `exists`,
 * `numeric`, `wildcard`, `$or` (at any level, nested). Other operators (e.g. `cidr`) throw.
 *
 * Semantics worth remembering:
 * - keys are ANDed, the values of one key's list are ORed;
 * - an event array field matches when any of its elements matches;
 * - a field missing from the event matches only `{"exists": false}` — in particular never `anything-but`.
 */

export class UnsupportedPatternOperatorError extends Error {
  constructor(operator: string) {
    super(`event-pattern operator not supported by the test matcher: ${operator}`);
    this.name = 'UnsupportedPatternOperatorError';
  }
}

export class InvalidEventPatternError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidEventPatternError';
  }
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const MISSING = Symbol('missing');
type Value = Json | typeof MISSING;

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True when `event` matches `pattern`. */
export function matchesEventPattern(pattern: unknown, event: unknown): boolean {
  if (!isObject(pattern)) throw new InvalidEventPatternError('an event pattern must be a JSON object');
  return matchObject(pattern, isObject(event) ? event : {});
}

function matchObject(pattern: JsonObject, event: JsonObject): boolean {
  return Object.entries(pattern).every(([key, sub]) => {
    if (key === '$or') {
      if (!Array.isArray(sub) || sub.length < 2) throw new InvalidEventPatternError('$or needs a list of at least two patterns');
      return sub.some((alternative) => {
        if (!isObject(alternative)) throw new InvalidEventPatternError('$or alternatives must be objects');
        return matchObject(alternative, event);
      });
    }
    const value: Value = key in event ? event[key] : MISSING;
    if (isObject(sub)) {
      // A nested pattern applies to a nested object; a missing object behaves as an empty one (only exists:false matches).
      return matchObject(sub, isObject(value) ? value : {});
    }
    if (!Array.isArray(sub)) throw new InvalidEventPatternError(`pattern value of "${key}" must be a list or an object`);
    return matchLeaf(sub, value);
  });
}

function matchLeaf(matchers: Json[], value: Value): boolean {
  if (value !== MISSING && Array.isArray(value)) {
    // An array in the event matches when any element does; exists applies to the array itself.
    return matchers.some((m) =>
      isObject(m) && 'exists' in m ? m.exists === true : value.some((element) => matchOne(m, element)),
    );
  }
  return matchers.some((m) => matchOne(m, value));
}

function matchOne(matcher: Json, value: Value): boolean {
  if (!isObject(matcher)) return value !== MISSING && value === matcher;
  const operators = Object.keys(matcher);
  if (operators.length !== 1) throw new InvalidEventPatternError(`a matcher object has exactly one operator, got ${operators.join(',')}`);
  const [op] = operators;
  const arg = matcher[op];
  if (op === 'exists') {
    if (typeof arg !== 'boolean') throw new InvalidEventPatternError('exists takes true or false');
    return arg === (value !== MISSING);
  }
  if (value === MISSING) return false; // every other operator needs the field
  switch (op) {
    case 'prefix':
      return typeof value === 'string' && stringTest(arg, (p, s) => s.startsWith(p), value);
    case 'suffix':
      return typeof value === 'string' && stringTest(arg, (p, s) => s.endsWith(p), value);
    case 'equals-ignore-case':
      return typeof value === 'string' && typeof arg === 'string' && arg.toLowerCase() === value.toLowerCase();
    case 'wildcard':
      return typeof value === 'string' && typeof arg === 'string' && wildcardRegExp(arg).test(value);
    case 'numeric':
      return typeof value === 'number' && numericTest(arg, value);
    case 'anything-but':
      return !anythingButExcludes(arg, value);
    default:
      throw new UnsupportedPatternOperatorError(op);
  }
}

/** `prefix`/`suffix` take a string or `{"equals-ignore-case": string}`. */
function stringTest(arg: Json, test: (pattern: string, s: string) => boolean, value: string): boolean {
  if (typeof arg === 'string') return test(arg, value);
  if (isObject(arg) && typeof arg['equals-ignore-case'] === 'string') {
    return test(arg['equals-ignore-case'].toLowerCase(), value.toLowerCase());
  }
  throw new InvalidEventPatternError(`prefix/suffix takes a string or {"equals-ignore-case": string}`);
}

function anythingButExcludes(arg: Json, value: Json): boolean {
  if (Array.isArray(arg)) return arg.some((excluded) => excluded === value);
  if (isObject(arg)) {
    const [op] = Object.keys(arg);
    const inner = arg[op];
    if (op === 'prefix' || op === 'suffix') {
      if (typeof inner !== 'string') throw new InvalidEventPatternError(`anything-but ${op} takes a string`);
      return typeof value === 'string' && (op === 'prefix' ? value.startsWith(inner) : value.endsWith(inner));
    }
    if (op === 'equals-ignore-case') {
      const list = Array.isArray(inner) ? inner : [inner];
      return typeof value === 'string' && list.some((x) => typeof x === 'string' && x.toLowerCase() === value.toLowerCase());
    }
    if (op === 'wildcard' && typeof inner === 'string') return typeof value === 'string' && wildcardRegExp(inner).test(value);
    throw new UnsupportedPatternOperatorError(`anything-but ${op}`);
  }
  return arg === value;
}

function numericTest(arg: Json, value: number): boolean {
  if (!Array.isArray(arg) || arg.length % 2 !== 0) throw new InvalidEventPatternError('numeric takes operator/number pairs');
  for (let i = 0; i < arg.length; i += 2) {
    const [op, n] = [arg[i], arg[i + 1]];
    if (typeof n !== 'number') throw new InvalidEventPatternError('numeric bounds must be numbers');
    const ok = { '=': value === n, '<': value < n, '<=': value <= n, '>': value > n, '>=': value >= n }[op as string];
    if (ok === undefined) throw new InvalidEventPatternError(`unknown numeric operator ${String(op)}`);
    if (!ok) return false;
  }
  return true;
}

function wildcardRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 's');
}
