// The supply side of the demand statistics: for a criterion and value, how many of a region's
// housing forms satisfy it and how many of those have a place within 3 months. Both are read with
// the matcher's own predicates (a `must` of that criterion, and the `availableSoon` criterion, whose
// waiting-list rule is the 30-day one of shared/domain/waiting-list-age.ts), so the dashboard
// counts exactly what a match would find.
import { CRITERIA, CriterionSchema, type Criterion, type CriterionName } from '../domain/index.ts';
import { compileCriterion } from '../matching/evaluate.ts';
import type { MatchCandidate } from '../matching/candidate.ts';

export interface Supply {
  /** Housing forms known to satisfy the criterion (unknown does not count). */
  satisfying: number;
  /** Of those, the ones whose current waiting list says a place now or within 3 months. */
  placeWithin3Months: number;
}

/** The criterion a counter's key names, or undefined when the registry no longer has that value. */
export function criterionOfKey(criterion: CriterionName, value: string): Criterion | undefined {
  const kind = CRITERIA[criterion].kind;
  const raw = { criterion, importance: 'must', ...(kind === 'flag' ? {} : { value: kind === 'number' ? Number(value) : value }) };
  const parsed = CriterionSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Compiles the place-within-3-months test once, then answers per criterion. */
export function supplyCounter(candidates: readonly MatchCandidate[], asOf: Date): (criterion: Criterion) => Supply {
  const soon = compileCriterion({ criterion: 'availableSoon', importance: 'must' }, asOf);
  const hasPlaceSoon = candidates.map((c) => soon(c) === 'match');
  return (criterion) => {
    const holds = compileCriterion(criterion, asOf);
    let satisfying = 0;
    let placeWithin3Months = 0;
    candidates.forEach((candidate, i) => {
      if (holds(candidate) !== 'match') return;
      satisfying += 1;
      if (hasPlaceSoon[i]) placeWithin3Months += 1;
    });
    return { satisfying, placeWithin3Months };
  };
}
