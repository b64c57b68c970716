// The person's wishes as they stand now: the answers kept in this browser, turned into criteria by
// the API (POST /api/regions/{regionId}/questionnaire/criteria), with the changes made on the
// results page laid on top (a wish's importance, a wish switched off, another place). The results,
// compare and report pages all start from this, so they always agree.
import type { Criterion } from '../../../../shared/domain/criteria.ts';
import type { SavedAnswers } from '../../../../shared/questionnaire/answers.ts';
import type { CriteriaFromAnswersResponse } from '../../../../shared/questionnaire/criteria-exchange.ts';
import { api, apiFetch, type ApiOutcome } from './api-fetch.ts';
import { criterionKey, loadAdjustments, loadAnswers, type Adjustments } from './browser-store.ts';

export interface CurrentWishes {
  /**
   * Every wish the answers give, with the importance the person now gives it; `off` ones included.
   * `situation`: a fact of the person's situation rather than a wish they chose (the API says which,
   * answersToCriteria); changing its importance here does not make it one.
   */
  wishes: { criterion: Criterion; key: string; off: boolean; changed: boolean; situation: boolean }[];
  /** What goes to the matcher: the wishes that are not off. */
  criteria: Criterion[];
  postcode?: string;
  maxDistanceKm?: number;
  /** Answers that could not be used, as the API explained them. */
  ignored: CriteriaFromAnswersResponse['ignored'];
  /** When the answers were last saved (ISO). */
  savedAt: string;
}

/** `undefined` when nothing was answered in this browser for the region. */
export async function loadCurrentWishes(regionId: string): Promise<ApiOutcome<CurrentWishes> | undefined> {
  const saved = loadAnswers(regionId);
  if (!saved || Object.keys(saved.answers).length === 0) return undefined;
  const request = { param: { regionId: encodeURIComponent(regionId) }, json: { answers: withoutFreeText(saved.answers), ...(Number.isInteger(saved.version) && saved.version >= 1 ? { version: saved.version } : {}) } };
  const converted = await apiFetch((options) => api.regions[':regionId'].questionnaire.criteria.$post(request, options));
  if (!converted.ok) return converted;
  return { ok: true, value: applyAdjustments(converted.value, loadAdjustments(regionId), saved.savedAt) };
}

/**
 * Free text is for the report only and never used to search, so it stays in this browser: the
 * person may have written about their health in it.
 */
function withoutFreeText(answers: SavedAnswers['answers']): SavedAnswers['answers'] {
  const sent: SavedAnswers['answers'] = {};
  for (const [id, answer] of Object.entries(answers)) {
    if (typeof answer !== 'object' || answer === null) continue;
    const { text: _text, ...rest } = answer;
    if (Object.keys(rest).length > 0) sent[id] = rest;
  }
  return sent;
}

export function applyAdjustments(converted: CriteriaFromAnswersResponse, adjustments: Adjustments, savedAt: string): CurrentWishes {
  const situation = new Set(converted.situation.map(criterionKey));
  const wishes = converted.criteria.map((criterion) => {
    const key = criterionKey(criterion);
    const adjusted = adjustments.importance[key];
    const fact = situation.has(key);
    if (adjusted === undefined || adjusted === criterion.importance) return { criterion, key, off: false, changed: false, situation: fact };
    if (adjusted === 'off') return { criterion, key, off: true, changed: true, situation: fact };
    return { criterion: { ...criterion, importance: adjusted }, key, off: false, changed: true, situation: fact };
  });
  const postcode = adjustments.postcode !== undefined ? adjustments.postcode || undefined : converted.postcode;
  // A distance needs a place; "no limit" (null) from the results page wins over the answers.
  const maxDistanceKm = postcode === undefined
    ? undefined
    : adjustments.maxDistanceKm !== undefined ? adjustments.maxDistanceKm ?? undefined : converted.maxDistanceKm;
  return {
    wishes,
    criteria: wishes.filter((wish) => !wish.off).map((wish) => wish.criterion),
    ...(postcode !== undefined ? { postcode } : {}),
    ...(maxDistanceKm !== undefined ? { maxDistanceKm } : {}),
    ignored: converted.ignored,
    savedAt,
  };
}
