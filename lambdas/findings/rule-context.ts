import type { AssetType, Usage } from '../inventory/asset';

/** Another inventory asset this one is related to (a secret encrypted with the key, a replica). */
export interface RelatedAsset {
  readonly arn: string;
  readonly type: AssetType;
  readonly region: string;
  readonly lastSeen?: string;
}

/** One row of the asset's change history (the inventory keeps eventName and time per applied event). */
export interface HistoryEvent {
  readonly eventName: string;
  readonly at: string;
}

/** Thresholds the rules read; every one has a default (DEFAULT_THRESHOLDS). */
export interface RuleThresholds {
  /** cert-expiring fires this many days before NotAfter. @default 30 */
  readonly certificateExpiringDays: number;
  /** An expiry (certificate NotAfter, imported key material ValidTo) is urgent at or below this many days. @default 7 */
  readonly urgentDays: number;
  /** Usage seen within this many days counts as "in use" (pending deletion, disabled keys). @default 30 */
  readonly recentUsageDays: number;
  /** kms-imported-material-expiring fires this many days before ValidTo. @default 30 */
  readonly importedMaterialExpiringDays: number;
  /** secret-unused: not accessed for this many days (Security Hub SecretsManager.3 default). @default 90 */
  readonly secretUnusedDays: number;
  /** secret-not-rotated: grace after the scheduled rotation before it counts as missed. @default 1 */
  readonly rotationGraceDays: number;
  /** quantum-vulnerable: valid past this date is "long-lived" (NIST IR 8547 deprecates RSA/ECC after 2030). */
  readonly quantumDeprecationDate: string;
}

export const DEFAULT_THRESHOLDS: RuleThresholds = {
  certificateExpiringDays: 30,
  urgentDays: 7,
  recentUsageDays: 30,
  importedMaterialExpiringDays: 30,
  secretUnusedDays: 90,
  rotationGraceDays: 1,
  quantumDeprecationDate: '2030-01-01T00:00:00.000Z',
};

/**
 * What the caller knows about an asset besides the asset itself, read from relations already stored: usage edges
 * (docs/architecture.md, "The asset model"), the assets whose `relations.kmsKeyArn` is this key, replicas, recent
 * history. Rules are pure: the clock is `now`, never Date.now().
 */
export interface AssetRelations {
  /** Usage edges asset → resource (who was seen using it, with firstSeen/lastSeen). */
  readonly usages: readonly Usage[];
  /** For a key: the secrets and parameters (not deleted) encrypted with it. */
  readonly encryptedAssets: readonly RelatedAsset[];
  /** For a multi-Region primary key or a replicated secret: its replicas (not deleted). */
  readonly replicas: readonly RelatedAsset[];
  /** The asset's recent change history, any order (rotation outcomes are read from it). */
  readonly history: readonly HistoryEvent[];
}

export interface RuleContext extends AssetRelations {
  readonly now: Date;
  readonly thresholds: RuleThresholds;
}

/** A context with no relations (what a rule sees for an asset nothing is known to use). */
export function ruleContext(now: Date, relations: Partial<AssetRelations> = {}, thresholds: Partial<RuleThresholds> = {}): RuleContext {
  return {
    now,
    usages: relations.usages ?? [],
    encryptedAssets: relations.encryptedAssets ?? [],
    replicas: relations.replicas ?? [],
    history: relations.history ?? [],
    thresholds: { ...DEFAULT_THRESHOLDS, ...thresholds },
  };
}

