import { synthesizeCustomerTemplateWithFindings } from '../../lib/synth-customer-template';
import { EVENTS_RULE_NAME } from '../../lambdas/shared/protocol';

// Confused deputy: the roles EventBridge assumes for the rule's targets trust EventBridge only on behalf of this
// account's AQtive Guard rule (https://docs.aws.amazon.com/eventbridge/latest/userguide/cross-service-confused-deputy-prevention.html).
type Json = Record<string, any>;

it('every events.amazonaws.com trust carries aws:SourceAccount and aws:SourceArn of this rule', () => {
  // GIVEN the customer template as customers download it
  const { template } = synthesizeCustomerTemplateWithFindings();
  // WHEN we collect every role trust statement naming EventBridge
  const trusts = Object.entries(template.Resources as Record<string, Json>)
    .filter(([, r]) => r.Type === 'AWS::IAM::Role')
    .flatMap(([id, r]) => (r.Properties.AssumeRolePolicyDocument.Statement as Json[]).map((st) => ({ id, st })))
    .filter(({ st }) => JSON.stringify(st.Principal).includes('events.amazonaws.com'));
  // THEN there are two (invoke, forward) and each is bound to this account and this rule
  expect(trusts.map((t) => t.id).sort()).toEqual(['ApiDestinationInvokeRole', 'ForwardToPrimaryRegionRole']);
  for (const { st } of trusts) {
    expect(st.Condition).toEqual({
      StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      ArnEquals: {
        'aws:SourceArn': { 'Fn::Sub': ['arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/${Name}', { Name: EVENTS_RULE_NAME }] },
      },
    });
  }
});
