// One table behind one document client, shared by the DynamoDB adapters of every store port:
// the few read calls they all make, with paging done once.
import { ConditionalCheckFailedException, TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { PrimaryKey } from './keys.ts';

export type Item = Record<string, unknown>;
export type QueryInput = Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>;

export class DynamoDbTable {
  readonly doc: DynamoDBDocumentClient;

  constructor(
    client: DynamoDBClient,
    readonly name: string,
  ) {
    this.doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  }

  async get(key: PrimaryKey, options: { consistent?: boolean } = {}): Promise<Item | undefined> {
    const { Item } = await this.doc.send(new GetCommand({ TableName: this.name, Key: key, ConsistentRead: options.consistent }));
    return Item;
  }

  /** An unconditional put: for configuration, which has one writer and no versions. */
  async put(item: Item): Promise<void> {
    await this.doc.send(new PutCommand({ TableName: this.name, Item: item }));
  }

  /** One page, from where the previous one stopped. */
  async queryPage(input: QueryInput, start?: Item) {
    const out = await this.doc.send(new QueryCommand({ TableName: this.name, ...input, ExclusiveStartKey: start }));
    return { items: (out.Items ?? []) as Item[], count: out.Count ?? 0, next: out.LastEvaluatedKey };
  }

  /** Every page of a query. */
  async queryAll(input: QueryInput): Promise<Item[]> {
    const items: Item[] = [];
    let start: Item | undefined;
    do {
      const page = await this.queryPage(input, start);
      items.push(...page.items);
      start = page.next;
    } while (start);
    return items;
  }

  /**
   * Unconditional puts and deletes in batches of 25 (BatchWriteItem's limit), unprocessed ones
   * retried until none is left. Not atomic: for items whose writes stand alone.
   */
  async batchWrite(writes: ReadonlyArray<{ put: Item } | { delete: PrimaryKey }>): Promise<void> {
    for (let i = 0; i < writes.length; i += 25) {
      let requests: Record<string, unknown[]> | undefined = {
        [this.name]: writes.slice(i, i + 25).map((w) => ('put' in w ? { PutRequest: { Item: w.put } } : { DeleteRequest: { Key: w.delete } })),
      };
      while (requests && Object.keys(requests).length > 0) {
        const out = await this.doc.send(new BatchWriteCommand({ RequestItems: requests as never }));
        requests = out.UnprocessedItems as Record<string, unknown[]> | undefined;
      }
    }
  }

  async count(input: QueryInput): Promise<number> {
    let total = 0;
    let start: Item | undefined;
    do {
      const page = await this.queryPage({ ...input, Select: 'COUNT' }, start);
      total += page.count;
      start = page.next;
    } while (start);
    return total;
  }
}

/** An item's version as the read views carry it: items stored before versions existed read as 0. */
export const versionOf = (item: { version?: unknown }): number => (typeof item.version === 'number' ? item.version : 0);

/** Whether a write was refused by its condition (alone, or as part of a transaction). */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof TransactionCanceledException && (error.CancellationReasons ?? []).some((r) => r.Code === 'ConditionalCheckFailed'));

/** Runs a conditional write: true when it was made, false when its condition refused it. */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
