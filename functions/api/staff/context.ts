// The context of the staff apps (/api/auth now; /api/provider, /api/supporter, /api/coordinator
// next), which will run in a Lambda of their own with write rights. The staff app's session
// middleware (app.ts) sets the caller's identity before any route runs: the account and its
// memberships, read from the store on every request, never from the cookie. A route reads who is
// calling only through requireSignedIn and requireMembership.
import type { Context } from 'hono';
import type { Clock } from '../../../shared/clock.ts';
import type { PhotoStorage } from '../../photos/photo-storage.ts';
import type { Mailer } from '../../platform/mail.ts';
import type { Account, AccountStore, Membership } from '../../store/account-store.ts';
import type { DemandStatisticsReader } from '../../store/demand-statistics-store.ts';
import type { ListingReader } from '../../store/listing-reader.ts';
import type { ListingWriter } from '../../store/listing-writer.ts';
import type { ProviderListingStore } from '../../store/provider-listing-store.ts';
import type { RegionReader } from '../../store/region-store.ts';
import type { RegionCoordinationStore } from '../../store/region-coordination-store.ts';
import type { InvitationStore } from '../../store/invitation-store.ts';
import type { ThrottleStore } from '../../store/throttle-store.ts';
import type { OrganizationReminderStore } from '../../store/reminder-store.ts';
import type { DossierStore } from '../../store/dossier-store.ts';
import type { HandoverCodeStore } from '../../store/handover-code-store.ts';
import type { DossierRightsStore } from '../../store/dossier-rights-store.ts';
import type { SupportOrganizationStore } from '../../store/support-organization-store.ts';
import type { ApiAppEnv } from '../app-factory.ts';
import { AccessDeniedError } from '../errors.ts';

/** Who is calling: the signed-in account and every membership it holds (a person may hold several). */
export interface Identity {
  account: Account;
  memberships: readonly Membership[];
  /** The SHA-256 of the session the request came with: sign-out ends this one. */
  sessionHash: string;
}

/**
 * The store ports the staff apps use, each under its name in `Stores` (create-store.ts), so a caller
 * hands the stores over whole (`{ ...stores, mailer, ... }`) and a new port needs no caller changed.
 */
export interface StaffStores {
  accounts: AccountStore;
  throttles: ThrottleStore;
  /** A provider's edits of its own listing. */
  providerListings: ProviderListingStore;
  /** A coordinator's import of an organisation's whole listing (the import command's port). */
  listingWriter: ListingWriter;
  /** The regions, to place an edited location in one (as the import does), and a region's questionnaire for a shared report. */
  regions: Pick<RegionReader, 'listRegions' | 'getRegion' | 'getQuestionnaire' | 'getSupportOrganizations'>;
  /** What a region's coordinator changes: the support list and the questionnaire's versions. */
  regionCoordination: RegionCoordinationStore;
  invitations: InvitationStore;
  /** The demand counters, read for a coordinator's dashboard and a provider's unknown fields. */
  demandStatistics: DemandStatisticsReader;
  /** A region's housing forms as the matcher sees them: the supply the demand is set against. */
  listings: Pick<ListingReader, 'loadRegion' | 'loadRegionListings' | 'getLocation'>;
  /** The client supporters' dossiers, in their own table. */
  dossiers: DossierStore;
  /** The citizens' hand-over codes, redeemed into dossiers. */
  handoverCodes: HandoverCodeStore;
  /** A client's export and deletion of their dossier. */
  dossierRights: DossierRightsStore;
  /** The support organisations, the scope of the supporters' memberships. */
  supportOrganizations: Pick<SupportOrganizationStore, 'getSupportOrganization' | 'listSupportOrganizations' | 'createSupportOrganization'>;
  /** A coordinator's reminders to an organisation (the daily run's are its own). */
  reminders: OrganizationReminderStore;
}

/** What the staff apps need: the stores with write rights, mail, the clock and the server secret. */
export interface StaffDeps extends StaffStores {
  /** The site's origin, for links in mails (config.ts `siteUrl`). */
  siteUrl: string;
  mailer: Mailer;
  /** The photo files: the bucket in AWS, a git-ignored folder locally. */
  photos: PhotoStorage;
  clock: Clock;
  secret: Buffer;
  /** The caller's network address for throttling (the Lambda event's or the socket's); undefined when unknown. */
  clientAddress: (c: Context) => string | undefined;
  /** The least time a code request takes (sign-in.ts CODE_ANSWER_FLOOR_MS unless given). */
  codeAnswerFloorMs?: number;
}

/**
 * A staff app's context: its dependencies (`Deps`, with write ports) and the caller's identity.
 * The identity is absent until a session proves one, so a route reads it only through the checks below.
 */
export interface StaffEnv<Deps = StaffDeps> extends ApiAppEnv<Deps> {
  /** `allowedOrigins`: the origins the staff pages are served from (request-guard.ts), set before any route. */
  Variables: ApiAppEnv<Deps>['Variables'] & { identity?: Identity; allowedOrigins: readonly string[] };
}

/**
 * The membership a route needs, each role with its own scope field. `provider` is either provider
 * role of the organisation (admin or editor); `provider-admin` only its admin. Likewise `supporter`
 * is either role of the support organisation, `supporter-admin` only its admin.
 */
export type RequiredMembership =
  | { role: 'provider' | 'provider-admin'; organizationId: string }
  | { role: 'supporter' | 'supporter-admin'; supportOrganizationId: string }
  | { role: 'coordinator'; regionId: string };

/** The caller's identity; a 401 when nobody signed in. */
export function requireSignedIn(identity: Identity | undefined): Identity {
  if (!identity) throw AccessDeniedError.notSignedIn();
  return identity;
}

function grants(membership: Membership, need: RequiredMembership): boolean {
  switch (need.role) {
    case 'provider':
      return (membership.role === 'provider-admin' || membership.role === 'provider-editor') && membership.organizationId === need.organizationId;
    case 'provider-admin':
      return membership.role === 'provider-admin' && membership.organizationId === need.organizationId;
    case 'supporter':
      return (membership.role === 'supporter' || membership.role === 'supporter-admin') && membership.supportOrganizationId === need.supportOrganizationId;
    case 'supporter-admin':
      return membership.role === 'supporter-admin' && membership.supportOrganizationId === need.supportOrganizationId;
    case 'coordinator':
      return membership.role === 'coordinator' && membership.regionId === need.regionId;
  }
}

function describe(need: RequiredMembership): string {
  switch (need.role) {
    case 'provider':
    case 'provider-admin':
      return `${need.role === 'provider' ? 'provider' : 'provider admin'} of organisation "${need.organizationId}"`;
    case 'supporter':
    case 'supporter-admin':
      return `${need.role === 'supporter' ? 'supporter' : 'supporter admin'} of "${need.supportOrganizationId}"`;
    case 'coordinator':
      return `coordinator of region "${need.regionId}"`;
  }
}

/**
 * The caller's identity and the membership that lets them do this: a 401 when nobody signed in, a
 * 403 without such a membership. Every staff route that acts for an organisation or region starts
 * with it: `requireMembership(c.var.identity, { role: 'provider', organizationId })`.
 */
export function requireMembership(identity: Identity | undefined, need: RequiredMembership): { identity: Identity; membership: Membership } {
  const me = requireSignedIn(identity);
  const membership = me.memberships.find((m) => grants(m, need));
  if (!membership) throw AccessDeniedError.notFor(describe(need));
  return { identity: me, membership };
}
