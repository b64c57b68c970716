import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import { DynamoDbTable } from '../../functions/store/dynamodb/dynamodb-table.ts';
import { entities } from '../../functions/store/dynamodb/keys.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { testRegions } from '../fixtures/regions.ts';
import { createTestStore } from '../support/test-store.ts';

const clock = fixedClock('2026-11-20T12:00:00Z');
let stores: Stores;
let table: DynamoDbTable;

beforeEach(async () => {
  const created = await createTestStore();
  stores = created.stores;
  table = new DynamoDbTable(created.client, created.tableName);
  for (const region of testRegions) await stores.regions.putRegion(region);
});

const run = (doc: unknown) => importListing(doc, { ...stores, clock });
const snapshot = async () => ({
  zl: await stores.listings.loadRegion('zuid-limburg'),
  rdam: await stores.listings.loadRegion('rotterdam'),
  org: await stores.listings.getOrganization('zorggroep-test'),
});

describe('importing a listing document', () => {
  it('creates the organisation, its locations and housing forms, placed by postcode', async () => {
    const outcome = await run(listingDocument());
    expect(outcome).toMatchObject({ ok: true, summary: { organization: 'created', locations: { created: 1 }, housingForms: { created: 1 } } });
    const detail = await stores.listings.getLocation('de-linde-maastricht');
    expect(detail?.location.regionId).toBe('zuid-limburg');
    expect(detail?.location.point.lat).toBeCloseTo(50.85, 1);
    expect(detail?.housingForms.map((f) => f.id)).toEqual(['kleinschalig-wonen']);
    expect(detail?.housingForms[0]?.pets).toBeUndefined();
  });

  it("keeps a location's phone, and gives the results the organisation's number where a location has none", async () => {
    const doc = listingDocument({
      organization: { id: 'zorggroep-test', name: 'Zorggroep Test', regionIds: ['zuid-limburg'], phone: '043 000 00 10' },
      locations: [location({ phone: ' 043 000 12 34 ' }), location({ id: 'het-anker', name: 'Het Anker' })],
    });
    expect(await run(doc)).toMatchObject({ ok: true, summary: { locations: { created: 2 } } });
    expect((await stores.listings.getLocation('de-linde-maastricht'))?.location.phone).toBe('043 000 12 34');
    expect((await stores.listings.getLocation('het-anker'))?.location.phone).toBeUndefined();
    const phones = Object.fromEntries((await stores.listings.loadRegion('zuid-limburg')).candidates.map((c) => [c.locationId, c.phone]));
    expect(phones).toEqual({ 'de-linde-maastricht': '043 000 12 34', 'het-anker': '043 000 00 10' });
  });

  it('refuses a phone number that is no phone number, naming the field', async () => {
    const outcome = await run(listingDocument({ locations: [location({ phone: 'bel ons maar' })] }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(400);
    expect(outcome.errors.map((e) => e.path)).toEqual(['locations.0.phone']);
    expect(await stores.listings.getLocation('de-linde-maastricht')).toBeUndefined();
  });

  it('re-importing the same document changes nothing and duplicates nothing', async () => {
    await run(listingDocument());
    const before = await snapshot();
    const again = await run(listingDocument());
    expect(again).toMatchObject({ ok: true, summary: { organization: 'unchanged', locations: { unchanged: 1, created: 0 }, housingForms: { unchanged: 1, created: 0 } } });
    expect(await snapshot()).toEqual(before);
  });

  it('updates in place and removes what the new document no longer holds', async () => {
    await run(listingDocument({ locations: [location({ housingForms: [housingForm(), housingForm({ id: 'logeren', name: 'Logeren', type: 'respite' })] }), location({ id: 'het-anker', name: 'Het Anker' })] }));
    const outcome = await run(
      listingDocument({ locations: [location({ housingForms: [housingForm({ waitingList: { status: 'available', placesAvailable: 1, updatedAt: '2026-11-19' } })] })] }),
    );
    expect(outcome).toMatchObject({
      ok: true,
      summary: { organization: 'updated', locations: { updated: 1, removed: 1 }, housingForms: { updated: 1, removed: 2 } },
    });
    const region = await stores.listings.loadRegion('zuid-limburg');
    expect(region.locations.map((l) => l.id)).toEqual(['de-linde-maastricht']);
    expect(region.candidates.map((c) => c.waitingList.status)).toEqual(['available']);
    expect(await stores.listings.getLocation('het-anker')).toBeUndefined();
  });

  it('refuses a document with an unknown care profile and a missing field whole, and changes nothing', async () => {
    await run(listingDocument());
    const before = await snapshot();
    const bad = listingDocument({
      locations: [
        location({ housingForms: [housingForm({ careProfiles: ['11VV' as never], name: 'Nieuw' })] }),
        { ...location({ id: 'nieuw' }), name: undefined as never },
      ],
    });
    const outcome = await run(bad);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.status).toBe(400);
    expect(outcome.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['locations.0.housingForms.0.careProfiles.0', 'locations.1.name']));
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown region, an unknown postcode area and a future confirmation date, naming each', async () => {
    const outcome = await run(
      listingDocument({
        organization: { id: 'zorggroep-test', name: 'Zorggroep Test', regionIds: ['zuid-limburg', 'atlantis'] },
        locations: [
          location({
            address: { street: 'Kerkstraat', houseNumber: '1', postcode: '1001 AB', city: 'Nergens' },
            housingForms: [housingForm({ waitingList: { status: 'available', updatedAt: '2027-01-01' } })],
          }),
        ],
      }),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['organization.regionIds.1', 'locations.0.address.postcode', 'locations.0.housingForms.0.waitingList.updatedAt']),
    );
    expect(await stores.listings.getOrganization('zorggroep-test')).toBeUndefined();
  });

  it('puts each location of a multi-region organisation in the region of its postcode', async () => {
    const outcome = await run(
      listingDocument({
        organization: { id: 'zorggroep-test', name: 'Zorggroep Test', regionIds: ['zuid-limburg', 'rotterdam'] },
        locations: [
          location(),
          location({ id: 'de-haven', name: 'De Haven', address: { street: 'Coolsingel', houseNumber: '5', postcode: '3011 AD', city: 'Rotterdam' } }),
        ],
      }),
    );
    expect(outcome.ok).toBe(true);
    expect((await stores.listings.listLocations('rotterdam')).map((l) => l.id)).toEqual(['de-haven']);
    expect((await stores.listings.listLocations('zuid-limburg')).map((l) => l.id)).toEqual(['de-linde-maastricht']);
  });

  it('refuses a location id that another organisation already uses', async () => {
    await run(listingDocument());
    const outcome = await run(listingDocument({ organization: { id: 'andere-zorg', name: 'Andere Zorg', regionIds: ['zuid-limburg'] } }));
    expect(outcome).toMatchObject({ ok: false, status: 409, errors: [{ path: 'locations.0.id' }] });
    expect(await stores.listings.getOrganization('andere-zorg')).toBeUndefined();
  });

  it("never overwrites or removes another organisation's housing forms left without their location", async () => {
    const respite = housingForm({ id: 'logeren', name: 'Logeren', type: 'respite' });
    await run(listingDocument({ locations: [location({ housingForms: [housingForm(), respite] })] }));
    // The location item is gone (removed by hand, or a crash mid-import); its housing forms remain.
    await table.doc.send(new DeleteCommand({ TableName: table.name, Key: entities.location.key({ locationId: 'de-linde-maastricht' }) }));
    const forms = () => table.queryAll(entities.housingForm.query('primary', { locationId: 'de-linde-maastricht' }, { onlyThis: true }));
    const before = await forms();

    // Another organisation imports the same location id, with one of those housing form ids changed and the other left out.
    const other = listingDocument({
      organization: { id: 'andere-zorg', name: 'Andere Zorg', regionIds: ['zuid-limburg'] },
      locations: [location({ housingForms: [housingForm({ name: 'Overgenomen' })] })],
    });
    const outcome = await run(other);
    expect(outcome).toMatchObject({ ok: false, status: 409, errors: [{ path: 'locations.0.id', message: expect.stringContaining('"zorggroep-test"') }] });
    expect(await forms()).toEqual(before);
    expect(await stores.listings.getOrganization('andere-zorg')).toBeUndefined();
  });

  it('imports a large provider whose writes exceed one transaction', async () => {
    const locations = Array.from({ length: 30 }, (_, i) =>
      location({ id: `locatie-${i}`, housingForms: Array.from({ length: 4 }, (_, j) => housingForm({ id: `vorm-${j}` })) }),
    );
    const outcome = await run(listingDocument({ locations }));
    expect(outcome).toMatchObject({ ok: true, summary: { locations: { created: 30 }, housingForms: { created: 120 } } });
    expect(await stores.listings.regionCounts('zuid-limburg')).toEqual({ housingFormCount: 120, locationCount: 30 });
  });

  it('gives each item a version that counts its changes, and the location view carries them', async () => {
    const respite = (overrides = {}) => housingForm({ id: 'logeren', name: 'Logeren', type: 'respite', ...overrides });
    const versions = async () => {
      const detail = await stores.listings.getLocation('de-linde-maastricht');
      return {
        organization: detail?.organization.version,
        location: detail?.location.version,
        housingForms: Object.fromEntries(detail?.housingForms.map((f) => [f.id, f.version]) ?? []),
      };
    };
    await run(listingDocument({ locations: [location({ housingForms: [housingForm(), respite()] })] }));
    expect(await versions()).toEqual({ organization: 1, location: 1, housingForms: { 'kleinschalig-wonen': 1, logeren: 1 } });

    // Only the respite stay changes; the organisation's version counts every change to its listing.
    await run(listingDocument({ locations: [location({ housingForms: [housingForm(), respite({ pets: true })] })] }));
    expect(await versions()).toEqual({ organization: 2, location: 1, housingForms: { 'kleinschalig-wonen': 1, logeren: 2 } });
    expect((await stores.listings.getOrganization('zorggroep-test'))?.version).toBe(2);
    const page = await stores.listings.listHousingForms('zuid-limburg', { limit: 10 });
    expect(page.items.map((i) => [i.housingForm.id, i.housingForm.version]).sort()).toEqual([['kleinschalig-wonen', 1], ['logeren', 2]]);

    await run(listingDocument({ locations: [location({ housingForms: [housingForm(), respite({ pets: true })] })] }));
    expect(await versions()).toEqual({ organization: 2, location: 1, housingForms: { 'kleinschalig-wonen': 1, logeren: 2 } });
  });

  it('reads items stored before versions existed as version 0, and updates and removes them', async () => {
    await run(listingDocument({ locations: [location(), location({ id: 'het-anker', name: 'Het Anker' })] }));
    const legacyKeys = [
      entities.location.key({ locationId: 'de-linde-maastricht' }),
      entities.housingForm.key({ locationId: 'de-linde-maastricht', housingFormId: 'kleinschalig-wonen' }),
      entities.location.key({ locationId: 'het-anker' }),
      entities.housingForm.key({ locationId: 'het-anker', housingFormId: 'kleinschalig-wonen' }),
    ];
    for (const Key of legacyKeys) await table.doc.send(new UpdateCommand({ TableName: table.name, Key, UpdateExpression: 'REMOVE version' }));
    const before = await stores.listings.getLocation('de-linde-maastricht');
    expect([before?.location.version, before?.housingForms[0]?.version]).toEqual([0, 0]);

    const outcome = await run(listingDocument({ locations: [location({ name: 'De Linde (vernieuwd)', housingForms: [housingForm({ groupSize: 8 })] })] }));
    expect(outcome).toMatchObject({ ok: true, summary: { locations: { updated: 1, removed: 1 }, housingForms: { updated: 1, removed: 1 } } });
    const after = await stores.listings.getLocation('de-linde-maastricht');
    expect([after?.location.version, after?.housingForms[0]?.version]).toEqual([1, 1]);
    expect(await stores.listings.getLocation('het-anker')).toBeUndefined();
  });

  // Two 120-item imports through DynamoDB Local: seconds alone, far more on a loaded machine.
  it('never leaves a mix of two imports of one organisation running at once', { timeout: 60_000 }, async () => {
    // Large enough that each import spans several transactions.
    const doc = (name: string) =>
      listingDocument({
        locations: Array.from({ length: 30 }, (_, i) =>
          location({ id: `locatie-${i}`, name, housingForms: Array.from({ length: 4 }, (_, j) => housingForm({ id: `vorm-${j}`, name })) }),
        ),
      });
    const outcomes = await Promise.all([run(doc('Eerste')), run(doc('Tweede'))]);
    for (const outcome of outcomes) {
      if (!outcome.ok) expect(outcome).toMatchObject({ status: 409, errors: [{ path: '(document)', message: expect.stringMatching(/changed by someone else during this import/) }] });
    }
    expect(outcomes.some((o) => o.ok)).toBe(true);
    const names = new Set((await stores.listings.loadRegion('zuid-limburg')).candidates.map((c) => c.name));
    expect(names.size).toBe(1);
  });
});
