// Each criterion as OpenSearch clauses that agree with shared/matching/evaluate.ts: `match` holds
// exactly where the shared predicate says 'match', `unknown` exactly where it says 'unknown'
// (absent when the criterion can never be unknown); 'mismatch' is neither. The match query builds
// everything else (musts as filters, weights, near misses) from these two clauses.
import { criterionRead, type Criterion } from '../../../shared/domain/index.ts';
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

/** The clauses for how the registry says a criterion reads its candidate (evaluate.ts reads the same). */
export function criterionClauses(criterion: Criterion): CriterionClauses {
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
    case 'atMost':
      return { match: { range: { [how.field]: { lte: how.max } } }, unknown: notKnown(how.field as OptionalField) };
    case 'listHas':
      return { match: term(how.field, how.code), unknown: notKnown(how.field as OptionalField) };
    case 'oneOf':
      // Always known: never unknown.
      return { match: { terms: { [how.field]: [...how.codes] } } };
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
