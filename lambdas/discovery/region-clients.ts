import { ACMClient } from '@aws-sdk/client-acm';
import { KMSClient, type KMSClientConfig } from '@aws-sdk/client-kms';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SSMClient } from '@aws-sdk/client-ssm';
import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';
import { ROLE_SESSION_NAME } from '../shared/protocol';
import { guardAgainstSecretReads } from './secret-read-guard';

/** SDK v3 clients for one Region of a customer account. */
export interface RegionClients {
  readonly kms: KMSClient;
  readonly acm: ACMClient;
  readonly secretsManager: SecretsManagerClient;
  readonly ssm: SSMClient;
}

/** Static credentials or a provider, as every SDK v3 client accepts them. */
export type CredentialSource = NonNullable<KMSClientConfig['credentials']>;
type AwsCredentialIdentityProvider = Extract<CredentialSource, (...args: never[]) => unknown>;
type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

export interface CustomerAccessOptions {
  /** Base credentials. @default the SDK's standard chain (env, profile, SSO, container/instance role…) */
  readonly credentials?: CredentialSource;
  /** Customer role to assume (with `externalId`). Unset = use the base credentials directly (scan without --role-arn). */
  readonly roleArn?: string;
  readonly externalId?: string;
  /**
   * Platform role assumed first (role chaining: base → platform role → customer role); the backend's
   * PLATFORM_ACCESS_ROLE_ARN. @default none
   */
  readonly platformRoleArn?: string;
  /** Shared cache of assumed-role credentials; keep it at module scope in a Lambda. @default a process-wide cache */
  readonly credentialCache?: AssumedRoleCache;
}

export interface CustomerClientOptions extends CustomerAccessOptions {
  readonly region: string;
  /** SDK attempts per request (standard retry backs off on throttling). @default 10 */
  readonly maxAttempts?: number;
}

/** Refresh assumed-role credentials this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Assumed-role credentials per (role, external id, Region), reused until 5 minutes before expiry, so a warm Lambda
 * or a long scan makes one AssumeRole per Region per hour. Concurrent callers share one in-flight AssumeRole.
 */
export class AssumedRoleCache {
  private readonly entries = new Map<string, Promise<AwsCredentialIdentity>>();

  constructor(private readonly now: () => number = Date.now) {}

  provider(key: string, source: AwsCredentialIdentityProvider): AwsCredentialIdentityProvider {
    return async () => {
      const cached = this.entries.get(key);
      if (cached) {
        const creds = await cached.catch(() => undefined);
        if (creds && (!creds.expiration || creds.expiration.getTime() - this.now() > REFRESH_MARGIN_MS)) return creds;
        if (this.entries.get(key) !== cached) return this.provider(key, source)();
      }
      const fresh = source();
      this.entries.set(key, fresh);
      fresh.catch(() => {
        if (this.entries.get(key) === fresh) this.entries.delete(key);
      });
      return fresh;
    };
  }
}

const processCache = new AssumedRoleCache();

/**
 * Credentials for calls in `region`. Roles are assumed through the Regional STS endpoint of that Region (the SDK v3
 * STS client defaults to Regional endpoints): Regional STS issues session tokens valid in every Region, opt-in
 * ones included (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_enable-regions.html).
 */
export function customerCredentials(options: CustomerAccessOptions & { region: string }): CredentialSource | undefined {
  if (!options.roleArn) return options.credentials;
  const cache = options.credentialCache ?? processCache;
  let master: CredentialSource | undefined = options.credentials;
  if (options.platformRoleArn) {
    master = cache.provider(
      `${options.platformRoleArn}||${options.region}`,
      fromTemporaryCredentials({
        params: { RoleArn: options.platformRoleArn, RoleSessionName: ROLE_SESSION_NAME },
        ...(master ? { masterCredentials: master } : {}),
        clientConfig: { region: options.region },
      }),
    );
  }
  return cache.provider(
    `${options.roleArn}|${options.externalId ?? ''}|${options.region}|${options.platformRoleArn ?? ''}`,
    fromTemporaryCredentials({
      params: {
        RoleArn: options.roleArn,
        RoleSessionName: ROLE_SESSION_NAME,
        ...(options.externalId ? { ExternalId: options.externalId } : {}),
        // Role chaining caps sessions at one hour (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
        DurationSeconds: 3600,
      },
      ...(master ? { masterCredentials: master } : {}),
      clientConfig: { region: options.region },
    }),
  );
}

/**
 * The customer-account clients of one Region. Endpoints are never set here, so the SDK's standard settings
 * (`AWS_ENDPOINT_URL`, `AWS_ENDPOINT_URL_KMS`, …) keep working (a local emulator is used through them). Every client
 * refuses secret-reading operations (secret-read-guard.ts).
 */
export function createCustomerClients(options: CustomerClientOptions): RegionClients {
  const credentials = customerCredentials(options);
  const config = {
    region: options.region,
    // Standard retry (exponential backoff with jitter on throttling): the engine's own pacer sets the rate, per
    // (region, API), inside the retry loop; adaptive mode's client-wide rate limiter would slow every API of the
    // client after one throttle.
    retryMode: 'standard',
    maxAttempts: options.maxAttempts ?? 10,
    ...(credentials ? { credentials } : {}),
  } as const;
  return {
    kms: guardAgainstSecretReads(new KMSClient(config)),
    acm: guardAgainstSecretReads(new ACMClient(config)),
    secretsManager: guardAgainstSecretReads(new SecretsManagerClient(config)),
    ssm: guardAgainstSecretReads(new SSMClient(config)),
  };
}

/**
 * Customer clients per (role, ExternalId, Region), built once and reused: keep one at module scope in a Lambda so a
 * warm container reuses the clients and (through its AssumedRoleCache) the assumed-role credentials.
 */
export class CustomerClientsCache {
  private readonly clients = new Map<string, RegionClients>();
  private readonly credentialCache = new AssumedRoleCache();

  /** @param platformRoleArn PLATFORM_ACCESS_ROLE_ARN (role chaining); unset = assume customer roles directly. */
  constructor(private readonly platformRoleArn?: string) {}

  clientsFor(roleArn: string, externalId: string, region: string): RegionClients {
    const key = `${roleArn}|${externalId}|${region}`;
    let clients = this.clients.get(key);
    if (!clients) {
      clients = createCustomerClients({ region, roleArn, externalId, platformRoleArn: this.platformRoleArn, credentialCache: this.credentialCache });
      this.clients.set(key, clients);
    }
    return clients;
  }
}
