// A fresh table (and its dossier table) on the shared DynamoDB Local for each test file, so files can run in parallel.
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDynamoDbClient, dynamoDbStores } from '../../functions/store/create-store.ts';
import { companionTableNames, ensureTable } from '../../functions/store/dynamodb/ensure-table.ts';

export async function createTestStore() {
  const endpoint = inject('dynamodbEndpoint');
  // Only the connected and browser projects start DynamoDB Local; elsewhere the AWS SDK would
  // otherwise go looking for real AWS and fail slowly and obscurely.
  if (!endpoint) throw new Error('No DynamoDB Local in this vitest project: tests that need the database belong in test/connected/.');
  // The batch limits: these files test the store's logic on one DynamoDB Local that every test file
  // shares at once, where a 100-item transaction can pass the interactive 1.5 s. The interactive
  // deadlines have their own test on a private instance (resilience.test.ts).
  const client = createDynamoDbClient({ DYNAMODB_ENDPOINT: endpoint, AWS_REGION: 'eu-west-1' }, 'batch');
  const tableName = `test-${randomUUID()}`;
  await ensureTable(client, tableName);
  return { stores: dynamoDbStores(client, tableName), client, tableName, dossierTableName: companionTableNames(tableName).dossierTableName };
}
