// Work a request starts but its answer does not wait for: the demand counts of a match. Where the
// runtime offers `waitUntil` (an execution context such as Cloudflare's) the work is handed to it;
// on Node and in Lambda it simply runs on. In Lambda the environment may be frozen once the answer
// is returned: the write's request is on the wire by then (it is sent before the handler returns,
// see docs/data-model.md), and its acknowledgement is read when the environment next runs. A
// failure is logged by its kind and counted, never with what the request held, and never reaches
// the caller.
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

/** Starts `task` now and lets the answer go without it; `what` names the work in a log line. */
export function afterAnswer(c: Context, what: string, task: () => Promise<void>): void {
  const running = Promise.resolve()
    .then(task)
    .catch((error: unknown) => {
      const { name, statusCode } = errorSummary(error);
      log.warn('work after the answer failed', { work: what, route: c.req.routePath, error: { name, ...(statusCode ? { statusCode } : {}) } });
      recordMetric('backgroundWorkFailed', 1);
    });
  executionContextOf(c)?.waitUntil(running);
}
