// The provider API over DynamoDB Local as a provider's staff meet it: their organisations, the
// whole listing with versions and what needs attention, and every change with its audit record,
// its derived search data kept right, and a stale version answered with the current state.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MatchCandidate } from '../../shared/matching/index.ts';
import { housingForm, location } from '../fixtures/listing.ts';
import { movableClock } from '../support/test-staff-app.ts';
import {
  base, createProviderTestApp, formPath, HF, HF2, LOC, ORG, OTHER_ORG, type ProviderTestApp,
} from '../support/test-provider-app.ts';

const HOUR = 60 * 60 * 1000;
let clock: ReturnType<typeof movableClock>;
let t: ProviderTestApp;

beforeEach(async () => {
  clock = movableClock('2026-11-20T12:00:00Z');
  t = await createProviderTestApp({ clock });
});

interface Listing {
  organization: { id: string; name: string };
  version: number;
  locations: Array<{
    location: { id: string; name: string; regionId: string };
    version: number;
    attention: Array<{ kind: string; fields?: string[]; days?: number }>;
    housingForms: Array<{ housingForm: { id: string; name: string; waitingList: { status: string; updatedAt: string } }; version: number; attention: Array<{ kind: string; days?: number; fields?: string[] }> }>;
  }>;
}

const listing = async (cookie = t.people.editor) => {
  const res = await t.send('GET', base, undefined, cookie);
  expect(res.status).toBe(200);
  return (await res.json()) as Listing;
};

describe('reading', () => {
  it('lists the caller\'s organisations with their names and roles', async () => {
    const res = await t.send('GET', '/api/provider/organizations', undefined, t.people.admin);
    expect(await res.json()).toEqual({ organizations: [{ id: ORG, name: 'Zorggroep Test', role: 'provider-admin' }] });
    const coordinator = await t.send('GET', '/api/provider/organizations', undefined, t.people.coordinator);
    expect(await coordinator.json()).toEqual({ organizations: [] });
    expect((await t.send('GET', '/api/provider/organizations')).status).toBe(401);
  });

  it('reads the whole listing by name, each item with its version and what needs attention first', async () => {
    const body = await listing();
    expect(body.organization).toMatchObject({ id: ORG, name: 'Zorggroep Test' });
    expect(body.version).toBe(1);
    expect(body.locations.map((l) => l.location.name)).toEqual(['De Linde', 'Het Anker']);
    const linde = body.locations[0];
    expect(linde?.version).toBe(1);
    expect(linde?.housingForms.map((f) => [f.housingForm.name, f.version])).toEqual([['Kleinschalig wonen De Linde', 1], ['Logeren', 1]]);
    // Logeren's waiting list was confirmed on 1 October: 50 days ago, the most urgent.
    const logeren = linde?.housingForms[1];
    expect(logeren?.attention[0]).toEqual({ kind: 'waiting-list-stale', days: 50 });
    expect(logeren?.attention.map((a) => a.kind)).toEqual(['waiting-list-stale', 'unknown-fields', 'no-description']);
    const kleinschalig = linde?.housingForms[0];
    expect(kleinschalig?.attention[0]?.kind).toBe('unknown-fields');
    // The fixture gives care profiles, languages, group size and own bathroom; the organisation's worldview counts for the form.
    expect(kleinschalig?.attention[0]?.fields).toEqual(expect.arrayContaining(['kitchenette', 'pets', 'cultures']));
    expect(kleinschalig?.attention[0]?.fields).not.toEqual(expect.arrayContaining(['languages']));
    expect(kleinschalig?.attention[0]?.fields).not.toContain('worldview');
    expect(linde?.attention).toEqual([{ kind: 'unknown-fields', fields: ['shopsNearby'] }, { kind: 'no-description' }, { kind: 'no-photo' }]);
  });

  it('refuses another organisation\'s editor, a coordinator and anybody not signed in', async () => {
    expect((await t.send('GET', base, undefined, t.people.otherEditor)).status).toBe(403);
    expect((await t.send('GET', base, undefined, t.people.coordinator)).status).toBe(403);
    expect((await t.send('GET', base)).status).toBe(401);
    expect((await t.send('GET', `/api/provider/organizations/${OTHER_ORG}`, undefined, t.people.otherEditor)).status).toBe(200);
  });
});

describe('the waiting list', () => {
  it('a quick update is saved with today\'s date, reaches the search candidate and the history', async () => {
    clock.advance(HOUR);
    const res = await t.send('PATCH', `${formPath()}/waiting-list`, { version: 1, waitingList: { status: 'available', placesAvailable: 2 } }, t.people.editor);
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { housingForm: { waitingList: unknown }; version: number };
    const now = clock.now().toISOString();
    expect(saved).toMatchObject({ version: 2, housingForm: { id: HF, waitingList: { status: 'available', placesAvailable: 2, updatedAt: now } } });
    expect(saved.housingForm.waitingList).not.toHaveProperty('weeks');

    const item = await t.storedForm(LOC, HF);
    expect((item?.candidate as MatchCandidate).waitingList).toEqual({ status: 'available', placesAvailable: 2, updatedAt: now });
    // The location's summary, which the region's list of locations shows, follows.
    const location = (await t.storedListing()).find((i) => i.pk === `LOC#${LOC}` && i.sk === 'LOC');
    expect(location?.summary).toMatchObject({ waitingListStatuses: ['available'] });
    expect(location?.version).toBe(1);

    const history = await t.send('GET', `${formPath()}/history`, undefined, t.people.admin);
    const { changes } = (await history.json()) as { changes: Array<Record<string, unknown>> };
    expect(changes).toEqual([
      expect.objectContaining({
        at: now,
        by: expect.objectContaining({ name: 'Eva Editor' }) as unknown,
        action: 'waiting-list',
        before: expect.objectContaining({ waitingList: { status: 'short', weeks: 6, updatedAt: '2026-11-10' } }) as unknown,
        after: expect.objectContaining({ waitingList: { status: 'available', placesAvailable: 2, updatedAt: now } }) as unknown,
      }),
    ]);
  });

  it('a stale version is a 409 with the housing form as it is now, and changes nothing', async () => {
    expect((await t.send('PATCH', `${formPath()}/waiting-list`, { version: 1, waitingList: { status: 'closed' } }, t.people.editor)).status).toBe(200);
    const before = await t.storedListing();
    const res = await t.send('PATCH', `${formPath()}/waiting-list`, { version: 1, waitingList: { status: 'available' } }, t.people.admin);
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({
      error: { code: 'version_conflict', current: { version: 2, housingForm: { id: HF, waitingList: { status: 'closed' } } } },
    });
    expect(await t.storedListing()).toEqual(before);
  });

  it('"still correct" confirms many at once, each keeping its report, and refuses all when one is stale', async () => {
    clock.advance(HOUR);
    const stale = await t.send('POST', `${base}/waiting-lists/confirm`, {
      housingForms: [{ locationId: LOC, housingFormId: HF, version: 1 }, { locationId: LOC, housingFormId: HF2, version: 7 }],
    }, t.people.editor);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      error: { code: 'version_conflict', current: { housingForms: [{ locationId: LOC, housingFormId: HF2, version: 1, housingForm: { id: HF2 } }] } },
    });
    expect((await listing()).locations[0]?.housingForms.map((f) => f.version)).toEqual([1, 1]);

    const res = await t.send('POST', `${base}/waiting-lists/confirm`, {
      housingForms: [{ locationId: LOC, housingFormId: HF, version: 1 }, { locationId: LOC, housingFormId: HF2, version: 1 }, { locationId: 'het-anker', housingFormId: HF, version: 1 }],
    }, t.people.editor);
    expect(res.status).toBe(200);
    const now = clock.now().toISOString();
    expect(await res.json()).toEqual({
      confirmed: [
        { locationId: LOC, housingFormId: HF, version: 2, updatedAt: now },
        { locationId: LOC, housingFormId: HF2, version: 2, updatedAt: now },
        { locationId: 'het-anker', housingFormId: HF, version: 2, updatedAt: now },
      ],
    });
    const after = await listing();
    const logeren = after.locations[0]?.housingForms[1];
    expect(logeren?.housingForm.waitingList).toEqual({ status: 'available', updatedAt: now });
    expect(logeren?.attention.map((a) => a.kind)).not.toContain('waiting-list-stale');
    const history = (await (await t.send('GET', `${formPath(LOC, HF2)}/history`, undefined, t.people.editor)).json()) as { changes: Array<{ action: string }> };
    expect(history.changes.map((c) => c.action)).toEqual(['confirmed']);
  });

  it('names each bad field of a body by its path', async () => {
    const res = await t.send('PATCH', `${formPath()}/waiting-list`, { version: -1, waitingList: { status: 'soon', weeks: 1.5 } }, t.people.editor);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { fields: Array<{ path: string }> } };
    expect(body.error.fields.map((f) => f.path).sort()).toEqual(['version', 'waitingList.status', 'waitingList.weeks']);
    const twice = await t.send('POST', `${base}/waiting-lists/confirm`, {
      housingForms: [{ locationId: LOC, housingFormId: HF, version: 1 }, { locationId: LOC, housingFormId: HF, version: 1 }],
    }, t.people.editor);
    expect(((await twice.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toEqual(['housingForms.1']);
  });
});

describe('housing forms', () => {
  const edited = (overrides: Record<string, unknown> = {}) => ({ ...housingForm(), pets: true, description: 'Een rustige groep.', ...overrides });

  it('a replaced housing form keeps its waiting-list date unless the report changed, and its candidate follows', async () => {
    const res = await t.send('PUT', formPath(), { version: 1, housingForm: edited() }, t.people.editor);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 2, housingForm: { pets: true, waitingList: { updatedAt: '2026-11-10' } } });
    const candidate = (await t.storedForm(LOC, HF))?.candidate as MatchCandidate;
    expect(candidate).toMatchObject({ pets: true, searchText: 'Een rustige groep.', locationName: 'De Linde' });

    const again = await t.send('PUT', formPath(), { version: 2, housingForm: edited({ waitingList: { status: 'long', weeks: 30, updatedAt: '2020-01-01' } }) }, t.people.editor);
    expect(await again.json()).toMatchObject({ version: 3, housingForm: { waitingList: { status: 'long', weeks: 30, updatedAt: clock.now().toISOString() } } });
    // Saving what is stored already changes nothing and records nothing.
    const same = await t.send('PUT', formPath(), { version: 3, housingForm: edited({ waitingList: { status: 'long', weeks: 30, updatedAt: '2020-01-01' } }) }, t.people.editor);
    expect(await same.json()).toMatchObject({ version: 3 });
    const { changes } = (await (await t.send('GET', `${formPath()}/history`, undefined, t.people.editor)).json()) as { changes: Array<{ action: string }> };
    expect(changes.map((c) => c.action)).toEqual(['updated', 'updated']);
  });

  it('refuses a body whose id is not the path\'s, and an unknown housing form is a 404', async () => {
    const res = await t.send('PUT', formPath(), { version: 1, housingForm: edited({ id: 'iets-anders' }) }, t.people.editor);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toEqual(['housingForm.id']);
    expect((await t.send('PUT', formPath(LOC, 'bestaat-niet'), { version: 1, housingForm: edited({ id: 'bestaat-niet' }) }, t.people.editor)).status).toBe(404);
    // Another organisation's location, reached through this organisation's path, is not found either.
    expect((await t.send('PUT', formPath('de-bron', 'wonen'), { version: 1, housingForm: edited({ id: 'wonen' }) }, t.people.editor)).status).toBe(404);
  });

  it('adds a housing form (an id used at the location is id_taken) and removes one, never the last', async () => {
    const created = await t.send('POST', `${base}/locations/${LOC}/housing-forms`, { housingForm: edited({ id: 'dagbesteding', name: 'Dagbesteding' }) }, t.people.editor);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ version: 1, housingForm: { id: 'dagbesteding', waitingList: { updatedAt: clock.now().toISOString() } } });
    const taken = await t.send('POST', `${base}/locations/${LOC}/housing-forms`, { housingForm: edited({ id: HF2 }) }, t.people.editor);
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe('id_taken');
    let location = (await listing()).locations[0];
    expect(location?.housingForms.map((f) => f.housingForm.id)).toEqual(['dagbesteding', HF, HF2]);

    // Changes within one millisecond have no order of their own: a minute on, as a person would take.
    clock.advance(60_000);
    expect((await t.send('DELETE', formPath(LOC, 'dagbesteding'), { version: 1 }, t.people.editor)).status).toBe(200);
    expect((await t.send('DELETE', formPath(LOC, HF2), { version: 1 }, t.people.editor)).status).toBe(200);
    const last = await t.send('DELETE', formPath(), { version: 1 }, t.people.editor);
    expect(last.status).toBe(409);
    expect(((await last.json()) as { error: { code: string } }).error.code).toBe('last_housing_form');
    location = (await listing()).locations[0];
    expect(location?.housingForms.map((f) => f.housingForm.id)).toEqual([HF]);
    const stored = (await t.storedListing()).find((i) => i.pk === `LOC#${LOC}` && i.sk === 'LOC');
    expect(stored?.summary).toEqual({ housingFormCount: 1, housingTypes: ['small-scale-group'], waitingListStatuses: ['short'] });

    // "No longer offered": gone from the listing, its history still there.
    const history = (await (await t.send('GET', `${formPath(LOC, 'dagbesteding')}/history`, undefined, t.people.admin)).json()) as { changes: Array<{ action: string; before?: unknown; after?: unknown }> };
    expect(history.changes.map((c) => c.action)).toEqual(['removed', 'created']);
    expect(history.changes[0]).toMatchObject({ before: { id: 'dagbesteding' } });
    expect(history.changes[0]).not.toHaveProperty('after');
    expect((await t.send('GET', `${formPath(LOC, 'nooit-geweest')}/history`, undefined, t.people.admin)).status).toBe(404);
  });
});

describe('two editors at once', () => {
  it('saving one housing form from the same version: one 200, one 409 with the winner\'s state, one audit record', async () => {
    const [a, b] = await Promise.all([
      t.send('PATCH', `${formPath()}/waiting-list`, { version: 1, waitingList: { status: 'available', placesAvailable: 1 } }, t.people.editor),
      t.send('PATCH', `${formPath()}/waiting-list`, { version: 1, waitingList: { status: 'closed' } }, t.people.admin),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = (a.status === 409 ? a : b);
    const winner = (a.status === 200 ? a : b);
    const saved = (await winner.json()) as { housingForm: unknown; version: number };
    expect(((await loser.json()) as { error: { current: unknown } }).error.current).toEqual(saved);
    const { changes } = (await (await t.send('GET', `${formPath()}/history`, undefined, t.people.editor)).json()) as { changes: unknown[] };
    expect(changes).toHaveLength(1);
  });

  it('changing two housing forms of one location: both saved, and the location\'s summary holds both', async () => {
    const [a, b] = await Promise.all([
      t.send('PATCH', `${formPath()}/waiting-list`, { version: 1, waitingList: { status: 'closed' } }, t.people.editor),
      t.send('PATCH', `${formPath(LOC, HF2)}/waiting-list`, { version: 1, waitingList: { status: 'long', weeks: 40 } }, t.people.admin),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const stored = (await t.storedListing()).find((i) => i.pk === `LOC#${LOC}` && i.sk === 'LOC');
    expect(stored?.summary).toMatchObject({ waitingListStatuses: ['closed', 'long'] });
    expect(stored?.version).toBe(1);
  });
});

describe('locations', () => {
  const lindeFields = (overrides: Record<string, unknown> = {}) => {
    const { housingForms: _forms, ...fields } = location();
    return { ...fields, ...overrides };
  };

  it('a changed location carries its new facts into every housing form\'s candidate, keeping their versions', async () => {
    const res = await t.send('PUT', `${base}/locations/${LOC}`, { version: 1, location: lindeFields({ name: 'De Linde aan de Maas', shopsNearby: true }) }, t.people.editor);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 2, location: { name: 'De Linde aan de Maas', regionId: 'zuid-limburg', organizationId: ORG } });
    for (const id of [HF, HF2]) {
      const item = await t.storedForm(LOC, id);
      expect(item?.candidate).toMatchObject({ locationName: 'De Linde aan de Maas', shopsNearby: true });
      expect(item?.version).toBe(1);
    }
    // An edit of a housing form from its version still goes through after the location changed.
    expect((await t.send('PATCH', `${formPath()}/waiting-list`, { version: 1, waitingList: { status: 'closed' } }, t.people.editor)).status).toBe(200);
    const history = (await (await t.send('GET', `${base}/locations/${LOC}/history`, undefined, t.people.editor)).json()) as { changes: Array<{ action: string }> };
    expect(history.changes.map((c) => c.action)).toEqual(['updated']);
  });

  it('places a moved location by its postcode, and refuses a postcode that cannot be placed', async () => {
    const moved = await t.send('PUT', `${base}/locations/${LOC}`, {
      version: 1, location: lindeFields({ address: { street: 'Markt', houseNumber: '2', postcode: '6411 AB', city: 'Heerlen' } }),
    }, t.people.editor);
    expect(moved.status).toBe(200);
    const point = ((await moved.json()) as { location: { point: { lat: number; lon: number } } }).location.point;
    expect((await t.storedForm(LOC, HF))?.candidate).toMatchObject({ city: 'Heerlen', point });
    expect(point.lon).toBeGreaterThan(5.9);
    const nowhere = await t.send('PUT', `${base}/locations/${LOC}`, {
      version: 2, location: lindeFields({ address: { street: 'Postbus', houseNumber: '1', postcode: '1000 AA', city: 'Amsterdam' } }),
    }, t.people.editor);
    expect(nowhere.status).toBe(400);
    expect(((await nowhere.json()) as { error: { fields: Array<{ path: string }> } }).error.fields.map((f) => f.path)).toEqual(['location.address.postcode']);
    const stale = await t.send('PUT', `${base}/locations/${LOC}`, { version: 1, location: lindeFields({ name: 'X' }) }, t.people.editor);
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: { code: 'version_conflict', current: { version: 2, location: { name: 'De Linde', address: { city: 'Heerlen' } } } } });
  });

  it('adds a location with its housing forms, and removes one with them, keeping the organisation\'s list right', async () => {
    const created = await t.send('POST', `${base}/locations`, {
      location: { ...location({ id: 'de-wilg', name: 'De Wilg' }), housingForms: [housingForm({ id: 'wonen', name: 'Wonen' })] },
    }, t.people.admin);
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ version: 1, location: { id: 'de-wilg', regionId: 'zuid-limburg' } });
    expect((await t.storedForm('de-wilg', 'wonen'))?.candidate).toMatchObject({ locationName: 'De Wilg', regionId: 'zuid-limburg' });
    const taken = await t.send('POST', `${base}/locations`, { location: location({ id: 'de-bron' }) }, t.people.admin);
    expect(((await taken.json()) as { error: { code: string } }).error.code).toBe('id_taken');
    let body = await listing();
    expect(body.locations.map((l) => l.location.id)).toEqual([LOC, 'de-wilg', 'het-anker']);
    expect(body.version).toBe(2);

    expect((await t.send('DELETE', `${base}/locations/${LOC}`, { version: 1 }, t.people.admin)).status).toBe(200);
    body = await listing();
    expect(body.locations.map((l) => l.location.id)).toEqual(['de-wilg', 'het-anker']);
    expect((await t.storedListing()).filter((i) => i.pk === `LOC#${LOC}`)).toEqual([]);
    const org = (await t.storedListing()).find((i) => i.pk === `ORG#${ORG}`);
    expect(org?.locationIds).toEqual(['het-anker', 'de-wilg']);
    const history = (await (await t.send('GET', `${formPath()}/history`, undefined, t.people.admin)).json()) as { changes: Array<{ action: string }> };
    expect(history.changes.map((c) => c.action)).toEqual(['removed']);
  });
});
