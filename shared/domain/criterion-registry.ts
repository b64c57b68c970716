// The criteria, each declared once: its kind, the candidate field it reads and how, and where it
// shows up (a search filter, a feature of a housing form). Everything else is derived from this
// table: the criterion and listing schemas, the matcher's predicates, both search engines' clauses
// and filters, the OpenSearch mapping, the questionnaire's checks, the feature lists of the
// location and compare pages, and the demonstration data. Its wording lives in shared/i18n (the
// key is the criterion's name), where the compiler asks for a text per criterion and language.
//
// Plain data with no zod, so the site's scripts can read it without growing their bundles.
// The order is the order people see: search filters and features follow it.
import {
  CARE_PROFILES, COMMUNITIES, CULTURES, DAY_ACTIVITIES, DELIVERY_FORMS, HOUSING_TYPES, LANGUAGES, SECTORS, TARGET_GROUPS,
  WORLDVIEWS,
} from './codes.ts';

/** docs/domain.md: "small-scale" is a group of at most this many residents. */
export const SMALL_SCALE_MAX_GROUP_SIZE = 8;

/**
 * How a criterion reads its candidate:
 * - `list`: the candidate's list holds the wanted code (a list left out is unknown; a given list is complete);
 * - `code`: the candidate's one code is the wanted one (`alwaysKnown` when every listing must give it);
 * - `range`: the wanted number lies within the `min`..`max` fields (a missing bound is open, both missing unknown);
 * - `flag`: a yes/no field of the housing form or its location (left out is unknown, not no);
 * - `codeIn`: a coded fact of the housing form (`CODED_FACTS`) is one of `codes` (left out is unknown);
 * - `atMost`: a number field is at most `max`;
 * - `listHas`: a list field holds one fixed code;
 * - `waitingList`: the waiting list's status is one of `codes`; unknown when the state is no longer
 *   current at the moment of the request (waiting-list-age.ts), since an old "place free" is not one.
 */
export type CriterionRead =
  | { read: 'list'; field: string }
  | { read: 'code'; field: string; alwaysKnown?: true }
  | { read: 'range'; min: string; max: string }
  | { read: 'flag'; field: string; on: 'housingForm' | 'location' }
  | { read: 'codeIn'; field: CodedFactField; codes: readonly string[] }
  | { read: 'atMost'; field: string; max: number }
  | { read: 'listHas'; field: string; code: string }
  | { read: 'waitingList'; codes: readonly string[] };

/**
 * Facts of a housing form answered with one of a few codes where yes/no said too little (left out
 * is unknown). `yesNo` is how a listing written when the fact was still yes/no reads: the import
 * format (docs/domain.md) had `dayActivities` as a boolean, meaning "on site".
 */
export const CODED_FACTS = {
  dayActivities: { codes: DAY_ACTIVITIES, yesNo: { yes: 'on-site', no: 'none' } },
} as const satisfies Record<string, { codes: readonly [string, ...string[]]; yesNo?: { yes: string; no: string } }>;
export type CodedFactField = keyof typeof CODED_FACTS;
export type CodedFacts = { [F in CodedFactField]: (typeof CODED_FACTS)[F]['codes'][number] | undefined };
export const CODED_FACT_FIELDS = Object.keys(CODED_FACTS) as readonly CodedFactField[];

/**
 * A coded fact as stored or delivered, read in today's codes: a code stays, a yes/no from before
 * the fact had codes becomes its code, anything else (left out, unreadable) is unknown.
 */
export function codedFact<F extends CodedFactField>(field: F, value: unknown): CodedFacts[F] {
  const fact = CODED_FACTS[field];
  if (typeof value === 'boolean') return (value ? fact.yesNo.yes : fact.yesNo.no) as CodedFacts[F];
  return (fact.codes as readonly unknown[]).includes(value) ? (value as CodedFacts[F]) : undefined;
}

interface Declaration {
  /** `code`: the value is one of `codes`; `number`: a whole number; `flag`: no value. */
  kind: 'code' | 'number' | 'flag';
  codes?: readonly [string, ...string[]];
  /** Inclusive bounds of a number value. */
  range?: readonly [number, number];
  reads: CriterionRead;
  /** Offered as a filter of direct search (code criteria filter by any of their codes, flags by "yes"). */
  searchFilter?: true;
  /** Shown in a housing form's list of "what is possible here" (location and compare pages). */
  feature?: true;
  /** Only in a single-choice question: a housing form holds one value of it, so two musts exclude everything. */
  singleValued?: true;
}

export const CRITERIA = {
  sector: { kind: 'code', codes: SECTORS, reads: { read: 'list', field: 'sectors' }, searchFilter: true },
  careProfile: { kind: 'code', codes: CARE_PROFILES, reads: { read: 'list', field: 'careProfiles' }, searchFilter: true },
  deliveryForm: { kind: 'code', codes: DELIVERY_FORMS, reads: { read: 'list', field: 'deliveryForms' }, searchFilter: true },
  targetGroup: { kind: 'code', codes: TARGET_GROUPS, reads: { read: 'list', field: 'targetGroups' }, searchFilter: true },
  housingType: {
    kind: 'code', codes: HOUSING_TYPES, reads: { read: 'code', field: 'type', alwaysKnown: true }, searchFilter: true, singleValued: true,
  },
  // The housing form's own worldview, else its organisation's (the candidate holds the one that applies).
  worldview: { kind: 'code', codes: WORLDVIEWS, reads: { read: 'code', field: 'worldview' }, searchFilter: true, singleValued: true },
  culture: { kind: 'code', codes: CULTURES, reads: { read: 'list', field: 'cultures' }, searchFilter: true },
  community: { kind: 'code', codes: COMMUNITIES, reads: { read: 'list', field: 'communities' }, searchFilter: true },
  language: { kind: 'code', codes: LANGUAGES, reads: { read: 'list', field: 'languages' }, searchFilter: true },
  // Who may come (the admission rule, minAge..maxAge) is not who lives there: a place "from 18"
  // may house people of 18 to 30. `ageGroup` reads the residents' ages, for "people of about my age".
  age: { kind: 'number', range: [0, 120], reads: { read: 'range', min: 'minAge', max: 'maxAge' }, singleValued: true },
  ageGroup: {
    kind: 'number', range: [0, 120], reads: { read: 'range', min: 'residentsMinAge', max: 'residentsMaxAge' }, singleValued: true, feature: true,
  },
  garden: { kind: 'flag', reads: { read: 'listHas', field: 'facilities', code: 'garden' }, searchFilter: true },
  ownBathroom: { kind: 'flag', reads: { read: 'flag', field: 'ownBathroom', on: 'housingForm' }, searchFilter: true, feature: true },
  kitchenette: { kind: 'flag', reads: { read: 'flag', field: 'kitchenette', on: 'housingForm' }, searchFilter: true, feature: true },
  // Residents cook for themselves or help cook: among what older people and their families most want to know.
  cooking: { kind: 'flag', reads: { read: 'flag', field: 'cooking', on: 'housingForm' }, searchFilter: true, feature: true },
  smallScale: {
    kind: 'flag', reads: { read: 'atMost', field: 'groupSize', max: SMALL_SCALE_MAX_GROUP_SIZE }, searchFilter: true,
  },
  partner: { kind: 'flag', reads: { read: 'flag', field: 'partner', on: 'housingForm' }, searchFilter: true, feature: true },
  pets: { kind: 'flag', reads: { read: 'flag', field: 'pets', on: 'housingForm' }, searchFilter: true, feature: true },
  smoking: { kind: 'flag', reads: { read: 'flag', field: 'smoking', on: 'housingForm' }, searchFilter: true, feature: true },
  wheelchair: { kind: 'flag', reads: { read: 'flag', field: 'wheelchair', on: 'housingForm' }, searchFilter: true, feature: true },
  roundTheClock: { kind: 'flag', reads: { read: 'flag', field: 'roundTheClock', on: 'housingForm' }, searchFilter: true, feature: true },
  // Day activities on site or nearby with transport both serve the wish; on site alone is the stricter one.
  dayActivities: { kind: 'flag', reads: { read: 'codeIn', field: 'dayActivities', codes: ['on-site', 'nearby'] }, searchFilter: true, feature: true },
  dayActivitiesOnSite: { kind: 'flag', reads: { read: 'codeIn', field: 'dayActivities', codes: ['on-site'] }, searchFilter: true },
  publicTransport: { kind: 'flag', reads: { read: 'flag', field: 'publicTransport', on: 'location' }, searchFilter: true },
  shops: { kind: 'flag', reads: { read: 'flag', field: 'shopsNearby', on: 'location' }, searchFilter: true },
  // The waiting list is always reported, but a state confirmed more than 30 days before the request
  // is unknown ("ask the provider"): it neither fits nor fails (issue 13).
  availableSoon: { kind: 'flag', reads: { read: 'waitingList', codes: ['available', 'short'] } },
} as const satisfies Record<string, Declaration>;

type Registry = typeof CRITERIA;
export type CriterionName = keyof Registry;
type NamesWhere<P> = { [N in CriterionName]: Registry[N] extends P ? N : never }[CriterionName];

export type CodeCriterionName = NamesWhere<{ kind: 'code' }>;
export type NumberCriterionName = NamesWhere<{ kind: 'number' }>;
export type FlagCriterionName = NamesWhere<{ kind: 'flag' }>;
export type ValueCriterionName = CodeCriterionName | NumberCriterionName;
/** The yes/no criteria a direct search can filter on. */
export type FlagFilterName = NamesWhere<{ kind: 'flag'; searchFilter: true }>;
export type FeatureName = NamesWhere<{ feature: true }>;
/** The criteria every listing must answer: never unknown, so never a question for the provider. */
export type AlwaysKnownName = NamesWhere<{ reads: { alwaysKnown: true } }>;
/** The criteria a housing form may leave unknown ("ask the provider"). */
export type AskableCriterionName = Exclude<CriterionName, AlwaysKnownName>;

/** The candidate's yes/no fields that criteria read: of the housing form, and of its location. */
type FlagFieldOn<On> = { [N in CriterionName]: Registry[N]['reads'] extends { read: 'flag'; field: infer F; on: On } ? F : never }[CriterionName];
export type HousingFormFlagField = FlagFieldOn<'housingForm'>;
export type LocationFlagField = FlagFieldOn<'location'>;
export type FlagField = HousingFormFlagField | LocationFlagField;

const names = Object.keys(CRITERIA) as CriterionName[];
const where = <N extends CriterionName>(test: (d: Declaration) => boolean) =>
  names.filter((n) => test(CRITERIA[n])) as N[];

export const CRITERION_NAMES = names as readonly CriterionName[] as readonly [CriterionName, ...CriterionName[]];
export const CODE_CRITERIA: readonly CodeCriterionName[] = where((d) => d.kind === 'code');
export const NUMBER_CRITERIA: readonly NumberCriterionName[] = where((d) => d.kind === 'number');
export const VALUE_CRITERIA: readonly ValueCriterionName[] = where((d) => d.kind !== 'flag');
export const FLAG_CRITERIA = where((d) => d.kind === 'flag') as readonly FlagCriterionName[] as readonly [FlagCriterionName, ...FlagCriterionName[]];
export const FLAG_FILTERS: readonly FlagFilterName[] = where((d) => d.kind === 'flag' && d.searchFilter === true);
export const CODE_SEARCH_FILTERS: readonly CodeCriterionName[] = where((d) => d.kind === 'code' && d.searchFilter === true);
/**
 * A feature of a housing form as its pages show it: a yes/no field, a coded fact (its code in
 * words), or a range of two number fields (left out: unknown).
 */
export type Feature =
  | { criterion: FeatureName; show: 'yesNo'; field: HousingFormFlagField }
  | { criterion: FeatureName; show: 'code'; field: CodedFactField }
  | { criterion: FeatureName; show: 'range'; min: string; max: string };
export const FEATURES: readonly Feature[] = where<FeatureName>((d) => d.feature === true).map((criterion): Feature => {
  const reads: CriterionRead = CRITERIA[criterion].reads;
  switch (reads.read) {
    case 'flag':
      return { criterion, show: 'yesNo', field: reads.field as HousingFormFlagField };
    case 'codeIn':
      return { criterion, show: 'code', field: reads.field };
    case 'range':
      return { criterion, show: 'range', min: reads.min, max: reads.max };
    default:
      throw new Error(`The feature ${criterion} reads its housing form in a way no page shows.`);
  }
});
/** The criteria a housing form may leave unknown, in registry order: each has a question for the provider. */
export const ASKABLE_CRITERIA = where<AskableCriterionName>((d) => !('alwaysKnown' in d.reads && d.reads.alwaysKnown === true));
export const SINGLE_VALUED_CRITERIA: readonly CriterionName[] = where((d) => d.singleValued === true);

const flagFieldsOn = <F extends string>(on: 'housingForm' | 'location'): readonly F[] =>
  names.flatMap((n) => {
    const reads: CriterionRead = CRITERIA[n].reads;
    return reads.read === 'flag' && reads.on === on ? [reads.field as F] : [];
  });
/** In registry order; the candidate, the listing schema and the OpenSearch mapping hold them in this order. */
export const HOUSING_FORM_FLAG_FIELDS = flagFieldsOn<HousingFormFlagField>('housingForm');
export const LOCATION_FLAG_FIELDS = flagFieldsOn<LocationFlagField>('location');
export const FLAG_FIELDS: readonly FlagField[] = [...HOUSING_FORM_FLAG_FIELDS, ...LOCATION_FLAG_FIELDS];

/** How a criterion reads its candidate (typed loosely: the engines only need the shape). */
export function criterionRead(name: CriterionName): CriterionRead {
  return CRITERIA[name].reads;
}

/** Whether a criterion is a yes/no one (it has no value). */
export function isFlagCriterion(name: string): name is FlagCriterionName {
  return (FLAG_CRITERIA as readonly string[]).includes(name);
}
