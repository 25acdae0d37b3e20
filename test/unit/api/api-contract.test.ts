import { ContractViolationError, checkAgainstContract } from '../../e2e/api-contract';

// The checker every end-to-end answer goes through (test/e2e/e2e-support.ts): it must reject what the document does not say.
const token = { tokenId: '0123456789abcdef0123', tenantId: 't', name: 'ci', permissions: ['reader'], createdAt: '2026-01-01T00:00:00.000Z' };
const JSON_TYPE = 'application/json';

describe('checkAgainstContract', () => {
  it('accepts a documented answer, resolving the schemas it references', () => {
    expect(() => checkAgainstContract('GET', '/tokens?x=1', 200, JSON_TYPE, { items: [token] })).not.toThrow();
    expect(() => checkAgainstContract('DELETE', `/tokens/${token.tokenId}`, 404, JSON_TYPE, { error: { code: 'NotFound', message: 'Token not found' } })).not.toThrow();
  });

  it('rejects a body that does not match, naming the route and the field', () => {
    expect(() => checkAgainstContract('GET', '/tokens', 200, JSON_TYPE, { items: [{ ...token, permissions: ['root'] }] })).toThrow(ContractViolationError);
    expect(() => checkAgainstContract('GET', '/tokens', 200, JSON_TYPE, { items: [{ ...token, createdAt: 'yesterday' }] })).toThrow(/GET \/tokens → 200.*createdAt/);
    expect(() => checkAgainstContract('GET', '/tokens', 403, JSON_TYPE, { message: 'Forbidden' })).toThrow(ContractViolationError);
  });

  it('rejects an undocumented status and a wrong media type', () => {
    expect(() => checkAgainstContract('GET', '/tokens', 404, JSON_TYPE, { error: { code: 'NotFound', message: 'x' } })).toThrow(/status not documented/);
    expect(() => checkAgainstContract('GET', '/inventory/cbom', 200, JSON_TYPE, {})).toThrow(/Content-Type application\/json, documented application\/vnd\.cyclonedx\+json/);
  });

  it('checks an unknown route’s answer against the error shape (API Gateway’s 404)', () => {
    expect(() => checkAgainstContract('GET', '/nope', 404, JSON_TYPE, { error: { code: 'NotFound', message: 'No such route.' } })).not.toThrow();
    expect(() => checkAgainstContract('GET', '/nope', 404, JSON_TYPE, 'Not Found')).toThrow(ContractViolationError);
  });
});
