// The storage port for staff accounts: an account and its memberships, the sign-in code of an
// address and the sessions. Only storage: what a code or session may do (lifetimes, tries) is
// decided in functions/accounts/, which hands this port hashes and times, never a code or a
// session id. Nothing about DynamoDB.

export const MEMBERSHIP_ROLES = ['provider-admin', 'provider-editor', 'supporter', 'supporter-admin', 'coordinator'] as const;

/** What an account may do, each role scoped by a field of its own, so one role's scope never passes for another's. */
export type Membership =
  /** A care provider's staff member; an admin also invites colleagues. */
  | { role: 'provider-admin' | 'provider-editor'; organizationId: string }
  /**
   * An independent client supporter, acting for a support organisation; its admin also works
   * with dossiers and besides reads their audit trail.
   */
  | { role: 'supporter' | 'supporter-admin'; supportOrganizationId: string }
  /** A region's coordinator. */
  | { role: 'coordinator'; regionId: string };

export type MembershipRole = Membership['role'];

/** The two roles of a care provider's staff. */
export const PROVIDER_ROLES = ['provider-admin', 'provider-editor'] as const;
export type ProviderRole = (typeof PROVIDER_ROLES)[number];
export type ProviderMembership = Extract<Membership, { organizationId: string }>;

/** The two roles of a support organisation's staff. */
export const SUPPORTER_ROLES = ['supporter', 'supporter-admin'] as const;
export type SupporterRole = (typeof SUPPORTER_ROLES)[number];
export type SupporterMembership = Extract<Membership, { supportOrganizationId: string }>;

/** What a membership is scoped by: ids of different kinds may be equal, so the kind is part of the scope. */
export const MEMBERSHIP_SCOPES = ['organization', 'support-organization', 'region'] as const;
export type MembershipScope = (typeof MEMBERSHIP_SCOPES)[number];

export function scopeOf(membership: Membership): { scope: MembershipScope; scopeId: string } {
  switch (membership.role) {
    case 'provider-admin':
    case 'provider-editor':
      return { scope: 'organization', scopeId: membership.organizationId };
    case 'supporter':
    case 'supporter-admin':
      return { scope: 'support-organization', scopeId: membership.supportOrganizationId };
    case 'coordinator':
      return { scope: 'region', scopeId: membership.regionId };
  }
}

export interface Account {
  id: string;
  /** Normalised: trimmed, lower case. */
  email: string;
  name: string;
  /** ISO date-time. */
  createdAt: string;
}

export interface AccountWithMemberships {
  account: Account;
  memberships: Membership[];
  /** Sessions opened at or before this time are ended (sign out everywhere), epoch milliseconds. */
  sessionsEndedAtMs?: number;
}

/** A person working for an organisation, with their roles there. */
export interface OrganizationMember {
  account: Account;
  roles: ProviderRole[];
  /** When they last signed in (ISO date-time); absent before their first sign-in since it was recorded. */
  lastSignInAt?: string;
}

/** A person working for a support organisation, with their roles there. */
export interface SupportOrganizationMember {
  account: Account;
  roles: SupporterRole[];
  lastSignInAt?: string;
}

export interface StoredSignInCode {
  email: string;
  /** HMAC-SHA-256 of the code (hex); the code itself is never stored. */
  codeHash: string;
  /** Tries so far, each counted before the code was compared. */
  tries: number;
  /** Epoch milliseconds. */
  expiresAtMs: number;
}

export interface StoredSession {
  /** SHA-256 of the session id (hex); the id itself lives only in the cookie. */
  sessionHash: string;
  accountId: string;
  /** Epoch milliseconds. */
  createdAtMs: number;
  lastUsedAtMs: number;
  /** When the session ends unless used again (idle), and at the latest (absolute). Epoch milliseconds. */
  idleExpiresAtMs: number;
  absoluteExpiresAtMs: number;
}

/** A passkey (WebAuthn credential) an account registered: what verifying its next sign-in needs, and what its owner sees. */
export interface StoredPasskey {
  /** The credential id, base64url, as the authenticator names it. */
  credentialId: string;
  accountId: string;
  /** The credential's public key (COSE), base64url. */
  publicKey: string;
  /** The authenticator's signature counter at the last use; 0 for authenticators that keep none. */
  counter: number;
  /** How the browser may reach the authenticator (`internal`, `hybrid`, `usb`, ...), a hint for the next sign-in. */
  transports: string[];
  /** The owner's own name for it ("Telefoon"), to tell several apart. */
  name: string;
  /** ISO date-times. */
  createdAt: string;
  lastUsedAt?: string;
}

export const PASSKEY_CHALLENGE_PURPOSES = ['registration', 'sign-in'] as const;

/** A WebAuthn challenge handed out and not yet answered, stored by its hash, good for one answer. */
export interface StoredPasskeyChallenge {
  /** SHA-256 of the challenge (hex). */
  challengeHash: string;
  purpose: (typeof PASSKEY_CHALLENGE_PURPOSES)[number];
  /** For a registration: the session (its hash) that asked for it; only that session may answer it. */
  sessionHash?: string;
  /** Epoch milliseconds. */
  expiresAtMs: number;
}

/** An account for an email address that already has one. */
export class AccountExistsError extends Error {
  constructor(readonly email: string) {
    super('An account with this email address already exists.');
    this.name = 'AccountExistsError';
  }
}

export interface AccountStore {
  /** Creates the account with its memberships; AccountExistsError when the address has one. */
  createAccount(account: Account, memberships: readonly Membership[]): Promise<void>;
  /** Adds a membership (a no-op when the account holds it already). */
  addMembership(accountId: string, membership: Membership): Promise<void>;
  findAccountByEmail(email: string): Promise<Account | undefined>;
  /**
   * Records that the account signed in at `atMs`, replacing the previous time: only the last one
   * is kept (a coordinator sees whether an organisation's staff still use the portal; no history).
   * A no-op for an account that is gone.
   */
  recordSignIn(accountId: string, atMs: number): Promise<void>;
  /** The account and its memberships, read consistently: a withdrawn membership counts at once. */
  getAccount(accountId: string): Promise<AccountWithMemberships | undefined>;
  /** Everyone holding a provider role in the organisation, by name. Read from an index: a membership added a moment ago may be missing. */
  listOrganizationMembers(organizationId: string): Promise<OrganizationMember[]>;
  /** Everyone holding a supporter role in the support organisation, by name. Read from an index, as above. */
  listSupportOrganizationMembers(supportOrganizationId: string): Promise<SupportOrganizationMember[]>;

  /** Stores the address's code, replacing any earlier one (and its tries). */
  putSignInCode(code: StoredSignInCode): Promise<void>;
  getSignInCode(email: string): Promise<StoredSignInCode | undefined>;
  /**
   * Counts one try before the code is compared, so parallel guesses cannot share a try: the new
   * number of tries, or undefined when the code is gone, was replaced, or has `maxTries` already.
   */
  takeTry(email: string, codeHash: string, maxTries: number): Promise<number | undefined>;
  /** Deletes the code only while it is this one: true for exactly one of two parallel sign-ins. */
  consumeSignInCode(email: string, codeHash: string): Promise<boolean>;
  deleteSignInCode(email: string): Promise<void>;

  putSession(session: StoredSession): Promise<void>;
  getSession(sessionHash: string): Promise<StoredSession | undefined>;
  /** Moves the idle expiry on; false when the session is gone (signed out meanwhile): it is not brought back. */
  touchSession(sessionHash: string, lastUsedAtMs: number, idleExpiresAtMs: number): Promise<boolean>;
  deleteSession(sessionHash: string): Promise<void>;
  /** Ends every session the account opened at or before `atMs`, at once (read back by getAccount); a no-op for an account that is gone. */
  endSessionsUntil(accountId: string, atMs: number): Promise<void>;
  /** Deletes every session of the account the account's session index lists; returns how many. */
  deleteAccountSessions(accountId: string): Promise<number>;

  putPasskeyChallenge(challenge: StoredPasskeyChallenge): Promise<void>;
  /** Deletes the challenge and returns it as it was: of two parallel answers, exactly one gets it. */
  takePasskeyChallenge(challengeHash: string): Promise<StoredPasskeyChallenge | undefined>;
  /** Stores a new passkey; false when its credential id is registered already (to anyone). */
  putPasskey(passkey: StoredPasskey): Promise<boolean>;
  getPasskey(credentialId: string): Promise<StoredPasskey | undefined>;
  /** The account's passkeys, oldest first. Read from an index: one registered a moment ago may be missing. */
  listPasskeys(accountId: string): Promise<StoredPasskey[]>;
  /** Records a sign-in: the new counter, only while the stored one is still `previousCounter`; false otherwise. */
  usePasskey(credentialId: string, previousCounter: number, counter: number, lastUsedAt: string): Promise<boolean>;
  /** Deletes the passkey only when it is this account's; false when it is not there or someone else's. */
  deletePasskey(accountId: string, credentialId: string): Promise<boolean>;
}
