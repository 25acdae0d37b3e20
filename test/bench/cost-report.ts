/** BENCHMARKS.md's cost section, from the cost suite's measured requests (test/bench/cost-bench.ts) and cost-model.ts. */
import type { CostBenchResult, MeasuredWorkload } from './cost-bench';
import { costOf, PRICES, PRICES_CHECKED_ON, scaleUse, sqsRequestsFor, type CostBreakdown, type MeasuredUse } from './cost-model';
import type { BenchResults } from './results';

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const usd = (n: number) => (n === 0 ? '$0' : n < 0.01 ? `$${n.toPrecision(2)}` : `$${n.toFixed(2)}`);
const per = (n: number, units: number, digits = 3) => (units === 0 ? 'n/a' : (n / units).toFixed(digits));

/** Functions the bench itself drives (polling a run) or a timer runs whatever the traffic: not the workload's cost. */
const NOT_THE_WORKLOAD = new Set(['ingestions-api', 'pipeline-health', 'scheduled-findings', 'scheduled-ingestion']);

export function measuredUse(w: MeasuredWorkload, options: { readonly fromCustomerEvents: boolean; readonly stateTransitions?: number }): MeasuredUse {
  const functions = Object.entries(w.functions)
    // A crawl's authorizer calls are the bench's polling; an event's are the platform's (one per token per second).
    .filter(([name]) => !NOT_THE_WORKLOAD.has(name) && (options.fromCustomerEvents || name !== 'authorizer'))
    .map(([, s]) => s);
  return {
    dynamoWriteUnits: w.dynamo.writeUnits,
    dynamoReadUnits: w.dynamo.readUnits,
    functions,
    stateTransitions: options.stateTransitions ?? 0,
    sqsRequests: sqsRequestsFor(w.queues.sent, w.queues.batches, w.queues.delivered),
    apiRequests: w.apiRequests,
    apiDestinationInvocations: options.fromCustomerEvents ? w.apiRequests : 0,
  };
}

interface CostRow {
  readonly label: string;
  readonly cost: CostBreakdown;
}

export function costRows(x: CostBenchResult): CostRow[] {
  const rows: CostRow[] = x.crawls.map((c) => ({
    label: `(a) crawl of ${int(c.units)} assets`,
    cost: costOf(measuredUse(c, { fromCustomerEvents: false, ...(c.stateTransitions !== undefined && { stateTransitions: c.stateTransitions }) })),
  }));
  rows.push({ label: '(b) 1,000,000 usage events', cost: costOf(scaleUse(measuredUse(x.usage, { fromCustomerEvents: true }), 1_000_000 / x.usage.units)) });
  rows.push({ label: '(c) 1,000,000 mutations', cost: costOf(scaleUse(measuredUse(x.mutations, { fromCustomerEvents: true }), 1_000_000 / x.mutations.units)) });
  return rows;
}

export function costSection(r: BenchResults, number: number): string[] {
  const out = [`## ${number}. Cost at on-demand prices: crawls, a million usage events, a million mutations`, ''];
  if (!r.costs) return [...out, 'Not run.', ''];
  if (!r.costs.ok) return [...out, `**Failed**: ${r.costs.error}`, ''];
  const x = r.costs.result;
  out.push(
    `\`npm run bench -- --only=costs\` (test/bench/cost-bench.ts). The local runtime with its tables behind a counting proxy ` +
      '(test/bench/dynamo-counting-proxy.ts: DynamoDB capacity units as the database reports them, `ReturnConsumedCapacity` on every request, plus one ' +
      'write unit per refused conditional write). Each function\'s invocations and summed duration come from the local Lambda service, the queues\' ' +
      `messages and batches from the local SQS. Crawls: the sandbox account of each size, linked and crawled through the API (${x.options.regions.length} Regions, ` +
      `quotas lifted). Events, on the ${int(x.crawls[0]?.units ?? 0)}-asset estate: ${int(x.usage.units)} usage calls cycling over ${x.options.usagePairs} ` +
      `(key, caller) pairs a second apart, then ${int(x.mutations.units)} mutations of the sandbox burst (${int(x.mutations.applied)} applied, ` +
      `${int(x.mutations.units - x.mutations.applied)} dropped by design: loop and noise events), each POSTed to the events endpoint as the API destination does.`,
    '',
    '| workload | DynamoDB | Lambda | Step Functions | SQS | API Gateway | **platform** | customer\'s EventBridge |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const row of costRows(x)) {
    const c = row.cost;
    out.push(`| ${row.label} | ${usd(c.dynamodb)} | ${usd(c.lambda)} | ${usd(c.stepFunctions)} | ${usd(c.sqs)} | ${usd(c.apiGateway)} | **${usd(c.platform)}** | ${usd(c.customerEventBridge)} |`);
  }
  out.push('', 'Measured inputs, per asset crawled or per event accepted:', '', '| workload | write units | read units | DynamoDB requests | Lambda GB-s | SQS requests | seconds |', '|---|---:|---:|---|---:|---:|---:|');
  const inputs = (label: string, w: MeasuredWorkload, fromCustomerEvents: boolean) => {
    const use = measuredUse(w, { fromCustomerEvents });
    const gbSeconds = use.functions.reduce((n, f) => n + (f.memorySizeMb / 1024) * (f.durationMs / 1000), 0);
    const requests = Object.entries(w.dynamo.requests)
      .filter(([op]) => op !== 'CreateTable' && op !== 'DescribeTable' && op !== 'ListTables')
      .map(([op, n]) => `${op} ${per(n, w.units, 2)}`)
      .join(', ');
    out.push(`| ${label} | ${per(w.dynamo.writeUnits, w.units)} | ${per(w.dynamo.readUnits, w.units)} | ${requests} | ${per(gbSeconds, w.units, 4)} | ${per(use.sqsRequests, w.units, 2)} | ${w.seconds.toFixed(1)} |`);
  };
  for (const c of x.crawls) inputs(`crawl of ${int(c.units)} assets`, c, false);
  inputs('usage event', x.usage, true);
  inputs('mutation', x.mutations, true);
  out.push(
    '',
    `**Prices** (US East, N. Virginia, on-demand list prices read on ${PRICES_CHECKED_ON}; no free tier, first volume tier): DynamoDB $${PRICES.dynamoWritePerMillionUnits} per million write ` +
      `and $${PRICES.dynamoReadPerMillionUnits} per million read request units (aws.amazon.com/dynamodb/pricing/on-demand); Lambda $${PRICES.lambdaPerMillionRequests} per million requests and ` +
      `$${PRICES.lambdaArmPerGbSecond} per GB-second on Arm (aws.amazon.com/lambda/pricing); Step Functions Standard $${(PRICES.stepFunctionsPerTransition * 1000).toFixed(3)} per 1,000 state transitions ` +
      `(aws.amazon.com/step-functions/pricing); SQS $${PRICES.sqsPerMillionRequests} per million requests (aws.amazon.com/sqs/pricing); API Gateway REST $${PRICES.apiGatewayRestPerMillionRequests} per million ` +
      `requests (aws.amazon.com/api-gateway/pricing); EventBridge API destinations $${PRICES.eventBridgeApiDestinationPerMillion} per million invocations, billed to the customer ` +
      '(aws.amazon.com/eventbridge/pricing; CloudTrail management events reach the default bus free).',
    '',
    '**What the figures leave out, and why they are upper bounds.** Lambda duration is the handler\'s wall time in a one-process runtime whose handlers, ' +
      'sandbox and queues share one event loop on a shared machine: in Lambda each invocation has its own CPU, so GB-seconds here overstate it. Writes to ' +
      'global secondary indexes are billed as extra write units in DynamoDB but dynalite reports the table\'s only. SQS counts one SendMessage per event and ' +
      'the event source mapping\'s ReceiveMessage and DeleteMessageBatch per 10 messages of a batch, not its idle long polls (a fixed cost). Storage, ' +
      'CloudWatch Logs and data transfer are not included.',
    '',
  );
  return out;
}
