import { assetId } from '../../lambdas/inventory/asset-id';
import { API_DESTINATION_REGION_NAMES, COMMERCIAL_REGION_NAMES } from '../../lambdas/shared/regions';

describe('assetId', () => {
  it('is deterministic, URL-safe and tenant-scoped', () => {
    const arn = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    expect(assetId('t1', arn)).toBe(assetId('t1', arn));
    expect(assetId('t1', arn)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(assetId('t2', arn)).not.toBe(assetId('t1', arn));
  });
});

describe('regions', () => {
  it('lists unique commercial regions, API destinations in a subset of them', () => {
    expect(new Set(COMMERCIAL_REGION_NAMES).size).toBe(COMMERCIAL_REGION_NAMES.length);
    for (const r of API_DESTINATION_REGION_NAMES) expect(COMMERCIAL_REGION_NAMES).toContain(r);
    expect(API_DESTINATION_REGION_NAMES).toContain('us-east-1');
    expect(API_DESTINATION_REGION_NAMES).not.toContain('il-central-1');
  });
});
