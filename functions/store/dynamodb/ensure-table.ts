// Creates the table locally when it is missing (in AWS the CDK stack owns it).
import {
  CreateTableCommand, DescribeTableCommand, type DynamoDBClient, ResourceInUseException,
  ResourceNotFoundException, waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from './table-design.ts';

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.1, maxDelay: 1 }, { TableName: tableName });
}
