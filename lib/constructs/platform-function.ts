import * as path from 'node:path';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as iam from 'aws-cdk-lib/aws-iam';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';

export interface PlatformFunctionProps {
  /** Handler file name in lambdas/handlers/, without extension (e.g. "crawl-service"). */
  readonly handlerName: string;
  readonly description: string;
  readonly environment?: Record<string, string>;
  /** @default 30 seconds */
  readonly timeout?: Duration;
  /** @default 512 MiB */
  readonly memorySize?: number;
  /** Use this execution role instead of a new one. @default - a new role with only basic logging and X-Ray */
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
 * a log group with retention, X-Ray tracing, Powertools service name, and an execution role that starts empty:
 * each function gets its own role holding only its own permissions (no AWS managed policies).
 */
export class PlatformFunction extends Construct {
  public readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: PlatformFunctionProps) {
    super(scope, id);
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
      tracing: lambda.Tracing.ACTIVE,
      loggingFormat: lambda.LoggingFormat.JSON,
      logGroup,
      role,
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: `aqg-${props.handlerName}`,
        POWERTOOLS_METRICS_NAMESPACE: 'AQtiveGuard',
        ...props.environment,
      },
      bundling: {
        format: OutputFormat.CJS,
        target: 'node22',
        minify: true,
        sourceMap: true,
        externalModules: BUNDLE_EXTERNAL_MODULES,
      },
    });
    if (!props.role) {
      // Only what every function needs: write its own logs (the log group above) and send traces.
      logGroup.grantWrite(role);
      role.addToPrincipalPolicy(
        new iam.PolicyStatement({ actions: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], resources: ['*'] }),
      );
      Validations.of(role).acknowledge({
        id: 'AwsSolutions-IAM5[Resource::*]',
        reason: 'X-Ray PutTraceSegments/PutTelemetryRecords support no resource-level permissions; no other action uses "*".',
      });
    }
    Validations.of(this.function).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'Node.js 22 is the runtime this code is built and tested for (the platform requirement); moving to 24 is a tested upgrade, not a default.',
    });
  }
}
