/**
 * The EventBridge resources the customer template creates in each region where it is deployed
 * (lib/customer-template-stack.ts): in the primary region the connection AQGAWSConnectionKey, the API destination
 * AQGAWSDestinationApiRoute and the rule AQtiveGuardFilteredEventsRule targeting it; in every other deployed region a
 * rule of the same name forwarding to the primary region's default event bus. Tests and `npm start` break them the
 * ways customers do (a disabled rule, a deauthorized connection, a deleted destination, a forwarder pointing at a
 * region where nothing was deployed) and repair them.
 */
import { randomUUID } from 'node:crypto';
import { API_DESTINATION_NAME, API_KEY_HEADER, CONNECTION_NAME, EVENTS_RULE_NAME } from '../../lambdas/shared/protocol';

export type SandboxRuleState = 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
export type SandboxConnectionState =
  | 'CREATING' | 'UPDATING' | 'DELETING' | 'AUTHORIZED' | 'DEAUTHORIZED' | 'AUTHORIZING' | 'DEAUTHORIZING' | 'ACTIVE' | 'FAILED_CONNECTIVITY';

export interface SandboxRule {
  readonly name: string;
  readonly arn: string;
  state: SandboxRuleState;
  targets: Array<{ Id: string; Arn: string; RoleArn: string }>;
}

export interface SandboxApiDestination {
  readonly name: string;
  readonly arn: string;
  state: 'ACTIVE' | 'INACTIVE';
  connectionArn: string;
  invocationEndpoint: string;
  readonly createdAt: Date;
}

export interface SandboxConnection {
  readonly name: string;
  readonly arn: string;
  state: SandboxConnectionState;
  stateReason?: string;
  readonly apiKeyName: string;
  readonly createdAt: Date;
  lastAuthorizedAt: Date;
}

export interface RegionPipeline {
  rule?: SandboxRule;
  apiDestination?: SandboxApiDestination;
  connection?: SandboxConnection;
}

export interface EventPipelineOptions {
  readonly accountId: string;
  /** Regions where the template is deployed. */
  readonly regions: readonly string[];
  /** @default regions[0] */
  readonly primaryRegion?: string;
  /** The API destination's InvocationEndpoint. @default https://events.aqtive-guard.example/v1/data-sources/aws/events */
  readonly invocationEndpoint?: string;
  readonly now: () => Date;
}

export class UnknownPipelineRegionError extends Error {
  constructor(region: string, what: string) {
    super(`The sandbox pipeline has no ${what} in ${region}`);
    this.name = 'UnknownPipelineRegionError';
  }
}

export class SandboxEventPipeline {
  private readonly byRegion = new Map<string, RegionPipeline>();
  readonly primaryRegion: string;
  private endpoint: string;

  constructor(private readonly options: EventPipelineOptions) {
    this.primaryRegion = options.primaryRegion ?? options.regions[0];
    this.endpoint = options.invocationEndpoint ?? 'https://events.aqtive-guard.example/v1/data-sources/aws/events';
    this.repair();
  }

  get deployedRegions(): readonly string[] {
    return this.options.regions;
  }

  get invocationEndpoint(): string {
    return this.endpoint;
  }

  /** What DescribeRule & co. read in `region` (empty where the template is not deployed). */
  region(region: string): RegionPipeline {
    return this.byRegion.get(region) ?? {};
  }

  /** Back to what the template creates (a stack update): every break undone, the endpoint kept. */
  repair(): void {
    this.byRegion.clear();
    const { accountId, now } = this.options;
    const primary = this.primaryRegion;
    for (const region of this.options.regions) {
      const arn = (resource: string) => `arn:aws:events:${region}:${accountId}:${resource}`;
      const rule: SandboxRule = { name: EVENTS_RULE_NAME, arn: arn(`rule/${EVENTS_RULE_NAME}`), state: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS', targets: [] };
      if (region === primary) {
        const connection: SandboxConnection = {
          name: CONNECTION_NAME,
          arn: arn(`connection/${CONNECTION_NAME}/${randomUUID()}`),
          state: 'AUTHORIZED',
          apiKeyName: API_KEY_HEADER,
          createdAt: now(),
          lastAuthorizedAt: now(),
        };
        const apiDestination: SandboxApiDestination = {
          name: API_DESTINATION_NAME,
          arn: arn(`api-destination/${API_DESTINATION_NAME}/${randomUUID()}`),
          state: 'ACTIVE',
          connectionArn: connection.arn,
          invocationEndpoint: this.endpoint,
          createdAt: now(),
        };
        rule.targets = [{ Id: 'AQGApiDestination', Arn: apiDestination.arn, RoleArn: `arn:aws:iam::${accountId}:role/ApiDestinationInvokeRole` }];
        this.byRegion.set(region, { rule, apiDestination, connection });
      } else {
        rule.targets = [this.forwardTarget(primary)];
        this.byRegion.set(region, { rule });
      }
    }
  }

  /** The endpoint a downloaded template would carry (the local API's events URL). */
  setInvocationEndpoint(url: string): void {
    this.endpoint = url;
    const d = this.region(this.primaryRegion).apiDestination;
    if (d) d.invocationEndpoint = url;
  }

  setRuleState(region: string, state: SandboxRuleState): void {
    this.rule(region).state = state;
  }

  disableRule(region: string): void {
    this.setRuleState(region, 'DISABLED');
  }

  deleteRule(region: string): void {
    this.rule(region);
    delete this.byRegion.get(region)!.rule;
  }

  /** What EventBridge does when the endpoint answers 401 (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-target-connection-deauthorize.html). */
  deauthorizeConnection(reason = 'Connection deauthorized: the endpoint answered 401 Unauthorized'): void {
    const c = this.region(this.primaryRegion).connection;
    if (!c) throw new UnknownPipelineRegionError(this.primaryRegion, 'connection');
    c.state = 'DEAUTHORIZED';
    c.stateReason = reason;
  }

  deleteApiDestination(): void {
    const p = this.byRegion.get(this.primaryRegion);
    if (!p?.apiDestination) throw new UnknownPipelineRegionError(this.primaryRegion, 'API destination');
    delete p.apiDestination;
  }

  /** A forwarder whose PrimaryRegion names `target` (e.g. a region where no stack was deployed). */
  forwardTo(region: string, target: string): void {
    this.rule(region).targets = [this.forwardTarget(target)];
  }

  private forwardTarget(target: string) {
    const { accountId } = this.options;
    return { Id: 'AQGPrimaryRegionEventBus', Arn: `arn:aws:events:${target}:${accountId}:event-bus/default`, RoleArn: `arn:aws:iam::${accountId}:role/ForwardToPrimaryRegionRole` };
  }

  private rule(region: string): SandboxRule {
    const rule = this.byRegion.get(region)?.rule;
    if (!rule) throw new UnknownPipelineRegionError(region, `rule ${EVENTS_RULE_NAME}`);
    return rule;
  }
}
