// What the site keeps in this browser (localStorage), per region, in one place: the answers to
// the questionnaire (SavedAnswers), the person's changes to their wishes on the results page, and
// the shortlist of favourite housing forms. Nothing here leaves the browser by itself. Storage
// may be full, blocked or hold something unreadable: then reads give the empty value and writes
// are skipped, and the page keeps working with what is on screen.
// Together mode (a client supporter working with a client, bound to a dossier) is the one seam:
// while it is on, every key lives in this tab's sessionStorage under `woonwijzer.together.`, so
// the citizen's own answers on the device are neither read nor overwritten, closing the tab drops
// the client's data, and stopping removes every key at once (forgetTogether). Saving answers or
// the shortlist then marks them for the dossier; ../together/bar.ts (loaded only in together
// mode) sends them through the API and shows the bar.
// Types only from shared/: no zod in the browser (page budget).
import type { SearchScope } from '../../../../shared/domain/scope.ts';
import type { Importance } from '../../../../shared/domain/codes.ts';
import type { HousingFormRef } from '../../../../shared/domain/compare.ts';
import type { SavedAnswers } from '../../../../shared/questionnaire/answers.ts';
import { forgetTogether, SITE_PREFIX, TOGETHER_KEY, TOGETHER_PREFIX } from './together-keys.ts';

export const KEYS = {
  answers: (regionId: string) => `woonwijzer.answers.${regionId}`,
  adjustments: (regionId: string) => `woonwijzer.adjustments.${regionId}`,
  shortlist: (regionId: string) => `woonwijzer.shortlist.${regionId}`,
  reportName: (regionId: string) => `woonwijzer.reportName.${regionId}`,
} as const;

/** The most favourites kept per region (MAX_COMPARED in shared/domain/compare.ts). */
export const MAX_SHORTLIST = 10;

// ---- together mode ------------------------------------------------------------------------------

export { forgetTogether, TOGETHER_KEY };

/** The bar's words in both languages, handed over by the entry page (shared/i18n stays out of the bundle). */
export interface TogetherTexts {
  with: string;
  where: string;
  stop: string;
  stopConfirmUnsaved: string;
  saving: string;
  saved: string;
  unsaved: string;
  retry: string;
  conflictAnswers: string;
  conflictShortlist: string;
  saveAnyway: string;
  sessionEnded: string;
  forbidden: string;
  invalid: string;
  entry: string;
}

/** What this tab knows of the dossier it works in; ids and versions, the label, no answers. */
export interface TogetherSession {
  dossierId: string;
  supportOrganizationId: string;
  organizationName: string;
  label: string;
  regionId: string;
  /** The newest answers version this tab had (basedOn of the next save; 0 when none). */
  answersVersion: number;
  /** The dossier shortlist's version from the last read or save. */
  shortlistVersion: number;
  /** The supporter's note per housing form ("locationId/housingFormId"), kept when the list is saved again. */
  notes: Record<string, string>;
  /** Where the entry page is, per language (the bar links back to it). */
  entry: { nl: string; en: string };
  texts: { nl: TogetherTexts; en: TogetherTexts };
}

/** What a together tab still has to send to the dossier (sessionStorage flags, so a reload retries). */
export type TogetherPart = 'answers' | 'shortlist';
export const TOGETHER_CHANGED_EVENT = 'woonwijzer:together-changed';
const pendingKey = (part: TogetherPart) => `${TOGETHER_PREFIX}pending.${part}`;

export function togetherSession(): TogetherSession | undefined {
  try {
    const saved = JSON.parse(sessionStorage.getItem(TOGETHER_KEY) ?? 'null') as unknown;
    return isObject(saved) && typeof saved.dossierId === 'string' && typeof saved.regionId === 'string' ? saved as unknown as TogetherSession : undefined;
  } catch {
    return undefined;
  }
}

/** Where a key lives now: the person's own localStorage, or this tab's together namespace. */
function place(key: string): { area: Storage; key: string } {
  return togetherSession()
    ? { area: sessionStorage, key: `${TOGETHER_PREFIX}${key.slice(SITE_PREFIX.length)}` }
    : { area: localStorage, key };
}

function read(key: string): unknown {
  try {
    const at = place(key);
    return JSON.parse(at.area.getItem(at.key) ?? 'null') as unknown;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): boolean {
  try {
    const at = place(key);
    at.area.setItem(at.key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

export function remove(key: string): void {
  try {
    const at = place(key);
    at.area.removeItem(at.key);
  } catch {
    // nothing stored
  }
}

/**
 * Starts together mode in this tab with the dossier's answers and shortlist: whatever an earlier
 * together session left goes first, and nothing is marked to send (it came from the dossier).
 */
export function startTogether(session: TogetherSession, answers: SavedAnswers | undefined, shortlist: readonly ShortlistEntry[]): boolean {
  forgetTogether();
  try {
    sessionStorage.setItem(TOGETHER_KEY, JSON.stringify(session));
  } catch {
    return false;
  }
  if (answers) write(KEYS.answers(session.regionId), answers);
  write(KEYS.shortlist(session.regionId), shortlist.slice(0, MAX_SHORTLIST));
  write(KEYS.reportName(session.regionId), session.label);
  return true;
}

export function updateTogether(change: Partial<Pick<TogetherSession, 'answersVersion' | 'shortlistVersion'>>): void {
  const session = togetherSession();
  if (!session) return;
  try {
    sessionStorage.setItem(TOGETHER_KEY, JSON.stringify({ ...session, ...change }));
  } catch {
    // The next save names the older version: a 409 the bar explains, nothing lost.
  }
}

/**
 * What this tab still has to send to the dossier, each with a token: a change made while a save
 * is under way gives a new token, so that save's success does not unmark it (markSent).
 */
export function pendingParts(): Array<{ part: TogetherPart; token: string }> {
  try {
    return (['answers', 'shortlist'] as const).flatMap((part) => {
      const token = sessionStorage.getItem(pendingKey(part));
      return token === null ? [] : [{ part, token }];
    });
  } catch {
    return [];
  }
}

export function markSent(part: TogetherPart, token: string): void {
  try {
    if (sessionStorage.getItem(pendingKey(part)) === token) sessionStorage.removeItem(pendingKey(part));
  } catch {
    // nothing marked
  }
}

/** In together mode, a change to the dossier region's answers or shortlist is marked and announced to the bar. */
function changed(part: TogetherPart, regionId: string): void {
  if (togetherSession()?.regionId !== regionId) return;
  try {
    sessionStorage.setItem(pendingKey(part), `${Date.now()}-${Math.random()}`);
  } catch {
    // Storage full: the bar still hears of it below and sends what the page holds.
  }
  window.dispatchEvent(new CustomEvent(TOGETHER_CHANGED_EVENT, { detail: part }));
}

// ---- what a person keeps -----------------------------------------------------------------------

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
  const written = write(KEYS.answers(saved.regionId), saved);
  changed('answers', saved.regionId);
  return written;
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
  /** Where the results page searches (the region when absent). */
  scope?: SearchScope;
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
  if (saved.scope === 'region' || saved.scope === 'nearby' || saved.scope === 'country') adjustments.scope = saved.scope;
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
  const written = write(KEYS.shortlist(regionId), entries.slice(0, MAX_SHORTLIST));
  changed('shortlist', regionId);
  return written;
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

// The bar and the saving to the dossier are loaded only in together mode, on every page that
// keeps answers or favourites (each imports this module), so a citizen's pages carry none of it.
if (typeof window !== 'undefined' && togetherSession()) void import('../together/bar.ts');
