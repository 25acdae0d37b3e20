import { evaluateAsset } from '../../../lambdas/findings/evaluate-asset';
import { RelationsIndex } from '../../../lambdas/findings/relations-index';
import { APP_ROLE, days, key, NOW, parameter, secret, usage } from './finding-fixtures';

describe('RelationsIndex', () => {
  const MRK = 'mrk-1234abcd12ab34cd56ef1234567890ab';
  const primary = key({ keyId: MRK, details: { multiRegion: true, multiRegionKeyType: 'PRIMARY' }, lifecycle: { state: 'PendingDeletion', deletionDate: days(7) } });
  const replica = key({ keyId: MRK, region: 'us-east-1', details: { multiRegion: true, multiRegionKeyType: 'REPLICA' } });
  const db = secret({ kmsKeyArn: primary.arn, details: { primaryRegion: 'eu-west-1', replicas: [{ region: 'us-west-2', status: 'InSync' }] } });
  const url = parameter('/app/db/url', primary.arn);
  const deletedParam = { ...parameter('/app/old', primary.arn), deleted: true };
  const decrypt = usage(primary, APP_ROLE, 'iam-role', days(-1));
  const index = new RelationsIndex([primary, replica, db, url, deletedParam], [decrypt], new Map([[db.arn, [{ eventName: 'RotationFailed', at: days(-1) }]]]));

  test('a key: what is encrypted with it (not deleted), its replicas, its usages', () => {
    const relations = index.relationsOf(primary);
    expect(relations.encryptedAssets.map((a) => a.arn).sort()).toEqual([db.arn, url.arn].sort());
    expect(relations.replicas).toEqual([{ arn: replica.arn, type: 'key', region: 'us-east-1', lastSeen: replica.lastSeen }]);
    expect(relations.usages).toEqual([decrypt]);
  });

  test('a replica key has no replicas; a secret encrypts nothing, its replicas come from ReplicationStatus, its history is passed on', () => {
    expect(index.relationsOf(replica).replicas).toEqual([]);
    const relations = index.relationsOf(db);
    expect(relations.encryptedAssets).toEqual([]);
    expect(relations.replicas).toEqual([{ arn: db.arn.replace(':eu-west-1:', ':us-west-2:'), type: 'secret', region: 'us-west-2' }]);
    expect(relations.history).toEqual([{ eventName: 'RotationFailed', at: days(-1) }]);
  });

  test('feeds evaluateAsset: the pending-deletion key is critical with its whole blast radius', () => {
    const [finding] = evaluateAsset(primary, { now: NOW, ...index.relationsOf(primary) });
    expect(finding).toMatchObject({ ruleId: 'kms-key-pending-deletion', severity: 'critical', evidence: { encryptedAssets: 2, replicas: 1, recentUsers: 1 } });
    expect(finding!.blastRadius.map((e) => e.knownFrom)).toEqual(['encrypts', 'encrypts', 'event', 'replica']);
  });
});
