// Vitest global setup: one in-memory DynamoDB Local for the whole test run, handed to the tests
// as inject('dynamodbEndpoint'). Starting the JVM per test file would cost ~2 s each.
// Vitest runs a project's global setup once per project (connected and browser both use this
// file), each in a module graph of its own; the instance is kept on globalThis with a count of
// its users, so a full run still starts one JVM and stops it after the last project is done.
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal, type DynamoDbLocal } from '../../functions/local/dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
  }
}

interface Shared {
  instance: Promise<DynamoDbLocal>;
  users: number;
}

const KEY = Symbol.for('woonwijzer.test.dynamodb-local');
const registry = globalThis as typeof globalThis & { [KEY]?: Shared };

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const shared = (registry[KEY] ??= { instance: startDynamoDbLocal({ mode: 'memory' }), users: 0 });
  shared.users += 1;
  let dynamoDb: DynamoDbLocal;
  try {
    dynamoDb = await shared.instance;
  } catch (error) {
    // A failed start must not be handed to the next project: it tries again.
    if (registry[KEY] === shared) delete registry[KEY];
    throw error;
  }
  project.provide('dynamodbEndpoint', dynamoDb.endpoint);
  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    if (registry[KEY] === shared) delete registry[KEY];
    await dynamoDb.stop();
  };
}
