// A support organisation's dossiers: the organisations the caller supports for, their colleagues,
// list, create, read whole (audited as a view), change label, region or status, and hand over to a
// colleague. Every route checks the caller's membership of the organisation in the path (403
// otherwise); a dossier is only found within that organisation (404 otherwise, alike whether it
// exists elsewhere or nowhere, so no dossier's existence leaks across organisations).
import { randomUUID } from 'node:crypto';
import { consentStateAt, type ConsentState } from '../../../../shared/domain/index.ts';
import type { Consent } from '../../../store/dossier-store.ts';
import { createResourceApp } from '../../app-factory.ts';
import { dutchValidationHook, NotFoundError, UnusableFieldError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import { requireSignedIn, type StaffDeps, type StaffEnv } from '../context.ts';
import {
  ColleagueListSchema, conflict, DossierFileSchema, DossierListSchema, DossierParams, DossierPatchRequest, DossierPostRequest, DossierSchema,
  HandOverRequest, OrganizationParams, SupportOrganizationListSchema, supporterCaller, supporterProblems,
} from './schemas.ts';

const DOSSIERS = '/organizations/{supportOrganizationId}/dossiers';
const DOSSIER = `${DOSSIERS}/{dossierId}`;

/** A consent with its state now: the one judgement (consentStateAt) a share will make too. */
export function consentView(consent: Consent, now: Date): Consent & { state: ConsentState; validNow: boolean } {
  const state = consentStateAt(consent, now);
  return { ...consent, state, validNow: state === 'valid' };
}

export const dossierNotFound = (dossierId: string) => NotFoundError.of(`Dossier "${dossierId}" in this support organisation`);

/** A region the organisation works in, or a 400 at `field`. */
export async function checkRegion(deps: StaffDeps, supportOrganizationId: string, regionId: string, field: string): Promise<void> {
  const organization = await deps.supportOrganizations.getSupportOrganization(supportOrganizationId);
  if (!organization?.regionIds.includes(regionId)) {
    throw new UnusableFieldError(field, `Uw organisatie werkt niet in regio "${regionId}". Kies uit: ${(organization?.regionIds ?? []).join(', ')}.`);
  }
}

export const dossiersApp = createResourceApp<StaffEnv>(dutchValidationHook)
  .openapi(
    apiRoute({
      method: 'get',
      path: '/organizations',
      operationId: 'listSupportOrganizations',
      summary: 'The support organisations the caller works for',
      responses: {
        200: json(SupportOrganizationListSchema, 'Each organisation with the caller\'s role (admin when both), by name.'),
        401: problem('Nobody is signed in.'),
      },
    }),
    async (c) => {
      const identity = requireSignedIn(c.var.identity);
      const roles = new Map<string, 'supporter' | 'supporter-admin'>();
      for (const m of identity.memberships) {
        if (m.role !== 'supporter' && m.role !== 'supporter-admin') continue;
        if (roles.get(m.supportOrganizationId) !== 'supporter-admin') roles.set(m.supportOrganizationId, m.role);
      }
      const found = await Promise.all([...roles].map(async ([id, role]) => {
        const org = await c.var.deps.supportOrganizations.getSupportOrganization(id);
        return org && { id, name: org.name, regionIds: org.regionIds, role };
      }));
      const organizations = found.filter((o) => o !== undefined).sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
      return c.json({ organizations }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/organizations/{supportOrganizationId}/colleagues',
      operationId: 'listSupportColleagues',
      summary: 'The supporters of the organisation, to hand a dossier over to',
      request: { params: OrganizationParams },
      responses: { 200: json(ColleagueListSchema, 'By name.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId } = c.req.valid('param');
      supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const members = await c.var.deps.accounts.listSupportOrganizationMembers(supportOrganizationId);
      return c.json({ colleagues: members.map((m) => ({ accountId: m.account.id, name: m.account.name, roles: m.roles })) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: DOSSIERS,
      operationId: 'listDossiers',
      summary: 'The organisation\'s dossiers',
      description: 'Labels, regions, statuses and who works on each; nothing of the content. A dossier made a moment ago may be missing.',
      request: { params: OrganizationParams },
      responses: { 200: json(DossierListSchema, 'The dossiers.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId } = c.req.valid('param');
      supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      return c.json({ dossiers: await c.var.deps.dossiers.listDossiers(supportOrganizationId) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: DOSSIERS,
      operationId: 'createDossier',
      summary: 'Starts a dossier',
      description: 'Assigned to the caller. The label is initials or a pseudonym: what reads as a citizen service number or a date is refused.',
      request: { params: OrganizationParams, body: { required: true, ...json(DossierPostRequest, 'The label, region and status.') } },
      responses: { 201: json(DossierSchema, 'The new dossier (version 1).'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const body = c.req.valid('json');
      await checkRegion(c.var.deps, supportOrganizationId, body.regionId, 'regionId');
      const dossier = await c.var.deps.dossiers.createDossier(supportOrganizationId, { id: randomUUID(), ...body }, ctx);
      return c.json(dossier, 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: DOSSIER,
      operationId: 'getDossier',
      summary: 'A dossier whole (recorded in its audit trail)',
      description: 'The dossier, the newest answers\' version, the shortlist, notes, consents (each with its state now) and hand-overs.',
      request: { params: DossierParams },
      responses: { 200: json(DossierFileSchema, 'The dossier.'), ...supporterProblems },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const file = await c.var.deps.dossiers.readDossier(supportOrganizationId, dossierId, ctx);
      if (!file) throw dossierNotFound(dossierId);
      return c.json({ ...file, consents: file.consents.map((consent) => consentView(consent, ctx.now)) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'patch',
      path: DOSSIER,
      operationId: 'updateDossier',
      summary: 'Changes a dossier\'s label, region or status',
      request: { params: DossierParams, body: { required: true, ...json(DossierPatchRequest, 'The version read and the fields to change.') } },
      responses: {
        200: json(DossierSchema, 'The dossier as saved, with its new version.'),
        ...supporterProblems,
        409: conflict('Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const { version, ...changes } = c.req.valid('json');
      if (changes.regionId !== undefined) await checkRegion(c.var.deps, supportOrganizationId, changes.regionId, 'regionId');
      return c.json(await c.var.deps.dossiers.updateDossier(supportOrganizationId, dossierId, changes, version, ctx), 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: `${DOSSIER}/hand-over`,
      operationId: 'handOverDossier',
      summary: 'Hands a dossier over to a colleague',
      description: 'The colleague must be a supporter of the same organisation. The hand-over is kept in the dossier and its audit trail.',
      request: { params: DossierParams, body: { required: true, ...json(HandOverRequest, 'The version read and the colleague.') } },
      responses: {
        200: json(DossierSchema, 'The dossier, assigned to the colleague.'),
        ...supporterProblems,
        409: conflict('Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { supportOrganizationId, dossierId } = c.req.valid('param');
      const ctx = supporterCaller(c.var.identity, c.var.deps, supportOrganizationId);
      const { version, toAccountId } = c.req.valid('json');
      const colleague = await c.var.deps.accounts.getAccount(toAccountId);
      const isColleague = colleague?.memberships.some(
        (m) => (m.role === 'supporter' || m.role === 'supporter-admin') && m.supportOrganizationId === supportOrganizationId,
      );
      if (!colleague || !isColleague) {
        throw new UnusableFieldError('toAccountId', 'Deze persoon is geen ondersteuner van uw organisatie. Kies een collega uit de lijst.');
      }
      const current = await c.var.deps.dossiers.getDossier(supportOrganizationId, dossierId);
      if (!current) throw dossierNotFound(dossierId);
      if (current.assignedTo.accountId === toAccountId) {
        throw new UnusableFieldError('toAccountId', 'Deze collega werkt al aan dit dossier.');
      }
      const to = { accountId: colleague.account.id, name: colleague.account.name };
      return c.json(await c.var.deps.dossiers.handOver(supportOrganizationId, dossierId, to, version, ctx), 200);
    },
  );
