import { blastRadius } from '../../../lambdas/findings/blast-radius';
import { resourceTypeOfArn } from '../../../lambdas/findings/resource-type';
import type { RelatedAsset } from '../../../lambdas/findings/rule-context';
import { ALB, API_DOMAIN, APP_FUNCTION, APP_ROLE, certificate, days, DISTRIBUTION, key, parameter, secret, usage } from './finding-fixtures';

const related = (a: { arn: string; type: RelatedAsset['type']; region: string }): RelatedAsset => ({ arn: a.arn, type: a.type, region: a.region });
const none = { usages: [], encryptedAssets: [], replicas: [] };

describe('blastRadius', () => {
  test('a certificate: its InUseBy resources, then resources seen using it in events', () => {
    const cert = certificate({ relations: { inUseBy: [DISTRIBUTION, ALB] } });
    const radius = blastRadius(cert, { ...none, usages: [usage(cert, API_DOMAIN, 'apigateway-domain', days(-4), 'CreateDomainName')] });
    expect(radius).toEqual([
      { arn: DISTRIBUTION, resourceType: 'cloudfront-distribution', knownFrom: 'InUseBy' },
      { arn: ALB, resourceType: 'load-balancer', knownFrom: 'InUseBy' },
      { arn: API_DOMAIN, resourceType: 'apigateway-domain', knownFrom: 'event', lastSeenAt: days(-4) },
    ]);
  });

  test('a resource both in InUseBy and in events is listed once, as InUseBy, with its last use', () => {
    const cert = certificate({ relations: { inUseBy: [ALB] } });
    expect(blastRadius(cert, { ...none, usages: [usage(cert, ALB, 'load-balancer', days(-1), 'CreateListener'), usage(cert, ALB, 'load-balancer', days(-9), 'ModifyListener')] })).toEqual([
      { arn: ALB, resourceType: 'load-balancer', knownFrom: 'InUseBy', lastSeenAt: days(-1) },
    ]);
  });

  test('a key: what it encrypts, who used it (most recent first, with last use), its replicas', () => {
    const k = key({ details: { multiRegion: true, multiRegionKeyType: 'PRIMARY' } });
    const db = secret({ kmsKeyArn: k.arn });
    const url = parameter('/app/db/url', k.arn);
    const replica = key({ region: 'us-east-1', details: { multiRegionKeyType: 'REPLICA' } });
    const radius = blastRadius(k, {
      encryptedAssets: [related(url), related(db)],
      usages: [usage(k, APP_ROLE, 'iam-role', days(-20)), usage(k, APP_FUNCTION, 'lambda-function', days(-1)), usage(k, db.arn, 'other', days(-2))],
      replicas: [related(replica)],
    });
    expect(radius).toEqual([
      { arn: db.arn, resourceType: 'secret', knownFrom: 'encrypts', lastSeenAt: days(-2) },
      { arn: url.arn, resourceType: 'parameter', knownFrom: 'encrypts' },
      { arn: APP_FUNCTION, resourceType: 'lambda-function', knownFrom: 'event', lastSeenAt: days(-1) },
      { arn: APP_ROLE, resourceType: 'iam-role', knownFrom: 'event', lastSeenAt: days(-20) },
      { arn: replica.arn, resourceType: 'key', knownFrom: 'replica' },
    ]);
  });

  test('InUseBy means nothing for a key, "encrypted with" nothing for a certificate', () => {
    const k = { ...key(), relations: { inUseBy: [ALB] } };
    expect(blastRadius(k, none)).toEqual([]);
    const cert = certificate({ relations: { inUseBy: [] } });
    expect(blastRadius(cert, { ...none, encryptedAssets: [related(secret())] })).toEqual([]);
  });

  test('a secret: who read it, and its replicas', () => {
    const s = secret();
    const replicaArn = s.arn.replace(':eu-west-1:', ':us-west-2:');
    expect(blastRadius(s, { ...none, usages: [usage(s, APP_FUNCTION, 'lambda-function', days(-1), 'GetSecretValue')], replicas: [{ arn: replicaArn, type: 'secret', region: 'us-west-2' }] })).toEqual([
      { arn: APP_FUNCTION, resourceType: 'lambda-function', knownFrom: 'event', lastSeenAt: days(-1) },
      { arn: replicaArn, resourceType: 'secret', knownFrom: 'replica' },
    ]);
  });
});

describe('resourceTypeOfArn (InUseBy ARNs)', () => {
  test.each([
    ['arn:aws:cloudfront::111122223333:distribution/E2QWRUHAPOMQZL', 'cloudfront-distribution'],
    ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/web/50dc6c495c0c9188', 'load-balancer'],
    ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/classic-web', 'load-balancer'],
    ['arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2', 'other'],
    ['arn:aws:apigateway:eu-west-1::/domainnames/api.example.com', 'apigateway-domain'],
    ['arn:aws:lambda:eu-west-1:111122223333:function:orders-api', 'lambda-function'],
    ['arn:aws:ec2:eu-west-1:111122223333:instance/i-0abc1234def567890', 'ec2-instance'],
    ['arn:aws:ec2:eu-west-1:111122223333:volume/vol-0abc1234def567890', 'ebs-volume'],
    ['arn:aws:iam::111122223333:role/app-lambda-role', 'iam-role'],
    ['arn:aws:iam::111122223333:user/deploy', 'iam-user'],
    ['arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_abc', 'other'],
  ])('%s → %s', (arn, type) => {
    expect(resourceTypeOfArn(arn)).toBe(type);
  });
});
