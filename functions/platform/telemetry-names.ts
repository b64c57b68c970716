// The names logs and metrics go by, apart from the modules that make the logger and the metrics,
// so the CDK stacks can set the same names in the functions' environment without creating either.

/** The service of every log line and metric, unless POWERTOOLS_SERVICE_NAME names another. */
export const SERVICE_NAME = 'woonwijzer';

/** The CloudWatch namespace of every metric, unless POWERTOOLS_METRICS_NAMESPACE names another. */
export const METRICS_NAMESPACE = 'Woonwijzer';

/**
 * The metrics the ops stack alarms on, by their name in ./metrics.ts (METRIC), which records them
 * under these names with the dimensions `service` and `stage`.
 */
export const ALARMED_METRICS = {
  remindersFailed: 'RemindersFailed',
} as const;
