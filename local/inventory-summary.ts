/** What `npm start` prints about the inventory: counts by type and the three findings a new user looks for first. */
export interface InventorySummary {
  readonly total: number;
  readonly byType: Readonly<Record<string, number>>;
  readonly quantumVulnerable: number;
  readonly expiringWithin30Days: number;
  readonly rotationDisabled: number;
}

interface SummarizedAsset {
  readonly type: string;
  readonly deleted?: boolean;
  readonly crypto?: { readonly quantumVulnerable?: boolean | null } | null;
  readonly lifecycle?: {
    readonly notAfter?: string;
    readonly rotation?: { readonly applicable?: boolean; readonly enabled?: boolean | null };
  } | null;
}

const DAY_MS = 86_400_000;

export function summarizeInventory(assets: readonly SummarizedAsset[], now: Date = new Date()): InventorySummary {
  const live = assets.filter((a) => !a.deleted);
  const byType: Record<string, number> = {};
  for (const a of live) byType[a.type] = (byType[a.type] ?? 0) + 1;
  const horizon = now.getTime() + 30 * DAY_MS;
  return {
    total: live.length,
    byType,
    quantumVulnerable: live.filter((a) => a.crypto?.quantumVulnerable === true).length,
    // Already expired certificates count too: they need the same action.
    expiringWithin30Days: live.filter((a) => a.lifecycle?.notAfter !== undefined && Date.parse(a.lifecycle.notAfter) <= horizon).length,
    rotationDisabled: live.filter((a) => a.lifecycle?.rotation?.applicable !== false && a.lifecycle?.rotation?.enabled === false).length,
  };
}
