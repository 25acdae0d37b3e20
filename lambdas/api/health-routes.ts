import type { APIGatewayProxyEvent } from 'aws-lambda';
import { latestPipelineHealth, type PipelineHealthDeps, runPipelineHealthCheck } from '../health/pipeline-health-service';
import { jsonResponse } from '../shared/http';
import { EVENTS_PATH } from '../shared/protocol';
import type { RouteHandlers } from './api-handler';

type HealthRouteKey = 'GET /data-sources/aws/accounts/{accountId}/health' | 'POST /data-sources/aws/accounts/{accountId}/health-checks';

export interface HealthRoutesDeps extends PipelineHealthDeps {
  /** The API's public base URL (with the stage) for this request: the events endpoint customer destinations must use. */
  readonly baseUrl: (event: APIGatewayProxyEvent) => string;
}

/** The pipeline health routes (served by the accounts function, which already holds the role to reach customer accounts). */
export function healthRoutes(deps: HealthRoutesDeps): Pick<RouteHandlers<'accounts-api'>, HealthRouteKey> {
  return {
    'GET /data-sources/aws/accounts/{accountId}/health': async ({ params }, caller) =>
      jsonResponse(200, await latestPipelineHealth(deps, { tenantId: caller.tenantId, accountId: params.accountId })),
    'POST /data-sources/aws/accounts/{accountId}/health-checks': async ({ params }, caller, event) =>
      jsonResponse(
        200,
        await runPipelineHealthCheck(deps, {
          tenantId: caller.tenantId,
          accountId: params.accountId,
          expectedEndpoint: `${deps.baseUrl(event)}${EVENTS_PATH}`,
        }),
      ),
  };
}
