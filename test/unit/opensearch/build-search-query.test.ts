import { describe, expect, it } from 'vitest';
import { CODE_FILTER_NAMES, SearchQuerySchema, type SearchQuery } from '../../../shared/domain/index.ts';
import { type MatchCandidate } from '../../../shared/matching/index.ts';
import { CODE_FILTER_FIELDS, TEXT_FIELDS, buildSearchQuery, facetName } from '../../../functions/search/opensearch/build-search-query.ts';
import { DUTCH_ANALYZER, INDEX_MAPPINGS, toDocument } from '../../../functions/search/opensearch/index-mapping.ts';
import { readSearchResponse } from '../../../functions/search/opensearch/read-search-response.ts';
import { candidate } from '../../fixtures/candidates.ts';
import { LIMBURG, SITTARD, SITTARD_POSTCODE } from '../../fixtures/limburg.ts';
import { aggregate, search, type Doc } from './support/query-dsl.ts';

type Json = Record<string, unknown>;
const props = INDEX_MAPPINGS.properties as Record<string, unknown>;
const query = (input: Record<string, unknown>): SearchQuery => SearchQuerySchema.parse({ regionId: 'zuid-limburg', ...input });
const docs = (candidates: MatchCandidate[]) => candidates.map((c) => toDocument(c) as unknown as Doc);

const housingForms = [
  candidate({ housingFormId: 'a', name: 'Anker', sectors: ['VV'], careProfiles: ['5VV'], pets: true, waitingList: { status: 'available', updatedAt: '2026-11-10' } }),
  candidate({ housingFormId: 'b', name: 'Berk', sectors: ['VV'], careProfiles: ['6VV'], pets: false, waitingList: { status: 'short', updatedAt: '2026-11-10' } }),
  candidate({ housingFormId: 'c', name: 'Ceder', sectors: ['VG'], careProfiles: ['5VV', '6VV'], pets: true, waitingList: { status: 'long', updatedAt: '2026-11-10' } }),
  candidate({ housingFormId: 'd', name: 'Den', sectors: ['VV'], careProfiles: undefined, pets: undefined, groupSize: 6, facilities: ['garden'], waitingList: { status: 'available', updatedAt: '2026-11-10' } }),
  candidate({ housingFormId: 'e', name: 'Eik', regionId: 'rotterdam', sectors: ['VV'], careProfiles: ['5VV'], pets: true, waitingList: { status: 'available', updatedAt: '2026-11-10' } }),
];

function run(q: SearchQuery) {
  const body = buildSearchQuery(q) as Json;
  const { hits, total } = search(body, docs(housingForms));
  const buckets = aggregate(body, docs(housingForms));
  return readSearchResponse({
    hits: { total: { value: total }, hits: hits.map((h) => ({ _source: h.doc })) },
    aggregations: Object.fromEntries(
      Object.entries(buckets).map(([name, counts]) => [name, { codes: { buckets: Object.entries(counts).map(([key, doc_count]) => ({ key, doc_count })) } }]),
    ),
  });
}
const ids = (q: SearchQuery) => run(q).items.map((i) => i.housingFormId);

describe('direct search as an OpenSearch query', () => {
  it('searches names and descriptions with the Dutch analyser, every word somewhere (cross_fields, and)', () => {
    const body = buildSearchQuery(query({ q: ' tuinen Maastricht ' })) as { query: { bool: { must: Json[] } } };
    expect(body.query.bool.must).toEqual([{ multi_match: { query: 'tuinen Maastricht', fields: TEXT_FIELDS, type: 'cross_fields', operator: 'and' } }]);
    // The same weights as the embedded engine: every name above the descriptions.
    expect(TEXT_FIELDS).toEqual(['name^3', 'locationName^2', 'organizationName', 'city', 'searchText^0.5']);
    for (const field of TEXT_FIELDS) expect(props[field.split('^')[0] as string], field).toEqual({ type: 'text', analyzer: DUTCH_ANALYZER });
    expect((buildSearchQuery(query({})) as { query: { bool: { must: Json[] } } }).query.bool.must).toEqual([{ match_all: {} }]);
  });

  it('keeps to the region', () => {
    expect(ids(query({}))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reaches across the border within the distance with scope nearby, and everywhere with scope country', () => {
    const docs = Object.values(LIMBURG).map((c) => toDocument(c) as unknown as Doc);
    const cities = (q: SearchQuery, origin?: typeof SITTARD) =>
      search(buildSearchQuery(q, origin) as Json, docs).hits.map((h) => h.doc.city as string).sort();
    const place = { postcode: SITTARD_POSTCODE, maxDistanceKm: 25 };
    expect(cities(query(place), SITTARD)).toEqual(['Geleen', 'Maastricht', 'Sittard', 'Vaals']);
    expect(cities(query({ ...place, scope: 'nearby' }), SITTARD)).toEqual(['Echt', 'Geleen', 'Maastricht', 'Roermond', 'Sittard', 'Vaals']);
    expect(cities(query({ scope: 'country' }))).toHaveLength(Object.keys(LIMBURG).length);
    // A hit names its region.
    expect(readSearchResponse({ hits: { total: 1, hits: [{ _source: toDocument(LIMBURG.venlo) }] } }).items[0]?.regionId).toBe('noord-limburg');
  });

  it('ORs the codes within a filter and ANDs the filters', () => {
    const body = buildSearchQuery(query({ careProfile: ['5VV', '6VV'], sector: 'VV' })) as Json;
    expect(body.post_filter).toEqual({ bool: { filter: [{ terms: { sectors: ['VV'] } }, { terms: { careProfiles: ['5VV', '6VV'] } }] } });
    expect(ids(query({ careProfile: ['5VV', '6VV'] }))).toEqual(['a', 'b', 'c']);
    expect(ids(query({ careProfile: ['5VV', '6VV'], sector: 'VV' }))).toEqual(['a', 'b']);
  });

  it('passes a yes/no filter only where it is known to hold', () => {
    expect(ids(query({ pets: 'true' }))).toEqual(['a', 'c']);
    expect(ids(query({ smallScale: 'true' }))).toEqual(['d']);
    expect(ids(query({ garden: 'true' }))).toEqual(['d']);
    const body = buildSearchQuery(query({ smallScale: 'true', shops: 'true' })) as Json;
    expect(body.post_filter).toEqual({ bool: { filter: [{ range: { groupSize: { lte: 8 } } }, { term: { shopsNearby: true } }] } });
  });

  it('passes day activities on site or nearby for the day activities filter, and on site alone for the stricter one', () => {
    const places = (['on-site', 'nearby', 'none', undefined] as const).map((dayActivities, i) => candidate({ housingFormId: `d${i}`, name: `D${i}`, dayActivities }));
    const found = (q: SearchQuery) => search(buildSearchQuery(q) as Json, docs(places)).hits.map((h) => (h.doc as unknown as MatchCandidate).housingFormId);
    expect(found(query({ dayActivities: 'true' }))).toEqual(['d0', 'd1']);
    expect(found(query({ dayActivitiesOnSite: 'true' }))).toEqual(['d0']);
    expect((buildSearchQuery(query({ dayActivities: 'true' })) as Json).post_filter).toEqual({ bool: { filter: [{ terms: { dayActivities: ['on-site', 'nearby'] } }] } });
  });

  it('counts facets disjunctively: each filter’s counts under every OTHER filter', () => {
    const response = run(query({ careProfile: ['5VV'], pets: 'true' }));
    expect(response.items.map((i) => i.housingFormId)).toEqual(['a', 'c']);
    expect(response.total).toBe(2);
    // careProfile counts ignore the careProfile filter (what choosing 6VV would add) but keep pets.
    expect(response.facets.careProfile).toEqual({ '5VV': 2, '6VV': 1 });
    // sector counts apply both filters.
    expect(response.facets.sector).toEqual({ VV: 1, VG: 1 });
    expect(response.facets.waitingList).toEqual({ available: 1, long: 1 });
  });

  it('aggregates every code filter over its field, with room for every code', () => {
    const body = buildSearchQuery(query({ sector: 'VV' })) as { aggs: Record<string, Json> };
    expect(Object.keys(body.aggs)).toEqual(CODE_FILTER_NAMES.map(facetName));
    expect(body.aggs[facetName('sector')]).toEqual({
      filter: { match_all: {} },
      aggs: { codes: { terms: { field: 'sectors', size: 7, min_doc_count: 1 } } },
    });
    expect(body.aggs[facetName('language')]).toMatchObject({
      filter: { bool: { filter: [{ terms: { sectors: ['VV'] } }] } },
      aggs: { codes: { terms: { field: CODE_FILTER_FIELDS.language } } },
    });
  });

  it('pages with from/size in a deterministic order: relevance, name key, ids', () => {
    const body = buildSearchQuery(query({ offset: 2, limit: 2 })) as Json;
    expect(body).toMatchObject({ from: 2, size: 2, track_total_hits: true });
    expect(body.sort).toEqual([{ _score: { order: 'desc' } }, { sortName: { order: 'asc' } }, { locationId: { order: 'asc' } }, { housingFormId: { order: 'asc' } }]);
    expect(ids(query({ offset: 2, limit: 2 }))).toEqual(['c', 'd']);
    expect(run(query({ offset: 2, limit: 2 })).total).toBe(4);
  });

  it('lists facet codes in the code list’s order, leaving out zero counts', () => {
    const facets = readSearchResponse({
      aggregations: { facet_sector: { codes: { buckets: [{ key: 'VG', doc_count: 5 }, { key: 'LG', doc_count: 0 }, { key: 'VV', doc_count: 2 }] } } },
    }).facets;
    expect(Object.entries(facets.sector!)).toEqual([['VV', 2], ['VG', 5]]);
  });

  it('reads an empty answer (no index yet) as no hits and empty facets', () => {
    expect(readSearchResponse({})).toEqual({ items: [], total: 0, facets: Object.fromEntries(CODE_FILTER_NAMES.map((n) => [n, {}])) });
  });
});
