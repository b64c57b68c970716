// A dossier's consents to share the report with named providers (record, withdraw, list with
// each one's state now) and its audit trail, which only the support organisation's admin reads.
// A consent names provider organisations that exist; its end is 12 months after it was given
// unless the supporter records another; a withdrawal counts from the moment it is recorded.
import { addMonths, CONSENT_DEFAULT_MONTHS, dutchDate } from '../../../../shared/domain/index.ts';
import { createResourceApp } from '../../app-factory.ts';
import { dutchValidationHook, NotFoundError, UnusableFieldError } from '../../errors.ts';
import { apiRoute, json } from '../../openapi-route.ts';
import type { StaffEnv } from '../context.ts';
import { consentView, dossierNotFound } from './dossiers.ts';
import {
  AuditSchema, conflict, ConsentListSchema, ConsentParams, ConsentPostRequest, ConsentSchema, DossierParams, supporterCaller,
  supporterProblems, VersionRequest,
} from './schemas.ts';

const DOSSIER = '/organizations/{supportOrganizationId}/dossiers/{dossierId}';

export const consentsApp = createResourceApp<StaffEnv>(dutchValidationHook)
  .openapi(
    apiRoute({
      method: 'post',
      path: `${DOSSIER}/consents`,
      operationId: 'addConsent',
      summary: 'Records the client\'s consent to share the report with named providers',
      description: 'How and by whom it was given, the day, and its end (by default 12 months later).',
      request: { params: DossierParams, body: { required: true, ...json(ConsentPostRequest, 'The consent.') } },
      responses: { 201: json(ConsentSchema, 'The consent as recorded, with its state now.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const { deps } = c.var;
      const ctx = supporterCaller(c.var.identity, deps, supportOrganizationId);
      const body = c.req.valid('json');
      if (body.givenOn > dutchDate(ctx.now)) {
        throw new UnusableFieldError('givenOn', 'De datum van de toestemming ligt in de toekomst. Vul de dag in waarop de cliënt toestemming gaf.');
      }
      const known = await Promise.all(body.providers.map((id) => deps.providerListings.getOrganization(id)));
      const unknown = body.providers.findIndex((_, i) => !known[i]);
      if (unknown !== -1) {
        throw new UnusableFieldError(`providers.${unknown}`, `Zorgaanbieder "${body.providers[unknown]}" kennen we niet. Kies een aanbieder uit de lijst.`);
      }
      const consent = await deps.dossiers.addConsent(supportOrganizationId, dossierId, {
        ...body,
        expiresOn: body.expiresOn ?? addMonths(body.givenOn, CONSENT_DEFAULT_MONTHS),
      }, ctx);
      return c.json(consentView(consent, ctx.now), 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: `${DOSSIER}/consents/{consentId}/withdraw`,
      operationId: 'withdrawConsent',
      summary: 'Withdraws a consent, from now on',
      request: { params: ConsentParams, body: { required: true, ...json(VersionRequest, 'The consent\'s version read.') } },
      responses: {
        200: json(ConsentSchema, 'The consent, withdrawn.'),
        ...supporterProblems,
        409: conflict('Changed or withdrawn already (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId, consentId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const consent = await c.var.deps.dossiers.withdrawConsent(supportOrganizationId, dossierId, consentId, c.req.valid('json').version, ctx);
      return c.json(consentView(consent, ctx.now), 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${DOSSIER}/consents`,
      operationId: 'listConsents',
      summary: 'A dossier\'s consents, each with its state now (recorded in the audit trail)',
      request: { params: DossierParams },
      responses: { 200: json(ConsentListSchema, 'The consents.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const consents = await c.var.deps.dossiers.listConsents(supportOrganizationId, dossierId, ctx);
      if (!consents) throw dossierNotFound(dossierId);
      return c.json({ consents: consents.map((consent) => consentView(consent, ctx.now)) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${DOSSIER}/audit`,
      operationId: 'getDossierAudit',
      summary: 'Who viewed or changed a dossier, when (supporter admin only)',
      description: 'Kept after the dossier is gone; never the content.',
      request: { params: DossierParams },
      responses: {
        200: json(AuditSchema, 'The records, newest first.'),
        ...supporterProblems,
      },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      supporterCaller(c.var.identity, c.var.deps, supportOrganizationId, true);
      const records = await c.var.deps.dossiers.auditTrail(supportOrganizationId, dossierId);
      if (records.length === 0) throw NotFoundError.of(`Dossier "${dossierId}" in this support organisation`);
      return c.json({ records }, 200);
    },
  );
