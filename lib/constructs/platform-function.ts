import * as path from 'node:path';
import { Duration, RemovalPolicy, Token, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { z } from 'zod';
import { FUNCTION_ENVIRONMENTS, type EnvironmentVariables, type HandlerName } from '../../lambdas/shared/function-environments';

export interface PlatformFunctionProps<H extends HandlerName> {
  /** Handler file name in lambdas/handlers/, without extension (e.g. "crawl-service"). */
  readonly handlerName: H;
  readonly description: string;
  /**
   * The handler's variables, typed by its schema in lambdas/shared/function-environments.ts. Variables whose value
   * exists only later (an ARN of a resource that needs this function first) are set with `addEnvironment`; synthesis
   * fails if a required one is still missing. @default - none yet
   */
  readonly environment?: Partial<EnvironmentVariables<H>>;
  /** @default 30 seconds */
  readonly timeout?: Duration;
  /** @default 512 MiB */
  readonly memorySize?: number;
  /** Use this execution role instead of a new one. @default - a new role that may only write the function's own logs */
  readonly role?: iam.IRole;
  /** Days to keep the function's logs. @default one month */
  readonly logRetention?: logs.RetentionDays;
}

const PROJECT_ROOT = path.join(__dirname, '..', '..');
export const HANDLERS_DIR = path.join(PROJECT_ROOT, 'lambdas', 'handlers');

/**
 * Bundle everything, the SDK included (NodejsFunction externalizes it by default: the runtime's copy may be another
 * version than the one the tests ran against) — except the CycloneDX library's optional XML serializers, which it
 * loads inside try/catch and we never use (JSON only): esbuild cannot resolve them, as they are not installed.
 */
export const BUNDLE_EXTERNAL_MODULES = ['xmlbuilder2', 'libxmljs2'];

/**
 * Every backend Lambda is built the same way: Node.js 22 on arm64, esbuild bundle with source maps, JSON logs into
 * a log group with retention, Powertools service name, and an execution role that starts empty: each function gets
 * its own role holding only its own permissions (no AWS managed policies). X-Ray tracing is off: no code records
 * traces (lambdas/shared/powertools.ts).
 *
 * The environment is checked at synthesis against the handler's schema, the same one the handler parses at init:
 * every required variable is set, and every value known at synthesis (not a token) is valid.
 */
export class PlatformFunction<H extends HandlerName = HandlerName> extends Construct {
  public readonly function: NodejsFunction;
  public readonly handlerName: H;
  private readonly variables: Record<string, string> = {};

  constructor(scope: Construct, id: string, props: PlatformFunctionProps<H>) {
    super(scope, id);
    this.handlerName = props.handlerName;
    const logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const role =
      props.role ??
      new iam.Role(this, 'Role', {
        assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
        description: `Execution role of the ${props.handlerName} function`,
      });
    this.function = new NodejsFunction(this, 'Function', {
      entry: path.join(HANDLERS_DIR, `${props.handlerName}.ts`),
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: path.join(PROJECT_ROOT, 'package-lock.json'),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: lambda.Tracing.DISABLED,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup,
      role,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: `aqg-${props.handlerName}`,
      },
      bundling: {
        format: OutputFormat.CJS,
        target: 'node22',
        minify: true,
        sourceMap: true,
        externalModules: BUNDLE_EXTERNAL_MODULES,
      },
    });
    // Only what every function needs: write its own logs (the log group above).
    if (!props.role) logGroup.grantWrite(role);
    for (const [name, value] of Object.entries(props.environment ?? {})) {
      this.addEnvironment(name as keyof EnvironmentVariables<H> & string, value as string);
    }
    this.node.addValidation({ validate: () => this.environmentErrors() });
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime this code is built and tested for (the platform requirement); moving to 24 is a tested upgrade, not a default.',
    });
  }

  /** Sets one of the handler's variables (lambdas/shared/function-environments.ts). */
  addEnvironment<K extends keyof EnvironmentVariables<H> & string>(name: K, value: string): this {
    this.variables[name] = value;
    this.function.addEnvironment(name, value);
    return this;
  }

  /** NODE_OPTIONS and POWERTOOLS_SERVICE_NAME are the construct's own; every other variable comes from the schema. */
  private environmentErrors(): string[] {
    const schema = FUNCTION_ENVIRONMENTS[this.handlerName] as unknown as z.ZodObject<Record<string, z.ZodType>>;
    const errors: string[] = [];
    for (const [name, field] of Object.entries(schema.shape)) {
      const value = this.variables[name];
      if (value === undefined) {
        if (!field.safeParse(undefined).success) errors.push(`${this.handlerName}: environment variable ${name} is required but not set`);
      } else if (!Token.isUnresolved(value)) {
        const parsed = field.safeParse(value);
        if (!parsed.success) errors.push(`${this.handlerName}: environment variable ${name}=${JSON.stringify(value)} is invalid: ${parsed.error.issues[0]?.message}`);
      }
    }
    for (const name of Object.keys(this.variables)) {
      if (!(name in schema.shape)) errors.push(`${this.handlerName}: environment variable ${name} is not in its schema`);
    }
    return errors;
  }
}
