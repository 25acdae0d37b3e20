/**
 * A realistic mixed burst of CloudTrail events: changes across the four services, usage by workloads, and the
 * loop events the platform must drop. Every change is applied to the estate, so after the burst the estate is
 * the inventory the platform should converge to.
 */
import type { Estate, KmsKeyRecord } from '../estate/estate';
import type { SeededRandom } from '../seeded-random';
import type { Workload } from './estate-mutations';
import type { EstateMutations } from './estate-mutations';
import type { EventBridgeEnvelope } from './cloudtrail-record';

type Step = (region: string, i: number) => Promise<EventBridgeEnvelope[]> | EventBridgeEnvelope[];

/**
 * Produces at least `n` events (a step may emit two: a secret read brings its KMS Decrypt) over `regions`.
 * Steps that find nothing to act on in the chosen region emit nothing and another is drawn. `sequence` numbers the
 * names bursts create (`burst/<i>/secret`…); keep one per sandbox so a later burst never reuses an earlier name.
 */
export async function eventBurst(
  mutations: EstateMutations,
  estate: Estate,
  regions: readonly string[],
  rng: SeededRandom,
  n: number,
  sequence: { next: number } = { next: 0 },
): Promise<EventBridgeEnvelope[]> {
  const workloads: Workload[] = [
    { kind: 'lambda', functionName: 'orders-api', roleName: 'app-lambda-role' },
    { kind: 'lambda', functionName: 'billing-worker', roleName: 'app-lambda-role' },
    { kind: 'ec2', instanceId: `i-0${rng.hex(16)}`, roleName: 'app-ec2-role' },
  ];
  const customerSymmetric = (region: string): KmsKeyRecord[] =>
    (estate.regions[region]?.kms.keys ?? []).filter((k) => k.keyManager === 'CUSTOMER' && k.keyState === 'Enabled' && k.rotation.applicable);
  const steps: [weight: number, step: Step][] = [
    [10, (region, i) => mutations.createKey({ region, description: `burst key ${i}`, tags: [{ key: 'team', value: 'burst' }] }).events],
    [8, (region) => { const keys = customerSymmetric(region); return keys.length ? mutations.tagResource({ arn: rng.pick(keys).arn, tags: [{ key: 'reviewed', value: 'true' }] }).events : []; }],
    [8, (region) => { const keys = customerSymmetric(region); if (!keys.length) return []; const key = rng.pick(keys); return (key.rotation.applicable && key.rotation.enabled ? mutations.disableKeyRotation({ keyArn: key.arn }) : mutations.enableKeyRotation({ keyArn: key.arn })).events; }],
    [3, (region) => { const keys = customerSymmetric(region); return keys.length > 1 ? mutations.scheduleKeyDeletion({ keyArn: rng.pick(keys).arn, pendingWindowInDays: 7 }).events : []; }],
    [6, async (region, i) => (await mutations.importCertificate({ region, domainName: `burst${i}.example.com`, keyAlgorithm: rng.pick(['RSA_2048', 'EC_prime256v1'] as const) })).events],
    [3, (region) => { const certs = (estate.regions[region]?.acm.certificates ?? []).filter((c) => c.inUseBy.length === 0); return certs.length ? mutations.deleteCertificate({ certificateArn: rng.pick(certs).arn }).events : []; }],
    [10, (region, i) => { const keys = customerSymmetric(region); return mutations.createSecret({ region, name: `burst/${i}/secret`, ...(keys.length && rng.bool() ? { kmsKeyId: rng.pick(keys).arn } : {}) }).events; }],
    [3, (region) => { const secrets = (estate.regions[region]?.secretsmanager.secrets ?? []).filter((s) => !s.deletedDate && !s.name.startsWith('events!') && !s.owningService); return secrets.length ? mutations.deleteSecret({ secretArn: rng.pick(secrets).arn, recoveryWindowInDays: 7 }).events : []; }],
    [12, (region, i) => mutations.putParameter({ region, name: `/burst/${i}/setting`, type: rng.pick(['String', 'SecureString'] as const) }).events],
    [3, (region) => { const params = estate.regions[region]?.ssm.parameters ?? []; return params.length ? mutations.deleteParameter({ region, name: rng.pick(params).name }).events : []; }],
    [12, (region) => { const keys = customerSymmetric(region); return keys.length ? mutations.recordDecrypt({ keyArn: rng.pick(keys).arn, by: rng.pick(workloads) }) : []; }],
    [10, (region) => { const secrets = (estate.regions[region]?.secretsmanager.secrets ?? []).filter((s) => !s.deletedDate && !s.name.startsWith('events!')); return secrets.length ? mutations.recordGetSecretValue({ secretArn: rng.pick(secrets).arn, by: rng.pick(workloads) }) : []; }],
    [6, (region) => (estate.regions[region]?.secretsmanager.secrets.some((s) => s.name.startsWith('events!connection/')) ? mutations.connectionSecretRead({ region }) : [])],
  ];
  const totalWeight = steps.reduce((s, [w]) => s + w, 0);
  const events: EventBridgeEnvelope[] = [];
  while (events.length < n) {
    let draw = rng.next() * totalWeight;
    const [, step] = steps.find(([w]) => (draw -= w) < 0) ?? steps[steps.length - 1];
    events.push(...(await step(rng.pick(regions), sequence.next++)));
  }
  return events;
}
