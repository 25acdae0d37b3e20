import './promise-with-resolvers';
import { randomUUID } from 'node:crypto';
import { ExecutionError, ExecutionTimeoutError, StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { BackendTemplateError, LOCAL_ACCOUNT, LOCAL_REGION, type LocalStateMachine } from './backend-template';
import { AwsJsonError } from './aws-json-error';

/** Invokes a local function; throws its error as the handler threw it. */
export type InvokeFunction = (handlerName: string, payload: unknown) => Promise<unknown>;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface ExecutionDescription {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly status: ExecutionStatus;
  readonly startDate: Date;
  readonly stopDate?: Date;
  readonly input: string;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
}

interface Execution extends ExecutionDescription {
  readonly done: Promise<void>;
  abort(): void;
}

interface Machine {
  readonly arn: string;
  readonly name: string;
  readonly definition: StateMachineDefinition;
  /** Task state name → handler name (state names are unique across the whole definition, Map processors included). */
  readonly taskHandlers: Readonly<Record<string, string>>;
}

const LAMBDA_INVOKE_INTEGRATION = 'arn:aws:states:::lambda:invoke';
const FUNCTION_ARN = new RegExp(`^arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:([a-z0-9-]+)$`);
/** How much longer than the function's timeout a Task state may run before Step Functions gives up on it. */
const STATE_TIMEOUT_MARGIN_SECONDS = 5;

export const localStateMachineArn = (name: string) => `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;

/** A Lambda error as Step Functions sees it: Error = errorType, Cause = the JSON error payload. */
class LambdaFunctionError extends Error {
  constructor(err: unknown) {
    const e = err instanceof Error ? err : new Error(String(err));
    super(JSON.stringify({ errorType: e.name, errorMessage: e.message, trace: (e.stack ?? '').split('\n') }));
    this.name = e.name;
  }
}

/**
 * Step Functions, locally: executions of the synthesized ASL run by aws-local-stepfunctions, with every Lambda task
 * mapped to the local handler (by state name). Serves StartExecution and DescribeExecution as the SDK calls them.
 */
export class LocalStepFunctions {
  private readonly machines = new Map<string, Machine>();
  private readonly executions = new Map<string, Execution>();

  constructor(
    machines: ReadonlyArray<{ readonly name: string; readonly machine: LocalStateMachine }>,
    private readonly invoke: InvokeFunction,
    functionTimeoutSeconds: (handlerName: string) => number,
    /**
     * Told when an execution ends in any status but SUCCEEDED, as EventBridge's "Execution Status Change" events tell
     * a rule in AWS. Its errors go to `onError`; the execution's end waits for it.
     */
    private readonly onExecutionEnded?: (execution: ExecutionDescription) => Promise<void>,
  ) {
    for (const { name, machine } of machines) {
      const taskHandlers: Record<string, string> = {};
      const definition = prepareDefinition(machine, taskHandlers, functionTimeoutSeconds);
      const arn = localStateMachineArn(name);
      this.machines.set(arn, { arn, name, definition, taskHandlers });
    }
  }

  /** Handler names of every task, so they can be loaded at start-up. */
  get taskHandlerNames(): string[] {
    return [...this.machines.values()].flatMap((m) => Object.values(m.taskHandlers));
  }

  /** https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html */
  startExecution(request: { stateMachineArn?: string; name?: string; input?: string }): { executionArn: string; startDate: Date } {
    const machine = request.stateMachineArn ? this.machines.get(request.stateMachineArn) : undefined;
    if (!machine) throw new AwsJsonError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${request.stateMachineArn}'`);
    const name = request.name ?? randomUUID();
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new AwsJsonError('InvalidName', `Invalid Name: '${name}'`);
    const inputText = request.input ?? '{}';
    let input: unknown;
    try {
      input = JSON.parse(inputText);
    } catch {
      throw new AwsJsonError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not valid JSON');
    }
    const executionArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${machine.name}:${name}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // Idempotent for a running execution with the same input; otherwise the name is taken.
      if (existing.status === 'RUNNING' && existing.input === inputText) return { executionArn, startDate: existing.startDate };
      throw new AwsJsonError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    this.executions.set(executionArn, this.run(machine, executionArn, name, inputText, input));
    return { executionArn, startDate: this.executions.get(executionArn)!.startDate };
  }

  /** https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeExecution.html */
  describeExecution(request: { executionArn?: string }): ExecutionDescription {
    const execution = request.executionArn ? this.executions.get(request.executionArn) : undefined;
    if (!execution) throw new AwsJsonError('ExecutionDoesNotExist', `Execution Does Not Exist: '${request.executionArn}'`);
    const { done: _done, abort: _abort, ...description } = execution;
    return description;
  }

  /** Resolves when no execution is running. */
  async idle(): Promise<void> {
    await Promise.all([...this.executions.values()].map((e) => e.done));
  }

  /** Aborts running executions (they end ABORTED). */
  async stop(): Promise<void> {
    for (const e of this.executions.values()) if (e.status === 'RUNNING') e.abort();
    await this.idle();
  }

  private run(machine: Machine, executionArn: string, name: string, inputText: string, input: unknown): Execution {
    const startDate = new Date();
    const overrides = Object.fromEntries(
      Object.entries(machine.taskHandlers).map(([stateName, handlerName]) => [stateName, this.taskHandler(handlerName)]),
    );
    const sm = new StateMachine(machine.definition, { validationOptions: { checkArn: false } });
    const execution = sm.run(input as never, {
      overrides: { taskResourceLocalHandlers: overrides },
      context: {
        Execution: { Id: executionArn, Name: name, RoleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local-step-functions` },
        StateMachine: { Id: machine.arn, Name: machine.name },
      },
    });
    const record: { -readonly [K in keyof Execution]: Execution[K] } = {
      executionArn,
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      startDate,
      input: inputText,
      abort: () => execution.abort(),
      done: Promise.resolve(),
    };
    record.done = execution.result.then(
      (output) => {
        Object.assign(record, { status: 'SUCCEEDED', stopDate: new Date(), output: JSON.stringify(output ?? null) });
      },
      async (err: unknown) => {
        const failure = describeFailure(err);
        Object.assign(record, { stopDate: new Date(), ...failure });
        const { done: _done, abort: _abort, ...description } = record;
        await this.onExecutionEnded?.(description);
      },
    );
    return record;
  }

  /**
   * Our tasks use the function ARN as Resource (payloadResponseOnly): aws-local-stepfunctions hands the local handler
   * the state's effective input (after InputPath/Parameters), which is exactly the Lambda payload, and the handler's
   * return value is the task result.
   */
  private taskHandler(handlerName: string) {
    return async (input: unknown) => {
      try {
        return (await this.invoke(handlerName, input)) as never;
      } catch (err) {
        throw new LambdaFunctionError(err);
      }
    };
  }
}

function describeFailure(err: unknown): Partial<ExecutionDescription> {
  if (err instanceof ExecutionTimeoutError) return { status: 'TIMED_OUT', error: 'States.Timeout' };
  if (err instanceof Error && err.name === 'ExecutionAbortedError') return { status: 'ABORTED' };
  const cause = err instanceof ExecutionError ? (err.cause as Error | undefined) : (err as Error | undefined);
  return { status: 'FAILED', error: cause?.name ?? 'States.Runtime', cause: cause?.message ?? String(err) };
}

/**
 * Maps each Lambda Task to its handler and checks the definition holds only what is emulated. One adaptation, to
 * keep AWS semantics: a Task without TimeoutSeconds has no state timeout in AWS (the function's own timeout bounds
 * it), while aws-local-stepfunctions defaults to 60 s; such tasks get the function's timeout plus a margin.
 */
function prepareDefinition(
  machine: LocalStateMachine,
  taskHandlers: Record<string, string>,
  functionTimeoutSeconds: (handlerName: string) => number,
): StateMachineDefinition {
  const definition = structuredClone(machine.definition) as unknown as StateMachineDefinition;
  const visit = (states: Record<string, Record<string, unknown>>) => {
    for (const [stateName, state] of Object.entries(states)) {
      if (state.Type === 'Task') {
        const resource = String(state.Resource);
        if (resource === LAMBDA_INVOKE_INTEGRATION) {
          throw new BackendTemplateError(
            `State ${stateName}: ${LAMBDA_INVOKE_INTEGRATION} tasks are not emulated yet (only function-ARN tasks, payloadResponseOnly)`,
          );
        }
        const handlerName = resource.match(FUNCTION_ARN)?.[1];
        if (!handlerName) throw new BackendTemplateError(`State ${stateName}: resource ${resource} is not a local Lambda function`);
        if ('Parameters' in state && (typeof state.Parameters !== 'object' || state.Parameters === null)) {
          // CDK renders LambdaInvoke({payload: TaskInput.fromJsonPathAt('$'), payloadResponseOnly: true}) as the
          // string "Parameters": "$" (aws/aws-cdk#34260): the function would receive the literal string "$".
          throw new BackendTemplateError(
            `State ${stateName}: "Parameters" must be a JSON object, got ${JSON.stringify(state.Parameters)}. ` +
              'With payloadResponseOnly, omit `payload` to pass the whole state input (aws/aws-cdk#34260).',
          );
        }
        if (taskHandlers[stateName] && taskHandlers[stateName] !== handlerName) {
          throw new BackendTemplateError(`Two Task states are named ${stateName}; local handlers are mapped by state name`);
        }
        taskHandlers[stateName] = handlerName;
        if (state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
          state.TimeoutSeconds = functionTimeoutSeconds(handlerName) + STATE_TIMEOUT_MARGIN_SECONDS;
        }
      }
      const processor = (state.ItemProcessor ?? state.Iterator) as { States?: Record<string, Record<string, unknown>> } | undefined;
      if (processor?.States) visit(processor.States);
      for (const branch of (state.Branches ?? []) as Array<{ States: Record<string, Record<string, unknown>> }>) visit(branch.States);
    }
  };
  visit((definition as unknown as { States: Record<string, Record<string, unknown>> }).States);
  return definition;
}
