// Every call out of a function (DynamoDB, its stream, SES, S3, OpenSearch) gets its deadline and its
// retries here, so a stalled or throttled dependency costs a request seconds, never minutes, and
// all clients fail alike. Also the one test of whether an error means "that dependency is not
// answering now" (a 503 the caller may retry) rather than a fault in our code (a 500).
//
// The figures: a public request must be answered within 3 s (503 with Retry-After when it cannot be
// served, see REQUEST_DEADLINE_MS in api/limits.ts). A DynamoDB read takes milliseconds; DynamoDB
// Local under a test run's load was seen near half a second. So an interactive call gets 1.5 s an
// attempt and one retry; batch work (imports, the indexer, the reindex) moves pages of up to 1 MB
// and has minutes, not seconds, so it waits longer and retries more.

export type CallProfile = 'interactive' | 'batch';

interface CallLimits {
  /** Time to open a TCP (and TLS) connection. */
  connectionTimeoutMs: number;
  /** Time for one attempt, from asking for a socket to the last byte of the answer. */
  requestTimeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

export const CALL_LIMITS: Record<CallProfile, CallLimits> = {
  interactive: { connectionTimeoutMs: 500, requestTimeoutMs: 1_500, maxAttempts: 2 },
  batch: { connectionTimeoutMs: 2_000, requestTimeoutMs: 15_000, maxAttempts: 4 },
};

/**
 * Sockets kept open per client. Bounded, so a stall cannot pile up connections without end; kept
 * alive, so the next request after a stall reuses a healthy socket (stalled ones are destroyed by
 * the request timeout, never handed out again).
 */
export const MAX_SOCKETS = 50;

/** What a caller is told to wait before asking again when a dependency does not answer. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The settings every AWS SDK v3 client is built with (spread into its constructor). The request
 * handler is given as options, which the SDK turns into its own NodeHttpHandler: the package
 * (@smithy/node-http-handler) is the SDK's dependency, not ours, so it is not imported here.
 * `throwOnRequestTimeout`: without it the handler only logs a warning when `requestTimeout` passes.
 * The standard retry mode backs off exponentially with full jitter and stops retrying when its
 * token bucket runs dry, so a long outage does not multiply the load on the dependency.
 */
export function awsClientSettings(profile: CallProfile = 'interactive') {
  const limits = CALL_LIMITS[profile];
  const agent = { keepAlive: true, maxSockets: MAX_SOCKETS };
  return {
    maxAttempts: limits.maxAttempts,
    retryMode: 'standard' as const,
    requestHandler: {
      connectionTimeout: limits.connectionTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      throwOnRequestTimeout: true,
      httpAgent: agent,
      httpsAgent: agent,
    },
  };
}

/** The same limits for the OpenSearch client's transport (its own retries and timeout). */
export function openSearchCallSettings(profile: CallProfile = 'interactive') {
  const limits = CALL_LIMITS[profile];
  return { requestTimeoutMs: limits.requestTimeoutMs, maxRetries: limits.maxAttempts - 1 };
}

// Error names the AWS SDK and the OpenSearch client give a call that was not answered in time, a
// connection that failed, or a service that asked us to slow down or was itself failing.
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError', 'AbortError', 'RequestTimeout', 'RequestTimeoutException',
  'ThrottlingException', 'ProvisionedThroughputExceededException', 'RequestLimitExceeded', 'TooManyRequestsException',
  'InternalServerError', 'ServiceUnavailable', 'ServiceUnavailableException',
  // @opensearch-project/opensearch's transport errors.
  'ConnectionError', 'NoLivingConnectionsError',
]);
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_SOCKET']);
const UNAVAILABLE_STATUSES = new Set([429, 502, 503, 504]);

/**
 * Whether an error says a dependency did not answer (or refused for now) rather than that our
 * request was wrong: worth a 503 and a later try, not a 500. A refused request (a validation or
 * condition failure, a missing table) is not: that is ours to fix.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; typeof e === 'object' && e !== null && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { name, code, $fault, $metadata, meta } = e as {
      name?: unknown; code?: unknown; $fault?: unknown;
      $metadata?: { httpStatusCode?: unknown }; meta?: { statusCode?: unknown };
    };
    if (typeof name === 'string' && UNAVAILABLE_NAMES.has(name)) return true;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    // An AWS service's own 5xx; its 4xx (validation, conditions) stay ours.
    if ($fault === 'server') return true;
    const status = $metadata?.httpStatusCode ?? meta?.statusCode;
    if (typeof status === 'number' && UNAVAILABLE_STATUSES.has(status)) return true;
  }
  return false;
}
