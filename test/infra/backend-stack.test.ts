import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { Match, Template } from 'aws-cdk-lib/assertions';
import aslValidator from 'asl-validator';
import { stateMachineDefinition, synthesizeBackendForTest } from '../support/backend-template';
import { CONSOLE_SECURITY_HEADERS } from '../../lib/console-security-headers';
import { CONSOLE_ROUTING_FUNCTION_CODE } from '../../lib/constructs/console-routing-function';
import { createBackendApp } from '../../lib/synth-backend';
import { ROUTE_TABLE } from '../../lambdas/api/route-table';
import { HEALTH_CHECK_RUN_DEADLINE_MS } from '../../lambdas/health/health-check-run';
import { synthesizeBackend } from '../../local/synthesized-backend';
import { COMMERCIAL_REGION_NAMES } from '../../lambdas/shared/regions';
import { CRYPTO_SERVICES } from '../../lambdas/inventory/asset';
import { FUNCTION_ENVIRONMENTS, type HandlerName } from '../../lambdas/shared/function-environments';

let template: Template;
let json: Record<string, any>;
let warnings: unknown[];
beforeAll(() => {
  // GIVEN the backend app with cdk-nag AwsSolutions attached (synthesis throws on any unacknowledged finding)
  ({ template, json, warnings } = synthesizeBackendForTest());
});

const resources = (type: string) =>
  Object.entries(json.Resources as Record<string, any>).filter(([, r]) => r.Type === type);

/** The policy statements attached to the execution role of the function whose handler is `handlerName`. */
function statementsOf(handlerName: string): any[] {
  const [, fn] = resources('AWS::Lambda::Function').find(
    ([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === `aqg-${handlerName}`,
  )!;
  const roleId = fn.Properties.Role['Fn::GetAtt'][0];
  return resources('AWS::IAM::Policy')
    .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
}
/** CDK's own handler that copies the console into its bucket (aws-s3-deployment); everything else is platform code. */
const isConsoleDeploymentHandler = (logicalId: string) => logicalId.startsWith('CustomCDKBucketDeployment');
const platformFunctions = () => resources('AWS::Lambda::Function').filter(([id]) => !isConsoleDeploymentHandler(id));
const actionsOf = (handlerName: string) =>
  statementsOf(handlerName)
    .flatMap((s) => [s.Action].flat())
    .filter((a: string) => !a.startsWith('logs:'))
    .sort();

describe('backend stack', () => {
  it('synthesizes cleanly under cdk-nag AwsSolutions, with no CDK annotation warnings', () => {
    expect(json.Resources).toBeDefined();
    expect(warnings).toEqual([]);
  });

  it('creates two on-demand tables with PITR, encryption, TTL and the documented indexes', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 2);
    template.allResourcesProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    });
    const indexNames = resources('AWS::DynamoDB::Table')
      .map(([, t]) => (t.Properties.GlobalSecondaryIndexes ?? []).map((g: any) => g.IndexName).sort().join(','))
      .sort();
    expect(indexNames).toEqual(['gsi1', 'gsi1,gsi2']);
  });

  it('runs every platform function on Node.js 22 / arm64 with JSON logs (the only other function is the console deployment handler)', () => {
    expect(resources('AWS::Lambda::Function').filter(([id]) => isConsoleDeploymentHandler(id))).toHaveLength(1);
    expect(platformFunctions()).toHaveLength(Object.keys(FUNCTION_ENVIRONMENTS).length);
    for (const [id, fn] of platformFunctions()) {
      expect({ id, ...fn.Properties }).toMatchObject({ id, Runtime: 'nodejs22.x', Architectures: ['arm64'], LoggingConfig: { LogFormat: 'JSON' } });
    }
  });

  it('records no X-Ray traces (no code records any): no function, stage or state machine traces, no role may send them', () => {
    template.allResourcesProperties('AWS::Lambda::Function', { TracingConfig: Match.absent() });
    template.allResourcesProperties('AWS::ApiGateway::Stage', { TracingEnabled: false });
    template.allResourcesProperties('AWS::StepFunctions::StateMachine', { TracingConfiguration: { Enabled: false } });
    const actions = resources('AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement.flatMap((s: any) => [s.Action].flat()));
    expect(actions.filter((a: string) => a.startsWith('xray:'))).toEqual([]);
  });

  it("sets each function's environment to exactly its handler's schema (lambdas/shared/function-environments.ts)", () => {
    const functions = platformFunctions().map(([, r]) => r.Properties.Environment.Variables as Record<string, unknown>);
    expect(functions.map((v) => v.POWERTOOLS_SERVICE_NAME).sort()).toEqual(Object.keys(FUNCTION_ENVIRONMENTS).map((h) => `aqg-${h}`).sort());
    for (const variables of functions) {
      const handlerName = String(variables.POWERTOOLS_SERVICE_NAME).replace(/^aqg-/, '') as HandlerName;
      const schema = FUNCTION_ENVIRONMENTS[handlerName] as unknown as { shape: Record<string, { safeParse(v: unknown): { success: boolean } }> };
      const required = Object.keys(schema.shape).filter((name) => !schema.shape[name]!.safeParse(undefined).success);
      const set = Object.keys(variables).filter((name) => name !== 'NODE_OPTIONS' && name !== 'POWERTOOLS_SERVICE_NAME');
      expect({ handlerName, missing: required.filter((name) => !set.includes(name)), unknown: set.filter((name) => !(name in schema.shape)) }).toEqual({
        handlerName,
        missing: [],
        unknown: [],
      });
    }
    // Set by the stack although optional in the schema: in AWS every caller chains through the platform access role.
    for (const name of ['accounts-api', 'crawl-prepare', 'crawl-service', 'event-processor', 'template-api']) {
      const [, fn] = resources('AWS::Lambda::Function').find(([, r]) => r.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME === `aqg-${name}`)!;
      expect(fn.Properties.Environment.Variables.PLATFORM_ACCESS_ROLE_ARN).toEqual({ 'Fn::GetAtt': ['PlatformAccessRole51CA9F1D', 'Arn'] });
    }
  });

  it('keeps the logical IDs of stateful resources (tables, queues, the role customers trust, the REST API)', () => {
    const ids = (type: string) => resources(type).map(([id]) => id).sort();
    expect(ids('AWS::DynamoDB::Table')).toEqual(['TablesControlDF2E6BDD', 'TablesInventoryF8594D2C']);
    expect(ids('AWS::SQS::Queue')).toEqual(['EventsDeadLetterQueue404572C7', 'EventsQueueB96EB0D2']);
    expect(ids('AWS::ApiGateway::RestApi')).toEqual(['ApiCD79AAA0']);
    expect(resources('AWS::IAM::Role').map(([id]) => id)).toContain('PlatformAccessRole51CA9F1D');
  });

  it('gives each function only the actions it uses, per table', () => {
    const control = 'Control';
    const inventory = 'Inventory';
    const expected: Record<string, Record<string, string[]>> = {
      authorizer: { [control]: ['GetItem'] },
      'openapi-api': {},
      'tokens-api': { [control]: ['GetItem', 'PutItem', 'Query', 'UpdateItem'] },
      'template-api': { [control]: ['GetItem', 'UpdateItem'] }, // UpdateItem: its rate-limit windows (RATE# only)
      'accounts-api': { [control]: ['GetItem', 'PutItem', 'Query', 'UpdateItem'], [inventory]: ['DeleteItem', 'GetItem', 'Query', 'UpdateItem'] },
      'ingestions-api': { [control]: ['GetItem', 'PutItem', 'Query', 'UpdateItem'] },
      'inventory-api': { [control]: ['GetItem', 'Query', 'UpdateItem'], [inventory]: ['GetItem', 'Query'] }, // UpdateItem: RATE# only
      'events-intake': { [control]: ['UpdateItem'] }, // its rate-limit windows (RATE# only)
      'event-processor': { [control]: ['GetItem', 'Query', 'UpdateItem'], [inventory]: ['DeleteItem', 'GetItem', 'PutItem', 'Query', 'UpdateItem'] },
      'crawl-prepare': { [control]: ['GetItem', 'Query'] },
      'crawl-service': { [control]: ['GetItem', 'PutItem', 'Query'], [inventory]: ['GetItem', 'Query', 'UpdateItem'] },
      'crawl-finalize': { [control]: ['GetItem', 'Query', 'UpdateItem'], [inventory]: ['GetItem', 'PutItem', 'Query', 'UpdateItem'] },
      'scheduled-ingestion': { [control]: ['GetItem', 'PutItem', 'Query', 'UpdateItem'] },
      'findings-api': { [control]: ['GetItem', 'Query', 'UpdateItem'], [inventory]: ['GetItem', 'PutItem', 'Query'] },
      'scheduled-findings': { [control]: ['Query'], [inventory]: ['GetItem', 'PutItem', 'Query'] },
      'crawl-execution-ended': { [control]: ['UpdateItem'] },
      'pipeline-health': { [control]: ['GetItem', 'PutItem', 'Query', 'UpdateItem'] },
    };
    for (const [handler, tables] of Object.entries(expected)) {
      const byTable: Record<string, string[]> = {};
      for (const st of statementsOf(handler)) {
        for (const resource of [st.Resource].flat()) {
          const ref = JSON.stringify(resource);
          const table = /TablesControl/.test(ref) ? control : /TablesInventory/.test(ref) ? inventory : undefined;
          if (!table || ref.includes('/index/')) continue;
          byTable[table] = [...new Set([...(byTable[table] ?? []), ...[st.Action].flat().map((a: string) => a.replace('dynamodb:', ''))])].sort();
        }
      }
      expect({ handler, byTable }).toEqual({ handler, byTable: tables });
    }
    expect(actionsOf('events-intake')).toEqual(['dynamodb:UpdateItem', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage']);
    for (const name of ['accounts-api', 'ingestions-api', 'scheduled-ingestion']) expect(actionsOf(name)).toContain('states:StartExecution');
    // Nobody scans, and no platform function holds a wildcard action (the console deployment handler: its own test).
    const deploymentRoles = resources('AWS::Lambda::Function')
      .filter(([id]) => isConsoleDeploymentHandler(id))
      .map(([, f]) => f.Properties.Role['Fn::GetAtt'][0]);
    for (const [, p] of resources('AWS::IAM::Policy').filter(([, p]) => !p.Properties.Roles.some((r: any) => deploymentRoles.includes(r.Ref)))) {
      for (const s of p.Properties.PolicyDocument.Statement) {
        for (const a of [s.Action].flat()) {
          expect(a).not.toMatch(/\*|dynamodb:Scan/);
        }
      }
    }
    // Only the functions that call customer accounts may assume the platform access role.
    const assumers = ['accounts-api', 'crawl-prepare', 'crawl-service', 'event-processor', 'pipeline-health'];
    for (const name of ['authorizer', 'tokens-api', 'template-api', 'ingestions-api', 'inventory-api', 'events-intake', 'crawl-finalize', 'scheduled-ingestion', 'openapi-api', 'crawl-execution-ended', 'findings-api', 'scheduled-findings']) {
      expect(actionsOf(name)).not.toContain('sts:AssumeRole');
    }
    for (const name of assumers) expect(actionsOf(name)).toContain('sts:AssumeRole');
  });

  it('checks every linked account’s pipeline every 6 hours with EventBridge Scheduler, through a role that may only invoke that function', () => {
    const [[, schedule]] = resources('AWS::Scheduler::Schedule');
    expect(schedule.Properties.ScheduleExpression).toBe('rate(6 hours)');
    const [fnId] = resources('AWS::Lambda::Function').find(([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'aqg-pipeline-health')!;
    expect(schedule.Properties.Target.Arn).toEqual({ 'Fn::GetAtt': [fnId, 'Arn'] });
    const roleId = schedule.Properties.Target.RoleArn['Fn::GetAtt'][0];
    const actions = resources('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement.flatMap((st: any) => [st.Action].flat()));
    expect([...new Set(actions)]).toEqual(['lambda:InvokeFunction']);
  });

  it('gives the pipeline health function the API’s public URL, so scheduled checks compare each destination’s endpoint', () => {
    // GIVEN the synthesized backend WHEN reading the health function's environment
    const [, fn] = resources('AWS::Lambda::Function').find(([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'aqg-pipeline-health')!;
    const url = fn.Properties.Environment.Variables.PUBLIC_API_URL;
    // THEN it is https://<the REST API's id>.execute-api.<region>.<suffix>/v1, what the template route derives from requests
    // (the test app's stack is in eu-west-1: test/support/backend-template.ts)
    const [restApiId] = resources('AWS::ApiGateway::RestApi').map(([id]) => id);
    expect(url).toEqual({
      'Fn::Join': ['', ['https://', { Ref: restApiId }, '.execute-api.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/v1']],
    });
    expect(FUNCTION_ENVIRONMENTS['pipeline-health'].shape.PUBLIC_API_URL.safeParse('https://abc123.execute-api.eu-west-1.amazonaws.com/v1').success).toBe(true);
    // AND the local runtime, which reads the same template, leaves it to its own --public-url
    expect(synthesizeBackend().functions['pipeline-health'].computedEnvironment).toEqual(['PUBLIC_API_URL']);
  });

  it('runs on-demand health checks in their own state machine, which the accounts API may start and which ends before a run’s deadline', () => {
    // GIVEN the runs state machine: one task, the pipeline health function
    const [fnId] = resources('AWS::Lambda::Function').find(([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'aqg-pipeline-health')!;
    const [runsId] = resources('AWS::StepFunctions::StateMachine').find(([id]) => id.includes('PipelineHealthRuns'))!;
    const asl = stateMachineDefinition(json, runsId);
    expect(Object.keys(asl.States)).toEqual(['RunHealthChecks']);
    expect(asl.States.RunHealthChecks.Resource).toBe(`arn:aws:lambda:eu-west-1:123456789012:function:${fnId}`);
    // THEN the whole execution is bounded, below the deadline after which a RUNNING run is failed
    expect(asl.TimeoutSeconds * 1000).toBeLessThan(HEALTH_CHECK_RUN_DEADLINE_MS);
    // AND the accounts API knows it and may start it (and nothing else of it)
    const [, accounts] = resources('AWS::Lambda::Function').find(([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'aqg-accounts-api')!;
    expect(accounts.Properties.Environment.Variables.HEALTH_CHECK_STATE_MACHINE_ARN).toEqual({ Ref: runsId });
    const onRuns = statementsOf('accounts-api').filter((st) => JSON.stringify(st.Resource).includes(runsId));
    expect(onRuns.flatMap((st) => [st.Action].flat())).toEqual(['states:StartExecution']);
  });

  it('lets the platform access role assume customer roles only with an ExternalId', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'AssumeCustomerRolesOnlyWithExternalId',
            Action: 'sts:AssumeRole',
            Resource: 'arn:aws:iam::*:role/*',
            Condition: { Null: { 'sts:ExternalId': 'false' } },
          }),
        ]),
      },
    });
  });

  it('never lets the platform access role assume a role of its own account or organization', () => {
    const statements = resources('AWS::IAM::Policy').flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    const own = statements.find((st: { Sid?: string }) => st.Sid === 'NeverAssumeRolesOfThePlatformAccount');
    expect(own).toMatchObject({ Effect: 'Deny', Action: 'sts:AssumeRole' });
    expect(JSON.stringify(own.Resource)).toContain(':iam::123456789012:role/*'); // the stack's own account
    expect(statements.find((st: { Sid?: string }) => st.Sid === 'NeverAssumeRolesOfThePlatformOrganization')).toMatchObject({
      Effect: 'Deny',
      Action: 'sts:AssumeRole',
      Resource: '*',
      Condition: { StringEquals: { 'aws:ResourceOrgID': '${aws:PrincipalOrgID}' } },
    });
  });

  it('limits every DynamoDB write to the item types the function owns (dynamodb:LeadingKeys)', () => {
    const writesOf = (handler: string) =>
      statementsOf(handler).filter((st) => [st.Action].flat().some((a: string) => /PutItem|UpdateItem|DeleteItem/.test(a)));
    const keysOf = (handler: string, table: 'Control' | 'Inventory') =>
      writesOf(handler)
        .filter((st) => JSON.stringify(st.Resource).includes(`Tables${table}`))
        .map((st) => st.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']);
    for (const handler of ['tokens-api', 'accounts-api', 'ingestions-api', 'event-processor', 'crawl-service', 'crawl-finalize', 'scheduled-ingestion', 'findings-api', 'scheduled-findings']) {
      for (const st of writesOf(handler)) expect(st.Condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys']).toBeDefined();
    }
    // The event processor cannot write token items; only the token routes can.
    expect(keysOf('event-processor', 'Control')).toEqual([['TENANT#*']]);
    expect(keysOf('tokens-api', 'Control')).toEqual([['TOKEN#*', 'TENANT#*'], ['RATE#*']]);
    for (const handler of ['accounts-api', 'ingestions-api', 'crawl-service', 'crawl-finalize', 'scheduled-ingestion']) {
      expect(keysOf(handler, 'Control').flat()).not.toContain('TOKEN#*');
    }
    expect(keysOf('events-intake', 'Control')).toEqual([['RATE#*']]);
    // Every API function counts its tokens' requests (lambdas/api/api-handler.ts); the read-only ones write nothing else.
    for (const handler of ['tokens-api', 'template-api', 'accounts-api', 'ingestions-api', 'inventory-api', 'findings-api']) {
      expect(keysOf(handler, 'Control')).toContainEqual(['RATE#*']);
    }
    expect(keysOf('inventory-api', 'Control')).toEqual([['RATE#*']]);
    expect(keysOf('template-api', 'Control')).toEqual([['RATE#*']]);
    expect(keysOf('findings-api', 'Control')).toEqual([['RATE#*']]);
    // Only the processor writes dedup markers.
    expect(keysOf('event-processor', 'Inventory')).toEqual([['ASSET#*', 'USAGE#*', 'EVENT#*']]);
    expect(keysOf('accounts-api', 'Inventory')).toEqual([['ASSET#*'], ['USAGE#*']]);
    // Usage edges: only the processor creates or changes them; the accounts API may only delete them (purge).
    const usageWriters = (handler: string) => writesOf(handler).filter((st) => JSON.stringify(st.Condition).includes('USAGE#'));
    expect(usageWriters('accounts-api').map((st) => st.Action)).toEqual(['dynamodb:DeleteItem']);
    for (const handler of ['tokens-api', 'ingestions-api', 'inventory-api', 'findings-api', 'crawl-service', 'crawl-finalize', 'scheduled-findings']) expect(usageWriters(handler)).toEqual([]);
    // Findings live under their asset's partition (lambdas/shared/table-schema.ts): their writers get ASSET# only.
    for (const handler of ['findings-api', 'scheduled-findings', 'crawl-finalize']) expect(keysOf(handler, 'Inventory')).toEqual([['ASSET#*']]);
  });

  it('reserves concurrency for the event processor and the crawl, and the event source stays within it', () => {
    const fnOf = (handler: string) => resources('AWS::Lambda::Function').find(([, r]) => r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === `aqg-${handler}`)?.[1];
    expect(fnOf('event-processor')?.Properties.ReservedConcurrentExecutions).toBe(10);
    expect(fnOf('crawl-service')?.Properties.ReservedConcurrentExecutions).toBe(150);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', { ScalingConfig: { MaximumConcurrency: 10 } });
  });

  describe('crawl state machine', () => {
    let asl: Record<string, any>;
    beforeAll(() => {
      asl = stateMachineDefinition(json);
    });

    it('is valid Amazon States Language', () => {
      const { isValid, errorsText } = aslValidator(asl as any, { checkArn: true, checkPaths: true });
      expect(errorsText ? errorsText() : '').toBe('');
      expect(isValid).toBe(true);
    });

    it('runs Prepare → Map(region × service) → Finalize, and a failed Prepare still reaches Finalize', () => {
      expect(asl.StartAt).toBe('Prepare');
      expect(asl.States.Prepare.Next).toBe('CrawlEachRegionAndService');
      expect(asl.States.Prepare.Catch).toEqual([
        expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'Finalize', ResultPath: '$.prepareError' }),
      ]);
      const map = asl.States.CrawlEachRegionAndService;
      expect(map.Type).toBe('Map');
      expect(map.Next).toBe('Finalize');
      expect(map.ResultPath).toBeNull();
      // every (region, service) of every commercial region can run at once
      expect(map.MaxConcurrency).toBeGreaterThanOrEqual(COMMERCIAL_REGION_NAMES.length * CRYPTO_SERVICES.length);
      expect(asl.States.Finalize.Next).toBe('CheckPipelineHealth');
    });

    it('checks the account’s pipeline health after Finalize, keeping the run’s output and never failing the run for it', () => {
      const check = asl.States.CheckPipelineHealth;
      expect(check.Parameters).toEqual({ 'tenantId.$': '$.tenantId', 'accountId.$': '$.accountId' });
      expect(check.ResultPath).toBeNull();
      expect(check.End).toBe(true);
      expect(check.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'HealthCheckFailed' })]);
      expect(asl.States.HealthCheckFailed).toMatchObject({ Type: 'Pass', End: true });
    });

    it('loops CrawlService while it answers CONTINUE and catches a failed item', () => {
      const inner = asl.States.CrawlEachRegionAndService.ItemProcessor;
      expect(inner.StartAt).toBe('CrawlService');
      expect(inner.States.CrawlService.Next).toBe('MoreToCrawl');
      expect(inner.States.CrawlService.Catch[0]).toMatchObject({ ErrorEquals: ['States.ALL'], Next: 'ItemFailed' });
      expect(inner.States.CrawlService.Retry.length).toBeGreaterThan(0);
      expect(inner.States.MoreToCrawl.Choices[0]).toMatchObject({ Variable: '$.status', StringEquals: 'CONTINUE', Next: 'CrawlService' });
    });

    it('passes each task its whole state (no Parameters rewriting) and never puts credentials in state: items carry ids only', () => {
      const inner = asl.States.CrawlEachRegionAndService.ItemProcessor.States;
      for (const task of [asl.States.Prepare, asl.States.Finalize, inner.CrawlService]) expect(task.Parameters).toBeUndefined();
      const selector = asl.States.CrawlEachRegionAndService.ItemSelector;
      expect(Object.keys(selector).sort()).toEqual(['accountId.$', 'ingestionId.$', 'region.$', 'service.$', 'tenantId.$']);
    });

    it('ends every run: a failed Map still reaches Finalize, and an execution that ends unfinished is closed by a rule', () => {
      expect(asl.States.CrawlEachRegionAndService.Catch).toEqual([
        expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'Finalize', ResultPath: '$.crawlError' }),
      ]);
      // a crawl part that failed on a platform error (after the SDK's retries) is retried before it counts as failed
      const retry = asl.States.CrawlEachRegionAndService.ItemProcessor.States.CrawlService.Retry;
      expect(retry.flatMap((r: { ErrorEquals: string[] }) => r.ErrorEquals)).toContain('States.TaskFailed');
      const [[ruleId, rule]] = resources('AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern?.source?.[0] === 'aws.states');
      expect({ ruleId, pattern: rule.Properties.EventPattern }).toEqual({
        ruleId,
        pattern: {
          source: ['aws.states'],
          'detail-type': ['Step Functions Execution Status Change'],
          detail: { stateMachineArn: [expect.objectContaining({ Ref: expect.stringMatching(/^CrawlStateMachine/) })], status: ['ABORTED', 'TIMED_OUT', 'FAILED'] },
        },
      });
      const target = JSON.stringify(rule.Properties.Targets);
      const [[fnId]] = resources('AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME === 'aqg-crawl-execution-ended');
      expect(target).toContain(fnId);
    });

    it('logs executions with their data', () => {
      template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
        LoggingConfiguration: Match.objectLike({ Level: 'ALL', IncludeExecutionData: true }),
      });
    });
  });

  describe('API', () => {
    it('serves stage v1 with throttling and access logs', () => {
      template.hasResourceProperties('AWS::ApiGateway::Stage', {
        StageName: 'v1',
        AccessLogSetting: Match.objectLike({ DestinationArn: Match.anyValue() }),
        MethodSettings: Match.arrayWith([Match.objectLike({ ThrottlingRateLimit: 1000, ThrottlingBurstLimit: 2000, DataTraceEnabled: false })]),
      });
    });

    it('authenticates every route but the OpenAPI document with the X-API-Key authorizer, never API Gateway API keys', () => {
      template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
        Type: 'REQUEST',
        IdentitySource: 'method.request.header.X-API-Key',
        // One second: revocation within 1 s, and a flood costs one authorizer call per second per token.
        AuthorizerResultTtlInSeconds: 1,
      });
      const methods = resources('AWS::ApiGateway::Method').map(([, m]) => m.Properties);
      expect(methods).toHaveLength(ROUTE_TABLE.length); // one method per route of the table, no other
      const open = methods.filter((m) => m.AuthorizationType === 'NONE');
      expect(open).toHaveLength(1);
      expect(methods.every((m) => !m.ApiKeyRequired)).toBe(true);
      expect(methods.filter((m) => m.AuthorizationType === 'CUSTOM')).toHaveLength(ROUTE_TABLE.length - 1); // all but the OpenAPI document
    });

    it('answers API Gateway errors in the API error shape; an authorizer failure is a 503 with Retry-After, never a 401', () => {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', { ResponseType: 'UNAUTHORIZED', StatusCode: '401' });
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', { ResponseType: 'ACCESS_DENIED', StatusCode: '403' });
      for (const type of ['AUTHORIZER_FAILURE', 'AUTHORIZER_CONFIGURATION_ERROR']) {
        const [[, response], ...others] = resources('AWS::ApiGateway::GatewayResponse').filter(([, r]) => r.Properties.ResponseType === type);
        expect(others).toEqual([]);
        expect(response.Properties).toMatchObject({
          StatusCode: '503',
          ResponseParameters: { 'gatewayresponse.header.Retry-After': "'5'", 'gatewayresponse.header.Content-Type': "'application/json'" },
        });
        expect(JSON.parse(response.Properties.ResponseTemplates['application/json'])).toEqual({ error: { code: 'ServiceUnavailable', message: expect.stringContaining('Retry-After') } });
      }
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: 'DEFAULT_5XX',
        ResponseTemplates: { 'application/json': Match.stringLikeRegexp('"error"') },
      });
    });
  });

  it('queues events durably with a DLQ and feeds the processor with partial batch failures', () => {
    template.hasResourceProperties('AWS::SQS::Queue', {
      RedrivePolicy: Match.objectLike({ maxReceiveCount: 5 }),
      MaximumMessageSize: 1048576,
      SqsManagedSseEnabled: true,
    });
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets the processor send poison records to the dead-letter queue and delayed retries to the queue: SendMessage only', () => {
    // lambdas/events/poison-records.ts: dead-lettered after one attempt with the reason, not after maxReceiveCount.
    // (Its event source mapping adds the receive/delete/visibility actions on the events queue.)
    const sends = statementsOf('event-processor').filter((s) => [s.Action].flat().includes('sqs:SendMessage'));
    expect(sends.map((s) => ({ actions: [s.Action].flat(), resource: s.Resource }))).toEqual([
      { actions: ['sqs:SendMessage'], resource: { 'Fn::GetAtt': ['EventsDeadLetterQueue404572C7', 'Arn'] } },
      { actions: ['sqs:SendMessage'], resource: { 'Fn::GetAtt': ['EventsQueueB96EB0D2', 'Arn'] } },
    ]);
    const onDeadLetterQueue = statementsOf('event-processor').filter((s) => JSON.stringify(s.Resource).includes('EventsDeadLetterQueue'));
    expect(onDeadLetterQueue.flatMap((s) => [s.Action].flat())).toEqual(['sqs:SendMessage']);
  });

  it('re-ingests every linked account daily', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(17 3 * * ? *)' });
  });
});

describe('backend stack: the console in AWS', () => {
  const ofType = (type: string) => {
    const found = resources(type);
    expect(found).toHaveLength(1);
    return found[0]![1].Properties;
  };
  const consoleBucketId = () => resources('AWS::S3::Bucket').find(([id]) => id.startsWith('ConsoleFiles'))![0];

  it('keeps the console files in a private, encrypted, SSL-only bucket with access logs', () => {
    template.resourceCountIs('AWS::S3::Bucket', 2);
    template.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    const [logsId] = resources('AWS::S3::Bucket').find(([id]) => id.startsWith('ConsoleAccessLogs'))!;
    template.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 's3/' },
    });
    for (const [id] of resources('AWS::S3::Bucket')) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Action: 's3:*', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });

  it('lets only this distribution read the console bucket, through origin access control', () => {
    const oac = ofType('AWS::CloudFront::OriginAccessControl');
    expect(oac.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    const policy = resources('AWS::S3::BucketPolicy').find(([, p]) => p.Properties.Bucket.Ref === consoleBucketId())![1];
    const reads = policy.Properties.PolicyDocument.Statement.filter((s: any) => s.Effect === 'Allow');
    expect(reads).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Principal: { Service: 'cloudfront.amazonaws.com' },
        Condition: { StringEquals: { 'AWS:SourceArn': expect.anything() } },
      }),
    ]);
    expect(JSON.stringify(reads[0].Condition)).toContain('ConsoleDistribution');
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
  });

  it('serves the console over HTTPS only with the security headers of lib/console-security-headers.ts', () => {
    const config = ofType('AWS::CloudFront::Distribution').DistributionConfig;
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    expect(config.DefaultCacheBehavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'] });
    expect(config.CustomErrorResponses).toBeUndefined(); // they would turn the API's 403/404 into index.html
    const headers = ofType('AWS::CloudFront::ResponseHeadersPolicy').ResponseHeadersPolicyConfig.SecurityHeadersConfig;
    expect(headers).toEqual({
      ContentSecurityPolicy: { ContentSecurityPolicy: CONSOLE_SECURITY_HEADERS['content-security-policy'], Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: CONSOLE_SECURITY_HEADERS['x-frame-options'], Override: true },
      ReferrerPolicy: { ReferrerPolicy: CONSOLE_SECURITY_HEADERS['referrer-policy'], Override: true },
      StrictTransportSecurity: { AccessControlMaxAgeSec: 31536000, IncludeSubdomains: true, Override: true },
    });
    const [policyId] = resources('AWS::CloudFront::ResponseHeadersPolicy')[0]!;
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
  });

  it('rewrites console routes to /index.html in a viewer-request function on the default behavior only', () => {
    const fn = ofType('AWS::CloudFront::Function');
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.FunctionCode).toBe(CONSOLE_ROUTING_FUNCTION_CODE);
    const config = ofType('AWS::CloudFront::Distribution').DistributionConfig;
    const [fnId] = resources('AWS::CloudFront::Function')[0]!;
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionARN'] } }]);
    for (const behavior of config.CacheBehaviors) expect(behavior.FunctionAssociations).toBeUndefined();
  });

  it('routes /v1/* to the API Gateway stage, uncached, with every viewer header but Host (X-API-Key included)', () => {
    const config = ofType('AWS::CloudFront::Distribution').DistributionConfig;
    expect(config.CacheBehaviors).toHaveLength(1);
    const [api] = config.CacheBehaviors;
    // Managed policies: CachingDisabled and AllViewerExceptHostHeader.
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-cache-policies.html
    expect(api).toMatchObject({
      PathPattern: '/v1/*',
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
    });
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(origin.OriginPath).toBeUndefined();
    expect(origin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(JSON.stringify(origin.DomainName)).toContain('ApiCD79AAA0');
    expect(JSON.stringify(origin.DomainName)).toContain('.execute-api.');
  });

  it('deploys hashed assets (cached for a year) before index.html (never cached), and outputs the console URL', () => {
    const deployments = resources('Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(2);
    const [[assetsId, assets], [indexId, index]] = [...deployments].sort(([a], [b]) => a.localeCompare(b));
    expect(assetsId).toMatch(/^ConsoleDeployAssets/);
    expect(indexId).toMatch(/^ConsoleDeployIndex/);
    expect(assets.Properties).toMatchObject({ DestinationBucketName: { Ref: consoleBucketId() }, Prune: false, Exclude: ['index.html'], SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } });
    expect(index.Properties).toMatchObject({ DestinationBucketName: { Ref: consoleBucketId() }, Prune: false, SystemMetadata: { 'cache-control': 'no-cache' } });
    expect(index.DependsOn).toEqual(expect.arrayContaining([assetsId]));
    // The deployment handler writes only the console bucket (and reads CDK's staging bucket).
    const [, handler] = resources('AWS::Lambda::Function').find(([id]) => isConsoleDeploymentHandler(id))!;
    const roleId = handler.Properties.Role['Fn::GetAtt'][0];
    const statements = resources('AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
    const writes = statements.filter((s: any) => [s.Action].flat().some((a: string) => /Put|Delete/.test(a)));
    expect(writes.length).toBeGreaterThan(0);
    for (const s of writes) expect(JSON.stringify(s.Resource)).toContain(consoleBucketId());
    template.hasOutput('ConsoleUrl', { Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [resources('AWS::CloudFront::Distribution')[0]![0], 'DomainName'] }]] } });
  });
});

describe('the console routing function (CloudFront Functions runtime)', () => {
  const handler = vm.runInNewContext(`${CONSOLE_ROUTING_FUNCTION_CODE}; handler`) as (e: unknown) => { uri: string };
  const route = (uri: string) => handler({ request: { uri, querystring: {}, headers: {} } }).uri;
  it('serves index.html for console routes, including ids with dots, and passes assets through', () => {
    expect(route('/')).toBe('/index.html');
    expect(route('/inventory')).toBe('/index.html');
    expect(route('/inventory/arn:aws:acm:eu-west-1:111122223333:certificate/a.b')).toBe('/index.html');
    expect(route('/data-sources/aws/accounts/111122223333')).toBe('/index.html');
    expect(route('/assets/main-ABC123.js')).toBe('/assets/main-ABC123.js');
    expect(route('/assets/missing.js')).toBe('/assets/missing.js');
  });
});

describe('createBackendApp without a console build', () => {
  it('names the command that builds it', () => {
    expect(() => createBackendApp({ consoleDistDir: join(tmpdir(), 'aqg-no-console-build') })).toThrow(/npm run console:build/);
  });
});
