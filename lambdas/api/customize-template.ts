import { TEMPLATE_PARAMETERS } from '../shared/protocol';

/** The per-tenant values the backend bakes into the customer template it serves. */
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

const FIELDS: ReadonlyArray<{ key: keyof TenantTemplateValues; parameter: string }> = [
  { key: 'eventsEndpointUrl', parameter: TEMPLATE_PARAMETERS.eventsEndpoint },
  { key: 'platformPrincipalArn', parameter: TEMPLATE_PARAMETERS.platformPrincipal },
  { key: 'externalId', parameter: TEMPLATE_PARAMETERS.externalId },
];

interface TemplateParameter {
  Default?: unknown;
  AllowedPattern?: unknown;
}

/**
 * Returns a deep copy of the customer template (the committed, synthesized templates/cloudformation-template.json)
 * with the tenant's values as the parameters' Defaults, so the customer's console form is pre-filled. Pure: the
 * input is not modified. Each value is checked against the AllowedPattern the template itself declares, so a bad
 * value fails here rather than at the customer's deploy
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/parameters-section-structure.html).
 */
export function customizeTemplateForTenant(template: object, values: TenantTemplateValues): Record<string, unknown> {
  const copy = structuredClone(template) as { Parameters?: Record<string, TemplateParameter> };
  for (const { key, parameter } of FIELDS) {
    const declared = copy.Parameters?.[parameter];
    if (declared === undefined) {
      throw new TemplateCustomizationError(`the template has no parameter ${parameter}`, parameter);
    }
    if (typeof declared.AllowedPattern !== 'string') {
      throw new TemplateCustomizationError(`the template's parameter ${parameter} declares no AllowedPattern`, parameter);
    }
    const value = values[key];
    if (typeof value !== 'string' || !new RegExp(declared.AllowedPattern).test(value)) {
      throw new TemplateCustomizationError(
        `${key} (template parameter ${parameter}) is not valid: got ${JSON.stringify(value)}, expected a value matching ${declared.AllowedPattern}`,
        parameter,
      );
    }
    declared.Default = value;
  }
  return copy as Record<string, unknown>;
}
