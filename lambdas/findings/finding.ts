import type { AssetType, ResourceType } from '../inventory/asset';
import type { Severity } from './severity';

/** Groups of rules a reader filters by; `all` is every rule and never listed on a rule. */
export const PROFILES = ['aws-foundational', 'pqc-readiness'] as const;
export type Profile = (typeof PROFILES)[number];
export type ProfileFilter = Profile | 'all';

/** A control of a framework the rule maps to, e.g. { framework: 'AWS Foundational Security Best Practices', control: 'KMS.4' }. */
export interface ComplianceReference {
  readonly framework: string;
  readonly control: string;
}

/** What an administrator does about a finding, and the AWS page that explains how. */
export interface Remediation {
  readonly text: string;
  readonly url: string;
}

/** How a blast-radius entry is known: ACM InUseBy, a usage event, the "encrypted with" link, a multi-Region replica. */
export type KnownFrom = 'InUseBy' | 'event' | 'encrypts' | 'replica';

/** One thing that breaks when the asset does. */
export interface BlastRadiusEntry {
  readonly arn: string;
  /** The using resource's type, or the asset type of an encrypted secret / parameter / replica. */
  readonly resourceType: ResourceType | AssetType;
  readonly knownFrom: KnownFrom;
  /** Last time it was seen using the asset (usage events); absent when only configuration says so. */
  readonly lastSeenAt?: string;
}

/** Values a rule observed, shown as the finding's evidence (field name → value as the inventory holds it). */
export type Evidence = Readonly<Record<string, string | number | boolean | null | readonly string[]>>;

/** What a rule returns when it fires: the severity after its exposure criteria, and why. */
export interface RuleMatch {
  readonly severity: Severity;
  readonly evidence: Evidence;
  /** A hard date the finding must be fixed by (expiry, scheduled deletion), when there is one. */
  readonly deadline?: string;
}

/** The asset a finding is about, as readers filter and show it. */
export interface FindingAsset {
  readonly assetId: string;
  readonly arn: string;
  readonly type: AssetType;
  readonly accountId: string;
  readonly region: string;
  readonly name: string;
  /** User tags (for tag-scoped suppressions and filters). */
  readonly tags: Readonly<Record<string, string>>;
}

/** One evaluation's result for (rule, asset), before the lifecycle (status, first/last seen) is attached. */
export interface FindingDraft extends RuleMatch {
  /** Deterministic from (tenant, rule, asset): the same while the condition holds. */
  readonly findingId: string;
  readonly tenantId: string;
  readonly ruleId: string;
  readonly title: string;
  readonly catalogueVersion: string;
  readonly profiles: readonly Profile[];
  readonly asset: FindingAsset;
  readonly blastRadius: readonly BlastRadiusEntry[];
  /** Entries before the blast radius was cut to its limit. */
  readonly blastRadiusTotal: number;
  readonly compliance: readonly ComplianceReference[];
  readonly remediation: Remediation;
  /** Due date if first seen at `evaluatedAt` (reconcile recomputes it from the stored firstSeenAt). */
  readonly dueAt: string;
  readonly evaluatedAt: string;
}

export const FINDING_STATUSES = ['open', 'resolved', 'suppressed'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Who silenced a finding, why and until when; kept on the finding (also after it resolves) for the audit trail. */
export interface Suppression {
  readonly reason: string;
  /** Absent = until lifted. */
  readonly expiresAt?: string;
  readonly by: string;
  readonly at: string;
  /** 'finding' = this finding alone; otherwise the id of the scoped suppression (rule × account / tag) that matched. */
  readonly source: string;
}

/** A finding as stored: the latest draft plus its lifecycle. */
export interface Finding extends FindingDraft {
  readonly status: FindingStatus;
  readonly firstSeenAt: string;
  /** The last evaluation that saw it, exact to a day (reconcile.ts LAST_SEEN_RESOLUTION_MS); any other change is written at once. */
  readonly lastSeenAt: string;
  readonly resolvedAt?: string;
  readonly suppression?: Suppression;
}
