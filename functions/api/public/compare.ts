// /api/compare: chosen housing forms (the shortlist) explained against the person's wishes, with the
// same score and reasons a match gives, every failed must, and what is gone in `missing`.
import { CompareRequestSchema, CompareResponseSchema, MAX_COMPARED } from '../../../shared/domain/index.ts';
import { createResourceApp } from '../app-factory.ts';
import { compareHousingForms } from '../compare-housing-forms.ts';
import type { PublicEnv } from '../context.ts';
import { geocodePlace } from '../geocode.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';

export const compareApp = createResourceApp<PublicEnv>().openapi(
  apiRoute({
    method: 'post',
    path: '/',
    operationId: 'compareHousingForms',
    summary: 'Chosen housing forms explained against a set of criteria',
    description:
      `Up to ${MAX_COMPARED} housing forms, each named by location and housing-form id. Each is scored and explained as a match ` +
      'result would be, but none is left out: `failedMusts` lists every must it fails. Items come in the order asked; ' +
      'a housing form that no longer exists is listed in `missing`. One of another region than `regionId` (a favourite found in a search ' +
      'across borders) is explained like any other and names its region.',
    request: { body: { required: true, content: { 'application/json': { schema: CompareRequestSchema } } } },
    responses: {
      200: json(CompareResponseSchema, 'The housing forms explained, and those not found.'),
      400: problem('The request is not valid; `fields` names each problem.'),
      404: problem('No such region.'),
    },
  }),
  async (c) => {
    const request = c.req.valid('json');
    const origin = geocodePlace(request.postcode);
    return c.json(await compareHousingForms(c.var.deps, request, c.var.deps.clock.now(), origin), 200);
  },
);
