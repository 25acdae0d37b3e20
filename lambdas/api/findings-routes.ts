import { randomBytes } from 'node:crypto';
import { NotFoundError } from '../control/errors';
import type { AccountStore } from '../control/account-store';
import { CATALOGUE_VERSION, RULES } from '../findings/catalogue';
import type { Finding } from '../findings/finding';
import type { FindingsQuery, FindingsStore } from '../findings/findings-store';
import { findingsToSarif } from '../findings/findings-sarif';
import { summarizeFindings } from '../findings/findings-summary';
import { pipelineSummary } from '../health/health-transitions';
import { InvalidSuppressionError } from '../findings/errors';
import { createScopedSuppression, liftSuppression, suppressFinding, suppressionActive, withSuppressions, type ScopedSuppression } from '../findings/suppression';
import type { SuppressionStore } from '../findings/suppression-store';
import type { Asset } from '../inventory/asset';
import type { AssetStore } from '../inventory/asset-store';
import { jsonResponse } from '../shared/http';
import type { RouteHandlers } from './api-handler';

export interface FindingsRoutesDeps {
  readonly accounts: Pick<AccountStore, 'listAccounts'>;
  readonly assets: Pick<AssetStore, 'list'>;
  readonly findings: Pick<FindingsStore, 'list' | 'get' | 'save'>;
  readonly suppressions: SuppressionStore;
  /** @default () => new Date() */
  readonly now?: () => Date;
  /** Ids of new scoped suppressions. @default 16 random bytes, base64url (22 characters) */
  readonly newId?: () => string;
}

export class SuppressionNotFoundError extends NotFoundError {
  constructor(suppressionId: string) {
    super('Suppression', suppressionId);
    this.name = 'SuppressionNotFoundError';
  }
}

/** A scoped suppression as the API shows it: whether it still holds. */
export function presentSuppression(suppression: ScopedSuppression, now: Date) {
  return { ...suppression, active: suppressionActive(suppression, now) };
}

export class FindingNotFoundError extends NotFoundError {
  constructor(findingId: string) {
    super('Finding', findingId);
    this.name = 'FindingNotFoundError';
  }
}

/** Every finding matching the query, all pages (summary, most urgent). */
export async function allFindings(store: Pick<FindingsStore, 'list'>, query: Omit<FindingsQuery, 'limit' | 'cursor'>): Promise<Finding[]> {
  const found: Finding[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.list({ ...query, limit: 1000, cursor });
    found.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return found;
}

/** A finding as the API shows it: the tenant id and its tags stay inside. */
export function presentFinding(finding: Finding) {
  const { tenantId: _tenant, asset, ...rest } = finding;
  const { tags: _tags, ...shownAsset } = asset;
  return { ...rest, asset: shownAsset };
}

export function findingsRoutes(deps: FindingsRoutesDeps): RouteHandlers<'findings-api'> {
  const now = deps.now ?? (() => new Date());
  const newId = deps.newId ?? (() => randomBytes(16).toString('base64url'));
  const owned = async (tenantId: string, findingId: string) => {
    const finding = await deps.findings.get(tenantId, findingId);
    if (!finding) throw new FindingNotFoundError(findingId);
    return finding;
  };
  /**
   * The stored findings in a suppression's reach, under the tenant's suppressions as they are now: suppressed when one
   * applies, open again when none does. Evaluations apply them too; this makes the change visible at once.
   */
  const reapply = async (tenantId: string, changed: ScopedSuppression): Promise<number> => {
    const scoped = await deps.suppressions.listSuppressions(tenantId);
    const inReach = await allFindings(deps.findings, { tenantId, ruleId: changed.ruleId, ...(changed.accountId !== undefined && { accountId: changed.accountId }), ...(changed.tag && { tag: changed.tag }) });
    const at = now();
    const updated = inReach
      .filter((f) => f.status !== 'resolved')
      .map((f) => [f, withSuppressions(f, scoped, at)] as const)
      .filter(([before, after]) => before.status !== after.status || before.suppression?.source !== after.suppression?.source)
      .map(([, after]) => after);
    await deps.findings.save(updated);
    return updated.length;
  };
  return {
    'GET /findings': async ({ query: q }, caller) => {
      const [tagKey, ...tagValue] = q.tag?.split('=') ?? [];
      const page = await deps.findings.list({
        tenantId: caller.tenantId,
        status: q.status,
        severity: q.severity,
        ruleId: q.ruleId,
        profile: q.profile as FindingsQuery['profile'],
        accountId: q.accountId,
        region: q.region,
        assetType: q.assetType,
        ...(q.tag !== undefined && { tag: { key: tagKey, value: tagValue.join('=') } }),
        limit: q.limit ?? (q.format === 'sarif' ? 1000 : 100),
        cursor: q.cursor,
      });
      if (q.format === 'sarif') {
        return jsonResponse(200, findingsToSarif(page.items, page.nextCursor ? { nextCursor: page.nextCursor } : {}));
      }
      return jsonResponse(200, { items: page.items.map(presentFinding), nextCursor: page.nextCursor });
    },
    'GET /findings/rules': async () =>
      jsonResponse(200, {
        catalogueVersion: CATALOGUE_VERSION,
        rules: RULES.map(({ evaluate: _evaluate, ...rule }) => rule),
      }),
    'GET /findings/summary': async ({ query: q }, caller) => {
      const findings = await allFindings(deps.findings, { tenantId: caller.tenantId, accountId: q.accountId, profile: q.profile as FindingsQuery['profile'] });
      const linked = (await deps.accounts.listAccounts(caller.tenantId)).filter((a) => q.accountId === undefined || a.accountId === q.accountId);
      const accounts = linked.map((a) => a.accountId);
      const assets: Asset[] = [];
      let cursor: string | undefined;
      do {
        const page = await deps.assets.list({ tenantId: caller.tenantId, accountIds: accounts, accountId: q.accountId, limit: 1000, cursor });
        assets.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      // The store returns findings most urgent first.
      const mostUrgent = findings.filter((f) => f.status === 'open').slice(0, 3).map(presentFinding);
      // The event pipeline's failing regions, from each account's last health check (lambdas/health/health-transitions.ts).
      return jsonResponse(200, { ...summarizeFindings(findings, assets, now()), mostUrgent, pipeline: pipelineSummary(linked) });
    },
    'GET /findings/{findingId}': async ({ params: { findingId } }, caller) =>
      jsonResponse(200, { finding: presentFinding(await owned(caller.tenantId, findingId)) }),
    'POST /findings/{findingId}/suppressions': async ({ params: { findingId }, body }, caller) => {
      const finding = await owned(caller.tenantId, findingId);
      const suppressed = suppressFinding(finding, { reason: body.reason, expiresAt: body.expiresAt, by: `token:${caller.tokenId}` }, now());
      await deps.findings.save([suppressed]);
      return jsonResponse(200, { finding: presentFinding(suppressed) });
    },
    'DELETE /findings/{findingId}/suppressions': async ({ params: { findingId } }, caller) => {
      // A rule × account / tag suppression that covers the finding still holds after its own is lifted.
      const lifted = withSuppressions(liftSuppression(await owned(caller.tenantId, findingId)), await deps.suppressions.listSuppressions(caller.tenantId), now());
      await deps.findings.save([lifted]);
      return jsonResponse(200, { finding: presentFinding(lifted) });
    },
    'POST /findings/suppressions': async ({ body }, caller) => {
      const { accountId, tag } = body.scope;
      if (accountId !== undefined && !(await deps.accounts.listAccounts(caller.tenantId)).some((a) => a.accountId === accountId)) {
        throw new InvalidSuppressionError('scope.accountId', `Account ${accountId} is not connected to this tenant`);
      }
      const suppression = createScopedSuppression(
        { ruleId: body.ruleId, scope: { ...(accountId !== undefined && { accountId }), ...(tag && { tag }) }, reason: body.reason, expiresAt: body.expiresAt, by: `token:${caller.tokenId}` },
        newId(),
        now(),
      );
      await deps.suppressions.putSuppression(caller.tenantId, suppression);
      const findingsUpdated = await reapply(caller.tenantId, suppression);
      return jsonResponse(201, { suppression: presentSuppression(suppression, now()), findingsUpdated });
    },
    'GET /findings/suppressions': async (_request, caller) => {
      const at = now();
      return jsonResponse(200, { items: (await deps.suppressions.listSuppressions(caller.tenantId)).map((s) => presentSuppression(s, at)) });
    },
    'DELETE /findings/suppressions/{suppressionId}': async ({ params: { suppressionId } }, caller) => {
      const suppression = await deps.suppressions.getSuppression(caller.tenantId, suppressionId);
      if (!suppression || !(await deps.suppressions.deleteSuppression(caller.tenantId, suppressionId))) throw new SuppressionNotFoundError(suppressionId);
      const findingsUpdated = await reapply(caller.tenantId, suppression);
      return jsonResponse(200, { suppression: presentSuppression(suppression, now()), findingsUpdated });
    },
  };
}
