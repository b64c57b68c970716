// Checks the DynamoDB Local harness itself: the shared in-memory instance works with GSIs, and a
// disk-mode instance keeps its data across a restart and frees its port when stopped.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, waitUntilTableExists } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';
import { localDynamoDbClientConfig } from '../../functions/store/create-store.ts';

async function createTable(client: DynamoDBClient, tableName: string) {
  await client.send(new CreateTableCommand({
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'gsi1pk', AttributeType: 'S' },
    ],
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
    GlobalSecondaryIndexes: [{
      IndexName: 'gsi1',
      KeySchema: [{ AttributeName: 'gsi1pk', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }],
      Projection: { ProjectionType: 'ALL' },
    }],
  }));
  await waitUntilTableExists({ client, maxWaitTime: 10, minDelay: 0.1, maxDelay: 0.5 }, { TableName: tableName });
}

function documentClient(endpoint: string) {
  const client = new DynamoDBClient(localDynamoDbClientConfig(endpoint));
  return { client, docs: DynamoDBDocumentClient.from(client) };
}

/** True when nothing listens on the port any more (we can bind it ourselves). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => done(false));
    server.listen(port, '127.0.0.1', () => server.close(() => done(true)));
  });
}

describe('the shared in-memory DynamoDB Local', () => {
  it('creates a table with a GSI and puts, gets and queries an item', async () => {
    const { client, docs } = documentClient(inject('dynamodbEndpoint'));
    const tableName = `harness-${randomUUID()}`;
    await createTable(client, tableName);

    const item = { pk: 'LOCATION#1', sk: 'META', gsi1pk: 'REGION#rotterdam', name: 'De Linde' };
    await docs.send(new PutCommand({ TableName: tableName, Item: item }));

    const got = await docs.send(new GetCommand({ TableName: tableName, Key: { pk: 'LOCATION#1', sk: 'META' } }));
    expect(got.Item).toEqual(item);
    const byRegion = await docs.send(new QueryCommand({
      TableName: tableName,
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :region',
      ExpressionAttributeValues: { ':region': 'REGION#rotterdam' },
    }));
    expect(byRegion.Items).toEqual([item]);
    client.destroy();
  });
});

describe('a disk-mode DynamoDB Local', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  // Two starts of the Java process: seconds alone, far more on a loaded machine.
  it('keeps its data across a restart and frees its port on stop', { timeout: 60_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'woonwijzer-ddb-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const tableName = 'restart-check';
    const key = { pk: 'LOCATION#2', sk: 'META' };

    const first = await startDynamoDbLocal({ mode: 'disk', dir });
    cleanups.push(first.stop);
    const a = documentClient(first.endpoint);
    await createTable(a.client, tableName);
    await a.docs.send(new PutCommand({ TableName: tableName, Item: { ...key, name: 'Het Anker' } }));
    a.client.destroy();
    await first.stop();
    await first.stop(); // idempotent
    expect(await portIsFree(first.port)).toBe(true);

    const second = await startDynamoDbLocal({ mode: 'disk', dir });
    cleanups.push(second.stop);
    const b = documentClient(second.endpoint);
    const got = await b.docs.send(new GetCommand({ TableName: tableName, Key: key }));
    expect(got.Item).toEqual({ ...key, name: 'Het Anker' });
    b.client.destroy();
    await second.stop();
    expect(await portIsFree(second.port)).toBe(true);
  });
});
