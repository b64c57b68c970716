// What the platform operator does with accounts outside the web (`npm run accounts`), and the
// demonstration accounts of `npm start` (coordinators, provider admins and editors, a support
// organisation per demonstration region with its supporter and admin): create an account with a
// membership, or add the membership to the account the address already has; create a support
// organisation. The scope must exist: a coordinator only of a configured region, a supporter only
// of a support organisation created before.
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../shared/clock.ts';
import type { Organization, Region } from '../../shared/domain/index.ts';
import { AccountExistsError, type AccountStore, type Membership } from '../store/account-store.ts';
import type { ListingReader } from '../store/listing-reader.ts';
import type { RegionReader } from '../store/region-store.ts';
import { IdTakenError } from '../store/store-errors.ts';
import type { SupportOrganizationRecord, SupportOrganizationStore } from '../store/support-organization-store.ts';
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
  supportOrganizations: SupportOrganizationStore;
  clock: Clock;
}

async function checkScope({ regions, listings, supportOrganizations }: AdminDeps, membership: Membership): Promise<void> {
  if ((membership.role === 'supporter' || membership.role === 'supporter-admin') && !(await supportOrganizations.getSupportOrganization(membership.supportOrganizationId))) {
    const known = (await supportOrganizations.listSupportOrganizations()).map((o) => o.id).sort().join(', ');
    throw new UnknownScopeError(
      `Support organisation "${membership.supportOrganizationId}" does not exist: create it first (npm run accounts -- create-support-organization). ` +
        `Known: ${known || 'none'}.`,
    );
  }
  if ((membership.role === 'provider-admin' || membership.role === 'provider-editor') && !(await listings.getOrganization(membership.organizationId))) {
    throw new UnknownScopeError(`Organisation "${membership.organizationId}" does not exist: import its listing first (npm run import).`);
  }
  if (membership.role !== 'coordinator') return;
  if (!(await regions.getRegion(membership.regionId))) {
    const known = (await regions.listRegions()).map((r) => r.id).sort().join(', ');
    throw new UnknownScopeError(`Region "${membership.regionId}" does not exist. Known regions: ${known || 'none (run npm start or npm run load-regions first)'}.`);
  }
}

/**
 * Creates a support organisation working in the given regions, or renames it and sets its regions
 * when it exists (keeping when it was made). Every region must be configured; IdTakenError for a
 * care provider's id.
 */
export async function putSupportOrganization(
  deps: Pick<AdminDeps, 'regions' | 'supportOrganizations' | 'listings' | 'clock'>,
  input: { id: string; name: string; regionIds: readonly string[] },
): Promise<{ record: SupportOrganizationRecord; created: boolean }> {
  const known = new Set((await deps.regions.listRegions()).map((r) => r.id));
  const unknown = input.regionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new UnknownScopeError(`Region "${unknown[0]}" does not exist. Known regions: ${[...known].sort().join(', ') || 'none (run npm start or npm run load-regions first)'}.`);
  }
  const existing = await deps.supportOrganizations.getSupportOrganization(input.id);
  // Care providers' and support organisations' invitations share one key space: one id, one organisation.
  if (!existing && (await deps.listings.getOrganization(input.id))) {
    throw new IdTakenError('supportOrganization', { supportOrganizationId: input.id }, {
      path: 'id', message: `"${input.id}" is a care provider's id (active or removed): choose another id for the support organisation.`,
    });
  }
  const record = { id: input.id, name: input.name, regionIds: [...new Set(input.regionIds)], createdAt: existing?.createdAt ?? deps.clock.now().toISOString() };
  await deps.supportOrganizations.putSupportOrganization(record);
  return { record, created: !existing };
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

/** The demonstration support organisation of a region (made-up, as the demonstration listings are). */
export const demoSupportOrganization = (region: Pick<Region, 'id' | 'name'>) =>
  ({ id: `clientondersteuning-${region.id}`, name: `Cliëntondersteuning ${region.name} (demo)` });

/** The demonstration supporter's and supporter admin's addresses of a support organisation, listed in README.md. */
export const demoSupporterEmails = (supportOrganizationId: string) =>
  ({ supporter: `ondersteuner@${supportOrganizationId}.example`, admin: `beheer@${supportOrganizationId}.example` });

/**
 * A coordinator account for each demonstration region, a provider admin and editor for each
 * demonstration organisation that is stored, and for each demonstration region a support
 * organisation with a supporter and a supporter admin, where the address has none yet; returns the
 * addresses made.
 */
export async function seedDemoAccounts(
  deps: AdminDeps,
  regions: readonly Region[],
  organizations: ReadonlyArray<Pick<Organization, 'id' | 'name'>> = [],
): Promise<string[]> {
  const wanted: Array<{ email: string; name: string; membership: Membership }> = [];
  for (const region of regions.filter((r) => r.demonstration)) {
    wanted.push({ email: demoCoordinatorEmail(region.id), name: `Coördinator ${region.name}`, membership: { role: 'coordinator', regionId: region.id } });
    const support = demoSupportOrganization(region);
    if (!(await deps.supportOrganizations.getSupportOrganization(support.id))) await putSupportOrganization(deps, { ...support, regionIds: [region.id] });
    const emails = demoSupporterEmails(support.id);
    wanted.push({ email: emails.supporter, name: `Ondersteuner ${region.name}`, membership: { role: 'supporter', supportOrganizationId: support.id } });
    wanted.push({ email: emails.admin, name: `Beheerder ${support.name}`, membership: { role: 'supporter-admin', supportOrganizationId: support.id } });
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
