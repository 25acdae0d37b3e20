import { z } from 'zod';
import customerTemplate from '../../templates/cloudformation-template.json';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { TokenBucketPacer } from '../discovery/request-pacer';
import { checkLinkedAccounts, type CheckLinkedAccountsResult } from '../health/check-linked-accounts';
import { carryOutHealthCheckRun } from '../health/health-check-runs';
import { DynamoHealthStore } from '../health/dynamo-health-store';
import { servedTemplateVersion } from '../health/template-version';
import { EventBridgePipelineReader, PipelineClientsCache } from '../health/eventbridge-pipeline-clients';
import type { AccountHealthReport } from '../health/health-model';
import { type PipelineHealthDeps, runPipelineHealthCheck } from '../health/pipeline-health-service';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';
import { EVENTS_PATH } from '../shared/protocol';

const env = parseEnvironment('pipeline-health');
const logger = createLogger('pipeline-health');
const db = createDocumentClient();
const stores = dynamoControlStores(db, env.CONTROL_TABLE_NAME);
const pipelineClients = new PipelineClientsCache({ platformRoleArn: env.PLATFORM_ACCESS_ROLE_ARN });
const pacer = new TokenBucketPacer();
const store = new DynamoHealthStore(db, env.CONTROL_TABLE_NAME);

const deps: PipelineHealthDeps = {
  control: stores.accounts,
  store,
  readerFor: (account, externalId, names) =>
    new EventBridgePipelineReader((region) => pipelineClients.clientFor(account.roleArn, externalId, region), names, pacer),
  tenantExternalId: async (tenantId) => (await stores.tenants.getTenant(tenantId)).externalId,
  now: () => new Date(),
  currentTemplateVersion: servedTemplateVersion(customerTemplate),
};
/** Without a configured public URL the destination's endpoint is not compared (no request to derive it from). */
const expectedEndpoint = env.PUBLIC_API_URL ? `${env.PUBLIC_API_URL.replace(/\/+$/, '')}${EVENTS_PATH}` : undefined;

/** After Finalize: the ingestion record names the account. */
const oneAccount = z.object({ tenantId: z.string().min(1), accountId: z.string().regex(/^\d{12}$/) });
/** An on-demand run (POST …/health-checks through the health-check-runs state machine), with the endpoint its request saw. */
const oneRun = oneAccount.extend({ runId: z.string().min(1), expectedEndpoint: z.url().optional() });

/**
 * Pipeline health checks: one on-demand run (POST …/health-checks), one account after each ingestion (the crawl
 * workflow's last step), or every linked account on the schedule (EventBridge Scheduler, every 6 hours).
 */
export const handler = async (event: unknown): Promise<AccountHealthReport | CheckLinkedAccountsResult> => {
  const run = oneRun.safeParse(event);
  if (run.success) {
    const report = await carryOutHealthCheckRun({ ...deps, runs: store }, run.data);
    logger.info('Pipeline health run', { accountId: report.accountId, runId: run.data.runId, status: report.status });
    return report;
  }
  const single = oneAccount.safeParse(event);
  if (single.success) {
    const report = await runPipelineHealthCheck(deps, { ...single.data, ...(expectedEndpoint && { expectedEndpoint }) });
    logger.info('Pipeline health', { accountId: report.accountId, status: report.status });
    return report;
  }
  const result = await checkLinkedAccounts({
    listLinkedAccounts: () => stores.accounts.listLinkedAccounts(),
    check: (account) => runPipelineHealthCheck(deps, { ...account, ...(expectedEndpoint && { expectedEndpoint }) }),
  });
  logger.info('Scheduled pipeline health', { checked: result.checked.length, failed: result.failed.length });
  if (result.failed.length > 0) logger.error('Some accounts could not be checked', { failed: result.failed });
  return result;
};
