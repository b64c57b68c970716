// The staff API as the portal calls it (same origin): sign-in under /api/auth and the provider
// routes under /api/provider (the contract in docs and functions/api/staff). Every call goes through
// apiFetch, so failures come back as the same few kinds; unsafe calls send JSON, which with the
// browser's own Origin header is what the API's CSRF guard asks for.
import type { HousingForm, Organization, WaitingList } from '../../../../shared/domain/listing.ts';
import type { Photo } from '../../../../shared/domain/photos.ts';
import type { StoredLocation } from '../../../../shared/domain/views.ts';
import { apiFetch, type ApiOutcome } from '../lib/api-fetch.ts';

// Types only (erased in the bundle): no zod, CSV reader or server code reaches the browser.
import type { InvitationView } from '../../../../functions/accounts/invitations.ts';
import type { CsvProblem } from '../../../../functions/listings/housing-form-csv.ts';
import type { Attention } from '../../../../shared/domain/provider-attention.ts';
import type { ReportContent } from '../../../../shared/report/report-content.ts';

export type { Attention };

export type ProviderRole = 'provider-admin' | 'provider-editor';
export interface Me {
  account: { id: string; email: string; name: string };
  memberships: Array<{ role: string; organizationId?: string; regionId?: string }>;
}
export interface OrganizationChoice { id: string; name: string; role: ProviderRole }
export interface HousingFormEntry { housingForm: HousingForm; version: number; attention: Attention[] }
export interface LocationEntry { location: StoredLocation; version: number; attention: Attention[]; housingForms: HousingFormEntry[] }
export interface OrganizationListing { organization: Organization; version: number; locations: LocationEntry[] }
/** A location as the API takes it back: its own fields only. */
export type EditableLocation = Omit<StoredLocation, 'regionId' | 'organizationId' | 'point'>;
export interface Change {
  changeId: string;
  at: string;
  by: { accountId: string; name: string };
  action: 'created' | 'updated' | 'waiting-list' | 'confirmed' | 'removed' | 'photos';
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}
export interface Confirmation { locationId: string; housingFormId: string; version: number }
/** Where to send a new photo's bytes (a signed S3 address in AWS, this API's upload route locally), and how. */
export interface PhotoUpload { uploadId: string; upload: { method: 'PUT'; url: string; headers: Record<string, string> }; expiresAt: string }
type SavedLocation = { location: StoredLocation; version: number };

/** A cell or row of an uploaded CSV that cannot be used (the reader's own type); the message is English. */
export type { CsvProblem };
export interface CsvChange {
  line: number;
  locationId: string;
  housingFormId: string;
  kind: 'unchanged' | 'updated' | 'created';
  fields?: Array<{ field: string; before?: unknown; after?: unknown }>;
}
export interface CsvCounts { unchanged: number; updated: number; created: number }
export type CsvPlan = { ok: true; changes: CsvChange[]; counts: CsvCounts } | { ok: false; problems: CsvProblem[] };

export interface Member { accountId: string; name: string; email: string; roles: ProviderRole[] }
/** An open invitation as the API lists it (the server's own type). */
export type Invitation = InvitationView;
export interface AcceptedInvitation { email: string; organizationId: string; organizationName: string; role: ProviderRole | 'supporter-admin'; accountCreated: boolean }

/** A provider's structured answer to a shared report (functions/api/staff/share-schemas.ts). */
export type ShareResponse = { kind: 'meet' } | { kind: 'place-from'; date: string } | { kind: 'no-fit'; reason: string };
export interface InboxEntry { id: string; reference: string; regionId: string; sharedAt: string; openedAt?: string; answered?: ShareResponse['kind'] }
export interface InboxShare extends InboxEntry {
  sharedBy: { name: string };
  report: ReportContent;
  answers: Array<{ at: string; by: { accountId: string; name: string }; response: ShareResponse }>;
  version: number;
}

/** One call of the staff API; the portal's modules with calls of their own (passkeys.ts) use it too. */
export function call<T>(method: string, path: string, body?: unknown): Promise<ApiOutcome<T>> {
  const unsafe = method !== 'GET';
  return apiFetch<never>((options) => fetch(path, {
    ...options.init,
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json', ...(unsafe ? { 'content-type': 'application/json' } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  }) as Promise<never>);
}

const org = (organizationId: string) => `/api/provider/organizations/${encodeURIComponent(organizationId)}`;
const loc = (organizationId: string, locationId: string) => `${org(organizationId)}/locations/${encodeURIComponent(locationId)}`;
const form = (organizationId: string, locationId: string, housingFormId: string) =>
  `${loc(organizationId, locationId)}/housing-forms/${encodeURIComponent(housingFormId)}`;

export const staffApi = {
  me: () => call<Me>('GET', '/api/auth/me'),
  requestCode: (email: string) => call<{ message: string }>('POST', '/api/auth/code', { email }),
  signIn: (email: string, code: string) => call<Me>('POST', '/api/auth/sign-in', { email, code }),
  signOut: () => call<{ endedSessions: number }>('POST', '/api/auth/sign-out'),
  signOutEverywhere: () => call<{ endedSessions: number }>('POST', '/api/auth/sign-out-everywhere'),

  organizations: () => call<{ organizations: OrganizationChoice[] }>('GET', '/api/provider/organizations'),
  listing: (organizationId: string) => call<OrganizationListing>('GET', org(organizationId)),
  saveHousingForm: (o: string, l: string, version: number, housingForm: HousingForm) =>
    call<{ housingForm: HousingForm; version: number }>('PUT', form(o, l, housingForm.id), { version, housingForm }),
  createHousingForm: (o: string, l: string, housingForm: HousingForm) =>
    call<{ housingForm: HousingForm; version: number }>('POST', `${loc(o, l)}/housing-forms`, { housingForm }),
  removeHousingForm: (o: string, l: string, housingFormId: string, version: number) =>
    call<{ removed: true }>('DELETE', form(o, l, housingFormId), { version }),
  updateWaitingList: (o: string, l: string, housingFormId: string, version: number, waitingList: Omit<WaitingList, 'updatedAt'>) =>
    call<{ housingForm: HousingForm; version: number }>('PATCH', `${form(o, l, housingFormId)}/waiting-list`, { version, waitingList }),
  confirmWaitingLists: (o: string, housingForms: Confirmation[]) =>
    call<{ confirmed: Array<Confirmation & { updatedAt: string }> }>('POST', `${org(o)}/waiting-lists/confirm`, { housingForms }),
  saveLocation: (o: string, version: number, location: EditableLocation) =>
    call<{ location: StoredLocation; version: number }>('PUT', loc(o, location.id), { version, location }),
  /** Step 1 of adding a photo; the bytes then go with sendPhoto (./photo-upload.ts), step 2 is addPhoto. */
  photoUpload: (o: string, l: string, bytes: number) => call<PhotoUpload>('POST', `${loc(o, l)}/photos/uploads`, { bytes }),
  addPhoto: (o: string, l: string, version: number, uploadId: string, alt: string) =>
    call<SavedLocation & { photo: Photo }>('POST', `${loc(o, l)}/photos`, { version, uploadId, alt }),
  /** Every photo of the location, in the order to show them, each with its alt text. */
  arrangePhotos: (o: string, l: string, version: number, photos: Array<{ id: string; alt: string }>) =>
    call<SavedLocation>('PUT', `${loc(o, l)}/photos`, { version, photos }),
  removePhoto: (o: string, l: string, photoId: string, version: number) =>
    call<SavedLocation>('DELETE', `${loc(o, l)}/photos/${encodeURIComponent(photoId)}`, { version }),
  history: (o: string, l: string, housingFormId: string) => call<{ changes: Change[] }>('GET', `${form(o, l, housingFormId)}/history`),

  /** The export's address: a plain link downloads it with the session cookie. */
  csvUrl: (o: string) => `${org(o)}/housing-forms/csv`,
  planCsv: (o: string, csv: string) => call<CsvPlan>('POST', `${org(o)}/housing-forms/csv/plan`, { csv }),
  applyCsv: (o: string, csv: string) => call<{ counts: CsvCounts }>('POST', `${org(o)}/housing-forms/csv/apply`, { csv }),

  members: (o: string) => call<{ members: Member[] }>('GET', `${org(o)}/members`),
  invitations: (o: string) => call<{ invitations: Invitation[] }>('GET', `${org(o)}/invitations`),
  invite: (o: string, invitation: { email: string; name: string; role: ProviderRole }) => call<Invitation>('POST', `${org(o)}/invitations`, invitation),
  withdrawInvitation: (o: string, invitationId: string) =>
    call<{ withdrawn: true }>('DELETE', `${org(o)}/invitations/${encodeURIComponent(invitationId)}`),
  inbox: (o: string) => call<{ shares: InboxEntry[] }>('GET', `${org(o)}/inbox`),
  /** Reading a report records it as opened (the supporter sees when). */
  sharedReport: (o: string, shareId: string) => call<InboxShare>('GET', `${org(o)}/inbox/${encodeURIComponent(shareId)}`),
  answerShare: (o: string, shareId: string, version: number, response: ShareResponse) =>
    call<InboxShare>('POST', `${org(o)}/inbox/${encodeURIComponent(shareId)}/answer`, { version, response }),
  acceptInvitation: (token: string) => call<AcceptedInvitation>('POST', '/api/auth/invitations/accept', { token }),
};
