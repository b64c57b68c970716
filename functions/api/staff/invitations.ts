// Invitations and the member list of a care provider's organisation, the HTTP face of
// functions/accounts/invitations.ts:
//   /api/provider/organizations/{organizationId}/invitations      an admin invites colleagues (admin or editor)
//   /api/provider/organizations/{organizationId}/members          the admin's list of who works there
//   /api/coordinator/regions/{regionId}/organizations/{organizationId}/invitations
//                                                                 a region's coordinator invites an organisation's admin
//   /api/auth/invitations/accept                                  the invitee accepts, signed in or not
// Every route checks the caller's membership (from the store, per request) before it reads or
// writes anything; a coordinator acts only for organisations active in their region. A module of
// its own beside the provider listing routes, mounted at the staff app's root.
import * as z from 'zod';
import { Slug } from '../../../shared/domain/index.ts';
import {
  acceptInvitation, invitableRoles, invite, listOpenInvitations, withdraw, type Inviter,
} from '../../accounts/invitations.ts';
import { PROVIDER_ROLES } from '../../store/account-store.ts';
import { createResourceApp } from '../app-factory.ts';
import { AccessDeniedError, NotFoundError } from '../errors.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';
import { requireMembership, type StaffEnv } from './context.ts';

const Email = z.email({ message: 'Vul een geldig e-mailadres in. / Enter a valid email address.' }).max(254);
const Name = z.string().trim().min(1, { message: 'Vul de naam in. / Enter the name.' }).max(200);
const InvitationId = z.uuid({ message: 'Not an invitation id.' });

const OrganizationParams = z.object({ organizationId: Slug });
const CoordinatorParams = z.object({ regionId: Slug, organizationId: Slug });

const ProviderInviteRequest = z.object({
  email: Email.describe('The colleague\'s address: the link is mailed there, and only that address\'s account can accept.'),
  name: Name.describe('The colleague\'s name, for the mail and (if the invitation makes one) their account.'),
  role: z.enum(PROVIDER_ROLES),
});
const CoordinatorInviteRequest = z.object({
  email: Email.describe('The address of the organisation\'s first admin.'),
  name: Name,
});
/** A provider role, or a support organisation's admin (a coordinator admits the organisation with it). */
const INVITED_ROLES = [...PROVIDER_ROLES, 'supporter-admin'] as const;
const InvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(INVITED_ROLES),
  organizationId: z.string().describe('The organisation\'s id; a support organisation\'s for `supporter-admin`.'),
  invitedBy: z.object({ name: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
});
const InvitationsSchema = z.object({ invitations: z.array(InvitationSchema) });
const WithdrawnSchema = z.object({ withdrawn: z.literal(true) });
const MembersSchema = z.object({
  members: z.array(z.object({ accountId: z.string(), name: z.string(), email: z.string(), roles: z.array(z.enum(PROVIDER_ROLES)) })),
});
const AcceptRequest = z.object({ token: z.string().min(1).max(200).describe('The token from the invitation link\'s fragment (`#token=...`).') });
const AcceptedSchema = z.object({
  email: z.string(),
  organizationId: z.string(),
  organizationName: z.string(),
  role: z.enum(INVITED_ROLES),
  accountCreated: z.boolean().describe('Whether the invitation made the account; either way its owner signs in with a code to that address.'),
});

const guarded = { 403: problem('Not allowed: another organisation\'s or region\'s, a role that may not invite, or not from a Woonwijzer page (CSRF).') };
const unauthorized = { 401: problem('Nobody is signed in.') };
const invalid = { 400: problem('The request is not valid; `fields` names each problem.') };
const tooMany = { 429: problem('Too many invitations by this person or to this address: the message and `Retry-After` say when to try again.') };
const alreadyMember = { 409: problem('The address already has this role at this organisation (`already_member`).') };

/** The organisation (its name, and the regions a coordinator may invite for), or a 404. */
async function organizationOf(deps: StaffEnv['Variables']['deps'], organizationId: string) {
  const organization = await deps.providerListings.getOrganization(organizationId);
  if (!organization) throw NotFoundError.of(`Organisation "${organizationId}"`);
  return organization.value;
}

/** A coordinator of the region, for an organisation active in it: else 401, 403 or (no such organisation) 404. */
async function coordinatorFor(c: { var: StaffEnv['Variables'] }, regionId: string, organizationId: string) {
  const { identity } = requireMembership(c.var.identity, { role: 'coordinator', regionId });
  const organization = await organizationOf(c.var.deps, organizationId);
  if (!organization.regionIds.includes(regionId)) throw AccessDeniedError.notFor(`coordinator of a region where "${organizationId}" is active`);
  const inviter: Inviter = { account: identity.account, as: 'coordinator' };
  return { inviter, organization };
}

/** An admin of the organisation: else 401 or 403; then the organisation, or a 404. */
async function adminOf(c: { var: StaffEnv['Variables'] }, organizationId: string) {
  const { identity } = requireMembership(c.var.identity, { role: 'provider-admin', organizationId });
  const inviter: Inviter = { account: identity.account, as: 'provider-admin' };
  return { inviter, organization: await organizationOf(c.var.deps, organizationId) };
}

const providerPath = '/provider/organizations/{organizationId}';
const coordinatorPath = '/coordinator/regions/{regionId}/organizations/{organizationId}';

export const invitationsApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'post',
      path: `${providerPath}/invitations`,
      operationId: 'inviteColleague',
      summary: 'Invites a colleague to the organisation',
      description: 'For the organisation\'s admins. Mails a link valid for 7 days; an earlier open invitation of the same address is replaced.',
      request: { params: OrganizationParams, body: { required: true, ...json(ProviderInviteRequest, 'Who to invite, in which role.') } },
      responses: {
        201: json(InvitationSchema, 'Invited: the mail is on its way.'),
        ...invalid, ...unauthorized, ...guarded,
        404: problem('No such organisation.'),
        ...alreadyMember, ...tooMany,
      },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const { inviter, organization } = await adminOf(c, organizationId);
      const body = c.req.valid('json');
      return c.json(await invite(c.var.deps, inviter, { organization, ...body }), 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${providerPath}/invitations`,
      operationId: 'listInvitations',
      summary: 'The organisation\'s open invitations',
      request: { params: OrganizationParams },
      responses: { 200: json(InvitationsSchema, 'Open invitations, oldest first.'), ...invalid, ...unauthorized, ...guarded, 404: problem('No such organisation.') },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const { inviter } = await adminOf(c, organizationId);
      return c.json({ invitations: await listOpenInvitations(c.var.deps, organizationId, invitableRoles(inviter.as)) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: `${providerPath}/invitations/{invitationId}`,
      operationId: 'withdrawInvitation',
      summary: 'Withdraws an open invitation',
      description: 'Its link stops working at once.',
      request: { params: OrganizationParams.extend({ invitationId: InvitationId }) },
      responses: { 200: json(WithdrawnSchema, 'Withdrawn.'), ...invalid, ...unauthorized, ...guarded, 404: problem('No such open invitation.') },
    }),
    async (c) => {
      const { organizationId, invitationId } = c.req.valid('param');
      const { inviter } = await adminOf(c, organizationId);
      if (!(await withdraw(c.var.deps, organizationId, invitationId, invitableRoles(inviter.as)))) throw NotFoundError.of(`Open invitation "${invitationId}"`);
      return c.json({ withdrawn: true as const }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${providerPath}/members`,
      operationId: 'listMembers',
      summary: 'Who works for the organisation on Woonwijzer',
      description: 'For the organisation\'s admins: each person with a provider role there, by name.',
      request: { params: OrganizationParams },
      responses: { 200: json(MembersSchema, 'The members, by name.'), ...invalid, ...unauthorized, ...guarded, 404: problem('No such organisation.') },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      await adminOf(c, organizationId);
      const members = await c.var.deps.accounts.listOrganizationMembers(organizationId);
      return c.json({ members: members.map((m) => ({ accountId: m.account.id, name: m.account.name, email: m.account.email, roles: m.roles })) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: `${coordinatorPath}/invitations`,
      operationId: 'inviteOrganizationAdmin',
      summary: 'Invites an admin of an organisation in the region',
      description: 'For the region\'s coordinators, for organisations active in the region. Mails a link valid for 7 days.',
      request: { params: CoordinatorParams, body: { required: true, ...json(CoordinatorInviteRequest, 'Who to invite as admin.') } },
      responses: {
        201: json(InvitationSchema, 'Invited: the mail is on its way.'),
        ...invalid, ...unauthorized, ...guarded,
        404: problem('No such organisation.'),
        ...alreadyMember, ...tooMany,
      },
    }),
    async (c) => {
      const { regionId, organizationId } = c.req.valid('param');
      const { inviter, organization } = await coordinatorFor(c, regionId, organizationId);
      return c.json(await invite(c.var.deps, inviter, { organization, ...c.req.valid('json'), role: 'provider-admin' }), 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${coordinatorPath}/invitations`,
      operationId: 'listAdminInvitations',
      summary: 'The organisation\'s open admin invitations',
      request: { params: CoordinatorParams },
      responses: { 200: json(InvitationsSchema, 'Open admin invitations, oldest first.'), ...invalid, ...unauthorized, ...guarded, 404: problem('No such organisation.') },
    }),
    async (c) => {
      const { regionId, organizationId } = c.req.valid('param');
      const { inviter } = await coordinatorFor(c, regionId, organizationId);
      return c.json({ invitations: await listOpenInvitations(c.var.deps, organizationId, invitableRoles(inviter.as)) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: `${coordinatorPath}/invitations/{invitationId}`,
      operationId: 'withdrawAdminInvitation',
      summary: 'Withdraws an open admin invitation',
      request: { params: CoordinatorParams.extend({ invitationId: InvitationId }) },
      responses: { 200: json(WithdrawnSchema, 'Withdrawn.'), ...invalid, ...unauthorized, ...guarded, 404: problem('No such open admin invitation.') },
    }),
    async (c) => {
      const { regionId, organizationId, invitationId } = c.req.valid('param');
      const { inviter } = await coordinatorFor(c, regionId, organizationId);
      if (!(await withdraw(c.var.deps, organizationId, invitationId, invitableRoles(inviter.as)))) throw NotFoundError.of(`Open invitation "${invitationId}"`);
      return c.json({ withdrawn: true as const }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/auth/invitations/accept',
      operationId: 'acceptInvitation',
      summary: 'Accepts an invitation',
      description:
        'Gives the invitation\'s role to the invited address\'s account, making the account if the address has none. ' +
        'Signed in, the session must be the invited address\'s. Opens no session: the invitee signs in with a code as usual.',
      // Anyone, or a session (app.ts names the scheme): either may accept.
      security: [{}, { sessionCookie: [] }],
      request: { body: { required: true, ...json(AcceptRequest, 'The token from the link.') } },
      responses: {
        200: json(AcceptedSchema, 'Accepted: the role is given.'),
        400: problem('The request is not valid, or the invitation has expired, was withdrawn or used (`invitation_unusable`).'),
        403: problem('The invitation is for another address than the signed-in one (`invitation_for_other_address`), or the request did not come from a Woonwijzer page.'),
      },
    }),
    async (c) => {
      const { token } = c.req.valid('json');
      return c.json(await acceptInvitation(c.var.deps, token, c.var.identity?.account), 200);
    },
  );
