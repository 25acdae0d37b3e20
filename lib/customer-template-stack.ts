import { Aws, CfnOutput, CfnResource, Duration, Fn, Stack, StackProps, Validations } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  API_DESTINATION_NAME,
  API_KEY_HEADER,
  CONNECTION_NAME,
  CUSTOMER_ROLE_NAME,
  EVENTS_RULE_NAME,
  TEMPLATE_VERSION_HEADER,
} from '../lambdas/shared/protocol';
import { buildEventPattern } from './customer-template/event-pattern';
import { declareCustomerTemplateParameters } from './customer-template/parameters';
import { declareCustomerTemplateConditions } from './customer-template/region-conditions';
import { readOnlyPolicyDocument, WILDCARD_RESOURCE_REASONS } from './customer-template/role-actions';
import { TEMPLATE_VERSION } from './customer-template/version';

/** Logical ids customers and the tests look for. */
export const CUSTOMER_TEMPLATE_LOGICAL_IDS = {
  role: 'AQtiveGuardReadOnlyAccessRole',
  connection: 'AQGAWSConnectionKey',
  apiDestination: 'AQGAWSDestinationApiRoute',
  rule: 'AQtiveGuardFilteredEventsRule',
  invokeRole: 'ApiDestinationInvokeRole',
  forwardRole: 'ForwardToPrimaryRegionRole',
  deadLetterQueue: 'EventsDeadLetterQueue',
} as const;

/** Retry for 24 h (the EventBridge maximum), then keep the event in the dead-letter queue. */
const MAX_EVENT_AGE = Duration.hours(24);
const MAX_RETRY_ATTEMPTS = 185;

function overrideLogicalId(construct: Construct, logicalId: string): CfnResource {
  const cfn = construct.node.defaultChild as CfnResource;
  cfn.overrideLogicalId(logicalId);
  return cfn;
}

/**
 * The CloudFormation template customers deploy (single region, several regions by hand, or StackSets). One
 * template for every region: Conditions decide whether a stack is the primary region (role, connection, API
 * destination, rule → API destination) or a forwarding region (rule → the primary region's default event bus).
 */
export class CustomerTemplateStack extends Stack {
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    super(scope, id, {
      ...props,
      description: `AQtive Guard AWS integration: read-only inventory role and CloudTrail event forwarding (template version ${TEMPLATE_VERSION})`,
    });
    const ids = CUSTOMER_TEMPLATE_LOGICAL_IDS;
    const params = declareCustomerTemplateParameters(this);
    const conditions = declareCustomerTemplateConditions(this, params);

    // ---- The read-only role AQtive Guard assumes (primary region only: IAM names are global). ----
    const role = new iam.Role(this, 'ReadOnlyRole', {
      roleName: CUSTOMER_ROLE_NAME,
      description: 'AQtive Guard read-only access: inventories KMS keys, ACM certificates, secrets and parameters without reading secret material',
      assumedBy: new iam.ArnPrincipal(params.platformPrincipal.valueAsString).withConditions({
        StringEquals: { 'sts:ExternalId': params.externalId.valueAsString },
      }),
      maxSessionDuration: Duration.hours(1),
      inlinePolicies: { AQtiveGuardReadOnly: readOnlyPolicyDocument() },
    });
    const roleCfn = overrideLogicalId(role, ids.role);
    roleCfn.cfnOptions.condition = conditions.isPrimaryRegion;
    Validations.of(role).acknowledge(
      ...WILDCARD_RESOURCE_REASONS.map(({ finding, reason }) => ({ id: `AwsSolutions-IAM5[${finding}]`, reason })),
    );

    // ---- Dead-letter queue (every region): events that cannot be delivered are kept 14 days, not lost. ----
    const dlq = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    overrideLogicalId(dlq, ids.deadLetterQueue);
    Validations.of(dlq).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the EventBridge rule target; a queue for its failures would have nothing to receive.',
    });

    // ---- Primary region: connection, API destination and the role that lets the rule invoke it. ----
    const connection = new events.CfnConnection(this, ids.connection, {
      name: CONNECTION_NAME,
      description: 'AQtive Guard API token for event deliveries',
      authorizationType: 'API_KEY',
      authParameters: {
        apiKeyAuthParameters: { apiKeyName: API_KEY_HEADER, apiKeyValue: params.apiKey.valueAsString },
        invocationHttpParameters: {
          headerParameters: [{ key: TEMPLATE_VERSION_HEADER, value: TEMPLATE_VERSION, isValueSecret: false }],
        },
      },
    });
    connection.cfnOptions.condition = conditions.isPrimaryRegion;

    const apiDestination = new events.CfnApiDestination(this, ids.apiDestination, {
      name: API_DESTINATION_NAME,
      description: 'AQtive Guard events endpoint',
      connectionArn: connection.attrArn,
      invocationEndpoint: params.eventsEndpoint.valueAsString,
      httpMethod: 'POST',
      invocationRateLimitPerSecond: params.invocationRate.valueAsNumber,
    });
    apiDestination.cfnOptions.condition = conditions.isPrimaryRegion;

    // EventBridge assumes the target roles on behalf of this stack's rule only: the trust names the rule's ARN and
    // account (confused deputy: https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html).
    // The ARN is built from the rule's fixed name, since the rule itself references these roles.
    const ruleArn = Fn.sub('arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/${Name}', { Name: EVENTS_RULE_NAME });
    const eventBridgeForThisRule = () =>
      new iam.ServicePrincipal('events.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnEquals: { 'aws:SourceArn': ruleArn },
      });
    const invokeRole = new iam.Role(this, 'InvokeRole', {
      description: 'Lets the AQtive Guard rule deliver events to the AQtive Guard API destination',
      assumedBy: eventBridgeForThisRule(),
      inlinePolicies: {
        InvokeApiDestination: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: ['events:InvokeApiDestination'], resources: [apiDestination.attrArn] }),
          ],
        }),
      },
    });
    overrideLogicalId(invokeRole, ids.invokeRole).cfnOptions.condition = conditions.isPrimaryRegion;

    // ---- Forwarding regions: a role that may only put events on the primary region's default bus. ----
    const primaryBusArn = Fn.sub('arn:${AWS::Partition}:events:${Primary}:${AWS::AccountId}:event-bus/default', {
      Primary: params.primaryRegion.valueAsString,
    });
    const forwardRole = new iam.Role(this, 'ForwardRole', {
      description: 'Lets the AQtive Guard rule forward events to the primary region\'s default event bus',
      assumedBy: eventBridgeForThisRule(),
      inlinePolicies: {
        PutEventsOnPrimaryBus: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ actions: ['events:PutEvents'], resources: [primaryBusArn] })],
        }),
      },
    });
    overrideLogicalId(forwardRole, ids.forwardRole).cfnOptions.condition = conditions.isForwardingRegion;

    // ---- The rule: same name in every region; target depends on the region's role. ----
    const deliveryPolicy = {
      RetryPolicy: { MaximumRetryAttempts: MAX_RETRY_ATTEMPTS, MaximumEventAgeInSeconds: MAX_EVENT_AGE.toSeconds() },
      DeadLetterConfig: { Arn: dlq.queueArn },
    };
    const rule = new events.CfnRule(this, ids.rule, {
      name: EVENTS_RULE_NAME,
      description: 'Forwards CloudTrail events about KMS keys, certificates, secrets and parameters to AQtive Guard',
      // Read-only management events (Decrypt, GetSecretValue, ...) reach a rule only in this state
      // (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-service-event-cloudtrail-management.html).
      state: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS',
      eventPattern: Fn.conditionIf(
        conditions.forwardUsageEvents.logicalId,
        buildEventPattern({ forwardUsageEvents: true }),
        buildEventPattern({ forwardUsageEvents: false }),
      ),
      targets: [
        Fn.conditionIf(
          conditions.isPrimaryRegion.logicalId,
          { Id: 'AQGApiDestination', Arn: apiDestination.attrArn, RoleArn: invokeRole.roleArn, ...deliveryPolicy },
          { Id: 'AQGPrimaryRegionEventBus', Arn: primaryBusArn, RoleArn: forwardRole.roleArn, ...deliveryPolicy },
        ) as unknown as events.CfnRule.TargetProperty,
      ],
    });

    // EventBridge may send to the dead-letter queue only for this rule (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-rule-dlq.html).
    dlq.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'AllowAQtiveGuardRuleDeadLetters',
        principals: [new iam.ServicePrincipal('events.amazonaws.com')],
        actions: ['sqs:SendMessage'],
        resources: [dlq.queueArn],
        conditions: { ArnEquals: { 'aws:SourceArn': rule.attrArn } },
      }),
    );

    new CfnOutput(this, 'AQtiveGuardRoleArn', {
      condition: conditions.isPrimaryRegion,
      description: 'Paste this ARN into AQtive Guard > Finish setup',
      value: role.roleArn,
    });
    new CfnOutput(this, 'TemplateVersion', {
      description: 'Version of this AQtive Guard template',
      value: TEMPLATE_VERSION,
    });
  }
}
