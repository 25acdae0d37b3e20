import { plural } from '../../cli/plural';
import { formatStartupReport } from '../../local/startup-report';
import { formatSandboxBanner } from '../../sandbox/sandbox-banner';

describe('plural', () => {
  it.each([
    [0, 'asset', '0 assets'],
    [1, 'asset', '1 asset'],
    [2, 'asset', '2 assets'],
    [1, 'failed crawl', '1 failed crawl'],
    [3, 'key', '3 keys'],
  ])('%d %s → %s', (count, noun, expected) => {
    expect(plural(count, noun)).toBe(expected);
  });
});

describe('start-up and sandbox summaries', () => {
  it('the start-up report counts in the right number', () => {
    // GIVEN a demo that found one asset of one type, after one event
    const report = formatStartupReport({
      url: 'http://127.0.0.1:3000/v1',
      dataDir: '/tmp/aqg',
      tokens: { admin: 'aqg_a', reader: 'aqg_r', uploader: 'aqg_u' },
      mode: 'demo',
      demo: {
        accountId: '111122223333',
        ingestion: { ingestionId: '01J0000000000000000000000A', status: 'SUCCEEDED' },
        eventsPosted: 1,
        summary: { total: 1, byType: { certificate: 1 }, quantumVulnerable: 1, expiringWithin30Days: 0, rotationDisabled: 0 },
      },
      externalId: 'ext-123',
      seconds: 2,
    });
    // THEN
    expect(report).toContain('ingestion 01J0000000000000000000000A SUCCEEDED, 1 CloudTrail event replayed\n');
    expect(report).toContain('  Inventory: 1 asset — 1 certificate\n');
  });

  it('the sandbox banner names every Region left disabled and counts assets in the right number', () => {
    const banner = formatSandboxBanner({
      endpoint: 'http://127.0.0.1:4566',
      accountId: '111122223333',
      roleArn: 'arn:aws:iam::111122223333:role/AQtiveGuardReadOnlyAccessRole',
      externalId: 'ext-123',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'secret',
      regions: ['us-east-1'],
      disabledRegions: ['af-south-1', 'me-south-1'],
      assets: 1,
    });
    expect(banner.split('\n').slice(0, 2)).toEqual([
      'Sandbox account 111122223333 on http://127.0.0.1:4566: 1 asset in us-east-1',
      'Regions not enabled (they reject every request, as in AWS): af-south-1, me-south-1',
    ]);
  });
});
