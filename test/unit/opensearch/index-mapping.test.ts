import { describe, expect, it } from 'vitest';
import {
  DUTCH_ANALYZER, INDEX_MAPPINGS, INDEX_SETTINGS, MAPPING_VERSION, OPTIONAL_FIELDS, fromSource, indexDefinition, toDocument,
} from '../../../functions/search/opensearch/index-mapping.ts';
import { aliasName, firstVersionName, versionName, versionPattern } from '../../../functions/search/opensearch/index-names.ts';
import { fixedClock } from '../../../shared/clock.ts';
import { FLAG_FIELDS } from '../../../shared/domain/index.ts';
import type { MatchCandidate } from '../../../shared/matching/index.ts';
import { candidate } from '../../fixtures/candidates.ts';

const props = INDEX_MAPPINGS.properties as Record<string, { type?: string; analyzer?: string; properties?: Record<string, { type: string }> }>;

describe('the index mapping', () => {
  it('analyses names with a Dutch analyser: stop words, Dutch stemmer, accents folded', () => {
    expect(INDEX_SETTINGS.analysis.analyzer[DUTCH_ANALYZER]).toEqual({
      type: 'custom',
      tokenizer: 'standard',
      filter: ['lowercase', 'asciifolding', 'dutch_stop', 'dutch_stemmer'],
    });
    expect(INDEX_SETTINGS.analysis.filter.dutch_stemmer).toEqual({ type: 'stemmer', language: 'dutch' });
    expect(INDEX_SETTINGS.analysis.filter.dutch_stop).toEqual({ type: 'stop', stopwords: '_dutch_' });
    for (const field of ['name', 'locationName', 'organizationName', 'city', 'searchText']) {
      expect(props[field], field).toEqual({ type: 'text', analyzer: DUTCH_ANALYZER });
    }
  });

  it('says which mapping version an index was created with (4: the residents\' ages, day activities as a code)', () => {
    expect(MAPPING_VERSION).toBe(4);
    expect(indexDefinition().mappings).toMatchObject({ _meta: { mappingVersion: 4, codedFields: ['dayActivities'] } });
  });

  it('indexes when the waiting list was confirmed as a number, for the range clause of "current"', () => {
    expect(props.waitingListConfirmedMs).toEqual({ type: 'long' });
    // A candidate stored before the number existed gets it in its document, so a reindex alone suffices.
    const { waitingListConfirmedMs: _dropped, ...older } = candidate({ waitingList: { status: 'available', updatedAt: '2026-10-01' } });
    expect(toDocument(older as MatchCandidate).waitingListConfirmedMs).toBe(Date.parse('2026-10-01T12:00:00Z'));
  });

  it('maps the point as geo_point, codes and ids as keywords, facts as booleans and integers', () => {
    expect(props.point).toEqual({ type: 'geo_point' });
    for (const field of ['id', 'regionId', 'housingFormId', 'locationId', 'organizationId', 'sortName', 'type', 'sectors', 'careProfiles', 'deliveryForms', 'targetGroups', 'worldview', 'cultures', 'communities', 'languages', 'facilities', 'knownFields']) {
      expect(props[field], field).toEqual({ type: 'keyword' });
    }
    expect(FLAG_FIELDS).toEqual(expect.arrayContaining(['ownBathroom', 'kitchenette', 'publicTransport', 'shopsNearby']));
    for (const field of FLAG_FIELDS) {
      expect(props[field], field).toEqual({ type: 'boolean' });
    }
    // Day activities were a boolean until mapping 4: now on-site, nearby or none.
    expect(FLAG_FIELDS).not.toContain('dayActivities');
    expect(props.dayActivities).toEqual({ type: 'keyword' });
    for (const field of ['groupSize', 'minAge', 'maxAge', 'residentsMinAge', 'residentsMaxAge']) expect(props[field], field).toEqual({ type: 'integer' });
    // A candidate stored when day activities were yes/no is indexed with its code: a reindex alone suffices.
    const older = { ...candidate(), dayActivities: true } as unknown as MatchCandidate;
    expect(toDocument(older).dayActivities).toBe('on-site');
    expect(toDocument(older).knownFields).toContain('dayActivities');
    expect(props.waitingList?.properties?.status).toEqual({ type: 'keyword' });
  });

  it('maps every field the matcher reads, and keeps fields it does not know in _source only', () => {
    const unmapped = Object.keys(candidate()).filter((key) => !(key in props));
    expect(unmapped).toEqual([]);
    expect(INDEX_MAPPINGS.dynamic).toBe(false);
  });

  it('uses one shard, expands replicas where a second node exists, and allows deep pages', () => {
    expect(INDEX_SETTINGS).toMatchObject({ number_of_shards: 1, auto_expand_replicas: '0-1', max_result_window: 20_000 });
    expect(indexDefinition(['woonwijzer-dev-housing-forms']).aliases).toEqual({ 'woonwijzer-dev-housing-forms': {} });
    expect(indexDefinition()).not.toHaveProperty('aliases');
  });
});

describe('documents', () => {
  it('are the candidate plus the fields it gives (an empty list is given; undefined is not)', () => {
    const c = candidate({ careProfiles: [], pets: false, languages: ['nl'], worldview: undefined });
    const doc = toDocument(c);
    expect(doc.knownFields).toContain('careProfiles');
    expect(doc.knownFields).toContain('pets');
    expect(doc.knownFields).toContain('languages');
    expect(doc.knownFields).toContain('sectors');
    expect(doc.knownFields).not.toContain('worldview');
    expect(doc.knownFields).not.toContain('wheelchair');
    expect(doc.knownFields.every((f) => (OPTIONAL_FIELDS as readonly string[]).includes(f))).toBe(true);
  });

  it('come back from _source as the candidate', () => {
    const c = candidate({ pets: true });
    const source = JSON.parse(JSON.stringify(toDocument(c))) as unknown;
    expect(fromSource(source)).toEqual(JSON.parse(JSON.stringify(c)));
  });

  it('carry the descriptions for full text, which never come back as part of the candidate', () => {
    const c = candidate({ searchText: 'Een grote tuin.' });
    const doc = toDocument(c);
    expect(doc.searchText).toBe('Een grote tuin.');
    const { searchText: _text, ...withoutText } = c;
    expect(fromSource(JSON.parse(JSON.stringify(doc)))).toEqual(JSON.parse(JSON.stringify(withoutText)));
  });
});

describe('index names', () => {
  it('put every version behind one alias under the stage prefix', () => {
    expect(aliasName('woonwijzer-dev')).toBe('woonwijzer-dev-housing-forms');
    expect(versionName('woonwijzer-dev', fixedClock('2026-11-23T12:34:56.789Z'))).toBe('woonwijzer-dev-housing-forms-v20261123t123456789z');
    expect(firstVersionName('woonwijzer-dev')).toBe('woonwijzer-dev-housing-forms-v0');
    expect(versionPattern('woonwijzer-dev')).toBe('woonwijzer-dev-housing-forms-v*');
  });
});
