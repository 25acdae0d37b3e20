import type { Asset } from '../inventory/asset';
import { blastRadius } from './blast-radius';
import { CATALOGUE_VERSION, RULES } from './catalogue';
import { UnknownProfileError, UnknownRuleError } from './errors';
import { PROFILES, type FindingDraft } from './finding';
import { findingId } from './finding-id';
import type { Rule } from './rule';
import { DEFAULT_THRESHOLDS, type AssetRelations, type RuleContext, type RuleThresholds } from './rule-context';
import { DEFAULT_DUE_DAYS, dueAt, type Severity } from './severity';

/** The clock and what is known about the asset's relations (absent relations = none known). */
export type EvaluationContext = { readonly now: Date } & Partial<AssetRelations>;

export interface EvaluationOptions {
  /** Only the rules of this profile (`all`, or one of PROFILES; anything else is an UnknownProfileError). @default 'all' */
  readonly profile?: string;
  /** Only these rules (ids are checked). @default every rule of the profile */
  readonly ruleIds?: readonly string[];
  readonly thresholds?: Partial<RuleThresholds>;
  /** @default DEFAULT_DUE_DAYS */
  readonly dueDays?: Readonly<Record<Severity, number>>;
  /** Blast-radius entries kept per finding (the total is kept too). @default 100 */
  readonly blastRadiusLimit?: number;
  /** The catalogue to evaluate. @default RULES */
  readonly rules?: readonly Rule[];
}

const DEFAULT_BLAST_RADIUS_LIMIT = 100;

/** The rules selected by profile and ids; unknown ones are input errors naming the field. */
export function selectRules(options: Pick<EvaluationOptions, 'profile' | 'ruleIds' | 'rules'> = {}): Rule[] {
  const catalogue = options.rules ?? RULES;
  const profile = options.profile ?? 'all';
  if (profile !== 'all' && !(PROFILES as readonly string[]).includes(profile)) throw new UnknownProfileError(profile);
  let selected = profile === 'all' ? [...catalogue] : catalogue.filter((r) => (r.profiles as readonly string[]).includes(profile));
  if (options.ruleIds) {
    for (const id of options.ruleIds) if (!catalogue.some((r) => r.id === id)) throw new UnknownRuleError(id);
    selected = selected.filter((r) => options.ruleIds!.includes(r.id));
  }
  return selected;
}

/**
 * Every finding the selected rules raise on one asset, now. A deleted asset raises none (reconcile then resolves
 * what it had). Pure: same asset, relations, clock and options give the same drafts.
 */
export function evaluateAsset(asset: Asset, context: EvaluationContext, options: EvaluationOptions = {}): FindingDraft[] {
  if (asset.deleted) return [];
  const rules = selectRules(options).filter((r) => r.assetTypes.includes(asset.type));
  if (rules.length === 0) return [];
  const ruleContext: RuleContext = {
    now: context.now,
    usages: context.usages ?? [],
    encryptedAssets: context.encryptedAssets ?? [],
    replicas: context.replicas ?? [],
    history: context.history ?? [],
    thresholds: { ...DEFAULT_THRESHOLDS, ...options.thresholds },
  };
  const evaluatedAt = context.now.toISOString();
  const drafts: FindingDraft[] = [];
  let radius: ReturnType<typeof blastRadius> | undefined;
  for (const rule of rules) {
    const match = rule.evaluate(asset, ruleContext);
    if (!match) continue;
    radius ??= blastRadius(asset, ruleContext);
    drafts.push({
      findingId: findingId(asset.tenantId, rule.id, asset.id),
      tenantId: asset.tenantId,
      ruleId: rule.id,
      title: rule.title,
      catalogueVersion: CATALOGUE_VERSION,
      profiles: rule.profiles,
      asset: { assetId: asset.id, arn: asset.arn, type: asset.type, accountId: asset.accountId, region: asset.region, name: asset.name, tags: asset.tags },
      ...match,
      blastRadius: radius.slice(0, options.blastRadiusLimit ?? DEFAULT_BLAST_RADIUS_LIMIT),
      blastRadiusTotal: radius.length,
      compliance: rule.compliance,
      remediation: rule.remediation,
      dueAt: dueAt(match.severity, evaluatedAt, match.deadline, options.dueDays ?? DEFAULT_DUE_DAYS),
      evaluatedAt,
    });
  }
  return drafts;
}
