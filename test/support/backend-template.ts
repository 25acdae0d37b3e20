import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { createBackendApp } from '../../lib/synth-backend';

/**
 * Synthesizes the backend stack the way `cdk synth` does (cdk-nag AwsSolutions attached, which fails synthesis on
 * any unacknowledged finding), but without esbuild bundling: the assertions are about infrastructure, not bundles.
 * The console is a two-file fixture build (test/fixtures/console-dist), so the tests never need `npm run console:build`.
 */
export const CONSOLE_DIST_FIXTURE = join(__dirname, '..', 'fixtures', 'console-dist');

export function synthesizeBackendForTest(): { template: Template; json: Record<string, any>; warnings: unknown[] } {
  const { app, stack } = createBackendApp({ bundling: false, consoleDistDir: CONSOLE_DIST_FIXTURE, env: { account: '123456789012', region: 'eu-west-1' } });
  app.synth();
  const template = Template.fromStack(stack);
  const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue());
  return { template, json: template.toJSON(), warnings };
}

/**
 * The ASL of a state machine of the template (the one named, by default the crawl workflow's) with every token (Lambda
 * ARNs) replaced by a readable placeholder.
 */
export function stateMachineDefinition(json: Record<string, any>, logicalId?: string): Record<string, any> {
  const [, sm] = (Object.entries(json.Resources) as Array<[string, any]>).find(
    ([id, r]) => r.Type === 'AWS::StepFunctions::StateMachine' && (logicalId === undefined ? id.startsWith('Crawl') : id === logicalId),
  )!;
  const definition = sm.Properties.DefinitionString;
  const text =
    typeof definition === 'string'
      ? definition
      : (definition['Fn::Join'][1] as unknown[])
          .map((part: any) => (typeof part === 'string' ? part : `arn:aws:lambda:eu-west-1:123456789012:function:${part['Fn::GetAtt'][0]}`))
          .join('');
  return JSON.parse(text);
}
