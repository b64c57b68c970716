// POST /api/compare: chosen housing forms (the shortlist) explained against the person's wishes,
// with the same score and reasons a match gives, every failed must, and what is gone in `missing`.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { CompareRequestSchema, CompareResponseSchema, ErrorResponseSchema, MAX_COMPARED } from '../../../shared/domain/index.ts';
import { compareHousingForms } from '../compare-housing-forms.ts';
import type { ApiEnv } from '../context.ts';
import { notFound, validationHook } from '../errors.ts';
import { geocodePlace, unknownPlace } from '../geocode.ts';

export const compareRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'post',
    path: '/compare',
    summary: 'Chosen housing forms explained against a set of criteria',
    description:
      `Up to ${MAX_COMPARED} housing forms, each named by location and housing-form id. Each is scored and explained as a match ` +
      'result would be, but none is left out: `failedMusts` lists every must it fails. Items come in the order asked; ' +
      'a housing form that no longer exists, or lies in another region, is listed in `missing`.',
    request: { body: { required: true, content: { 'application/json': { schema: CompareRequestSchema } } } },
    responses: {
      200: { description: 'The housing forms explained, and those not found.', content: { 'application/json': { schema: CompareResponseSchema } } },
      400: { description: 'The request is not valid; `fields` names each problem.', content: { 'application/json': { schema: ErrorResponseSchema } } },
      404: { description: 'No such region.', content: { 'application/json': { schema: ErrorResponseSchema } } },
    },
  }),
  async (c) => {
    const request = c.req.valid('json');
    const place = geocodePlace(request.postcode);
    if (!place.ok) return unknownPlace(c, place.pc4);
    const answer = await compareHousingForms(c.var.deps.store, request, place.origin);
    if (!answer) return notFound(c, `Region "${request.regionId}"`);
    return c.json(answer, 200);
  },
);
