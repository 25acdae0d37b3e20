import type { DynamoControlRepository } from '../control/dynamo-control-repository';
import { EVENTS_PATH } from '../shared/protocol';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { RouteHandlers } from './api-handler';

export interface TemplateCustomization {
  readonly eventsEndpointUrl: string;
  readonly platformPrincipalArn: string;
  readonly externalId: string;
}

export interface TemplateRouteDeps {
  readonly control: Pick<DynamoControlRepository, 'getTenant'>;
  /** The generic customer template (templates/cloudformation-template.json). */
  readonly template: unknown;
  readonly customize: (template: never, values: TemplateCustomization) => unknown;
  /** The principal customers' trust policies name (the platform access role). */
  readonly platformPrincipalArn: () => Promise<string>;
  /** Base URL including the stage, for this request. */
  readonly baseUrl: (event: APIGatewayProxyEvent) => string;
}

export function templateRoutes(deps: TemplateRouteDeps): RouteHandlers<'template-api'> {
  return {
    'GET /data-sources/aws/template': async (_input, caller, event) => {
      const tenant = await deps.control.getTenant(caller.tenantId);
      const customized = deps.customize(deps.template as never, {
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
