// /api/regions/{regionId}/questionnaire: the region's current clarification questionnaire, as data
// the site renders step by step, and the answers kept in a browser turned into criteria and a place
// by the pure `answersToCriteria`. Answers come from older questionnaire versions too, so nothing in
// them is a 400: what cannot be used comes back in `ignored`.
import * as z from 'zod';
import { Slug } from '../../../shared/domain/index.ts';
import {
  CriteriaFromAnswersRequestSchema, CriteriaFromAnswersResponseSchema, QuestionnaireSchema, answersOnVersion, answersToCriteria,
} from '../../../shared/questionnaire/index.ts';
import type { RegionReader } from '../../store/region-store.ts';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { NotFoundError } from '../errors.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';

const RegionParams = z.object({ regionId: Slug });
const NO_QUESTIONNAIRE = problem('No such region, or it has no questionnaire.');

async function requireQuestionnaire(regions: RegionReader, regionId: string) {
  const questionnaire = await regions.getQuestionnaire(regionId);
  if (!questionnaire) throw NotFoundError.of(`A questionnaire for region "${regionId}"`);
  return questionnaire;
}

export const regionQuestionnaireApp = createResourceApp<PublicEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/',
      operationId: 'getRegionQuestionnaire',
      summary: "The region's questionnaire",
      request: { params: RegionParams },
      responses: {
        200: json(z.object({ questionnaire: QuestionnaireSchema }), 'The current version.'),
        400: problem('The id is not valid.'),
        404: NO_QUESTIONNAIRE,
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      return c.json({ questionnaire: await requireQuestionnaire(c.var.deps.regions, regionId) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/criteria',
      operationId: 'criteriaFromAnswers',
      summary: "Answers to the region's questionnaire as criteria",
      description:
        'Answers keyed by question id, as the site saves them. Each is read against the current questionnaire; ' +
        'an answer that cannot be used (a question or option that is gone, a value out of range) is listed in `ignored` with its reason. ' +
        'With the `version` the answers were saved for, an older version\'s answers are carried over by question id and what the current ' +
        'version no longer asks is listed as `no-longer-asked`.',
      request: {
        params: RegionParams,
        body: { required: true, content: { 'application/json': { schema: CriteriaFromAnswersRequestSchema } } },
      },
      responses: {
        200: json(CriteriaFromAnswersResponseSchema, 'The criteria, the place, and the answers that were not used.'),
        400: problem('The body is not an object of answers; `fields` names the problem.'),
        404: NO_QUESTIONNAIRE,
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { answers, version } = c.req.valid('json');
      const questionnaire = await requireQuestionnaire(c.var.deps.regions, regionId);
      // Answers of an older version: carried over by question id, and what is no longer asked is said so.
      const onVersion = version !== undefined && version !== questionnaire.version
        ? answersOnVersion({ version, answers }, questionnaire)
        : { answers, noLongerAsked: [] };
      const result = answersToCriteria(questionnaire, onVersion.answers);
      const noLongerAsked = onVersion.noLongerAsked.map(({ questionId, optionIds }) => ({
        questionId,
        code: 'no-longer-asked' as const,
        reason: optionIds
          ? `Version ${questionnaire.version} no longer offers ${optionIds.map((id) => `"${id}"`).join(', ')}.`
          : `Version ${questionnaire.version} no longer asks this question.`,
      }));
      return c.json({ questionnaireId: questionnaire.id, version: questionnaire.version, ...result, ignored: [...noLongerAsked, ...result.ignored] }, 200);
    },
  );
