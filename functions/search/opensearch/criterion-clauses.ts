// Each criterion as OpenSearch clauses that agree with shared/matching/evaluate.ts: `match` holds
// exactly where the shared predicate says 'match', `unknown` exactly where it says 'unknown'
// (absent when the criterion can never be unknown); 'mismatch' is neither. The match query builds
// everything else (musts as filters, weights, near misses) from these two clauses.
import { type Criterion } from '../../../shared/domain/index.ts';
import { SMALL_SCALE_MAX_GROUP_SIZE } from '../../../shared/matching/index.ts';
import { KNOWN_FIELDS, type OptionalField } from './index-mapping.ts';

/** A piece of query DSL (plain JSON). */
export type Clause = Record<string, unknown>;

export interface CriterionClauses {
  match: Clause;
  unknown?: Clause;
}

const term = (field: string, value: string | number | boolean): Clause => ({ term: { [field]: value } });
const known = (field: OptionalField): Clause => term(KNOWN_FIELDS, field);
const notKnown = (...fields: OptionalField[]): Clause => ({ bool: { must_not: fields.map(known) } });

/** A list code: the list holds it; unknown when the list was left out (an empty list is known). */
const listCode = (field: OptionalField, code: string): CriterionClauses => ({ match: term(field, code), unknown: notKnown(field) });

/** A yes/no fact: true matches, false is a mismatch, left out is unknown. */
const flag = (field: OptionalField): CriterionClauses => ({ match: term(field, true), unknown: notKnown(field) });

/** Per criterion the list or flag field of the candidate it reads. */
const LIST_FIELDS = {
  sector: 'sectors',
  careProfile: 'careProfiles',
  deliveryForm: 'deliveryForms',
  targetGroup: 'targetGroups',
  culture: 'cultures',
  community: 'communities',
  language: 'languages',
} as const satisfies Record<string, OptionalField>;

const FLAG_FIELDS = {
  partner: 'partner',
  pets: 'pets',
  smoking: 'smoking',
  ownBathroom: 'ownBathroom',
  kitchenette: 'kitchenette',
  wheelchair: 'wheelchair',
  roundTheClock: 'roundTheClock',
  dayActivities: 'dayActivities',
  publicTransport: 'publicTransport',
  shops: 'shopsNearby',
} as const satisfies Record<string, OptionalField>;

export function criterionClauses(criterion: Criterion): CriterionClauses {
  switch (criterion.criterion) {
    case 'sector':
    case 'careProfile':
    case 'deliveryForm':
    case 'targetGroup':
    case 'culture':
    case 'community':
    case 'language':
      return listCode(LIST_FIELDS[criterion.criterion], criterion.value);
    case 'housingType':
      // Every housing form has a type: never unknown.
      return { match: term('type', criterion.value) };
    case 'worldview':
      return { match: term('worldview', criterion.value), unknown: notKnown('worldview') };
    case 'age':
      return ageClauses(criterion.value);
    case 'partner':
    case 'pets':
    case 'smoking':
    case 'ownBathroom':
    case 'kitchenette':
    case 'wheelchair':
    case 'roundTheClock':
    case 'dayActivities':
    case 'publicTransport':
    case 'shops':
      return flag(FLAG_FIELDS[criterion.criterion]);
    case 'smallScale':
      return { match: { range: { groupSize: { lte: SMALL_SCALE_MAX_GROUP_SIZE } } }, unknown: notKnown('groupSize') };
    case 'garden':
      return { match: term('facilities', 'garden'), unknown: notKnown('facilities') };
    case 'availableSoon':
      // The waiting list is always reported: never unknown.
      return { match: { terms: { 'waitingList.status': ['available', 'short'] } } };
    default:
      return unreachable(criterion);
  }
}

/**
 * The age range holds the age: some bound is given and no given bound is violated (a range on a
 * missing field matches nothing, so `must_not` only rules out bounds that are given and broken).
 * Unknown when neither bound is given.
 */
function ageClauses(age: number): CriterionClauses {
  return {
    match: {
      bool: {
        should: [known('minAge'), known('maxAge')],
        minimum_should_match: 1,
        must_not: [{ range: { minAge: { gt: age } } }, { range: { maxAge: { lt: age } } }],
      },
    },
    unknown: notKnown('minAge', 'maxAge'),
  };
}

function unreachable(criterion: never): never {
  throw new Error(`No OpenSearch clauses for criterion ${JSON.stringify(criterion)}`);
}
