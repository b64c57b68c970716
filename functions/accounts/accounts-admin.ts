// What the platform operator does with accounts outside the web (`npm run accounts`), and the
// demonstration accounts of `npm start` (coordinators, provider admins and editors): create an account with a membership, or add the
// membership to the account the address already has. The scope must exist: a coordinator only
// of a configured region.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import type { Organization, Region } from '../../shared/domain/index.ts';
import { AccountExistsError, type AccountStore, type Membership } from '../store/account-store.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';
import { normaliseEmail } from './sign-in.ts';

export interface GrantResult {
  accountId: string;
  /** Whether the account was made now (else the membership was added to an existing one). */
  created: boolean;
}

/** A membership whose scope is not known here (an unknown region). */
export class UnknownScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnknownScopeError';
  }
}

export interface AdminDeps {
  accounts: AccountStore;
  regions: RegionReader;
  listings: Pick<ListingReader, 'getOrganization'>;
  clock: Clock;
}

/** Support organisations are not stored yet (a later slice): their ids are taken as given. */
async function checkScope({ regions, listings }: AdminDeps, membership: Membership): Promise<void> {
  if ((membership.role === 'provider-admin' || membership.role === 'provider-editor') && !(await listings.getOrganization(membership.organizationId))) {
    throw new UnknownScopeError(`Organisation "${membership.organizationId}" does not exist: import its listing first (npm run import).`);
  }
  if (membership.role !== 'coordinator') return;
  if (!(await regions.getRegion(membership.regionId))) {
    const known = (await regions.listRegions()).map((r) => r.id).sort().join(', ');
    throw new UnknownScopeError(`Region "${membership.regionId}" does not exist. Known regions: ${known || 'none (run npm start or npm run load-regions first)'}.`);
  }
}

/** Gives the person at `email` the membership, making their account when they have none. */
export async function grantMembership(deps: AdminDeps, input: { email: string; name: string; membership: Membership }): Promise<GrantResult> {
  await checkScope(deps, input.membership);
  const email = normaliseEmail(input.email);
  const existing = await deps.accounts.findAccountByEmail(email);
  if (existing) {
    await deps.accounts.addMembership(existing.id, input.membership);
    return { accountId: existing.id, created: false };
  }
  const account = { id: randomUUID(), email, name: input.name, createdAt: deps.clock.now().toISOString() };
  try {
    await deps.accounts.createAccount(account, [input.membership]);
    return { accountId: account.id, created: true };
  } catch (error) {
    // Made by someone else between the look-up and the write: add the membership to theirs.
    if (!(error instanceof AccountExistsError)) throw error;
    return grantMembership(deps, input);
  }
}

/** The demonstration coordinator's address of a region, listed in README.md. */
export const demoCoordinatorEmail = (regionId: string) => `coordinator@${regionId}.example`;

/** The demonstration provider admin's and editor's addresses of an organisation, listed in README.md. */
export const demoProviderEmails = (organizationId: string) =>
  ({ admin: `beheer@${organizationId}.example`, editor: `redactie@${organizationId}.example` });

/**
 * A coordinator account for each demonstration region, and a provider admin and editor for each
 * demonstration organisation that is stored, where the address has none yet; returns the addresses made.
 */
export async function seedDemoAccounts(
  deps: AdminDeps,
  regions: readonly Region[],
  organizations: ReadonlyArray<Pick<Organization, 'id' | 'name'>> = [],
): Promise<string[]> {
  const wanted: Array<{ email: string; name: string; membership: Membership }> = [];
  for (const region of regions.filter((r) => r.demonstration)) {
    wanted.push({ email: demoCoordinatorEmail(region.id), name: `Coördinator ${region.name}`, membership: { role: 'coordinator', regionId: region.id } });
  }
  for (const org of organizations) {
    // A store that kept listings of its own may lack a demonstration organisation: no account for it.
    if (!(await deps.listings.getOrganization(org.id))) continue;
    const { admin, editor } = demoProviderEmails(org.id);
    wanted.push({ email: admin, name: `Beheerder ${org.name}`, membership: { role: 'provider-admin', organizationId: org.id } });
    wanted.push({ email: editor, name: `Redactie ${org.name}`, membership: { role: 'provider-editor', organizationId: org.id } });
  }
  const made: string[] = [];
  for (const account of wanted) {
    if (await deps.accounts.findAccountByEmail(account.email)) continue;
    await grantMembership(deps, account);
    made.push(account.email);
  }
  return made;
}
