// What the embedded engine does beyond the shared contract: regions known while empty, a housing
// form moving region, full text details (accents, stop words), and yes/no filters in the facets.
import { describe, expect, it } from 'vitest';
import { EmbeddedSearchEngine } from '../../../functions/search/embedded/embedded-search-engine.ts';
import { UnknownRegionError } from '../../../functions/search/embedded/unknown-region-error.ts';
import { SearchQuerySchema } from '../../../shared/domain/index.ts';
import { AS_OF, candidate, matchRequest } from '../../fixtures/candidates.ts';

const query = (input: Record<string, unknown>) => SearchQuerySchema.parse({ regionId: 'zuid-limburg', ...input });

describe('EmbeddedSearchEngine', () => {
  it('answers a region added while empty with nothing, and refuses one never added', async () => {
    const engine = new EmbeddedSearchEngine();
    engine.addRegion('zuid-limburg');
    expect(await engine.match(matchRequest({}), AS_OF)).toEqual({ criteria: [], results: [], nearMisses: [], total: 0 });
    expect((await engine.search(query({ q: 'tuin' }))).total).toBe(0);
    await expect(engine.search(query({ regionId: 'rotterdam' }))).rejects.toBeInstanceOf(UnknownRegionError);
  });

  it('moves a housing form whose location changed region', async () => {
    const engine = new EmbeddedSearchEngine();
    const form = candidate();
    await engine.upsert([form]);
    await engine.upsert([{ ...form, regionId: 'rotterdam' }]);
    expect(engine.sizes()).toEqual({ 'zuid-limburg': 0, rotterdam: 1 });
    expect((await engine.match(matchRequest({ regionId: 'rotterdam' }), AS_OF)).total).toBe(1);
    await engine.remove([form.id]);
    expect(engine.sizes()).toEqual({ 'zuid-limburg': 0, rotterdam: 0 });
  });

  it('folds accents, ignores stop words and finds nothing for stop words alone', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([
      candidate({ locationId: 'a', name: 'Wonen bij Café de Tuin' }),
      candidate({ locationId: 'b', name: 'Huize Zonneweide', city: 'Heerlen' }),
    ]);
    expect((await engine.search(query({ q: 'cafe' }))).items.map((i) => i.locationId)).toEqual(['a']);
    expect((await engine.search(query({ q: 'de zonneweide' }))).items.map((i) => i.locationId)).toEqual(['b']);
    expect((await engine.search(query({ q: 'HEERLEN' }))).items.map((i) => i.locationId)).toEqual(['b']);
    expect((await engine.search(query({ q: 'de het een' }))).total).toBe(0);
  });

  it('orders full-text hits by relevance: a word in the name before one in the location name only', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([
      candidate({ locationId: 'a', name: 'Aalsterhof', locationName: 'Linde' }),
      candidate({ locationId: 'b', name: 'Linde', locationName: 'Beukenhof' }),
    ]);
    expect((await engine.search(query({ q: 'linde' }))).items.map((i) => i.locationId)).toEqual(['b', 'a']);
  });

  it('applies yes/no filters to the facets of every code filter, and only known facts pass', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([
      candidate({ locationId: 'a', type: 'small-scale-group', groupSize: 8, facilities: ['garden'], shopsNearby: true }),
      candidate({ locationId: 'b', type: 'nursing-home', groupSize: 9, facilities: ['garden'], shopsNearby: false }),
      candidate({ locationId: 'c', type: 'care-farm', groupSize: undefined, facilities: undefined, shopsNearby: undefined }),
    ]);
    const garden = await engine.search(query({ garden: 'true' }));
    expect(garden.items.map((i) => i.locationId)).toEqual(['a', 'b']);
    expect(garden.facets.housingType).toEqual({ 'nursing-home': 1, 'small-scale-group': 1 });
    const small = await engine.search(query({ smallScale: 'true', housingType: ['nursing-home'] }));
    expect(small.total).toBe(0);
    // housingType counted under smallScale only: a (8 residents) is small-scale, b (9) is not.
    expect(small.facets.housingType).toEqual({ 'small-scale-group': 1 });
    expect((await engine.search(query({ shops: 'true' }))).items.map((i) => i.locationId)).toEqual(['a']);
  });

  it('lists facet codes in the order of their code list', async () => {
    const engine = new EmbeddedSearchEngine();
    await engine.upsert([
      candidate({ locationId: 'a', waitingList: { status: 'closed', updatedAt: '2026-11-10' } }),
      candidate({ locationId: 'b', waitingList: { status: 'available', updatedAt: '2026-11-10' } }),
    ]);
    expect(Object.keys((await engine.search(query({}))).facets.waitingList ?? {})).toEqual(['available', 'closed']);
  });
});
