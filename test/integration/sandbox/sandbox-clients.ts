/** Real AWS SDK v3 clients pointed at a sandbox (the same settings `AWS_ENDPOINT_URL` would give them). */
import { ACMClient } from '@aws-sdk/client-acm';
import { KMSClient } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { STSClient } from '@aws-sdk/client-sts';
import type { Sandbox } from '../../../sandbox/sandbox';

export interface ClientCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export function sandboxClients(sandbox: Sandbox, region: string, credentials: ClientCredentials = sandbox.adminCredentials, maxAttempts = 1) {
  const config = { region, endpoint: sandbox.endpoint, credentials, maxAttempts };
  return {
    kms: new KMSClient(config),
    acm: new ACMClient(config),
    secrets: new SecretsManagerClient(config),
    ssm: new SSMClient(config),
    sts: new STSClient(config),
  };
}

/** The error name the SDK raised, or 'none' when the call succeeded. */
export async function errorName(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return 'none';
  } catch (err) {
    return (err as Error).name;
  }
}
