// Wraps every Lambda entry's handler: log lines of the invocation carry its request id, cold start
// and function (Powertools' Lambda context keys) and a correlation id, and the invocation's
// metrics are flushed as one EMF line when it ends, also when it throws.
//
// The event is never logged (Powertools' POWERTOOLS_LOGGER_LOG_EVENT is not honoured here): an API
// event carries a match request, which is health data.
import type { Context } from 'aws-lambda';
import { log } from './log.ts';
import { flushMetrics } from './metrics.ts';

export const CORRELATION_HEADER = 'x-correlation-id';

/** A correlation id a caller may choose: UUID-shaped, so no text a person typed can ride along. */
const ID_SHAPED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an HTTP event (API Gateway, ALB, function URL) has that this reads. */
interface HttpEventLike {
  headers?: Record<string, string | string[] | undefined>;
  requestContext?: object;
}

/**
 * The correlation id of an HTTP API request: the caller's `x-correlation-id` when it is
 * id-shaped, else API Gateway's request id (which its access log carries too).
 */
export function httpCorrelationId(event: HttpEventLike): string | undefined {
  const header = event.headers?.[CORRELATION_HEADER];
  if (typeof header === 'string' && ID_SHAPED.test(header.trim())) return header.trim();
  const requestId = (event.requestContext as { requestId?: unknown } | undefined)?.requestId;
  return typeof requestId === 'string' ? requestId : undefined;
}

export interface HandlerOptions<E> {
  /** Where this event type keeps a correlation id, if it has one. */
  correlationId?: (event: E) => string | undefined;
}

export function lambdaHandler<E, R>(
  handler: (event: E, context: Context) => Promise<R>,
  options: HandlerOptions<E> = {},
): (event: E, context: Context) => Promise<R> {
  return async (event, context) => {
    log.addContext(context);
    const correlationId = options.correlationId?.(event);
    if (correlationId) log.setCorrelationId(correlationId);
    try {
      return await handler(event, context);
    } finally {
      flushMetrics();
      // The next invocation in this environment starts without this one's correlation id.
      log.resetKeys();
    }
  };
}
