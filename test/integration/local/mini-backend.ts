import type { CfnTemplate } from '../../../local/backend-template';

/**
 * A small backend template with the same shapes CDK synthesizes for lib/backend-stack.ts (tables, a REST API with a
 * REQUEST authorizer, an SQS-fed function, a state machine whose DefinitionString joins Lambda ARNs), so the embedded
 * parts are tested with tiny fake handlers, independently of the real ones.
 */
const fn = (name: string, env: Record<string, unknown> = {}, timeout = 30) => ({
  Type: 'AWS::Lambda::Function',
  Properties: {
    Timeout: timeout,
    Environment: {
      Variables: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: `aqg-${name}`,
        CONTROL_TABLE_NAME: { Ref: 'TablesControlDF2E6BDD' },
        ...env,
      },
    },
  },
});
const uri = (fnId: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':apigateway:', { Ref: 'AWS::Region' }, ':lambda:path/2015-03-31/functions/', { 'Fn::GetAtt': [fnId, 'Arn'] }, '/invocations']],
});
const method = (resourceId: unknown, httpMethod: string, fnId: string, auth: 'NONE' | 'CUSTOM' = 'CUSTOM') => ({
  Type: 'AWS::ApiGateway::Method',
  Properties: {
    HttpMethod: httpMethod,
    AuthorizationType: auth,
    ...(auth === 'CUSTOM' ? { AuthorizerId: { Ref: 'ApiAuth' } } : {}),
    Integration: { Type: 'AWS_PROXY', IntegrationHttpMethod: 'POST', Uri: uri(fnId) },
    ResourceId: resourceId,
    RestApiId: { Ref: 'Api' },
  },
});
const table = {
  Type: 'AWS::DynamoDB::Table',
  Properties: {
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'gsi1pk', AttributeType: 'S' },
      { AttributeName: 'gsi1sk', AttributeType: 'S' },
    ],
    BillingMode: 'PAY_PER_REQUEST',
    GlobalSecondaryIndexes: [
      {
        IndexName: 'gsi1',
        KeySchema: [
          { AttributeName: 'gsi1pk', KeyType: 'HASH' },
          { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  },
};
const root = { 'Fn::GetAtt': ['Api', 'RootResourceId'] };
const definition = (arn: (id: string) => unknown) => ({
  'Fn::Join': [
    '',
    [
      '{"StartAt":"First","States":{"First":{"Type":"Task","Resource":"',
      arn('TaskFn'),
      '","Next":"Each"},"Each":{"Type":"Map","ItemsPath":"$.items","ItemSelector":{"v.$":"$$.Map.Item.Value"},"ResultPath":"$.results","ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Inner","States":{"Inner":{"Type":"Task","Resource":"',
      arn('InnerFn'),
      '","Retry":[{"ErrorEquals":["States.TaskFailed"],"IntervalSeconds":1,"MaxAttempts":1}],"End":true}}},"End":true}},"TimeoutSeconds":60}',
    ],
  ],
});

export function miniTemplate(): CfnTemplate {
  return {
    Resources: {
      TablesControlDF2E6BDD: table,
      Queue0A1B2C3D: { Type: 'AWS::SQS::Queue', Properties: { VisibilityTimeout: 30, RedrivePolicy: { maxReceiveCount: 2 } } },
      AuthFn: fn('authorizer', { AUTHORIZER_CACHE_TTL_SECONDS: '60' }),
      EchoFn: fn('echo-api'),
      SendFn: fn('send-api', { EVENTS_QUEUE_URL: { Ref: 'Queue0A1B2C3D' } }),
      StartFn: fn('start-api', { CRAWL_STATE_MACHINE_ARN: { Ref: 'Machine11112222' }, PLATFORM_ACCESS_ROLE_ARN: { 'Fn::GetAtt': ['Role', 'Arn'] } }),
      ConsumerFn: fn('consumer'),
      TaskFn: fn('first-task'),
      InnerFn: fn('inner-task', {}, 1),
      Role: { Type: 'AWS::IAM::Role' },
      Mapping: {
        Type: 'AWS::Lambda::EventSourceMapping',
        Properties: {
          BatchSize: 3,
          MaximumBatchingWindowInSeconds: 0,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          EventSourceArn: { 'Fn::GetAtt': ['Queue0A1B2C3D', 'Arn'] },
          FunctionName: { Ref: 'ConsumerFn' },
        },
      },
      Machine11112222: { Type: 'AWS::StepFunctions::StateMachine', Properties: { DefinitionString: definition((id) => ({ 'Fn::GetAtt': [id, 'Arn'] })) } },
      Api: { Type: 'AWS::ApiGateway::RestApi' },
      ApiAuth: {
        Type: 'AWS::ApiGateway::Authorizer',
        Properties: { Type: 'REQUEST', IdentitySource: 'method.request.header.X-API-Key', AuthorizerResultTtlInSeconds: 60, AuthorizerUri: uri('AuthFn') },
      },
      ResItems: { Type: 'AWS::ApiGateway::Resource', Properties: { ParentId: root, PathPart: 'items' } },
      ResItem: { Type: 'AWS::ApiGateway::Resource', Properties: { ParentId: { Ref: 'ResItems' }, PathPart: '{itemId}' } },
      ResItemsSpecial: { Type: 'AWS::ApiGateway::Resource', Properties: { ParentId: { Ref: 'ResItems' }, PathPart: 'special' } },
      ResPublic: { Type: 'AWS::ApiGateway::Resource', Properties: { ParentId: root, PathPart: 'public' } },
      ResSend: { Type: 'AWS::ApiGateway::Resource', Properties: { ParentId: root, PathPart: 'send' } },
      ResStart: { Type: 'AWS::ApiGateway::Resource', Properties: { ParentId: root, PathPart: 'start' } },
      MItems: method({ Ref: 'ResItems' }, 'GET', 'EchoFn'),
      MItem: method({ Ref: 'ResItem' }, 'GET', 'EchoFn'),
      MItemDelete: method({ Ref: 'ResItem' }, 'DELETE', 'EchoFn'),
      MSpecial: method({ Ref: 'ResItemsSpecial' }, 'GET', 'EchoFn'),
      MPublic: method({ Ref: 'ResPublic' }, 'GET', 'EchoFn', 'NONE'),
      MSend: method({ Ref: 'ResSend' }, 'POST', 'SendFn'),
      MStart: method({ Ref: 'ResStart' }, 'POST', 'StartFn'),
      GwUnauthorized: gatewayResponse('UNAUTHORIZED', '401', 'UNAUTHORIZED'),
      GwDenied: gatewayResponse('ACCESS_DENIED', '403', 'FORBIDDEN'),
      GwAuthFailure: gatewayResponse('AUTHORIZER_FAILURE', '500', 'INTERNAL'),
      GwMissing: gatewayResponse('MISSING_AUTHENTICATION_TOKEN', '404', 'NOT_FOUND'),
      Gw5xx: gatewayResponse('DEFAULT_5XX', '500', 'INTERNAL'),
    },
  };
}

function gatewayResponse(type: string, status: string, code: string) {
  return {
    Type: 'AWS::ApiGateway::GatewayResponse',
    Properties: {
      ResponseType: type,
      StatusCode: status,
      ResponseParameters: { 'gatewayresponse.header.Content-Type': "'application/json'" },
      ResponseTemplates: { 'application/json': JSON.stringify({ error: { code, message: type } }) },
    },
  };
}
