// Work a request starts but its answer does not wait for: the demand counts of a match. Where the
// runtime offers `waitUntil` (an execution context such as Cloudflare's) the work is handed to it;
// on Node and in Lambda it simply runs on. In Lambda the environment may be frozen once the answer
// is returned: what was sent by then is applied by DynamoDB, and the rest goes on when the
// environment next runs (see docs/data-model.md). A failure is logged by its kind and counted,
// never with what the request held, and never reaches the caller.
import type { Context } from 'hono';
import { errorSummary, log } from '../platform/log.ts';
import { recordMetric } from '../platform/metrics.ts';

interface WaitUntil {
  waitUntil(promise: Promise<unknown>): void;
}

function executionContextOf(c: Context): WaitUntil | undefined {
  try {
    // Hono's getter throws when the runtime gave no execution context (Node, Lambda).
    return c.executionCtx as WaitUntil;
  } catch {
    return undefined;
  }
}

/**
 * Logs and counts work nobody waits on that failed: by the error's name and status only, since
 * its message may quote what it carried. `route` when a request started it.
 */
export function reportFailedWork(what: string, error: unknown, route?: string): void {
  const { name, statusCode } = errorSummary(error);
  log.warn('work after the answer failed', { work: what, ...(route ? { route } : {}), error: { name, ...(statusCode ? { statusCode } : {}) } });
  recordMetric('backgroundWorkFailed', 1);
}

/** Starts `task` now and lets the answer go without it; `what` names the work in a log line. */
export function afterAnswer(c: Context, what: string, task: () => Promise<void>): void {
  const running = Promise.resolve()
    .then(task)
    .catch((error: unknown) => reportFailedWork(what, error, c.req.routePath));
  executionContextOf(c)?.waitUntil(running);
}
