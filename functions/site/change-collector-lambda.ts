// The site builder's change collector (docs/site-rebuild.md): the table's stream, filtered at the
// event source to the records that can touch a page, in; the pages they touch
// (affected-pages.ts, the same reading as the local rebuilder) out, as one message on the
// changes queue, where the build starter collects them for a minute. A batch that touches no page
// sends nothing. A failure is thrown: the event source retries the batch, halves it, and after
// its attempts sends it to the dead-letter queue (alarmed).
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { lambdaHandler } from '../platform/lambda-handler.ts';
import { log } from '../platform/log.ts';
import { awsClientSettings } from '../platform/outbound-calls.ts';
import { affectedPages, isEmptyChange, type SiteStreamRecord } from './affected-pages.ts';
import { SCOPED_PAGE_KINDS } from './page-scope.ts';

const queueUrl = process.env.SITE_CHANGES_QUEUE_URL;
const region = process.env.AWS_REGION ?? 'eu-west-1';
// 'batch': the event source waits minutes for a batch, so a throttled send is worth more retries.
const sqs = new SQSClient({ ...awsClientSettings('batch'), region });

export const handler = lambdaHandler(async (event: DynamoDBStreamEvent): Promise<void> => {
  if (!queueUrl) throw new Error('SITE_CHANGES_QUEUE_URL is not set.');
  const change = affectedPages(event.Records as SiteStreamRecord[]);
  if (isEmptyChange(change)) {
    log.debug('stream records touch no page', { records: event.Records.length });
    return;
  }
  await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: JSON.stringify(change) }));
  // Counts only: the ids are public pages, but a count says what an operator needs.
  log.info('site change queued', {
    records: event.Records.length,
    full: change.full,
    removeLocations: change.removeLocations.length,
    ...Object.fromEntries(SCOPED_PAGE_KINDS.map((kind) => [kind, change.build[kind].length])),
  });
});
