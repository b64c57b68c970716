// POST /api/match: a region's housing forms ranked for a person's criteria, each with its reasons,
// and the near misses with the musts they fail. The engine ranks; this handler only validates,
// geocodes the place and maps an unknown region to 404.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { ErrorResponseSchema, MatchRequestSchema, MatchResponseSchema } from '../../../shared/domain/index.ts';
import { pc4Point } from '../../../shared/geo/pc4.ts';
import { UnknownRegionError } from '../../search/embedded/unknown-region-error.ts';
import type { ApiEnv } from '../context.ts';
import { errorResponse, notFound, validationHook } from '../errors.ts';

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
    let origin: { lat: number; lon: number } | undefined;
    if (request.postcode !== undefined) {
      const pc4 = request.postcode.slice(0, 4);
      origin = pc4Point(pc4);
      if (!origin) {
        return errorResponse(c, 400, 'validation_error', 'The request is not valid. See fields.', [
          { path: 'postcode', message: `Postcode area ${pc4} is not known (it may be a PO-box-only area). Give the postcode of a street address.` },
        ]);
      }
    }
    try {
      return c.json(await c.var.deps.search.match(request, origin), 200);
    } catch (error) {
      if (error instanceof UnknownRegionError) return notFound(c, `Region "${request.regionId}"`);
      throw error;
    }
  },
);
