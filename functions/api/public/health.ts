// /api/health: is the function up and can it reach its store?
import * as z from 'zod';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { apiRoute, json } from '../openapi-route.ts';

const HealthSchema = z.object({ status: z.literal('ok'), regions: z.number().int() });

export const healthApp = createResourceApp<PublicEnv>().openapi(
  apiRoute({
    method: 'get',
    path: '/',
    operationId: 'getHealth',
    summary: 'Health check',
    responses: { 200: json(HealthSchema, 'The API and its store answer.') },
  }),
  async (c) => {
    const regions = await c.var.deps.regions.listRegions();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: 'ok' as const, regions: regions.length }, 200);
  },
);
