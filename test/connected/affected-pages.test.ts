// Which pages a change touches, read from the records DynamoDB Local's stream really gives for
// each kind of change (an editor's saves through the provider API, an import, a sign-in, a
// region's settings): the pure reading in functions/site/affected-pages.ts, fed what the local
// stream poller hears, as a builder in AWS would be fed the same records by Lambda.
import type { _Record } from '@aws-sdk/client-dynamodb-streams';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { importListing } from '../../functions/listings/import-listing.ts';
import { openStreamPoller, type StreamPoller } from '../../functions/local/stream-poller.ts';
import { affectedPages, isEmptyChange, type SiteChange } from '../../functions/site/affected-pages.ts';
import { changedPages } from '../../functions/site/page-files.ts';
import { housingForm, location } from '../fixtures/listing.ts';
import { testRegions } from '../fixtures/regions.ts';
import { movableClock } from '../support/test-staff-app.ts';
import { base, createProviderTestApp, formPath, HF, LOC, ORG, testListing, type ProviderTestApp } from '../support/test-provider-app.ts';

const REGION = 'zuid-limburg';
const clock = movableClock('2026-11-20T12:00:00Z');
let t: ProviderTestApp;
let poller: StreamPoller;
const heard: _Record[] = [];

beforeAll(async () => {
  t = await createProviderTestApp({ clock });
  poller = await openStreamPoller({ endpoint: inject('dynamodbEndpoint'), tableName: t.tableName, intervalMs: 100 });
  // No search engine here: only the records are wanted.
  poller.start({ upsert: async () => {}, remove: async () => {} }, (records) => heard.push(...records));
});

afterAll(async () => {
  await poller?.stop();
});

/** The stream's records of what `action` wrote (heard until the stream stays quiet). */
async function recordsOf(action: () => Promise<unknown>): Promise<_Record[]> {
  heard.length = 0;
  await action();
  await vi.waitFor(() => expect(heard.length).toBeGreaterThan(0), { timeout: 10_000, interval: 50 });
  for (let count = -1; count !== heard.length; await sleep(400)) count = heard.length;
  return [...heard];
}

const ok = async (response: Response | Promise<Response>) => {
  const res = await response;
  expect(res.status, await res.clone().text()).toBeLessThan(300);
  return res;
};

const formVersion = async () => (await t.stores.providerListings.readHousingForm(ORG, { locationId: LOC, housingFormId: HF }))?.version;

const scope = (change: SiteChange) => ({ ...change.build, removeLocations: change.removeLocations, full: change.full });
const nothingElse = { location: [], region: [], search: [], results: [], report: [], support: [], home: false, removeLocations: [], full: false };

describe('the pages a change touches', () => {
  it('an organisation\'s contact details (an import, before any edit): the pages of each of its locations and its regions\' report pages', async () => {
    const document = testListing();
    document.organization.phone = '043 123 45 67';
    const records = await recordsOf(async () => expect((await importListing(document, { ...t.stores, clock })).ok).toBe(true));
    // The housing forms' search candidates carry the organisation's facts, so they are written too.
    expect(scope(affectedPages(records))).toEqual({ ...nothingElse, location: [LOC, 'het-anker'].sort(), search: [REGION], report: [REGION] });
  });

  it('a waiting list whose weeks change: the location page in both languages and the region\'s search page, nothing more', async () => {
    const records = await recordsOf(async () => ok(t.send('PATCH', `${formPath()}/waiting-list`, { version: await formVersion(), waitingList: { status: 'short', weeks: 9 } }, t.people.editor)));
    // The real batch: the housing form changed and its audit record added (the location's summary
    // of states is unchanged, so its item is not written).
    expect(records.map((r) => [r.eventName, r.dynamodb?.Keys?.pk?.S?.split('#')[0]]).sort()).toEqual([['INSERT', 'HISTORY'], ['MODIFY', 'LOC']]);
    const change = affectedPages(records);
    expect(scope(change)).toEqual({ ...nothingElse, location: [LOC], search: [REGION] });
    expect(changedPages(change)).toEqual({
      build: [
        `/locatie/${LOC}/`, `/en/location/${LOC}/`, `/locatie/${LOC}/makkelijk/`, `/en/location/${LOC}/easy/`,
        `/regio/${REGION}/zoeken/`, `/en/region/${REGION}/search/`,
      ],
      remove: [],
    });
  });

  it('a waiting list whose status changes: also the region page, which shows each location\'s states', async () => {
    const records = await recordsOf(async () => ok(t.send('PATCH', `${formPath()}/waiting-list`, { version: await formVersion(), waitingList: { status: 'available', placesAvailable: 1 } }, t.people.editor)));
    expect(scope(affectedPages(records))).toEqual({ ...nothingElse, location: [LOC], region: [REGION], search: [REGION] });
  });

  it('a new location: its pages, and every page that lists or counts locations', async () => {
    const records = await recordsOf(() => ok(t.send('POST', `${base}/locations`, {
      location: { ...location({ id: 'de-wilg', name: 'De Wilg' }), housingForms: [housingForm({ id: 'wonen', name: 'Wonen' })] },
    }, t.people.admin)));
    expect(scope(affectedPages(records))).toEqual({
      ...nothingElse, location: ['de-wilg'], region: [REGION], search: [REGION], results: [REGION], report: [REGION], home: true,
    });
  });

  it('a removed location: its pages taken away (not built), and every page that lists or counts locations', async () => {
    const records = await recordsOf(() => ok(t.send('DELETE', `${base}/locations/de-wilg`, { version: 1 }, t.people.admin)));
    expect(records.some((r) => r.eventName === 'REMOVE')).toBe(true);
    const change = affectedPages(records);
    expect(scope(change)).toEqual({
      ...nothingElse, removeLocations: ['de-wilg'], region: [REGION], search: [REGION], results: [REGION], report: [REGION], home: true,
    });
    expect(changedPages(change).remove).toEqual(['/locatie/de-wilg/', '/en/location/de-wilg/', '/locatie/de-wilg/makkelijk/', '/en/location/de-wilg/easy/']);
  });

  it('a sign-in (account, code, throttle counters, session) touches no page', async () => {
    const records = await recordsOf(() => t.signIn('nieuw@zorggroep-test.example', [{ role: 'provider-editor', organizationId: ORG }], 'Nina Nieuw'));
    expect(records.length).toBeGreaterThan(3);
    expect(isEmptyChange(affectedPages(records))).toBe(true);
  });

  it('a region\'s settings change everything shown under it: a full build', async () => {
    const region = testRegions.find((r) => r.id === REGION);
    if (!region) throw new Error('fixture without the region');
    const records = await recordsOf(() => t.stores.regions.putRegion({ ...region, description: `${region.description} Nu ook met hulp in de avond.` }));
    expect(affectedPages(records).full).toBe(true);
  });

  it('read in order within a window: a location added, then removed, is only taken away; removed then added again is built', async () => {
    const added = await recordsOf(() => ok(t.send('POST', `${base}/locations`, {
      location: { ...location({ id: 'de-eik', name: 'De Eik' }), housingForms: [housingForm({ id: 'wonen', name: 'Wonen' })] },
    }, t.people.admin)));
    const removed = await recordsOf(() => ok(t.send('DELETE', `${base}/locations/de-eik`, { version: 1 }, t.people.admin)));
    const both = affectedPages(removed, affectedPages(added));
    expect(both.build.location).toEqual([]);
    expect(both.removeLocations).toEqual(['de-eik']);
    const again = affectedPages(added, both);
    expect(again.build.location).toEqual(['de-eik']);
    expect(again.removeLocations).toEqual([]);
  });
});
