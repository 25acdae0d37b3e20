import { DynamoAccountStore } from '../control/dynamo-account-store';
import { DynamoFindingsStore } from '../findings/dynamo-findings-store';
import { DynamoSuppressionStore } from '../findings/dynamo-suppression-store';
import { refreshAccountFindings } from '../findings/refresh-findings';
import { dynamoInventoryStores } from '../inventory/dynamo-inventory-stores';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('scheduled-findings');
const logger = createLogger('scheduled-findings');
const db = createDocumentClient();
const accounts = new DynamoAccountStore(db, env.CONTROL_TABLE_NAME);
const deps = {
  store: new DynamoFindingsStore(db, env.INVENTORY_TABLE_NAME),
  suppressions: new DynamoSuppressionStore(db, env.INVENTORY_TABLE_NAME),
  inventory: dynamoInventoryStores(db, env.INVENTORY_TABLE_NAME),
  now: () => new Date(),
};

export interface ScheduledFindingsResult {
  readonly accounts: number;
  readonly opened: number;
  readonly resolved: number;
  readonly failed: number;
}

/**
 * Hourly: time alone opens findings (a certificate crossing the 30-day line, a secret going unused) and ends
 * suppressions (an expired one reopens its findings) with no crawl or event, so every linked account is evaluated
 * again. One account's failure never stops the others.
 */
export const handler = async (): Promise<ScheduledFindingsResult> => {
  const result = { accounts: 0, opened: 0, resolved: 0, failed: 0 };
  for (const { tenantId, accountId } of await accounts.listLinkedAccounts()) {
    try {
      const outcome = await refreshAccountFindings(tenantId, accountId, deps);
      result.accounts++;
      result.opened += outcome.opened;
      result.resolved += outcome.resolved;
    } catch (err) {
      result.failed++;
      logger.error('Findings not evaluated', { tenantId, accountId, error: err instanceof Error ? err.message : String(err) });
    }
  }
  logger.info('Scheduled findings evaluation', { ...result });
  return result;
};
