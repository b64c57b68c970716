// Creates the tables locally when they are missing (in AWS the CDK stack owns them): the single
// table and the statistics table that belongs with it.
import {
  CreateTableCommand, type CreateTableCommandInput, DescribeTableCommand, type DynamoDBClient, ResourceInUseException,
  ResourceNotFoundException, waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { statisticsTableDefinition, statisticsTableNameFor } from './statistics-table-design.ts';
import { tableDefinition } from './table-design.ts';

export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  statisticsTableName = statisticsTableNameFor(tableName),
): Promise<void> {
  await Promise.all([
    ensureOne(client, tableDefinition(tableName)),
    ensureOne(client, statisticsTableDefinition(statisticsTableName)),
  ]);
}

async function ensureOne(client: DynamoDBClient, definition: CreateTableCommandInput): Promise<void> {
  const tableName = definition.TableName as string;
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(definition));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.1, maxDelay: 1 }, { TableName: tableName });
}
