// Whether one criterion holds for one candidate: 'match', 'mismatch' or 'unknown', following the
// criteria table of DOMAIN.md. A criterion is compiled once per request into a small predicate,
// so the scan over tens of thousands of candidates does no per-candidate dispatch on the name.
import { type Criterion, type Outcome } from '../domain/index.ts';
import { type MatchCandidate } from './candidate.ts';

export type CandidatePredicate = (candidate: MatchCandidate) => Outcome;

/** DOMAIN.md: "small-scale" is a group of at most this many residents. */
export const SMALL_SCALE_MAX_GROUP_SIZE = 8;

/** A list left out is unknown; a list given (even empty) is complete, so a missing code is a mismatch. */
function inList<T>(list: readonly T[] | undefined, code: T): Outcome {
  if (list === undefined) return 'unknown';
  return list.includes(code) ? 'match' : 'mismatch';
}

/** A boolean left out is unknown, not false. */
function flag(value: boolean | undefined): Outcome {
  if (value === undefined) return 'unknown';
  return value ? 'match' : 'mismatch';
}

/**
 * The age range holds the age. A bound that is given and violated is a mismatch whatever the
 * other bound. With one bound given and kept, the range is open on the other side (providers write
 * "from 18" or "up to 30" and mean exactly that), so it is a match; with no bound at all, unknown.
 */
function ageOutcome(minAge: number | undefined, maxAge: number | undefined, age: number): Outcome {
  if (minAge === undefined && maxAge === undefined) return 'unknown';
  if (minAge !== undefined && age < minAge) return 'mismatch';
  if (maxAge !== undefined && age > maxAge) return 'mismatch';
  return 'match';
}

/**
 * One predicate per criterion. Each case is its own arrow function (rather than one generic
 * closure over a field picker) so every call site reads one fixed property.
 */
export function compileCriterion(criterion: Criterion): CandidatePredicate {
  switch (criterion.criterion) {
    case 'sector': {
      const v = criterion.value;
      return (c) => inList(c.sectors, v);
    }
    case 'careProfile': {
      const v = criterion.value;
      return (c) => inList(c.careProfiles, v);
    }
    case 'deliveryForm': {
      const v = criterion.value;
      return (c) => inList(c.deliveryForms, v);
    }
    case 'targetGroup': {
      const v = criterion.value;
      return (c) => inList(c.targetGroups, v);
    }
    case 'housingType': {
      const v = criterion.value;
      return (c) => (c.type === v ? 'match' : 'mismatch');
    }
    case 'worldview': {
      const v = criterion.value;
      return (c) => (c.worldview === undefined ? 'unknown' : c.worldview === v ? 'match' : 'mismatch');
    }
    case 'culture': {
      const v = criterion.value;
      return (c) => inList(c.cultures, v);
    }
    case 'community': {
      const v = criterion.value;
      return (c) => inList(c.communities, v);
    }
    case 'language': {
      const v = criterion.value;
      return (c) => inList(c.languages, v);
    }
    case 'age': {
      const v = criterion.value;
      return (c) => ageOutcome(c.minAge, c.maxAge, v);
    }
    case 'partner':
      return (c) => flag(c.partner);
    case 'pets':
      return (c) => flag(c.pets);
    case 'smoking':
      return (c) => flag(c.smoking);
    case 'ownBathroom':
      return (c) => flag(c.ownBathroom);
    case 'kitchenette':
      return (c) => flag(c.kitchenette);
    case 'smallScale':
      return (c) =>
        c.groupSize === undefined ? 'unknown' : c.groupSize <= SMALL_SCALE_MAX_GROUP_SIZE ? 'match' : 'mismatch';
    case 'wheelchair':
      return (c) => flag(c.wheelchair);
    case 'roundTheClock':
      return (c) => flag(c.roundTheClock);
    case 'garden':
      return (c) => inList(c.facilities, 'garden');
    case 'dayActivities':
      return (c) => flag(c.dayActivities);
    case 'publicTransport':
      return (c) => flag(c.publicTransport);
    case 'shops':
      return (c) => flag(c.shopsNearby);
    case 'availableSoon':
      // The waiting list is always reported, so this is never unknown. How old the report is
      // does not change the outcome (the matcher has no clock); the result shows its date.
      return (c) => (c.waitingList.status === 'available' || c.waitingList.status === 'short' ? 'match' : 'mismatch');
    default:
      return unreachable(criterion);
  }
}

function unreachable(criterion: never): never {
  throw new Error(`Unknown criterion: ${JSON.stringify(criterion)}`);
}

export function evaluate(criterion: Criterion, candidate: MatchCandidate): Outcome {
  return compileCriterion(criterion)(candidate);
}
