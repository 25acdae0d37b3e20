import { TEMPLATE_PARAMETERS } from '../../lambdas/shared/protocol';
import { EVENTS_ENDPOINT_PATTERN, EXTERNAL_ID_PATTERN, matchesPattern, PLATFORM_PRINCIPAL_PATTERN } from './parameter-patterns';

/** The per-tenant values the backend bakes into the template it serves. */
export interface TenantTemplateValues {
  readonly eventsEndpointUrl: string;
  readonly platformPrincipalArn: string;
  readonly externalId: string;
}

/** A tenant value that the template's AllowedPattern would reject at deploy, or a template without the parameter. */
export class TemplateCustomizationError extends Error {
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
    this.name = 'TemplateCustomizationError';
  }
}

const FIELDS: ReadonlyArray<{ key: keyof TenantTemplateValues; parameter: string; pattern: string }> = [
  { key: 'eventsEndpointUrl', parameter: TEMPLATE_PARAMETERS.eventsEndpoint, pattern: EVENTS_ENDPOINT_PATTERN },
  { key: 'platformPrincipalArn', parameter: TEMPLATE_PARAMETERS.platformPrincipal, pattern: PLATFORM_PRINCIPAL_PATTERN },
  { key: 'externalId', parameter: TEMPLATE_PARAMETERS.externalId, pattern: EXTERNAL_ID_PATTERN },
];

/**
 * Returns a deep copy of the customer template with the tenant's values as the parameters' Defaults, so the
 * customer's console form is pre-filled. Pure: the input template is not modified. Each value is checked against
 * the same pattern the template declares, so a bad value fails here rather than at the customer's deploy.
 */
export function customizeTemplateForTenant(template: object, values: TenantTemplateValues): Record<string, unknown> {
  const copy = structuredClone(template) as { Parameters?: Record<string, Record<string, unknown>> };
  for (const { key, parameter, pattern } of FIELDS) {
    const value = values[key];
    if (typeof value !== 'string' || !matchesPattern(pattern, value)) {
      throw new TemplateCustomizationError(
        `${key} (template parameter ${parameter}) is not valid: got ${JSON.stringify(value)}, expected a value matching ${pattern}`,
        parameter,
      );
    }
    const declared = copy.Parameters?.[parameter];
    if (declared === undefined) {
      throw new TemplateCustomizationError(`the template has no parameter ${parameter}`, parameter);
    }
    declared.Default = value;
  }
  return copy as Record<string, unknown>;
}
