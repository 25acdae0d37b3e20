import { Logger } from '@aws-lambda-powertools/logger';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { z } from 'zod';
import { customizeTemplateForTenant } from '../../lib/customer-template/customize-template';
import customerTemplate from '../../templates/cloudformation-template.json';
import { apiHandler } from '../api/api-handler';
import { publicBaseUrl } from '../api/public-url';
import { templateRoutes } from '../api/template-route';
import { DynamoTenantStore } from '../control/dynamo-tenant-store';
import { createDocumentClient } from '../shared/platform-clients';

/** GET /data-sources/aws/template (admin): the customer template with this tenant's values filled in. */
export const TemplateApiEnv = z.object({
  CONTROL_TABLE_NAME: z.string().min(1),
  /** The principal customers trust. Unset (local runtime) → the root of the account these credentials belong to. */
  PLATFORM_ACCESS_ROLE_ARN: z.string().min(1).optional(),
  PUBLIC_API_URL: z.url().optional(),
});

const env = TemplateApiEnv.parse(process.env);
const logger = new Logger({ serviceName: 'template-api' });

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

export const handler = apiHandler(
  templateRoutes({
    tenants: new DynamoTenantStore(createDocumentClient(), env.CONTROL_TABLE_NAME),
    template: customerTemplate,
    customize: customizeTemplateForTenant,
    platformPrincipalArn,
    baseUrl: (event) => publicBaseUrl(event, env.PUBLIC_API_URL),
  }),
  logger,
);
