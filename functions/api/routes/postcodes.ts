// GET /api/postcodes/{postcode}: where a place lies, so the site can show it on the map and check
// a postcode before searching with it.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { ErrorResponseSchema, PlacePostcode, PostcodeAnswerSchema } from '../../../shared/domain/index.ts';
import { pc4CareOfficeRegion } from '../../../shared/geo/pc4.ts';
import type { ApiEnv } from '../context.ts';
import { errorResponse, validationHook } from '../errors.ts';
import { geocodePlace, unknownAreaMessage } from '../geocode.ts';

export const postcodeRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/postcodes/{postcode}',
    summary: 'Where a postcode lies',
    description: 'The centroid of the 4-digit postcode area, and the care-office region it lies in when known. "6211", "6211AB" and "6211 AB" are all accepted.',
    request: { params: z.object({ postcode: PlacePostcode }) },
    responses: {
      200: { description: 'The point of the postcode area.', content: { 'application/json': { schema: PostcodeAnswerSchema } } },
      400: { description: 'Not a postcode; `fields` says why.', content: { 'application/json': { schema: ErrorResponseSchema } } },
      404: { description: 'A well-formed postcode in an area that cannot be placed (unknown, or PO boxes only).', content: { 'application/json': { schema: ErrorResponseSchema } } },
    },
  }),
  (c) => {
    const { postcode } = c.req.valid('param');
    const place = geocodePlace(postcode);
    if (!place.ok || !place.origin) return errorResponse(c, 404, 'not_found', unknownAreaMessage(postcode.slice(0, 4)));
    const pc4 = postcode.slice(0, 4);
    const careOfficeRegionCode = pc4CareOfficeRegion(pc4);
    return c.json({ postcode, pc4, point: place.origin, ...(careOfficeRegionCode ? { careOfficeRegionCode } : {}) }, 200);
  },
);
