import type { TenantStore } from '../control/tenant-store';
import { EVENTS_PATH } from '../shared/protocol';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { RouteHandlers } from './api-handler';
import { customizeTemplateForTenant } from './customize-template';

export interface TemplateRouteDeps {
  readonly tenants: Pick<TenantStore, 'getTenant'>;
  /** The generic customer template: the committed, synthesized templates/cloudformation-template.json. */
  readonly template: object;
  /** The principal customers' trust policies name (the platform access role). */
  readonly platformPrincipalArn: () => Promise<string>;
  /** Base URL including the stage, for this request. */
  readonly baseUrl: (event: APIGatewayProxyEvent) => string;
}

export function templateRoutes(deps: TemplateRouteDeps): RouteHandlers<'template-api'> {
  return {
    'GET /data-sources/aws/template': async (_input, caller, event) => {
      const tenant = await deps.tenants.getTenant(caller.tenantId);
      const customized = customizeTemplateForTenant(deps.template, {
        eventsEndpointUrl: `${deps.baseUrl(event)}${EVENTS_PATH}`,
        platformPrincipalArn: await deps.platformPrincipalArn(),
        externalId: tenant.externalId,
      });
      return {
        statusCode: 200,
        headers: {
          'Content-Type': 'application/json',
          'Content-Disposition': 'attachment; filename="cloudformation-template.json"',
          'Cache-Control': 'no-store',
        },
        body: JSON.stringify(customized, null, 2),
      };
    },
  };
}
