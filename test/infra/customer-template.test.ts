import { Template } from 'aws-cdk-lib/assertions';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_PATTERN_MAX_LENGTH } from '../../lib/customer-template/event-pattern';
import { CUSTOMER_ROLE_ACTIONS } from '../../lib/customer-template/role-actions';
import { TEMPLATE_VERSION } from '../../lib/customer-template/version';
import { synthesizeCustomerTemplateWithFindings } from '../../lib/synth-customer-template';
import {
  API_DESTINATION_NAME,
  CONNECTION_NAME,
  CUSTOMER_ROLE_NAME,
  EVENTS_RULE_NAME,
  TEMPLATE_PARAMETERS,
  TEMPLATE_VERSION_HEADER,
} from '../../lambdas/shared/protocol';
import { API_DESTINATION_REGION_NAMES, COMMERCIAL_REGIONS } from '../../lambdas/shared/regions';
import { evaluateConditions, existingResources, resolveIfs } from '../support/cfn-conditions';
import { matchesEventPattern } from '../support/event-pattern-matcher';

type Json = Record<string, any>; // template JSON at the test boundary

let template: Json;
let findings: readonly unknown[];
let assertions: Template;

beforeAll(() => {
  const synthesis = synthesizeCustomerTemplateWithFindings();
  template = synthesis.template;
  findings = synthesis.validationFindings;
  assertions = Template.fromJSON(template);
});

const TENANT = {
  [TEMPLATE_PARAMETERS.eventsEndpoint]: 'https://api.example.com/v1/data-sources/aws/events',
  [TEMPLATE_PARAMETERS.platformPrincipal]: 'arn:aws:iam::999999999999:role/AQGPlatformAccess',
  [TEMPLATE_PARAMETERS.externalId]: 'tenant-external-id-1234',
  [TEMPLATE_PARAMETERS.apiKey]: 'aqg_tok1_secret',
};
function conditionsFor(region: string, primaryRegion: string, forwardUsageEvents = 'Enabled') {
  return evaluateConditions(template, {
    ...TENANT,
    'AWS::Region': region,
    [TEMPLATE_PARAMETERS.primaryRegion]: primaryRegion,
    [TEMPLATE_PARAMETERS.forwardUsageEvents]: forwardUsageEvents,
  });
}
function rule(conditions: Record<string, boolean>): Json {
  return resolveIfs(template.Resources[EVENTS_RULE_NAME], conditions) as Json;
}
function patternFor(forwardUsageEvents: 'Enabled' | 'Disabled'): Json {
  return rule(conditionsFor('eu-west-1', '', forwardUsageEvents)).Properties.EventPattern;
}
const FIXTURES = join(__dirname, '..', 'fixtures', 'cloudtrail');
function fixture(name: string): Json {
  return JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')).event;
}

describe('deployable without CDK bootstrap', () => {
  it('has no BootstrapVersion, CDK metadata, construct paths or assets', () => {
    expect(template.Parameters.BootstrapVersion).toBeUndefined();
    expect(template.Rules.CheckBootstrapVersion).toBeUndefined();
    expect(Object.values(template.Resources).map((r: any) => r.Type)).not.toContain('AWS::CDK::Metadata');
    expect(JSON.stringify(template)).not.toMatch(/aws:cdk:|cdk-bootstrap|AssetParameters/);
  });

  it('is clean under cdk-nag AwsSolutions and CDK template validation (no unacknowledged findings)', () => {
    expect(findings).toEqual([]);
  });
});

describe('parameters', () => {
  it('declares exactly the documented parameters', () => {
    expect(Object.keys(template.Parameters).sort()).toEqual(Object.values(TEMPLATE_PARAMETERS).sort());
  });

  it('keeps the API token secret', () => {
    expect(template.Parameters[TEMPLATE_PARAMETERS.apiKey]).toMatchObject({ NoEcho: true });
    expect(template.Parameters[TEMPLATE_PARAMETERS.apiKey].Description).toMatch(/uploader/);
  });

  it('PrimaryRegion: empty default, API-destination regions only', () => {
    const p = template.Parameters[TEMPLATE_PARAMETERS.primaryRegion];
    expect(p.Default).toBe('');
    expect(p.AllowedValues).toEqual(['', ...API_DESTINATION_REGION_NAMES]);
  });

  it('ForwardUsageEvents defaults to Enabled; rate defaults to 300, min 1', () => {
    expect(template.Parameters[TEMPLATE_PARAMETERS.forwardUsageEvents]).toMatchObject({
      Default: 'Enabled',
      AllowedValues: ['Enabled', 'Disabled'],
    });
    expect(template.Parameters[TEMPLATE_PARAMETERS.invocationRate]).toMatchObject({ Type: 'Number', Default: 300, MinValue: 1 });
  });

  it.each([TEMPLATE_PARAMETERS.eventsEndpoint, TEMPLATE_PARAMETERS.platformPrincipal, TEMPLATE_PARAMETERS.externalId])(
    '%s has no default and a pattern that rejects empty and placeholder values',
    (name) => {
      const p = template.Parameters[name];
      expect(p.Default).toBeUndefined();
      const re = new RegExp(p.AllowedPattern);
      expect(re.test('')).toBe(false);
      expect(re.test('<REPLACE_ME>')).toBe(false);
      expect(re.test('${' + name + '}')).toBe(false);
      expect(re.test(TENANT[name])).toBe(true);
    },
  );

  it('groups and labels every parameter for the console', () => {
    const ui = template.Metadata['AWS::CloudFormation::Interface'];
    const grouped = ui.ParameterGroups.flatMap((g: Json) => g.Parameters).sort();
    expect(grouped).toEqual(Object.values(TEMPLATE_PARAMETERS).sort());
    expect(Object.keys(ui.ParameterLabels).sort()).toEqual(Object.values(TEMPLATE_PARAMETERS).sort());
  });
});

describe('version', () => {
  it('is in the Description and the TemplateVersion output', () => {
    expect(template.Description).toContain(TEMPLATE_VERSION);
    expect(template.Outputs.TemplateVersion.Value).toBe(TEMPLATE_VERSION);
  });
});

describe('the read-only role', () => {
  const role = () => template.Resources[CUSTOMER_ROLE_NAME];

  it('has the documented name, exists only in the primary region and has a 1 h session', () => {
    expect(role().Properties.RoleName).toBe(CUSTOMER_ROLE_NAME);
    expect(role().Condition).toBe('IsPrimaryRegion');
    expect(role().Properties.MaxSessionDuration).toBe(3600);
  });

  it('trusts only the platform principal, with the ExternalId', () => {
    expect(role().Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { AWS: { Ref: TEMPLATE_PARAMETERS.platformPrincipal } },
        Condition: { StringEquals: { 'sts:ExternalId': { Ref: TEMPLATE_PARAMETERS.externalId } } },
      },
    ]);
  });

  it('allows exactly the documented actions, with no wildcard action and nothing that reads secrets or uses keys', () => {
    const statements = role().Properties.Policies.flatMap((p: Json) => p.PolicyDocument.Statement);
    const actions = statements.flatMap((s: Json) => [s.Action].flat()).sort();
    expect(actions).toEqual(
      [
        'sts:GetCallerIdentity',
        'kms:ListKeys', 'kms:ListAliases', 'kms:DescribeKey', 'kms:GetKeyPolicy', 'kms:GetKeyRotationStatus', 'kms:ListResourceTags',
        'acm:ListCertificates', 'acm:DescribeCertificate', 'acm:GetCertificate', 'acm:ListTagsForCertificate',
        'secretsmanager:ListSecrets', 'secretsmanager:DescribeSecret',
        'ssm:DescribeParameters', 'ssm:ListTagsForResource',
        'events:DescribeRule', 'events:ListTargetsByRule', 'events:DescribeConnection', 'events:DescribeApiDestination',
      ].sort(),
    );
    expect([...CUSTOMER_ROLE_ACTIONS].sort()).toEqual(actions);
    expect(statements.every((s: Json) => s.Effect === 'Allow')).toBe(true);
    expect(actions.some((a: string) => a.includes('*'))).toBe(false);
    expect(actions).not.toEqual(expect.arrayContaining(['secretsmanager:GetSecretValue']));
    expect(actions.filter((a: string) => /GetSecretValue|GetParameter|Decrypt|GenerateDataKey|Encrypt|Sign/.test(a))).toEqual([]);
  });

  it('limits the events:* health actions to this template\'s own named resources', () => {
    const statements = role().Properties.Policies.flatMap((p: Json) => p.PolicyDocument.Statement);
    const events = statements.find((s: Json) => [s.Action].flat().some((a: string) => a.startsWith('events:')));
    const resources = JSON.stringify(events.Resource);
    expect(events.Resource).toHaveLength(3);
    expect(resources).toContain(`:rule/${EVENTS_RULE_NAME}"`);
    expect(resources).toContain(`:connection/${CONNECTION_NAME}/*`);
    expect(resources).toContain(`:api-destination/${API_DESTINATION_NAME}/*`);
    expect(statements.filter((s: Json) => s.Resource === '*').flatMap((s: Json) => s.Action)).toEqual([
      'sts:GetCallerIdentity', 'kms:ListKeys', 'kms:ListAliases', 'acm:ListCertificates', 'secretsmanager:ListSecrets', 'ssm:DescribeParameters',
    ]);
  });

  it('outputs its ARN in the primary region, saying to paste it into AQtive Guard', () => {
    expect(template.Outputs.AQtiveGuardRoleArn).toMatchObject({
      Condition: 'IsPrimaryRegion',
      Value: { 'Fn::GetAtt': [CUSTOMER_ROLE_NAME, 'Arn'] },
    });
    expect(template.Outputs.AQtiveGuardRoleArn.Description).toMatch(/Paste this ARN into AQtive Guard/);
  });
});

describe('EventBridge resources', () => {
  it('connection: API_KEY with the X-API-Key header, the token parameter and the template version header', () => {
    assertions.hasResourceProperties('AWS::Events::Connection', {
      Name: CONNECTION_NAME,
      AuthorizationType: 'API_KEY',
      AuthParameters: {
        ApiKeyAuthParameters: { ApiKeyName: 'X-API-Key', ApiKeyValue: { Ref: TEMPLATE_PARAMETERS.apiKey } },
        InvocationHttpParameters: { HeaderParameters: [{ Key: TEMPLATE_VERSION_HEADER, Value: TEMPLATE_VERSION, IsValueSecret: false }] },
      },
    });
  });

  it('API destination: POST to the endpoint parameter at the rate parameter', () => {
    assertions.hasResourceProperties('AWS::Events::ApiDestination', {
      Name: API_DESTINATION_NAME,
      HttpMethod: 'POST',
      InvocationEndpoint: { Ref: TEMPLATE_PARAMETERS.eventsEndpoint },
      InvocationRateLimitPerSecond: { Ref: TEMPLATE_PARAMETERS.invocationRate },
      ConnectionArn: { 'Fn::GetAtt': [CONNECTION_NAME, 'Arn'] },
    });
  });

  it('rule: same name everywhere, all CloudTrail management events state', () => {
    const r = template.Resources[EVENTS_RULE_NAME];
    expect(r.Condition).toBeUndefined();
    expect(r.Properties).toMatchObject({ Name: EVENTS_RULE_NAME, State: 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS' });
  });

  it('primary target: the API destination through a role that may only invoke it, with retries and the DLQ', () => {
    const [target] = rule(conditionsFor('eu-west-1', '')).Properties.Targets;
    expect(target).toEqual({
      Id: 'AQGApiDestination',
      Arn: { 'Fn::GetAtt': [API_DESTINATION_NAME, 'Arn'] },
      RoleArn: { 'Fn::GetAtt': ['ApiDestinationInvokeRole', 'Arn'] },
      RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 86400 },
      DeadLetterConfig: { Arn: { 'Fn::GetAtt': ['EventsDeadLetterQueue', 'Arn'] } },
    });
    const invoke = template.Resources.ApiDestinationInvokeRole.Properties;
    expect(invoke.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({ Service: 'events.amazonaws.com' });
    expect(invoke.Policies.flatMap((p: Json) => p.PolicyDocument.Statement)).toEqual([
      { Action: 'events:InvokeApiDestination', Effect: 'Allow', Resource: { 'Fn::GetAtt': [API_DESTINATION_NAME, 'Arn'] } },
    ]);
  });

  it('forwarding target: the primary region\'s default bus through a role that may only PutEvents there', () => {
    const [target] = rule(conditionsFor('eu-south-2', 'eu-west-1')).Properties.Targets;
    const bus = {
      'Fn::Sub': [
        'arn:${AWS::Partition}:events:${Primary}:${AWS::AccountId}:event-bus/default',
        { Primary: { Ref: TEMPLATE_PARAMETERS.primaryRegion } },
      ],
    };
    expect(target).toMatchObject({ Id: 'AQGPrimaryRegionEventBus', Arn: bus, RoleArn: { 'Fn::GetAtt': ['ForwardToPrimaryRegionRole', 'Arn'] } });
    const forward = template.Resources.ForwardToPrimaryRegionRole.Properties;
    expect(forward.RoleName).toBeUndefined(); // CloudFormation-generated names never collide between regions
    expect(forward.Policies.flatMap((p: Json) => p.PolicyDocument.Statement)).toEqual([
      { Action: 'events:PutEvents', Effect: 'Allow', Resource: bus },
    ]);
  });

  it('the dead-letter queue is encrypted, TLS-only, and accepts messages only from this rule', () => {
    assertions.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
    const statements = Object.values(template.Resources).find((r: any) => r.Type === 'AWS::SQS::QueuePolicy') as Json;
    expect(statements.Properties.PolicyDocument.Statement).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Principal: { Service: 'events.amazonaws.com' },
          Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [EVENTS_RULE_NAME, 'Arn'] } } },
        }),
      ]),
    );
  });

  it('only IAM roles without a fixed name exist besides the documented role (no name collides between regions)', () => {
    const named = Object.entries(template.Resources)
      .filter(([, r]: [string, any]) => r.Type === 'AWS::IAM::Role' && r.Properties.RoleName)
      .map(([id]) => id);
    expect(named).toEqual([CUSTOMER_ROLE_NAME]);
  });
});

describe('regions (Conditions evaluated)', () => {
  const PRIMARY_ONLY = [CUSTOMER_ROLE_NAME, CONNECTION_NAME, API_DESTINATION_NAME, 'ApiDestinationInvokeRole'];

  it.each([
    ['single region, PrimaryRegion empty', 'eu-west-1', ''],
    ['StackSets/manual, the chosen primary region', 'us-east-1', 'us-east-1'],
  ])('%s: primary-region resources, no forwarder', (_name, region, primary) => {
    const c = conditionsFor(region, primary);
    expect(c.IsPrimaryRegion).toBe(true);
    const resources = existingResources(template as any, c);
    expect(resources).toEqual(expect.arrayContaining([...PRIMARY_ONLY, EVENTS_RULE_NAME, 'EventsDeadLetterQueue']));
    expect(resources).not.toContain('ForwardToPrimaryRegionRole');
  });

  it.each([
    ['a supported region', 'eu-central-1', 'us-east-1'],
    ['a region without API destinations', 'ap-southeast-4', 'eu-west-1'],
  ])('another region (%s): only the rule, the forwarder role and the DLQ', (_name, region, primary) => {
    const c = conditionsFor(region, primary);
    expect(c.IsPrimaryRegion).toBe(false);
    expect(existingResources(template as any, c)).toEqual(
      [EVENTS_RULE_NAME, 'EventsDeadLetterQueue', 'ForwardToPrimaryRegionRole', Object.keys(template.Resources).find((k) => k.startsWith('DeadLetterQueuePolicy'))].sort(),
    );
  });

  it('RegionSupportsApiDestinations is true exactly for the API-destination regions (nested Fn::Or of ≤10)', () => {
    for (const r of COMMERCIAL_REGIONS) {
      expect([r.name, conditionsFor(r.name, 'us-east-1').RegionSupportsApiDestinations]).toEqual([r.name, r.apiDestinations]);
    }
  });

  it('a region without API destinations cannot make itself primary', () => {
    const c = conditionsFor('ap-southeast-4', '');
    expect(c.IsPrimaryRegion).toBe(false);
    const rules = template.Rules.PrimaryRegionNeedsApiDestinations;
    expect(rules.RuleCondition).toEqual({ 'Fn::Equals': [{ Ref: TEMPLATE_PARAMETERS.primaryRegion }, ''] });
    const [list, region] = rules.Assertions[0].Assert['Fn::Contains'];
    expect(region).toEqual({ Ref: 'AWS::Region' });
    expect(list).toEqual(API_DESTINATION_REGION_NAMES);
    expect(list).not.toContain('ap-southeast-4');
    expect(rules.Assertions[0].AssertDescription).toMatch(/cannot be the primary region/);
  });
});

describe('event pattern', () => {
  it.each(['Enabled', 'Disabled'] as const)('stays within the 2,048-character quota (usage %s)', (usage) => {
    expect(JSON.stringify(patternFor(usage)).length).toBeLessThanOrEqual(EVENT_PATTERN_MAX_LENGTH);
  });

  it('contains no unresolved intrinsic functions', () => {
    expect(JSON.stringify(patternFor('Enabled'))).not.toMatch(/Fn::|"Ref"/);
  });

  const ACCEPTED = [
    'kms-create-key',
    'kms-schedule-key-deletion',
    'kms-decrypt-by-lambda',
    'acm-import-certificate',
    'acm-delete-certificate',
    'secretsmanager-create-secret',
    'ssm-put-parameter',
    'secretsmanager-rotation-succeeded',
    'tag-change-kms-key',
  ];
  const REJECTED = [
    'secretsmanager-get-secret-value-by-apidestinations', // the delivery's own secret read (loop)
    'kms-decrypt-by-secretsmanager', // the Decrypt that read causes (loop)
    'kms-decrypt-failed', // errorCode
    'kms-describe-key', // read-only, the crawler's kind of call
  ];

  it.each(ACCEPTED)('usage on: accepts %s', (name) => {
    expect(matchesEventPattern(patternFor('Enabled'), fixture(name))).toBe(true);
  });

  it.each(REJECTED)('usage on: rejects %s', (name) => {
    expect(matchesEventPattern(patternFor('Enabled'), fixture(name))).toBe(false);
  });

  it('usage on: a Secrets Manager GetSecretValue by a workload is forwarded (unlike the API destination\'s own)', () => {
    const own = fixture('secretsmanager-get-secret-value-by-apidestinations');
    const byWorkload = { ...own, detail: { ...own.detail, sourceIPAddress: '198.51.100.7', userAgent: 'aws-sdk-js/3' } };
    expect(matchesEventPattern(patternFor('Enabled'), byWorkload)).toBe(true);
  });

  it('usage off: usage calls rejected, mutations still accepted', () => {
    const off = patternFor('Disabled');
    expect(matchesEventPattern(off, fixture('kms-decrypt-by-lambda'))).toBe(false);
    for (const name of ACCEPTED.filter((n) => n !== 'kms-decrypt-by-lambda')) {
      expect([name, matchesEventPattern(off, fixture(name))]).toEqual([name, true]);
    }
    for (const name of REJECTED) expect([name, matchesEventPattern(off, fixture(name))]).toEqual([name, false]);
  });

  it('every fixture wraps an EventBridge envelope and says where it comes from', () => {
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.json'))) {
      const f = JSON.parse(readFileSync(join(FIXTURES, file), 'utf8'));
      expect(typeof f._source).toBe('string');
      expect(typeof f._reconstructed).toBe('boolean');
      expect(f.event).toMatchObject({ version: '0', source: expect.any(String), 'detail-type': expect.any(String), detail: expect.any(Object) });
    }
  });
});
