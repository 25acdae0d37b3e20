import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * Reads what the local runtime needs out of the synthesized backend CloudFormation template: the tables, the API's
 * routes and authorizer, the functions, the event queue and the crawl state machine. Everything the runtime runs
 * comes from here, so the local product cannot drift from what `cdk deploy` creates.
 */

export type CfnTemplate = { readonly Resources: Readonly<Record<string, CfnResource>> };
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Readonly<Record<string, unknown>>;
}

/** The template does not have the shape the local runtime was built for (a resource it cannot emulate, a missing link). */
export class BackendTemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackendTemplateError';
  }
}

export interface LocalFunction {
  /** File name in lambdas/handlers/ without extension, from `POWERTOOLS_SERVICE_NAME: aqg-<handlerName>`. */
  readonly handlerName: string;
  readonly logicalId: string;
  readonly timeoutSeconds: number;
  /** MemorySize (what Lambda bills duration by, in GB-seconds). */
  readonly memorySizeMb: number;
  /** Environment variables with a literal value in the template. */
  readonly literalEnvironment: Readonly<Record<string, string>>;
  /** Environment variables that point at another resource of the stack: name → that resource's logical id. */
  readonly resourceEnvironment: Readonly<Record<string, string>>;
  /**
   * Variables whose value the stack computes from its resources (Fn::Join: the API's public URL,
   * lib/backend-stack.ts). Left unset locally: the local runtime supplies its own (PUBLIC_API_URL from --public-url).
   */
  readonly computedEnvironment: readonly string[];
}

export interface LocalTable {
  readonly logicalId: string;
  /** CreateTable input without `TableName` (the runtime names local tables). */
  readonly definition: Omit<CreateTableCommandInput, 'TableName'>;
}

export interface LocalRoute {
  readonly httpMethod: string;
  /** Resource path as API Gateway reports it in `resource`, e.g. `/inventory/{assetId}`. */
  readonly resourcePath: string;
  readonly authorizationType: 'NONE' | 'CUSTOM';
  readonly handlerName: string;
}

export interface LocalAuthorizer {
  readonly handlerName: string;
  readonly type: 'REQUEST';
  /** Header names of the identity source (`method.request.header.X-API-Key` → `X-API-Key`). */
  readonly identityHeaders: readonly string[];
  readonly resultTtlSeconds: number;
}

export interface GatewayResponse {
  readonly statusCode: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
}

export interface LocalQueue {
  readonly logicalId: string;
  readonly consumerHandlerName: string;
  readonly batchSize: number;
  readonly maxBatchingWindowSeconds: number;
  readonly reportBatchItemFailures: boolean;
  readonly visibilityTimeoutSeconds: number;
  /** undefined = no redrive policy (messages are retried until they expire). */
  readonly maxReceiveCount?: number;
  /** The redrive policy's dead-letter queue, which functions may also send to directly. */
  readonly deadLetterQueueLogicalId?: string;
}

export interface LocalStateMachine {
  readonly logicalId: string;
  /** The ASL with every Lambda ARN replaced by `arn:aws:lambda:local:000000000000:function:<handlerName>`. */
  readonly definition: Record<string, unknown>;
}

export interface BackendModel {
  /** Every resource's CloudFormation type, by logical id (to know what an environment variable points at). */
  readonly resourceTypes: Readonly<Record<string, string>>;
  readonly functions: Readonly<Record<string, LocalFunction>>;
  readonly tables: readonly LocalTable[];
  readonly routes: readonly LocalRoute[];
  readonly authorizer: LocalAuthorizer;
  /** API Gateway's own answers by response type (UNAUTHORIZED, ACCESS_DENIED, …). */
  readonly gatewayResponses: Readonly<Record<string, GatewayResponse>>;
  readonly queues: readonly LocalQueue[];
  readonly stateMachines: readonly LocalStateMachine[];
}

export const LOCAL_ACCOUNT = '000000000000';
export const LOCAL_REGION = 'local';
/** A stable local name for a resource: its logical id without CDK's 8-character hash (`TablesControlDF2E6BDD` → `TablesControl`). */
export const localResourceName = (logicalId: string) => logicalId.replace(/[0-9A-F]{8}$/, '');

/** The local name of the table a function's environment variable (e.g. CONTROL_TABLE_NAME) points at. */
export function localTableFor(backend: BackendModel, envName: string): string {
  for (const fn of Object.values(backend.functions)) {
    const logicalId = fn.resourceEnvironment[envName];
    if (logicalId && backend.tables.some((t) => t.logicalId === logicalId)) return localResourceName(logicalId);
  }
  throw new BackendTemplateError(`No function has ${envName} pointing at a table`);
}

export const localFunctionArn = (handlerName: string) =>
  `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${handlerName}`;

const SERVICE_NAME_PREFIX = 'aqg-';
/** CloudFormation's default Lambda timeout (AWS::Lambda::Function Timeout). */
const DEFAULT_LAMBDA_TIMEOUT_SECONDS = 3;
/** Lambda's default MemorySize. */
const DEFAULT_LAMBDA_MEMORY_MB = 128;
/** AWS::SQS::Queue VisibilityTimeout default. */
const DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;

export function readBackendTemplate(template: CfnTemplate): BackendModel {
  const resources = template.Resources;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const functions = readFunctions(ofType('AWS::Lambda::Function'));
  const handlerOf = (logicalId: string, what: string): string => {
    const fn = Object.values(functions).find((f) => f.logicalId === logicalId);
    if (!fn) throw new BackendTemplateError(`${what} points at ${logicalId}, which is not a Lambda function of the stack`);
    return fn.handlerName;
  };
  return {
    resourceTypes: Object.fromEntries(Object.entries(resources).map(([id, r]) => [id, r.Type])),
    functions,
    tables: ofType('AWS::DynamoDB::Table').map(([logicalId, r]) => ({ logicalId, definition: tableDefinition(logicalId, props(r)) })),
    routes: readRoutes(resources, handlerOf),
    authorizer: readAuthorizer(ofType('AWS::ApiGateway::Authorizer'), handlerOf),
    gatewayResponses: Object.fromEntries(
      ofType('AWS::ApiGateway::GatewayResponse').map(([, r]) => {
        const p = props(r);
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries((p.ResponseParameters ?? {}) as Record<string, string>)) {
          // `gatewayresponse.header.Content-Type: "'application/json'"` → a static header value in quotes
          const name = k.replace(/^gatewayresponse\.header\./, '');
          if (name !== k && typeof v === 'string') headers[name] = v.replace(/^'(.*)'$/, '$1');
        }
        const templates = (p.ResponseTemplates ?? {}) as Record<string, string>;
        return [String(p.ResponseType), { statusCode: Number(p.StatusCode), body: templates['application/json'] ?? '', headers }];
      }),
    ),
    queues: readQueues(resources, handlerOf),
    stateMachines: ofType('AWS::StepFunctions::StateMachine').map(([logicalId, r]) => ({
      logicalId,
      definition: resolveDefinition(logicalId, props(r).DefinitionString, handlerOf),
    })),
  };
}

function props(r: CfnResource): Readonly<Record<string, unknown>> {
  return r.Properties ?? {};
}

/** `{Ref: X}` or `{Fn::GetAtt: [X, attr]}` → X. */
export function referencedLogicalId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') return v.Ref;
  const getAtt = v['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  return undefined;
}

function readFunctions(entries: Array<[string, CfnResource]>): Record<string, LocalFunction> {
  const out: Record<string, LocalFunction> = {};
  for (const [logicalId, r] of entries) {
    const p = props(r);
    const variables = ((p.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {}) as Record<string, unknown>;
    const serviceName = variables.POWERTOOLS_SERVICE_NAME;
    if (typeof serviceName !== 'string' || !serviceName.startsWith(SERVICE_NAME_PREFIX)) {
      throw new BackendTemplateError(
        `Function ${logicalId} has no POWERTOOLS_SERVICE_NAME "aqg-<handlerName>" (got ${JSON.stringify(serviceName)}); the local runtime finds handlers by it`,
      );
    }
    const literalEnvironment: Record<string, string> = {};
    const resourceEnvironment: Record<string, string> = {};
    const computedEnvironment: string[] = [];
    for (const [name, value] of Object.entries(variables)) {
      if (typeof value === 'string') literalEnvironment[name] = value;
      else if (typeof value === 'object' && value !== null && 'Fn::Join' in value) computedEnvironment.push(name);
      else {
        const target = referencedLogicalId(value);
        if (!target) throw new BackendTemplateError(`Function ${logicalId} env ${name} is neither a literal nor a resource reference`);
        resourceEnvironment[name] = target;
      }
    }
    const handlerName = serviceName.slice(SERVICE_NAME_PREFIX.length);
    out[handlerName] = {
      handlerName,
      logicalId,
      timeoutSeconds: typeof p.Timeout === 'number' ? p.Timeout : DEFAULT_LAMBDA_TIMEOUT_SECONDS,
      memorySizeMb: typeof p.MemorySize === 'number' ? p.MemorySize : DEFAULT_LAMBDA_MEMORY_MB,
      literalEnvironment,
      resourceEnvironment,
      computedEnvironment,
    };
  }
  return out;
}

function tableDefinition(logicalId: string, p: Readonly<Record<string, unknown>>): Omit<CreateTableCommandInput, 'TableName'> {
  if (!Array.isArray(p.KeySchema) || !Array.isArray(p.AttributeDefinitions)) {
    throw new BackendTemplateError(`Table ${logicalId} has no KeySchema/AttributeDefinitions`);
  }
  const gsis = (p.GlobalSecondaryIndexes ?? []) as Array<Record<string, unknown>>;
  return {
    KeySchema: p.KeySchema as CreateTableCommandInput['KeySchema'],
    AttributeDefinitions: p.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    BillingMode: (p.BillingMode as CreateTableCommandInput['BillingMode']) ?? 'PROVISIONED',
    ...(p.BillingMode === 'PAY_PER_REQUEST' ? {} : { ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } }),
    ...(gsis.length > 0
      ? {
          GlobalSecondaryIndexes: gsis.map((g) => ({
            IndexName: g.IndexName as string,
            KeySchema: g.KeySchema as NonNullable<CreateTableCommandInput['KeySchema']>,
            Projection: g.Projection as { ProjectionType: 'ALL' | 'KEYS_ONLY' | 'INCLUDE'; NonKeyAttributes?: string[] },
          })),
        }
      : {}),
  };
}

function readRoutes(resources: CfnTemplate['Resources'], handlerOf: (id: string, what: string) => string): LocalRoute[] {
  const pathOf = (resourceRef: unknown, seen: string[] = []): string => {
    const v = resourceRef as Record<string, unknown>;
    // The root resource: {Fn::GetAtt: [RestApi, RootResourceId]}
    if (Array.isArray(v['Fn::GetAtt']) && v['Fn::GetAtt'][1] === 'RootResourceId') return '';
    const id = referencedLogicalId(resourceRef);
    const r = id ? resources[id] : undefined;
    if (!id || !r || r.Type !== 'AWS::ApiGateway::Resource' || seen.includes(id)) {
      throw new BackendTemplateError(`Unresolvable API resource reference ${JSON.stringify(resourceRef)}`);
    }
    return `${pathOf(props(r).ParentId, [...seen, id])}/${String(props(r).PathPart)}`;
  };
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::ApiGateway::Method')
    .map(([logicalId, r]) => {
      const p = props(r);
      const integration = p.Integration as { Type?: string; Uri?: unknown } | undefined;
      if (integration?.Type !== 'AWS_PROXY') {
        throw new BackendTemplateError(`Method ${logicalId}: only Lambda proxy integrations are emulated (got ${integration?.Type})`);
      }
      const authorizationType = p.AuthorizationType;
      if (authorizationType !== 'NONE' && authorizationType !== 'CUSTOM') {
        throw new BackendTemplateError(`Method ${logicalId}: authorization ${String(authorizationType)} is not emulated`);
      }
      return {
        httpMethod: String(p.HttpMethod),
        resourcePath: pathOf(p.ResourceId) || '/',
        authorizationType,
        handlerName: handlerOf(functionInUri(logicalId, integration.Uri), `Method ${logicalId}`),
      };
    });
}

/** The function logical id inside an integration/authorizer URI (an Fn::Join holding `{Fn::GetAtt: [fn, Arn]}`). */
function functionInUri(owner: string, uri: unknown): string {
  const found = JSON.stringify(uri ?? null).match(/"Fn::GetAtt":\["([^"]+)","Arn"\]/);
  if (!found) throw new BackendTemplateError(`${owner}: no Lambda function ARN in its URI`);
  return found[1];
}

function readAuthorizer(entries: Array<[string, CfnResource]>, handlerOf: (id: string, what: string) => string): LocalAuthorizer {
  if (entries.length !== 1) throw new BackendTemplateError(`Expected exactly one API authorizer, found ${entries.length}`);
  const [logicalId, r] = entries[0];
  const p = props(r);
  if (p.Type !== 'REQUEST') throw new BackendTemplateError(`Authorizer ${logicalId}: only REQUEST authorizers are emulated`);
  const identityHeaders = String(p.IdentitySource ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const header = s.match(/^method\.request\.header\.(.+)$/);
      if (!header) throw new BackendTemplateError(`Authorizer ${logicalId}: identity source ${s} is not emulated (headers only)`);
      return header[1];
    });
  return {
    handlerName: handlerOf(functionInUri(logicalId, p.AuthorizerUri), `Authorizer ${logicalId}`),
    type: 'REQUEST',
    identityHeaders,
    // API Gateway's default when the property is absent is 300 s.
    resultTtlSeconds: typeof p.AuthorizerResultTtlInSeconds === 'number' ? p.AuthorizerResultTtlInSeconds : 300,
  };
}

function readQueues(resources: CfnTemplate['Resources'], handlerOf: (id: string, what: string) => string): LocalQueue[] {
  return Object.entries(resources)
    .filter(([, r]) => r.Type === 'AWS::Lambda::EventSourceMapping')
    .map(([logicalId, r]) => {
      const p = props(r);
      const queueId = referencedLogicalId(p.EventSourceArn);
      const queue = queueId ? resources[queueId] : undefined;
      if (!queueId || queue?.Type !== 'AWS::SQS::Queue') {
        throw new BackendTemplateError(`Event source mapping ${logicalId}: only SQS sources are emulated`);
      }
      const fnId = referencedLogicalId(p.FunctionName);
      if (!fnId) throw new BackendTemplateError(`Event source mapping ${logicalId}: no function`);
      const q = props(queue);
      const redrive = q.RedrivePolicy as { maxReceiveCount?: number; deadLetterTargetArn?: unknown } | undefined;
      const deadLetterQueueLogicalId = referencedLogicalId(redrive?.deadLetterTargetArn);
      return {
        logicalId: queueId,
        consumerHandlerName: handlerOf(fnId, `Event source mapping ${logicalId}`),
        // Lambda's defaults for SQS event sources: batch size 10, no batching window.
        batchSize: typeof p.BatchSize === 'number' ? p.BatchSize : 10,
        maxBatchingWindowSeconds: typeof p.MaximumBatchingWindowInSeconds === 'number' ? p.MaximumBatchingWindowInSeconds : 0,
        reportBatchItemFailures: Array.isArray(p.FunctionResponseTypes) && p.FunctionResponseTypes.includes('ReportBatchItemFailures'),
        visibilityTimeoutSeconds: typeof q.VisibilityTimeout === 'number' ? q.VisibilityTimeout : DEFAULT_VISIBILITY_TIMEOUT_SECONDS,
        ...(typeof redrive?.maxReceiveCount === 'number' ? { maxReceiveCount: redrive.maxReceiveCount } : {}),
        ...(deadLetterQueueLogicalId && resources[deadLetterQueueLogicalId]?.Type === 'AWS::SQS::Queue' ? { deadLetterQueueLogicalId } : {}),
      };
    });
}

/**
 * DefinitionString is a string or an Fn::Join of strings and Lambda ARNs ({Fn::GetAtt: [fn, Arn]}); the ARNs become
 * local function ARNs named after the handler. Any other token cannot be resolved locally and is an error.
 */
function resolveDefinition(
  logicalId: string,
  definitionString: unknown,
  handlerOf: (id: string, what: string) => string,
): Record<string, unknown> {
  let text: string;
  if (typeof definitionString === 'string') text = definitionString;
  else {
    const join = (definitionString as Record<string, unknown> | undefined)?.['Fn::Join'];
    if (!Array.isArray(join) || join[0] !== '' || !Array.isArray(join[1])) {
      throw new BackendTemplateError(`State machine ${logicalId}: DefinitionString is neither a string nor an Fn::Join`);
    }
    text = (join[1] as unknown[])
      .map((part) => {
        if (typeof part === 'string') return part;
        const getAtt = (part as Record<string, unknown>)['Fn::GetAtt'];
        if (Array.isArray(getAtt) && getAtt[1] === 'Arn') return localFunctionArn(handlerOf(String(getAtt[0]), `State machine ${logicalId}`));
        throw new BackendTemplateError(`State machine ${logicalId}: cannot resolve ${JSON.stringify(part)} locally`);
      })
      .join('');
  }
  return JSON.parse(text) as Record<string, unknown>;
}
