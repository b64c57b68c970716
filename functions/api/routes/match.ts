// POST /api/match: a region's housing forms ranked for a person's criteria, each with its reasons,
// and the near misses with the musts they fail. The engine ranks; this handler only validates,
// geocodes the place and maps an unknown region to 404.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { ErrorResponseSchema, MatchRequestSchema, MatchResponseSchema } from '../../../shared/domain/index.ts';
import { UnknownRegionError } from '../../search/embedded/unknown-region-error.ts';
import type { ApiEnv } from '../context.ts';
import { notFound, validationHook } from '../errors.ts';
import { geocodePlace, unknownPlace } from '../geocode.ts';

export const matchRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'post',
    path: '/match',
    summary: 'Housing forms ranked for a set of criteria, with reasons',
    description:
      'Every `must` filters; a housing form failing one or two musts is a near miss, listed with the musts it fails. ' +
      '`important` and `nice` rank, with the distance from `postcode` and the waiting list. The ranking is explained on the site.',
    request: { body: { required: true, content: { 'application/json': { schema: MatchRequestSchema } } } },
    responses: {
      200: { description: 'Fitting housing forms (one page) and near misses.', content: { 'application/json': { schema: MatchResponseSchema } } },
      400: { description: 'The request is not valid; `fields` names each problem.', content: { 'application/json': { schema: ErrorResponseSchema } } },
      404: { description: 'No such region.', content: { 'application/json': { schema: ErrorResponseSchema } } },
    },
  }),
  async (c) => {
    const request = c.req.valid('json');
    const place = geocodePlace(request.postcode);
    if (!place.ok) return unknownPlace(c, place.pc4);
    const origin = place.origin;
    try {
      return c.json(await c.var.deps.search.match(request, origin), 200);
    } catch (error) {
      if (error instanceof UnknownRegionError) return notFound(c, `Region "${request.regionId}"`);
      throw error;
    }
  },
);
