/**
 * EventBridge (AWS JSON 1.1, `X-Amz-Target: AWSEvents.<Operation>`): the four reads the pipeline health checks make,
 * over the template's resources (sandbox/pipeline/event-pipeline.ts). Response shapes:
 * https://docs.aws.amazon.com/eventbridge/latest/APIReference/API_DescribeRule.html, API_ListTargetsByRule.html,
 * API_DescribeApiDestination.html, API_DescribeConnection.html.
 */
import { z } from 'zod';
import { AwsServiceError } from '../protocol/aws-service-error';
import type { SandboxEventPipeline } from '../pipeline/event-pipeline';
import { compact, epochSeconds, parseInput, type ServiceOperations } from './service-context';

const Name = z.string().regex(/^[.\-_A-Za-z0-9]{1,64}$/, 'Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+');
const notFound = (message: string) => new AwsServiceError('ResourceNotFoundException', message);

export function eventBridgeOperations(pipeline: SandboxEventPipeline): ServiceOperations {
  return {
    DescribeRule(input, ctx) {
      const { Name: name } = parseInput(z.object({ Name: Name, EventBusName: z.string().optional() }), input);
      const rule = pipeline.region(ctx.region).rule;
      if (!rule || rule.name !== name) throw notFound(`Rule ${name} does not exist on EventBus default.`);
      return { Name: rule.name, Arn: rule.arn, State: rule.state, EventBusName: 'default', CreatedBy: ctx.accountId, EventPattern: '{"detail-type":["AWS API Call via CloudTrail"]}' };
    },
    ListTargetsByRule(input, ctx) {
      const { Rule: name } = parseInput(z.object({ Rule: Name, EventBusName: z.string().optional(), NextToken: z.string().optional(), Limit: z.number().optional() }), input);
      const rule = pipeline.region(ctx.region).rule;
      if (!rule || rule.name !== name) throw notFound(`Rule ${name} does not exist on EventBus default.`);
      return { Targets: rule.targets.map((t) => ({ ...t, RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 } })) };
    },
    DescribeApiDestination(input, ctx) {
      const { Name: name } = parseInput(z.object({ Name: Name }), input);
      const d = pipeline.region(ctx.region).apiDestination;
      if (!d || d.name !== name) throw notFound(`Failed to describe the api-destination(s). An api-destination '${name}' does not exist.`);
      return compact({
        ApiDestinationArn: d.arn,
        Name: d.name,
        ApiDestinationState: d.state,
        ConnectionArn: d.connectionArn,
        InvocationEndpoint: d.invocationEndpoint,
        HttpMethod: 'POST',
        InvocationRateLimitPerSecond: 300,
        CreationTime: epochSeconds(d.createdAt.toISOString()),
        LastModifiedTime: epochSeconds(d.createdAt.toISOString()),
      });
    },
    DescribeConnection(input, ctx) {
      const { Name: name } = parseInput(z.object({ Name: Name }), input);
      const c = pipeline.region(ctx.region).connection;
      if (!c || c.name !== name) throw notFound(`Failed to describe the connection(s). Connection '${name}' does not exist.`);
      return compact({
        ConnectionArn: c.arn,
        Name: c.name,
        ConnectionState: c.state,
        StateReason: c.stateReason,
        AuthorizationType: 'API_KEY',
        // The key's value is never returned by DescribeConnection, only its name.
        AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: c.apiKeyName } },
        SecretArn: `arn:aws:secretsmanager:${ctx.region}:${ctx.accountId}:secret:events!connection/${c.name}/${c.arn.slice(-36)}`,
        CreationTime: epochSeconds(c.createdAt.toISOString()),
        LastModifiedTime: epochSeconds(c.createdAt.toISOString()),
        LastAuthorizedTime: epochSeconds(c.lastAuthorizedAt.toISOString()),
      });
    },
  };
}
