// POST /api/regions/{regionId}/questionnaire/criteria: answers kept in a browser become criteria
// and a place; what cannot be used comes back in `ignored`, never as a refusal.
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../shared/clock.ts';
import { loadRegions } from '../../functions/listings/seed-demo.ts';
import type { ErrorResponse } from '../../shared/domain/index.ts';
import type { CriteriaFromAnswersResponse } from '../../shared/questionnaire/index.ts';
import { createTestApp } from '../support/test-app.ts';
import { testRegions } from '../fixtures/regions.ts';
import { createTestStore } from '../support/test-store.ts';

let app: ReturnType<typeof createTestApp>;

beforeAll(async () => {
  const { stores } = await createTestStore();
  await loadRegions(stores.regions);
  // A region without a questionnaire.
  await stores.regions.putRegion({ ...testRegions[0]!, id: 'zonder-vragen', name: 'Zonder vragen' });
  app = createTestApp(stores, fixedClock('2026-11-23T09:00:00Z'));
});

async function post<T>(regionId: string, body: unknown) {
  const res = await app.request(`/api/regions/${regionId}/questionnaire/criteria`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('POST /api/regions/{regionId}/questionnaire/criteria', () => {
  it("turns answers to the region's questionnaire into criteria and a place", async () => {
    const { status, body } = await post<CriteriaFromAnswersResponse>('zuid-limburg', {
      answers: {
        leeftijd: { number: 82 },
        'waarvoor-zorg': { choice: 'dementie' },
        tuin: { yes: true, importance: 'nice' },
        huisdier: { yes: false },
        plaats: { postcode: '6211ab', maxDistanceKm: 10 },
        'over-mij': { text: 'Ik hou van zingen.' },
      },
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      questionnaireId: 'zuid-limburg',
      version: 1,
      criteria: [
        { criterion: 'age', importance: 'important', value: 82 },
        { criterion: 'targetGroup', importance: 'must', value: 'dementia' },
        { criterion: 'garden', importance: 'nice' },
      ],
      // Age and target group are facts of the situation; the garden is a wish of the person's own.
      situation: [{ criterion: 'age', value: 82 }, { criterion: 'targetGroup', value: 'dementia' }],
      postcode: '6211 AB',
      maxDistanceKm: 10,
      ignored: [],
    });
  });

  it('lists answers it cannot use in `ignored` and keeps the rest', async () => {
    const { status, body } = await post<CriteriaFromAnswersResponse>('zuid-limburg', {
      answers: {
        zwembad: { yes: true },
        'waarvoor-zorg': { choice: 'vampier' },
        leeftijd: { number: 7 },
        tuin: 'ja',
        roken: { yes: true },
      },
    });
    expect(status).toBe(200);
    expect(body.criteria).toEqual([{ criterion: 'smoking', importance: 'important' }]);
    expect(body.ignored.map((i) => [i.questionId, i.code])).toEqual([
      ['leeftijd', 'out-of-range'],
      ['waarvoor-zorg', 'unknown-option'],
      ['tuin', 'malformed'],
      ['zwembad', 'unknown-question'],
    ]);
  });

  it("reads Rotterdam's answers against Rotterdam's questionnaire", async () => {
    const { status, body } = await post<CriteriaFromAnswersResponse>('rotterdam', { answers: {} });
    expect(status).toBe(200);
    expect(body).toMatchObject({ questionnaireId: 'rotterdam', criteria: [], ignored: [] });
  });

  it('answers 404 for an unknown region and for a region without a questionnaire', async () => {
    for (const regionId of ['atlantis', 'zonder-vragen']) {
      const { status, body } = await post<ErrorResponse>(regionId, { answers: {} });
      expect(status, regionId).toBe(404);
      expect(body.error.code).toBe('not_found');
    }
  });

  it('refuses a body that holds no answers object with 400, naming the field', async () => {
    const { status, body } = await post<ErrorResponse>('zuid-limburg', { answers: ['ja'] });
    expect(status).toBe(400);
    expect(body.error.fields?.map((f) => f.path)).toEqual(['answers']);
    const extra = await post<ErrorResponse>('zuid-limburg', { answers: {}, versie: 3 });
    expect(extra.status).toBe(400);
  });
});
