import { costOf, scaleUse, sqsRequestsFor, type MeasuredUse } from '../../bench/cost-model';

const oneMillionEvents: MeasuredUse = {
  dynamoWriteUnits: 1_000_000,
  dynamoReadUnits: 2_000_000,
  functions: [{ invocations: 1_000_000, durationMs: 1_000_000 * 100, memorySizeMb: 512 }],
  stateTransitions: 1_000,
  sqsRequests: 1_200_000,
  apiRequests: 1_000_000,
  apiDestinationInvocations: 1_000_000,
};

it('multiplies each measured request by its list price', () => {
  const cost = costOf(oneMillionEvents);
  expect(cost.dynamodb).toBeCloseTo(0.625 + 2 * 0.125, 6);
  // 0.20 for the requests + 0.5 GB × 100,000 s × $0.0000133334.
  expect(cost.lambda).toBeCloseTo(0.2 + 0.5 * 100_000 * 0.0000133334, 6);
  expect(cost.stepFunctions).toBeCloseTo(0.025, 6);
  expect(cost.sqs).toBeCloseTo(0.48, 6);
  expect(cost.apiGateway).toBeCloseTo(3.5, 6);
  expect(cost.platform).toBeCloseTo(cost.dynamodb + cost.lambda + cost.stepFunctions + cost.sqs + cost.apiGateway, 9);
  expect(cost.customerEventBridge).toBeCloseTo(0.2, 6);
});

it('scales a per-unit measurement linearly', () => {
  const perEvent = scaleUse(oneMillionEvents, 1 / 1_000_000);
  expect(costOf(scaleUse(perEvent, 1_000_000)).platform).toBeCloseTo(costOf(oneMillionEvents).platform, 6);
});

it('counts a send per message and a receive and a delete per 10 messages of a batch', () => {
  expect(sqsRequestsFor(100, 2, 100)).toBe(100 + 2 * (2 * 5));
  expect(sqsRequestsFor(0, 0, 0)).toBe(0);
  expect(sqsRequestsFor(3, 1, 3)).toBe(3 + 2);
});
