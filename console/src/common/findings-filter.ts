import { FINDING_STATUSES, PROFILES } from '../../../lambdas/findings/finding';
import { SEVERITIES } from '../../../lambdas/findings/severity';
import { FilterError, type FilterQuery, type FilterToken } from './inventory-filter';

/**
 * The Findings page's filter as PropertyFilter tokens and as the console URL's search parameters, which are also the
 * `GET /v1/findings` query (README "API"): one value per property, every condition must hold. Pure, tested without a
 * browser.
 */
export const FINDING_FILTERS = {
  ruleId: { label: 'Rule', values: undefined },
  severity: { label: 'Severity', values: SEVERITIES },
  status: { label: 'Status', values: FINDING_STATUSES },
  accountId: { label: 'Account', values: undefined },
  region: { label: 'Region', values: undefined },
  profile: { label: 'Profile', values: ['all', ...PROFILES] },
} as const satisfies Record<string, { label: string; values: readonly string[] | undefined }>;

export type FindingFilterKey = keyof typeof FINDING_FILTERS;

const isKey = (k: string | undefined): k is FindingFilterKey => k !== undefined && Object.hasOwn(FINDING_FILTERS, k);

function check(key: FindingFilterKey, value: string): string {
  const v = value.trim();
  const { label, values } = FINDING_FILTERS[key];
  if (v === '') throw new FilterError(`Enter a value for ${label}.`);
  if (values && !(values as readonly string[]).includes(v)) throw new FilterError(`${label} must be one of ${values.join(', ')} (got "${v}").`);
  if (key === 'accountId' && !/^\d{12}$/.test(v)) throw new FilterError(`Account must be a 12-digit AWS account id (got "${v}").`);
  if (key === 'region' && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(v)) throw new FilterError(`"${v}" is not a region name such as eu-west-1.`);
  // Rule ids are checked by the API against its catalogue (a 400 naming the unknown id).
  if (key === 'ruleId' && !/^[a-z0-9-]{1,64}$/.test(v)) throw new FilterError(`"${v}" is not a rule id such as kms-rotation-disabled.`);
  return v;
}

/** Tokens → the URL's (and the API's) parameters. Throws FilterError, in words, for what the API cannot express. */
export function findingsFilterToParams(query: FilterQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.operation === 'or' && query.tokens.length > 1) throw new FilterError('Only "and" filters are supported: every condition must hold.');
  for (const token of query.tokens) {
    const key = token.propertyKey;
    if (!isKey(key)) throw new FilterError(key ? `Filtering findings by ${key} is not supported.` : `Choose a property to filter by: ${Object.values(FINDING_FILTERS).map((p) => p.label).join(', ')}.`);
    if (token.operator !== '=') throw new FilterError(`${FINDING_FILTERS[key].label} supports only = (got ${token.operator}).`);
    if (params.has(key)) throw new FilterError(`${FINDING_FILTERS[key].label} can be used once.`);
    params.set(key, check(key, String(token.value ?? '')));
  }
  return params;
}

/** The URL's parameters → tokens (unknown or invalid parameters are dropped: a stale link still opens). */
export function findingsParamsToFilter(params: URLSearchParams): FilterQuery {
  const tokens: FilterToken[] = [];
  for (const [key, value] of params) {
    if (!isKey(key)) continue;
    try {
      tokens.push({ propertyKey: key, operator: '=', value: check(key, value) });
    } catch (err) {
      if (!(err instanceof FilterError)) throw err;
    }
  }
  return { tokens, operation: 'and' };
}

/** The URL's parameters → the API query for one page (only the filters the page shows: a stale link cannot 400). */
export function findingsApiQuery(params: URLSearchParams, page: { limit: number; cursor?: string }): Record<string, string> {
  const api: Record<string, string> = {};
  for (const token of findingsParamsToFilter(params).tokens) api[token.propertyKey!] = String(token.value);
  api.limit = String(page.limit);
  if (page.cursor !== undefined) api.cursor = page.cursor;
  return api;
}
