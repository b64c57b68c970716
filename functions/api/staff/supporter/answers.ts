// What a dossier holds of the client's search: the questionnaire answers with every saved version
// (save one, list them, read one, audited as a view), the shortlist with the supporter's notes on
// each housing form, and free-text notes. Answers are validated with the questionnaire's own
// answer schema (shared/questionnaire), the same the citizen's pages keep.
import { createResourceApp } from '../../app-factory.ts';
import { dutchValidationHook, NotFoundError } from '../../errors.ts';
import { apiRoute, json } from '../../openapi-route.ts';
import type { StaffEnv } from '../context.ts';
import { dossierNotFound } from './dossiers.ts';
import {
  AnswersListSchema, AnswersParams, AnswersPostRequest, AnswersSummarySchema, conflict, DossierParams, NotePostRequest, NoteSchema,
  SavedAnswersSchema, ShortlistPutRequest, ShortlistSchema, supporterCaller, supporterProblems,
} from './schemas.ts';

const DOSSIER = '/organizations/{supportOrganizationId}/dossiers/{dossierId}';

export const answersApp = createResourceApp<StaffEnv>(dutchValidationHook)
  .openapi(
    apiRoute({
      method: 'post',
      path: `${DOSSIER}/answers`,
      operationId: 'saveDossierAnswers',
      summary: 'Saves a new version of the answers',
      description: 'Every version is kept, with its date and who saved it. `basedOn` is the newest version the saver had: a newer one saved meanwhile is a 409.',
      request: { params: DossierParams, body: { required: true, ...json(AnswersPostRequest, 'The answers and the version they follow.') } },
      responses: {
        201: json(AnswersSummarySchema, 'The saved version.'),
        ...supporterProblems,
        409: conflict('Someone saved a newer version meanwhile (`version_conflict`, with `current.latest`).'),
      },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const { basedOn, ...input } = c.req.valid('json');
      return c.json(await c.var.deps.dossiers.saveAnswers(supportOrganizationId, dossierId, input, basedOn, ctx), 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${DOSSIER}/answers`,
      operationId: 'listDossierAnswers',
      summary: 'The saved versions of the answers (without them)',
      request: { params: DossierParams },
      responses: { 200: json(AnswersListSchema, 'Each version\'s number, date and saver.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const versions = await c.var.deps.dossiers.listAnswers(supportOrganizationId, dossierId);
      if (!versions) throw dossierNotFound(dossierId);
      return c.json({ versions }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${DOSSIER}/answers/{answersVersion}`,
      operationId: 'getDossierAnswers',
      summary: 'One saved version of the answers (recorded in the audit trail)',
      request: { params: AnswersParams },
      responses: { 200: json(SavedAnswersSchema, 'The version with its answers.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId, answersVersion } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const saved = await c.var.deps.dossiers.readAnswers(supportOrganizationId, dossierId, answersVersion, ctx);
      if (!saved) throw NotFoundError.of(`Version ${answersVersion} of the answers of dossier "${dossierId}"`);
      return c.json(saved, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'put',
      path: `${DOSSIER}/shortlist`,
      operationId: 'replaceDossierShortlist',
      summary: 'Replaces the shortlist with the supporter\'s notes',
      request: { params: DossierParams, body: { required: true, ...json(ShortlistPutRequest, 'The whole shortlist and the version read.') } },
      responses: {
        200: json(ShortlistSchema, 'The shortlist as saved, with its new version.'),
        ...supporterProblems,
        409: conflict('Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const { version, entries } = c.req.valid('json');
      return c.json(await c.var.deps.dossiers.replaceShortlist(supportOrganizationId, dossierId, entries, version, ctx), 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: `${DOSSIER}/notes`,
      operationId: 'addDossierNote',
      summary: 'Adds a free-text note',
      request: { params: DossierParams, body: { required: true, ...json(NotePostRequest, 'The note.') } },
      responses: { 201: json(NoteSchema, 'The note as saved.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      return c.json(await c.var.deps.dossiers.addNote(supportOrganizationId, dossierId, c.req.valid('json').text, ctx), 201);
    },
  );
