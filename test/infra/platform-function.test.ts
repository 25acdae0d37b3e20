import { App, Stack } from 'aws-cdk-lib';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { PlatformFunction } from '../../lib/constructs/platform-function';

/** A stack holding one function, synthesized without bundling (the checks are about its environment). */
function synth(build: (stack: Stack) => void) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] }, builtinCloudFormationValidation: false });
  build(new Stack(app, 'Test'));
  return () => app.synth();
}

describe('PlatformFunction environment', () => {
  it('fails synthesis naming a required variable of the handler schema that was never set', () => {
    // GIVEN the ingestions API without the state machine ARN
    const run = synth((stack) => {
      new PlatformFunction(stack, 'Fn', { handlerName: 'ingestions-api', description: 'x', environment: { CONTROL_TABLE_NAME: 'control' } });
    });
    // THEN
    expect(run).toThrow(/ingestions-api: environment variable CRAWL_STATE_MACHINE_ARN is required but not set/);
  });

  it('checks a value known at synthesis against the schema, and accepts a token (resolved only at deploy)', () => {
    expect(
      synth((stack) => {
        new PlatformFunction(stack, 'Fn', { handlerName: 'events-intake', description: 'x', environment: { EVENTS_QUEUE_URL: 'not a url', CONTROL_TABLE_NAME: 'control' } });
      }),
    ).toThrow(/events-intake: environment variable EVENTS_QUEUE_URL="not a url" is invalid/);
    expect(
      synth((stack) => {
        new PlatformFunction(stack, 'Fn', { handlerName: 'events-intake', description: 'x', environment: { EVENTS_QUEUE_URL: new sqs.Queue(stack, 'Q').queueUrl, CONTROL_TABLE_NAME: 'control' } });
      }),
    ).not.toThrow();
  });

  it('accepts a variable set later with addEnvironment, and rejects one outside the schema', () => {
    expect(
      synth((stack) => {
        new PlatformFunction(stack, 'Fn', { handlerName: 'ingestions-api', description: 'x', environment: { CONTROL_TABLE_NAME: 'control' } }).addEnvironment(
          'CRAWL_STATE_MACHINE_ARN',
          'arn:aws:states:eu-west-1:123456789012:stateMachine:crawl',
        );
      }),
    ).not.toThrow();
    expect(
      synth((stack) => {
        const fn = new PlatformFunction(stack, 'Fn', { handlerName: 'tokens-api', description: 'x', environment: { CONTROL_TABLE_NAME: 'control' } });
        // @ts-expect-error the type already refuses a variable the handler does not read; synthesis refuses it too
        fn.addEnvironment('INVENTORY_TABLE_NAME', 'inventory');
      }),
    ).toThrow(/tokens-api: environment variable INVENTORY_TABLE_NAME is not in its schema/);
  });
});
