/** What the ready set needs of a message. */
export interface GroupedMessage {
  /** SendMessage's `MessageGroupId`: the tenant, on a standard queue. */
  readonly messageGroupId?: string;
  readonly sentAt: number;
  visibleAt: number;
}

interface Lane<M> {
  items: M[];
  head: number;
}

/** Messages sent without a group: SQS treats each as a tenant of its own, so none of them is ever a noisy neighbour. */
const UNGROUPED = '';

/**
 * The visible messages of a standard queue with SQS fair queues: messages are grouped by `MessageGroupId` and, when a
 * batch is taken, the groups with the fewest messages in flight go first, so one tenant's backlog does not delay the
 * others' messages (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-fair-queues.html).
 * SQS starts to prefer quiet tenants only past a noisy tenant's share of the in-flight messages; this emulation always
 * does, which is the fair order SQS converges to. Within a group, oldest first. O(groups) per message taken.
 */
export class FairReadyMessages<M extends GroupedMessage> {
  private readonly lanes = new Map<string, Lane<M>>();
  private readonly inFlightByGroup = new Map<string, number>();
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(message: M): void {
    const group = message.messageGroupId ?? UNGROUPED;
    let lane = this.lanes.get(group);
    if (!lane) this.lanes.set(group, (lane = { items: [], head: 0 }));
    lane.items.push(message);
    this.count++;
  }

  /** When the oldest ready message became visible (the batching window starts there). */
  oldestVisibleAt(): number {
    let oldest = Number.POSITIVE_INFINITY;
    for (const lane of this.lanes.values()) oldest = Math.min(oldest, lane.items[lane.head]!.visibleAt);
    return oldest;
  }

  /** Takes up to `n` messages for one batch, quietest group first, and counts them in flight until `settled`. */
  take(n: number): M[] {
    const taken: M[] = [];
    while (taken.length < n && this.count > 0) {
      let best: [string, Lane<M>] | undefined;
      let bestLoad = Number.POSITIVE_INFINITY;
      for (const entry of this.lanes) {
        const [group, lane] = entry;
        const load = group === UNGROUPED ? 0 : (this.inFlightByGroup.get(group) ?? 0);
        if (load < bestLoad || (load === bestLoad && lane.items[lane.head]!.sentAt < best![1].items[best![1].head]!.sentAt)) {
          best = entry;
          bestLoad = load;
        }
      }
      const [group, lane] = best!;
      const message = lane.items[lane.head++]!;
      if (lane.head === lane.items.length) this.lanes.delete(group);
      else if (lane.head > 1024 && lane.head * 2 > lane.items.length) {
        lane.items = lane.items.slice(lane.head);
        lane.head = 0;
      }
      this.count--;
      if (group !== UNGROUPED) this.inFlightByGroup.set(group, bestLoad + 1);
      taken.push(message);
    }
    return taken;
  }

  /** A message taken by `take` left flight (deleted, failed or dead-lettered). */
  settled(message: M): void {
    const group = message.messageGroupId;
    if (group === undefined) return;
    const left = (this.inFlightByGroup.get(group) ?? 1) - 1;
    if (left > 0) this.inFlightByGroup.set(group, left);
    else this.inFlightByGroup.delete(group);
  }

  /** Every ready message (for journal compaction). */
  all(): M[] {
    return [...this.lanes.values()].flatMap((lane) => lane.items.slice(lane.head));
  }
}
