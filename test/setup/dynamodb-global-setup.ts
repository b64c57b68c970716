// Vitest global setup: one in-memory DynamoDB Local for the whole test run, handed to the tests
// as inject('dynamodbEndpoint'). Starting the JVM per test file would cost ~2 s each.
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../functions/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dynamoDb = await startDynamoDbLocal({ mode: 'memory' });
  project.provide('dynamodbEndpoint', dynamoDb.endpoint);
  return () => dynamoDb.stop();
}
