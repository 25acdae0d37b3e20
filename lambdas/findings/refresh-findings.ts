import type { Asset, Usage } from '../inventory/asset';
import { assetId } from '../inventory/asset-id';
import type { AssetStore, KeyDependent } from '../inventory/asset-store';
import type { HistoryStore } from '../inventory/history-store';
import type { UsageStore } from '../inventory/usage-store';
import { COMMERCIAL_REGION_NAMES } from '../shared/regions';
import { RULES } from './catalogue';
import { evaluateAsset } from './evaluate-asset';
import type { Finding } from './finding';
import type { FindingsStore } from './findings-store';
import { reconcile } from './reconcile';
import { RelationsIndex } from './relations-index';
import type { HistoryEvent } from './rule-context';
import type { SuppressionStore } from './suppression-store';

/** What the evaluation reads from the inventory: assets (listed per account or Region), their usages and history. */
export interface InventoryReader {
  readonly assets: Pick<AssetStore, 'list' | 'get' | 'listKeyDependents'>;
  readonly usages: Pick<UsageStore, 'listUsages' | 'listUsagesInScope'>;
  readonly history: Pick<HistoryStore, 'listHistory'>;
}

export interface RefreshDeps {
  readonly store: Pick<FindingsStore, 'findingsOfAssets' | 'findingsInScope' | 'save'>;
  /** The tenant's rule × account / tag suppressions, applied by every evaluation (and their expiry with it). */
  readonly suppressions: Pick<SuppressionStore, 'listSuppressions'>;
  readonly inventory: InventoryReader;
  readonly now: () => Date;
  /** Per-asset reads (history, a few touched assets' usages and findings) in flight at once. @default 8 */
  readonly concurrency?: number;
}

export interface RefreshOutcome {
  readonly evaluated: number;
  readonly opened: number;
  readonly resolved: number;
  readonly open: number;
}

/** History entries read per asset (rotation outcomes are among the newest). */
const HISTORY_LIMIT = 50;

/** What was read around the targets: their usage edges and stored findings. */
interface Surroundings {
  readonly usages: readonly Usage[];
  /** Every stored finding of the targets (reconcile resolves those no longer raised). */
  readonly previous: readonly Finding[];
  /** Which of the targets that a rule reads the history of need it read now. @default all of them */
  readonly readHistoryOf?: (asset: Asset) => boolean;
  /** Secrets and parameters encrypted with the targets' keys, when `scope` does not hold them. */
  readonly dependents?: readonly KeyDependent[];
}

/**
 * Evaluates `targets` and stores what changed. Relations ("encrypted with", replicas) are computed over `scope`
 * (the targets' account or Region, so a key sees the secrets encrypted with it). History is read only for the
 * targets a rule needs it for (Rule.readsHistory). Deleted targets resolve their findings (evaluateAsset raises none).
 */
async function evaluateAndStore(tenantId: string, targets: readonly Asset[], scope: readonly Asset[], around: Surroundings, deps: RefreshDeps): Promise<RefreshOutcome> {
  const now = deps.now();
  const historyTargets = targets.filter((a) => a.tenantId === tenantId && needsHistory(a) && (around.readHistoryOf?.(a) ?? true));
  const [history, suppressions] = await Promise.all([readHistory(historyTargets, deps), deps.suppressions.listSuppressions(tenantId)]);
  const index = new RelationsIndex(scope, around.usages, history, around.dependents);
  const drafts = targets.flatMap((asset) => evaluateAsset(asset, { now, ...index.relationsOf(asset) }));
  const result = reconcile(around.previous, drafts, now, { suppressions });
  await deps.store.save([...result.opened, ...result.updated, ...result.resolved]);
  return {
    evaluated: targets.length,
    opened: result.opened.length,
    resolved: result.resolved.length,
    open: [...result.opened, ...result.updated, ...result.unchanged].filter((f) => f.status === 'open').length,
  };
}

/** Whether any rule that applies to the asset reads its history. */
function needsHistory(asset: Asset): boolean {
  return !asset.deleted && RULES.some((r) => r.assetTypes.includes(asset.type) && r.readsHistory?.(asset) === true);
}

async function readHistory(targets: readonly Asset[], deps: RefreshDeps): Promise<Map<string, HistoryEvent[]>> {
  const history = new Map<string, HistoryEvent[]>();
  await forEachLimited(targets, deps.concurrency ?? 8, async (asset) => {
    const entries = await deps.inventory.history.listHistory(asset.id, HISTORY_LIMIT);
    history.set(
      asset.arn,
      entries.map((h) => ({ eventName: h.eventName, at: h.at })),
    );
  });
  return history;
}

/**
 * The assets whose history an account-wide evaluation must read: those holding an unresolved finding of a rule that
 * reads history. History rows come only from applied events, and the event path evaluates every asset an event
 * touched with its history, so a finding history raises exists from then on; re-reading the history of every other
 * asset (one Query each) could not raise anything the event path did not.
 */
function holdersOfHistoryFindings(previous: readonly Finding[]): Set<string> {
  const historyRules = new Set(RULES.filter((r) => r.readsHistory !== undefined).map((r) => r.id));
  return new Set(previous.filter((f) => f.status !== 'resolved' && historyRules.has(f.ruleId)).map((f) => f.asset.assetId));
}

/** Every asset of one account (deleted ones too, so their findings resolve), all pages of one Region or of every Region. */
export async function accountAssets(tenantId: string, accountId: string, inventory: InventoryReader, region?: string): Promise<Asset[]> {
  if (region !== undefined) return regionAssets(tenantId, accountId, inventory, region);
  // The Regions' partitions are independent: read a few at once (each Region's pages stay in order).
  const perRegion: Asset[][] = [];
  await forEachLimited(COMMERCIAL_REGION_NAMES, 4, async (r) => {
    perRegion.push(await regionAssets(tenantId, accountId, inventory, r));
  });
  return perRegion.flat();
}

async function regionAssets(tenantId: string, accountId: string, inventory: InventoryReader, region: string): Promise<Asset[]> {
  const assets: Asset[] = [];
  let cursor: string | undefined;
  do {
    const page = await inventory.assets.list({ tenantId, accountIds: [accountId], accountId, region, includeDeleted: true, limit: 1000, cursor });
    assets.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return assets;
}

/**
 * After a crawl or on the schedule: every asset of the account. The usage edges and stored findings of the whole
 * account are each read in one paginated Query (never one per asset), history only where a stored finding needs it,
 * and the changes written in batches.
 */
export async function refreshAccountFindings(tenantId: string, accountId: string, deps: RefreshDeps): Promise<RefreshOutcome> {
  const [assets, usages, previous] = await Promise.all([
    accountAssets(tenantId, accountId, deps.inventory),
    deps.inventory.usages.listUsagesInScope({ tenantId, accountId }),
    deps.store.findingsInScope(tenantId, { accountId }),
  ]);
  const holders = holdersOfHistoryFindings(previous);
  return evaluateAndStore(tenantId, assets, assets, { usages, previous, readHistoryOf: (a) => holders.has(a.id) }, deps);
}

/** An asset an applied event touched. */
export interface TouchedAsset {
  readonly tenantId: string;
  readonly accountId: string;
  readonly region: string;
  readonly arn: string;
}

/**
 * After applied events: the touched assets and their neighbours, one (tenant, account, Region) at a time, read by id
 * (point reads), never the Region's whole inventory. A secret or parameter's key is re-evaluated with it (its
 * pending-deletion or disabled-in-use severity depends on what it encrypts); when a key is among them, the Region's
 * secrets and parameters are read with only their key reference (`listKeyDependents`). The few targets' usages and
 * findings are read per asset, consistently.
 */
export async function refreshTouchedFindings(touched: readonly TouchedAsset[], deps: RefreshDeps): Promise<RefreshOutcome> {
  const groups = new Map<string, { tenantId: string; accountId: string; region: string; arns: Set<string> }>();
  for (const t of touched) {
    const key = `${t.tenantId}\n${t.accountId}\n${t.region}`;
    const group = groups.get(key) ?? { tenantId: t.tenantId, accountId: t.accountId, region: t.region, arns: new Set<string>() };
    group.arns.add(t.arn);
    groups.set(key, group);
  }
  const concurrency = deps.concurrency ?? 8;
  const total = { evaluated: 0, opened: 0, resolved: 0, open: 0 };
  // Groups (Regions) are independent: a few at once.
  await forEachLimited([...groups.values()], 4, async (group) => {
    const targets = new Map<string, Asset>();
    const read = async (ids: Iterable<string>) =>
      forEachLimited([...ids].filter((id) => !targets.has(id)), concurrency, async (id) => {
        const asset = await deps.inventory.assets.get(group.tenantId, id);
        if (asset && asset.accountId === group.accountId) targets.set(asset.id, asset);
      });
    await read([...group.arns].map((arn) => assetId(group.tenantId, arn)));
    const keyArns = [...targets.values()].flatMap((a) => (a.relations.kmsKeyArn ? [a.relations.kmsKeyArn] : []));
    await read(keyArns.map((arn) => assetId(group.tenantId, arn)));
    const list = [...targets.values()];
    const keys = list.filter((a) => a.type === 'key' && !a.deleted).map((a) => a.arn);
    const [dependents, usages, previous] = await Promise.all([
      keys.length > 0 ? keyDependents({ tenantId: group.tenantId, accountId: group.accountId, region: group.region }, keys, deps) : [],
      targetUsages(list, deps),
      deps.store.findingsOfAssets(
        group.tenantId,
        list.map((a) => a.id),
      ),
    ]);
    const outcome = await evaluateAndStore(group.tenantId, list, list, { usages, previous, dependents }, deps);
    total.evaluated += outcome.evaluated;
    total.opened += outcome.opened;
    total.resolved += outcome.resolved;
    total.open += outcome.open;
  });
  return total;
}

/** The secrets and parameters encrypted with `keyArns`, 100 keys per read (the store's IN list). */
async function keyDependents(scope: { tenantId: string; accountId: string; region: string }, keyArns: readonly string[], deps: RefreshDeps): Promise<KeyDependent[]> {
  const out: KeyDependent[] = [];
  for (let i = 0; i < keyArns.length; i += 100) out.push(...(await deps.inventory.assets.listKeyDependents(scope, keyArns.slice(i, i + 100))));
  return out;
}

async function targetUsages(targets: readonly Asset[], deps: RefreshDeps): Promise<Usage[]> {
  const usages: Usage[] = [];
  await forEachLimited(targets, deps.concurrency ?? 8, async (asset) => {
    if (!asset.deleted) usages.push(...(await deps.inventory.usages.listUsages(asset.id)));
  });
  return usages;
}

async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
