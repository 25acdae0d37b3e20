import { isCommercialRegion } from '../shared/regions';
import { parseArn } from '../shared/arn';
import { partitionOf } from './arn';
import type { InventoryChange } from './inventory-change';
import type { NormalizedEvent } from './normalized-event';

/**
 * Where an event may act: an event is evidence from one account, so it may change only assets of that account, in a
 * Region that exists. The uploader token sits in the customer's EventBridge connection, readable by many people, so
 * everything in the body is caller-controlled: these checks keep a leaked token to "lie about its own account".
 * ARN format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
 */
export type PlaceProblem = 'account-mismatch' | 'unknown-region' | 'foreign-arn';

/**
 * Services whose ARNs name principals (who called, who is granted), not resources: a cross-account grantee or caller
 * is ordinary (KMS grants, cross-account key use), and these never become assets.
 */
const PRINCIPAL_SERVICES = new Set(['iam', 'sts']);

/** A Region the platform knows (lambdas/shared/regions.ts): commercial partition only, like the crawl. */
export function isKnownRegion(region: string): boolean {
  return partitionOf(region) === 'aws' && isCommercialRegion(region);
}

/** Why this event is out of place, or undefined. Checked before anything is stored (health rows included). */
export function placeProblemOf(event: NormalizedEvent): PlaceProblem | undefined {
  // CloudTrail's recipientAccountId is the account whose trail logged the record; the envelope's account is the one
  // whose rule sent it. Forwarding between Regions keeps both, so they differ only in a forged event.
  if (event.accountId !== event.envelopeAccount) return 'account-mismatch';
  if (!isKnownRegion(event.region)) return 'unknown-region';
  for (const arn of arnsNamedBy(event)) if (!arnBelongs(arn, event)) return 'foreign-arn';
  return undefined;
}

/** True when every change targets an asset of the event's account in a known Region (mappers build some ARNs). */
export function changesStayInPlace(changes: readonly InventoryChange[], event: NormalizedEvent): boolean {
  return changes.every((change) => {
    switch (change.kind) {
      case 'asset':
      case 'refresh':
        return change.asset.accountId === event.accountId && isKnownRegion(change.asset.region) && assetArnBelongs(change.asset.arn, change.asset.accountId, change.asset.region);
      case 'alias-detach':
        return change.accountId === event.accountId && isKnownRegion(change.region);
      case 'usage': {
        const parsed = parseArn(change.assetArn);
        return parsed !== undefined && parsed.accountId === event.accountId && isKnownRegion(parsed.region);
      }
    }
  });
}

function assetArnBelongs(arn: string, accountId: string, region: string): boolean {
  const parsed = parseArn(arn);
  return parsed !== undefined && parsed.partition === partitionOf(region) && parsed.accountId === accountId && parsed.region === region;
}

/** An ARN the event names is acceptable if it is in the event's partition, a known Region (or global) and account. */
function arnBelongs(arn: string, event: NormalizedEvent): boolean {
  const parsed = parseArn(arn);
  if (!parsed) return false;
  if (parsed.partition !== partitionOf(event.region)) return false;
  if (parsed.region !== '' && !isKnownRegion(parsed.region)) return false;
  if (PRINCIPAL_SERVICES.has(parsed.service)) return true;
  return parsed.accountId === '' || parsed.accountId === event.accountId;
}

/** Every string that looks like an ARN in the request, the response and the resource lists (iterative walk). */
export function arnsNamedBy(event: NormalizedEvent): string[] {
  const found: string[] = [...event.envelopeResources];
  for (const r of event.detail.resources ?? []) {
    const arn = r.ARN ?? r.arn;
    if (typeof arn === 'string') found.push(arn);
  }
  const stack: unknown[] = [event.detail.requestParameters, event.detail.responseElements];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value === 'string') {
      if (value.startsWith('arn:')) found.push(value);
    } else if (value !== null && typeof value === 'object') {
      stack.push(...(Array.isArray(value) ? value : Object.values(value)));
    }
  }
  return found.filter((a) => a.startsWith('arn:'));
}
