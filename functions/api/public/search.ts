// /api/search: direct search without the questionnaire. Dutch full text over the names, filters on
// the criteria codes (a filter repeated in the query string, `housingType=a&housingType=b`, is OR
// within it; different filters AND), facet counts per filter, paging.
import { SearchQuerySchema, SearchResponseSchema } from '../../../shared/domain/index.ts';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { geocodePlace } from '../geocode.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';
import { nameRegions } from '../region-names.ts';

export const searchApp = createResourceApp<PublicEnv>().openapi(
  apiRoute({
    method: 'get',
    path: '/',
    operationId: 'searchHousingForms',
    summary: "Search a region's housing forms (or also nearby regions', or the country's)",
    description:
      'A repeated filter (`housingType=nursing-home&housingType=care-farm`) passes any of its codes; different filters must all pass. ' +
      'A yes/no filter (`garden=true`) passes only housing forms known to have it. ' +
      'Facet counts per code are computed with every other filter applied. ' +
      '`scope=nearby` (with `postcode` and `maxDistanceKm`) adds the housing forms of other regions within that distance; ' +
      '`scope=country` searches every region. Each hit names the region it lies in (`regionId`, `regionName`).',
    request: { query: SearchQuerySchema },
    responses: {
      200: json(SearchResponseSchema, 'One page of hits, the total and the facet counts.'),
      400: problem('The query is not valid; `fields` names each problem.'),
      404: problem('No such region.'),
    },
  }),
  async (c) => {
    const query = c.req.valid('query');
    const answer = await c.var.deps.search.search(query, geocodePlace(query.postcode, 'query.postcode'));
    await nameRegions(c.var.deps.regions, answer.items);
    return c.json(answer, 200);
  },
);
