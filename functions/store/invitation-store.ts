// The storage port for invitations to a care provider's organisation: open invitations, each
// stored by the SHA-256 of its token (the token is only in the mail), and their acceptance, which
// uses the invitation up and gives the membership in one step. Who may invite, and what an
// invitation says, is decided in functions/accounts/invitations.ts. Nothing about DynamoDB.
import type { Account, ProviderMembership, SupporterMembership } from './account-store.ts';

/** What an invitation gives: a provider role, or (a coordinator admitting a support organisation) its admin. */
export type InvitedMembership = ProviderMembership | (SupporterMembership & { role: 'supporter-admin' });
export type InvitedRole = InvitedMembership['role'];

/** The organisation an invitation is to: a care provider's or a support organisation's id. */
export const invitationScopeId = (m: InvitedMembership): string => ('organizationId' in m ? m.organizationId : m.supportOrganizationId);

export interface StoredInvitation {
  /** Names the invitation in the portal's list and its withdrawal; tells nothing about the token. */
  invitationId: string;
  /** SHA-256 of the token (hex). */
  tokenHash: string;
  /** The invited address, normalised. */
  email: string;
  /** The invitee's name as the inviter wrote it: their account's name if the invitation makes one. */
  name: string;
  membership: InvitedMembership;
  organizationName: string;
  invitedBy: { accountId: string; name: string; role: 'provider-admin' | 'coordinator' };
  /** Epoch milliseconds. */
  createdAtMs: number;
  expiresAtMs: number;
}

/** Whose membership an accepted invitation becomes: an existing account's, or a new account's for the invited address. */
export type InvitationAcceptance = { accountId: string } | { newAccount: Account };

export interface InvitationStore {
  putInvitation(invitation: StoredInvitation): Promise<void>;
  getInvitation(tokenHash: string): Promise<StoredInvitation | undefined>;
  /** The organisation's (or support organisation's, by its id) open invitations (expired ones too, until TTL removes them: the caller compares times). */
  listInvitations(organizationId: string): Promise<StoredInvitation[]>;
  /** Deletes the organisation's invitation; false when it has no such open invitation. */
  withdrawInvitation(organizationId: string, invitationId: string): Promise<boolean>;
  /**
   * Uses the invitation up and gives its membership, all or nothing: false (and nothing changed)
   * when it is gone (used, withdrawn) or expired at `nowMs`, or no longer the one read (tokenHash).
   * AccountExistsError when a new account's address got one meanwhile.
   */
  acceptInvitation(tokenHash: string, nowMs: number, acceptance: InvitationAcceptance): Promise<boolean>;
}
