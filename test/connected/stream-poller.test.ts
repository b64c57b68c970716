// The stream poller over DynamoDB Local: an import after the engine loaded shows up in the match
// answer within a few seconds, and a re-import without a housing form takes it out again, as
// `npm run import` does while `npm start` runs; a provider's edit shows up the same way.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { importListing } from '../../functions/listings/import-listing.ts';
import { openStreamPoller, type StreamPoller } from '../../functions/local/stream-poller.ts';
import type { EmbeddedSearchEngine } from '../../functions/search/embedded/embedded-search-engine.ts';
import { loadEmbeddedEngine } from '../../functions/search/embedded/load-embedded-engine.ts';
import type { Stores } from '../../functions/store/create-store.ts';
import { MatchRequestSchema, SearchQuerySchema } from '../../shared/domain/index.ts';
import { housingForm, listingDocument, location } from '../fixtures/listing.ts';
import { AS_OF } from '../fixtures/candidates.ts';
import { testRegions } from '../fixtures/regions.ts';
import { createTestStore } from '../support/test-store.ts';

const clock = fixedClock('2026-11-20T12:00:00Z');
let stores: Stores;
let engine: EmbeddedSearchEngine;
let poller: StreamPoller;

const newcomer = () =>
  listingDocument({
    organization: { id: 'zorggroep-nieuw', name: 'Zorggroep Nieuw', regionIds: ['zuid-limburg'] },
    locations: [
      location({
        id: 'huize-nieuwkomer',
        name: 'Huize Nieuwkomer',
        housingForms: [
          housingForm({ id: 'groep-a', name: 'Groep Akelei' }),
          housingForm({ id: 'groep-b', name: 'Groep Boterbloem' }),
        ],
      }),
    ],
  });

async function importOk(document: unknown) {
  const outcome = await importListing(document, { ...stores, clock });
  expect(outcome.ok).toBe(true);
}

const names = async () => {
  const answer = await engine.match(MatchRequestSchema.parse({ regionId: 'zuid-limburg', limit: 200 }), AS_OF);
  return answer.results.map((r) => r.name).sort();
};

beforeAll(async () => {
  const created = await createTestStore();
  stores = created.stores;
  for (const region of testRegions) await stores.regions.putRegion(region);
  await importOk(listingDocument());
  // As scripts/start.ts does: the stream position first, then the load, then polling.
  poller = await openStreamPoller({ endpoint: inject('dynamodbEndpoint'), tableName: created.tableName, intervalMs: 100 });
  engine = await loadEmbeddedEngine(stores);
  poller.start(engine);
});

afterAll(async () => {
  await poller?.stop();
});

describe('the stream poller keeps the embedded engine current', () => {
  it('starts from what the table held', async () => {
    expect(await names()).toEqual(['Kleinschalig wonen De Linde']);
    expect(engine.sizes()).toEqual({ 'zuid-limburg': 1, rotterdam: 0 });
  });

  it('shows an import made after the load', async () => {
    await importOk(newcomer());
    await vi.waitFor(async () => expect(await names()).toEqual(['Groep Akelei', 'Groep Boterbloem', 'Kleinschalig wonen De Linde']), {
      timeout: 10_000,
      interval: 100,
    });
    const found = await engine.search(SearchQuerySchema.parse({ regionId: 'zuid-limburg', q: 'nieuwkomer' }));
    expect(found.total).toBe(2);
  });

  it('takes out a housing form that a re-import left out, and applies a change in place', async () => {
    const document = newcomer();
    const place = document.locations[0];
    if (!place) throw new Error('fixture without a location');
    place.housingForms = [housingForm({ id: 'groep-b', name: 'Groep Boterbloem', groupSize: 12 })];
    await importOk(document);
    await vi.waitFor(async () => expect(await names()).toEqual(['Groep Boterbloem', 'Kleinschalig wonen De Linde']), {
      timeout: 10_000,
      interval: 100,
    });
    // Group size 7 became 12: no longer small-scale.
    const small = await engine.search(SearchQuerySchema.parse({ regionId: 'zuid-limburg', q: 'boterbloem', smallScale: 'true' }));
    expect(small.total).toBe(0);
    expect((await engine.search(SearchQuerySchema.parse({ regionId: 'zuid-limburg', q: 'boterbloem' }))).total).toBe(1);
    expect(engine.sizes()['zuid-limburg']).toBe(2);
  });

  it('applies a provider\'s waiting-list update at once, and indexes nothing of its audit record', async () => {
    const ctx = { by: { accountId: 'account-1', name: 'Eva Editor' }, now: clock.now() };
    const ref = { locationId: 'huize-nieuwkomer', housingFormId: 'groep-b' };
    const form = await stores.providerListings.readHousingForm('zorggroep-nieuw', ref);
    await stores.providerListings.updateWaitingList('zorggroep-nieuw', ref, { status: 'available', placesAvailable: 1 }, form?.version ?? -1, ctx);
    const waitingList = async () => {
      const answer = await engine.match(MatchRequestSchema.parse({ regionId: 'zuid-limburg', limit: 200 }), AS_OF);
      return answer.results.find((r) => r.name === 'Groep Boterbloem')?.waitingList;
    };
    expect(await waitingList()).toMatchObject({ status: 'short' });
    await vi.waitFor(async () => expect(await waitingList()).toEqual({ status: 'available', placesAvailable: 1, updatedAt: clock.now().toISOString() }), {
      timeout: 10_000,
      interval: 100,
    });
    expect(engine.sizes()['zuid-limburg']).toBe(2);
  });

  it('stops cleanly: changes after stop are not applied', async () => {
    await poller.stop();
    await importOk(listingDocument({ organization: { id: 'laatkomer', name: 'Laatkomer', regionIds: ['zuid-limburg'] }, locations: [location({ id: 'laat', name: 'Laat' })] }));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(engine.sizes()['zuid-limburg']).toBe(2);
  });
});
