import type { Asset } from '../inventory/asset';
import type { BlastRadiusEntry, KnownFrom } from './finding';
import { resourceTypeOfArn } from './resource-type';
import type { AssetRelations } from './rule-context';

const ORDER: Readonly<Record<KnownFrom, number>> = { InUseBy: 0, encrypts: 1, event: 2, replica: 3 };

/**
 * What breaks when the asset does, from relations already stored:
 * - certificate: ACM InUseBy resources, plus resources seen using it in events (ExportCertificate, attachments);
 * - key: the secrets and parameters encrypted with it, the resources and roles that used it (usage edges, with their
 *   last use), its replicas;
 * - secret / parameter: the callers seen reading it, and a secret's replicas.
 * One entry per ARN: configuration (InUseBy, encrypts) names the entry, a usage edge of the same ARN adds its last
 * use. Sorted by how it is known, then most recent use, then ARN.
 */
export function blastRadius(asset: Asset, relations: Pick<AssetRelations, 'usages' | 'encryptedAssets' | 'replicas'>): BlastRadiusEntry[] {
  const entries = new Map<string, BlastRadiusEntry>();
  const add = (entry: BlastRadiusEntry) => {
    if (!entries.has(entry.arn)) entries.set(entry.arn, entry);
  };
  if (asset.type === 'certificate') {
    for (const arn of asset.relations.inUseBy) add({ arn, resourceType: resourceTypeOfArn(arn), knownFrom: 'InUseBy' });
  }
  if (asset.type === 'key') {
    for (const related of relations.encryptedAssets) add({ arn: related.arn, resourceType: related.type, knownFrom: 'encrypts' });
  }
  for (const usage of relations.usages) {
    const known = entries.get(usage.resourceArn);
    if (!known) {
      entries.set(usage.resourceArn, { arn: usage.resourceArn, resourceType: usage.resourceType, knownFrom: 'event', lastSeenAt: usage.lastSeen });
    } else if (known.lastSeenAt === undefined || known.lastSeenAt < usage.lastSeen) {
      entries.set(usage.resourceArn, { ...known, lastSeenAt: usage.lastSeen });
    }
  }
  for (const replica of relations.replicas) add({ arn: replica.arn, resourceType: replica.type, knownFrom: 'replica' });
  return [...entries.values()].sort(
    (a, b) => ORDER[a.knownFrom] - ORDER[b.knownFrom] || (b.lastSeenAt ?? '').localeCompare(a.lastSeenAt ?? '') || a.arn.localeCompare(b.arn),
  );
}
