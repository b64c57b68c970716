// The site builder in AWS (issue 12, docs/site-rebuild.md): the static site follows the table
// without a person.
//
//   table stream --(filter: LOC#, ORG#, REGION# keys)--> change collector (Lambda)
//     --> changes queue --(about a minute of messages)--> build starter (Lambda)
//     --> CodeBuild project (one build at a time) --> site bucket + CloudFront invalidation
//
// CodeBuild rather than a container-image Lambda: a national full build is estimated at about 45
// minutes (docs/site-rebuild.md), three times Lambda's 15-minute limit, and a partial build pays
// Astro's fixed ~30 s either way. The project builds the repository (a CDK asset of what git
// tracks) against the public API and publishes with scripts/build-site-aws.ts.
//
// Failures: the collector's stream batches are retried and halved, then go to the dead-letter
// queue; the starter's messages come back while a build runs (the project refuses a second) and
// go to the dead-letter queue after SITE_BUILDER.maxReceiveCount tries; CodeBuild retries a failed
// build twice. The ops stack alarms on the dead-letter queue, failed builds and both functions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ArnFormat, DefaultStackSynthesizer, Duration, IgnoreMode, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  BuildSpec,
  Cache,
  ComputeType,
  LinuxBuildImage,
  LocalCacheMode,
  Project,
  Source,
} from 'aws-cdk-lib/aws-codebuild';
import { type IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { FilterCriteria, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { BlockPublicAccess, Bucket, BucketEncryption, type IBucket } from 'aws-cdk-lib/aws-s3';
import { Asset } from 'aws-cdk-lib/aws-s3-assets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { KEY } from '../../functions/store/dynamodb/table-design.ts';
import { REQUESTS_PREFIX, SITE_BUILD_REQUEST_ENV, FULL_BUILD, siteStreamFilterPatterns } from '../../functions/site/site-build-request.ts';
import { entryPath, REPO_ROOT } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { resourceName, siteBuilderProjectName } from '../naming.ts';
import { acknowledge, nagResource } from '../nag.ts';
import { acknowledgeTracing, executionRole, lambdaSettings, stageLogGroup } from './lambda-settings.ts';
import { deadLetterQueue } from './dead-letter-queue.ts';

export const SITE_BUILDER = {
  /** The collector reads the stream in small, quick batches: the debounce is the starter's. */
  stream: { batchSize: 100, maxBatchingWindow: Duration.seconds(5), retryAttempts: 5, maxRecordAge: Duration.hours(6) },
  /** How long the starter's event source collects messages before one build (issue 12: about a minute). */
  debounce: Duration.seconds(60),
  /** Messages per start: many more than a minute of edits sends, so a window ends by time. */
  starterBatchSize: 1000,
  /** AWS's advice for an SQS event source: at least six times the function's timeout, plus the window. */
  starterTimeout: Duration.seconds(30),
  visibilityTimeout: Duration.minutes(5),
  /**
   * Each try while a build runs costs one receive, a visibility timeout apart: 30 tries wait two
   * and a half hours, a national full build (about 45 minutes) with both its retries.
   */
  maxReceiveCount: 30,
  /** A national full build with npm ci, with room to spare. */
  buildTimeout: Duration.minutes(90),
  /** CodeBuild starts a failed build again, with the same request, this many times. */
  autoRetryLimit: 2,
  /** The Node.js major the build runs on (CodeBuild's standard image). */
  nodeMajor: 22,
} as const;

export interface SiteBuilderProps {
  readonly config: StageConfig;
  /** The table whose stream says what changed. */
  readonly table: ITable;
  readonly siteBucket: IBucket;
  readonly distribution: IDistribution;
  /** The HTTP API's host name: the build reads the public API there, not through CloudFront and WAF's rate limit. */
  readonly apiOriginDomainName: string;
  /** The stack's access-log bucket. */
  readonly accessLogs: IBucket;
}

export class SiteBuilder extends Construct {
  readonly project: Project;
  readonly collector: NodejsFunction;
  readonly starter: NodejsFunction;
  readonly changes: Queue;
  /** Stream batches the collector gave up on and changes no build could take. */
  readonly deadLetterQueue: Queue;
  /** The merged changes the starter hands each build (REQUESTS_PREFIX). */
  readonly requests: Bucket;

  constructor(scope: Construct, id: string, props: SiteBuilderProps) {
    super(scope, id);
    const { config } = props;
    const name = (purpose: string) => resourceName(config.stage, purpose);
    const settings = lambdaSettings(config);

    this.deadLetterQueue = deadLetterQueue(this, 'Failed', {
      queueName: name('site-changes-failed'),
      whoReadsIt: 'This queue is itself the dead-letter queue of the site builder (stream batches and changes no build took). Nothing consumes it: an ' +
        'alarm calls an operator, who starts a full build (npm run rebuild-site) and purges it.',
    });
    this.changes = new Queue(this, 'Changes', {
      queueName: name('site-changes'),
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      visibilityTimeout: SITE_BUILDER.visibilityTimeout,
      deadLetterQueue: { queue: this.deadLetterQueue, maxReceiveCount: SITE_BUILDER.maxReceiveCount },
    });

    // Derived data, a few KB a build: kept a month for an operator reading what a build was asked.
    this.requests = new Bucket(this, 'Requests', {
      serverAccessLogsBucket: props.accessLogs,
      serverAccessLogsPrefix: 'site-build-requests/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      lifecycleRules: [{ expiration: Duration.days(30) }],
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const requestObjects = this.requests.arnForObjects(`${REQUESTS_PREFIX}*`);

    this.project = this.buildProject(props, requestObjects);

    // The collector: the stream in, one message per batch that touches a page out.
    const collectorLogs = stageLogGroup(this, 'CollectorLogs', config);
    const collectorRole = executionRole(this, 'CollectorRole', collectorLogs);
    this.collector = new NodejsFunction(this, 'Collector', {
      ...settings,
      functionName: name('site-changes'),
      description: 'Reads the table\'s stream and queues the site pages each change touches.',
      entry: entryPath('siteChanges'),
      timeout: Duration.seconds(30),
      logGroup: collectorLogs,
      role: collectorRole,
      environment: { ...settings.environment, SITE_CHANGES_QUEUE_URL: this.changes.queueUrl },
    });
    acknowledgeTracing(this.collector);
    collectorRole.addToPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.changes.queueArn] }));
    this.collector.addEventSource(new DynamoEventSource(props.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      ...SITE_BUILDER.stream,
      bisectBatchOnError: true,
      parallelizationFactor: 1,
      onFailure: new SqsDlq(this.deadLetterQueue),
      // Accounts, sessions, history, reminders and throttles never reach the function.
      filters: siteStreamFilterPatterns(KEY.pk).map((pattern) => FilterCriteria.filter(pattern)),
    }));
    acknowledge(
      collectorRole,
      'IAM5',
      'dynamodb:ListStreams takes no resource ARN (IAM allows only "*"); the stream itself is read through its own ARN.',
      ['Resource::*'],
    );

    // The starter: a minute of messages in, one build out.
    const starterLogs = stageLogGroup(this, 'StarterLogs', config);
    const starterRole = executionRole(this, 'StarterRole', starterLogs);
    this.starter = new NodejsFunction(this, 'Starter', {
      ...settings,
      functionName: name('site-build-starter'),
      description: 'Merges a minute of queued site changes and starts one build of the site builder.',
      entry: entryPath('siteBuildStarter'),
      timeout: SITE_BUILDER.starterTimeout,
      logGroup: starterLogs,
      role: starterRole,
      environment: { ...settings.environment, REQUESTS_BUCKET: this.requests.bucketName, SITE_BUILD_PROJECT: this.project.projectName },
    });
    acknowledgeTracing(this.starter);
    starterRole.addToPolicy(new PolicyStatement({ actions: ['s3:PutObject'], resources: [requestObjects] }));
    starterRole.addToPolicy(new PolicyStatement({ actions: ['codebuild:StartBuild'], resources: [this.project.projectArn] }));
    this.starter.addEventSource(new SqsEventSource(this.changes, {
      batchSize: SITE_BUILDER.starterBatchSize,
      maxBatchingWindow: SITE_BUILDER.debounce,
      reportBatchItemFailures: true,
      // The least SQS allows; the project's build limit decides which start wins.
      maxConcurrency: 2,
    }));
    acknowledge(
      starterRole,
      'IAM5',
      'Build requests are objects under generated keys below requests/ of the builder\'s own bucket; the grant is PutObject there only.',
      [`Resource::${nagResource(this, requestObjects)}`],
    );
  }

  private buildProject(props: SiteBuilderProps, requestObjects: string): Project {
    const { config } = props;
    const stack = Stack.of(this);
    // What git tracks (the .gitignore's patterns left out): no node_modules, builds or local data.
    const ignored = readFileSync(path.join(REPO_ROOT, '.gitignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const source = new Asset(this, 'Source', { path: REPO_ROOT, exclude: ['.git', ...ignored], ignoreMode: IgnoreMode.GIT });

    const logGroup = stageLogGroup(this, 'BuildLogs', config);
    const project = new Project(this, 'Project', {
      projectName: siteBuilderProjectName(config.stage),
      description: 'Builds the site pages a change touches (or all) from the public API and publishes what changed.',
      source: Source.s3({ bucket: source.bucket, path: source.s3ObjectKey }),
      environment: {
        buildImage: LinuxBuildImage.STANDARD_7_0,
        computeType: ComputeType.MEDIUM,
        environmentVariables: {
          SITE_BUCKET: { value: props.siteBucket.bucketName },
          DISTRIBUTION_ID: { value: props.distribution.distributionId },
          REQUESTS_BUCKET: { value: this.requests.bucketName },
          WOONWIJZER_API_URL: { value: `https://${props.apiOriginDomainName}` },
          // A build started without a request (from the console) builds everything.
          [SITE_BUILD_REQUEST_ENV]: { value: FULL_BUILD },
        },
      },
      buildSpec: BuildSpec.fromObject({
        version: '0.2',
        env: { variables: { ASTRO_TELEMETRY_DISABLED: '1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
        phases: {
          install: {
            'runtime-versions': { nodejs: SITE_BUILDER.nodeMajor },
            commands: ['npm ci --no-audit --no-fund --prefer-offline'],
          },
          build: { commands: ['npx tsx scripts/build-site-aws.ts'] },
        },
        cache: { paths: ['/root/.npm/**/*'] },
      }),
      // npm's download cache on the build host: no bucket, no rights beyond the project's own.
      cache: Cache.local(LocalCacheMode.CUSTOM),
      concurrentBuildLimit: 1,
      autoRetryLimit: SITE_BUILDER.autoRetryLimit,
      timeout: SITE_BUILDER.buildTimeout,
      logging: { cloudWatch: { logGroup } },
    });
    source.grantRead(project);
    project.addToRolePolicy(new PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.siteBucket.bucketArn] }));
    project.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: [props.siteBucket.arnForObjects('*')] }));
    project.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [requestObjects] }));
    props.distribution.grantCreateInvalidation(project);

    acknowledge(
      project,
      'CB4',
      'The build produces no artifacts: it publishes public pages to the site bucket (S3-managed encryption) and logs to its own log group.',
    );
    acknowledge(
      project,
      'IAM5',
      'The builder replaces and deletes the site\'s pages, whose keys are the site\'s addresses (<bucket>/*), and reads the build requests ' +
        'under requests/ and its source, a CDK asset in the bootstrap bucket (CDK\'s grantRead: GetObject*, GetBucket*, List*). ' +
        'CDK\'s Project grants its default log group\'s streams and the project\'s own report groups, both by the project\'s name.',
      [
        'Action::s3:GetObject*',
        'Action::s3:GetBucket*',
        'Action::s3:List*',
        `Resource::${nagResource(this, props.siteBucket.arnForObjects('*'))}`,
        `Resource::${nagResource(this, requestObjects)}`,
        `Resource::${nagResource(this, `arn:${stack.partition}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${stack.account}-${stack.region}/*`)}`,
        // As CDK's Project grants its default log group and report groups.
        `Resource::${nagResource(this, stack.formatArn({ service: 'logs', resource: 'log-group', arnFormat: ArnFormat.COLON_RESOURCE_NAME, resourceName: `/aws/codebuild/${project.projectName}:*` }))}`,
        `Resource::${nagResource(this, stack.formatArn({ service: 'codebuild', resource: 'report-group', resourceName: `${project.projectName}-*` }))}`,
      ],
    );
    return project;
  }
}
