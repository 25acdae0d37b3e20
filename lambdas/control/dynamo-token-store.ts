import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll, withoutKeys, type Item } from '../shared/dynamo';
import { controlKeys, GSI1 } from '../shared/table-schema';
import type { StoredToken, TokenRecord } from './control-model';
import { TokenNotFoundError } from './errors';
import type { TokenStore } from './token-store';

/** The hash stays in the table: only the authorizer's lookup (findTokenByHash) returns it. */
const toRecord = (item: Item) => withoutKeys<TokenRecord>(item, ['secretHash']);

/** Tokens in the CONTROL table, one item per token keyed by its secret's hash (lambdas/shared/table-schema.ts). */
export class DynamoTokenStore implements TokenStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async putToken(token: StoredToken): Promise<TokenRecord> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...controlKeys.token(token.secretHash),
          [GSI1.pk]: controlKeys.tokensOfTenant(token.tenantId),
          [GSI1.sk]: token.tokenId,
          ...token,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return toRecord({ ...token });
  }

  async findTokenByHash(secretHash: string): Promise<StoredToken | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: controlKeys.token(secretHash), ConsistentRead: true }),
    );
    return Item ? withoutKeys<StoredToken>(Item) : undefined;
  }

  async listTokens(tenantId: string): Promise<TokenRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.tableName,
      IndexName: GSI1.name,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': GSI1.pk },
      ExpressionAttributeValues: { ':pk': controlKeys.tokensOfTenant(tenantId) },
    });
    return items.map(toRecord);
  }

  async revokeToken(tenantId: string, tokenId: string, revokedAt: string): Promise<TokenRecord> {
    const { Items } = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: GSI1.name,
        KeyConditionExpression: '#pk = :pk AND #sk = :sk',
        ExpressionAttributeNames: { '#pk': GSI1.pk, '#sk': GSI1.sk },
        ExpressionAttributeValues: { ':pk': controlKeys.tokensOfTenant(tenantId), ':sk': tokenId },
      }),
    );
    const found = Items?.[0];
    if (!found) throw new TokenNotFoundError(tokenId);
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: { pk: found.pk, sk: found.sk },
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
        ConditionExpression: 'attribute_exists(pk) AND tenantId = :t',
        ExpressionAttributeValues: { ':now': revokedAt, ':t': tenantId },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return toRecord(Attributes ?? {});
  }
}
