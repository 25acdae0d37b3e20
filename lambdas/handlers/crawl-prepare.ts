import { Logger } from '@aws-lambda-powertools/logger';
import { z } from 'zod';
import { dynamoControlStores } from '../control/dynamo-control-stores';
import { StsRoleVerifier } from '../control/sts-role-verifier';
import { prepareCrawl } from '../ingestion/prepare-crawl';
import type { CrawlRunInput, PrepareOutput } from '../ingestion/crawl-types';
import { createDocumentClient } from '../shared/platform-clients';

export const CrawlPrepareEnv = z.object({
  CONTROL_TABLE_NAME: z.string().min(1),
  PLATFORM_ACCESS_ROLE_ARN: z.string().min(1).optional(),
});

const env = CrawlPrepareEnv.parse(process.env);
const logger = new Logger({ serviceName: 'crawl-prepare' });
const { tenants, accounts, ingestions } = dynamoControlStores(createDocumentClient(), env.CONTROL_TABLE_NAME);
const verifier = new StsRoleVerifier({ platformAccessRoleArn: env.PLATFORM_ACCESS_ROLE_ARN });

/** Prepare task of the `crawl` workflow. A thrown error (e.g. RoleAssumptionError) goes to Finalize as prepareError. */
export const handler = async (input: CrawlRunInput): Promise<PrepareOutput> => {
  const output = await prepareCrawl(input, {
    getTenant: (t) => tenants.getTenant(t),
    getAccount: (t, a) => accounts.getAccount(t, a),
    getIngestion: (t, a, i) => ingestions.getIngestion(t, a, i),
    verifyRole: (roleArn, externalId) => verifier.verify(roleArn, externalId),
  });
  logger.info('Crawl prepared', { ingestionId: input.ingestionId, items: output.items.length });
  return output;
};
