// The freshness reminders in AWS (issue 11 item 5): a daily schedule at 08:00 Dutch time that
// starts the reminder function once, never twice (no retry by Scheduler or Lambda, a dead-letter
// queue instead); the function's exact rights (read the listing, record sent reminders, mail as
// the stage only); the alarms on failed mails, undelivered starts and the function's errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { metrics, recordMetric } from '../../../functions/platform/metrics.ts';
import { RETENTION_EVENT } from '../../../functions/dossiers/retention-event.ts';
import { RETENTION_SCHEDULE } from '../../../infra/constructs/dossier-retention-schedule.ts';
import { REMINDERS_SCHEDULE } from '../../../infra/constructs/freshness-reminders.ts';
import { type Stages, type Statement, type SynthesisedStage, actionsOf, functionStatements, onlyResource, synthStage } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;

const remindName = (stage: SynthesisedStage) => `woonwijzer-${stage.config.stage}-remind`;
const remindFunction = (stage: SynthesisedStage) => onlyResource(stage.templates.api, 'AWS::Lambda::Function', { FunctionName: remindName(stage) });
const remindStatements = (stage: SynthesisedStage) => functionStatements(stage, 'api', remindName(stage));
const schedule = (stage: SynthesisedStage) => onlyResource(stage.templates.api, 'AWS::Scheduler::Schedule', { Name: remindName(stage) });
const logicalIdOf = (type: string, props: Record<string, unknown>, stage: SynthesisedStage, stack: 'api' | 'data' = 'api') =>
  onlyResource(stage.templates[stack], type, props).logicalId;

/** A resource reference as the templates write it: GetAtt Arn, Ref, or a cross-stack output of the data stack. */
const refersTo = (value: unknown, logicalId: string): boolean => JSON.stringify(value).includes(logicalId);

export function remindersSuite(stages: () => Stages): void {
  describe('freshness reminders', () => {
    beforeAll(() => {
      ({ dev, prod } = stages());
    });

    describe('the schedule', () => {
      it('starts the reminders every day at 08:00 in Europe/Amsterdam, so the hour follows the Dutch clock change', () => {
        for (const stage of [prod, dev]) {
          expect(schedule(stage).resource.Properties).toMatchObject({
            Name: remindName(stage),
            ScheduleExpression: 'cron(0 8 * * ? *)',
            ScheduleExpressionTimezone: 'Europe/Amsterdam',
            State: 'ENABLED',
            FlexibleTimeWindow: { Mode: 'OFF' },
          });
        }
        expect(REMINDERS_SCHEDULE).toEqual({ hour: 8, minute: 0, timeZone: 'Europe/Amsterdam' });
      });

      it('invokes the reminder function without a retry, and sends a start it cannot deliver to a dead-letter queue', () => {
        const queue = logicalIdOf('AWS::SQS::Queue', { QueueName: 'woonwijzer-prod-remind-undelivered' }, prod);
        const target = (schedule(prod).resource.Properties as { Target: Record<string, unknown> }).Target;
        expect(target.Arn).toEqual({ 'Fn::GetAtt': [remindFunction(prod).logicalId, 'Arn'] });
        expect(target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 0 });
        expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queue, 'Arn'] } });
      });

      it('runs the function asynchronously with no Lambda retry either: a second try would mail again who already got theirs', () => {
        for (const stage of [prod, dev]) {
          stage.templates.api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
            FunctionName: { Ref: remindFunction(stage).logicalId },
            MaximumRetryAttempts: 0,
          });
        }
      });

      it('assumes a role of its own that may invoke the reminder function and write to its dead-letter queue, nothing else', () => {
        const resources = prod.templates.api.toJSON().Resources as Resources;
        const roleId = ((schedule(prod).resource.Properties as { Target: { RoleArn: { 'Fn::GetAtt': [string, string] } } }).Target.RoleArn)['Fn::GetAtt'][0];
        const trust = JSON.stringify(resources[roleId]?.Properties.AssumeRolePolicyDocument);
        expect(trust).toContain('"Service":"scheduler.amazonaws.com"');
        expect(trust).toContain('aws:SourceAccount');
        const statements = Object.values(resources)
          .filter((r) => r.Type === 'AWS::IAM::Policy' && refersTo(r.Properties.Roles, roleId))
          .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
        const fn = remindFunction(prod).logicalId;
        const queue = logicalIdOf('AWS::SQS::Queue', { QueueName: 'woonwijzer-prod-remind-undelivered' }, prod);
        expect(statements.map((s) => actionsOf(s)).sort()).toEqual([['lambda:InvokeFunction'], ['sqs:SendMessage']]);
        for (const s of statements) {
          const resourcesOf = JSON.stringify(s.Resource);
          expect(resourcesOf).toContain(actionsOf(s)[0] === 'sqs:SendMessage' ? queue : fn);
          expect(resourcesOf).not.toContain('"*"');
        }
      });

      it('keeps its dead-letter queue encrypted and refuses plain HTTP to it', () => {
        prod.templates.api.hasResourceProperties('AWS::SQS::Queue', { QueueName: 'woonwijzer-prod-remind-undelivered', SqsManagedSseEnabled: true });
        const queue = logicalIdOf('AWS::SQS::Queue', { QueueName: 'woonwijzer-prod-remind-undelivered' }, prod);
        const policy = onlyResource(prod.templates.api, 'AWS::SQS::QueuePolicy', { Queues: [{ Ref: queue }] });
        expect(JSON.stringify(policy.resource.Properties)).toContain('"aws:SecureTransport":"false"');
      });
    });

    describe('the function', () => {
      it('runs the reminder entry on arm64 with the shared settings, traced, with time for a whole run', () => {
        const props = remindFunction(prod).resource.Properties as Record<string, unknown>;
        const staff = onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-staff' }).resource.Properties as Record<string, unknown>;
        expect(props).toMatchObject({ Architectures: ['arm64'], Handler: 'index.handler', Runtime: staff.Runtime, TracingConfig: { Mode: 'Active' }, Timeout: 300 });
      });

      it('gets the table, the sender and the origins parameter from the stack, and the extension to read the parameter', () => {
        const table = logicalIdOf('AWS::DynamoDB::Table', { TableName: 'woonwijzer-prod-table' }, prod, 'data');
        const props = remindFunction(prod).resource.Properties as { Environment: { Variables: Record<string, unknown> }; Layers: unknown[] };
        expect(props.Environment.Variables).toMatchObject({
          STAGE: 'prod',
          // The prod stage is synthesised with emailDomain mail.example.nl.
          MAIL_FROM: 'Woonwijzer <noreply@mail.example.nl>',
          SITE_ORIGINS_PARAMETER: '/woonwijzer/prod/site-origins',
        });
        expect(refersTo(props.Environment.Variables.TABLE_NAME, `PublishOutputRef${table}`)).toBe(true);
        // The Lambda runtime sets AWS_REGION; a function that sets it itself fails to deploy.
        expect(props.Environment.Variables).not.toHaveProperty('AWS_REGION');
        expect(JSON.stringify(props.Layers)).toMatch(/:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+/);
      });

      it('holds exactly the rights of a run: table reads and batch writes, its key, the parameter, mail, its logs and X-Ray', () => {
        for (const stage of [prod, dev]) {
          expect([...new Set(remindStatements(stage).flatMap(actionsOf))].sort()).toEqual([
            'dynamodb:BatchWriteItem',
            'dynamodb:GetItem',
            'dynamodb:Query',
            'kms:Decrypt',
            'kms:DescribeKey',
            'kms:Encrypt',
            'kms:GenerateDataKey*',
            'kms:ReEncrypt*',
            'logs:CreateLogStream',
            'logs:PutLogEvents',
            'ses:SendEmail',
            'ssm:GetParameter',
            'xray:PutTelemetryRecords',
            'xray:PutTraceSegments',
          ]);
        }
      });

      it('may query the table and its two indexes, get and batch-write items of the table, and touch no other table', () => {
        const table = logicalIdOf('AWS::DynamoDB::Table', { TableName: 'woonwijzer-prod-table' }, prod, 'data');
        const dynamo = remindStatements(prod).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
        const grants = dynamo.map((s) => [actionsOf(s).sort(), s.Resource]);
        const arn = { 'Fn::GetAtt': [table, 'Arn'] };
        expect(grants).toEqual([
          [['dynamodb:Query'], [arn, { 'Fn::Join': ['', [arn, '/index/gsi1']] }, { 'Fn::Join': ['', [arn, '/index/gsi2']] }]],
          [['dynamodb:BatchWriteItem', 'dynamodb:GetItem'], arn],
        ]);
      });

      it('may use the table\'s key only through DynamoDB', () => {
        const key = logicalIdOf('AWS::KMS::Key', { Description: Match.stringLikeRegexp('woonwijzer-prod-table ') }, prod, 'data');
        const kms = remindStatements(prod).filter((s) => actionsOf(s).some((a) => a.startsWith('kms:')));
        expect(kms).toHaveLength(1);
        expect(kms[0]?.Resource).toEqual({ 'Fn::GetAtt': [key, 'Arn'] });
        expect(JSON.stringify((kms[0] as Statement & { Condition?: unknown }).Condition)).toMatch(/"kms:ViaService":\{"Fn::Join":\["",\["dynamodb\.eu-west-1\./);
      });

      it('may mail as the stage\'s SES identity only, read only the origins parameter', () => {
        const grant = (prefix: string) => remindStatements(prod).filter((s) => actionsOf(s).some((a) => a.startsWith(prefix)));
        expect(JSON.stringify(grant('ses:').map((g) => g.Resource))).toMatch(/^\[\{"Fn::Join":\["",\["arn:aws:ses:eu-west-1:",\{"Ref":"AWS::AccountId"\},":identity\/mail\.example\.nl"\]\]\}\]$/);
        expect(grant('ssm:').map((g) => JSON.stringify(g.Resource))).toEqual([expect.stringMatching(/:parameter\/woonwijzer\/prod\/site-origins"\]\]\}$/)]);
        expect(JSON.stringify(remindStatements(dev).filter((s) => actionsOf(s).includes('ses:SendEmail')).map((g) => g.Resource))).toContain(':identity/dev.woonwijzer.nl"');
      });

      it('may also mail the verified recipients named for the SES sandbox, as the staff function may', { timeout: 120_000 }, () => {
        const sandbox = synthStage('dev', { sesSandboxRecipients: 'tester@example.nl' });
        const resources = JSON.stringify(remindStatements(sandbox).filter((s) => actionsOf(s).includes('ses:SendEmail')).map((g) => g.Resource));
        for (const identity of ['dev.woonwijzer.nl', 'tester@example.nl']) expect(resources).toContain(`:identity/${identity}"`);
      });
    });

    describe('the alarms', () => {
      it('alarm on failed reminder mails, on the metric and dimensions the function writes', () => {
        const alarm = onlyResource(prod.templates.ops, 'AWS::CloudWatch::Alarm', { AlarmName: 'woonwijzer-prod-reminders-failed' }).resource.Properties as {
          Namespace: string;
          MetricName: string;
          Dimensions: Array<{ Name: string; Value: string }>;
          Statistic: string;
          Threshold: number;
        };
        expect(alarm).toMatchObject({ Statistic: 'Sum', Threshold: 1 });
        // What Powertools writes for the function's recordMetric('remindersFailed', n).
        recordMetric('remindersFailed', 1);
        const emitted = metrics.serializeMetrics();
        metrics.clearMetrics();
        const [directive] = emitted._aws.CloudWatchMetrics;
        expect(alarm.Namespace).toBe(directive?.Namespace);
        expect(directive?.Metrics.map((m) => m.Name)).toEqual([alarm.MetricName]);
        expect(alarm.Dimensions.map((d) => d.Name).sort()).toEqual([...(directive?.Dimensions[0] ?? [])].sort());
        // The function's STAGE is the stage dimension it writes (the test process writes 'local').
        const stageVariable = (remindFunction(prod).resource.Properties as { Environment: { Variables: { STAGE: string } } }).Environment.Variables.STAGE;
        expect(alarm.Dimensions).toEqual(expect.arrayContaining([{ Name: 'stage', Value: stageVariable }, { Name: 'service', Value: emitted.service }]));
      });

      it('alarm on a daily start Scheduler could not deliver, and on the function\'s errors and throttles', () => {
        prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', {
          AlarmName: 'woonwijzer-prod-reminders-undelivered',
          Namespace: 'AWS/SQS',
          MetricName: 'ApproximateNumberOfMessagesVisible',
          Dimensions: [{ Name: 'QueueName', Value: Match.anyValue() }],
          Threshold: 1,
        });
        for (const [suffix, metric] of [['errors', 'Errors'], ['throttles', 'Throttles']] as const) {
          const alarm = onlyResource(prod.templates.ops, 'AWS::CloudWatch::Alarm', { AlarmName: `woonwijzer-prod-remind-${suffix}` }).resource.Properties;
          expect(alarm).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: metric, Threshold: 1 });
        }
      });
    });

  describe('dossier retention', () => {
    const staffName = (stage: SynthesisedStage) => `woonwijzer-${stage.config.stage}-staff`;
    const retention = (stage: SynthesisedStage) =>
      onlyResource(stage.templates.api, 'AWS::Scheduler::Schedule', { Name: `woonwijzer-${stage.config.stage}-dossier-retention` });

    it('starts the staff function (the only one with the dossier table) every day at 07:30 Dutch time with the retention event, once', () => {
      for (const stage of [prod, dev]) {
        const properties = retention(stage).resource.Properties as { Target: Record<string, unknown> } & Record<string, unknown>;
        expect(properties).toMatchObject({ ScheduleExpression: 'cron(30 7 * * ? *)', ScheduleExpressionTimezone: 'Europe/Amsterdam', State: 'ENABLED' });
        const staff = onlyResource(stage.templates.api, 'AWS::Lambda::Function', { FunctionName: staffName(stage) });
        expect(properties.Target.Arn).toEqual({ 'Fn::GetAtt': [staff.logicalId, 'Arn'] });
        expect(JSON.parse(properties.Target.Input as string)).toEqual(RETENTION_EVENT);
        expect(properties.Target.RetryPolicy).toMatchObject({ MaximumRetryAttempts: 0 });
        const queue = logicalIdOf('AWS::SQS::Queue', { QueueName: `woonwijzer-${stage.config.stage}-retention-undelivered` }, stage);
        expect(properties.Target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queue, 'Arn'] } });
        // An asynchronous start is not retried by Lambda either: the next day's run takes what is left.
        stage.templates.api.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { FunctionName: { Ref: staff.logicalId }, MaximumRetryAttempts: 0 });
      }
      expect(RETENTION_SCHEDULE).toEqual({ hour: 7, minute: 30, timeZone: 'Europe/Amsterdam' });
    });
  });
  });
}
