// One location with its organisation and housing forms.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { ErrorResponseSchema, LocationDetailSchema, Slug } from '../../../shared/domain/index.ts';
import type { ApiEnv } from '../context.ts';
import { notFound, validationHook } from '../errors.ts';

export const locationRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/locations/{locationId}',
    summary: 'One location',
    request: { params: z.object({ locationId: Slug }) },
    responses: {
      200: { description: 'The location, its organisation and its housing forms.', content: { 'application/json': { schema: LocationDetailSchema } } },
      400: { description: 'The id is not valid.', content: { 'application/json': { schema: ErrorResponseSchema } } },
      404: { description: 'No such location.', content: { 'application/json': { schema: ErrorResponseSchema } } },
    },
  }),
  async (c) => {
    const { locationId } = c.req.valid('param');
    const detail = await c.var.deps.store.getLocation(locationId);
    if (!detail) return notFound(c, `Location "${locationId}"`);
    return c.json(detail, 200);
  },
);
