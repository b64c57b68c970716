// GET /api/search: direct search without the questionnaire. Dutch full text over the names,
// filters on the criteria codes (a filter repeated in the query string, `housingType=a&housingType=b`,
// is OR within it; different filters AND), facet counts per filter, paging.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { ErrorResponseSchema, SearchQuerySchema, SearchResponseSchema } from '../../../shared/domain/index.ts';
import { UnknownRegionError } from '../../search/embedded/unknown-region-error.ts';
import type { ApiEnv } from '../context.ts';
import { notFound, validationHook } from '../errors.ts';

export const searchRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/search',
    summary: "Search a region's housing forms",
    description:
      'A repeated filter (`housingType=nursing-home&housingType=care-farm`) passes any of its codes; different filters must all pass. ' +
      'A yes/no filter (`garden=true`) passes only housing forms known to have it. ' +
      'Facet counts per code are computed with every other filter applied.',
    request: { query: SearchQuerySchema },
    responses: {
      200: { description: 'One page of hits, the total and the facet counts.', content: { 'application/json': { schema: SearchResponseSchema } } },
      400: { description: 'The query is not valid; `fields` names each problem.', content: { 'application/json': { schema: ErrorResponseSchema } } },
      404: { description: 'No such region.', content: { 'application/json': { schema: ErrorResponseSchema } } },
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    try {
      return c.json(await c.var.deps.search.search(query), 200);
    } catch (error) {
      if (error instanceof UnknownRegionError) return notFound(c, `Region "${query.regionId}"`);
      throw error;
    }
  },
);
