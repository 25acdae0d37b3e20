/**
 * What the four EventBridge reads returned in one region, in the shapes of their documented responses:
 * DescribeRule (https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeRule.html), ListTargetsByRule,
 * DescribeApiDestination and DescribeConnection. `missing` is ResourceNotFoundException; `unknown` is a read that
 * could not be made (AccessDenied, throttling after retries, a region that is not reachable), with the reason.
 */
export type Observation<T> =
  | { readonly outcome: 'found'; readonly value: T }
  | { readonly outcome: 'missing'; readonly message: string }
  | { readonly outcome: 'unknown'; readonly reason: string };

export interface ObservedRule {
  readonly name: string;
  readonly arn?: string;
  /** ENABLED | DISABLED | ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS */
  readonly state?: string;
}

export interface ObservedTarget {
  readonly id: string;
  readonly arn: string;
}

export interface ObservedApiDestination {
  readonly name: string;
  readonly arn?: string;
  /** ACTIVE | INACTIVE */
  readonly state?: string;
  readonly connectionArn?: string;
  readonly invocationEndpoint?: string;
}

export interface ObservedConnection {
  readonly name: string;
  readonly arn?: string;
  /** CREATING | UPDATING | DELETING | AUTHORIZED | DEAUTHORIZED | AUTHORIZING | DEAUTHORIZING | ACTIVE | FAILED_CONNECTIVITY */
  readonly state?: string;
  readonly stateReason?: string;
}

export interface RegionObservations {
  readonly region: string;
  /** The region is an opt-in region the account has not enabled: nothing can be deployed or read there. */
  readonly notEnabled?: boolean;
  readonly rule: Observation<ObservedRule>;
  readonly targets: Observation<readonly ObservedTarget[]>;
  readonly apiDestination: Observation<ObservedApiDestination>;
  readonly connection: Observation<ObservedConnection>;
}

/** Reads the four resources of one region (an adapter over the customer role; a fake in tests). */
export interface PipelineReader {
  read(region: string): Promise<RegionObservations>;
}
