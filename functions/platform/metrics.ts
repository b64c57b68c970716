// The one Metrics instance: AWS Lambda Powertools' Metrics, written as CloudWatch embedded metric
// format (EMF) lines, which CloudWatch turns into metrics without an API call. Code records with
// recordMetric; the Lambda handler wrapper (./lambda-handler.ts) flushes once per invocation.
//
// Outside Lambda nothing reads EMF lines and a terminal full of them would hide the log, so they
// are off there unless POWERTOOLS_METRICS_DISABLED=false asks for them. Recorded values are kept
// until the next flush either way, which is how tests observe them (serializeMetrics).
import { MetricUnit, Metrics } from '@aws-lambda-powertools/metrics';
import { log } from './log.ts';
import { ALARMED_METRICS, METRICS_NAMESPACE, SERVICE_NAME } from './telemetry-names.ts';

/** Every metric this service writes, with its unit; one name per thing measured. */
export const METRIC = {
  /** Time the search engine took to rank one match request. */
  matchLatency: { name: 'MatchLatency', unit: MetricUnit.Milliseconds },
  /** Fitting housing forms of one match (all pages). */
  matchResults: { name: 'MatchResults', unit: MetricUnit.Count },
  /** Near misses of one match. */
  matchNearMisses: { name: 'MatchNearMisses', unit: MetricUnit.Count },
  /** Time the search engine took to answer one direct search. */
  searchLatency: { name: 'SearchLatency', unit: MetricUnit.Milliseconds },
  /** Hits of one direct search (all pages). */
  searchResults: { name: 'SearchResults', unit: MetricUnit.Count },
  /** API requests answered with a 5xx status. */
  serverErrors: { name: 'ServerErrors', unit: MetricUnit.Count },
  /** API requests answered 503 because the store or the search engine did not answer in time. */
  dependencyUnavailable: { name: 'DependencyUnavailable', unit: MetricUnit.Count },
  /** Work started by a request after its answer (the demand counts of a match) that failed. */
  backgroundWorkFailed: { name: 'BackgroundWorkFailed', unit: MetricUnit.Count },
  /** Stream records the indexer received. */
  indexerRecordsProcessed: { name: 'IndexerRecordsProcessed', unit: MetricUnit.Count },
  /** Stream records reported back for retry. */
  indexerRecordsFailed: { name: 'IndexerRecordsFailed', unit: MetricUnit.Count },
  /** Documents a reindex wrote (first pass and catch-up). */
  reindexDocuments: { name: 'ReindexDocuments', unit: MetricUnit.Count },
  /** Freshness reminder mails a run sent. */
  remindersSent: { name: 'RemindersSent', unit: MetricUnit.Count },
  /** Freshness reminder mails that could not be sent (the next run tries again). */
  remindersFailed: { name: ALARMED_METRICS.remindersFailed, unit: MetricUnit.Count },
} as const;
export type MetricKey = keyof typeof METRIC;

// Powertools 2.36 takes its off switch only from the environment, when the instance is made.
if (process.env.POWERTOOLS_METRICS_DISABLED === undefined && !process.env.AWS_LAMBDA_FUNCTION_NAME) {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
}

export const metrics = new Metrics({
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || METRICS_NAMESPACE,
  serviceName: process.env.POWERTOOLS_SERVICE_NAME || SERVICE_NAME,
  defaultDimensions: { stage: process.env.STAGE || 'local' },
  // Its own warnings (an invalid dimension, say) as our JSON lines rather than bare console output.
  logger: log,
});

export function recordMetric(key: MetricKey, value: number): void {
  const { name, unit } = METRIC[key];
  metrics.addMetric(name, unit, value);
}

/** Writes what was recorded since the last flush as one EMF line; nothing when nothing was. */
export function flushMetrics(): void {
  // Powertools warns on an empty flush; an invocation that measured nothing is normal here.
  if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
}
