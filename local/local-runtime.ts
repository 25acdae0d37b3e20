import { appendFileSync, mkdirSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { API_STAGE, EVENTS_PATH } from '../lambdas/shared/protocol';
import type { Sandbox, SandboxOptions } from '../sandbox/sandbox';
import { BackendTemplateError, type BackendModel, LOCAL_ACCOUNT, localResourceName, localTableFor } from './backend-template';
import { InProcessQueue, type QueueStats } from './in-process-queue';
import { QueueJournal } from './queue-journal';
import { reconcileLocalRuns } from './reconcile-local-runs';
import { startLocalApiGateway } from './local-api-gateway';
import { serveConsoleFrom } from './console-files';
import { startLocalAwsEndpoint } from './local-aws-endpoint';
import { connectLocalDynamo, startLocalDynamo } from './local-dynamo';
import { type HandlerLoader, type InvocationStats, LocalFunctions, loadHandlerFromSource } from './local-functions';
import { type ExecutionDescription, LocalStepFunctions, localStateMachineArn } from './local-step-functions';
import { type LocalTenant, ensureLocalTenant } from './local-tenant';
import { type LocalStateFile, readLocalStateFile, writeLocalStateFile } from './local-state-file';
import { sfnOperations } from './sfn-operations';
import { deadLetterSink, sqsOperations, type MessageSink } from './sqs-operations';
import { DEAD_LETTER_REASON_ATTRIBUTE } from '../lambdas/events/sqs-record-forwarder';
import { synthesizeBackend } from './synthesized-backend';

export interface LocalRuntimeOptions {
  /** Where dynalite keeps its data and `local.json` is written. @default '.aqg' */
  readonly dataDir?: string;
  /** Wipe `dataDir` first. @default false */
  readonly reset?: boolean;
  /** API port on 127.0.0.1. @default 3000; 0 = ephemeral */
  readonly port?: number;
  /**
   * The customer account: the sandbox emulator (customer clients pointed at it through `AWS_ENDPOINT_URL`), or the
   * SDK's standard credential and endpoint chain (`aws`: a real account, or an emulator named by AWS_ENDPOINT_URL*).
   * @default { mode: 'sandbox' }
   */
  readonly customerAccount?: { readonly mode: 'sandbox'; readonly options?: SandboxOptions } | { readonly mode: 'aws' };
  /** Seconds before a message the processor failed is delivered again. @default 5 (AWS: the queue's visibility timeout) */
  readonly redeliveryDelaySeconds?: number;
  /** Batches each queue's consumer processes at the same time, as Lambda's SQS poller does. @default 5 (Lambda's initial concurrency) */
  readonly maxConcurrentBatches?: number;
  /** The synthesized backend (tests pass a small one). @default synthesizeBackend() */
  readonly backend?: BackendModel;
  /** @default the handlers' sources in lambdas/handlers */
  readonly loadHandler?: HandlerLoader;
  /**
   * The HTTPS URL (with the stage, e.g. a tunnel's `https://abc.example/v1`) at which AWS can reach this API: it goes
   * into downloaded templates as the events endpoint. @default derived from each request (`https://<host>/v1`), as
   * API Gateway does — EventBridge API destinations accept only HTTPS endpoints.
   */
  readonly publicUrl?: string;
  /** Seconds between runs of the findings schedule (an hourly EventBridge rule in AWS). @default 3600 */
  readonly findingsScheduleSeconds?: number;
  /**
   * How often every linked account's event pipeline is checked, as the EventBridge Scheduler schedule does in AWS
   * (lib/constructs/pipeline-health-checks.ts); 0 = never. @default 6 hours
   */
  readonly pipelineHealthEveryMs?: number;
  /** The built console (console/dist), served at `/` next to the API. @default none: only the API */
  readonly consoleDir?: string;
  /** Where the runtime reports handler failures. @default console.error */
  readonly onError?: (message: string, err: unknown) => void;
  /**
   * A DynamoDB-compatible endpoint for the platform's tables (created there if missing) instead of the embedded
   * dynalite. @default - dynalite under `<dataDir>/dynamodb`
   */
  readonly dynamodbEndpoint?: string;
  /**
   * Journal each queue on disk, so a 2xx of the events endpoint means the event survives a crash. `false` keeps the
   * queues in memory only: for measuring what durability costs (`npm run bench -- --only=faults`), never for use.
   * @default true
   */
  readonly durableQueues?: boolean;
}

/** What a start found left over by a previous process. */
export interface LocalRecovery {
  /** Queued messages recovered from the journals (accepted before, not yet processed). */
  readonly recoveredMessages: number;
  /** Runs left RUNNING by a previous process, now closed FAILED ("interrupted") with their locks released. */
  readonly interruptedRuns: readonly string[];
}

/** What a stop left for the next start. */
export interface LocalStopReport {
  /** Messages accepted but not processed, kept on disk in the queue journals. */
  readonly queuedMessages: number;
}

export interface LocalRuntime {
  /** Base URL including the stage, e.g. `http://127.0.0.1:3000/v1`. */
  readonly url: string;
  readonly dataDir: string;
  readonly tenant: LocalTenant;
  readonly tokens: LocalTenant['tokens'];
  /** The sandbox customer account (sandbox mode only). */
  readonly sandbox?: Sandbox;
  readonly stateMachineArns: readonly string[];
  /** Stats of the event queue(s) and their dead-letter counts. */
  queueStats(): Record<string, QueueStats & { readonly deadLettered: number }>;
  /** Invocations and summed duration of each function so far (what Lambda bills). */
  functionStats(): Record<string, InvocationStats>;
  /** Resolves when every queue is empty (messages deleted or dead-lettered) and no execution runs. */
  idle(): Promise<void>;
  /** Runs the findings schedule now (lambdas/handlers/scheduled-findings.ts), as its timer does. */
  evaluateFindings(): Promise<unknown>;
  /** Rewrites `<dataDir>/local.json` (atomically) with these connected accounts. */
  writeStateFile(accounts: readonly string[]): LocalStateFile;
  readonly recovery: LocalRecovery;
  /** The platform tables' endpoint (dynalite, or `dynamodbEndpoint`). */
  readonly dynamoEndpoint: string;
  /** Stops delivering, lets the batches in flight finish, and keeps what is still queued on disk. */
  stop(): Promise<LocalStopReport>;
}

export class LocalRuntimeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LocalRuntimeError';
  }
}

/** Env variables that must not leak from the user's shell into the local handlers. */
const PLATFORM_ROLE_ENV = 'PLATFORM_ACCESS_ROLE_ARN';
/** The handler the findings schedule invokes (no Lambda event source: EventBridge calls it). */
const SCHEDULED_FINDINGS = 'scheduled-findings';
let sourceHandlersEnv: string | undefined;

/**
 * Starts the whole backend on this machine: dynalite, the local SQS/Step Functions endpoint, the API — all from the
 * synthesized template, running the real handlers — plus, in sandbox mode, the sandbox customer account. Creates (or
 * reuses) the local tenant and its admin/reader/uploader tokens and writes `<dataDir>/local.json`.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const dataDir = options.dataDir ?? '.aqg';
  if (options.reset) rmSync(dataDir, { recursive: true, force: true });
  const backend = options.backend ?? synthesizeBackend();
  const onError = options.onError ?? ((message: string, err: unknown) => console.error(`[local] ${message}`, err));
  const stoppers: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const stop of stoppers.reverse()) await stop().catch((err: unknown) => onError('stop failed', err));
  };

  try {
    // 1. DynamoDB
    const tableNames = Object.fromEntries(backend.tables.map((t) => [t.logicalId, localResourceName(t.logicalId)]));
    const tables = backend.tables.map((table) => ({ name: tableNames[table.logicalId], table }));
    const dynamo = options.dynamodbEndpoint
      ? await connectLocalDynamo(options.dynamodbEndpoint, tables)
      : await startLocalDynamo({ path: join(dataDir, 'dynamodb'), tables });
    stoppers.push(() => dynamo.stop());

    // 2. The platform's SQS and Step Functions on one loopback endpoint.
    const functions = new LocalFunctions(backend.functions, options.loadHandler ?? loadHandlerFromSource);
    let ready!: () => void;
    const handlersReady = new Promise<void>((resolve) => (ready = resolve));
    const invoke = async (handlerName: string, event: unknown) => {
      await handlersReady;
      return functions.invoke(handlerName, event);
    };
    const queuesByUrl = new Map<string, InProcessQueue>();
    // The backend's rule on "Execution Status Change" events, locally: its function hears of every execution
    // that ends unfinished (lib/backend-stack.ts, CrawlExecutionEndedRule).
    const executionEndedHandler = Object.values(backend.functions).some((f) => f.handlerName === EXECUTION_ENDED_HANDLER)
      ? EXECUTION_ENDED_HANDLER
      : undefined;
    const stepFunctions = new LocalStepFunctions(
      backend.stateMachines.map((machine) => ({ name: localResourceName(machine.logicalId), machine })),
      invoke,
      (handlerName) => functions.timeoutSeconds(handlerName),
      executionEndedHandler
        ? (execution) =>
            invoke(executionEndedHandler, executionStatusChangeEvent(execution)).then(
              () => undefined,
              (err: unknown) => onError(`${executionEndedHandler} failed`, err),
            )
        : undefined,
    );
    // Every queue URL a function may send to: the event queues, and their dead-letter queues (the processor sends a
    // poison record there itself, lambdas/events/sqs-record-forwarder.ts).
    const sinksByUrl = new Map<string, MessageSink>();
    const endpoint = await startLocalAwsEndpoint({ ...sqsOperations(sinksByUrl), ...sfnOperations(stepFunctions) });
    stoppers.push(() => endpoint.stop());
    stoppers.push(() => stepFunctions.stop());
    const queueUrls: Record<string, string> = {};
    let recoveredMessages = 0;
    let queuedMessages = 0;
    mkdirSync(join(dataDir, 'queues'), { recursive: true });
    for (const config of backend.queues) {
      const name = localResourceName(config.logicalId);
      const url = `${endpoint.url}/${LOCAL_ACCOUNT}/${name}`;
      // Each queue's messages are journaled on disk: an event answered 2xx survives a crash (local/queue-journal.ts).
      const { journal, messages } =
        options.durableQueues === false
          ? { journal: undefined, messages: [] }
          : await QueueJournal.recover(join(dataDir, 'queues', `${name}.journal`));
      recoveredMessages += messages.length;
      const deadLetterFile = join(dataDir, 'queues', `${name}.dead-letters.jsonl`);
      const queue = new InProcessQueue({
        ...(journal && { journal }),
        recovered: messages,
        onDeadLetter: (deadLetter) => appendFileSync(deadLetterFile, `${JSON.stringify(deadLetter)}\n`),
        config,
        queueArn: `arn:aws:sqs:us-east-1:${LOCAL_ACCOUNT}:${name}`,
        region: 'us-east-1',
        consume: (event) => invoke(config.consumerHandlerName, event),
        redeliveryDelaySeconds: options.redeliveryDelaySeconds ?? 5,
        ...(options.maxConcurrentBatches !== undefined && { maxConcurrentBatches: options.maxConcurrentBatches }),
        onConsumerError: (err) => onError(`${config.consumerHandlerName} failed a batch`, err),
      });
      queuesByUrl.set(url, queue);
      sinksByUrl.set(url, queue);
      queueUrls[config.logicalId] = url;
      if (config.deadLetterQueueLogicalId) {
        const deadLetterUrl = `${endpoint.url}/${LOCAL_ACCOUNT}/${localResourceName(config.deadLetterQueueLogicalId)}`;
        sinksByUrl.set(deadLetterUrl, deadLetterSink(queue, DEAD_LETTER_REASON_ATTRIBUTE));
        queueUrls[config.deadLetterQueueLogicalId] = deadLetterUrl;
      }
      stoppers.push(async () => {
        queuedMessages += await queue.stop();
      });
    }

    // 3. The tenant and its tokens (reused from local.json when they still exist in the data).
    const controlTable = localTableFor(backend, 'CONTROL_TABLE_NAME');
    const tenant = await ensureLocalTenant({
      dynamoEndpoint: dynamo.endpoint,
      controlTable,
      previous: readLocalStateFile(dataDir),
    });
    // Runs a previous process left RUNNING (killed, or stopped mid-crawl) are closed and their locks released
    // before the API answers, so Start now works at once.
    const { closed: interruptedRuns } = await reconcileLocalRuns({ dynamoEndpoint: dynamo.endpoint, controlTable });

    // 4. The customer account.
    let sandbox: Sandbox | undefined;
    const customer = options.customerAccount ?? { mode: 'sandbox' as const };
    if (customer.mode === 'sandbox') {
      // Loaded only in sandbox mode: `--aws` never starts (or loads) the emulator.
      const { startSandbox } = require('../sandbox/sandbox') as typeof import('../sandbox/sandbox');
      // The role trusts the tenant's ExternalId, unless a test asks for a role bound to another one.
      sandbox = await startSandbox({ ...customer.options, externalId: customer.options?.externalId ?? tenant.externalId });
      stoppers.push(() => sandbox!.stop());
    }

    // 5. The API. Requests wait until the handlers are loaded with their environment.
    const api = await startLocalApiGateway({
      routes: backend.routes,
      authorizer: backend.authorizer,
      gatewayResponses: backend.gatewayResponses,
      stage: API_STAGE,
      invoke,
      port: options.port ?? 3000,
      onError,
      ...(options.consoleDir !== undefined && { serveOther: serveConsoleFrom(options.consoleDir) }),
    });
    stoppers.push(() => api.stop());
    // The sandbox's API destination delivers where a template downloaded from this API would point (HTTPS, as
    // API destinations require), so the health checks' endpoint comparison holds locally too.
    sandbox?.pipeline.setInvocationEndpoint(`${options.publicUrl ?? api.url.replace(/^http:/, 'https:')}${EVENTS_PATH}`);

    // 6. The handlers' environment, then the handlers.
    const env = handlerEnvironment(backend, {
      tables: tableNames,
      queues: queueUrls,
      stateMachines: Object.fromEntries(backend.stateMachines.map((m) => [m.logicalId, localStateMachineArn(localResourceName(m.logicalId))])),
    });
    Object.assign(env, {
      PLATFORM_DYNAMODB_ENDPOINT: dynamo.endpoint,
      PLATFORM_SQS_ENDPOINT: endpoint.url,
      PLATFORM_SFN_ENDPOINT: endpoint.url,
      ...(options.publicUrl && { PUBLIC_API_URL: options.publicUrl }),
    });
    applyEnvironment(env, sandbox, options.loadHandler === undefined);
    const handlerNames = new Set<string>([
      backend.authorizer.handlerName,
      ...backend.routes.map((r) => r.handlerName),
      ...backend.queues.map((q) => q.consumerHandlerName),
      ...stepFunctions.taskHandlerNames,
      ...(executionEndedHandler ? [executionEndedHandler] : []),
    ]);
    const scheduledFindings = backend.functions[SCHEDULED_FINDINGS] ? SCHEDULED_FINDINGS : undefined;
    if (scheduledFindings) handlerNames.add(scheduledFindings);
    functions.preload(handlerNames);
    ready();

    // 7. The findings schedule: time alone opens findings (lib/constructs/findings-schedule.ts).
    const evaluateFindings = async () => (scheduledFindings ? invoke(scheduledFindings, {}) : undefined);
    if (scheduledFindings) {
      const run = () => {
        evaluateFindings().catch((err: unknown) => onError(`${SCHEDULED_FINDINGS} failed`, err));
      };
      const timer = setInterval(run, (options.findingsScheduleSeconds ?? 3600) * 1000);
      timer.unref();
      stoppers.push(async () => clearInterval(timer));
    }
    // 8. The pipeline health schedule (lib/constructs/pipeline-health-checks.ts).
    const healthEvery = options.pipelineHealthEveryMs ?? 6 * 3600_000;
    if (healthEvery > 0 && backend.functions['pipeline-health']) {
      const timer = setInterval(() => {
        functions.invoke('pipeline-health', {}).catch((err: unknown) => onError('scheduled pipeline health failed', err));
      }, healthEvery);
      timer.unref();
      stoppers.push(async () => clearInterval(timer));
    }

    let stopped = false;
    const runtime: LocalRuntime = {
      url: api.url,
      dataDir,
      tenant,
      tokens: tenant.tokens,
      sandbox,
      stateMachineArns: backend.stateMachines.map((m) => localStateMachineArn(localResourceName(m.logicalId))),
      recovery: { recoveredMessages, interruptedRuns },
      dynamoEndpoint: dynamo.endpoint,
      queueStats: () =>
        Object.fromEntries(
          [...queuesByUrl.entries()].map(([url, q]) => [url.slice(url.lastIndexOf('/') + 1), { ...q.stats, deadLettered: q.deadLetters.length }]),
        ),
      functionStats: () => functions.stats(),
      idle: async () => {
        // A finishing execution may queue nothing, but a processed event never starts an execution: two passes suffice.
        for (let i = 0; i < 2; i++) {
          await stepFunctions.idle();
          await Promise.all([...queuesByUrl.values()].map((q) => q.drained()));
        }
      },
      evaluateFindings,
      writeStateFile: (accounts) =>
        writeLocalStateFile(dataDir, { url: api.url, tenantId: tenant.tenantId, tokens: tenant.tokens, accounts: [...accounts] }),
      stop: async () => {
        if (stopped) return { queuedMessages };
        stopped = true;
        await stopAll();
        return { queuedMessages };
      },
    };
    runtime.writeStateFile(readLocalStateFile(dataDir)?.tenantId === tenant.tenantId ? (readLocalStateFile(dataDir)?.accounts ?? []) : []);
    return runtime;
  } catch (err) {
    await stopAll();
    throw err;
  }
}

const EXECUTION_ENDED_HANDLER = 'crawl-execution-ended';

/** The EventBridge event Step Functions sends when an execution ends (the fields the handler reads). */
function executionStatusChangeEvent(execution: ExecutionDescription) {
  return {
    version: '0',
    id: randomUUID(),
    'detail-type': 'Step Functions Execution Status Change',
    source: 'aws.states',
    account: LOCAL_ACCOUNT,
    time: (execution.stopDate ?? new Date()).toISOString(),
    region: 'us-east-1',
    resources: [execution.executionArn],
    detail: {
      executionArn: execution.executionArn,
      stateMachineArn: execution.stateMachineArn,
      name: execution.name,
      status: execution.status,
      startDate: execution.startDate.getTime(),
      stopDate: execution.stopDate?.getTime() ?? null,
      input: execution.input,
      error: execution.error ?? null,
      cause: execution.cause ?? null,
    },
  };
}

/**
 * The environment every handler gets: each variable that names a stack resource becomes the local equivalent. The
 * platform access role is deliberately left unset (contract: locally the customer role is assumed directly).
 */
function handlerEnvironment(
  backend: BackendModel,
  local: { tables: Record<string, string>; queues: Record<string, string>; stateMachines: Record<string, string> },
): Record<string, string> {
  const env: Record<string, string> = {};
  const set = (fnName: string, name: string, value: string) => {
    if (env[name] !== undefined && env[name] !== value) {
      throw new BackendTemplateError(`${name} has different values across functions (${fnName}); one process cannot hold both`);
    }
    env[name] = value;
  };
  for (const fn of Object.values(backend.functions)) {
    for (const [name, logicalId] of Object.entries(fn.resourceEnvironment)) {
      const type = backend.resourceTypes[logicalId];
      const value =
        type === 'AWS::DynamoDB::Table'
          ? local.tables[logicalId]
          : type === 'AWS::SQS::Queue'
            ? local.queues[logicalId]
            : type === 'AWS::StepFunctions::StateMachine'
              ? local.stateMachines[logicalId]
              : undefined;
      if (value === undefined) {
        if (name === PLATFORM_ROLE_ENV) continue;
        throw new BackendTemplateError(`${fn.handlerName} needs ${name} (a ${type ?? 'missing resource'}), which the local runtime does not emulate`);
      }
      set(fn.handlerName, name, value);
    }
    for (const [name, value] of Object.entries(fn.literalEnvironment)) {
      // Per-function settings (service name, NODE_OPTIONS) cannot be shared by one process; the handlers name
      // their own services. Everything else (e.g. HISTORY_RETENTION_DAYS) is the template's value.
      if (name === 'NODE_OPTIONS' || name === 'POWERTOOLS_SERVICE_NAME') continue;
      set(fn.handlerName, name, value);
    }
  }
  return env;
}

function applyEnvironment(env: Record<string, string>, sandbox: Sandbox | undefined, fromSource: boolean): void {
  if (fromSource) {
    // Handlers read their environment once, at module scope: a second runtime in this process would talk to the
    // first one's (stopped) parts.
    const fingerprint = JSON.stringify(env);
    if (sourceHandlersEnv !== undefined && sourceHandlersEnv !== fingerprint) {
      throw new LocalRuntimeError('The handlers of this process are already bound to another local runtime; start one runtime per process');
    }
    sourceHandlersEnv = fingerprint;
  }
  Object.assign(process.env, env);
  delete process.env[PLATFORM_ROLE_ENV];
  process.env.AWS_REGION ??= 'us-east-1';
  if (sandbox) {
    // The customer-account clients (STS, KMS, ACM, Secrets Manager, SSM) find the sandbox through the SDK's standard
    // endpoint setting and sign as its admin user; the platform clients are pinned by PLATFORM_*_ENDPOINT.
    process.env.AWS_ENDPOINT_URL = sandbox.endpoint;
    process.env.AWS_ACCESS_KEY_ID = sandbox.adminCredentials.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = sandbox.adminCredentials.secretAccessKey;
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
  }
}
