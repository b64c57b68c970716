// A region's questionnaire in versions, kept by the region's coordinators:
//   GET    /api/coordinator/regions/{regionId}/questionnaire            published versions and the draft
//   POST   /api/coordinator/regions/{regionId}/questionnaire/draft      copies the published version into a draft
//   PUT    /api/coordinator/regions/{regionId}/questionnaire/draft      saves the edited draft (with the version read)
//   DELETE /api/coordinator/regions/{regionId}/questionnaire/draft      throws the draft away
//   POST   /api/coordinator/regions/{regionId}/questionnaire/validate   checks a questionnaire without saving it
//   POST   /api/coordinator/regions/{regionId}/questionnaire/publish    makes the draft the next published version
// A draft is checked like the shipped questionnaires (QuestionnaireSchema: criteria the matcher
// knows, ids unique, ...) and against the version it came from (checkNextVersion: a question keeps its
// kind under its id). Publishing raises the version by one, leaves an audit record and rebuilds the
// site (a questionnaire item is a full build, functions/site/affected-pages.ts). Answers saved against
// an older version keep working: the criteria route reads them with answersOnVersion.
import * as z from 'zod';
import { Slug, VersionSchema } from '../../../../shared/domain/index.ts';
import { checkNextVersion, QuestionnaireSchema, type Questionnaire } from '../../../../shared/questionnaire/index.ts';
import type { QuestionnaireDraft } from '../../../store/region-coordination-store.ts';
import { VersionConflictError } from '../../../store/store-errors.ts';
import { createResourceApp } from '../../app-factory.ts';
import { NotFoundError, UnusableFieldsError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import { requireMembership, type StaffDeps, type StaffEnv } from '../context.ts';

const Params = z.object({ regionId: Slug });

const DraftSchema = z.object({
  basedOnVersion: z.number().int().min(1).describe('The published version the draft was copied from.'),
  version: VersionSchema.describe('The draft\'s own version: send it back with a save, a publish or a discard.'),
  updatedAt: z.iso.datetime(),
  questionnaire: QuestionnaireSchema.describe('The draft as the citizen would see it once published (its `version` is the one it would get).'),
});
const VersionSummarySchema = z.object({ version: z.number().int().min(1), publishedAt: z.iso.date() });
const OverviewSchema = z.object({
  regionId: Slug,
  published: VersionSummarySchema.describe('The version citizens answer now.'),
  versions: z.array(VersionSummarySchema).describe('Every published version, newest first.'),
  draft: DraftSchema.nullable(),
});
const DraftBody = z.strictObject({
  questionnaire: QuestionnaireSchema,
  version: VersionSchema.describe('The draft\'s version this edit was based on.'),
});
const ValidateBody = z.strictObject({ questionnaire: QuestionnaireSchema });
const VersionBody = z.strictObject({ version: VersionSchema.describe('The draft\'s version as last read.') });

const errors = {
  401: problem('Nobody is signed in.'),
  403: problem('The caller is no coordinator of this region, or the request did not come from a Woonwijzer page.'),
  404: problem('No such region, or it has no questionnaire (or no draft, where one is needed).'),
};
const conflict = (what: string) => problem(`${what} (\`version_conflict\`); \`current\` holds the draft as it is now, when there is one. Nothing was changed.`);

const draftBody = (draft: QuestionnaireDraft) =>
  ({ basedOnVersion: draft.basedOnVersion, version: draft.version, updatedAt: draft.updatedAt, questionnaire: draft.questionnaire });

async function requirePublished(deps: StaffDeps, regionId: string): Promise<Questionnaire> {
  const published = await deps.regions.getQuestionnaire(regionId);
  if (!published) throw NotFoundError.of(`A questionnaire for region "${regionId}"`);
  return published;
}

/** A 409 that carries the draft as it is now, so the editor keeps what was typed and can show what changed. */
async function withCurrentDraft<T>(deps: StaffDeps, regionId: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!(error instanceof VersionConflictError)) throw error;
    const current = await deps.regionCoordination.getQuestionnaireDraft(regionId);
    throw new VersionConflictError(error.entity, error.ids, error.expectedVersion, current ? draftBody(current) : undefined);
  }
}

/** The draft as the next version of `published`: numbered after it, checked against it (400 with the fields). */
function asNextVersion(published: Questionnaire, edited: Questionnaire): Questionnaire {
  const problems = checkNextVersion(published, edited).map((p) => ({ ...p, path: `questionnaire.${p.path}` }));
  if (problems.length > 0) throw new UnusableFieldsError(problems);
  return { ...edited, version: published.version + 1 };
}

export const coordinatorQuestionnaireApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/coordinator/regions/{regionId}/questionnaire',
      operationId: 'regionQuestionnaireVersions',
      summary: 'The region\'s questionnaire versions and draft',
      request: { params: Params },
      responses: { 200: json(OverviewSchema, 'The published versions and the draft, if there is one.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const { deps } = c.var;
      const [published, versions, draft] = await Promise.all([
        requirePublished(deps, regionId),
        deps.regionCoordination.listQuestionnaireVersions(regionId),
        deps.regionCoordination.getQuestionnaireDraft(regionId),
      ]);
      c.header('cache-control', 'no-store');
      return c.json({
        regionId,
        published: { version: published.version, publishedAt: published.publishedAt },
        versions,
        draft: draft ? draftBody(draft) : null,
      }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/coordinator/regions/{regionId}/questionnaire/draft',
      operationId: 'createQuestionnaireDraft',
      summary: 'Copies the published questionnaire into a draft',
      request: { params: Params },
      responses: {
        201: json(DraftSchema, 'The new draft: the published version, numbered as the next one.'),
        ...errors,
        409: conflict('The region has a draft already: edit or discard that one'),
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { identity } = requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const { deps } = c.var;
      const published = await requirePublished(deps, regionId);
      const author = { accountId: identity.account.id, at: deps.clock.now() };
      const draft = await withCurrentDraft(deps, regionId, deps.regionCoordination.putQuestionnaireDraft(
        { regionId, basedOnVersion: published.version, questionnaire: { ...published, version: published.version + 1 } }, undefined, author,
      ));
      return c.json(draftBody(draft), 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'put',
      path: '/coordinator/regions/{regionId}/questionnaire/draft',
      operationId: 'saveQuestionnaireDraft',
      summary: 'Saves the edited draft',
      description:
        'The whole questionnaire, checked as the published ones are (criteria the matcher knows, unique ids, one place question, ...) and ' +
        'against the version it was copied from: the id and region stay, and a question keeps its kind under its id.',
      request: { params: Params, body: { required: true, ...json(DraftBody, 'The edited questionnaire and the draft version it was based on.') } },
      responses: {
        200: json(DraftSchema, 'Saved.'),
        400: problem('The questionnaire is not valid; `fields` names each problem by its path (e.g. `questionnaire.themes.0.questions.2.text.nl`). Nothing was saved.'),
        ...errors,
        409: conflict('Someone else saved or discarded the draft since it was read'),
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { identity } = requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const { deps } = c.var;
      const body = c.req.valid('json');
      const [published, current] = await Promise.all([requirePublished(deps, regionId), deps.regionCoordination.getQuestionnaireDraft(regionId)]);
      if (!current) throw NotFoundError.of(`A questionnaire draft for region "${regionId}"`);
      const questionnaire = asNextVersion(published, body.questionnaire);
      const author = { accountId: identity.account.id, at: deps.clock.now() };
      const draft = await withCurrentDraft(deps, regionId, deps.regionCoordination.putQuestionnaireDraft(
        { regionId, basedOnVersion: current.basedOnVersion, questionnaire }, body.version, author,
      ));
      return c.json(draftBody(draft), 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: '/coordinator/regions/{regionId}/questionnaire/draft',
      operationId: 'discardQuestionnaireDraft',
      summary: 'Throws the draft away',
      request: { params: Params, body: { required: true, ...json(VersionBody, 'The draft version as last read.') } },
      responses: { 204: { description: 'Discarded.' }, 400: problem('The version is not valid.'), ...errors, 409: conflict('The draft changed since it was read') },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { identity } = requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const { deps } = c.var;
      const { version } = c.req.valid('json');
      if (!(await deps.regionCoordination.getQuestionnaireDraft(regionId))) throw NotFoundError.of(`A questionnaire draft for region "${regionId}"`);
      await withCurrentDraft(deps, regionId, deps.regionCoordination.deleteQuestionnaireDraft(regionId, version, { accountId: identity.account.id, at: deps.clock.now() }));
      return c.body(null, 204);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/coordinator/regions/{regionId}/questionnaire/validate',
      operationId: 'validateQuestionnaire',
      summary: 'Checks a questionnaire without saving it',
      request: { params: Params, body: { required: true, ...json(ValidateBody, 'The questionnaire as edited.') } },
      responses: {
        200: json(z.object({ valid: z.literal(true), version: z.number().int().describe('The version it would get when published now.') }), 'Nothing to correct.'),
        400: problem('Not valid; `fields` names each problem by its path, as a save would.'),
        ...errors,
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const published = await requirePublished(c.var.deps, regionId);
      const next = asNextVersion(published, c.req.valid('json').questionnaire);
      return c.json({ valid: true as const, version: next.version }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/coordinator/regions/{regionId}/questionnaire/publish',
      operationId: 'publishQuestionnaire',
      summary: 'Publishes the draft as the next version',
      description:
        'The draft becomes the version citizens answer, numbered one above the published one and dated today; the draft is gone after. ' +
        'Answers saved against an older version keep working: the same question ids are read as before, and what the new version no longer asks is named.',
      request: { params: Params, body: { required: true, ...json(VersionBody, 'The draft version as last read: what was previewed is what is published.') } },
      responses: {
        200: json(VersionSummarySchema, 'Published.'),
        400: problem('The version is not valid, or the draft does not pass the checks against the published version; `fields` names each problem.'),
        ...errors,
        409: conflict('The draft changed since it was read, or another version was published since it was copied'),
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { identity } = requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const { deps } = c.var;
      const { version } = c.req.valid('json');
      const [published, draft] = await Promise.all([requirePublished(deps, regionId), deps.regionCoordination.getQuestionnaireDraft(regionId)]);
      if (!draft) throw NotFoundError.of(`A questionnaire draft for region "${regionId}"`);
      if (draft.version !== version) throw new VersionConflictError('questionnaireDraft', { regionId }, version, draftBody(draft));
      if (draft.basedOnVersion !== published.version) {
        // Publishing would silently undo what the other version changed: the coordinator starts from it instead.
        throw new VersionConflictError('questionnaire', { regionId, version: published.version }, draft.basedOnVersion, draftBody(draft));
      }
      const at = deps.clock.now();
      const next = { ...asNextVersion(published, draft.questionnaire), publishedAt: at.toISOString().slice(0, 10) };
      await withCurrentDraft(deps, regionId, deps.regionCoordination.publishQuestionnaire(next, version, { accountId: identity.account.id, at }));
      return c.json({ version: next.version, publishedAt: next.publishedAt }, 200);
    },
  );
