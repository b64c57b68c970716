// Builds the listing store from config: DynamoDB Local when an endpoint is set, else AWS.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../platform/config.ts';
import { DynamoDbListingStore } from './dynamodb/dynamodb-listing-store.ts';

/** The one client config for DynamoDB Local, so every local caller signs the same way. */
export function localDynamoDbClientConfig(endpoint: string, region = 'eu-west-1') {
  return { endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}

export function createDynamoDbClient(config: Pick<Config, 'DYNAMODB_ENDPOINT' | 'AWS_REGION'>): DynamoDBClient {
  if (config.DYNAMODB_ENDPOINT) {
    return new DynamoDBClient(localDynamoDbClientConfig(config.DYNAMODB_ENDPOINT, config.AWS_REGION));
  }
  return new DynamoDBClient({ region: config.AWS_REGION });
}

/** `client` lets a Lambda hand in a client it instruments (X-Ray); by default one is made from config. */
export function createListingStore(
  config: Pick<Config, 'DYNAMODB_ENDPOINT' | 'AWS_REGION' | 'TABLE_NAME'>,
  client: DynamoDBClient = createDynamoDbClient(config),
) {
  return new DynamoDbListingStore(client, config.TABLE_NAME);
}
