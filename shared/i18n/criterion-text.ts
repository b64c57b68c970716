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
