// The site's build-time helpers: the API client fails loudly, addresses in both languages,
// waiting-list staleness. Pure: the API is a stub fetch, no server.
import { describe, expect, it, vi } from 'vitest';
import { apiBaseUrl, ApiError, createApiClient } from '../../site/src/lib/api.ts';
import { alternates, easyPageFor, pathTo } from '../../site/src/lib/routes.ts';
import { sortStatuses } from '../../site/src/lib/waiting-list.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('API client', () => {
  it('reads WOONWIJZER_API_URL, without a trailing slash, with a local default', () => {
    expect(apiBaseUrl({ WOONWIJZER_API_URL: 'https://api.example.nl/' })).toBe('https://api.example.nl');
    expect(apiBaseUrl({})).toBe('http://127.0.0.1:4321');
  });

  it('asks each URL once and returns the answer', async () => {
    const fetch = vi.fn(async () => json(200, { regions: [] }));
    const api = createApiClient({ baseUrl: 'http://api.test', fetch });
    expect(await api.listRegions()).toEqual({ regions: [] });
    await api.listRegions();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('http://api.test/api/regions', expect.anything());
  });

  it('names the URL, the status and the API error when the API refuses', async () => {
    const fetch = async () => json(404, { error: { code: 'not_found', message: 'No region "nergens".' } });
    const api = createApiClient({ baseUrl: 'http://api.test', fetch });
    const failure = api.getRegion('nergens');
    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toThrow('The Woonwijzer API answered 404 for http://api.test/api/regions/nergens: not_found: No region "nergens".');
  });

  it('names the URL when the API is not reachable', async () => {
    const fetch = async () => { throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:9') }); };
    const api = createApiClient({ baseUrl: 'http://127.0.0.1:9', fetch });
    await expect(api.listRegions()).rejects.toThrow(/not reachable at http:\/\/127\.0\.0\.1:9\/api\/regions \(connect ECONNREFUSED/);
  });

  it('asks again after a 503 with Retry-After, a few times, then names the status', async () => {
    const unavailable = () => new Response('{}', { status: 503, headers: { 'retry-after': '0' } });
    const recovering = vi.fn().mockResolvedValueOnce(unavailable()).mockResolvedValueOnce(unavailable()).mockResolvedValue(json(200, { regions: [] }));
    await expect(createApiClient({ baseUrl: 'http://api.test', fetch: recovering }).listRegions()).resolves.toEqual({ regions: [] });
    expect(recovering).toHaveBeenCalledTimes(3);

    const stalled = vi.fn(async () => unavailable());
    await expect(createApiClient({ baseUrl: 'http://api.test', fetch: stalled }).listRegions()).rejects.toThrow('The Woonwijzer API answered 503 for http://api.test/api/regions');
    expect(stalled).toHaveBeenCalledTimes(6);
  });

  it('refuses an answer without the expected data', async () => {
    const api = createApiClient({ baseUrl: 'http://api.test', fetch: async () => json(200, { items: [] }) });
    await expect(api.listRegionLocations('rotterdam')).rejects.toThrow(/without "locations"/);
  });
});

describe('addresses', () => {
  it('puts Dutch at / and English under /en/, with English path words', () => {
    expect(pathTo('nl', { page: 'home' })).toBe('/');
    expect(pathTo('en', { page: 'home' })).toBe('/en/');
    expect(pathTo('nl', { page: 'region', regionId: 'zuid-limburg' })).toBe('/regio/zuid-limburg/');
    expect(pathTo('en', { page: 'location', locationId: 'de-linde' })).toBe('/en/location/de-linde/');
    expect(pathTo('nl', { page: 'questionnaire', regionId: 'zuid-limburg' })).toBe('/regio/zuid-limburg/vragen/');
    expect(pathTo('en', { page: 'questionnaire', regionId: 'zuid-limburg' })).toBe('/en/region/zuid-limburg/questions/');
  });

  it('puts a location\'s easy-read page under its own address, and "Mijn keuzes" under the region\'s easy-read pages', () => {
    expect(pathTo('nl', { page: 'easy-location', locationId: 'de-linde' })).toBe('/locatie/de-linde/makkelijk/');
    expect(pathTo('en', { page: 'easy-location', locationId: 'de-linde' })).toBe('/en/location/de-linde/easy/');
    expect(pathTo('nl', { page: 'easy-choices', regionId: 'rotterdam' })).toBe('/regio/rotterdam/makkelijk/keuzes/');
    expect(pathTo('en', { page: 'easy-choices', regionId: 'rotterdam' })).toBe('/en/region/rotterdam/easy/choices/');
  });

  it('switches an ordinary page to its easy-read twin, else to the region\'s easy-read start', () => {
    expect(easyPageFor({ page: 'location', locationId: 'de-linde' }, 'rotterdam')).toEqual({ page: 'easy-location', locationId: 'de-linde' });
    expect(easyPageFor({ page: 'compare', regionId: 'rotterdam' }, 'rotterdam')).toEqual({ page: 'easy-choices', regionId: 'rotterdam' });
    expect(easyPageFor({ page: 'results', regionId: 'rotterdam' }, 'rotterdam')).toEqual({ page: 'easy-results', regionId: 'rotterdam' });
    expect(easyPageFor({ page: 'region', regionId: 'rotterdam' }, 'rotterdam')).toEqual({ page: 'easy-start', regionId: 'rotterdam' });
    expect(easyPageFor({ page: 'search', regionId: 'rotterdam' }, 'rotterdam')).toEqual({ page: 'easy-start', regionId: 'rotterdam' });
  });

  it('gives the same page in both languages as absolute URLs', () => {
    expect(alternates({ page: 'region', regionId: 'rotterdam' }, new URL('https://woonwijzer.example'))).toEqual([
      { locale: 'nl', href: 'https://woonwijzer.example/regio/rotterdam/' },
      { locale: 'en', href: 'https://woonwijzer.example/en/region/rotterdam/' },
    ]);
  });
});

// Whether a state is possibly outdated is the shared rule: test/unit/domain/waiting-list-age.test.ts.
describe('waiting list', () => {
  it('orders statuses from a free place to no intake', () => {
    expect(sortStatuses(['closed', 'available', 'long'])).toEqual(['available', 'long', 'closed']);
  });
});

describe('build time', () => {
  it('is fixed by WOONWIJZER_BUILD_DATE, else the system clock', async () => {
    const { buildClock } = await import('../../site/src/lib/build-time.ts');
    expect(buildClock({ WOONWIJZER_BUILD_DATE: '2026-11-12' }).now().toISOString()).toBe('2026-11-12T12:00:00.000Z');
    expect(() => buildClock({ WOONWIJZER_BUILD_DATE: 'gisteren' })).toThrow(/not a date/);
    expect(Math.abs(buildClock({}).now().getTime() - Date.now())).toBeLessThan(5_000);
  });
});
