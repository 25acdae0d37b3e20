import { consolePaths } from './console-paths';
import { type CheckResult, type DriftCounts, NOTHING_TO_DO } from './health-model';
import { describeEventCounts, type RegionEventCounts } from './region-event-counts';

export interface DeliveryInput {
  readonly region: string;
  /** The last event the backend received from this region, if any. */
  readonly lastEventAt?: string;
  /** The template version the region's deliveries carry (X-AQG-Template-Version). */
  readonly templateVersion?: string;
  /** The version the platform serves now. */
  readonly currentTemplateVersion: string;
  /** Changes the last re-crawl found that events had not applied; undefined before any. */
  readonly drift?: DriftCounts;
  /** The EventBridge checks of this region all passed. */
  readonly eventBridgeHealthy: boolean;
  /** Events received from the region per day and dropped by reason; undefined = not counted. */
  readonly events?: RegionEventCounts;
}

/** -1, 0, 1 by numeric dotted parts ("1.10.0" > "1.9.2"); a version that is not dotted numbers compares as unknown (0). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  if ([...pa, ...pb].some((n) => !Number.isInteger(n))) return 0;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * What the backend itself saw from the region. A region whose EventBridge resources are healthy but whose re-crawl found
 * changes the events had not brought is losing events on the way (no CloudTrail trail logging there, a changed pattern,
 * a policy). A region running an older template is told to update.
 */
export function deliveryCheck(input: DeliveryInput): CheckResult {
  const { region } = input;
  const missed = input.drift ? input.drift.created + input.drift.updated + input.drift.deleted : 0;
  const last = input.lastEventAt ? `last event ${input.lastEventAt}` : 'no event received yet';
  const seen = input.events ? `${last}; ${describeEventCounts(input.events)}` : last;
  if (missed > 0 && input.eventBridgeHealthy) {
    return {
      check: 'delivery',
      status: 'warn',
      observed:
        `The last re-crawl found ${missed} change(s) in ${region} that no event had brought (created ${input.drift!.created}, ` +
        `updated ${input.drift!.updated}, deleted ${input.drift!.deleted}) although EventBridge looks healthy; ${seen}.`,
      remedy:
        `Events are being lost before the rule: check that a CloudTrail trail is logging management events in ${region} ` +
        `(${consolePaths.trails(region)}), that the rule's event pattern was not edited, and that no resource policy blocks delivery.`,
    };
  }
  if (input.templateVersion && compareVersions(input.templateVersion, input.currentTemplateVersion) < 0) {
    return {
      check: 'delivery',
      status: 'warn',
      observed: `${region} runs template ${input.templateVersion}; the current one is ${input.currentTemplateVersion}. ${seen}.`,
      remedy: `Download cloudformation-template.json again and update the stack / StackSet in ${region} — ${consolePaths.stacks(region)}.`,
    };
  }
  const driftWords = input.drift ? (missed === 0 ? '; the last re-crawl found no missed change' : '') : '';
  return {
    check: 'delivery',
    status: 'pass',
    observed: `${seen[0].toUpperCase()}${seen.slice(1)}${input.templateVersion ? ` (template ${input.templateVersion})` : ''}${driftWords}.`,
    remedy: NOTHING_TO_DO,
  };
}
