// The easy-read ("makkelijk lezen") side of a questionnaire: whether it is complete enough to build
// the easy-read pages from, every easy-read text with where it sits (for the language test), and
// which pictogram and words stand for each criterion an answer can give (for the reasons on the
// easy-read results). The rule for sentences lives here too, so the test and any editor agree.
import { allQuestions } from './questions.ts';
import { DONT_KNOW, type EasyRead, type Questionnaire } from './schema.ts';
import type { LocalizedText } from './localized-text.ts';

/** At most this many words in one easy-read sentence. */
export const EASY_READ_MAX_WORDS = 10;

/** A text's sentences: split after . ! and ?, trimmed, empty pieces left out. */
export function sentences(text: string): string[] {
  return text.split(/[.!?]+/).map((s) => s.trim()).filter((s) => s !== '');
}

export function wordCount(sentence: string): number {
  return sentence.split(/\s+/).filter((w) => w !== '').length;
}

/** The sentences of `text` longer than EASY_READ_MAX_WORDS words. */
export function longSentences(text: string): string[] {
  return sentences(text).filter((s) => wordCount(s) > EASY_READ_MAX_WORDS);
}

export interface EasyReadEntry {
  /** Where it sits, e.g. "woonvorm.options.woongroep"; "woonvorm" for the question itself. */
  path: string;
  /** Undefined where the questionnaire has none (yet). */
  easyRead: EasyRead | typeof DONT_KNOW | undefined;
}

/** Every place a questionnaire has (or should have) an easy-read text: questions, options, distances. */
export function easyReadEntries(questionnaire: Questionnaire): EasyReadEntry[] {
  const entries: EasyReadEntry[] = [];
  for (const question of allQuestions(questionnaire)) {
    entries.push({ path: question.id, easyRead: question.easyRead });
    if (question.kind === 'single-choice' || question.kind === 'multi-choice') {
      for (const option of question.options) entries.push({ path: `${question.id}.options.${option.id}`, easyRead: option.easyRead });
    }
    if (question.kind === 'place') {
      for (const option of question.distanceOptions) entries.push({ path: `${question.id}.distanceOptions.${option.id}`, easyRead: option.easyRead });
    }
  }
  return entries;
}

/** Whether every question, option and distance has its easy-read version: only then are the easy-read pages built. */
export function hasEasyRead(questionnaire: Questionnaire): boolean {
  return easyReadEntries(questionnaire).every((entry) => entry.easyRead !== undefined);
}

/** A criterion as the easy-read results show it: its pictogram and its words from the questionnaire. */
export interface EasyCriterion {
  pictogram: string;
  text: LocalizedText;
}

/**
 * What stands for each criterion the questionnaire can give, keyed as the site keys wishes
 * ("housingType=sheltered-group", "garden"): the option or yes/no question that gives it (the first
 * in questionnaire order). A number criterion (age) is keyed by its name alone.
 */
export function easyCriteria(questionnaire: Questionnaire): Record<string, EasyCriterion> {
  const found: Record<string, EasyCriterion> = {};
  const add = (key: string, easyRead: EasyRead | typeof DONT_KNOW | undefined) => {
    if (easyRead === undefined || easyRead === DONT_KNOW || key in found) return;
    found[key] = { pictogram: easyRead.pictogram, text: easyRead.text };
  };
  for (const question of allQuestions(questionnaire)) {
    if (question.kind === 'single-choice' || question.kind === 'multi-choice') {
      for (const option of question.options) {
        for (const c of option.criteria ?? []) add(c.value === undefined ? c.criterion : `${c.criterion}=${String(c.value)}`, option.easyRead);
      }
    } else if (question.kind === 'yes-no-wish' || question.kind === 'number') {
      add(question.criterion, question.easyRead);
    }
  }
  return found;
}
