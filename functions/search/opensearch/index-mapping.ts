// The OpenSearch index for housing forms: settings (a Dutch analyser), the mapping, and how a
// candidate becomes a document. The document IS the candidate (its `_source`), so the shared
// matcher can compute reasons and the exact score from a hit, plus one derived field,
// `knownFields`, which the queries need to tell 'unknown' from 'mismatch' (see below). The
// candidate's descriptions (`searchText`) are indexed for direct search and left out of every hit.
// `import type`, not `import { type … }`: the latter keeps a side-effect import of the package,
// which would bundle its whole Client.
import type { API } from '@opensearch-project/opensearch';
import { CODED_FACT_FIELDS, FLAG_FIELDS, waitingListConfirmedMs } from '../../../shared/domain/index.ts';
import { candidateCodedFacts, type MatchCandidate } from '../../../shared/matching/index.ts';

type IndexDefinition = API.Indices_Create_RequestBody;
type IndexSettings = NonNullable<IndexDefinition['settings']>;

/**
 * A page of results can start deep into a region (search allows offset 10,000 plus a page of 100;
 * the match query reads a few extra around its page), more than OpenSearch's default 10,000.
 */
export const MAX_RESULT_WINDOW = 20_000;

/**
 * Candidate fields that may be left out (undefined = unknown). An empty list cannot be told from a
 * missing one in OpenSearch (`[]` indexes no value, so `exists` is false for both), yet docs/domain.md
 * makes them different: a list that is given, even empty, is complete (a missing code is a
 * mismatch), a list left out is unknown. So each document lists the fields it gives.
 */
export const OPTIONAL_FIELDS = [
  'sectors', 'careProfiles', 'deliveryForms', 'targetGroups', 'worldview', 'cultures', 'communities',
  'languages', 'groupSize', 'minAge', 'maxAge', 'residentsMinAge', 'residentsMaxAge', 'facilities', ...FLAG_FIELDS,
  ...CODED_FACT_FIELDS,
] as const satisfies ReadonlyArray<keyof MatchCandidate>;
export type OptionalField = (typeof OPTIONAL_FIELDS)[number];

export const KNOWN_FIELDS = 'knownFields';

export type CandidateDocument = MatchCandidate & { [KNOWN_FIELDS]: OptionalField[] };

export function toDocument(candidate: MatchCandidate): CandidateDocument {
  return {
    ...candidate,
    // Worked out when missing, as the embedded engine does: a candidate stored before the number
    // existed lacks it, and a reindex alone then gives every document the field its range clause reads.
    [WAITING_LIST_CONFIRMED]: candidate.waitingListConfirmedMs ?? waitingListConfirmedMs(candidate.waitingList.updatedAt),
    // A candidate stored when day activities were yes/no gets its code, so a reindex alone suffices.
    ...candidateCodedFacts(candidate),
    [KNOWN_FIELDS]: OPTIONAL_FIELDS.filter((field) => candidate[field] !== undefined),
  };
}

/** The fields the waiting-list clauses compare: its status, and when it was confirmed (ms since the epoch). */
export const WAITING_LIST_STATUS = 'waitingList.status';
export const WAITING_LIST_CONFIRMED = 'waitingListConfirmedMs' satisfies keyof MatchCandidate;

/** The descriptions, indexed for full text; the matcher never reads them back. */
export const SEARCH_TEXT = 'searchText';

/**
 * What the queries leave out of `_source`: `knownFields`, and the descriptions (up to 12,000
 * characters a hit, which no answer shows).
 */
export const SOURCE_EXCLUDES = [KNOWN_FIELDS, SEARCH_TEXT];

/** The candidate back from a hit's `_source` (without `knownFields` and the descriptions). */
export function fromSource(source: unknown): MatchCandidate {
  const { [KNOWN_FIELDS]: _known, [SEARCH_TEXT]: _text, ...candidate } = source as CandidateDocument;
  return candidate;
}

/**
 * The version of this mapping, kept in the index's `_meta` so an operator can see which one a
 * live index has (`GET <alias>/_mapping`). Raise it with every change to the settings or the
 * mapping made by hand (a criterion's new yes/no field is listed in `_meta.flagFields`): an index keeps the mapping it was created with, so a change takes effect only after a
 * whole reindex (a new version behind the alias). 2: the descriptions (`searchText`). 3: when the
 * waiting list was confirmed (`waitingListConfirmedMs`), for "older than 30 days counts as unknown",
 * and the number to call (`phone`, stored only). 4: the residents' ages (`residentsMinAge`,
 * `residentsMaxAge`), and `dayActivities` a keyword (on-site, nearby, none) instead of a boolean.
 */
export const MAPPING_VERSION = 4;

/** The analyser for text: Dutch stemming ('tuinen' finds 'tuin'), accents folded ('cafe' finds 'café'). */
export const DUTCH_ANALYZER = 'dutch_text';

export const INDEX_SETTINGS = {
  // Tens of thousands of small documents nationally: one shard is plenty, and scores and term
  // counts are then computed over one shard, so facets and ties are exact and repeatable.
  number_of_shards: 1,
  // One replica where a second node exists (production), none on a single-node domain (dev),
  // so a dev domain is not permanently yellow.
  auto_expand_replicas: '0-1',
  max_result_window: MAX_RESULT_WINDOW,
  analysis: {
    filter: {
      dutch_stop: { type: 'stop', stopwords: '_dutch_' },
      dutch_stemmer: { type: 'stemmer', language: 'dutch' },
    },
    analyzer: {
      [DUTCH_ANALYZER]: {
        type: 'custom',
        tokenizer: 'standard',
        filter: ['lowercase', 'asciifolding', 'dutch_stop', 'dutch_stemmer'],
      },
    },
  },
} satisfies IndexSettings;

const keyword = { type: 'keyword' } as const;
const bool = { type: 'boolean' } as const;
const integer = { type: 'integer' } as const;
const long = { type: 'long' } as const;
const dutchText = { type: 'text', analyzer: DUTCH_ANALYZER } as const;

export const INDEX_MAPPINGS = {
  // A field the candidate gains later is kept in _source (so the shared code sees it) but not
  // indexed until the mapping names it: no surprise dynamic mappings, no rejected documents.
  dynamic: false,
  // The yes/no fields come from the criterion registry: listed here too, so a live index whose
  // mapping predates a new criterion shows it (`GET <alias>/_mapping`) and needs `npm run reindex`.
  _meta: { mappingVersion: MAPPING_VERSION, flagFields: [...FLAG_FIELDS], codedFields: [...CODED_FACT_FIELDS] },
  properties: {
    id: keyword,
    regionId: keyword,
    housingFormId: keyword,
    locationId: keyword,
    organizationId: keyword,
    name: dutchText,
    /** The shared ordering key (candidate.ts): a keyword sorts by it exactly as the matcher does. */
    sortName: keyword,
    locationName: dutchText,
    organizationName: dutchText,
    city: dutchText,
    /** The number to call, shown on a card: kept, never searched or sorted on. */
    phone: { type: 'keyword', index: false, doc_values: false },
    point: { type: 'geo_point' },
    type: keyword,
    sectors: keyword,
    careProfiles: keyword,
    deliveryForms: keyword,
    targetGroups: keyword,
    worldview: keyword,
    cultures: keyword,
    communities: keyword,
    languages: keyword,
    groupSize: integer,
    minAge: integer,
    maxAge: integer,
    residentsMinAge: integer,
    residentsMaxAge: integer,
    facilities: keyword,
    // Every yes/no fact a criterion reads (criterion-registry.ts).
    ...(Object.fromEntries(FLAG_FIELDS.map((field) => [field, bool])) as Record<(typeof FLAG_FIELDS)[number], typeof bool>),
    // Every coded fact a criterion reads, as the code.
    ...(Object.fromEntries(CODED_FACT_FIELDS.map((field) => [field, keyword])) as Record<(typeof CODED_FACT_FIELDS)[number], typeof keyword>),
    // Only the status is queried; weeks, places and the date stay in _source unindexed, so a date
    // format the import accepts can never make OpenSearch refuse a document. The date is compared as
    // the candidate's number instead (a range clause: current = confirmed in the last 30 days).
    waitingList: { properties: { status: keyword } },
    [WAITING_LIST_CONFIRMED]: long,
    [KNOWN_FIELDS]: keyword,
    [SEARCH_TEXT]: dutchText,
  },
} satisfies IndexDefinition['mappings'];

/** The body of a create-index request. */
export function indexDefinition(aliases: readonly string[] = []): IndexDefinition {
  return {
    settings: INDEX_SETTINGS,
    mappings: INDEX_MAPPINGS,
    ...(aliases.length > 0 ? { aliases: Object.fromEntries(aliases.map((a) => [a, {}])) } : {}),
  };
}
