// A match answer's reasons written out. The answer says each judged criterion once (`criteria`)
// and each housing form only its outcome per criterion, in that order; the pages, the demand
// counts and the tests read a housing form's reasons as whole sentences' worth of data (criterion,
// value, importance, outcome). Pure and small: the site's scripts import it.
import type {
  ExplainedMatch, JudgedCriterion, MatchResponse, MatchResult, NearMiss, Outcome, RankedNearMiss, RankedResult, Reason,
} from '../domain/index.ts';

/** One reason per judged criterion; `found` names the answer that made a multi-answer criterion match. */
export function reasonsOf(criteria: readonly JudgedCriterion[], outcomes: readonly Outcome[], found?: Readonly<Record<string, string>>): Reason[] {
  if (outcomes.length !== criteria.length) {
    throw new Error(`A match answer gave ${outcomes.length} outcomes for ${criteria.length} criteria.`);
  }
  return criteria.map((criterion, i) => {
    const reason: Reason = { ...criterion, outcome: outcomes[i] as Outcome };
    const code = found?.[String(i)];
    if (code !== undefined) reason.found = code;
    return reason;
  });
}

/** The result with its reasons in place of its outcomes (every other key kept, e.g. `regionName`). */
export function explainResult(criteria: readonly JudgedCriterion[], result: RankedResult): MatchResult {
  const { outcomes, found, ...rest } = result;
  return { ...rest, reasons: reasonsOf(criteria, outcomes, found) };
}

export function explainNearMiss(criteria: readonly JudgedCriterion[], miss: RankedNearMiss): NearMiss {
  const { failedMusts, ...result } = miss;
  const explained = explainResult(criteria, result);
  return { ...explained, failedMusts: failedMusts.map((i) => explained.reasons[i] as Reason) };
}

export function explainMatch(answer: MatchResponse): ExplainedMatch {
  return {
    results: answer.results.map((result) => explainResult(answer.criteria, result)),
    nearMisses: answer.nearMisses.map((miss) => explainNearMiss(answer.criteria, miss)),
    total: answer.total,
  };
}
