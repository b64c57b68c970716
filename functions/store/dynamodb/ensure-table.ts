// Creates the tables locally when they are missing (in AWS the CDK stack owns them): the listing
// table and, beside it, the statistics and dossier tables, so every local path that makes one makes all.
import {
  CreateTableCommand, DescribeTableCommand, type CreateTableCommandInput, type DynamoDBClient, ResourceInUseException,
  ResourceNotFoundException, waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { statisticsTableDefinition, statisticsTableNameFor } from './statistics-table-design.ts';
import { dossierTableDefinition, dossierTableNameFor, tableDefinition } from './table-design.ts';

/** The tables beside the listing table; each unset one is named after it (`<table>-statistics`, `<table>-dossiers`). */
export interface CompanionTableNames {
  statisticsTableName?: string | undefined;
  dossierTableName?: string | undefined;
}

/** Every companion table's name, the defaults filled in. */
export function companionTableNames(tableName: string, names: CompanionTableNames = {}): Required<{ [K in keyof CompanionTableNames]: string }> {
  return {
    statisticsTableName: names.statisticsTableName ?? statisticsTableNameFor(tableName),
    dossierTableName: names.dossierTableName ?? dossierTableNameFor(tableName),
  };
}

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

/** The listing table `tableName` and its companion tables. */
export async function ensureTable(client: DynamoDBClient, tableName: string, names: CompanionTableNames = {}): Promise<void> {
  const { statisticsTableName, dossierTableName } = companionTableNames(tableName, names);
  await Promise.all([
    ensure(client, { ...tableDefinition(tableName), TableName: tableName }),
    ensure(client, { ...statisticsTableDefinition(statisticsTableName), TableName: statisticsTableName }),
    ensure(client, { ...dossierTableDefinition(dossierTableName), TableName: dossierTableName }),
  ]);
}
