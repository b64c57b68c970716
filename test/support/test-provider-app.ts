// The staff app over a fresh table holding two organisations' listings, with the people who keep
// them signed in by code as a browser would: an editor and an admin of the test organisation, an
// editor of another organisation and a region's coordinator. `storedListing` reads every listing
// and audit item consistently, `storedState` everything but throttle counters and sessions, to
// tell that a refused request changed nothing.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoDbTable } from '../../functions/store/dynamodb/dynamodb-table.ts';
import { expect } from 'vitest';
import { importListing } from '../../functions/listings/import-listing.ts';
import type { Membership } from '../../functions/store/account-store.ts';
import type { Clock } from '../../shared/clock.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { testRegions } from '../fixtures/regions.ts';
import { codeIn, cookieOf, createStaffTestApp, TEST_ORIGIN } from './test-staff-app.ts';

export const ORG = 'zorggroep-test';
export const OTHER_ORG = 'andere-zorg';
export const LOC = 'de-linde-maastricht';
export const HF = 'kleinschalig-wonen';
export const HF2 = 'logeren';
export const OTHER_LOC = 'de-bron';

export const testListing = () =>
  listingDocument({
    locations: [
      location({
        housingForms: [housingForm(), housingForm({ id: HF2, name: 'Logeren', type: 'respite', waitingList: { status: 'available', updatedAt: '2026-10-01' } })],
      }),
      location({ id: 'het-anker', name: 'Het Anker', address: { street: 'Markt', houseNumber: '1', postcode: '6211 CK', city: 'Maastricht' } }),
    ],
  });

export const otherListing = () =>
  listingDocument({
    organization: { id: OTHER_ORG, name: 'Andere Zorg', regionIds: ['zuid-limburg'] },
    locations: [location({ id: OTHER_LOC, name: 'De Bron', housingForms: [housingForm({ id: 'wonen', name: 'Wonen' })] })],
  });

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export async function createProviderTestApp(options: { clock: Clock }) {
  const t = await createStaffTestApp({ clock: options.clock });
  for (const region of testRegions) await t.stores.regions.putRegion(region);
  for (const doc of [testListing(), otherListing()]) {
    const outcome = await importListing(doc, { ...t.stores, clock: options.clock });
    expect(outcome.ok).toBe(true);
  }
  // A document client of its own would replace the shared client's marshalling options (from()
  // writes them into the client's config): the table's keeps them as the stores need them.
  const { doc } = new DynamoDbTable(t.client, t.tableName);

  /** Makes the account and signs it in with the code from its mail; the session cookie. */
  const signIn = async (email: string, memberships: Membership[], name: string) => {
    await t.createAccount(email, memberships, name);
    expect((await t.post('/api/auth/code', { email })).status).toBe(202);
    const mail = (await t.mails()).filter((m) => m.includes(`To: ${email}`)).at(-1) as string;
    const res = await t.post('/api/auth/sign-in', { email, code: codeIn(mail) });
    expect(res.status).toBe(200);
    return cookieOf(res);
  };

  const people = {
    editor: await signIn(`redactie@${ORG}.example`, [{ role: 'provider-editor', organizationId: ORG }], 'Eva Editor'),
    admin: await signIn(`beheer@${ORG}.example`, [{ role: 'provider-admin', organizationId: ORG }], 'Bram Beheer'),
    otherEditor: await signIn(`redactie@${OTHER_ORG}.example`, [{ role: 'provider-editor', organizationId: OTHER_ORG }], 'Olga Ander'),
    coordinator: await signIn('coordinator@zuid-limburg.example', [{ role: 'coordinator', regionId: 'zuid-limburg' }], 'Carla Coördinator'),
  };

  /** A request as the site's pages send it (same origin, JSON), unless `headers` says otherwise. */
  const send = (method: Method, path: string, body?: unknown, cookie?: string, headers: Record<string, string> = {}) =>
    t.app.request(`${TEST_ORIGIN}${path}`, {
      method,
      headers: {
        ...(method === 'GET' ? {} : { origin: TEST_ORIGIN, 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' }),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });

  /** Every item of the table, read consistently and in key order. */
  const storedItems = async () => {
    const items: Array<Record<string, unknown>> = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new ScanCommand({ TableName: t.tableName, ConsistentRead: true, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items.sort((a, b) => `${String(a.pk)} ${String(a.sk)}`.localeCompare(`${String(b.pk)} ${String(b.sk)}`));
  };

  /** Every listing and audit item, read consistently and in key order. */
  const storedListing = async () => (await storedItems()).filter((i) => /^(ORG|LOC|HISTORY)#/.test(String(i.pk)));

  /**
   * Everything a refused request could change: every item but the throttle counters (a refused
   * request may rightly count) and the sessions (each request moves its own session's idle time).
   */
  const storedState = async () => (await storedItems()).filter((i) => i.type !== 'throttle' && i.type !== 'session');

  /** The stored housing-form item (with its candidate). */
  const storedForm = async (locationId: string, housingFormId: string) =>
    (await storedListing()).find((i) => i.pk === `LOC#${locationId}` && i.sk === `HF#${housingFormId}`);

  return { ...t, people, signIn, send, storedListing, storedState, storedForm };
}

export type ProviderTestApp = Awaited<ReturnType<typeof createProviderTestApp>>;

export const base = `/api/provider/organizations/${ORG}`;
export const formPath = (loc = LOC, hf = HF, org = ORG) => `/api/provider/organizations/${org}/locations/${loc}/housing-forms/${hf}`;
