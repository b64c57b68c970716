// The site builder's build starter (docs/site-rebuild.md): the changes queue's messages, collected
// by the event source for about a minute, in; one build out. The changes are merged into one
// (a full build if any asks for one), stored as a build request in the builder's bucket, and the
// CodeBuild project started with the request's key. While a build runs the project refuses another
// (concurrentBuildLimit 1): the messages are then reported back as failed, come back after the
// queue's visibility timeout and start the next build, so no change is lost. A message that holds
// no change is reported back too, and ends in the dead-letter queue (alarmed).
import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { lambdaHandler } from '../platform/lambda-handler.ts';
import { errorSummary, log } from '../platform/log.ts';
import { awsClientSettings } from '../platform/outbound-calls.ts';
import { isEmptyChange } from './affected-pages.ts';
import { mergeQueuedChanges, requestKey } from './site-build-request.ts';
import { codeBuildClient, isBuildRunning, startSiteBuild } from './start-build.ts';

const region = process.env.AWS_REGION ?? 'eu-west-1';
const requestsBucket = process.env.REQUESTS_BUCKET;
const projectName = process.env.SITE_BUILD_PROJECT;
const s3 = new S3Client({ ...awsClientSettings('batch'), region, requestChecksumCalculation: 'WHEN_REQUIRED' });
const codeBuild = codeBuildClient(region);

export const handler = lambdaHandler(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  if (!requestsBucket || !projectName) throw new Error('REQUESTS_BUCKET and SITE_BUILD_PROJECT must be set.');
  const messages = event.Records.map((r) => ({ id: r.messageId, body: r.body, sentAt: Number(r.attributes.SentTimestamp) || 0 }));
  const { change, rejected } = mergeQueuedChanges(messages);
  if (rejected.length > 0) log.error('queued messages hold no site change', { rejected: rejected.length });
  const failed = (ids: readonly string[]): SQSBatchResponse => ({ batchItemFailures: ids.map((itemIdentifier) => ({ itemIdentifier })) });
  if (isEmptyChange(change)) return failed(rejected);

  const key = requestKey(new Date(), randomUUID());
  await s3.send(new PutObjectCommand({ Bucket: requestsBucket, Key: key, Body: JSON.stringify(change), ContentType: 'application/json' }));
  try {
    const build = await startSiteBuild(codeBuild, { projectName, request: key });
    log.info('site build started', { build: build.id, request: key, messages: messages.length, full: change.full });
    return failed(rejected);
  } catch (error) {
    if (!isBuildRunning(error)) throw error;
    // Not a failure of this function: the changes wait on the queue for the running build to end.
    log.info('a site build is running: the changes start the next one', { messages: messages.length, error: errorSummary(error) });
    return failed(messages.map((m) => m.id));
  }
});
