import { ACMClient } from '@aws-sdk/client-acm';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { crawlService, type CrawlServiceInput } from '../../../lambdas/discovery/service-crawler';
import type { RegionClients } from '../../../lambdas/discovery/region-clients';
import type { CryptoService, DiscoveredAsset } from '../../../lambdas/inventory/asset';

export const ACCOUNT = '111122223333';

export function plainClients(region = 'eu-west-1'): RegionClients {
  return {
    kms: new KMSClient({ region }),
    acm: new ACMClient({ region }),
    secretsManager: new SecretsManagerClient({ region }),
    ssm: new SSMClient({ region }),
  };
}

export async function crawl(service: CryptoService, extra: Partial<CrawlServiceInput> = {}, region = 'eu-west-1') {
  const assets: DiscoveredAsset[] = [];
  const outcome = await crawlService({
    accountId: ACCOUNT,
    region,
    service,
    clients: plainClients(region),
    sink: async (a) => {
      assets.push(a);
    },
    ...extra,
  });
  return { outcome, assets };
}

export function awsError(name: string, message = name): Error {
  const err = new Error(message);
  err.name = name;
  return err;
}

export const keyArn = (id: string, region = 'eu-west-1') => `arn:aws:kms:${region}:${ACCOUNT}:key/${id}`;
