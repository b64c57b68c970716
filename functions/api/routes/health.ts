// GET /api/health: is the function up and can it reach its store?
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import type { ApiEnv } from '../context.ts';

const HealthSchema = z.object({ status: z.literal('ok'), regions: z.number().int() });

export const healthRoutes = new OpenAPIHono<ApiEnv>().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    summary: 'Health check',
    responses: { 200: { description: 'The API and its store answer.', content: { 'application/json': { schema: HealthSchema } } } },
  }),
  async (c) => {
    const regions = await c.var.deps.store.listRegions();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const, regions: regions.length }, 200);
  },
);
