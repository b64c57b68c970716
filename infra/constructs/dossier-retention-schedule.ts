// The dossiers' retention in AWS (issue 14 item 5): once a day an EventBridge Scheduler schedule
// invokes the staff function with RETENTION_EVENT (functions/dossiers/retention-event.ts), as the
// staff function alone may reach the dossier table; a reminder function with rights on it would
// break the rule that keeps health data behind one function. Neither side retries: the next day's
// run picks up whatever is still due (a warning is recorded only once it was mailed). A start that
// could not be delivered lands in a dead-letter queue, like the freshness reminders'.
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { type IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { RETENTION_EVENT } from '../../functions/dossiers/retention-event.ts';
import { type StageConfig } from '../config.ts';
import { resourceName } from '../naming.ts';
import { acknowledge, nagResource } from '../nag.ts';

/** Every day at 07:30 Dutch time: before the freshness reminders, and before supporters start work. */
export const RETENTION_SCHEDULE = { hour: 7, minute: 30, timeZone: 'Europe/Amsterdam' } as const;

export class DossierRetentionSchedule extends Construct {
  readonly schedule: Schedule;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: { config: StageConfig; staffFunction: IFunction }) {
    super(scope, id);
    const { config } = props;
    this.deadLetterQueue = new Queue(this, 'Undelivered', {
      queueName: resourceName(config.stage, 'retention-undelivered'),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetterQueue,
      'SQS3',
      'This queue is itself the dead-letter queue of the retention schedule: it holds a daily start Scheduler could not deliver. ' +
        'Nothing consumes it; an operator may invoke the staff function with {"task":"dossier-retention"} by hand and purge it.',
    );
    const stack = Stack.of(this);
    const rolesBefore = new Set(stack.node.children.map((c) => c.node.id));
    const target = new LambdaInvoke(props.staffFunction, {
      input: ScheduleTargetInput.fromObject(RETENTION_EVENT),
      retryAttempts: 0,
      deadLetterQueue: this.deadLetterQueue,
    });
    this.schedule = new Schedule(this, 'Schedule', {
      scheduleName: resourceName(config.stage, 'dossier-retention'),
      description: 'Warns of and deletes client supporters\' dossiers untouched for 11 and 12 months, every morning.',
      schedule: ScheduleExpression.cron({
        minute: String(RETENTION_SCHEDULE.minute),
        hour: String(RETENTION_SCHEDULE.hour),
        timeZone: TimeZone.of(RETENTION_SCHEDULE.timeZone),
      }),
      target,
    });
    // CDK makes the role Scheduler assumes for this target (one per function) and grants it lambda:InvokeFunction.
    const schedulerRole = stack.node.children.find((c) => c.node.id.startsWith('SchedulerRoleForTarget') && !rolesBefore.has(c.node.id));
    if (schedulerRole) {
      acknowledge(
        schedulerRole,
        'IAM5',
        'CDK\'s grantInvoke names the function\'s own versions and aliases (<arn>:*) beside its ARN: the scheduler role may invoke the staff function only.',
        [`Resource::${nagResource(this, `${props.staffFunction.functionArn}:*`)}`],
      );
    }
  }
}
