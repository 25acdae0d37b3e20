import { dynamoControlStores } from '../control/dynamo-control-stores';
import { StsRoleVerifier } from '../control/sts-role-verifier';
import { prepareCrawl } from '../ingestion/prepare-crawl';
import type { CrawlRunInput, PrepareOutput } from '../ingestion/crawl-types';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('crawl-prepare');
const logger = createLogger('crawl-prepare');
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
