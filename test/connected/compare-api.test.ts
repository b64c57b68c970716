// POST /api/compare over DynamoDB Local with the demonstration data: chosen housing forms explained
// with the very score and reasons a match gives, in the order asked, and what is gone named.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { MAX_COMPARED } from '../../shared/domain/compare.ts';
import { isWaitingListStale } from '../../shared/domain/waiting-list-age.ts';
import type {
  CompareRequestInput, CompareResponse, ErrorResponse, HousingFormPage, HousingFormRef, MatchRequestInput, MatchResponse,
} from '../../shared/domain/index.ts';
import { createDemoApp, type createTestApp } from '../support/test-app.ts';
import { explainMatch } from '../../shared/matching/index.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  ({ app } = await createDemoApp(clock));
});

async function send<T>(path: string, body: unknown) {
  const res = await app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as T };
}
const compare = <T = CompareResponse>(body: unknown) => send<T>('/api/compare', body);

async function firstForms(regionId: string, limit: number): Promise<HousingFormRef[]> {
  const res = await app.request(`/api/regions/${regionId}/housing-forms?limit=${limit}`);
  const page = (await res.json()) as HousingFormPage;
  return page.items.map((i) => ({ locationId: i.locationId, housingFormId: i.housingForm.id }));
}

const wishes = {
  regionId: 'zuid-limburg',
  postcode: '6211',
  maxDistanceKm: 10,
  criteria: [
    { criterion: 'targetGroup', importance: 'must', value: 'dementia' },
    { criterion: 'garden', importance: 'important' },
    { criterion: 'pets', importance: 'nice' },
  ],
} satisfies MatchRequestInput;

describe('POST /api/compare on the demonstration data', () => {
  it('explains each housing form exactly as the match did, in the order asked', async () => {
    const match = await send<MatchResponse>('/api/match', { ...wishes, limit: 3 });
    const explained = explainMatch(match.body);
    const chosen = [...explained.results, ...explained.nearMisses.slice(0, 2)].reverse();
    const refs = chosen.map((r) => ({ locationId: r.locationId, housingFormId: r.housingFormId }));
    const { status, body } = await compare({ ...wishes, items: refs } satisfies CompareRequestInput);
    expect(status).toBe(200);
    expect(body.missing).toEqual([]);
    expect(body.items.map((i) => ({ locationId: i.locationId, housingFormId: i.housingFormId }))).toEqual(refs);
    body.items.forEach((item, i) => {
      const asMatched = chosen[i]!;
      expect(item.score).toBe(asMatched.score);
      expect(item.distanceKm).toBe(asMatched.distanceKm);
      expect(item.reasons).toEqual(asMatched.reasons);
      expect(item.failedMusts).toEqual('failedMusts' in asMatched ? asMatched.failedMusts : []);
      expect(item.housingForm.id).toBe(item.housingFormId);
      expect(item.location).toMatchObject({ id: item.locationId, regionId: 'zuid-limburg', organizationName: item.organizationName });
      expect(item.location.housingFormCount).toBeGreaterThanOrEqual(1);
    });
  });

  it('says the moment it judged at (asOf), and a waiting list past 30 days by it counts as unknown', async () => {
    const res = await app.request('/api/regions/zuid-limburg/housing-forms?limit=100');
    const forms = ((await res.json()) as HousingFormPage).items;
    // Half of them confirmed more than 30 days before the API's clock, half within.
    const byAge = (stale: boolean) => forms.filter((f) => isWaitingListStale(f.housingForm.waitingList.updatedAt, clock.now()) === stale).slice(0, MAX_COMPARED / 2);
    const chosen = [...byAge(true), ...byAge(false)];
    expect(chosen).toHaveLength(MAX_COMPARED);
    const { status, body } = await compare({
      regionId: 'zuid-limburg',
      criteria: [{ criterion: 'availableSoon', importance: 'important' }],
      items: chosen.map((f) => ({ locationId: f.locationId, housingFormId: f.housingForm.id })),
    } satisfies CompareRequestInput);
    expect(status).toBe(200);
    expect(body.asOf).toBe(clock.now().toISOString());
    const asOf = new Date(body.asOf);
    for (const item of body.items) {
      const soon = item.reasons.find((reason) => reason.criterion === 'availableSoon');
      expect(soon?.outcome === 'unknown', item.housingFormId).toBe(isWaitingListStale(item.waitingList.updatedAt, asOf));
    }
    expect(body.items.filter((item) => isWaitingListStale(item.waitingList.updatedAt, asOf))).toHaveLength(MAX_COMPARED / 2);
  });

  it('explains a housing form that fails every must, naming each', async () => {
    // A care farm for people with dementia in Banholt (4VV and 5VV, no community), about 10 km from
    // Maastricht; asked for as if it should be a nursing home for artists nearby.
    const farm = { locationId: 'hoeve-t-plateau-banholt', housingFormId: 'wonen-op-de-boerderij-bij-dementie' };
    const { body } = await compare({
      regionId: 'zuid-limburg',
      postcode: '6211',
      maxDistanceKm: 5,
      criteria: [
        { criterion: 'housingType', importance: 'must', value: 'nursing-home' },
        { criterion: 'careProfile', importance: 'must', value: '9bVV' },
        { criterion: 'community', importance: 'must', value: 'artists' },
        { criterion: 'garden', importance: 'nice' },
      ],
      items: [farm],
    });
    expect(body.missing).toEqual([]);
    const [item] = body.items;
    expect(item?.failedMusts.map((f) => f.criterion)).toEqual(['distance', 'housingType', 'careProfile', 'community']);
    expect(item!.distanceKm).toBeGreaterThan(5);
    for (const failed of item!.failedMusts) expect(failed).toMatchObject({ importance: 'must', outcome: 'mismatch' });
    expect(item!.reasons.map((r) => r.criterion)).toEqual(['distance', 'housingType', 'careProfile', 'community', 'garden']);
  });

  it('reports housing forms that do not exist as missing, and explains one of another region (a favourite found across the border)', async () => {
    const [first, second] = await firstForms('zuid-limburg', 2);
    const [elsewhere] = await firstForms('rotterdam', 1);
    const gone = { locationId: first!.locationId, housingFormId: 'bestaat-niet' };
    const noLocation = { locationId: 'nergens-meer', housingFormId: 'groep-1' };
    const { status, body } = await compare({ regionId: 'zuid-limburg', items: [second, gone, elsewhere, first, noLocation] });
    expect(status).toBe(200);
    expect(body.items.map((i) => i.housingFormId)).toEqual([second!.housingFormId, elsewhere!.housingFormId, first!.housingFormId]);
    expect(body.items[1]).toMatchObject({ regionId: 'rotterdam', location: { regionId: 'rotterdam' } });
    expect(body.missing).toEqual([gone, noLocation]);
    // Without criteria or a place, only the waiting list scores and there is nothing to explain.
    for (const item of body.items) {
      expect(item.reasons).toEqual([]);
      expect(item.distanceKm).toBeUndefined();
    }
  });
});

describe('POST /api/compare refuses what it cannot answer', () => {
  it('an unknown region with 404', async () => {
    const { status, body } = await compare<ErrorResponse>({ regionId: 'atlantis', items: [{ locationId: 'a-b', housingFormId: 'c-d' }] });
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', message: 'Region "atlantis" does not exist.' });
  });

  it('a bad body, naming each field', async () => {
    const { status, body } = await compare<ErrorResponse>({
      regionId: 'zuid-limburg',
      criteria: [{ criterion: 'garden', importance: 'essential' }],
      items: [{ locationId: 'Niet Goed', housingFormId: 'groep-1' }, { locationId: 'de-linde' }],
    });
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_error');
    expect(body.error.fields?.map((f) => f.path).sort()).toEqual(['criteria.0.importance', 'items.0.locationId', 'items.1.housingFormId']);
    const none = await compare<ErrorResponse>({ regionId: 'zuid-limburg', items: [] });
    expect(none.status).toBe(400);
    expect(none.body.error.fields?.map((f) => f.path)).toEqual(['items']);
    const tooMany = await compare<ErrorResponse>({ regionId: 'zuid-limburg', items: Array.from({ length: 11 }, () => ({ locationId: 'a-b', housingFormId: 'c-d' })) });
    expect(tooMany.body.error.fields?.map((f) => f.path)).toEqual(['items']);
  });

  it('a postcode area that does not exist, as the match does', async () => {
    const [first] = await firstForms('zuid-limburg', 1);
    const { status, body } = await compare<ErrorResponse>({ regionId: 'zuid-limburg', postcode: '1000', items: [first] });
    expect(status).toBe(400);
    expect(body.error.fields).toEqual([{ path: 'postcode', message: expect.stringContaining('1000 is not known') }]);
  });
});
