import { customizeTemplateForTenant, TemplateCustomizationError } from '../../lambdas/api/customize-template';
import { TEMPLATE_PARAMETERS } from '../../lambdas/shared/protocol';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const template = JSON.parse(
  readFileSync(join(__dirname, '..', '..', 'templates', 'cloudformation-template.json'), 'utf8'),
) as { Parameters: Record<string, { Default?: unknown }> };

const VALUES = {
  eventsEndpointUrl: 'https://abc123.execute-api.eu-west-1.amazonaws.com/v1/data-sources/aws/events',
  platformPrincipalArn: 'arn:aws:iam::999999999999:role/AQGPlatformAccess',
  externalId: 'Zq3-9xT_k2.aB@c',
};

describe('customizeTemplateForTenant', () => {
  it('sets the three Defaults on a deep copy and leaves the input untouched', () => {
    // GIVEN
    const before = JSON.stringify(template);
    // WHEN
    const copy = customizeTemplateForTenant(template, VALUES) as typeof template;
    // THEN
    expect(copy.Parameters[TEMPLATE_PARAMETERS.eventsEndpoint].Default).toBe(VALUES.eventsEndpointUrl);
    expect(copy.Parameters[TEMPLATE_PARAMETERS.platformPrincipal].Default).toBe(VALUES.platformPrincipalArn);
    expect(copy.Parameters[TEMPLATE_PARAMETERS.externalId].Default).toBe(VALUES.externalId);
    expect(copy.Parameters[TEMPLATE_PARAMETERS.apiKey].Default).toBeUndefined();
    expect(JSON.stringify(template)).toBe(before);
    expect(copy.Parameters).not.toBe(template.Parameters);
  });

  it.each<[keyof typeof VALUES, string, string]>([
    ['eventsEndpointUrl', 'http://api.example.com/events', TEMPLATE_PARAMETERS.eventsEndpoint],
    ['eventsEndpointUrl', '', TEMPLATE_PARAMETERS.eventsEndpoint],
    ['platformPrincipalArn', 'arn:aws:iam::123:role/x', TEMPLATE_PARAMETERS.platformPrincipal],
    ['platformPrincipalArn', '<PLATFORM_PRINCIPAL>', TEMPLATE_PARAMETERS.platformPrincipal],
    ['externalId', 'x', TEMPLATE_PARAMETERS.externalId],
    ['externalId', 'has space', TEMPLATE_PARAMETERS.externalId],
    ['externalId', 'a'.repeat(1225), TEMPLATE_PARAMETERS.externalId],
  ])('rejects %s = %j with a typed error naming it', (key, bad, parameter) => {
    const call = () => customizeTemplateForTenant(template, { ...VALUES, [key]: bad });
    expect(call).toThrow(TemplateCustomizationError);
    expect(call).toThrow(new RegExp(`${key} \\(template parameter ${parameter}\\)`));
  });

  it('accepts the STS ExternalId bounds (2 and 1224 characters)', () => {
    expect(() => customizeTemplateForTenant(template, { ...VALUES, externalId: 'ab' })).not.toThrow();
    expect(() => customizeTemplateForTenant(template, { ...VALUES, externalId: 'a'.repeat(1224) })).not.toThrow();
  });

  it('fails clearly on a template without the parameters', () => {
    const call = () => customizeTemplateForTenant({ Parameters: {} }, VALUES);
    expect(call).toThrow(TemplateCustomizationError);
    expect(call).toThrow(/has no parameter AQGEventsEndpointUrl/);
  });

  it('checks each value against the AllowedPattern the template declares, and requires one', () => {
    // GIVEN a template whose endpoint parameter allows only one host, and one that declares no pattern
    const strict = structuredClone(template) as { Parameters: Record<string, { AllowedPattern?: string }> };
    strict.Parameters[TEMPLATE_PARAMETERS.eventsEndpoint].AllowedPattern = '^https://only\\.example\\.com/.*$';
    const loose = structuredClone(strict);
    delete loose.Parameters[TEMPLATE_PARAMETERS.eventsEndpoint].AllowedPattern;
    // THEN
    expect(() => customizeTemplateForTenant(strict, VALUES)).toThrow(/eventsEndpointUrl \(template parameter AQGEventsEndpointUrl\) is not valid/);
    expect(() => customizeTemplateForTenant(strict, { ...VALUES, eventsEndpointUrl: 'https://only.example.com/v1/events' })).not.toThrow();
    expect(() => customizeTemplateForTenant(loose, VALUES)).toThrow(new TemplateCustomizationError('the template\'s parameter AQGEventsEndpointUrl declares no AllowedPattern', 'AQGEventsEndpointUrl'));
  });
});
