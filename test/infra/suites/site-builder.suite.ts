// The site builder in AWS (issue 12 item 2): the CodeBuild project that builds and publishes, its
// trigger from the table's stream (filtered) through the collector, the queue and the starter's
// one-minute window, its exact rights (write and delete the site bucket's objects, invalidate the
// distribution, nothing more: no table), and the alarms on failed builds and given-up changes.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Template } from 'aws-cdk-lib/assertions';
import { SITE_BUILDER } from '../../../infra/constructs/site-builder.ts';
import { siteKeyPrefixes } from '../../../functions/site/site-build-request.ts';
import { type Stages, type Statement, type SynthesisedStage, actionsOf, functionStatements, onlyResource } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

type Resources = Record<string, { Type: string; Properties: Record<string, unknown> }>;
const resourcesOf = (t: Template) => t.toJSON().Resources as Resources;
const json = (value: unknown) => JSON.stringify(value);

const project = (stage: SynthesisedStage) =>
  onlyResource(stage.templates.site, 'AWS::CodeBuild::Project', { Name: `woonwijzer-${stage.config.stage}-site-builder` });
const queueId = (stage: SynthesisedStage, name: string) => onlyResource(stage.templates.site, 'AWS::SQS::Queue', { QueueName: name }).logicalId;
const logicalId = (stage: SynthesisedStage, type: string, props: Record<string, unknown> = {}) => onlyResource(stage.templates.site, type, props).logicalId;

/** Every statement of the policies attached to a role of the site stack, as [actions, resource] pairs. */
function roleStatements(stage: SynthesisedStage, roleId: string): Statement[] {
  return Object.values(resourcesOf(stage.templates.site))
    .filter((r) => r.Type === 'AWS::IAM::Policy' && json(r.Properties.Roles).includes(`"Ref":"${roleId}"`))
    .flatMap((r) => (r.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

const projectStatements = (stage: SynthesisedStage) => {
  const roleId = ((project(stage).resource.Properties as { ServiceRole: { 'Fn::GetAtt': [string, string] } }).ServiceRole)['Fn::GetAtt'][0];
  return roleStatements(stage, roleId);
};
const grantsOf = (statements: Statement[]) => statements.map((s) => [actionsOf(s).sort().join(','), json(s.Resource)] as const);

export function siteBuilderSuite(stages: () => Stages): void {
  describe('site builder', () => {
    beforeAll(() => {
      ({ dev, prod } = stages());
    });

    describe('the build', () => {
      it('is a CodeBuild project of the repository that runs npm ci and the publishing script, one build at a time', () => {
        for (const stage of [prod, dev]) {
          const props = project(stage).resource.Properties as Record<string, unknown>;
          expect(props).toMatchObject({
            ConcurrentBuildLimit: 1,
            AutoRetryLimit: SITE_BUILDER.autoRetryLimit,
            TimeoutInMinutes: 90,
            Artifacts: { Type: 'NO_ARTIFACTS' },
            Cache: { Type: 'LOCAL', Modes: ['LOCAL_CUSTOM_CACHE'] },
            Environment: { Type: 'LINUX_CONTAINER', Image: expect.stringMatching(/^aws\/codebuild\/standard:/), PrivilegedMode: false },
          });
          const source = props.Source as { Type: string; Location: unknown; BuildSpec: string };
          expect(source.Type).toBe('S3');
          // The repository as a CDK asset (a zip in the bootstrap bucket).
          expect(json(source.Location)).toMatch(/cdk-hnb659fds-assets-.*\.zip/);
          const spec = JSON.parse(source.BuildSpec) as { phases: Record<string, { commands: string[]; 'runtime-versions'?: Record<string, number> }>; cache: { paths: string[] } };
          expect(spec.phases.install?.['runtime-versions']).toEqual({ nodejs: SITE_BUILDER.nodeMajor });
          expect(spec.phases.install?.commands.join(' ')).toContain('npm ci');
          expect(spec.phases.build?.commands).toEqual(['npx tsx scripts/build-site-aws.ts']);
          expect(spec.cache.paths).toEqual(['/root/.npm/**/*']);
        }
      });

      it('publishes to the site bucket and distribution of its stage and reads the public API directly, not through CloudFront', () => {
        const variables = Object.fromEntries(
          ((project(prod).resource.Properties as { Environment: { EnvironmentVariables: Array<{ Name: string; Value: unknown }> } }).Environment.EnvironmentVariables)
            .map((v) => [v.Name, v.Value]),
        );
        expect(variables.SITE_BUCKET).toEqual({ Ref: logicalId(prod, 'AWS::S3::Bucket', { LoggingConfiguration: { LogFilePrefix: 'site/' } }) });
        expect(variables.DISTRIBUTION_ID).toEqual({ Ref: logicalId(prod, 'AWS::CloudFront::Distribution') });
        // The HTTP API's own host: WAF's per-address limit on /api/* would stop a national build.
        expect(json(variables.WOONWIJZER_API_URL)).toMatch(/^\{"Fn::Join":\["",\["https:\/\/",.*"\.execute-api\.eu-west-1\."/);
        expect(variables.WOONWIJZER_SITE_REQUEST).toBe('full');
      });
    });

    describe('its trigger', () => {
      it('reads the table\'s stream through the collector, filtered to the partitions that make pages', () => {
        const collector = logicalId(prod, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-site-changes' });
        const mapping = onlyResource(prod.templates.site, 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: collector } }).resource.Properties as Record<string, unknown>;
        expect(json(mapping.EventSourceArn)).toMatch(/"StackName":"woonwijzer-prod-data".*StreamArn/);
        const patterns = (mapping.FilterCriteria as { Filters: Array<{ Pattern: string }> }).Filters.map((f) => JSON.parse(f.Pattern) as unknown);
        expect(patterns).toEqual(siteKeyPrefixes().map((prefix) => ({ dynamodb: { Keys: { pk: { S: [{ prefix }] } } } })));
        expect(siteKeyPrefixes()).toEqual(['LOC#', 'ORG#', 'REGION#']);
        expect(mapping).toMatchObject({
          StartingPosition: 'TRIM_HORIZON',
          BatchSize: 100,
          MaximumRetryAttempts: 5,
          BisectBatchOnFunctionError: true,
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queueId(prod, 'woonwijzer-prod-site-changes-failed'), 'Arn'] } } },
        });
      });

      it('collects about a minute of queued changes before the starter starts one build', () => {
        const starter = logicalId(prod, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-site-build-starter' });
        const mapping = onlyResource(prod.templates.site, 'AWS::Lambda::EventSourceMapping', { FunctionName: { Ref: starter } }).resource.Properties as Record<string, unknown>;
        expect(mapping).toMatchObject({
          EventSourceArn: { 'Fn::GetAtt': [queueId(prod, 'woonwijzer-prod-site-changes'), 'Arn'] },
          MaximumBatchingWindowInSeconds: 60,
          BatchSize: SITE_BUILDER.starterBatchSize,
          FunctionResponseTypes: ['ReportBatchItemFailures'],
          ScalingConfig: { MaximumConcurrency: 2 },
        });
      });

      it('keeps changes that arrive during a build on the queue for the next one, for hours, then in the dead-letter queue', () => {
        const queue = onlyResource(prod.templates.site, 'AWS::SQS::Queue', { QueueName: 'woonwijzer-prod-site-changes' }).resource.Properties as {
          VisibilityTimeout: number;
          RedrivePolicy: { deadLetterTargetArn: unknown; maxReceiveCount: number };
        };
        const starter = onlyResource(prod.templates.site, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-site-build-starter' }).resource.Properties as { Timeout: number };
        // AWS's rule for an SQS event source with a batching window.
        expect(queue.VisibilityTimeout).toBeGreaterThanOrEqual(6 * starter.Timeout + 60);
        expect(queue.RedrivePolicy.deadLetterTargetArn).toEqual({ 'Fn::GetAtt': [queueId(prod, 'woonwijzer-prod-site-changes-failed'), 'Arn'] });
        // Tries a visibility timeout apart outlast a national full build (about 45 minutes) and its two retries.
        expect(queue.RedrivePolicy.maxReceiveCount * queue.VisibilityTimeout).toBeGreaterThanOrEqual(3 * 45 * 60);
      });
    });

    describe('its rights', () => {
      it('the build may write and delete the site bucket\'s objects, list it, invalidate its distribution, read its requests, source and logs: nothing more', () => {
        const siteBucket = logicalId(prod, 'AWS::S3::Bucket', { LoggingConfiguration: { LogFilePrefix: 'site/' } });
        const requests = logicalId(prod, 'AWS::S3::Bucket', { LoggingConfiguration: { LogFilePrefix: 'site-build-requests/' } });
        const distribution = logicalId(prod, 'AWS::CloudFront::Distribution');
        const grants = grantsOf(projectStatements(prod));
        const on = (actions: string) => grants.filter(([a]) => a === actions).map(([, r]) => r);
        expect(on('s3:DeleteObject,s3:PutObject')).toEqual([json({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [siteBucket, 'Arn'] }, '/*']] })]);
        expect(on('s3:ListBucket')).toEqual([json({ 'Fn::GetAtt': [siteBucket, 'Arn'] })]);
        expect(on('cloudfront:CreateInvalidation')).toEqual([json({ 'Fn::Join': ['', ['arn:aws:cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: distribution }]] })]);
        expect(on('s3:GetObject')).toEqual([json({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [requests, 'Arn'] }, '/requests/*']] })]);
        // Its source, the repository's asset, in the CDK bootstrap bucket only.
        expect(on('s3:GetBucket*,s3:GetObject*,s3:List*')).toHaveLength(1);
        expect(on('s3:GetBucket*,s3:GetObject*,s3:List*')[0]).toMatch(/^\[(\{"Fn::Join":\["",\["arn:aws:s3:::",\{"Fn::Sub":"cdk-hnb659fds-assets-\$\{AWS::AccountId\}-eu-west-1"\}[^\]]*\]\]\},?)+\]$/);
        // Nothing else: its logs and CodeBuild's report groups of this project, as CDK grants them.
        expect([...new Set(grants.map(([a]) => a))].sort()).toEqual([
          'cloudfront:CreateInvalidation',
          'codebuild:BatchPutCodeCoverages,codebuild:BatchPutTestCases,codebuild:CreateReport,codebuild:CreateReportGroup,codebuild:UpdateReport',
          'logs:CreateLogGroup,logs:CreateLogStream,logs:PutLogEvents',
          'logs:CreateLogStream,logs:PutLogEvents',
          's3:DeleteObject,s3:PutObject',
          's3:GetBucket*,s3:GetObject*,s3:List*',
          's3:GetObject',
          's3:ListBucket',
        ]);
        const all = json(projectStatements(prod));
        expect(all).not.toMatch(/dynamodb:|kms:|"Resource":"\*"|sqs:/);
      });

      it('the collector reads the stream and sends to the changes queue; it reads no table item', () => {
        const statements = functionStatements(prod, 'site', 'woonwijzer-prod-site-changes');
        const actions = [...new Set(statements.flatMap(actionsOf))].sort();
        expect(actions).toEqual([
          'dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams',
          'kms:Decrypt', 'kms:DescribeKey',
          'logs:CreateLogStream', 'logs:PutLogEvents',
          'sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage',
          'xray:PutTelemetryRecords', 'xray:PutTraceSegments',
        ]);
        const send = statements.filter((s) => actionsOf(s).includes('sqs:SendMessage')).map((s) => json(s.Resource));
        expect(send.sort()).toEqual([
          json({ 'Fn::GetAtt': [queueId(prod, 'woonwijzer-prod-site-changes'), 'Arn'] }),
          json({ 'Fn::GetAtt': [queueId(prod, 'woonwijzer-prod-site-changes-failed'), 'Arn'] }),
        ].sort());
      });

      it('the starter may store requests and start builds of this one project, and consume its queue', () => {
        const statements = functionStatements(prod, 'site', 'woonwijzer-prod-site-build-starter');
        const start = statements.filter((s) => actionsOf(s).includes('codebuild:StartBuild'));
        expect(start.map((s) => [actionsOf(s), s.Resource])).toEqual([[['codebuild:StartBuild'], { 'Fn::GetAtt': [project(prod).logicalId, 'Arn'] }]]);
        const requests = logicalId(prod, 'AWS::S3::Bucket', { LoggingConfiguration: { LogFilePrefix: 'site-build-requests/' } });
        expect(statements.filter((s) => actionsOf(s).some((a) => a.startsWith('s3:'))).map((s) => [actionsOf(s), s.Resource])).toEqual([
          [['s3:PutObject'], { 'Fn::Join': ['', [{ 'Fn::GetAtt': [requests, 'Arn'] }, '/requests/*']] }],
        ]);
        expect([...new Set(statements.flatMap(actionsOf))].filter((a) => !/^(logs|xray|sqs):/.test(a)).sort()).toEqual(['codebuild:StartBuild', 's3:PutObject']);
      });
    });

    describe('its alarms', () => {
      it('alarm on a failed build of this project, and on changes given up on, to the alarm topic', () => {
        const topic = onlyResource(prod.templates.ops, 'AWS::SNS::Topic', { TopicName: 'woonwijzer-prod-alarms' }).logicalId;
        const failed = onlyResource(prod.templates.ops, 'AWS::CloudWatch::Alarm', { AlarmName: 'woonwijzer-prod-site-build-failed' }).resource.Properties as Record<string, unknown>;
        expect(failed).toMatchObject({ Namespace: 'AWS/CodeBuild', MetricName: 'FailedBuilds', Statistic: 'Sum', Threshold: 1, AlarmActions: [{ Ref: topic }] });
        // The project's name, from the site stack.
        expect(json(failed.Dimensions)).toMatch(/"Name":"ProjectName","Value":\{"Fn::GetStackOutput":\{"StackName":"woonwijzer-prod-site".*BuilderProject/);
        const given = onlyResource(prod.templates.ops, 'AWS::CloudWatch::Alarm', { AlarmName: 'woonwijzer-prod-site-changes-failed' }).resource.Properties as Record<string, unknown>;
        expect(given).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1, AlarmActions: [{ Ref: topic }] });
        for (const short of ['siteChanges', 'siteBuildStarter']) {
          for (const [suffix, metric] of [['errors', 'Errors'], ['throttles', 'Throttles']] as const) {
            const alarm = onlyResource(prod.templates.ops, 'AWS::CloudWatch::Alarm', { AlarmName: `woonwijzer-prod-${short}-${suffix}` }).resource.Properties;
            expect(alarm).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: metric, Threshold: 1 });
          }
        }
      });
    });
  });
}
