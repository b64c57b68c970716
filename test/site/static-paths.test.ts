// Which region pages are built: a region without a questionnaire (the API answers 404) gets no
// questionnaire page, while any other API failure still stops the build; a partial build (after a
// listing change) renders only the pages its scope names. Pure: stub fetch.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { emptyScope, PAGE_SCOPE_ENV, pageScopeEnv, readPageScope } from '../../functions/site/page-scope.ts';
import { createApiClient } from '../../site/src/lib/api.ts';
import {
  easyReadLocationPaths, hasQuestionnaire, questionnaireRegionPagePaths, questionnaireRegionPaths, regionPagePaths, regionPaths,
} from '../../site/src/lib/static-paths.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** An API with two regions; the questionnaire of each answers with the given status (404 when not given). */
function stubApi(questionnaireStatus: Record<string, number>) {
  return createApiClient({
    baseUrl: 'http://api.test',
    fetch: async (input) => {
      const url = String(input);
      if (url.endsWith('/api/regions')) return json(200, { regions: [{ id: 'zuid-limburg' }, { id: 'nieuw' }] });
      const locations = /\/api\/regions\/([^/]+)\/locations$/.exec(url)?.[1];
      if (locations) return json(200, { locations: [`${locations}-1`, `${locations}-2`].map((id) => ({ id, regionId: locations })) });
      const match = /\/api\/regions\/([^/]+)\/questionnaire$/.exec(url);
      const status = match ? (questionnaireStatus[match[1] ?? ''] ?? 404) : 404;
      return status === 200
        ? json(200, { questionnaire: { id: 'q', themes: [] } })
        : json(status, { error: { code: status === 404 ? 'not_found' : 'internal', message: 'No.' } });
    },
  });
}

describe('static paths of region pages', () => {
  it('builds every region page, but the questionnaire page only where there is a questionnaire', async () => {
    const client = stubApi({ 'zuid-limburg': 200 });
    expect(await regionPaths(client)).toEqual([{ params: { regionId: 'zuid-limburg' } }, { params: { regionId: 'nieuw' } }]);
    expect(await questionnaireRegionPaths(client)).toEqual([{ params: { regionId: 'zuid-limburg' } }]);
    expect(await hasQuestionnaire('nieuw', client)).toBe(false);
    expect(await hasQuestionnaire('zuid-limburg', client)).toBe(true);
  });

  it('still fails the build when the API breaks instead of answering 404', async () => {
    const client = stubApi({ 'zuid-limburg': 200, nieuw: 500 });
    await expect(questionnaireRegionPaths(client)).rejects.toThrow(/answered 500/);
  });
});

describe('a partial build', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('renders only the region pages its scope names, and none of the kinds no listing decides', async () => {
    const client = stubApi({ 'zuid-limburg': 200, nieuw: 200 });
    vi.stubEnv(PAGE_SCOPE_ENV, pageScopeEnv({ ...emptyScope(), region: ['nieuw'], results: ['zuid-limburg'] })[PAGE_SCOPE_ENV] as string);
    expect(await regionPagePaths('region', client)).toEqual([{ params: { regionId: 'nieuw' } }]);
    expect(await regionPagePaths('search', client)).toEqual([]);
    expect(await questionnaireRegionPagePaths('results', client)).toEqual([{ params: { regionId: 'zuid-limburg' } }]);
    // The questions page shows the region's questionnaire, never listing data.
    expect(await questionnaireRegionPagePaths(null, client)).toEqual([]);
  });

  it('renders the easy-read page of a location its scope names, as the ordinary one, only in a region with easy read', async () => {
    // Only zuid-limburg has a questionnaire (whose no questions all have their easy-read texts).
    const client = stubApi({ 'zuid-limburg': 200 });
    expect(await easyReadLocationPaths(client)).toEqual([{ params: { locationId: 'zuid-limburg-1' } }, { params: { locationId: 'zuid-limburg-2' } }]);
    vi.stubEnv(PAGE_SCOPE_ENV, pageScopeEnv({ ...emptyScope(), location: ['zuid-limburg-2', 'nieuw-1'] })[PAGE_SCOPE_ENV] as string);
    expect(await easyReadLocationPaths(client)).toEqual([{ params: { locationId: 'zuid-limburg-2' } }]);
  });

  it('without a scope renders every page; a malformed scope fails the build instead of building the wrong pages', async () => {
    const client = stubApi({ 'zuid-limburg': 200 });
    expect(readPageScope({})).toBeUndefined();
    expect(await regionPagePaths(null, client)).toHaveLength(2);
    expect(() => readPageScope({ [PAGE_SCOPE_ENV]: '{"location": "de-linde"}' })).toThrow(/location/);
    expect(() => readPageScope({ [PAGE_SCOPE_ENV]: 'de-linde' })).toThrow(/not JSON/);
  });
});
