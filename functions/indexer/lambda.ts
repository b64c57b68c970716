// The stream indexer on AWS Lambda: DynamoDB stream batches in, OpenSearch kept current, failed
// records reported back (the event source has reportBatchItemFailures and bisects on error).
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { readConfig } from '../platform/config.ts';
import { lambdaHandler } from '../platform/lambda-handler.ts';
// For its effect: in Lambda the tracer traces every outgoing HTTPS request (the OpenSearch calls).
import '../platform/tracer.ts';
import { createOpenSearchIndex } from '../search/opensearch/create-opensearch-index.ts';
import { processStreamBatch } from './indexer-core.ts';
import { openSearchSettings } from './search-settings.ts';

const index = createOpenSearchIndex(openSearchSettings(readConfig()));

export const handler = lambdaHandler(
  async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => processStreamBatch(event.Records, index),
);
