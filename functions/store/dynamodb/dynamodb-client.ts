// The DynamoDB client from config: DynamoDB Local when an endpoint is set, else AWS, with the
// deadlines and retries every outbound client has (../../platform/outbound-calls.ts). Kept apart
// from create-store.ts so a function that needs a few stores does not import them all.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../../platform/config.ts';
import { awsClientSettings, type CallProfile } from '../../platform/outbound-calls.ts';

/**
 * The one client config for DynamoDB Local, so every local caller signs the same way, with the
 * deadlines and retries every client has (../platform/outbound-calls.ts).
 */
export function localDynamoDbClientConfig(endpoint: string, region = 'eu-west-1', profile: CallProfile = 'interactive') {
  return { ...awsClientSettings(profile), endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
}

/** `profile`: 'interactive' for a request someone waits on, 'batch' for imports and index jobs. */
export function createDynamoDbClient(config: Pick<Config, 'DYNAMODB_ENDPOINT' | 'AWS_REGION'>, profile: CallProfile = 'interactive'): DynamoDBClient {
  if (config.DYNAMODB_ENDPOINT) {
    return new DynamoDBClient(localDynamoDbClientConfig(config.DYNAMODB_ENDPOINT, config.AWS_REGION, profile));
  }
  return new DynamoDBClient({ ...awsClientSettings(profile), region: config.AWS_REGION });
}
