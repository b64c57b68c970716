// A client's rights over their dossier, exercised by their supporter on the client's request: the
// export (JSON, and a printable document) of everything it holds, and its deletion at once. Both
// are recorded in the audit trail, which keeps a deletion record without content.
import * as z from 'zod';
import { dossierPrintHtml } from '../../../dossiers/dossier-print.ts';
import { createResourceApp } from '../../app-factory.ts';
import { dutchValidationHook } from '../../errors.ts';
import { apiRoute, json } from '../../openapi-route.ts';
import type { StaffEnv } from '../context.ts';
import { dossierNotFound } from './dossiers.ts';
import {
  AuditSchema, ConsentSchema, DossierParams, DossierSchema, HandoverSchema, NoteSchema, SavedAnswersSchema, ShortlistSchema,
  supporterCaller, supporterProblems,
} from './schemas.ts';

const DOSSIER = '/organizations/{supportOrganizationId}/dossiers/{dossierId}';

export const DossierExportSchema = z.object({
  exportedAt: z.string(),
  dossier: DossierSchema,
  answersVersions: z.array(SavedAnswersSchema).describe('Every saved version with its answers, oldest first.'),
  shortlist: ShortlistSchema,
  notes: z.array(NoteSchema),
  consents: z.array(ConsentSchema.omit({ state: true, validNow: true })),
  handovers: z.array(HandoverSchema),
  auditTrail: AuditSchema.shape.records,
});

const NO_STORE = { 'cache-control': 'no-store' };

export const dossierRightsApp = createResourceApp<StaffEnv>(dutchValidationHook)
  .openapi(
    apiRoute({
      method: 'get',
      path: `${DOSSIER}/export`,
      operationId: 'exportDossier',
      summary: 'Everything the dossier holds, for the client (recorded in the audit trail)',
      request: { params: DossierParams },
      responses: { 200: json(DossierExportSchema, 'The dossier, every answers version, the shortlist, notes, consents, hand-overs and audit trail.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const data = await c.var.deps.dossierRights.exportDossier(supportOrganizationId, dossierId, ctx);
      if (!data) throw dossierNotFound(dossierId);
      c.header('cache-control', NO_STORE['cache-control']);
      return c.json(data, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${DOSSIER}/export/print`,
      operationId: 'printDossier',
      summary: 'The export as a printable document (recorded in the audit trail)',
      request: { params: DossierParams },
      responses: { 200: { description: 'One HTML page in Dutch, ready to print.', content: { 'text/html': { schema: z.string() } } }, ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const data = await c.var.deps.dossierRights.exportDossier(supportOrganizationId, dossierId, ctx);
      if (!data) throw dossierNotFound(dossierId);
      return c.body(dossierPrintHtml(data), 200, { 'content-type': 'text/html; charset=utf-8', ...NO_STORE });
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: DOSSIER,
      operationId: 'deleteDossier',
      summary: 'Deletes the dossier at once, on the client\'s request',
      description: 'Every part of it is deleted; the audit trail keeps a record of who deleted it when, without content.',
      request: { params: DossierParams },
      responses: { 204: { description: 'Deleted.' }, ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      if (!(await c.var.deps.dossierRights.deleteDossier(supportOrganizationId, dossierId, ctx))) throw dossierNotFound(dossierId);
      return c.body(null, 204);
    },
  );
