// What the site keeps in this browser (localStorage), per region, in one place: the answers to
// the questionnaire (SavedAnswers), the person's changes to their wishes on the results page, and
// the shortlist of favourite housing forms. Nothing here leaves the browser by itself. Storage
// may be full, blocked or hold something unreadable: then reads give the empty value and writes
// are skipped, and the page keeps working with what is on screen.
// Types only from shared/: no zod in the browser (page budget).
import type { Importance } from '../../../../shared/domain/codes.ts';
import type { HousingFormRef } from '../../../../shared/domain/compare.ts';
import type { SavedAnswers } from '../../../../shared/questionnaire/answers.ts';

export const KEYS = {
  answers: (regionId: string) => `woonwijzer.answers.${regionId}`,
  adjustments: (regionId: string) => `woonwijzer.adjustments.${regionId}`,
  shortlist: (regionId: string) => `woonwijzer.shortlist.${regionId}`,
  reportName: (regionId: string) => `woonwijzer.reportName.${regionId}`,
} as const;

/** The most favourites kept per region (MAX_COMPARED in shared/domain/compare.ts). */
export const MAX_SHORTLIST = 10;

function read(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key: string): void {
  try {
    localStorage.removeItem(key);
  } catch {
    // nothing stored
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Saved answers of this region in a value read from storage or a shared link; undefined when it holds none. */
export function answersFrom(saved: unknown, regionId: string): SavedAnswers | undefined {
  if (!isObject(saved) || saved.regionId !== regionId || !isObject(saved.answers)) return undefined;
  return saved as unknown as SavedAnswers;
}

export function loadAnswers(regionId: string): SavedAnswers | undefined {
  return answersFrom(read(KEYS.answers(regionId)), regionId);
}

export function saveAnswers(saved: SavedAnswers): boolean {
  return write(KEYS.answers(saved.regionId), saved);
}

/**
 * Changes made on the results page, on top of what the answers say: a wish's importance, a wish
 * switched off, and the place. Keyed by `criterionKey`.
 */
export interface Adjustments {
  importance: Record<string, Importance | 'off'>;
  postcode?: string;
  /** null: no limit. */
  maxDistanceKm?: number | null;
}

/** "careProfile=5VV", "garden": one wish, as the matcher de-duplicates them. */
export function criterionKey(criterion: { criterion: string; value?: string | number }): string {
  return criterion.value === undefined ? criterion.criterion : `${criterion.criterion}=${String(criterion.value)}`;
}

export function loadAdjustments(regionId: string): Adjustments {
  return adjustmentsFrom(read(KEYS.adjustments(regionId)));
}

/** The adjustments in a value read from storage or a shared link; none when it holds none. */
export function adjustmentsFrom(saved: unknown): Adjustments {
  if (!isObject(saved) || !isObject(saved.importance)) return { importance: {} };
  const importance: Adjustments['importance'] = {};
  for (const [key, value] of Object.entries(saved.importance)) {
    if (value === 'must' || value === 'important' || value === 'nice' || value === 'off') importance[key] = value;
  }
  const adjustments: Adjustments = { importance };
  if (typeof saved.postcode === 'string') adjustments.postcode = saved.postcode;
  if (saved.maxDistanceKm === null || typeof saved.maxDistanceKm === 'number') adjustments.maxDistanceKm = saved.maxDistanceKm;
  return adjustments;
}

export function saveAdjustments(regionId: string, adjustments: Adjustments): boolean {
  return write(KEYS.adjustments(regionId), adjustments);
}

export interface ShortlistEntry extends HousingFormRef {
  /** For showing the list before the API answers, and when a favourite has gone. */
  name: string;
  locationName: string;
  addedAt: string;
}

export function loadShortlist(regionId: string): ShortlistEntry[] {
  return shortlistFrom(read(KEYS.shortlist(regionId)));
}

/** The favourites in a value read from storage or a shared link; empty when it holds none. */
export function shortlistFrom(saved: unknown): ShortlistEntry[] {
  if (!Array.isArray(saved)) return [];
  return saved
    .filter((entry): entry is ShortlistEntry =>
      isObject(entry) && typeof entry.locationId === 'string' && typeof entry.housingFormId === 'string'
      && typeof entry.name === 'string' && typeof entry.locationName === 'string' && typeof entry.addedAt === 'string')
    .slice(0, MAX_SHORTLIST);
}

export function saveShortlist(regionId: string, entries: readonly ShortlistEntry[]): boolean {
  return write(KEYS.shortlist(regionId), entries.slice(0, MAX_SHORTLIST));
}

export const sameHousingForm = (a: HousingFormRef, b: HousingFormRef): boolean =>
  a.locationId === b.locationId && a.housingFormId === b.housingFormId;

/**
 * The report's "Voor wie is dit verslag?" (a name or initials), per region, as the answers keep
 * the report's own words: only in this browser, never sent with any request. Empty: nothing kept.
 */
export function loadReportName(regionId: string): string {
  const saved = read(KEYS.reportName(regionId));
  return typeof saved === 'string' ? saved : '';
}

export function saveReportName(regionId: string, name: string): boolean {
  if (name.trim() === '') {
    remove(KEYS.reportName(regionId));
    return true;
  }
  return write(KEYS.reportName(regionId), name);
}

/**
 * Everything kept for a region on this device: answers, changed wishes, favourites and the name
 * on the report. What "Wis mijn antwoorden" removes, so a shared computer keeps nothing of it.
 */
export function clearRegion(regionId: string): void {
  for (const key of Object.values(KEYS)) remove(key(regionId));
}

/**
 * The questionnaire step a person left for "Hulp nodig bij deze vraag?", kept for this tab only
 * (sessionStorage), so coming back by any link (not only Back) opens that step again, once.
 */
const helpStepKey = (regionId: string) => `woonwijzer.helpStep.${regionId}`;

export function rememberHelpStep(regionId: string, stepId: string): void {
  try {
    sessionStorage.setItem(helpStepKey(regionId), stepId);
  } catch {
    // Storage blocked: Back still returns to the step (its address carries it).
  }
}

export function takeHelpStep(regionId: string): string | undefined {
  try {
    const stepId = sessionStorage.getItem(helpStepKey(regionId)) ?? undefined;
    sessionStorage.removeItem(helpStepKey(regionId));
    return stepId;
  } catch {
    return undefined;
  }
}

/** Whether the person chose easy read ("makkelijk lezen"): one preference for the whole site. */
const EASY_READ_KEY = 'woonwijzer.easyRead';

export function saveEasyRead(on: boolean): void {
  if (on) write(EASY_READ_KEY, true);
  else remove(EASY_READ_KEY);
}
