import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoCountingProxy, trafficBetween, type DynamoCountingProxy } from '../../bench/dynamo-counting-proxy';
import { INVENTORY_TABLE, startDynalite, type LocalDynamo } from '../../support/dynalite';
import { KEY } from '../../../lambdas/shared/table-schema';

let dynamo: LocalDynamo;
let proxy: DynamoCountingProxy;
let client: DynamoDBClient;
let db: DynamoDBDocumentClient;

beforeAll(async () => {
  dynamo = await startDynalite();
  proxy = await startDynamoCountingProxy(dynamo.endpoint);
  client = new DynamoDBClient({ endpoint: proxy.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  db = DynamoDBDocumentClient.from(client);
});

afterAll(async () => {
  client.destroy();
  await proxy.stop();
  await dynamo.stop();
});

const item = (pk: string, sk: string, extra: Record<string, unknown> = {}) => ({ [KEY.pk]: pk, [KEY.sk]: sk, ...extra });

it('counts requests, items and capacity units as the database answered them', async () => {
  const before = proxy.snapshot();
  await db.send(new PutCommand({ TableName: INVENTORY_TABLE, Item: item('P', 'a', { big: 'x'.repeat(2_500), kind: 'big' }) }));
  await db.send(
    new BatchWriteCommand({ RequestItems: { [INVENTORY_TABLE]: ['b', 'c', 'd'].map((sk) => ({ PutRequest: { Item: item('P', sk) } })) } }),
  );
  await expect(
    db.send(new PutCommand({ TableName: INVENTORY_TABLE, Item: item('P', 'a'), ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': KEY.pk } })),
  ).rejects.toThrow();
  const found = await db.send(new GetCommand({ TableName: INVENTORY_TABLE, Key: item('P', 'b'), ConsistentRead: true }));
  const page = await db.send(
    new QueryCommand({
      TableName: INVENTORY_TABLE,
      KeyConditionExpression: '#pk = :pk',
      FilterExpression: 'attribute_not_exists(kind)',
      ExpressionAttributeNames: { '#pk': KEY.pk },
      ExpressionAttributeValues: { ':pk': 'P' },
    }),
  );
  // The caller asked for no capacity; the proxy did, and the answer still parses.
  expect(found.Item).toBeDefined();
  expect(page.Items).toHaveLength(3);

  const traffic = trafficBetween(proxy.snapshot(), before);
  expect(traffic.requests).toEqual({ PutItem: 2, BatchWriteItem: 1, GetItem: 1, Query: 1 });
  expect(traffic.writeRequests).toBe(3);
  expect(traffic.readRequests).toBe(2);
  expect(traffic.itemsWritten).toBe(1 + 3);
  // 3 KB item = 3 units, three small items = 3 units, the refused conditional put = 1 unit.
  expect(traffic.writeUnits).toBe(3 + 3 + 1);
  expect(traffic.errors).toEqual({ ConditionalCheckFailedException: 1 });
  // The query read all four items of the partition and returned three: the filter does not save reads.
  expect(traffic.itemsRead).toBe(1 + 4);
  expect(traffic.itemsReturned).toBe(1 + 3);
  expect(traffic.readUnits).toBeGreaterThanOrEqual(1 + 0.5);
});
