// The public API function's stores: the read ports and the demand counters, nothing else. A module
// of its own (not create-store.ts) so the account, staff and dossier stores are not even in that
// function's bundle; its role cannot reach the dossier table either (infra/stacks/api-stack.ts).
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../platform/config.ts';
import type { Stores } from './create-store.ts';
import { createDynamoDbClient } from './dynamodb/dynamodb-client.ts';
import { DynamoDbDemandStatisticsStore } from './dynamodb/dynamodb-demand-statistics-store.ts';
import { DynamoDbListingReader } from './dynamodb/dynamodb-listing-reader.ts';
import { DynamoDbRegionStore } from './dynamodb/dynamodb-region-store.ts';
import { DynamoDbTable } from './dynamodb/dynamodb-table.ts';
import { companionTableNames } from './dynamodb/ensure-table.ts';

export function createPublicStores(
  config: Pick<Config, 'DYNAMODB_ENDPOINT' | 'AWS_REGION' | 'TABLE_NAME' | 'STATISTICS_TABLE_NAME'>,
  client: DynamoDBClient = createDynamoDbClient(config),
): Pick<Stores, 'regions' | 'listings' | 'demandStatistics'> {
  const table = new DynamoDbTable(client, config.TABLE_NAME);
  const { statisticsTableName } = companionTableNames(config.TABLE_NAME, { statisticsTableName: config.STATISTICS_TABLE_NAME });
  return {
    regions: new DynamoDbRegionStore(table),
    listings: new DynamoDbListingReader(table),
    demandStatistics: new DynamoDbDemandStatisticsStore(table.doc, statisticsTableName),
  };
}
