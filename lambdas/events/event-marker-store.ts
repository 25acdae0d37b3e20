/**
 * Processed-event markers: CloudTrail delivers at least once, so each event id is remembered for a dedup window
 * (adapter: dynamo-event-marker-store.ts).
 */
export interface EventMarkerStore {
  /** Was this event fully processed before (within the dedup window)? */
  hasSeen(tenantId: string, eventId: string): Promise<boolean>;
  /** Records the event as processed; false if another delivery got there first. */
  markSeen(tenantId: string, eventId: string, eventName: string): Promise<boolean>;
  unmarkSeen(tenantId: string, eventId: string): Promise<void>;
}
