import type { Asset, AssetType } from '../inventory/asset';
import type { ComplianceReference, Profile, Remediation, RuleMatch } from './finding';
import type { RuleContext } from './rule-context';
import type { Severity } from './severity';

/**
 * One rule of the catalogue: a pure function of an asset and its relations, plus what a reader needs to act on
 * it. Modelled on cdk-nag's one-rule-per-file (cdklabs/cdk-nag `src/rules/<service>/<Rule>.ts`).
 */
export interface Rule {
  /** Stable, kebab-case; never reused for a different condition. */
  readonly id: string;
  readonly title: string;
  /** The asset types the rule can fire on. */
  readonly assetTypes: readonly AssetType[];
  readonly defaultSeverity: Severity;
  /** How exposure raises or lowers the default, one sentence each (shown in the catalogue). */
  readonly severityCriteria: readonly string[];
  /** When it fires, one sentence (the catalogue's "raised when"). */
  readonly raisedWhen: string;
  /** When it must not fire although it looks like it could. */
  readonly exclusions: readonly string[];
  readonly rationale: string;
  readonly remediation: Remediation;
  readonly compliance: readonly ComplianceReference[];
  /** Profiles besides the implicit `all`. */
  readonly profiles: readonly Profile[];
  /**
   * Whether judging this asset needs its change history (RuleContext.history): history is read per asset, so the
   * evaluation reads it only for the assets a rule asks for. @default - never
   */
  readsHistory?(asset: Asset): boolean;
  /** Undefined when the rule does not fire. Never reads the clock or anything outside its arguments. */
  evaluate(asset: Asset, context: RuleContext): RuleMatch | undefined;
}
