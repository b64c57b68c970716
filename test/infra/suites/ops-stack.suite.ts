// Operations: alarms on the API's 5xx rate and p99 latency, errors and throttles of every
// function, the indexer's lag and failure queue, search cluster health and storage (the
// reminders' own alarms are in reminders.suite.ts); all to one topic; one dashboard.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { ALARM_THRESHOLDS } from '../../../infra/stacks/ops-stack.ts';
import { type Stages, type SynthesisedStage, onlyResource, synthStage } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

function alarmNames(stage: SynthesisedStage): string[] {
  return Object.values(stage.templates.ops.findResources('AWS::CloudWatch::Alarm'))
    .map((a) => (a as { Properties: { AlarmName: string } }).Properties.AlarmName)
    .sort();
}

export function opsStackSuite(stages: () => Stages): void {
  describe('ops stack', () => {
    beforeAll(() => {
      ({ dev, prod } = stages());
    });

    it('alarms on the API 5xx rate as a percentage of requests', () => {
      prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'woonwijzer-prod-api-5xx-rate',
        Threshold: ALARM_THRESHOLDS.api5xxRatePercent,
        Metrics: Match.arrayWith([
          Match.objectLike({ Expression: 'IF(requests > 0, 100 * errors / requests, 0)' }),
          Match.objectLike({ Id: 'errors', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: '5xx', Namespace: 'AWS/ApiGateway' }) }) }),
          Match.objectLike({ Id: 'requests', MetricStat: Match.objectLike({ Metric: Match.objectLike({ MetricName: 'Count' }) }) }),
        ]),
      });
    });

    it('alarms on the API p99 latency', () => {
      prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'woonwijzer-prod-api-latency-p99',
        MetricName: 'Latency',
        Namespace: 'AWS/ApiGateway',
        ExtendedStatistic: 'p99',
        Threshold: ALARM_THRESHOLDS.apiLatencyP99Ms,
      });
    });

    it('alarms on errors and throttles of every function', () => {
      for (const fn of ['api', 'staff', 'indexer', 'reindex', 'remind', 'siteChanges', 'siteBuildStarter']) {
        for (const [suffix, metric] of [['errors', 'Errors'], ['throttles', 'Throttles']] as const) {
          prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', {
            AlarmName: `woonwijzer-prod-${fn}-${suffix}`,
            Namespace: 'AWS/Lambda',
            MetricName: metric,
            Statistic: 'Sum',
            Threshold: 1,
          });
        }
      }
    });

    it('alarms on the indexer failure queue depth and on indexing lag', () => {
      prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'woonwijzer-prod-indexer-failures',
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Threshold: 1,
      });
      prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'woonwijzer-prod-indexer-iterator-age',
        MetricName: 'IteratorAge',
        Threshold: ALARM_THRESHOLDS.indexerIteratorAgeMs,
      });
    });

    it('alarms on search cluster health: red in both stages, yellow only on the prod cluster', () => {
      for (const stage of [dev, prod]) {
        stage.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', {
          AlarmName: `woonwijzer-${stage.config.stage}-search-red`,
          Namespace: 'AWS/ES',
          MetricName: 'ClusterStatus.red',
          Threshold: 1,
        });
      }
      prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', { AlarmName: 'woonwijzer-prod-search-yellow', MetricName: 'ClusterStatus.yellow' });
      expect(alarmNames(dev)).not.toContain('woonwijzer-dev-search-yellow');
    });

    it('alarms when a search node has a quarter of its volume left', () => {
      prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Alarm', {
        AlarmName: 'woonwijzer-prod-search-free-storage',
        MetricName: 'FreeStorageSpace',
        ComparisonOperator: 'LessThanOrEqualToThreshold',
        Threshold: prod.config.search.volumeGiB * 1024 * ALARM_THRESHOLDS.searchFreeStorageShare,
      });
    });

    it('sends every alarm and its recovery to the alarm topic', () => {
      const topic = onlyResource(prod.templates.ops, 'AWS::SNS::Topic', { TopicName: 'woonwijzer-prod-alarms' });
      prod.templates.ops.allResourcesProperties('AWS::CloudWatch::Alarm', {
        AlarmActions: [{ Ref: topic.logicalId }],
        OKActions: [{ Ref: topic.logicalId }],
      });
      expect(alarmNames(prod)).toHaveLength(27);
      expect(alarmNames(dev)).toHaveLength(26);
    });

    it('subscribes the alarm address from context, if any', () => {
      prod.templates.ops.resourceCountIs('AWS::SNS::Subscription', 0);
      const subscribed = synthStage('dev', { alarmEmail: 'ops@example.nl' });
      subscribed.templates.ops.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.nl' });
    });

    it('has one dashboard', () => {
      prod.templates.ops.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
      prod.templates.ops.hasResourceProperties('AWS::CloudWatch::Dashboard', { DashboardName: 'woonwijzer-prod-overview' });
    });
  });
}
