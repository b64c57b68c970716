// /api/locations/{locationId}: one location with its organisation and housing forms.
import * as z from 'zod';
import { LocationDetailSchema, Slug } from '../../../shared/domain/index.ts';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';

export const locationsApp = createResourceApp<PublicEnv>().openapi(
  apiRoute({
    method: 'get',
    path: '/{locationId}',
    operationId: 'getLocation',
    summary: 'One location',
    request: { params: z.object({ locationId: Slug }) },
    responses: {
      200: json(LocationDetailSchema, 'The location, its organisation and its housing forms.'),
      400: problem('The id is not valid.'),
      404: problem('No such location.'),
    },
  }),
  async (c) => {
    const { locationId } = c.req.valid('param');
    const detail = await c.var.deps.listings.getLocation(locationId);
    if (!detail) throw NotFoundError.of(`Location "${locationId}"`);
    return c.json(detail, 200);
  },
);
