/**
 * The account's CloudTrail trails, which EventBridge needs for management events to flow at all
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail.html). By default one
 * multi-region trail, logging, with its home in the first region; tests stop it, add single-region trails or remove all.
 */
export interface SandboxTrail {
  readonly name: string;
  readonly homeRegion: string;
  readonly isMultiRegionTrail: boolean;
  isLogging: boolean;
  readonly createdAt: Date;
  startedAt?: Date;
  stoppedAt?: Date;
}

export class UnknownTrailError extends Error {
  constructor(name: string) {
    super(`The sandbox has no trail named ${name}`);
    this.name = 'UnknownTrailError';
  }
}

export class SandboxTrails {
  private readonly trails = new Map<string, SandboxTrail>();

  constructor(
    readonly accountId: string,
    private readonly now: () => Date,
    homeRegion: string,
  ) {
    this.add({ name: 'management-events', homeRegion, isMultiRegionTrail: true });
  }

  arnOf(trail: SandboxTrail): string {
    return `arn:aws:cloudtrail:${trail.homeRegion}:${this.accountId}:trail/${trail.name}`;
  }

  /** Every trail (a multi-region one applies to every region). */
  all(): readonly SandboxTrail[] {
    return [...this.trails.values()];
  }

  add(input: { name: string; homeRegion: string; isMultiRegionTrail: boolean; isLogging?: boolean }): SandboxTrail {
    const at = this.now();
    const trail: SandboxTrail = { ...input, isLogging: input.isLogging ?? true, createdAt: at, ...(input.isLogging !== false && { startedAt: at }) };
    this.trails.set(input.name, trail);
    return trail;
  }

  remove(name: string): void {
    if (!this.trails.delete(name)) throw new UnknownTrailError(name);
  }

  /** As `aws cloudtrail stop-logging`: the trail stays, nothing is delivered to EventBridge. */
  stopLogging(name = 'management-events'): void {
    const trail = this.get(name);
    trail.isLogging = false;
    trail.stoppedAt = this.now();
  }

  startLogging(name = 'management-events'): void {
    const trail = this.get(name);
    trail.isLogging = true;
    trail.startedAt = this.now();
  }

  private get(name: string): SandboxTrail {
    const trail = this.trails.get(name);
    if (!trail) throw new UnknownTrailError(name);
    return trail;
  }
}
