// POST /api/match over DynamoDB Local with the demonstration data: the embedded engine loaded from
// the table as `npm start` loads it, and the API answering through it.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { MatchAnswerSchema, isWaitingListStale, type ErrorResponse, type MatchAnswer, type MatchRequestInput } from '../../shared/domain/index.ts';
import { explainMatch } from '../../shared/matching/index.ts';
import { createDemoApp, type createTestApp } from '../support/test-app.ts';

const clock = fixedClock('2026-11-23T09:00:00Z');
let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  ({ app } = await createDemoApp(clock));
});

async function post<T>(body: unknown, init: { raw?: string; contentType?: string } = {}) {
  const res = await app.request('/api/match', {
    method: 'POST',
    headers: { 'content-type': init.contentType ?? 'application/json' },
    body: init.raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

/** A match answer with each housing form's reasons written out, as the pages read it. */
async function match(body: unknown) {
  const { status, body: answer } = await post<MatchAnswer>(body);
  return { status, body: explainMatch(answer), answer };
}

const dementiaWithGarden: MatchRequestInput = {
  regionId: 'zuid-limburg',
  postcode: '6211',
  criteria: [
    { criterion: 'targetGroup', importance: 'must', value: 'dementia' },
    { criterion: 'garden', importance: 'important' },
  ],
};

describe('POST /api/match on the demonstration data', () => {
  it('answers fitting housing forms with their reasons, best first', async () => {
    const { status, body } = await match(dementiaWithGarden);
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThan(20);
    expect(body.results.length).toBe(Math.min(50, body.total));
    for (const result of body.results) {
      expect(result.reasons[0]).toMatchObject({ criterion: 'targetGroup', value: 'dementia', importance: 'must' });
      expect(result.reasons[0]?.outcome).not.toBe('mismatch');
      expect(result.distanceKm).toBeGreaterThanOrEqual(0);
    }
    const best = body.results[0];
    expect(best?.reasons).toEqual([
      { criterion: 'targetGroup', value: 'dementia', importance: 'must', outcome: 'match' },
      { criterion: 'garden', importance: 'important', outcome: 'match' },
    ]);
    // Near Maastricht's centre: the best result is in or right around Maastricht.
    expect(best?.distanceKm).toBeLessThan(10);
    const scores = body.results.map((r) => r.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('counts a waiting list confirmed more than 30 days before the request (the API clock) as unknown, never as a place soon', async () => {
    const { body } = await match({
      regionId: 'zuid-limburg',
      criteria: [{ criterion: 'availableSoon', importance: 'important' }],
      limit: 200,
    });
    const stale = body.results.filter((r) => isWaitingListStale(r.waitingList.updatedAt, clock.now()));
    // The demonstration data holds stale states, "place free" ones among them.
    expect(stale.filter((r) => r.waitingList.status === 'available').length).toBeGreaterThan(0);
    for (const result of body.results) {
      expect(result.reasons[0]?.outcome, result.name).toBe(
        isWaitingListStale(result.waitingList.updatedAt, clock.now()) ? 'unknown' : ['available', 'short'].includes(result.waitingList.status) ? 'match' : 'mismatch',
      );
    }
    expect(isWaitingListStale(body.results[0]!.waitingList.updatedAt, clock.now())).toBe(false);
  });

  it('ranks the places for 18 to 30 year olds first for a 23-year-old wishing people of about that age, and says so', async () => {
    const { body } = await match({
      regionId: 'rotterdam',
      criteria: [{ criterion: 'age', value: 23, importance: 'must' }, { criterion: 'ageGroup', value: 23, importance: 'important' }],
      limit: 200,
    });
    const peers = body.results.filter((r) => r.reasons[1]?.outcome === 'match');
    // The demonstration data's groups for young adults (residents 18 to about 30, and 18 to 40).
    expect(peers.length).toBe(10);
    expect(body.results.slice(0, peers.length)).toEqual(peers);
    for (const result of peers) expect(result.reasons[1]).toEqual({ criterion: 'ageGroup', value: 23, importance: 'important', outcome: 'match' });
    expect(peers.map((r) => r.name)).toContain('Ouderinitiatief voor jongvolwassenen');
    // Every place "from 18" admits a 23-year-old: admission alone would not have told them apart.
    expect(body.results.slice(peers.length).some((r) => r.reasons[0]?.outcome === 'match')).toBe(true);
  });

  it('fits day activities nearby with transport as day activities, and says which', async () => {
    const { body } = await match({ regionId: 'rotterdam', criteria: [{ criterion: 'dayActivities', importance: 'must' }], limit: 200 });
    const found = body.results.map((r) => r.reasons[0]?.found);
    expect(found).toContain('nearby');
    expect(found).toContain('on-site');
    for (const miss of body.nearMisses) expect(miss.failedMusts).toEqual([{ criterion: 'dayActivities', importance: 'must', outcome: 'mismatch' }]);
    const strict = await match({ regionId: 'rotterdam', criteria: [{ criterion: 'dayActivitiesOnSite', importance: 'must' }], limit: 200 });
    expect(strict.body.total).toBeLessThan(body.total);
  });

  it('says each criterion once and each housing form only its outcomes, in the same order', async () => {
    const { status, answer } = await match({ ...dementiaWithGarden, maxDistanceKm: 15 });
    expect(status).toBe(200);
    expect(MatchAnswerSchema.strict().parse(answer)).toEqual(answer);
    expect(answer.criteria).toEqual([
      { criterion: 'distance', value: 15, importance: 'must' },
      { criterion: 'targetGroup', value: 'dementia', importance: 'must' },
      { criterion: 'garden', importance: 'important' },
    ]);
    for (const result of answer.results) expect(result.outcomes).toHaveLength(3);
    // Names, values and importances are not repeated per housing form: 50 results stay small.
    expect(JSON.stringify(answer.results)).not.toContain('"importance"');
  });

  it('lists near misses naming the wish they fail', async () => {
    const { body } = await match(dementiaWithGarden);
    expect(body.nearMisses.length).toBeGreaterThan(0);
    for (const miss of body.nearMisses) {
      expect(miss.failedMusts).toEqual([{ criterion: 'targetGroup', value: 'dementia', importance: 'must', outcome: 'mismatch' }]);
    }
    // A somatic-only home in Maastricht itself: close, but not for dementia.
    expect(body.nearMisses.map((m) => m.name)).toContain('Roze appartementen met zorg');
  });

  it('makes a maximum distance a must named `distance`', async () => {
    const { body } = await match({ ...dementiaWithGarden, maxDistanceKm: 10 });
    expect(body.total).toBeGreaterThan(0);
    for (const result of body.results) {
      expect(result.reasons[0]).toEqual({ criterion: 'distance', value: 10, importance: 'must', outcome: 'match' });
      expect(result.distanceKm).toBeLessThanOrEqual(10);
    }
    const far = body.nearMisses.filter((m) => m.failedMusts.some((f) => f.criterion === 'distance'));
    expect(far.length).toBeGreaterThan(0);
    for (const miss of far) expect(miss.distanceKm).toBeGreaterThan(10);
  });

  it('pages results and gives the same order every time', async () => {
    const all = await match({ ...dementiaWithGarden, limit: 12 });
    const again = await match({ ...dementiaWithGarden, limit: 12 });
    expect(again.body).toEqual(all.body);
    const second = await match({ ...dementiaWithGarden, limit: 6, offset: 6 });
    expect(second.body.results.map((r) => r.housingFormId + r.locationId)).toEqual(all.body.results.slice(6).map((r) => r.housingFormId + r.locationId));
  });

  it('matches without a postcode: no distances', async () => {
    const { status, body } = await match({ regionId: 'rotterdam', criteria: [{ criterion: 'housingType', importance: 'must', value: 'care-farm' }] });
    expect(status).toBe(200);
    expect(body.total).toBe(3);
    expect(body.results.every((r) => r.distanceKm === undefined)).toBe(true);
  });
});

describe('POST /api/match refuses what it cannot answer', () => {
  it('an unknown criterion, with its path', async () => {
    const { status, body } = await post<ErrorResponse>({ regionId: 'zuid-limburg', criteria: [{ criterion: 'swimmingPool', importance: 'must' }] });
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation_error');
    expect(body.error.fields?.map((f) => f.path)).toEqual(['criteria.0.criterion']);
  });

  it('an unknown code, naming the codes it knows', async () => {
    const { status, body } = await post<ErrorResponse>({ regionId: 'zuid-limburg', criteria: [{ criterion: 'targetGroup', importance: 'must', value: 'vampires' }] });
    expect(status).toBe(400);
    expect(body.error.fields).toEqual([{ path: 'criteria.0.value', message: expect.stringContaining('dementia') }]);
  });

  it('an unknown importance', async () => {
    const { status, body } = await post<ErrorResponse>({ regionId: 'zuid-limburg', criteria: [{ criterion: 'garden', importance: 'essential' }] });
    expect(status).toBe(400);
    expect(body.error.fields?.map((f) => f.path)).toEqual(['criteria.0.importance']);
  });

  it('a postcode area that does not exist, and a malformed postcode', async () => {
    const unknown = await post<ErrorResponse>({ regionId: 'zuid-limburg', postcode: '1000', criteria: [] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual([{ path: 'postcode', message: expect.stringContaining('1000 is not known') }]);
    const malformed = await post<ErrorResponse>({ regionId: 'zuid-limburg', postcode: '62', criteria: [] });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields?.map((f) => f.path)).toEqual(['postcode']);
  });

  it('a maximum distance without a postcode', async () => {
    const { status, body } = await post<ErrorResponse>({ regionId: 'zuid-limburg', maxDistanceKm: 10 });
    expect(status).toBe(400);
    expect(body.error.fields?.map((f) => f.path)).toEqual(['postcode']);
  });

  it('an unknown region with 404', async () => {
    const { status, body } = await post<ErrorResponse>({ regionId: 'atlantis', criteria: [] });
    expect(status).toBe(404);
    expect(body.error).toMatchObject({ code: 'not_found', message: 'Region "atlantis" does not exist.' });
  });

  it('malformed JSON with 400, not 500', async () => {
    const { status, body } = await post<ErrorResponse>(undefined, { raw: '{"regionId": "zuid-limburg", ' });
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
  });

  it('a body that is not JSON with 415', async () => {
    const { status, body } = await post<ErrorResponse>(undefined, { raw: 'regionId=zuid-limburg', contentType: 'text/plain' });
    expect(status).toBe(415);
    expect(body.error).toEqual({ code: 'unsupported_media_type', message: 'Send the body as JSON, with the header Content-Type: application/json.' });
  });
});
