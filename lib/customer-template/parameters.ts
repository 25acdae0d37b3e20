import { CfnParameter, Stack } from 'aws-cdk-lib';
import { TEMPLATE_PARAMETERS } from '../../lambdas/shared/protocol';
import { API_DESTINATION_REGION_NAMES } from '../../lambdas/shared/regions';
import {
  API_KEY_PATTERN,
  EVENTS_ENDPOINT_PATTERN,
  EXTERNAL_ID_PATTERN,
  PLATFORM_PRINCIPAL_PATTERN,
} from './parameter-patterns';

export const FORWARD_USAGE_ENABLED = 'Enabled';
export const FORWARD_USAGE_DISABLED = 'Disabled';
export const DEFAULT_INVOCATION_RATE = 300;

/** The customer template's parameters, with the logical ids of `TEMPLATE_PARAMETERS`. */
export interface CustomerTemplateParameters {
  readonly apiKey: CfnParameter;
  readonly primaryRegion: CfnParameter;
  readonly forwardUsageEvents: CfnParameter;
  readonly invocationRate: CfnParameter;
  readonly eventsEndpoint: CfnParameter;
  readonly platformPrincipal: CfnParameter;
  readonly externalId: CfnParameter;
}

/**
 * Declares the parameters and the `AWS::CloudFormation::Interface` that groups and labels them in the console.
 * The last three have no Default in the generic file (a public ExternalId or principal default would defeat the
 * confused-deputy protection); the backend sets their Default when it serves a tenant's copy.
 */
export function declareCustomerTemplateParameters(stack: Stack): CustomerTemplateParameters {
  const p = TEMPLATE_PARAMETERS;
  const params: CustomerTemplateParameters = {
    apiKey: new CfnParameter(stack, p.apiKey, {
      type: 'String',
      noEcho: true,
      maxLength: 512,
      allowedPattern: API_KEY_PATTERN,
      constraintDescription: 'must be an AQtive Guard API token (it starts with aqg_)',
      description:
        'AQtive Guard API token with the "uploader" permission, sent as the X-API-Key header of every event delivery. ' +
        'Create it as an AQtive Guard admin with POST /v1/tokens and permissions ["uploader"]. Enter the same token ' +
        'in every region (only the primary region uses it).',
    }),
    primaryRegion: new CfnParameter(stack, p.primaryRegion, {
      type: 'String',
      default: '',
      allowedValues: ['', ...API_DESTINATION_REGION_NAMES],
      description:
        'Region that sends events to AQtive Guard and holds the IAM role. Empty (default) = this stack\'s region; ' +
        'a single-region setup leaves it empty. With StackSets or several regions by hand, choose one region ' +
        '(the same in every stack); the other regions forward their events to it. Only regions with EventBridge ' +
        'API destinations can be primary.',
    }),
    forwardUsageEvents: new CfnParameter(stack, p.forwardUsageEvents, {
      type: 'String',
      default: FORWARD_USAGE_ENABLED,
      allowedValues: [FORWARD_USAGE_ENABLED, FORWARD_USAGE_DISABLED],
      description:
        'Forward usage calls (kms:Decrypt, GenerateDataKey, secretsmanager:GetSecretValue, certificate attachments, ...) ' +
        'so AQtive Guard shows who uses each key, certificate and secret. Busy accounts pay per forwarded event; ' +
        'Disabled keeps inventory changes flowing but loses the usage view.',
    }),
    invocationRate: new CfnParameter(stack, p.invocationRate, {
      type: 'Number',
      default: DEFAULT_INVOCATION_RATE,
      minValue: 1,
      description:
        'Maximum deliveries per second from the API destination to AQtive Guard (excess events wait, they are not dropped).',
    }),
    eventsEndpoint: new CfnParameter(stack, p.eventsEndpoint, {
      type: 'String',
      allowedPattern: EVENTS_ENDPOINT_PATTERN,
      constraintDescription: 'must be the HTTPS events URL that AQtive Guard gives you',
      description: 'AQtive Guard events endpoint (filled in when you download the template from AQtive Guard).',
    }),
    platformPrincipal: new CfnParameter(stack, p.platformPrincipal, {
      type: 'String',
      allowedPattern: PLATFORM_PRINCIPAL_PATTERN,
      constraintDescription: 'must be the IAM ARN that AQtive Guard gives you',
      description: 'AWS principal of the AQtive Guard platform allowed to assume the read-only role (filled in by AQtive Guard).',
    }),
    externalId: new CfnParameter(stack, p.externalId, {
      type: 'String',
      allowedPattern: EXTERNAL_ID_PATTERN,
      constraintDescription: 'must be the ExternalId that AQtive Guard gives you (2-1224 characters of [\\w+=,.@:/-])',
      description: 'Your tenant\'s ExternalId, required by the role trust policy (filled in by AQtive Guard).',
    }),
  };

  stack.templateOptions.metadata = {
    'AWS::CloudFormation::Interface': {
      ParameterGroups: [
        { Label: { default: 'AQtive Guard connection' }, Parameters: [p.apiKey, p.eventsEndpoint, p.platformPrincipal, p.externalId] },
        { Label: { default: 'Regions' }, Parameters: [p.primaryRegion] },
        { Label: { default: 'Event forwarding' }, Parameters: [p.forwardUsageEvents, p.invocationRate] },
      ],
      ParameterLabels: {
        [p.apiKey]: { default: 'AQtive Guard API token' },
        [p.eventsEndpoint]: { default: 'Events endpoint URL' },
        [p.platformPrincipal]: { default: 'AQtive Guard platform principal ARN' },
        [p.externalId]: { default: 'ExternalId' },
        [p.primaryRegion]: { default: 'Primary region (empty = this region)' },
        [p.forwardUsageEvents]: { default: 'Forward usage events' },
        [p.invocationRate]: { default: 'Delivery rate limit (per second)' },
      },
    },
  };
  return params;
}
