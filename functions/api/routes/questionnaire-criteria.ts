// POST /api/regions/{regionId}/questionnaire/criteria: the answers kept in a browser turned into
// criteria and a place, by the pure `answersToCriteria`. Answers come from older questionnaire
// versions too, so nothing in them is a 400: what cannot be used comes back in `ignored`.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { ErrorResponseSchema, Slug } from '../../../shared/domain/index.ts';
import {
  CriteriaFromAnswersRequestSchema, CriteriaFromAnswersResponseSchema, answersToCriteria,
} from '../../../shared/questionnaire/index.ts';
import type { ApiEnv } from '../context.ts';
import { notFound, validationHook } from '../errors.ts';

export const questionnaireCriteriaRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'post',
    path: '/regions/{regionId}/questionnaire/criteria',
    summary: "Answers to the region's questionnaire as criteria",
    description:
      'Answers keyed by question id, as the site saves them. Each is read against the current questionnaire; ' +
      'an answer that cannot be used (a question or option that is gone, a value out of range) is listed in `ignored` with its reason.',
    request: {
      params: z.object({ regionId: Slug }),
      body: { required: true, content: { 'application/json': { schema: CriteriaFromAnswersRequestSchema } } },
    },
    responses: {
      200: { description: 'The criteria, the place, and the answers that were not used.', content: { 'application/json': { schema: CriteriaFromAnswersResponseSchema } } },
      400: { description: 'The body is not an object of answers; `fields` names the problem.', content: { 'application/json': { schema: ErrorResponseSchema } } },
      404: { description: 'No such region, or it has no questionnaire.', content: { 'application/json': { schema: ErrorResponseSchema } } },
    },
  }),
  async (c) => {
    const { regionId } = c.req.valid('param');
    const { answers } = c.req.valid('json');
    const questionnaire = await c.var.deps.store.getQuestionnaire(regionId);
    if (!questionnaire) return notFound(c, `A questionnaire for region "${regionId}"`);
    const result = answersToCriteria(questionnaire, answers);
    return c.json({ questionnaireId: questionnaire.id, version: questionnaire.version, ...result }, 200);
  },
);
