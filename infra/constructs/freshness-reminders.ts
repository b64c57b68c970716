// The freshness reminders in AWS (issue 11 item 5): functions/freshness/remind-lambda.ts as a
// function of its own, started once a day by an EventBridge Scheduler schedule. Scheduler rather
// than an EventBridge rule: a rule's cron runs in UTC, so "08:00" would be 09:00 in Dutch winter
// and 10:00 in summer; a schedule evaluates its cron in Europe/Amsterdam and follows the clock
// change. Neither side retries: a repeated run after a partial one would mail again the people
// who did get theirs, and the next day's run sends whatever is still due (remind.ts records a
// reminder only once all its mails went out). A run that never started lands in a dead-letter
// queue, a run that failed counts in the function's Errors: the ops stack alarms on both.
import { Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { type IManagedPolicy } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { entryPath } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { resourceName, siteOriginsParameterName } from '../naming.ts';
import { acknowledge, nagResource } from '../nag.ts';
import { acknowledgeTracing, executionRole, lambdaSettings, paramsAndSecretsExtension, stageLogGroup } from './lambda-settings.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';
import { mailFrom, readSiteOriginsStatement, sendMailStatement } from './site-mail-grants.ts';

/** When the reminders go out: every day at 08:00 Dutch time, as office hours start. */
export const REMINDERS_SCHEDULE = { hour: 8, minute: 0, timeZone: 'Europe/Amsterdam' } as const;

export interface FreshnessRemindersProps {
  readonly config: StageConfig;
  readonly table: ITable;
  /** The data stack's policy for exactly the reminders' table calls. */
  readonly tablePolicy: IManagedPolicy;
  /** The sender, an address of the stage's SES identity. */
  readonly fromAddress: string;
}

export class FreshnessReminders extends Construct {
  readonly handler: NodejsFunction;
  readonly schedule: Schedule;
  /** Where Scheduler puts a daily start it could not deliver (throttled, refused). */
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: FreshnessRemindersProps) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);
    const settings = lambdaSettings(config);
    const logGroup = stageLogGroup(this, 'Logs', config);
    const role = executionRole(this, 'Role', logGroup);

    this.handler = new NodejsFunction(this, 'Function', {
      ...settings,
      functionName: resourceName(config.stage, 'remind'),
      description: 'Mails the editors of waiting lists unconfirmed for 28 and 45 days (once a day, on a schedule).',
      entry: entryPath('remind'),
      // One run reads every region's listing and sends one mail per editor, one after the other.
      timeout: Duration.minutes(5),
      // Scheduler invokes asynchronously; Lambda would otherwise retry a failed run twice.
      retryAttempts: 0,
      logGroup,
      role,
      // SITE_ORIGINS_PARAMETER is read through the extension on the first run, as the staff function does.
      paramsAndSecrets: paramsAndSecretsExtension(),
      environment: {
        ...settings.environment,
        TABLE_NAME: props.table.tableName,
        MAIL_FROM: mailFrom(props.fromAddress),
        SITE_ORIGINS_PARAMETER: siteOriginsParameterName(config.stage),
        // AWS_REGION is set by the Lambda runtime itself (a reserved name that may not be set here).
      },
    });
    acknowledgeTracing(this.handler);
    role.addManagedPolicy(props.tablePolicy);
    role.addToPolicy(readSiteOriginsStatement(stack, config));
    role.addToPolicy(sendMailStatement(stack, config));

    this.deadLetterQueue = deadLetterQueue(this, 'Undelivered', {
      queueName: resourceName(config.stage, 'remind-undelivered'),
      whoReadsIt: 'This queue is itself the dead-letter queue of the reminder schedule: it holds a daily start Scheduler could not deliver. ' +
        'Nothing consumes it; an alarm calls an operator, who may start the run by hand (docs/deploy.md) and purges it.',
    });

    const target = new LambdaInvoke(this.handler, { retryAttempts: 0, deadLetterQueue: this.deadLetterQueue });
    this.schedule = new Schedule(this, 'Schedule', {
      scheduleName: resourceName(config.stage, 'remind'),
      description: 'Starts the freshness reminders every morning, Dutch time.',
      schedule: ScheduleExpression.cron({
        minute: String(REMINDERS_SCHEDULE.minute),
        hour: String(REMINDERS_SCHEDULE.hour),
        timeZone: TimeZone.of(REMINDERS_SCHEDULE.timeZone),
      }),
      target,
    });
    // CDK makes the role Scheduler assumes for the target and grants it lambda:InvokeFunction.
    const schedulerRole = stack.node.children.find((c) => c.node.id.startsWith('SchedulerRoleForTarget'));
    if (schedulerRole) {
      acknowledge(
        schedulerRole,
        'IAM5',
        'CDK\'s grantInvoke names the function\'s own versions and aliases (<arn>:*) beside its ARN: the scheduler role may invoke this one function only.',
        [`Resource::${nagResource(this, `${this.handler.functionArn}:*`)}`],
      );
    }
  }
}
