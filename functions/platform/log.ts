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
  /** Absent for an error that came back from a server (see isResponseError). */
  message?: string;
  stack?: string;
  cause?: ErrorSummary;
  /** The HTTP status a server answered with. */
  statusCode?: number;
  /** The error types the server named (e.g. `search_phase_execution_exception`), never its reasons. */
  errorTypes?: string[];
}

/**
 * An error as a log line may show it: name, message, stack and cause, and none of its other
 * properties. Powertools would log every enumerable property, and the OpenSearch client's
 * errors keep the request (a match's criteria) in `meta`. An error that carries the server's
 * answer is logged by name, status and error types only: OpenSearch builds such an error's
 * message (and so its stack) from the reasons it gives, and a reason can quote the query
 * (`failed to create query: For input string: "…"`).
 */
export function errorSummary(error: unknown): ErrorSummary {
  if (!(error instanceof Error)) return { name: typeof error, message: 'A value that is not an Error was thrown.' };
  if (isResponseError(error)) {
    const statusCode = statusCodeOf(error);
    const errorTypes = errorTypesOf(error);
    return {
      name: error.name,
      ...(statusCode !== undefined ? { statusCode } : {}),
      ...(errorTypes.length > 0 ? { errorTypes } : {}),
    };
  }
  return {
    name: error.name,
    message: error.message,
    ...(error.stack ? { stack: error.stack } : {}),
    ...(error.cause !== undefined ? { cause: errorSummary(error.cause) } : {}),
  };
}

type ResponseLike = Error & { meta?: unknown; body?: unknown; statusCode?: unknown };

/**
 * Duck-typed, so this module does not pull the OpenSearch client into every bundle: its errors
 * (ResponseError, ConnectionError, TimeoutError, …) carry `meta`; a ResponseError also `body` and
 * `statusCode`, as does any error that holds an HTTP answer.
 */
function isResponseError(error: Error): error is ResponseLike {
  return 'meta' in error || ('body' in error && 'statusCode' in error);
}

function statusCodeOf(error: ResponseLike): number | undefined {
  const meta = error.meta as { statusCode?: unknown } | undefined;
  const status = typeof error.statusCode === 'number' ? error.statusCode : meta?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** `error.type` and each `error.root_cause[].type` of an OpenSearch error body. */
function errorTypesOf(error: ResponseLike): string[] {
  const meta = error.meta as { body?: unknown } | undefined;
  const body = (error.body ?? meta?.body) as { error?: { type?: unknown; root_cause?: unknown } } | undefined;
  const found = [body?.error?.type, ...(Array.isArray(body?.error?.root_cause) ? body.error.root_cause.map((c: { type?: unknown } | undefined) => c?.type) : [])];
  return [...new Set(found.filter((type): type is string => typeof type === 'string'))];
}
