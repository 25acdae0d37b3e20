/**
 * The Inventory page's filter in three forms: PropertyFilter tokens (what the user edits), the console URL's search
 * parameters (what a shared link holds; relative "expiring within N days" stays relative) and the API's
 * `GET /v1/inventory` query (README "API"). Pure, so it is tested without a browser.
 */
export interface FilterToken {
  readonly propertyKey?: string;
  readonly operator: string;
  readonly value: unknown;
}

export interface FilterQuery {
  readonly tokens: readonly FilterToken[];
  readonly operation: 'and' | 'or';
}

export const ASSET_TYPES = ['key', 'certificate', 'secret', 'parameter'] as const;

/** Filter properties the API can apply, with the operator each supports (one value per property: the API takes one). */
export const FILTER_PROPERTIES = {
  type: { label: 'Type', operators: ['='] },
  region: { label: 'Region', operators: ['='] },
  accountId: { label: 'Account', operators: ['='] },
  quantumVulnerable: { label: 'Quantum-vulnerable', operators: ['='] },
  expiresWithinDays: { label: 'Expiring within (days)', operators: ['<='] },
} as const;

export type FilterKey = keyof typeof FILTER_PROPERTIES;
/** Free text (no property) searches names and ARNs: the API's `q`. */
export const TEXT_KEY = 'q';

export class FilterError extends Error {}

const isKey = (k: string | undefined): k is FilterKey => k !== undefined && Object.hasOwn(FILTER_PROPERTIES, k);

function check(key: FilterKey | typeof TEXT_KEY, value: string): string {
  const v = value.trim();
  if (v === '') throw new FilterError(`Enter a value for ${key === TEXT_KEY ? 'the text search' : FILTER_PROPERTIES[key].label}.`);
  switch (key) {
    case 'type':
      if (!(ASSET_TYPES as readonly string[]).includes(v)) throw new FilterError(`Type must be one of ${ASSET_TYPES.join(', ')} (got "${v}").`);
      break;
    case 'accountId':
      if (!/^\d{12}$/.test(v)) throw new FilterError(`Account must be a 12-digit AWS account id (got "${v}").`);
      break;
    case 'quantumVulnerable':
      if (v !== 'true' && v !== 'false') throw new FilterError(`Quantum-vulnerable must be true or false (got "${v}").`);
      break;
    case 'expiresWithinDays':
      if (!/^\d{1,5}$/.test(v)) throw new FilterError(`Expiring within takes a whole number of days (got "${v}").`);
      break;
    case 'region':
      if (!/^[a-z]{2}(-[a-z]+)+-\d$/.test(v)) throw new FilterError(`"${v}" is not a region name such as eu-west-1.`);
      break;
    default:
      break;
  }
  return v;
}

/** Tokens → the console URL's parameters. Throws FilterError (in words) for what the API cannot express. */
export function filterToParams(query: FilterQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.operation === 'or' && query.tokens.length > 1) throw new FilterError('Only "and" filters are supported: every condition must hold.');
  for (const token of query.tokens) {
    const key = token.propertyKey ?? TEXT_KEY;
    if (key !== TEXT_KEY && !isKey(key)) throw new FilterError(`Filtering by ${key} is not supported.`);
    const allowed: readonly string[] = key === TEXT_KEY ? [':'] : FILTER_PROPERTIES[key].operators;
    if (!allowed.includes(token.operator)) {
      throw new FilterError(`${key === TEXT_KEY ? 'Text search' : FILTER_PROPERTIES[key].label} supports only ${allowed.join(' ')} (got ${token.operator}).`);
    }
    if (params.has(key)) throw new FilterError(`${key === TEXT_KEY ? 'Text search' : FILTER_PROPERTIES[key].label} can be used once.`);
    params.set(key, check(key, String(token.value ?? '')));
  }
  return params;
}

/** The console URL's parameters → tokens (unknown or invalid parameters are dropped: a stale link still opens). */
export function paramsToFilter(params: URLSearchParams): FilterQuery {
  const tokens: FilterToken[] = [];
  for (const [key, value] of params) {
    try {
      if (key === TEXT_KEY) tokens.push({ operator: ':', value: check(TEXT_KEY, value) });
      else if (isKey(key)) tokens.push({ propertyKey: key, operator: FILTER_PROPERTIES[key].operators[0], value: check(key, value) });
    } catch (err) {
      if (!(err instanceof FilterError)) throw err;
    }
  }
  return { tokens, operation: 'and' };
}

const DAY_MS = 86_400_000;

/** The console URL's parameters → the API query for one page (`expiresWithinDays` becomes an absolute `expiresBefore`). */
export function paramsToApiQuery(params: URLSearchParams, now: Date, page: { limit: number; cursor?: string }): Record<string, string> {
  const api: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key === 'expiresWithinDays') api.expiresBefore = new Date(now.getTime() + Number(value) * DAY_MS).toISOString();
    else if (key === TEXT_KEY || isKey(key)) api[key] = value;
  }
  api.limit = String(page.limit);
  if (page.cursor !== undefined) api.cursor = page.cursor;
  return api;
}

/** The CBOM export takes only type, region and account (README "API"): the filters it would ignore, if any. */
export function cbomUnsupportedFilters(params: URLSearchParams): string[] {
  return [...params.keys()].filter((k) => k !== 'type' && k !== 'region' && k !== 'accountId');
}
