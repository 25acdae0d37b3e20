import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { type ApiFunctionName, ROUTE_TABLE } from '../../lambdas/api/route-table';
import { API_KEY_HEADER, API_STAGE } from '../../lambdas/shared/protocol';

/** Seconds a client waits after the authorizer failed (API Gateway's AUTHORIZER_FAILURE / _CONFIGURATION_ERROR). */
export const AUTHORIZER_RETRY_AFTER_SECONDS = 5;

export interface PlatformApiProps {
  /** The REQUEST authorizer's function (identity source: the X-API-Key header). */
  readonly authorizer: lambda.IFunction;
  /** The function behind each handler file the route table names; every route of the table becomes a method. */
  readonly functions: Readonly<Record<ApiFunctionName, lambda.IFunction>>;
  /** How long API Gateway caches an authorizer decision per token; also how long a revoked token may still work. */
  readonly authorizerCacheTtl: Duration;
  /** Stage-wide steady request rate. @default 1000 requests per second */
  readonly throttlingRateLimit?: number;
  /** Stage-wide burst. @default 2000 requests */
  readonly throttlingBurstLimit?: number;
}

/** The error shape every response uses, also for the answers API Gateway gives by itself. */
const errorBody = (code: string, message: string) =>
  JSON.stringify({ error: { code, message } });

/**
 * The REST API: stage `v1`, every route but the OpenAPI document behind the X-API-Key REQUEST authorizer.
 * API Gateway's own API keys are not used: X-API-Key carries our token, which the authorizer checks.
 *
 * Status codes are a contract with EventBridge API destinations, which deauthorize a connection on 401/407:
 * 401 comes only from the authorizer rejecting an unknown/revoked token; its own failure is a 500 (retried).
 */
export class PlatformApi extends Construct {
  public readonly api: apigw.RestApi;

  constructor(scope: Construct, id: string, props: PlatformApiProps) {
    super(scope, id);
    const accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.api = new apigw.RestApi(this, 'Api', {
      restApiName: 'aqtive-guard-aws',
      description: 'AQtive Guard AWS integration API',
      deployOptions: {
        stageName: API_STAGE,
        throttlingRateLimit: props.throttlingRateLimit ?? 1000,
        throttlingBurstLimit: props.throttlingBurstLimit ?? 2000,
        tracingEnabled: false, // no code records traces (lambdas/shared/powertools.ts)
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false, // request bodies may carry tokens: never log them
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
          caller: false,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: false,
        }),
      },
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.DESTROY,
      endpointTypes: [apigw.EndpointType.REGIONAL],
    });

    const authorizer = new apigw.RequestAuthorizer(this, 'TokenAuthorizer', {
      handler: props.authorizer,
      identitySources: [apigw.IdentitySource.header(API_KEY_HEADER)],
      resultsCacheTtl: props.authorizerCacheTtl,
    });
    const validator = new apigw.RequestValidator(this, 'Validator', {
      restApi: this.api,
      validateRequestParameters: true,
      // Methods carry no body models: the handlers' zod schemas validate bodies and name the bad field.
      validateRequestBody: true,
    });

    // Routes come from the one route table (lambdas/api/route-table.ts); only public routes skip the authorizer.
    for (const route of ROUTE_TABLE) {
      const resource = this.api.root.resourceForPath(route.path);
      const authenticated = 'permission' in route;
      resource.addMethod(route.method, new apigw.LambdaIntegration(props.functions[route.function], { proxy: true }), {
        authorizer: authenticated ? authorizer : undefined,
        authorizationType: authenticated ? apigw.AuthorizationType.CUSTOM : apigw.AuthorizationType.NONE,
        requestValidator: validator,
        requestParameters: authenticated ? { [`method.request.header.${API_KEY_HEADER}`]: true } : undefined,
      });
    }

    // API Gateway's own answers, in our error shape. A failing authorizer (an error, a timeout, a malformed answer) is
    // a 503 with Retry-After: the caller may retry and EventBridge does (it retries 5xx), and it is never a 401, which
    // would deauthorize the customer's connection. No other 5xx is ours to choose here but the default.
    // https://docs.aws.amazon.com/apigateway/latest/developerguide/supported-gateway-response-types.html
    const retryAfter = { 'Retry-After': `'${AUTHORIZER_RETRY_AFTER_SECONDS}'` };
    const responses: Array<[string, apigw.ResponseType, string, string, string, Record<string, string>?]> = [
      ['Unauthorized', apigw.ResponseType.UNAUTHORIZED, '401', 'Unauthorized', 'Missing or invalid API token.'],
      ['AccessDenied', apigw.ResponseType.ACCESS_DENIED, '403', 'Forbidden', 'This token does not have the permission this route needs.'],
      ['AuthorizerFailure', apigw.ResponseType.AUTHORIZER_FAILURE, '503', 'ServiceUnavailable', 'Authorization is temporarily unavailable; retry after Retry-After seconds.', retryAfter],
      ['AuthorizerConfig', apigw.ResponseType.AUTHORIZER_CONFIGURATION_ERROR, '503', 'ServiceUnavailable', 'Authorization is temporarily unavailable; retry after Retry-After seconds.', retryAfter],
      ['Throttled', apigw.ResponseType.THROTTLED, '429', 'Throttled', 'Too many requests; retry later.'],
      ['TooLarge', apigw.ResponseType.REQUEST_TOO_LARGE, '413', 'PayloadTooLarge', 'The request body is too large.'],
      ['NotFound', apigw.ResponseType.RESOURCE_NOT_FOUND, '404', 'NotFound', 'No such route.'],
      ['MissingAuthToken', apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN, '404', 'NotFound', 'No such route.'],
      ['Default4xx', apigw.ResponseType.DEFAULT_4XX, '400', 'BadRequest', 'The request was not accepted.'],
      ['Default5xx', apigw.ResponseType.DEFAULT_5XX, '500', 'InternalError', 'Internal error; retry.'],
    ];
    for (const [id, type, statusCode, code, message, headers] of responses) {
      this.api.addGatewayResponse(id, {
        type,
        statusCode,
        responseHeaders: { 'Content-Type': "'application/json'", ...headers },
        templates: { 'application/json': errorBody(code, message) },
      });
    }
    this.acknowledgeDesignChoices();
  }

  /** cdk-nag findings that are deliberate, each with its reason, at the narrowest scope that holds them. */
  private acknowledgeDesignChoices() {
    Validations.of(this).acknowledge(
      {
        id: 'AwsSolutions-APIG3',
        reason: 'A WAF web ACL is a deployment decision of the platform team (account-level firewall manager); not bundled.',
      },
      {
        id: 'AwsSolutions-COG4',
        reason: 'Clients are machines (EventBridge API destinations, scripts) authenticated by X-API-Key tokens through the Lambda authorizer.',
      },
      {
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason: 'The account-level role API Gateway needs to write access logs; AWS defines its permissions.',
      },
    );
    const openapiMethod = this.api.root.getResource('openapi.json')?.node.tryFindChild('GET');
    if (openapiMethod) {
      Validations.of(openapiMethod).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: 'The OpenAPI document is public by design: it describes the API and holds no data.',
      });
    }
  }
}
