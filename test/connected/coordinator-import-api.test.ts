// A region's coordinator imports an organisation's listing through the staff API over DynamoDB
// Local, as they meet it: the document replaces the listing (what it leaves out is removed), the
// editors and the public pages see the change at once, and sending it again changes nothing. And
// as an attacker meets it: nobody signed in, a provider's own staff, a coordinator of another
// region, a page of another site, a bad or oversized document and an id of another organisation
// are each refused, and every listing and audit item stays exactly as it was.
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/api/app-factory.ts';
import type { ListingDocumentInput } from '../../shared/domain/index.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import {
  createProviderTestApp, HF, HF2, LOC, ORG, OTHER_LOC, OTHER_ORG, testListing, type ProviderTestApp,
} from '../support/test-provider-app.ts';
import { movableClock } from '../support/test-staff-app.ts';

const importPath = (regionId: string, organizationId = ORG) => `/api/coordinator/regions/${regionId}/listings/${organizationId}`;

/** The test organisation's listing with De Linde's first waiting list now open and Het Anker gone. */
const changedListing = (): ListingDocumentInput => {
  const [linde] = testListing().locations;
  const forms = linde?.housingForms ?? [];
  return listingDocument({
    locations: [location({ ...linde, housingForms: forms.map((f) => (f.id === HF ? { ...f, waitingList: { status: 'available', placesAvailable: 2, updatedAt: '2026-11-19' } } : f)) })],
  });
};

const rotterdamListing = (): ListingDocumentInput => listingDocument({
  organization: { id: 'maaszorg', name: 'Maaszorg', regionIds: ['rotterdam'] },
  locations: [location({
    id: 'maaskade', name: 'Maaskade',
    address: { street: 'Boompjes', houseNumber: '1', postcode: '3011 XB', city: 'Rotterdam' },
    housingForms: [housingForm({ id: 'groepswonen', name: 'Groepswonen', sectors: ['VG'], careProfiles: ['4VG'], targetGroups: ['intellectual-disability'] })],
  })],
});

interface Answer {
  organizationId?: string;
  summary?: unknown;
  error?: { code: string; fields?: Array<{ path: string; message: string }> };
}

describe('a coordinator imports a listing of their region', () => {
  let t: ProviderTestApp;
  beforeAll(async () => {
    t = await createProviderTestApp({ clock: movableClock('2026-11-20T12:00:00Z') });
  }, 30_000);

  it('replaces the listing: the editors and the public pages see the change at once; the same document again changes nothing', async () => {
    const res = await t.send('PUT', importPath('zuid-limburg'), changedListing(), t.people.coordinator);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      organizationId: ORG,
      summary: {
        organization: 'updated',
        // De Linde's item carries what its housing forms offer, so it changes with the waiting list.
        locations: { created: 0, updated: 1, unchanged: 0, removed: 1 },
        housingForms: { created: 0, updated: 1, unchanged: 1, removed: 1 },
      },
    });

    const listing = (await (await t.send('GET', `/api/provider/organizations/${ORG}`, undefined, t.people.editor)).json()) as {
      locations: Array<{ location: { id: string }; housingForms: Array<{ housingForm: { id: string; waitingList: unknown } }> }>;
    };
    expect(listing.locations.map((l) => l.location.id)).toEqual([LOC]);
    expect(listing.locations[0]?.housingForms.find((f) => f.housingForm.id === HF)?.housingForm.waitingList)
      .toEqual({ status: 'available', placesAvailable: 2, updatedAt: '2026-11-19' });
    expect((await t.stores.listings.getLocation(LOC))?.housingForms.map((f) => [f.id, f.waitingList.status]).sort())
      .toEqual([[HF, 'available'], [HF2, 'available']]);
    expect(await t.stores.listings.getLocation('het-anker')).toBeUndefined();

    const before = await t.storedListing();
    const again = await t.send('PUT', importPath('zuid-limburg'), changedListing(), t.people.coordinator);
    expect(again.status).toBe(200);
    expect(((await again.json()) as Answer).summary).toEqual({
      organization: 'unchanged',
      locations: { created: 0, updated: 0, unchanged: 1, removed: 0 },
      housingForms: { created: 0, updated: 0, unchanged: 2, removed: 0 },
    });
    expect(await t.storedListing()).toEqual(before);
  });

  it('brings a new organisation of the region onto Woonwijzer', async () => {
    const rotterdam = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Ruud Rotterdam');
    const res = await t.send('PUT', importPath('rotterdam', 'maaszorg'), rotterdamListing(), rotterdam);
    expect(res.status).toBe(200);
    expect(((await res.json()) as Answer).summary).toMatchObject({ organization: 'created', locations: { created: 1 }, housingForms: { created: 1 } });
    expect((await t.stores.listings.listLocations('rotterdam')).map((l) => l.id)).toEqual(['maaskade']);
  });
});

describe('refused, with every listing and audit item unchanged', () => {
  let t: ProviderTestApp;
  let rotterdam: string;
  beforeAll(async () => {
    t = await createProviderTestApp({ clock: movableClock('2026-11-20T12:00:00Z') });
    rotterdam = await t.signIn('coordinator@rotterdam.example', [{ role: 'coordinator', regionId: 'rotterdam' }], 'Ruud Rotterdam');
    // An organisation active in Rotterdam only, brought in by its own coordinator.
    expect((await t.send('PUT', importPath('rotterdam', 'maaszorg'), rotterdamListing(), rotterdam)).status).toBe(200);
  }, 30_000);

  async function refused(status: number, request: () => Response | Promise<Response>, code?: string): Promise<Answer> {
    const before = await t.storedListing();
    const res = await request();
    expect(res.status).toBe(status);
    const body = (await res.json()) as Answer;
    if (code) expect(body.error?.code).toBe(code);
    expect(await t.storedListing()).toEqual(before);
    return body;
  }
  const paths = (answer: Answer) => [...new Set(answer.error?.fields?.map((f) => f.path))].sort();

  it('nobody signed in: 401', async () => {
    await refused(401, () => t.send('PUT', importPath('zuid-limburg'), changedListing()), 'unauthorized');
  });

  it('the organisation\'s own editor and admin, and another organisation\'s editor: 403', async () => {
    for (const cookie of [t.people.editor, t.people.admin, t.people.otherEditor]) {
      await refused(403, () => t.send('PUT', importPath('zuid-limburg'), changedListing(), cookie), 'forbidden');
    }
  });

  it('a coordinator of another region: 403, through either region\'s address and whatever the document lists', async () => {
    await refused(403, () => t.send('PUT', importPath('zuid-limburg'), changedListing(), rotterdam), 'forbidden');
    // Through their own region's address: the document does not list Rotterdam.
    await refused(403, () => t.send('PUT', importPath('rotterdam'), changedListing(), rotterdam), 'forbidden');
    // Listing Rotterdam too does not help: the stored organisation is active in Zuid-Limburg only.
    const claimed = changedListing();
    claimed.organization.regionIds = ['zuid-limburg', 'rotterdam'];
    await refused(403, () => t.send('PUT', importPath('rotterdam'), claimed, rotterdam), 'forbidden');
    // And the other way round: Zuid-Limburg's coordinator cannot take over Rotterdam's organisation.
    const takeover = rotterdamListing();
    takeover.organization.regionIds = ['rotterdam', 'zuid-limburg'];
    await refused(403, () => t.send('PUT', importPath('zuid-limburg', 'maaszorg'), takeover, t.people.coordinator), 'forbidden');
  });

  it('an organisation that is, or would become, active in another region too: 403, nothing of the other region touched', async () => {
    // Listing Rotterdam beside Zuid-Limburg would make Zuid-Limburg's coordinator place it in a region not theirs.
    const spread = changedListing();
    spread.organization.regionIds = ['zuid-limburg', 'rotterdam'];
    await refused(403, () => t.send('PUT', importPath('zuid-limburg'), spread, t.people.coordinator), 'forbidden');
  });

  it('a page of another site, or a body not sent as JSON', async () => {
    const evil = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' };
    await refused(403, () => t.send('PUT', importPath('zuid-limburg'), changedListing(), t.people.coordinator, evil), 'cross_site_request');
    await refused(403, () => t.send('PUT', importPath('zuid-limburg'), changedListing(), t.people.coordinator, { origin: 'https://evil.example' }), 'cross_site_request');
    await refused(415, () => t.send('PUT', importPath('zuid-limburg'), JSON.stringify(changedListing()), t.people.coordinator, { 'content-type': 'text/plain' }));
  });

  it('a bad document: 400 naming each problem by its path in the document', async () => {
    const bad = changedListing();
    const [linde] = bad.locations;
    bad.locations = [{ ...linde!, housingForms: [housingForm({ waitingList: { status: 'short', weeks: -2, updatedAt: '2026-11-10' } })] }];
    bad.organization = { ...bad.organization, name: '' };
    const answer = await refused(400, () => t.send('PUT', importPath('zuid-limburg'), bad, t.people.coordinator), 'validation_error');
    expect(paths(answer)).toEqual(['locations.0.housingForms.0.waitingList.weeks', 'organization.name']);
  });

  it('a document the import cannot place: 400 at the postcode, and at the waiting list dated in the future', async () => {
    const unplaceable = changedListing();
    unplaceable.locations = [location({
      // A well-formed postcode of an area that does not exist: no point on the map.
      address: { street: 'Damrak', houseNumber: '1', postcode: '1000 AA', city: 'Amsterdam' },
      housingForms: [housingForm({ waitingList: { status: 'available', updatedAt: '2027-01-01' } })],
    })];
    const answer = await refused(400, () => t.send('PUT', importPath('zuid-limburg'), unplaceable, t.people.coordinator), 'validation_error');
    expect(paths(answer)).toEqual(['locations.0.address.postcode', 'locations.0.housingForms.0.waitingList.updatedAt']);
  });

  it('a document of another organisation than the address names: 400 at organization.id', async () => {
    const answer = await refused(400, () => t.send('PUT', importPath('zuid-limburg', OTHER_ORG), changedListing(), t.people.coordinator), 'validation_error');
    expect(paths(answer)).toEqual(['organization.id']);
  });

  it('a location id another organisation holds: 409 at its path', async () => {
    const doc = changedListing();
    doc.locations = [...doc.locations, location({ id: OTHER_LOC, name: 'De Bron' })];
    const answer = await refused(409, () => t.send('PUT', importPath('zuid-limburg'), doc, t.people.coordinator), 'id_conflict');
    expect(answer.error?.fields).toEqual([{ path: 'locations.1.id', message: expect.stringContaining(`"${OTHER_ORG}"`) as string }]);
  });

  it(`a document over ${MAX_BODY_BYTES / 1024} KB: 413, as the route's description says`, async () => {
    const doc = changedListing();
    const [linde] = doc.locations;
    doc.locations = Array.from({ length: 200 }, (_, i) => ({ ...linde!, id: `locatie-${i}`, description: 'Een ruime woning met tuin. '.repeat(40) }));
    expect(JSON.stringify(doc).length).toBeGreaterThan(MAX_BODY_BYTES);
    await refused(413, () => t.send('PUT', importPath('zuid-limburg'), doc, t.people.coordinator), 'payload_too_large');
  });
});
