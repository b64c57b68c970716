// Operations: the alarms (API 5xx rate and p99 latency, errors and throttles of every function,
// the indexer's lag and failure queue, search cluster health and storage, reminder mails that
// failed and daily reminder runs that never started, site builds that failed and site changes
// given up on), the topic they notify and one dashboard.
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  type IMetric,
  MathExpression,
  Metric,
  Stats,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { type IProject } from 'aws-cdk-lib/aws-codebuild';
import { type IFunction } from 'aws-cdk-lib/aws-lambda';
import { type IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { type IQueue } from 'aws-cdk-lib/aws-sqs';
import { type Construct } from 'constructs';
import { type StageConfig } from '../config.ts';
import { resourceName } from '../naming.ts';
import { ALARMED_METRICS, METRICS_NAMESPACE, SERVICE_NAME } from '../../functions/platform/telemetry-names.ts';

export interface OpsStackProps extends StackProps {
  readonly config: StageConfig;
  readonly api: IHttpApi;
  /** Every function worth watching, by the short name used in alarm names. */
  readonly functions: Record<string, IFunction>;
  readonly indexer: IFunction;
  readonly failureQueue: IQueue;
  readonly domain: IDomain;
  readonly reminders: {
    /** The reminder schedule's dead-letter queue. */
    readonly undelivered: IQueue;
  };
  readonly siteBuilder: {
    /** The CodeBuild project that builds and publishes the site. */
    readonly project: IProject;
    /** The builder's dead-letter queue (stream batches and changes no build took). */
    readonly failed: IQueue;
  };
}

export const ALARM_THRESHOLDS = {
  /** Percentage of API requests answered 5xx over 5 minutes. */
  api5xxRatePercent: 5,
  /** p99 latency of the HTTP API, ms (cold starts included). */
  apiLatencyP99Ms: 3000,
  /** The oldest stream record the indexer has not processed, ms. */
  indexerIteratorAgeMs: 5 * 60 * 1000,
  /** JVM memory pressure of the busiest search node, percent. */
  searchJvmPressurePercent: 85,
  /** Free storage of the fullest search node as a share of its volume. */
  searchFreeStorageShare: 0.25,
} as const;

const FIVE_MINUTES = Duration.minutes(5);

export class OpsStack extends Stack {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OpsStackProps) {
    super(scope, id, props);
    const { config, api, domain } = props;
    const name = (purpose: string) => resourceName(config.stage, purpose);

    this.topic = new Topic(this, 'AlarmTopic', { topicName: name('alarms'), enforceSSL: true });
    if (config.alarmEmail) this.topic.addSubscription(new EmailSubscription(config.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (id: string, purpose: string, metric: IMetric, settings: {
      threshold: number;
      comparisonOperator?: ComparisonOperator;
      evaluationPeriods?: number;
      treatMissingData?: TreatMissingData;
      description: string;
    }): Alarm => {
      const created = new Alarm(this, id, {
        alarmName: name(purpose),
        alarmDescription: settings.description,
        metric,
        threshold: settings.threshold,
        comparisonOperator: settings.comparisonOperator ?? ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        evaluationPeriods: settings.evaluationPeriods ?? 1,
        treatMissingData: settings.treatMissingData ?? TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.push(created);
      return created;
    };

    // API
    const apiErrorRate = new MathExpression({
      expression: 'IF(requests > 0, 100 * errors / requests, 0)',
      usingMetrics: {
        errors: api.metricServerError({ statistic: Stats.SUM, period: FIVE_MINUTES }),
        requests: api.metricCount({ statistic: Stats.SUM, period: FIVE_MINUTES }),
      },
      label: 'API 5xx rate (%)',
      period: FIVE_MINUTES,
    });
    alarm('Api5xxRate', 'api-5xx-rate', apiErrorRate, {
      threshold: ALARM_THRESHOLDS.api5xxRatePercent,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      description: `More than ${ALARM_THRESHOLDS.api5xxRatePercent}% of API requests failed with 5xx for 10 minutes.`,
    });
    const apiLatency = api.metricLatency({ statistic: Stats.p(99), period: FIVE_MINUTES });
    alarm('ApiLatencyP99', 'api-latency-p99', apiLatency, {
      threshold: ALARM_THRESHOLDS.apiLatencyP99Ms,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      description: `API p99 latency above ${ALARM_THRESHOLDS.apiLatencyP99Ms} ms for 15 minutes.`,
    });

    // Functions
    for (const [short, fn] of Object.entries(props.functions)) {
      const pascal = short.charAt(0).toUpperCase() + short.slice(1);
      alarm(`${pascal}Errors`, `${short}-errors`, fn.metricErrors({ statistic: Stats.SUM, period: FIVE_MINUTES }), {
        threshold: 1,
        description: `The ${short} function failed (uncaught errors or timeouts).`,
      });
      alarm(`${pascal}Throttles`, `${short}-throttles`, fn.metricThrottles({ statistic: Stats.SUM, period: FIVE_MINUTES }), {
        threshold: 1,
        description: `The ${short} function was throttled: requests or stream batches waited or were refused.`,
      });
    }

    // Indexer
    const iteratorAge = props.indexer.metric('IteratorAge', { statistic: Stats.MAXIMUM, period: FIVE_MINUTES });
    alarm('IndexerIteratorAge', 'indexer-iterator-age', iteratorAge, {
      threshold: ALARM_THRESHOLDS.indexerIteratorAgeMs,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 2,
      description: 'Search lags behind the table by more than 5 minutes.',
    });
    const failures = props.failureQueue.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: FIVE_MINUTES });
    alarm('IndexerFailureQueueDepth', 'indexer-failures', failures, {
      threshold: 1,
      description: 'Stream records the indexer gave up on: inspect the queue, fix, then run the reindex task.',
    });

    // Freshness reminders (their function's errors and throttles are among the functions above)
    const remindersFailed = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: ALARMED_METRICS.remindersFailed,
      dimensionsMap: { service: SERVICE_NAME, stage: config.stage },
      statistic: Stats.SUM,
      period: FIVE_MINUTES,
    });
    alarm('RemindersFailed', 'reminders-failed', remindersFailed, {
      threshold: 1,
      description: 'Reminder mails could not be sent (SES refused or failed): the next daily run tries them again. Check SES sending and the function\'s log.',
    });
    const remindersUndelivered = props.reminders.undelivered.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: FIVE_MINUTES });
    alarm('RemindersUndelivered', 'reminders-undelivered', remindersUndelivered, {
      threshold: 1,
      description: 'The schedule could not start the daily reminders: start them by hand (docs/deploy.md), then purge the queue.',
    });

    // Site builder (its two functions' errors and throttles are among the functions above)
    const siteBuildsFailed = props.siteBuilder.project.metricFailedBuilds({ statistic: Stats.SUM, period: FIVE_MINUTES });
    alarm('SiteBuildFailed', 'site-build-failed', siteBuildsFailed, {
      threshold: 1,
      description: 'A site build failed (CodeBuild retries it twice): pages may show an older state. Read the build\'s log; ' +
        'once fixed, `npm run rebuild-site -- --stage <stage>` publishes everything again.',
    });
    const siteChangesFailed = props.siteBuilder.failed.metricApproximateNumberOfMessagesVisible({ statistic: Stats.MAXIMUM, period: FIVE_MINUTES });
    alarm('SiteChangesFailed', 'site-changes-failed', siteChangesFailed, {
      threshold: 1,
      description: 'Table changes the site builder could not turn into a build: run `npm run rebuild-site -- --stage <stage>`, then purge the queue.',
    });

    // Search
    const oneMinute = Duration.minutes(1);
    alarm('SearchClusterRed', 'search-red', domain.metricClusterStatusRed({ statistic: Stats.MAXIMUM, period: oneMinute }), {
      threshold: 1,
      treatMissingData: TreatMissingData.MISSING,
      description: 'A primary shard is unassigned: part of the search index is unavailable.',
    });
    if (config.alarmOnSearchYellow) {
      alarm('SearchClusterYellow', 'search-yellow', domain.metricClusterStatusYellow({ statistic: Stats.MAXIMUM, period: FIVE_MINUTES }), {
        threshold: 1,
        evaluationPeriods: 3,
        treatMissingData: TreatMissingData.MISSING,
        description: 'Replica shards unassigned for 15 minutes: one node failure away from red.',
      });
    }
    const freeStorageMiB = config.search.volumeGiB * 1024 * ALARM_THRESHOLDS.searchFreeStorageShare;
    alarm('SearchFreeStorage', 'search-free-storage', domain.metricFreeStorageSpace({ statistic: Stats.MINIMUM, period: FIVE_MINUTES }), {
      threshold: freeStorageMiB,
      comparisonOperator: ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.MISSING,
      description: `A search node has ${freeStorageMiB} MiB or less free (a quarter of its volume).`,
    });
    alarm('SearchWritesBlocked', 'search-writes-blocked', domain.metricClusterIndexWritesBlocked({ statistic: Stats.MAXIMUM, period: FIVE_MINUTES }), {
      threshold: 1,
      description: 'The cluster refuses writes (storage or memory pressure): the indexer will fail.',
    });
    alarm('SearchJvmPressure', 'search-jvm-pressure', domain.metricJVMMemoryPressure({ statistic: Stats.MAXIMUM, period: FIVE_MINUTES }), {
      threshold: ALARM_THRESHOLDS.searchJvmPressurePercent,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 3,
      description: 'Search nodes are short of heap: queries slow down, writes may be blocked.',
    });

    const functions = Object.entries(props.functions);
    const dashboard = new Dashboard(this, 'Dashboard', { dashboardName: name('overview'), defaultInterval: Duration.hours(24) });
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 24 }));
    dashboard.addWidgets(
      new GraphWidget({ title: 'API requests and 5xx', left: [api.metricCount({ statistic: Stats.SUM }), api.metricServerError({ statistic: Stats.SUM })], right: [apiErrorRate], width: 12 }),
      new GraphWidget({ title: 'API latency', left: [api.metricLatency({ statistic: Stats.p(50) }), apiLatency], width: 12 }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'Function errors', left: functions.map(([short, fn]) => fn.metricErrors({ statistic: Stats.SUM, label: short })), width: 8 }),
      new GraphWidget({ title: 'Function duration p99', left: functions.map(([short, fn]) => fn.metricDuration({ statistic: Stats.p(99), label: short })), width: 8 }),
      new GraphWidget({ title: 'Function throttles', left: functions.map(([short, fn]) => fn.metricThrottles({ statistic: Stats.SUM, label: short })), width: 8 }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'Indexer lag (ms) and failures', left: [iteratorAge], right: [failures], width: 12 }),
      new GraphWidget({ title: 'Search cluster status', left: [domain.metricClusterStatusRed(), domain.metricClusterStatusYellow()], width: 12 }),
    );
    dashboard.addWidgets(
      new GraphWidget({ title: 'Search free storage (MiB)', left: [domain.metricFreeStorageSpace()], width: 8 }),
      new GraphWidget({ title: 'Search CPU and JVM pressure (%)', left: [domain.metricCPUUtilization(), domain.metricJVMMemoryPressure()], width: 8 }),
      new GraphWidget({ title: 'Search latency (ms)', left: [domain.metricSearchLatency(), domain.metricIndexingLatency()], width: 8 }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Freshness reminders: mails failed, starts undelivered',
        left: [remindersFailed.with({ period: Duration.days(1) })],
        right: [remindersUndelivered],
        width: 12,
      }),
      new GraphWidget({ title: 'Site builds failed, site changes given up on', left: [siteBuildsFailed], right: [siteChangesFailed], width: 12 }),
    );

    new CfnOutput(this, 'AlarmTopicArn', { value: this.topic.topicArn, description: 'Subscribe to get alarms.' });
  }
}
