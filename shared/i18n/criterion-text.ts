// A person's wish in plain words, and what a housing form's answer to it means: the results page,
// the compare page, the report and a location's facts say them the same way (the words are in nl.ts
// and en.ts, beside the other texts). Pure and small (no zod), so the pages'
// scripts can use it in the browser.
import type { Importance } from '../domain/codes.ts';
import type { Outcome, ReasonCriterion } from '../domain/criteria.ts';
import type { FlagCriterionName } from '../domain/criterion-registry.ts';
import { codeLabels, languageName } from './code-labels.ts';
import { enCriteria } from './en.ts';
import type { Locale } from './locales.ts';
import { nlCriteria, type CriterionTexts } from './nl.ts';

const TEXTS: Record<Locale, CriterionTexts> = { nl: nlCriteria, en: enCriteria };

export interface WishLike {
  criterion: ReasonCriterion;
  value?: string | number;
}

function codedValue(locale: Locale, criterion: keyof CriterionTexts['valueNames'], value: string): string {
  const labels = codeLabels[locale];
  const table: Partial<Record<string, Record<string, string>>> = {
    sector: labels.sectors,
    careProfile: labels.careProfiles,
    deliveryForm: labels.deliveryForms,
    targetGroup: labels.targetGroups,
    housingType: labels.housingTypes,
    worldview: labels.worldviews,
    culture: labels.cultures,
    community: labels.communities,
  };
  if (criterion === 'language') return languageName(value, locale);
  return table[criterion]?.[value] ?? value;
}

/**
 * "Zorgprofiel: 5VV: beschermd wonen met veel zorg bij dementie", "Een tuin", "Hoogstens 10 km van de eigen
 * plek". Neutral, never "ik" or "mijn": a relative or a supporter reads and fills in as often as the person.
 */
export function wishText(locale: Locale, wish: WishLike): string {
  const texts = TEXTS[locale];
  const { criterion, value } = wish;
  if (criterion === 'distance') return value === undefined ? texts.distanceAny : texts.distance.replace('{value}', String(value));
  if (criterion === 'age') return texts.age.replace('{value}', String(value ?? '?'));
  if (criterion in texts.valueNames) {
    const name = criterion as keyof CriterionTexts['valueNames'];
    return value === undefined ? texts.valueNames[name] : `${texts.valueNames[name]}: ${codedValue(locale, name, String(value))}`;
  }
  return texts.flags[criterion as FlagCriterionName];
}

/**
 * "Mag een huisdier mee?": the question to put to the provider about a wish it left unknown;
 * undefined for a wish that is never unknown (the kind of housing, the distance).
 */
export function questionText(locale: Locale, wish: WishLike): string | undefined {
  const { criterion, value } = wish;
  // The texts hold a question for exactly the askable criteria (typed so), so the registry's code stays out of the pages' scripts.
  const questions: Partial<Record<string, string>> = TEXTS[locale].questions;
  const question = questions[criterion];
  if (question === undefined) return undefined;
  if (!question.includes('{value}')) return question;
  const words = criterion in TEXTS[locale].valueNames && value !== undefined
    ? codedValue(locale, criterion as keyof CriterionTexts['valueNames'], String(value))
    : String(value ?? '?');
  return question.replace('{value}', words);
}

/** The questions for a housing form's unknown wishes, one per wish, in the order given (repeats once). */
export function questionsFor(locale: Locale, unknownWishes: readonly WishLike[]): string[] {
  return [...new Set(unknownWishes.flatMap((wish) => questionText(locale, wish) ?? []))];
}

/** "Moet" / "Belangrijk" / "Leuk als het kan". */
export function importanceText(locale: Locale, importance: Importance): string {
  return TEXTS[locale].importance[importance];
}

/** The symbol shown beside an outcome's words (never instead of them). */
export const OUTCOME_SYMBOL: Readonly<Record<Outcome, string>> = { match: '✓', mismatch: '✗', unknown: '?' };

/** "Past" / "Past niet" / "Onbekend: vraag het de aanbieder". */
export function outcomeText(locale: Locale, outcome: Outcome): string {
  return TEXTS[locale].outcome[outcome];
}
