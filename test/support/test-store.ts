// A fresh table on the shared DynamoDB Local for each test file, so files can run in parallel.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDynamoDbClient } from '../../functions/store/create-store.ts';
import { DynamoDbListingStore } from '../../functions/store/dynamodb/dynamodb-listing-store.ts';
import { ensureTable } from '../../functions/store/dynamodb/ensure-table.ts';
import type { Region } from '../../shared/domain/index.ts';

export async function createTestStore() {
  const client = createDynamoDbClient({ DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), AWS_REGION: 'eu-west-1' });
  const tableName = `test-${randomUUID()}`;
  await ensureTable(client, tableName);
  return { store: new DynamoDbListingStore(client, tableName), client, tableName };
}

export const testRegions: Region[] = [
  {
    id: 'zuid-limburg',
    name: 'Zuid-Limburg',
    careOfficeRegionCode: 'ZK31',
    primarySector: 'VV',
    municipalities: [{ code: 'GM0935', name: 'Maastricht' }],
    description: 'Test region.',
    supportOrganizations: [],
    demonstration: true,
  },
  {
    id: 'rotterdam',
    name: 'Rotterdam',
    careOfficeRegionCode: 'ZK20',
    primarySector: 'VG',
    municipalities: [{ code: 'GM0599', name: 'Rotterdam' }],
    description: 'Test region.',
    supportOrganizations: [],
    demonstration: true,
  },
];
