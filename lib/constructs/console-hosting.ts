import { DefaultStackSynthesizer, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { CONSOLE_SECURITY_HEADERS } from '../console-security-headers';
import { CONSOLE_ROUTING_FUNCTION_CODE } from './console-routing-function';
import { API_STAGE } from '../../lambdas/shared/protocol';

export interface ConsoleHostingProps {
  /** The built console (index.html + assets/), e.g. console/dist. */
  readonly distDir: string;
  /** The API served under /v1/* by the same distribution, so the console and the API share one origin (no CORS). */
  readonly api: apigw.RestApi;
  /** @default RemovalPolicy.RETAIN (the access logs) */
  readonly logsRemovalPolicy?: RemovalPolicy;
}

/**
 * The console in AWS: its files in a private S3 bucket read only by CloudFront (origin access control), one
 * distribution for the console (security headers, SPA routing) and the API (`/v1/*`, never cached).
 */
export class ConsoleHosting extends Construct {
  public readonly distribution: cloudfront.Distribution;
  public readonly bucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    // CloudFront standard logging writes with object ACLs, so this bucket keeps them enabled (BUCKET_OWNER_PREFERRED).
    // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/standard-logging-legacy-s3.html#AccessLogsBucketAndFileOwnership
    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: props.logsRemovalPolicy ?? RemovalPolicy.RETAIN,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This bucket is the access-log destination of the console bucket and the distribution; logging it would log the logs.',
    });

    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 's3/',
      // The files are a build output redeployed with every stack update: nothing to keep.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });

    const responseHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'The console security headers (lib/console-security-headers.ts)',
      securityHeadersBehavior: securityHeadersBehavior(),
    });
    const routing = new cloudfront.Function(this, 'SpaRouting', {
      code: cloudfront.FunctionCode.fromInline(CONSOLE_ROUTING_FUNCTION_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      comment: 'Serves index.html for the console routes (lib/constructs/console-routing-function.ts)',
    });
    // The API's regional endpoint; its stage is the path's first segment, so /v1/x reaches stage v1, resource /x.
    const apiOrigin = new origins.HttpOrigin(`${props.api.restApiId}.execute-api.${Stack.of(this).region}.${Stack.of(this).urlSuffix}`, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'AQtive Guard console and API',
      defaultRootObject: 'index.html',
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: responseHeaders,
        functionAssociations: [{ function: routing, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        [`/${API_STAGE}/*`]: {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          // Per-tenant, per-token answers: never cached; every viewer header but Host (API Gateway routes on its own
          // host name) reaches the API, X-API-Key included.
          // https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-managed-origin-request-policies.html
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        },
      },
    });

    // Hashed assets first (cacheable forever), then index.html (always revalidated), so a new index.html never
    // references a chunk that is not there yet. Neither prunes the other's files.
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [s3deploy.Source.asset(props.distDir, { exclude: ['index.html'] })],
      destinationBucket: this.bucket,
      exclude: ['index.html'],
      cacheControl: [s3deploy.CacheControl.fromString('public, max-age=31536000, immutable')],
      prune: false,
      memoryLimit: 256,
    });
    const index = new s3deploy.BucketDeployment(this, 'DeployIndex', {
      sources: [s3deploy.Source.asset(props.distDir, { exclude: ['*', '!index.html'] })],
      destinationBucket: this.bucket,
      cacheControl: [s3deploy.CacheControl.noCache()],
      prune: false,
      memoryLimit: 256,
    });
    index.node.addDependency(assets);
    this.acknowledgeDesignChoices(assets);
  }

  /** cdk-nag findings that are deliberate, each with its reason, at the narrowest scope that holds them. */
  private acknowledgeDesignChoices(deployment: s3deploy.BucketDeployment) {
    Validations.of(this.distribution).acknowledge(
      {
        id: 'AwsSolutions-CFR1',
        reason: 'Tenants sign in from anywhere; a geo restriction is a deployment decision of the platform team.',
      },
      {
        id: 'AwsSolutions-CFR2',
        reason: 'A WAF web ACL is a deployment decision of the platform team (account-level firewall manager); not bundled.',
      },
      {
        id: 'AwsSolutions-CFR4',
        reason: 'No custom domain, so the distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes (TLSv1); a custom domain with its ACM certificate would set minimumProtocolVersion TLS_V1_2_2021.',
      },
    );
    // BucketDeployment's handler (one per stack, shared by both deployments) is CDK's own: its role and runtime are
    // what aws-s3-deployment defines. It reads only CDK's staging bucket and writes only the console bucket.
    const stack = Stack.of(this);
    const text = (value: string, placeholder: string) => (Token.isUnresolved(value) ? placeholder : value);
    const stagingBucket = `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${text(stack.account, '<AWS::AccountId>')}-${text(stack.region, '<AWS::Region>')}`;
    const reason = 'The role aws-s3-deployment defines for its handler: read the CDK asset staging bucket, copy into the console bucket.';
    Validations.of(deployment.handlerRole).acknowledge(
      { id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', reason: 'aws-s3-deployment gives its handler only the basic logs policy.' },
      ...['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*'].map((action) => ({ id: `AwsSolutions-IAM5[Action::${action}]`, reason })),
      { id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${stagingBucket}/*]`, reason },
      { id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket)}.Arn>/*]`, reason },
    );
    const handler = stack.node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (handler) {
      Validations.of(handler).acknowledge({ id: 'AwsSolutions-L1', reason: 'aws-s3-deployment pins its handler runtime (a Python Lambda layer with the AWS CLI); it moves with aws-cdk-lib.' });
    }
  }
}

/** CONSOLE_SECURITY_HEADERS as CloudFront's typed security headers, always overriding what the origin sends. */
function securityHeadersBehavior(): cloudfront.ResponseSecurityHeadersBehavior {
  const h = CONSOLE_SECURITY_HEADERS;
  if (h['x-frame-options'] !== 'DENY' || h['referrer-policy'] !== 'no-referrer' || h['x-content-type-options'] !== 'nosniff') {
    throw new Error('lib/console-security-headers.ts changed a header value this mapping does not translate; update securityHeadersBehavior');
  }
  return {
    contentSecurityPolicy: { contentSecurityPolicy: h['content-security-policy'], override: true },
    contentTypeOptions: { override: true },
    frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
    referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.NO_REFERRER, override: true },
    // HTTPS only (viewers are redirected), so browsers may remember it; the local runtime is plain http on loopback.
    strictTransportSecurity: { accessControlMaxAge: Duration.days(365), includeSubdomains: true, override: true },
  };
}
