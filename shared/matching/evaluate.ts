// Whether one criterion holds for one candidate: 'match', 'mismatch' or 'unknown', following the
// criteria table of docs/domain.md. A criterion is compiled once per request into a small predicate,
// so the scan over tens of thousands of candidates does no per-candidate dispatch on the name.
import {
  criterionRead, isCurrentSince, waitingListCurrentSinceMs, type Criterion, type FlagFilterName, type Outcome,
} from '../domain/index.ts';
import { type MatchCandidate } from './candidate.ts';

export type CandidatePredicate = (candidate: MatchCandidate) => Outcome;

/** A list left out is unknown; a list given (even empty) is complete, so a missing code is a mismatch. */
function inList(list: readonly unknown[] | undefined, code: unknown): Outcome {
  if (list === undefined) return 'unknown';
  return list.includes(code) ? 'match' : 'mismatch';
}

/** A boolean left out is unknown, not false. */
function flag(value: boolean | undefined): Outcome {
  if (value === undefined) return 'unknown';
  return value ? 'match' : 'mismatch';
}

/**
 * The range holds the value. A bound that is given and violated is a mismatch whatever the other
 * bound. With one bound given and kept, the range is open on the other side (providers write
 * "from 18" or "up to 30" and mean exactly that), so it is a match; with no bound at all, unknown.
 */
function inRange(min: number | undefined, max: number | undefined, value: number): Outcome {
  if (min === undefined && max === undefined) return 'unknown';
  if (min !== undefined && value < min) return 'mismatch';
  if (max !== undefined && value > max) return 'mismatch';
  return 'match';
}

/** The candidate's facts by field name; the registry names the fields. */
type Facts = Record<string, unknown>;
const read = (field: string): ((c: MatchCandidate) => unknown) => (c) => (c as unknown as Facts)[field];

/**
 * One predicate per criterion, compiled once per request from how the registry says the
 * criterion reads its candidate, so the scan does no per-candidate dispatch on the name. `asOf` is
 * the moment of the request: a waiting-list state older than 30 days before it is unknown.
 */
export function compileCriterion(criterion: Criterion, asOf: Date): CandidatePredicate {
  return compile(criterion, asOf);
}

/**
 * A direct-search filter ("yes" to a yes/no criterion): none of them reads the waiting list, so
 * none needs the moment of the request.
 */
export function compileFlagFilter(name: FlagFilterName): CandidatePredicate {
  return compile({ criterion: name, importance: 'must' }, undefined);
}

function compile(criterion: Criterion, asOf: Date | undefined): CandidatePredicate {
  const how = criterionRead(criterion.criterion);
  const value = 'value' in criterion ? criterion.value : undefined;
  switch (how.read) {
    // A plain field is read in the predicate itself (no accessor call in the hot loop).
    case 'list': {
      const field = how.field;
      return (c) => inList((c as unknown as Facts)[field] as readonly unknown[] | undefined, value);
    }
    case 'code': {
      const field = how.field;
      return (c) => {
        const code = (c as unknown as Facts)[field];
        return code === undefined ? 'unknown' : code === value ? 'match' : 'mismatch';
      };
    }
    case 'range': {
      const min = read(how.min);
      const max = read(how.max);
      const wanted = value as number;
      return (c) => inRange(min(c) as number | undefined, max(c) as number | undefined, wanted);
    }
    case 'flag': {
      const field = how.field;
      return (c) => flag((c as unknown as Facts)[field] as boolean | undefined);
    }
    case 'codeIn': {
      const field = how.field;
      const codes = how.codes;
      return (c) => {
        const code = c[field];
        return code === undefined ? 'unknown' : codes.includes(code) ? 'match' : 'mismatch';
      };
    }
    case 'atMost': {
      const get = read(how.field);
      const limit = how.max;
      return (c) => {
        const n = get(c) as number | undefined;
        return n === undefined ? 'unknown' : n <= limit ? 'match' : 'mismatch';
      };
    }
    case 'listHas': {
      const get = read(how.field);
      const code = how.code;
      return (c) => inList(get(c) as readonly unknown[] | undefined, code);
    }
    case 'waitingList': {
      if (asOf === undefined) throw new Error(`${criterion.criterion} reads the waiting list: it needs the moment of the request.`);
      const codes = how.codes;
      const currentSinceMs = waitingListCurrentSinceMs(asOf);
      return (c) => {
        if (!isCurrentSince(c.waitingListConfirmedMs, currentSinceMs)) return 'unknown';
        return codes.includes(c.waitingList.status) ? 'match' : 'mismatch';
      };
    }
    default:
      return unreachable(how);
  }
}

function unreachable(how: never): never {
  throw new Error(`Unknown way to read a criterion: ${JSON.stringify(how)}`);
}

export function evaluate(criterion: Criterion, candidate: MatchCandidate, asOf: Date): Outcome {
  return compileCriterion(criterion, asOf)(candidate);
}
