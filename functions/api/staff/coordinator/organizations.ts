// The organisations of a region, for its coordinators (the hub at /coordinatie/):
//   GET    /api/coordinator/regions/{regionId}/organizations                   who is active, when their staff last signed in, how fresh their listings are
//   POST   /api/coordinator/regions/{regionId}/organizations                   admits a new provider organisation by inviting its first admin
//   DELETE /api/coordinator/regions/{regionId}/organizations/{organizationId}  removes an organisation from the region (its locations there leave the results)
// Withdrawing an open admin invitation is the coordinator invitation route's (../invitations.ts).
// Staff are named with their last sign-in only: no addresses, no history of sign-ins. Every change
// is in the listing's audit trail (audit.ts).
import * as z from 'zod';
import {
  OrganizationSchema, Slug, WAITING_LIST_STALE_AFTER_DAYS, daysSinceConfirmed, isWaitingListStale, type Organization,
} from '../../../../shared/domain/index.ts';
import { invite, invitableRoles, listOpenInvitations, withdraw } from '../../../accounts/invitations.ts';
import type { MatchCandidate } from '../../../../shared/matching/index.ts';
import { PROVIDER_ROLES, type OrganizationMember, type SupportOrganizationMember } from '../../../store/account-store.ts';
import { createResourceApp } from '../../app-factory.ts';
import { IdTakenError } from '../../../store/store-errors.ts';
import { NotFoundError, UnusableFieldError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import type { StaffDeps, StaffEnv } from '../context.ts';
import { coordinatorOf, organizationInRegion, regionOrganizations } from './region-organizations.ts';

const RegionParams = z.object({ regionId: Slug });
const OrganizationParams = RegionParams.extend({ organizationId: Slug });

const StaffMemberSchema = z.object({
  name: z.string(),
  role: z.string().describe('Their highest role there: provider-admin, provider-editor, supporter-admin or supporter.'),
  lastSignInAt: z.iso.datetime().optional().describe('When they last signed in; absent when not since this was recorded.'),
});
const InvitationSummarySchema = z.object({
  id: z.string(), name: z.string(), email: z.string(), createdAt: z.string(), expiresAt: z.string(),
});
const ProviderSchema = z.object({
  id: Slug,
  name: z.string(),
  staff: z.array(StaffMemberSchema),
  lastSignInAt: z.iso.datetime().optional().describe('The latest sign-in of anyone of its staff.'),
  openInvitations: z.array(InvitationSummarySchema).describe('Open admin invitations (the coordinator\'s own kind).'),
  locations: z.array(z.object({ id: Slug, name: z.string() })).describe('Its locations in this region: what removing it takes out of the region\'s results.'),
  housingForms: z.number().int(),
  freshness: z.object({
    oldestConfirmation: z.string().optional().describe('The oldest waiting-list confirmation among its housing forms in the region.'),
    oldestDays: z.number().int().optional(),
    stale: z.number().int().describe(`Waiting lists not confirmed for more than ${WAITING_LIST_STALE_AFTER_DAYS} days.`),
  }),
});
const SupportOrganizationSchema = z.object({
  id: Slug,
  name: z.string(),
  staff: z.array(StaffMemberSchema),
  lastSignInAt: z.iso.datetime().optional(),
  openInvitations: z.array(InvitationSummarySchema).describe('Open invitations of its admin.'),
});
const RegionOrganizationsSchema = z.object({
  regionId: Slug,
  regionName: z.string(),
  providers: z.array(ProviderSchema),
  supportOrganizations: z.array(SupportOrganizationSchema),
});

const Email = z.email({ message: 'Vul een geldig e-mailadres in. / Enter a valid email address.' }).max(254);
const Name = z.string().trim().min(1, { message: 'Vul de naam in. / Enter the name.' }).max(200);
const AdmitRequest = z.strictObject({
  organization: OrganizationSchema.pick({ id: true, name: true, website: true, email: true, phone: true })
    .describe('The new organisation: its id (a slug, kept for good) and name; it is placed in this region.'),
  admin: z.strictObject({ email: Email.describe('Where the invitation goes: its first admin.'), name: Name }),
});
const AdmittedSchema = z.object({
  organization: z.object({ id: Slug, name: z.string(), regionIds: z.array(Slug) }),
  invitation: InvitationSummarySchema,
});
const AdmitSupportRequest = z.strictObject({
  supportOrganization: z.strictObject({ id: Slug, name: z.string().trim().min(1, { message: 'Vul de naam in. / Enter the name.' }).max(120) })
    .describe('The new support organisation: its id (a slug, kept for good) and name; it works in this region.'),
  admin: z.strictObject({ email: Email.describe('Where the invitation goes: its first admin (supporter-admin).'), name: Name }),
});
const AdmittedSupportSchema = z.object({
  supportOrganization: z.object({ id: Slug, name: z.string(), regionIds: z.array(Slug) }),
  invitation: InvitationSummarySchema,
});
const RemoveRequest = z.strictObject({
  confirm: Slug.describe('The organisation\'s id again: the page asks for a deliberate second step.'),
});
const RemovedSchema = z.object({
  removed: z.literal(true),
  removedLocationIds: z.array(z.string()).describe('Its locations in this region, removed with their housing forms (kept in the audit trail).'),
  activeElsewhere: z.array(Slug).describe('The regions it stays active in, with its locations there.'),
});

const ROLE_ORDER = ['provider-admin', 'supporter-admin', 'provider-editor', 'supporter'];
const latest = (times: ReadonlyArray<string | undefined>) => times.filter((t) => t !== undefined).sort().at(-1);

function staffOf(members: ReadonlyArray<OrganizationMember | SupportOrganizationMember>) {
  return members.map((m) => ({
    name: m.account.name,
    role: [...m.roles].sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b))[0] ?? '',
    ...(m.lastSignInAt ? { lastSignInAt: m.lastSignInAt } : {}),
  }));
}

const takenAt = (path: string, id: string) => ({
  path,
  message: `The code "${id}" is in use by a care provider or a client support organisation, or invited to be one. Choose another code.`,
});

/**
 * Refuses (409 `id_taken`, at the id's field) an id with an open invitation of the other kind of
 * organisation: both kinds' invitations are listed by the bare id (invitation-store.ts), so admitting
 * one kind under an id the other kind is inviting to would mix their invitations. The stores of
 * both kinds are asked by the caller (a removed provider may come back under its id).
 */
async function refuseOtherKindsInvitations(deps: StaffDeps, id: string, admitting: 'provider' | 'support', path: string): Promise<void> {
  const otherRoles = admitting === 'provider' ? (['supporter-admin'] as const) : PROVIDER_ROLES;
  if ((await listOpenInvitations(deps, id, otherRoles)).length > 0) throw new IdTakenError('organization', { id }, takenAt(path, id));
}

/**
 * Whether the coordinator may admit the stored organisation again: it is active in no region and
 * its last move was leaving this one (so this region's coordinators were the last to invite its
 * admins). Removed from another region last, it stays refused here: admitting it would give a
 * coordinator its inbox who never had it.
 */
async function readmittable(deps: StaffDeps, organization: Organization, regionId: string): Promise<boolean> {
  if (organization.regionIds.length > 0) return false;
  const last = (await deps.providerListings.organizationHistory(organization.id)).find((r) => r.locationId === undefined);
  return last?.action === 'left-region' && last.regionId === regionId;
}

async function providerSummary(deps: StaffDeps, organization: Organization, regionId: string, candidates: readonly MatchCandidate[], now: Date) {
  const [members, invitations] = await Promise.all([
    deps.accounts.listOrganizationMembers(organization.id),
    listOpenInvitations(deps, organization.id, invitableRoles('coordinator')),
  ]);
  const forms = candidates.filter((c) => c.organizationId === organization.id && c.regionId === regionId);
  const oldest = forms.map((f) => f.waitingList.updatedAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0];
  const staff = staffOf(members);
  const lastSignInAt = latest(staff.map((s) => s.lastSignInAt));
  return {
    id: organization.id,
    name: organization.name,
    staff,
    ...(lastSignInAt ? { lastSignInAt } : {}),
    openInvitations: invitations.map(({ id, name, email, createdAt, expiresAt }) => ({ id, name, email, createdAt, expiresAt })),
    locations: [...new Map(forms.map((f) => [f.locationId, f.locationName]))].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'nl')),
    housingForms: forms.length,
    freshness: {
      ...(oldest ? { oldestConfirmation: oldest, oldestDays: daysSinceConfirmed(oldest, now) } : {}),
      stale: forms.filter((f) => isWaitingListStale(f.waitingList.updatedAt, now)).length,
    },
  };
}

const errors = {
  400: problem('The request is not valid; `fields` names each problem.'),
  401: problem('Nobody is signed in.'),
  403: problem('The caller is no coordinator of this region, or the request did not come from a Woonwijzer page.'),
  404: problem('No such region, or no such organisation active in it.'),
};

export const coordinatorOrganizationsApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/coordinator/regions/{regionId}/organizations',
      operationId: 'regionOrganizations',
      summary: 'The organisations of a region',
      description:
        'For the region\'s coordinators: each provider organisation active in the region with its staff\'s last sign-in, its open admin ' +
        `invitations and its listing's freshness (the oldest waiting-list confirmation, and how many are older than ${WAITING_LIST_STALE_AFTER_DAYS} days); ` +
        'and each support organisation working in the region with its staff\'s last sign-in.',
      request: { params: RegionParams },
      responses: { 200: json(RegionOrganizationsSchema, 'The organisations, by name.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { region } = await coordinatorOf(c, regionId);
      const deps = c.var.deps;
      const now = deps.clock.now();
      const [contents, supports] = await Promise.all([deps.listings.loadRegion(regionId), deps.supportOrganizations.listSupportOrganizations()]);
      const organizations = await regionOrganizations(deps, regionId, contents.candidates.map((c) => c.organizationId));
      const providers = await Promise.all(organizations.map((o) => providerSummary(deps, o, regionId, contents.candidates, now)));
      const supportOrganizations = await Promise.all(supports.filter((s) => s.regionIds.includes(regionId))
        .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
        .map(async (s) => {
          const [members, invitations] = await Promise.all([
            deps.accounts.listSupportOrganizationMembers(s.id), listOpenInvitations(deps, s.id, ['supporter-admin']),
          ]);
          const staff = staffOf(members);
          const lastSignInAt = latest(staff.map((m) => m.lastSignInAt));
          const openInvitations = invitations.map(({ id, name, email, createdAt, expiresAt }) => ({ id, name, email, createdAt, expiresAt }));
          return { id: s.id, name: s.name, staff, ...(lastSignInAt ? { lastSignInAt } : {}), openInvitations };
        }));
      c.header('cache-control', 'no-store');
      return c.json({ regionId, regionName: region.name, providers, supportOrganizations }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/coordinator/regions/{regionId}/organizations',
      operationId: 'admitOrganization',
      summary: 'Admits a new provider organisation to the region',
      description:
        'For the region\'s coordinators: makes the organisation (active in this region, without locations yet) and mails its first ' +
        'admin an invitation valid for 7 days. The admin then fills in the listing in the portal. Audited as `admitted`. ' +
        'A refused invitation (too many at once) admits nothing.',
      request: { params: RegionParams, body: { required: true, ...json(AdmitRequest, 'The organisation and its first admin.') } },
      responses: {
        201: json(AdmittedSchema, 'Admitted, and the invitation is on its way.'),
        ...errors,
        409: problem(
          'The organisation id is taken (`id_taken`, at `organization.id`): by an organisation active in any region, one removed from ' +
          'another region last, a support organisation, or an open invitation of a support organisation. An organisation this region ' +
          'removed (and active nowhere) is admitted again under its id, audited as `admitted` after its `left-region`.',
        ),
        429: problem('Too many invitations by this person or to this address: the message and `Retry-After` say when to try again.'),
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { identity } = await coordinatorOf(c, regionId);
      const { organization: fields, admin } = c.req.valid('json');
      const deps = c.var.deps;
      const existing = await deps.providerListings.getOrganization(fields.id);
      if ((existing && !(await readmittable(deps, existing.value, regionId))) || (await deps.supportOrganizations.getSupportOrganization(fields.id))) {
        throw new IdTakenError('organization', { organizationId: fields.id }, takenAt('organization.id', fields.id));
      }
      await refuseOtherKindsInvitations(deps, fields.id, 'provider', 'organization.id');
      // Admitted again after a removal: what the coordinator typed now replaces what it was.
      const organization: Organization = { ...existing?.value, ...fields, regionIds: [regionId] };
      // The invitation first (it may be refused: too many at once), so a refused request leaves nothing behind.
      const invitation = await invite(deps, { account: identity.account, as: 'coordinator' }, {
        organization: { id: organization.id, name: organization.name }, email: admin.email, name: admin.name, role: 'provider-admin',
      });
      const ctx = { by: { accountId: identity.account.id, name: identity.account.name }, now: deps.clock.now() };
      try {
        if (existing) await deps.providerListings.readmitOrganization(organization, existing.version, ctx);
        else await deps.providerListings.createOrganization(organization, ctx);
      } catch (error) {
        // Taken (or changed) between the look and the write: the invitation would lead nowhere of ours.
        await deps.invitations.withdrawInvitation(organization.id, invitation.id);
        throw error;
      }
      const { id, name, email, createdAt, expiresAt } = invitation;
      return c.json({ organization: { id: organization.id, name: organization.name, regionIds: organization.regionIds }, invitation: { id, name, email, createdAt, expiresAt } }, 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: '/coordinator/regions/{regionId}/organizations/{organizationId}',
      operationId: 'removeOrganizationFromRegion',
      summary: 'Removes an organisation from the region',
      description:
        'For the region\'s coordinators, with the organisation\'s id repeated in `confirm`. Its locations in this region are removed ' +
        'with their housing forms, so they leave the region\'s search, results and pages; each removal is in the audit trail with the ' +
        'data as it was, and the organisation\'s removal names them (`left-region`). Its staff keep their accounts (removed from its last region, its open admin invitations are withdrawn), and its locations in ' +
        'other regions stay. A location with more housing forms than one change may remove is refused (409 `change_too_large`): the ' +
        'locations before it are removed, and the provider removes some housing forms first.',
      request: { params: OrganizationParams, body: { required: true, ...json(RemoveRequest, 'The confirmation.') } },
      responses: { 200: json(RemovedSchema, 'Removed from the region.'), ...errors, 409: problem('A location is too large to remove at once (`change_too_large`).') },
    }),
    async (c) => {
      const { regionId, organizationId } = c.req.valid('param');
      const { identity } = await coordinatorOf(c, regionId);
      const deps = c.var.deps;
      const organization = await organizationInRegion(deps, regionId, organizationId);
      if (c.req.valid('json').confirm !== organizationId) throw new UnusableFieldError('confirm', `Type the organisation's id, "${organizationId}", to confirm.`);
      const { removedLocationIds } = await deps.providerListings.leaveRegion(organizationId, regionId, {
        by: { accountId: identity.account.id, name: identity.account.name }, now: deps.clock.now(),
      });
      const activeElsewhere = organization.regionIds.filter((id) => id !== regionId);
      // Active nowhere, it leaves every hub, where the admin invitations coordinators sent could be
      // withdrawn: they end now, so nobody joins it (and reads its inbox) on a link sent before the removal.
      if (activeElsewhere.length === 0) {
        for (const open of await listOpenInvitations(deps, organizationId, invitableRoles('coordinator'))) await deps.invitations.withdrawInvitation(organizationId, open.id);
      }
      return c.json({ removed: true as const, removedLocationIds, activeElsewhere }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/coordinator/regions/{regionId}/support-organizations',
      operationId: 'admitSupportOrganization',
      summary: 'Admits a new support organisation to the region',
      description:
        'For the region\'s coordinators: makes the support organisation (working in this region) and mails its first admin ' +
        '(`supporter-admin`) an invitation valid for 7 days; accepting gives that role. A refused invitation admits nothing.',
      request: { params: RegionParams, body: { required: true, ...json(AdmitSupportRequest, 'The support organisation and its first admin.') } },
      responses: {
        201: json(AdmittedSupportSchema, 'Admitted, and the invitation is on its way.'),
        ...errors,
        409: problem('The id is taken (`id_taken`, at `supportOrganization.id`): by a support organisation, a care provider (removed or not), or an open invitation to a care provider.'),
        429: problem('Too many invitations by this person or to this address: the message and `Retry-After` say when to try again.'),
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { identity } = await coordinatorOf(c, regionId);
      const { supportOrganization: fields, admin } = c.req.valid('json');
      const deps = c.var.deps;
      // A care provider's id is refused too, removed or not: its staff and inbox keep the id.
      if ((await deps.supportOrganizations.getSupportOrganization(fields.id)) || (await deps.providerListings.getOrganization(fields.id))) {
        throw new IdTakenError('supportOrganization', { supportOrganizationId: fields.id }, takenAt('supportOrganization.id', fields.id));
      }
      await refuseOtherKindsInvitations(deps, fields.id, 'support', 'supportOrganization.id');
      const invitation = await invite(deps, { account: identity.account, as: 'coordinator' }, {
        organization: { id: fields.id, name: fields.name }, email: admin.email, name: admin.name, role: 'supporter-admin',
      });
      const record = { id: fields.id, name: fields.name, regionIds: [regionId], createdAt: deps.clock.now().toISOString() };
      try {
        // Never replaces one admitted meanwhile (another region's, perhaps).
        await deps.supportOrganizations.createSupportOrganization(record);
      } catch (error) {
        await deps.invitations.withdrawInvitation(record.id, invitation.id);
        throw error;
      }
      const { id, name, email, createdAt, expiresAt } = invitation;
      return c.json({ supportOrganization: { id: record.id, name: record.name, regionIds: record.regionIds }, invitation: { id, name, email, createdAt, expiresAt } }, 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: '/coordinator/regions/{regionId}/support-organizations/{supportOrganizationId}/invitations/{invitationId}',
      operationId: 'withdrawSupportAdminInvitation',
      summary: 'Withdraws an open invitation of a support organisation\'s admin',
      request: { params: RegionParams.extend({ supportOrganizationId: Slug, invitationId: z.uuid({ message: 'Not an invitation id.' }) }) },
      responses: { 200: json(z.object({ withdrawn: z.literal(true) }), 'Withdrawn: its link stops working at once.'), ...errors },
    }),
    async (c) => {
      const { regionId, supportOrganizationId, invitationId } = c.req.valid('param');
      await coordinatorOf(c, regionId);
      const deps = c.var.deps;
      const record = await deps.supportOrganizations.getSupportOrganization(supportOrganizationId);
      if (!record?.regionIds.includes(regionId)) throw NotFoundError.of(`Support organisation "${supportOrganizationId}" in region "${regionId}"`);
      if (!(await withdraw(deps, supportOrganizationId, invitationId, ['supporter-admin']))) throw NotFoundError.of(`Open invitation "${invitationId}"`);
      return c.json({ withdrawn: true as const }, 200);
    },
  );
