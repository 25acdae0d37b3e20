import { FilterError, cbomUnsupportedFilters, filterToParams, paramsToApiQuery, paramsToFilter } from '../../console/src/common/inventory-filter';
import { countOfPage, showCount } from '../../console/src/common/bounded-count';

const and = (...tokens: Array<{ propertyKey?: string; operator: string; value: unknown }>) => ({ tokens, operation: 'and' as const });

describe('Inventory filter → URL → API query', () => {
  it('turns property tokens into the console URL and back (a shared link reopens the same filter)', () => {
    const query = and(
      { propertyKey: 'type', operator: '=', value: 'certificate' },
      { propertyKey: 'quantumVulnerable', operator: '=', value: 'true' },
      { propertyKey: 'expiresWithinDays', operator: '<=', value: '30' },
      { operator: ':', value: 'example.com' },
    );
    const params = filterToParams(query);
    expect(params.toString()).toBe('type=certificate&quantumVulnerable=true&expiresWithinDays=30&q=example.com');
    expect(paramsToFilter(params)).toEqual(query);
  });

  it('sends the API an absolute expiresBefore, one page with its cursor', () => {
    const now = new Date('2026-01-01T00:00:00.000Z');
    const api = paramsToApiQuery(new URLSearchParams('type=certificate&expiresWithinDays=30&region=eu-west-1'), now, { limit: 50, cursor: 'abc' });
    expect(api).toEqual({ type: 'certificate', expiresBefore: '2026-01-31T00:00:00.000Z', region: 'eu-west-1', limit: '50', cursor: 'abc' });
  });

  it('ignores URL parameters the API does not know, and drops invalid values from old links', () => {
    expect(paramsToApiQuery(new URLSearchParams('foo=1&accountId=123456789012'), new Date(0), { limit: 10 })).toEqual({ accountId: '123456789012', limit: '10' });
    expect(paramsToFilter(new URLSearchParams('type=banana&region=eu-west-1'))).toEqual(and({ propertyKey: 'region', operator: '=', value: 'eu-west-1' }));
  });

  it.each([
    [{ tokens: [{ propertyKey: 'type', operator: '=', value: 'key' }, { propertyKey: 'region', operator: '=', value: 'eu-west-1' }], operation: 'or' as const }, 'Only "and"'],
    [and({ propertyKey: 'type', operator: '!=', value: 'key' }), 'supports only ='],
    [and({ propertyKey: 'type', operator: '=', value: 'key' }, { propertyKey: 'type', operator: '=', value: 'secret' }), 'can be used once'],
    [and({ propertyKey: 'type', operator: '=', value: 'banana' }), 'Type must be one of key, certificate, secret, parameter'],
    [and({ propertyKey: 'accountId', operator: '=', value: '12' }), '12-digit'],
    [and({ propertyKey: 'quantumVulnerable', operator: '=', value: 'yes' }), 'true or false'],
    [and({ propertyKey: 'expiresWithinDays', operator: '<=', value: 'soon' }), 'whole number of days'],
    [and({ propertyKey: 'region', operator: '=', value: 'Ireland' }), 'not a region name'],
    [and({ propertyKey: 'owner', operator: '=', value: 'x' }), 'Filtering by owner is not supported'],
    [and({ operator: ':', value: '  ' }), 'Enter a value for the text search'],
  ])('refuses what the API cannot express, in words (%#)', (query, words) => {
    expect(() => filterToParams(query)).toThrow(FilterError);
    expect(() => filterToParams(query)).toThrow(words);
  });

  it('names the filters the CBOM export would ignore', () => {
    expect(cbomUnsupportedFilters(new URLSearchParams('type=key&region=eu-west-1&accountId=123456789012'))).toEqual([]);
    expect(cbomUnsupportedFilters(new URLSearchParams('type=key&quantumVulnerable=true&q=x'))).toEqual(['quantumVulnerable', 'q']);
  });
});

describe('dashboard counts from one bounded page', () => {
  it('is a lower bound when more pages exist', () => {
    expect(showCount(countOfPage({ items: new Array(1000).fill(0), nextCursor: 'c' }))).toBe('≥ 1,000');
    expect(showCount(countOfPage({ items: [1, 2], nextCursor: null }))).toBe('2');
  });

});
