// /api/health: is the function up, and does each thing it depends on answer? Each dependency is
// asked with a short deadline of its own, so a stalled one makes the answer "degraded" (503, naming
// it) within about a second instead of hanging.
import * as z from 'zod';
import { RETRY_AFTER_SECONDS } from '../../platform/outbound-calls.ts';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { HEALTH_CHECK_DEADLINE_MS } from '../limits.ts';
import { apiRoute, json } from '../openapi-route.ts';

const DependencyState = z.enum(['ok', 'unavailable']).describe('`unavailable`: no answer within the check\'s deadline, or an error.');
const Dependencies = z.object({ store: DependencyState, search: DependencyState });

const HealthSchema = z.object({ status: z.literal('ok'), regions: z.number().int(), dependencies: Dependencies });
const DegradedSchema = z.object({ status: z.literal('degraded'), dependencies: Dependencies });

type Check<T> = { ok: true; value: T } | { ok: false };

/** Runs one check; a rejection or no answer by the deadline both count as unavailable. */
async function check<T>(probe: () => Promise<T>): Promise<Check<T>> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Check<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false }), HEALTH_CHECK_DEADLINE_MS);
  });
  try {
    return await Promise.race([probe().then((value): Check<T> => ({ ok: true, value }), (): Check<T> => ({ ok: false })), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export const healthApp = createResourceApp<PublicEnv>().openapi(
  apiRoute({
    method: 'get',
    path: '/',
    operationId: 'getHealth',
    summary: 'Health check',
    responses: {
      200: json(HealthSchema, 'The API and everything it depends on answer.'),
      503: json(DegradedSchema, 'Something the API depends on does not answer; `dependencies` says which. Ask again after Retry-After seconds.'),
    },
  }),
  async (c) => {
    const [store, search] = await Promise.all([check(() => c.var.deps.regions.listRegions()), check(() => c.var.deps.search.ping())]);
    c.header('Cache-Control', 'no-store');
    const dependencies = { store: store.ok ? 'ok' as const : 'unavailable' as const, search: search.ok ? 'ok' as const : 'unavailable' as const };
    if (!store.ok || !search.ok) {
      c.header('Retry-After', String(RETRY_AFTER_SECONDS));
      return c.json({ status: 'degraded' as const, dependencies }, 503);
    }
    return c.json({ status: 'ok' as const, regions: store.value.length, dependencies }, 200);
  },
);
