// The provider API over DynamoDB Local as a provider's staff meet it: their organisations, the
// whole listing with versions and what needs attention, and every change with its audit record,
// its derived search data kept right, and a stale version answered with the current state.
import { beforeEach, describe, expect, it } from 'vitest';
import type { MatchCandidate } from '../../shared/matching/index.ts';
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
