// Invitations to a care provider's organisation. A region's coordinator invites the first admin
// of an organisation active in the region; an organisation's admin invites colleagues (admin or
// editor). The token is 32 random bytes, mailed once in the link's fragment; the store keeps its
// SHA-256 (unguessable, so no key is needed, as for session ids). An invitation lasts 7 days and
// is used once: accepting gives the membership to the invited address's account, making that
// account when the address has none (the invitee then signs in with a code as usual). Accepting
// while signed in with another address is refused, so nobody takes an invitation for someone else
// by mistake. Who may invite is checked by the routes (functions/api/staff/invitations.ts) before
// anything here runs.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import { sendMail, type Mailer } from '../platform/mail.ts';
import { AccountExistsError, scopeOf, type Account, type AccountStore, type ProviderRole } from '../store/account-store.ts';
import { invitationScopeId, type InvitationStore, type InvitedMembership, type InvitedRole, type StoredInvitation } from '../store/invitation-store.ts';
import type { ThrottleStore } from '../store/throttle-store.ts';
import { InvitationError } from './account-errors.ts';
import { sha256 } from './hashing.ts';
import { invitationMail } from './mail-texts.ts';
import { invitationLinks } from './portal-links.ts';
import { normaliseEmail } from './sign-in.ts';
import { throttle } from './throttle.ts';

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60_000;
/** 32 bytes in base64url: what a token of ours looks like; anything else is not looked up. */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface InvitationDeps {
  accounts: AccountStore;
  invitations: InvitationStore;
  throttles: ThrottleStore;
  mailer: Mailer;
  clock: Clock;
  secret: Buffer;
  /** The site's origin, for the link in the mail. */
  siteUrl: string;
}

/** Who invites, in which capacity: a coordinator may invite an admin only, an admin either role. */
export interface Inviter {
  account: Account;
  as: 'provider-admin' | 'coordinator';
}

/** The provider roles an inviter in this capacity may invite, and so withdraw invitations for. */
export function invitableRoles(as: Inviter['as']): readonly ProviderRole[] {
  return as === 'coordinator' ? ['provider-admin'] : ['provider-admin', 'provider-editor'];
}

/** A coordinator also admits a support organisation by inviting its first admin. */
const mayInvite = (as: Inviter['as'], role: InvitedRole) => (role === 'supporter-admin' ? as === 'coordinator' : invitableRoles(as).includes(role));

const membershipOf = (role: InvitedRole, scopeId: string): InvitedMembership =>
  role === 'supporter-admin' ? { role, supportOrganizationId: scopeId } : { role, organizationId: scopeId };

/** Whether both invitations are to a care provider, or both to a support organisation. */
const sameScopeKind = (a: InvitedMembership, b: InvitedMembership): boolean => ('organizationId' in a) === ('organizationId' in b);

/** An invitation as the portal lists it: never its token or hash. */
export interface InvitationView {
  id: string;
  email: string;
  name: string;
  role: InvitedRole;
  /** The organisation's id, or the support organisation's for a `supporter-admin`. */
  organizationId: string;
  invitedBy: { name: string };
  createdAt: string;
  expiresAt: string;
}

const viewOf = (i: StoredInvitation): InvitationView => ({
  id: i.invitationId,
  email: i.email,
  name: i.name,
  role: i.membership.role,
  organizationId: invitationScopeId(i.membership),
  invitedBy: { name: i.invitedBy.name },
  createdAt: new Date(i.createdAtMs).toISOString(),
  expiresAt: new Date(i.expiresAtMs).toISOString(),
});

export interface InvitationRequest {
  /** A care provider, or a support organisation for a `supporter-admin`. */
  organization: { id: string; name: string };
  email: string;
  name: string;
  role: InvitedRole;
}

/**
 * Invites the address to the organisation in the role and mails the link; an earlier open
 * invitation of the address to the organisation is replaced, so a resent link is the only one
 * that works. InvitationError when the address holds the role already; TooManyRequestsError
 * when the inviter or the address had too many invitations this quarter hour.
 */
export async function invite(deps: InvitationDeps, inviter: Inviter, request: InvitationRequest): Promise<InvitationView> {
  if (!mayInvite(inviter.as, request.role)) throw new Error(`A ${inviter.as} cannot invite a ${request.role}: the route should have refused.`);
  const email = normaliseEmail(request.email);
  await throttle(deps, 'invitation-per-inviter', inviter.account.id);
  await throttle(deps, 'invitation-per-email', email);
  const existing = await deps.accounts.findAccountByEmail(email);
  if (existing) {
    const held = (await deps.accounts.getAccount(existing.id))?.memberships ?? [];
    // The role names the kind of scope, so its id alone tells the organisation.
    if (held.some((m) => m.role === request.role && scopeOf(m).scopeId === request.organization.id)) throw InvitationError.alreadyMember();
  }
  const membership = membershipOf(request.role, request.organization.id);
  // Provider and support organisations' invitations are listed by the bare id: replace only this kind's.
  const earlier = (await deps.invitations.listInvitations(request.organization.id))
    .filter((i) => i.email === email && sameScopeKind(i.membership, membership));

  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now().getTime();
  const invitation: StoredInvitation = {
    invitationId: randomUUID(),
    tokenHash: sha256(token),
    email,
    name: request.name,
    membership,
    organizationName: request.organization.name,
    invitedBy: { accountId: inviter.account.id, name: inviter.account.name, role: inviter.as },
    createdAtMs: now,
    expiresAtMs: now + INVITATION_LIFETIME_MS,
  };
  await deps.invitations.putInvitation(invitation);
  for (const old of earlier) await deps.invitations.withdrawInvitation(request.organization.id, old.invitationId);
  await sendMail(deps.mailer, invitationMail({ email, name: request.name }, {
    inviterName: inviter.account.name,
    organizationName: request.organization.name,
    role: request.role,
    validDays: INVITATION_LIFETIME_MS / (24 * 60 * 60_000),
    links: invitationLinks(deps.siteUrl, token),
  }));
  return viewOf(invitation);
}

/** The organisation's open invitations in the roles given (an inviter sees those they may withdraw), oldest first. */
export async function listOpenInvitations(
  deps: Pick<InvitationDeps, 'invitations' | 'clock'>,
  organizationId: string,
  roles: readonly InvitedRole[],
): Promise<InvitationView[]> {
  const now = deps.clock.now().getTime();
  const open = await deps.invitations.listInvitations(organizationId);
  return open.filter((i) => i.expiresAtMs > now && roles.includes(i.membership.role)).map(viewOf);
}

/** Withdraws an open invitation in one of the roles given; false when there is no such invitation. */
export async function withdraw(
  deps: Pick<InvitationDeps, 'invitations' | 'clock'>,
  organizationId: string,
  invitationId: string,
  roles: readonly InvitedRole[],
): Promise<boolean> {
  const open = await listOpenInvitations(deps, organizationId, roles);
  if (!open.some((i) => i.id === invitationId)) return false;
  return deps.invitations.withdrawInvitation(organizationId, invitationId);
}

export interface AcceptedInvitation {
  email: string;
  organizationId: string;
  organizationName: string;
  role: InvitedRole;
  /** Whether the invitation made the account (its owner signs in with a code next). */
  accountCreated: boolean;
}

/**
 * Accepts the invitation of the token for the invited address's account. `signedIn` is the caller's
 * account if a session came with the request: it must be the invited address's. InvitationError
 * when the token is unusable (expired, withdrawn, used, unknown) or for another address; nothing
 * is changed then.
 */
export async function acceptInvitation(
  deps: Pick<InvitationDeps, 'accounts' | 'invitations' | 'clock'>,
  token: string,
  signedIn: Account | undefined,
): Promise<AcceptedInvitation> {
  if (!INVITATION_TOKEN.test(token)) throw InvitationError.unusable();
  const tokenHash = sha256(token);
  const invitation = await deps.invitations.getInvitation(tokenHash);
  const now = deps.clock.now().getTime();
  if (!invitation || now >= invitation.expiresAtMs) throw InvitationError.unusable();
  if (signedIn && signedIn.email !== invitation.email) throw InvitationError.otherAddress();

  const accepted = (accountCreated: boolean): AcceptedInvitation => ({
    email: invitation.email,
    organizationId: invitationScopeId(invitation.membership),
    organizationName: invitation.organizationName,
    role: invitation.membership.role,
    accountCreated,
  });
  const account = signedIn ?? (await deps.accounts.findAccountByEmail(invitation.email));
  if (account) {
    if (!(await deps.invitations.acceptInvitation(tokenHash, now, { accountId: account.id }))) throw InvitationError.unusable();
    return accepted(false);
  }
  const newAccount: Account = { id: randomUUID(), email: invitation.email, name: invitation.name, createdAt: new Date(now).toISOString() };
  try {
    if (!(await deps.invitations.acceptInvitation(tokenHash, now, { newAccount }))) throw InvitationError.unusable();
    return accepted(true);
  } catch (error) {
    // The address got an account between the look-up and the write: the membership goes to that one.
    if (!(error instanceof AccountExistsError)) throw error;
    return acceptInvitation(deps, token, signedIn);
  }
}
