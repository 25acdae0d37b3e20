/**
 * The account-wide evaluation (after a crawl, hourly) reads an account's usage edges and stored findings with one
 * paginated Query each, never one request per asset, and writes what changed in batches; the event path reads its few
 * targets consistently. dynalite, with every request the stores send counted by command.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoFindingsStore } from '../../../lambdas/findings/dynamo-findings-store';
import { DynamoSuppressionStore } from '../../../lambdas/findings/dynamo-suppression-store';
import { refreshAccountFindings, refreshTouchedFindings, type RefreshDeps } from '../../../lambdas/findings/refresh-findings';
import type { Asset } from '../../../lambdas/inventory/asset';
import { assetId } from '../../../lambdas/inventory/asset-id';
import { dynamoInventoryStores } from '../../../lambdas/inventory/dynamo-inventory-stores';
import type { InventoryStores } from '../../../lambdas/inventory/inventory-stores';
import { MARSHALL_OPTIONS } from '../../../lambdas/shared/dynamo';
import { startDynalite, type LocalDynamo } from '../../support/dynalite';
import { ACCOUNT, APP_FUNCTION, APP_ROLE, NOW, REGION, TENANT, days, key, secret } from '../../unit/findings/finding-fixtures';

const OTHER_REGION = 'us-east-2';
const KEYS = 30;

let dynamo: LocalDynamo;
let inventory: InventoryStores;
let deps: RefreshDeps;
let commands: string[] = [];
let clock = NOW;

const rotationOffKey = (i: number, region = REGION) =>
  key({ region, keyId: `0000${String(i).padStart(4, '0')}-0000-0000-0000-000000000000`, lifecycle: { rotation: { applicable: true, enabled: false } } });
const failingSecret = secret({ name: 'prod/rotation/failing' });

const observe = (asset: Asset) => {
  const { id: _id, tenantId: _t, source: _s, firstSeen: _f, lastSeen: _l, observedAt: _o, ...discovered } = asset;
  return inventory.assets.upsertFromCrawl(discovered as never, { tenantId: TENANT, ingestionId: 'I1', observedAt: NOW.toISOString() });
};
const counted = async <T>(run: () => Promise<T>) => {
  commands = [];
  const result = await run();
  const byCommand: Record<string, number> = {};
  for (const c of commands) byCommand[c] = (byCommand[c] ?? 0) + 1;
  return { result, byCommand };
};

beforeAll(async () => {
  dynamo = await startDynalite();
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  client.middlewareStack.add((next, context) => async (args) => {
    commands.push(context.commandName as string);
    return next(args);
  }, { step: 'initialize' });
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: MARSHALL_OPTIONS });
  inventory = dynamoInventoryStores(db, dynamo.inventoryTable, { regions: [REGION, OTHER_REGION] });
  deps = { store: new DynamoFindingsStore(db, dynamo.inventoryTable), suppressions: new DynamoSuppressionStore(db, dynamo.inventoryTable), inventory, now: () => clock };
  for (let i = 0; i < KEYS; i++) await observe(rotationOffKey(i, i % 2 === 0 ? REGION : OTHER_REGION));
  await observe(failingSecret);
  // Usage events: two callers of key 0, one of key 1 (other Region), one of a key of another tenant's same account id.
  await inventory.usages.recordUsage(TENANT, { assetArn: rotationOffKey(0).arn, resourceArn: APP_ROLE, resourceType: 'iam-role', via: 'Decrypt' }, days(-2));
  await inventory.usages.recordUsage(TENANT, { assetArn: rotationOffKey(0).arn, resourceArn: APP_FUNCTION, resourceType: 'lambda-function', via: 'Decrypt' }, days(-1));
  await inventory.usages.recordUsage(TENANT, { assetArn: rotationOffKey(1, OTHER_REGION).arn, resourceArn: APP_ROLE, resourceType: 'iam-role', via: 'Decrypt' }, days(-1));
  await inventory.usages.recordUsage('another-tenant', { assetArn: rotationOffKey(0).arn, resourceArn: APP_ROLE, resourceType: 'iam-role', via: 'Decrypt' }, days(-1));
});
afterAll(async () => dynamo.stop());

describe('usage edges by scope', () => {
  it('lists the edges of one account (optionally one Region), only the tenant’s', async () => {
    const all = await inventory.usages.listUsagesInScope({ tenantId: TENANT, accountId: ACCOUNT });
    expect(all.map((u) => `${u.assetArn} ${u.resourceArn}`).sort()).toEqual(
      [`${rotationOffKey(0).arn} ${APP_FUNCTION}`, `${rotationOffKey(0).arn} ${APP_ROLE}`, `${rotationOffKey(1, OTHER_REGION).arn} ${APP_ROLE}`].sort(),
    );
    expect(all[0]).not.toHaveProperty('gsi1pk');
    expect(all.find((u) => u.resourceArn === APP_FUNCTION)).toMatchObject({ count: 1, lastSeen: days(-1), resourceType: 'lambda-function', via: 'Decrypt' });
    const oneRegion = await inventory.usages.listUsagesInScope({ tenantId: TENANT, accountId: ACCOUNT, region: OTHER_REGION });
    expect(oneRegion.map((u) => u.assetArn)).toEqual([rotationOffKey(1, OTHER_REGION).arn]);
    expect(await inventory.usages.listUsagesInScope({ tenantId: TENANT, accountId: '999988887777' })).toEqual([]);
  });
});

describe('refreshAccountFindings', () => {
  it('reads usages and findings in one Query each (not per asset), writes in batches, and gets the blast radius right', async () => {
    // WHEN: the first evaluation (everything opens)
    const first = await counted(() => refreshAccountFindings(TENANT, ACCOUNT, deps));
    // THEN
    expect(first.result).toMatchObject({ evaluated: KEYS + 1, opened: KEYS });
    // Assets: one Query per Region partition; usages, findings and suppressions: one each; no history (no stored
    // finding needs it); writes: ceil(30 / 25) batches.
    expect(first.byCommand.QueryCommand).toBeLessThan(60);
    expect(first.byCommand.GetItemCommand ?? 0).toBe(0);
    expect(first.byCommand.BatchWriteItemCommand).toBe(2);
    expect(first.byCommand.PutItemCommand ?? 0).toBe(0);
    const used = (await deps.store.findingsOfAssets(TENANT, [assetId(TENANT, rotationOffKey(0).arn)]))[0];
    expect(used.blastRadius.map((b) => `${b.knownFrom} ${b.arn}`).sort()).toEqual([`event ${APP_FUNCTION}`, `event ${APP_ROLE}`].sort());

    // WHEN: the same estate again within the day: nothing changed, nothing written; the Query count does not grow.
    clock = new Date(NOW.getTime() + 3_600_000);
    const steady = await counted(() => refreshAccountFindings(TENANT, ACCOUNT, deps));
    expect(steady.result).toMatchObject({ evaluated: KEYS + 1, opened: 0, resolved: 0, open: KEYS });
    expect(steady.byCommand.BatchWriteItemCommand ?? 0).toBe(0);
    expect(steady.byCommand.QueryCommand).toBe(first.byCommand.QueryCommand);
  });

  it('reads a secret’s history when a finding raised from it is stored, so a failed rotation stays open', async () => {
    // GIVEN: Secrets Manager reported the rotation failed (an applied event: history row), and the event path evaluated it
    await inventory.history.appendHistory(failingSecret.id, {
      tenantId: TENANT,
      assetArn: failingSecret.arn,
      eventId: 'ev-rotation-failed',
      eventName: 'RotationFailed',
      who: 'secretsmanager.amazonaws.com',
      at: days(-1),
      changes: [],
    });
    clock = new Date(NOW.getTime() + 2 * 3_600_000);
    const touched = await counted(() => refreshTouchedFindings([{ tenantId: TENANT, accountId: ACCOUNT, region: REGION, arn: failingSecret.arn }], deps));
    expect(touched.result).toMatchObject({ opened: 1 });
    // WHEN: the account is evaluated again
    clock = new Date(NOW.getTime() + 3 * 3_600_000);
    const again = await counted(() => refreshAccountFindings(TENANT, ACCOUNT, deps));
    // THEN: its history (only its) was read, and the finding did not resolve
    expect(again.result).toMatchObject({ resolved: 0, open: KEYS + 1 });
    const notRotated = (await deps.store.findingsOfAssets(TENANT, [failingSecret.id])).find((f) => f.ruleId === 'secret-not-rotated');
    expect(notRotated).toMatchObject({ status: 'open', evidence: { lastRotationOutcome: `RotationFailed at ${days(-1)}` } });
  });
});

describe('refreshTouchedFindings', () => {
  it('reads the touched assets by id and a key’s dependents by projection, never the Region’s whole inventory', async () => {
    // GIVEN: a secret encrypted with key 2 (same Region), created after the last account-wide evaluation
    const key2 = rotationOffKey(2);
    const encrypted = secret({ name: 'prod/orders/db', kmsKeyArn: key2.arn });
    await observe(encrypted);
    expect(await inventory.assets.listKeyDependents({ tenantId: TENANT, accountId: ACCOUNT, region: REGION }, [key2.arn])).toEqual([{
      arn: encrypted.arn,
      type: 'secret',
      region: REGION,
      lastSeen: expect.any(String),
      kmsKeyArn: key2.arn,
    }]);
    expect(await inventory.assets.listKeyDependents({ tenantId: TENANT, accountId: ACCOUNT, region: REGION }, [rotationOffKey(4).arn])).toEqual([]);
    expect(await inventory.assets.listKeyDependents({ tenantId: TENANT, accountId: ACCOUNT, region: OTHER_REGION }, [key2.arn])).toEqual([]);
    const list = jest.spyOn(inventory.assets, 'list');
    // WHEN: an event touched the key
    clock = new Date(NOW.getTime() + 4 * 3_600_000);
    const { result, byCommand } = await counted(() => refreshTouchedFindings([{ tenantId: TENANT, accountId: ACCOUNT, region: REGION, arn: key2.arn }], deps));
    // THEN: its finding shows the secret in its blast radius
    expect(result).toMatchObject({ evaluated: 1 });
    expect(list).not.toHaveBeenCalled();
    expect(byCommand.GetItemCommand).toBe(1);
    const finding = (await deps.store.findingsOfAssets(TENANT, [key2.id])).find((f) => f.ruleId === 'kms-rotation-disabled');
    expect(finding?.blastRadius).toContainEqual(expect.objectContaining({ arn: encrypted.arn, knownFrom: 'encrypts' }));
    list.mockRestore();
  });
});
