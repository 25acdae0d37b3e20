import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { batchPutAll, UnprocessedItemsError } from '../../../lambdas/shared/dynamo-batch-write';

const db = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1' }));
const mock = mockClient(db);
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ pk: `P#${i}`, sk: 'S' }));
const noSleep = async () => undefined;
const sentKeys = () => mock.commandCalls(BatchWriteCommand).flatMap((c) => (c.args[0].input.RequestItems!.t ?? []).map((r) => r.PutRequest!.Item!.pk as string));

beforeEach(() => mock.reset());

describe('batchPutAll', () => {
  it('writes 25 items per BatchWriteItem', async () => {
    // GIVEN
    mock.on(BatchWriteCommand).resolves({});
    // WHEN
    await batchPutAll(db, 't', items(60), { sleep: noSleep });
    // THEN
    const sizes = mock.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems!.t!.length);
    expect(sizes.sort((a, b) => b - a)).toEqual([25, 25, 10]);
    expect(new Set(sentKeys()).size).toBe(60);
  });

  it('re-sends the unprocessed items (only them) with growing backoff until written', async () => {
    // GIVEN: the first answer leaves two items unprocessed, the second one of them
    const [a, b] = items(2).map((Item) => ({ PutRequest: { Item } }));
    mock
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { t: [a, b] } })
      .resolvesOnce({ UnprocessedItems: { t: [b] } })
      .resolves({});
    const waits: number[] = [];
    // WHEN
    await batchPutAll(db, 't', items(3), { sleep: async (ms) => void waits.push(ms), baseDelayMs: 100 });
    // THEN
    expect(mock.commandCalls(BatchWriteCommand).map((c) => c.args[0].input.RequestItems!.t!.length)).toEqual([3, 2, 1]);
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThanOrEqual(50);
    expect(waits[0]).toBeLessThanOrEqual(100);
    expect(waits[1]).toBeGreaterThanOrEqual(100);
    expect(waits[1]).toBeLessThanOrEqual(200);
  });

  it('fails naming the table when items stay unprocessed after the last attempt', async () => {
    mock.on(BatchWriteCommand).callsFake((input: { RequestItems: Record<string, unknown[]> }) => ({ UnprocessedItems: input.RequestItems }));
    await expect(batchPutAll(db, 'findings', items(4), { sleep: noSleep, maxAttempts: 3 })).rejects.toEqual(new UnprocessedItemsError('findings', 4));
    expect(mock.commandCalls(BatchWriteCommand)).toHaveLength(3);
  });

  it('sends nothing for no items', async () => {
    await batchPutAll(db, 't', []);
    expect(mock.commandCalls(BatchWriteCommand)).toHaveLength(0);
  });
});
