// The one shape of the stacks' dead-letter queues (the indexer's stream failures, the site
// builder's unbuilt changes, the reminder schedule's undelivered starts): encrypted, TLS only,
// kept 14 days for an operator to read, and no queue behind it (cdk-nag's SQS3, acknowledged with
// the caller's reason: nothing consumes it; the ops stack's alarm on its depth calls an operator).
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { type Construct } from 'constructs';
import { acknowledge } from '../nag.ts';

export function deadLetterQueue(scope: Construct, id: string, props: { queueName: string; whoReadsIt: string }): Queue {
  const queue = new Queue(scope, id, {
    queueName: props.queueName,
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  acknowledge(queue, 'SQS3', props.whoReadsIt);
  return queue;
}
