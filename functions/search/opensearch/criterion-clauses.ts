// Each criterion as OpenSearch clauses that agree with shared/matching/evaluate.ts: `match` holds
// exactly where the shared predicate says 'match', `unknown` exactly where it says 'unknown'
// (absent when the criterion can never be unknown); 'mismatch' is neither. The match query builds
// everything else (musts as filters, weights, near misses) from these two clauses.
import { criterionRead, type Criterion, type FlagFilterName } from '../../../shared/domain/index.ts';
import { KNOWN_FIELDS, WAITING_LIST_CONFIRMED, WAITING_LIST_STATUS, type OptionalField } from './index-mapping.ts';

/** A piece of query DSL (plain JSON). */
export type Clause = Record<string, unknown>;

export interface CriterionClauses {
  match: Clause;
  unknown?: Clause;
}

const term = (field: string, value: string | number | boolean): Clause => ({ term: { [field]: value } });
const known = (field: OptionalField): Clause => term(KNOWN_FIELDS, field);
const notKnown = (...fields: OptionalField[]): Clause => ({ bool: { must_not: fields.map(known) } });

/**
 * The waiting-list state is current: confirmed no earlier than `currentSinceMs` (waiting-list-age.ts).
 * A document without the number (indexed before it existed, until `npm run reindex`) is not current,
 * as the shared matcher says of a candidate without it.
 */
export function waitingListCurrent(currentSinceMs: number): Clause {
  return { range: { [WAITING_LIST_CONFIRMED]: { gte: currentSinceMs } } };
}

/**
 * The clauses for how the registry says a criterion reads its candidate (evaluate.ts reads the
 * same), at the moment given by `currentSinceMs` (waitingListCurrentSinceMs of the request's moment).
 */
export function criterionClauses(criterion: Criterion, currentSinceMs: number): CriterionClauses {
  return clausesOf(criterion, currentSinceMs);
}

/** A direct-search filter: none reads the waiting list, so none needs the moment of the request. */
export function flagFilterClause(name: FlagFilterName): Clause {
  return clausesOf({ criterion: name, importance: 'must' }, undefined).match;
}

function clausesOf(criterion: Criterion, currentSinceMs: number | undefined): CriterionClauses {
  const how = criterionRead(criterion.criterion);
  const value = 'value' in criterion ? criterion.value : undefined;
  switch (how.read) {
    case 'list':
      // The list holds the code; unknown when the list was left out (an empty list is known).
      return { match: term(how.field, value as string), unknown: notKnown(how.field as OptionalField) };
    case 'code':
      return {
        match: term(how.field, value as string),
        ...(how.alwaysKnown ? {} : { unknown: notKnown(how.field as OptionalField) }),
      };
    case 'range':
      return rangeClauses(how.min as OptionalField, how.max as OptionalField, value as number);
    case 'flag':
      // True matches, false is a mismatch, left out is unknown.
      return { match: term(how.field, true), unknown: notKnown(how.field as OptionalField) };
    case 'codeIn':
      // One of the codes matches, another code is a mismatch, left out is unknown.
      return { match: { terms: { [how.field]: [...how.codes] } }, unknown: notKnown(how.field) };
    case 'atMost':
      return { match: { range: { [how.field]: { lte: how.max } } }, unknown: notKnown(how.field as OptionalField) };
    case 'listHas':
      return { match: term(how.field, how.code), unknown: notKnown(how.field as OptionalField) };
    case 'waitingList': {
      if (currentSinceMs === undefined) throw new Error(`${criterion.criterion} reads the waiting list: it needs the moment of the request.`);
      const current = waitingListCurrent(currentSinceMs);
      // Always reported, so unknown only when it is no longer current.
      return {
        match: { bool: { filter: [{ terms: { [WAITING_LIST_STATUS]: [...how.codes] } }, current] } },
        unknown: { bool: { must_not: [current] } },
      };
    }
    default:
      return unreachable(how);
  }
}

/**
 * The range holds the value: some bound is given and no given bound is violated (a range on a
 * missing field matches nothing, so `must_not` only rules out bounds that are given and broken).
 * Unknown when neither bound is given.
 */
function rangeClauses(min: OptionalField, max: OptionalField, value: number): CriterionClauses {
  return {
    match: {
      bool: {
        should: [known(min), known(max)],
        minimum_should_match: 1,
        must_not: [{ range: { [min]: { gt: value } } }, { range: { [max]: { lt: value } } }],
      },
    },
    unknown: notKnown(min, max),
  };
}

function unreachable(how: never): never {
  throw new Error(`No OpenSearch clauses for ${JSON.stringify(how)}`);
}
