// The region's current clarification questionnaire, as data the site renders step by step.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import { ErrorResponseSchema, Slug } from '../../../shared/domain/index.ts';
import { QuestionnaireSchema } from '../../../shared/questionnaire/index.ts';
import type { ApiEnv } from '../context.ts';
import { notFound, validationHook } from '../errors.ts';

export const questionnaireRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).openapi(
  createRoute({
    method: 'get',
    path: '/regions/{regionId}/questionnaire',
    summary: "The region's questionnaire",
    request: { params: z.object({ regionId: Slug }) },
    responses: {
      200: { description: 'The current version.', content: { 'application/json': { schema: z.object({ questionnaire: QuestionnaireSchema }) } } },
      400: { description: 'The id is not valid.', content: { 'application/json': { schema: ErrorResponseSchema } } },
      404: { description: 'No such region, or it has no questionnaire.', content: { 'application/json': { schema: ErrorResponseSchema } } },
    },
  }),
  async (c) => {
    const { regionId } = c.req.valid('param');
    const questionnaire = await c.var.deps.store.getQuestionnaire(regionId);
    if (!questionnaire) return notFound(c, `A questionnaire for region "${regionId}"`);
    return c.json({ questionnaire }, 200);
  },
);
