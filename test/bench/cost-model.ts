/**
 * What a measured workload costs at AWS's on-demand list prices (US East, N. Virginia), without free tiers or volume
 * tiers beyond the first. The benchmarks measure the requests (DynamoDB capacity units through the counting proxy,
 * function invocations and their duration, queue messages, state transitions); this module only multiplies.
 */

/** When the prices below were read, and where. */
export const PRICES_CHECKED_ON = '2026-12-03';

export const PRICES = {
  /** On-demand, Standard table class: per million write / read request units. https://aws.amazon.com/dynamodb/pricing/on-demand/ */
  dynamoWritePerMillionUnits: 0.625,
  dynamoReadPerMillionUnits: 0.125,
  /** Per million requests, and per GB-second on Arm (the platform's functions run on arm64). https://aws.amazon.com/lambda/pricing/ */
  lambdaPerMillionRequests: 0.2,
  lambdaArmPerGbSecond: 0.0000133334,
  /** Standard workflows: per state transition ($0.025 per 1,000). https://aws.amazon.com/step-functions/pricing/ */
  stepFunctionsPerTransition: 0.000025,
  /** Standard queue, per million requests (each 64 KiB of a request is one request). https://aws.amazon.com/sqs/pricing/ */
  sqsPerMillionRequests: 0.4,
  /** REST APIs, first 333 million requests a month. https://aws.amazon.com/api-gateway/pricing/ */
  apiGatewayRestPerMillionRequests: 3.5,
  /** API destinations, per million invocations (billed to the customer's account). https://aws.amazon.com/eventbridge/pricing/ */
  eventBridgeApiDestinationPerMillion: 0.2,
} as const;

/** One function's share of a workload. */
export interface FunctionUse {
  readonly invocations: number;
  /** Summed duration of those invocations. */
  readonly durationMs: number;
  readonly memorySizeMb: number;
}

/** The measured requests of a workload, by service. */
export interface MeasuredUse {
  readonly dynamoWriteUnits: number;
  readonly dynamoReadUnits: number;
  readonly functions: readonly FunctionUse[];
  readonly stateTransitions: number;
  readonly sqsRequests: number;
  readonly apiRequests: number;
  /** Customer side: the EventBridge API destination's invocations (one per event it forwards). */
  readonly apiDestinationInvocations: number;
}

export interface CostBreakdown {
  readonly dynamodb: number;
  readonly lambda: number;
  readonly stepFunctions: number;
  readonly sqs: number;
  readonly apiGateway: number;
  /** Ours: everything above. */
  readonly platform: number;
  /** The customer's: EventBridge API destination invocations. */
  readonly customerEventBridge: number;
}

export function costOf(use: MeasuredUse, prices: typeof PRICES = PRICES): CostBreakdown {
  const perMillion = (n: number, price: number) => (n / 1_000_000) * price;
  const dynamodb = perMillion(use.dynamoWriteUnits, prices.dynamoWritePerMillionUnits) + perMillion(use.dynamoReadUnits, prices.dynamoReadPerMillionUnits);
  const lambda = use.functions.reduce(
    (sum, f) => sum + perMillion(f.invocations, prices.lambdaPerMillionRequests) + (f.memorySizeMb / 1024) * (f.durationMs / 1000) * prices.lambdaArmPerGbSecond,
    0,
  );
  const stepFunctions = use.stateTransitions * prices.stepFunctionsPerTransition;
  const sqs = perMillion(use.sqsRequests, prices.sqsPerMillionRequests);
  const apiGateway = perMillion(use.apiRequests, prices.apiGatewayRestPerMillionRequests);
  return {
    dynamodb,
    lambda,
    stepFunctions,
    sqs,
    apiGateway,
    platform: dynamodb + lambda + stepFunctions + sqs + apiGateway,
    customerEventBridge: perMillion(use.apiDestinationInvocations, prices.eventBridgeApiDestinationPerMillion),
  };
}

/** The same workload `factor` times over (a per-event measurement scaled to a million events). */
export function scaleUse(use: MeasuredUse, factor: number): MeasuredUse {
  return {
    dynamoWriteUnits: use.dynamoWriteUnits * factor,
    dynamoReadUnits: use.dynamoReadUnits * factor,
    functions: use.functions.map((f) => ({ ...f, invocations: f.invocations * factor, durationMs: f.durationMs * factor })),
    stateTransitions: use.stateTransitions * factor,
    sqsRequests: use.sqsRequests * factor,
    apiRequests: use.apiRequests * factor,
    apiDestinationInvocations: use.apiDestinationInvocations * factor,
  };
}

/**
 * SQS requests of messages that went through a queue into Lambda: one SendMessage each, and for each batch the event
 * source mapping's ReceiveMessage and DeleteMessageBatch calls, each of up to 10 messages. Idle long polls are left
 * out (they cost the same whatever the traffic).
 * https://docs.aws.amazon.com/lambda/latest/dg/services-sqs-scaling.html
 */
export function sqsRequestsFor(messagesSent: number, batches: number, messagesDelivered: number): number {
  const callsPerBatch = batches === 0 ? 0 : 2 * Math.ceil(messagesDelivered / batches / 10);
  return messagesSent + batches * callsPerBatch;
}
