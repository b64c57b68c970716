// Creates the tables locally when they are missing (in AWS the CDK stack owns them): the listing
// table and, beside it, the dossier table, so every local path that makes one makes both.
import {
  CreateTableCommand, DescribeTableCommand, type CreateTableCommandInput, type DynamoDBClient, ResourceInUseException,
  ResourceNotFoundException, waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { dossierTableDefinition, dossierTableNameFor, tableDefinition } from './table-design.ts';

async function ensure(client: DynamoDBClient, definition: CreateTableCommandInput & { TableName: string }): Promise<void> {
  try {
    await client.send(new DescribeTableCommand({ TableName: definition.TableName }));
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await client.send(new CreateTableCommand(definition));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 30, minDelay: 0.1, maxDelay: 1 }, { TableName: definition.TableName });
}

/** The listing table `tableName` and its dossier table (by default `<tableName>-dossiers`). */
export async function ensureTable(client: DynamoDBClient, tableName: string, dossierTableName = dossierTableNameFor(tableName)): Promise<void> {
  await Promise.all([
    ensure(client, { ...tableDefinition(tableName), TableName: tableName }),
    ensure(client, { ...dossierTableDefinition(dossierTableName), TableName: dossierTableName }),
  ]);
}
