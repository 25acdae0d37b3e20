/**
 * The sandbox account: a local emulator of ONE customer AWS account that unmodified AWS SDK v3 clients reach through
 * their standard endpoint setting (`endpoint` or `AWS_ENDPOINT_URL`). It serves KMS, ACM, Secrets Manager, SSM, EventBridge
 * and CloudTrail (AWS JSON 1.1), STS and CloudFormation (query) on one loopback port, holds a seeded estate, refuses every secret read, counts
 * requests per (region, API), and emits the CloudTrail events (EventBridge envelopes) its mutations would produce.
 *
 *   const sandbox = await startSandbox({ seed: 7 });
 *   const kms = new KMSClient({ region: 'eu-west-1', endpoint: sandbox.endpoint, credentials: sandbox.adminCredentials });
 */
import { randomBytes } from 'node:crypto';
import { CUSTOMER_ROLE_NAME } from '../lambdas/shared/protocol';
import { COMMERCIAL_REGIONS } from '../lambdas/shared/regions';
import { EstateBuilder } from './estate/estate-builder';
import type { Estate } from './estate/estate';
import { generateEstate } from './estate/generate-estate';
import { IdentityStore } from './identities';
import type { Credentials } from './identities';
import { listen } from './protocol/http-server';
import { RateLimiter, resolveQuotas } from './rate-limiter';
import { RequestDispatcher } from './request-dispatcher';
import { RequestLog } from './request-log';
import type { RequestStats, Violation } from './request-log';
import { DEFAULT_ESTATE_SIZE, DEFAULT_REGIONS, regionEnabledPredicate } from './sandbox-options';
import type { SandboxOptions } from './sandbox-options';
import { SeededRandom } from './seeded-random';
import { acmOperations } from './services/acm-service';
import { kmsOperations } from './services/kms-service';
import { secretsManagerOperations } from './services/secrets-manager-service';
import { ssmOperations } from './services/ssm-service';
import { EstateMutations } from './cloudtrail/estate-mutations';
import type { EventBridgeEnvelope } from './cloudtrail/cloudtrail-record';
import { eventBurst } from './cloudtrail/event-burst';
import { SandboxEventPipeline } from './pipeline/event-pipeline';
import { eventBridgeOperations } from './services/eventbridge-service';
import { cloudTrailOperations } from './services/cloudtrail-service';
import { cloudFormationOperations } from './services/cloudformation-service';
import { SandboxTrails } from './pipeline/account-trails';
import { SandboxTemplateStacks } from './pipeline/template-stacks';

export type { SandboxOptions } from './sandbox-options';
export type { RequestStats, Violation } from './request-log';
export type { Estate } from './estate/estate';
export type { Actor, CloudTrailRecord, EventBridgeEnvelope } from './cloudtrail/cloudtrail-record';
export type { Mutation, Workload } from './cloudtrail/estate-mutations';
export type { SandboxEventPipeline } from './pipeline/event-pipeline';
export type { SandboxTrails } from './pipeline/account-trails';
export type { SandboxTemplateStacks } from './pipeline/template-stacks';

/** The estate changes and usage events a sandbox can produce (see cloudtrail/estate-mutations.ts). */
export type SandboxMutations = Pick<
  EstateMutations,
  | 'createKey'
  | 'scheduleKeyDeletion'
  | 'enableKeyRotation'
  | 'disableKeyRotation'
  | 'tagResource'
  | 'importCertificate'
  | 'deleteCertificate'
  | 'createSecret'
  | 'deleteSecret'
  | 'putParameter'
  | 'deleteParameter'
  | 'recordDecrypt'
  | 'recordGetSecretValue'
  | 'connectionSecretRead'
>;

export interface Sandbox extends SandboxMutations {
  /** `http://127.0.0.1:<port>`, for `endpoint:` or `AWS_ENDPOINT_URL`. */
  readonly endpoint: string;
  readonly accountId: string;
  /** `arn:aws:iam::<account>:role/AQtiveGuardReadOnlyAccessRole` */
  readonly roleArn: string;
  readonly externalId: string;
  /** Static keys of the account's admin user (may call AssumeRole on the role, with the ExternalId). */
  readonly adminCredentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Populated regions (the first holds the full catalogue). */
  readonly regions: readonly string[];
  /** Every commercial Region the account has not enabled: the opt-in ones it holds no assets in, and any disabled by option. */
  readonly disabledRegions: readonly string[];
  /** Ground truth, live: mutations change it. */
  readonly estate: Estate;
  /**
   * The template's EventBridge resources in every populated region (the first is the primary), served through
   * EventBridge's DescribeRule, ListTargetsByRule, DescribeApiDestination and DescribeConnection; break and repair them here.
   */
  readonly pipeline: SandboxEventPipeline;
  /**
   * The account's CloudTrail trails (one multi-region trail, logging, by default), served through CloudTrail's
   * DescribeTrails and GetTrailStatus; stop one here.
   */
  readonly trails: SandboxTrails;
  /**
   * The template's deployment: a stack in every pipeline region by default, or StackSets; served through
   * CloudFormation's DescribeStacks, DescribeStackSet and ListStackInstances.
   */
  readonly stacks: SandboxTemplateStacks;
  /** A realistic mixed burst of at least `n` events over the populated regions; its changes are applied to the estate. */
  burst(n: number): Promise<EventBridgeEnvelope[]>;
  isRegionEnabled(region: string): boolean;
  /**
   * From now on every request to `service` (signing name: kms, acm, secretsmanager, ssm) in `region` answers
   * AccessDenied, as an explicit deny in a service control policy would; e.g. to make one ingestion PARTIAL.
   */
  denyAccess(region: string, service: string): void;
  /** Lifts a denial made by denyAccess or the `accessDenied` option. */
  allowAccess(region: string, service: string): void;
  stats(): RequestStats;
  resetStats(): void;
  violations(): readonly Violation[];
  stop(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const accountId = options.accountId ?? '111122223333';
  if (!/^\d{12}$/.test(accountId)) throw new RangeError(`accountId must be 12 digits, got ${accountId}`);
  const clock = options.clock ?? (() => new Date());
  const regions = [...(options.regions ?? DEFAULT_REGIONS)];
  const optInDisabled = [...(options.optInDisabledRegions ?? ['me-south-1'])].filter((r) => !regions.includes(r));
  const roleArn = `arn:aws:iam::${accountId}:role/${CUSTOMER_ROLE_NAME}`;
  const externalId = options.externalId ?? `sandbox-${randomBytes(12).toString('hex')}`;
  const seed = options.seed ?? 1;

  const estate = await generateEstate({ accountId, seed, estateSize: options.estateSize ?? DEFAULT_ESTATE_SIZE, regions, now: clock(), roleArn });
  // Later records (mutations, keys AWS creates on demand) draw from their own stream, so the initial estate depends
  // only on the options.
  const builder = new EstateBuilder(estate, new SeededRandom(seed ^ 0x5eed), clock, roleArn);
  const identities = new IdentityStore(accountId, clock);
  const log = new RequestLog();
  const isRegionEnabled = regionEnabledPredicate(regions, optInDisabled);
  const disabledRegions = COMMERCIAL_REGIONS.map((r) => r.name).filter((r) => !isRegionEnabled(r));
  const pipeline = new SandboxEventPipeline({
    accountId,
    regions: options.pipelineRegions ?? regions,
    now: clock,
    ...(options.pipelineEndpoint !== undefined && { invocationEndpoint: options.pipelineEndpoint }),
  });
  const trails = new SandboxTrails(accountId, clock, regions[0]);
  const stacks = new SandboxTemplateStacks(accountId, clock, options.pipelineRegions ?? regions);
  const dispatcher = new RequestDispatcher({
    accountId,
    roleArn,
    externalId,
    estate,
    builder,
    identities,
    limiter: new RateLimiter(resolveQuotas(options.quotas, options.quotaScale ?? 1)),
    log,
    now: clock,
    isRegionEnabled,
    accessDenied: options.accessDenied ?? [],
    services: {
      kms: kmsOperations,
      acm: acmOperations,
      secretsmanager: secretsManagerOperations,
      ssm: ssmOperations({ emptyPages: options.ssmEmptyPages ?? true }),
      events: eventBridgeOperations(pipeline),
      cloudtrail: cloudTrailOperations(trails),
    },
    cloudFormation: cloudFormationOperations(stacks),
  });
  const server = await listen(dispatcher.handle, { host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  const admin: Credentials = identities.admin.credentials;
  const mutations = new EstateMutations(builder, clock);
  const burstRandom = new SeededRandom(seed ^ 0xb0257);
  const burstSequence = { next: 0 }; // names created by bursts stay unique across bursts

  return {
    endpoint: server.endpoint,
    accountId,
    roleArn,
    externalId,
    adminCredentials: { accessKeyId: admin.accessKeyId, secretAccessKey: admin.secretAccessKey },
    regions,
    disabledRegions,
    estate,
    pipeline,
    trails,
    stacks,
    createKey: (input, by) => mutations.createKey(input, by),
    scheduleKeyDeletion: (input, by) => mutations.scheduleKeyDeletion(input, by),
    enableKeyRotation: (input, by) => mutations.enableKeyRotation(input, by),
    disableKeyRotation: (input, by) => mutations.disableKeyRotation(input, by),
    tagResource: (input, by) => mutations.tagResource(input, by),
    importCertificate: (input, by) => mutations.importCertificate(input, by),
    deleteCertificate: (input, by) => mutations.deleteCertificate(input, by),
    createSecret: (input, by) => mutations.createSecret(input, by),
    deleteSecret: (input, by) => mutations.deleteSecret(input, by),
    putParameter: (input, by) => mutations.putParameter(input, by),
    deleteParameter: (input, by) => mutations.deleteParameter(input, by),
    recordDecrypt: (input) => mutations.recordDecrypt(input),
    recordGetSecretValue: (input) => mutations.recordGetSecretValue(input),
    connectionSecretRead: (input) => mutations.connectionSecretRead(input),
    burst: (n) => eventBurst(mutations, estate, regions, burstRandom, n, burstSequence),
    isRegionEnabled,
    denyAccess: (region, service) => dispatcher.denyAccess(region, service),
    allowAccess: (region, service) => dispatcher.allowAccess(region, service),
    stats: () => log.stats(),
    resetStats: () => log.reset(),
    violations: () => log.violations(),
    stop: () => server.close(),
  };
}
