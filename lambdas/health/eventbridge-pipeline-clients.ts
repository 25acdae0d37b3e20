import {
  DescribeApiDestinationCommand,
  DescribeConnectionCommand,
  DescribeRuleCommand,
  EventBridgeClient,
  ListTargetsByRuleCommand,
} from '@aws-sdk/client-eventbridge';
import { errorCode, errorMessage, isNotEnabledError } from '../discovery/aws-error';
import { type CustomerAccessOptions, customerCredentials } from '../discovery/region-clients';
import type { RequestPacer } from '../discovery/request-pacer';
import type {
  Observation,
  ObservedApiDestination,
  ObservedConnection,
  ObservedRule,
  ObservedTarget,
  PipelineReader,
  RegionObservations,
} from './eventbridge-observations';
import type { PipelineNames } from './pipeline-names';

/** The only EventBridge calls a health client may make: the role grants these four and nothing else must be tried. */
export const PIPELINE_READ_COMMANDS: readonly string[] = [
  'DescribeRuleCommand',
  'ListTargetsByRuleCommand',
  'DescribeApiDestinationCommand',
  'DescribeConnectionCommand',
];

export class ForbiddenPipelineCallError extends Error {
  constructor(readonly command: string) {
    super(`refusing to call ${command}: pipeline health checks only describe the rule, its targets, the API destination and the connection`);
    this.name = 'ForbiddenPipelineCallError';
  }
}

/** Adds a middleware that refuses every command but the four reads, before anything is signed or sent. */
export function guardPipelineReads(client: EventBridgeClient): EventBridgeClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (!PIPELINE_READ_COMMANDS.includes(context.commandName ?? '')) throw new ForbiddenPipelineCallError(context.commandName ?? '(unnamed)');
      return next(args);
    },
    { step: 'initialize', name: 'aqgPipelineReadGuard', priority: 'high' },
  );
  return client;
}

/**
 * EventBridge client of one region of a customer account, through its role (the same credential chain as the
 * discovery clients: lambdas/discovery/region-clients.ts). Endpoints come from the SDK's standard settings, so
 * AWS_ENDPOINT_URL reaches the sandbox account locally.
 */
export function createPipelineClient(options: CustomerAccessOptions & { region: string; maxAttempts?: number }): EventBridgeClient {
  const credentials = customerCredentials(options);
  return guardPipelineReads(
    new EventBridgeClient({
      region: options.region,
      retryMode: 'standard',
      maxAttempts: options.maxAttempts ?? 5,
      ...(credentials ? { credentials } : {}),
    }),
  );
}

const describe = (err: unknown) => `${errorCode(err)}: ${errorMessage(err)}`;

/**
 * Reads the four resources of one region, each with one call (paced per region and API like the crawl's calls), and
 * turns errors into observations: ResourceNotFoundException → missing; anything else (AccessDenied, throttling after
 * the SDK's retries, a network failure) → unknown with the reason, so a check never fails for want of access.
 */
export class EventBridgePipelineReader implements PipelineReader {
  constructor(
    private readonly clientFor: (region: string) => EventBridgeClient,
    private readonly names: PipelineNames,
    private readonly pacer: RequestPacer,
  ) {}

  async read(region: string): Promise<RegionObservations> {
    const client = this.clientFor(region);
    const call = async <T>(api: string, send: () => Promise<T>): Promise<{ ok: T } | { err: unknown }> => {
      await this.pacer.acquire(region, api);
      try {
        return { ok: await send() };
      } catch (err) {
        return { err };
      }
    };
    const [rule, targets, destination, connection] = await Promise.all([
      call('events:DescribeRule', () => client.send(new DescribeRuleCommand({ Name: this.names.rule }))),
      call('events:ListTargetsByRule', () => client.send(new ListTargetsByRuleCommand({ Rule: this.names.rule }))),
      call('events:DescribeApiDestination', () => client.send(new DescribeApiDestinationCommand({ Name: this.names.apiDestination }))),
      call('events:DescribeConnection', () => client.send(new DescribeConnectionCommand({ Name: this.names.connection }))),
    ]);
    const results = [rule, targets, destination, connection];
    if (results.every((r) => 'err' in r && isNotEnabledError(r.err))) {
      const reason = 'the region is not enabled in this account';
      const unknown = { outcome: 'unknown', reason } as const;
      return { region, notEnabled: true, rule: unknown, targets: unknown, apiDestination: unknown, connection: unknown };
    }
    return {
      region,
      rule: observe(rule, (r): ObservedRule => ({ name: r.Name ?? this.names.rule, arn: r.Arn, state: r.State })),
      targets: observe(targets, (r): readonly ObservedTarget[] =>
        (r.Targets ?? []).map((t) => ({ id: t.Id ?? '', arn: t.Arn ?? '' })),
      ),
      apiDestination: observe(destination, (r): ObservedApiDestination => ({
        name: r.Name ?? this.names.apiDestination,
        arn: r.ApiDestinationArn,
        state: r.ApiDestinationState,
        connectionArn: r.ConnectionArn,
        invocationEndpoint: r.InvocationEndpoint,
      })),
      connection: observe(connection, (r): ObservedConnection => ({
        name: r.Name ?? this.names.connection,
        arn: r.ConnectionArn,
        state: r.ConnectionState,
        stateReason: r.StateReason,
      })),
    };
  }
}

function observe<R, T>(result: { ok: R } | { err: unknown }, map: (r: R) => T): Observation<T> {
  if ('ok' in result) return { outcome: 'found', value: map(result.ok) };
  if (errorCode(result.err) === 'ResourceNotFoundException') return { outcome: 'missing', message: errorMessage(result.err) };
  return { outcome: 'unknown', reason: describe(result.err) };
}

/** EventBridge clients per (role, ExternalId, region), built once per process (keep one at module scope in a Lambda). */
export class PipelineClientsCache {
  private readonly clients = new Map<string, EventBridgeClient>();

  constructor(private readonly access: Omit<CustomerAccessOptions, 'roleArn' | 'externalId'> = {}) {}

  clientFor(roleArn: string, externalId: string, region: string): EventBridgeClient {
    const key = `${roleArn}|${externalId}|${region}`;
    let client = this.clients.get(key);
    if (!client) {
      client = createPipelineClient({ ...this.access, roleArn, externalId, region });
      this.clients.set(key, client);
    }
    return client;
  }
}
