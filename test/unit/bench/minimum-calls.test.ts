import { emptyRegionEstate, type KmsKeyRecord, type RegionEstate } from '../../../sandbox/estate/estate';
import { listPages, minimumCalls, minimumCallsForRegion, quotaBound, scaleQuotas } from '../../bench/minimum-calls';

function key(overrides: Partial<KmsKeyRecord>): KmsKeyRecord {
  return {
    keyId: 'k',
    arn: 'arn:aws:kms:us-east-1:111122223333:key/k',
    region: 'us-east-1',
    description: '',
    keySpec: 'SYMMETRIC_DEFAULT',
    keyUsage: 'ENCRYPT_DECRYPT',
    origin: 'AWS_KMS',
    keyManager: 'CUSTOMER',
    keyState: 'Enabled',
    enabled: true,
    creationDate: '2024-01-01T00:00:00Z',
    multiRegion: false,
    rotation: { applicable: true, enabled: true },
    policy: '{}',
    policyDeniesRole: false,
    tags: [],
    ...overrides,
  };
}

function regionWith(fill: (r: RegionEstate) => void): RegionEstate {
  const r = emptyRegionEstate('us-east-1');
  fill(r);
  return r;
}

describe('listPages', () => {
  it('costs one call for an empty listing and rounds up', () => {
    expect(listPages(0, 50)).toBe(1);
    expect(listPages(50, 50)).toBe(1);
    expect(listPages(51, 50)).toBe(2);
  });
});

describe('minimumCallsForRegion', () => {
  it('an empty Region costs one listing per service', () => {
    expect(minimumCallsForRegion(emptyRegionEstate('eu-west-1'))).toEqual({
      'kms:ListKeys': 1,
      'kms:ListAliases': 1,
      'acm:ListCertificates': 1,
      'secretsmanager:ListSecrets': 1,
      'ssm:DescribeParameters': 1,
    });
  });

  it('KMS: describe and policy for every key; tags and rotation only where they mean something', () => {
    // GIVEN a customer symmetric key with 51 tags, an AWS-managed key, an HMAC key and a key pending deletion
    const manyTags = Array.from({ length: 51 }, (_, i) => ({ key: `t${i}`, value: 'v' }));
    const region = regionWith((r) => {
      r.kms.keys.push(
        key({ keyId: 'a', tags: manyTags }),
        key({ keyId: 'b', keyManager: 'AWS' }),
        key({ keyId: 'c', keySpec: 'HMAC_256', keyUsage: 'GENERATE_VERIFY_MAC', rotation: { applicable: false } }),
        key({ keyId: 'd', keyState: 'PendingDeletion' }),
      );
    });
    // WHEN
    const calls = minimumCallsForRegion(region);
    // THEN
    expect(calls['kms:DescribeKey']).toBe(4);
    expect(calls['kms:GetKeyPolicy']).toBe(4);
    expect(calls['kms:ListResourceTags']).toBe(2 + 1 + 1); // two pages for 51 tags; none for the AWS-managed key
    expect(calls['kms:GetKeyRotationStatus']).toBe(1); // only 'a'
  });

  it('ACM: GetCertificate only for certificates with a body; SSM: one empty continuation page when there is a second page', () => {
    const region = regionWith((r) => {
      for (const status of ['ISSUED', 'PENDING_VALIDATION', 'EXPIRED'] as const) {
        r.acm.certificates.push({ arn: status, status } as never);
      }
      for (let i = 0; i < 51; i++) r.ssm.parameters.push({ name: `/p${i}` } as never);
    });
    const calls = minimumCallsForRegion(region);
    expect(calls['acm:DescribeCertificate']).toBe(3);
    expect(calls['acm:ListTagsForCertificate']).toBe(3);
    expect(calls['acm:GetCertificate']).toBe(2);
    expect(calls['ssm:DescribeParameters']).toBe(3);
    expect(minimumCallsForRegion(region, { ssmEmptyPages: false })['ssm:DescribeParameters']).toBe(2);
    expect(calls['ssm:ListTagsForResource']).toBe(51);
  });

  it('Secrets Manager: DescribeSecret only for the primary of a replicated secret', () => {
    const region = regionWith((r) => {
      r.secretsmanager.secrets.push(
        { arn: 'a', name: 'plain' } as never,
        { arn: 'b', name: 'primary', primaryRegion: 'us-east-1', replicationStatus: [{ region: 'eu-west-1', status: 'InSync' }] } as never,
        { arn: 'c', name: 'replica', primaryRegion: 'eu-west-1' } as never,
      );
    });
    expect(minimumCallsForRegion(region)['secretsmanager:DescribeSecret']).toBe(1);
    expect(minimumCallsForRegion(region)['secretsmanager:ListSecrets']).toBe(1);
  });
});

describe('minimumCalls', () => {
  it('counts listed Regions without assets and rolls up by API and service', () => {
    const estate = { accountId: '111122223333', regions: { 'us-east-1': regionWith((r) => r.kms.keys.push(key({}))) } };
    const min = minimumCalls(estate, ['us-east-1', 'eu-west-1']);
    expect(min.byApi['kms:ListKeys']).toBe(2);
    expect(min.byService.kms).toBe(2 + 2 + 1 + 1 + 1 + 1);
    expect(min.total).toBe(min.byService.kms + min.byService.acm + min.byService.secretsmanager + min.byService.ssm);
  });
});

describe('quotaBound', () => {
  it('is the slowest (Region, API) pair at its quota, STS pooled under sts:*', () => {
    const bound = quotaBound(
      {
        'us-east-1': { 'acm:DescribeCertificate': 100, 'kms:DescribeKey': 1000, 'sts:AssumeRole': 5, 'sts:GetCallerIdentity': 5 },
        'eu-west-1': { 'acm:DescribeCertificate': 150, 'ssm:Unlisted': 1_000_000 },
      },
      { 'acm:DescribeCertificate': 10, 'kms:DescribeKey': 2000, 'sts:*': 1 },
    );
    expect(bound).toEqual({ seconds: 15, region: 'eu-west-1', api: 'acm:DescribeCertificate', calls: 150, rps: 10 });
    expect(quotaBound({ r: { 'sts:AssumeRole': 30, 'sts:GetCallerIdentity': 30 } }, { 'sts:*': 2 }).seconds).toBe(30);
  });

  it('scales quotas and rejects a non-positive scale', () => {
    expect(scaleQuotas({ a: 10 }, 0.5)).toEqual({ a: 5 });
    expect(() => scaleQuotas({ a: 10 }, 0)).toThrow(RangeError);
  });
});
