import { FilterError } from '../../console/src/common/inventory-filter';
import { findingsApiQuery, findingsFilterToParams, findingsParamsToFilter } from '../../console/src/common/findings-filter';
import { expiryInstant, suppressionProblems } from '../../console/src/pages/finding/suppression-form';

const and = (...tokens: Array<{ propertyKey?: string; operator: string; value: unknown }>) => ({ tokens, operation: 'and' as const });

describe('Findings filter → URL → API query', () => {
  it('turns tokens into the URL (also the API query) and back, so a shared link reopens the same view', () => {
    const query = and(
      { propertyKey: 'severity', operator: '=', value: 'high' },
      { propertyKey: 'ruleId', operator: '=', value: 'cert-expiring' },
      { propertyKey: 'status', operator: '=', value: 'open' },
      { propertyKey: 'accountId', operator: '=', value: '111122223333' },
      { propertyKey: 'region', operator: '=', value: 'eu-west-1' },
      { propertyKey: 'profile', operator: '=', value: 'pqc-readiness' },
    );
    const params = findingsFilterToParams(query);
    expect(params.toString()).toBe('severity=high&ruleId=cert-expiring&status=open&accountId=111122223333&region=eu-west-1&profile=pqc-readiness');
    expect(findingsParamsToFilter(params)).toEqual(query);
    expect(findingsApiQuery(params, { limit: 50, cursor: 'abc' })).toEqual({ ...Object.fromEntries(params), limit: '50', cursor: 'abc' });
  });

  it('says in words what the API cannot take', () => {
    const bad = (token: { propertyKey?: string; operator: string; value: unknown }) => () => findingsFilterToParams(and(token));
    expect(bad({ propertyKey: 'severity', operator: '=', value: 'urgent' })).toThrow(new FilterError('Severity must be one of critical, high, medium, low (got "urgent").'));
    expect(bad({ propertyKey: 'status', operator: '!=', value: 'open' })).toThrow('Status supports only = (got !=).');
    expect(bad({ propertyKey: 'accountId', operator: '=', value: '1234' })).toThrow('Account must be a 12-digit AWS account id (got "1234").');
    expect(bad({ operator: ':', value: 'rsa' })).toThrow(/Choose a property to filter by: Rule, Severity, Status, Account, Region, Profile/);
    expect(bad({ propertyKey: 'tag', operator: '=', value: 'x' })).toThrow('Filtering findings by tag is not supported.');
    expect(() => findingsFilterToParams({ operation: 'or', tokens: [{ propertyKey: 'severity', operator: '=', value: 'high' }, { propertyKey: 'severity', operator: '=', value: 'low' }] })).toThrow(/Only "and"/);
    expect(() => findingsFilterToParams(and({ propertyKey: 'severity', operator: '=', value: 'high' }, { propertyKey: 'severity', operator: '=', value: 'low' }))).toThrow('Severity can be used once.');
  });

  it('drops what a stale link holds that the API would refuse, instead of failing the page', () => {
    const params = new URLSearchParams('severity=urgent&status=open&limit=5&tag=a%3Db');
    expect(findingsParamsToFilter(params).tokens).toEqual([{ propertyKey: 'status', operator: '=', value: 'open' }]);
    expect(findingsApiQuery(params, { limit: 50 })).toEqual({ status: 'open', limit: '50' });
  });
});

describe('Suppress form', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('needs a reason; the expiry is optional and must be a later day (end of that day, UTC)', () => {
    expect(suppressionProblems('', '', now).reason).toMatch(/Say why/);
    expect(suppressionProblems('  ', '', now).reason).toMatch(/Say why/);
    expect(suppressionProblems('x'.repeat(1001), '', now).reason).toMatch(/1001 characters/);
    expect(suppressionProblems('Retired in Q2', '', now)).toEqual({});
    expect(suppressionProblems('Retired in Q2', '2026-02-28', now).expiry).toBe('The expiry must be in the future.');
    expect(suppressionProblems('Retired in Q2', '2026-03-01', now)).toEqual({});
    expect(expiryInstant('2026-03-01')).toBe('2026-03-01T23:59:59Z');
  });
});
