import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { HealthCheckRun, HealthCheckRunner, HealthCheckRunStore } from '../health/health-check-run';
import { healthCheckRun, startHealthCheckRun } from '../health/health-check-runs';
import { healthHistory, latestPipelineHealth, type PipelineHealthDeps } from '../health/pipeline-health-service';
import { errorResponse, jsonResponse } from '../shared/http';
import { EVENTS_PATH } from '../shared/protocol';
import type { RouteHandlers } from './api-handler';

type HealthRouteKey =
  | 'GET /data-sources/aws/accounts/{accountId}/health'
  | 'GET /data-sources/aws/accounts/{accountId}/health/history'
  | 'POST /data-sources/aws/accounts/{accountId}/health-checks'
  | 'GET /data-sources/aws/accounts/{accountId}/health-checks/{runId}';

export interface HealthRoutesDeps extends PipelineHealthDeps {
  /** The API's public base URL (with the stage) for this request: the events endpoint customer destinations must use. */
  readonly baseUrl: (event: APIGatewayProxyEvent) => string;
  readonly runs: HealthCheckRunStore;
  readonly runner: HealthCheckRunner;
  readonly newRunId: () => string;
  /** How long POST waits for the result before answering 202. @default HEALTH_CHECK_WAIT_MS (lambdas/health/health-check-run.ts) */
  readonly waitMs?: number;
  /** @default 250 ms */
  readonly pollMs?: number;
}

const runPath = (accountId: string, runId: string) => `/data-sources/aws/accounts/${accountId}/health-checks/${runId}`;

/** A run as the API shows it (its deadline stays inside). */
const presentRun = ({ deadlineAt: _deadline, ...run }: HealthCheckRun) => run;

/** The pipeline health routes (served by the accounts function, which already holds the role to reach customer accounts). */
export function healthRoutes(deps: HealthRoutesDeps): Pick<RouteHandlers<'accounts-api'>, HealthRouteKey> {
  return {
    'GET /data-sources/aws/accounts/{accountId}/health': async ({ params }, caller) =>
      jsonResponse(200, await latestPipelineHealth(deps, { tenantId: caller.tenantId, accountId: params.accountId })),
    'GET /data-sources/aws/accounts/{accountId}/health/history': async ({ params, query }, caller) =>
      jsonResponse(
        200,
        await healthHistory(deps, { tenantId: caller.tenantId, accountId: params.accountId, limit: query.limit ?? 50, ...(query.before !== undefined && { before: query.before }) }),
      ),
    'POST /data-sources/aws/accounts/{accountId}/health-checks': async ({ params }, caller, event) => {
      const run = await startHealthCheckRun(deps, {
        tenantId: caller.tenantId,
        accountId: params.accountId,
        expectedEndpoint: `${deps.baseUrl(event)}${EVENTS_PATH}`,
      });
      const location = { Location: runPath(params.accountId, run.runId) };
      if (run.status === 'SUCCEEDED' && run.report) return jsonResponse(200, run.report, location);
      if (run.status === 'FAILED') {
        const failed = errorResponse(503, 'HealthCheckFailed', run.error ?? 'The check failed');
        return { ...failed, headers: { ...failed.headers, ...location, 'Retry-After': '30' } };
      }
      return jsonResponse(202, presentRun(run), location);
    },
    'GET /data-sources/aws/accounts/{accountId}/health-checks/{runId}': async ({ params }, caller) =>
      jsonResponse(200, presentRun(await healthCheckRun(deps, { tenantId: caller.tenantId, accountId: params.accountId, runId: params.runId }))),
  };
}
