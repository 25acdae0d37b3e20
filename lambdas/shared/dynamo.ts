import { ConditionalCheckFailedException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateQuery, type QueryCommandInput, type TranslateConfig } from '@aws-sdk/lib-dynamodb';
import { GSI1, GSI2, KEY } from './table-schema';

/**
 * What every DynamoDB adapter shares: how items are marshalled, what a failed condition means, which attributes are
 * keys, and how a query is read to the end. Single-item conditional writes only: dynalite (the local DynamoDB) has
 * no transactions.
 */

export type Item = Record<string, unknown>;

/**
 * Undefined optional fields are left out of the item instead of failing the write; class instances are never
 * marshalled as maps (https://docs.aws.amazon.com/AWSJavaScriptSDK/v3/latest/Package/-aws-sdk-lib-dynamodb/).
 */
export const MARSHALL_OPTIONS: NonNullable<TranslateConfig['marshallOptions']> = {
  removeUndefinedValues: true,
  convertClassInstanceToMap: false,
};

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: MARSHALL_OPTIONS });
}

/** The write's ConditionExpression was false (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutItem.html#API_PutItem_Errors). */
export function isConditionFailure(err: unknown): boolean {
  // By name too: a bundle may hold a second copy of the SDK whose class is not this one.
  return err instanceof ConditionalCheckFailedException || (err as { name?: string } | null)?.name === 'ConditionalCheckFailedException';
}

/** Runs a conditional write: true if written, false if its condition did not hold (any other error is rethrown). */
export async function writeIf(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** Runs a conditional write whose false condition means a named domain error (e.g. "not found"). */
export async function writeOrThrow<T>(write: () => Promise<T>, error: () => Error): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isConditionFailure(err)) throw error();
    throw err;
  }
}

/** Table and index key attributes (lambdas/shared/table-schema.ts): bookkeeping that never leaves an adapter. */
const KEY_ATTRIBUTES: readonly string[] = [KEY.pk, KEY.sk, GSI1.pk, GSI1.sk, GSI2.pk, GSI2.sk];

/** The item without its key attributes and any `also` named (e.g. TTL_ATTRIBUTE of an expiring row). */
export function withoutKeys<T = Item>(item: Item, also: readonly string[] = []): T {
  const copy: Item = { ...item };
  for (const attr of [...KEY_ATTRIBUTES, ...also]) delete copy[attr];
  return copy as T;
}

/** Every page of a query, in order (the SDK's paginator follows LastEvaluatedKey). */
export async function* queryPages(db: DynamoDBDocumentClient, input: QueryCommandInput): AsyncGenerator<Item[]> {
  for await (const page of paginateQuery({ client: db }, { ...input })) yield page.Items ?? [];
}

/** Every item of a query. */
export async function queryAll(db: DynamoDBDocumentClient, input: QueryCommandInput): Promise<Item[]> {
  const out: Item[] = [];
  for await (const items of queryPages(db, input)) out.push(...items);
  return out;
}
