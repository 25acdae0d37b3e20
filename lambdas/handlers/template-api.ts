import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import customerTemplate from '../../templates/cloudformation-template.json';
import { apiHandler } from '../api/api-handler';
import { publicBaseUrl } from '../api/public-url';
import { templateRoutes } from '../api/template-route';
import { DynamoTenantStore } from '../control/dynamo-tenant-store';
import { apiRateLimit } from '../events/dynamo-rate-counter';
import { createDocumentClient } from '../shared/platform-clients';
import { parseEnvironment } from '../shared/environment';
import { createLogger } from '../shared/powertools';

const env = parseEnvironment('template-api');
const logger = createLogger('template-api');
// Per token, before anything else (lambdas/api/api-handler.ts): one tenant's flood is answered 429, not served.
const db = createDocumentClient();
const rateLimit = apiRateLimit(db, env.CONTROL_TABLE_NAME);

let principal: Promise<string> | undefined;
function platformPrincipalArn(): Promise<string> {
  if (env.PLATFORM_ACCESS_ROLE_ARN) return Promise.resolve(env.PLATFORM_ACCESS_ROLE_ARN);
  principal ??= new STSClient({})
    .send(new GetCallerIdentityCommand({}))
    .then(({ Account }) => `arn:aws:iam::${Account}:root`)
    .catch((err: unknown) => {
      principal = undefined; // retry on the next request
      throw err;
    });
  return principal;
}

/** GET /data-sources/aws/template (admin): the customer template with this tenant's values filled in. */
export const handler = apiHandler(
  templateRoutes({
    tenants: new DynamoTenantStore(db, env.CONTROL_TABLE_NAME),
    template: customerTemplate,
    platformPrincipalArn,
    baseUrl: (event) => publicBaseUrl(event, env.PUBLIC_API_URL),
  }),
  logger,
  { rateLimit },
);
