// The one logger: AWS Lambda Powertools' Logger, JSON lines on stdout/stderr that CloudWatch and a
// terminal both read. In Lambda the handler wrapper (./lambda-handler.ts) adds the request id,
// cold start and correlation id; locally the lines have the same shape without them.
//
// Health data (criteria, postcodes, answers) never goes into a log call: log what happened and
// where (route, ids, counts), not what a person sent. Errors go through errorSummary, since
// client errors carry the request they failed on in their own properties.
import { Logger } from '@aws-lambda-powertools/logger';
import { SERVICE_NAME } from './telemetry-names.ts';

const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;
type Level = (typeof LEVELS)[number];

/**
 * POWERTOOLS_LOG_LEVEL, else LOG_LEVEL, in any case. Powertools reads both itself but only in
 * upper case, and this project has always documented `LOG_LEVEL=silent`.
 */
export function logLevelFrom(env: Record<string, string | undefined>): Level {
  const wanted = (env.POWERTOOLS_LOG_LEVEL || env.LOG_LEVEL || 'INFO').trim().toUpperCase();
  return (LEVELS as readonly string[]).includes(wanted) ? (wanted as Level) : 'INFO';
}

export const log = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME || SERVICE_NAME,
  logLevel: logLevelFrom(process.env),
});

export interface ErrorSummary {
  name: string;
  message: string;
  stack?: string;
  cause?: ErrorSummary;
}

/**
 * An error as a log line may show it: name, message, stack and cause, and none of its other
 * properties. Powertools would log every enumerable property, and the OpenSearch client's
 * errors keep the request (a match's criteria) in `meta`.
 */
export function errorSummary(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { name: typeof error, message: 'A value that is not an Error was thrown.' };
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(error.cause !== undefined ? { cause: errorSummary(error.cause) } : {}),
  };
}
