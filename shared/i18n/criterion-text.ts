// A person's wish in plain words, and what a housing form's answer to it means: the results page,
// the compare page, the report and a location's facts say them the same way (the words are in nl.ts
// and en.ts, beside the other texts). Pure and small (no zod), so the pages'
// scripts can use it in the browser.
import type { Importance } from '../domain/codes.ts';
import type { Outcome, ReasonCriterion } from '../domain/criteria.ts';
import { codedFact, type Feature, type FlagCriterionName } from '../domain/criterion-registry.ts';
import { codeLabels, languageName } from './code-labels.ts';
import { enCriteria } from './en.ts';
import type { Locale } from './locales.ts';
import { nlCriteria, type CriterionTexts } from './nl.ts';

const TEXTS: Record<Locale, CriterionTexts> = { nl: nlCriteria, en: enCriteria };

export interface WishLike {
  criterion: ReasonCriterion;
  value?: string | number;
  /** A fitting reason's answer found at the housing form (Reason.found): said instead of the wish. */
  found?: string;
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
  const { criterion, value, found } = wish;
  if (criterion === 'distance') return value === undefined ? texts.distanceAny : texts.distance.replace('{value}', String(value));
  if (criterion === 'age') return texts.age.replace('{value}', String(value ?? '?'));
  if (criterion === 'ageGroup') return texts.ageGroup.replace('{value}', String(value ?? '?'));
  // "Dagbesteding in de buurt, met vervoer": which of the answers that fit the wish this place gave.
  const foundTexts: Partial<Record<string, Partial<Record<string, string>>>> = { dayActivities: texts.facts.dayActivities.found };
  const said = found === undefined ? undefined : foundTexts[criterion]?.[found];
  if (said !== undefined) return said;
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

/** A feature's name on the location and compare pages ("Een tuin", "Leeftijd van de bewoners"). */
export function featureName(locale: Locale, feature: Feature): string {
  const facts = TEXTS[locale].facts;
  if (feature.show === 'code') return facts[feature.field].name;
  if (feature.show === 'range') return facts.ageGroup.name;
  return wishText(locale, { criterion: feature.criterion });
}

/** A feature's answer at one housing form: yes, no, a code or a range in words, or unknown (undefined text). */
export interface FeatureAnswer {
  kind: 'yes' | 'no' | 'value' | 'unknown';
  /** Undefined when unknown: the page says "ask the provider" in its own words. */
  text?: string;
}

/**
 * What a housing form says for a feature. `facts` is the housing form (or its copy on the compare
 * page); a yes/no from before day activities had codes still reads (true: on site).
 */
export function featureAnswer(locale: Locale, feature: Feature, facts: Readonly<Record<string, unknown>>, yesNo: { yes: string; no: string }): FeatureAnswer {
  const texts = TEXTS[locale].facts;
  switch (feature.show) {
    case 'yesNo': {
      const value = facts[feature.field];
      return typeof value === 'boolean' ? { kind: value ? 'yes' : 'no', text: value ? yesNo.yes : yesNo.no } : { kind: 'unknown' };
    }
    case 'code': {
      const code = codedFact(feature.field, facts[feature.field]);
      if (code === undefined) return { kind: 'unknown' };
      // Any answer but "none" says the feature is there, in its own words.
      return { kind: code === 'none' ? 'no' : 'yes', text: codeLabels[locale][feature.field][code] };
    }
    case 'range': {
      const min = facts[feature.min];
      const max = facts[feature.max];
      const words = texts.ageGroup;
      if (typeof min === 'number' && typeof max === 'number') return { kind: 'value', text: words.range.replace('{min}', String(min)).replace('{max}', String(max)) };
      if (typeof min === 'number') return { kind: 'value', text: words.from.replace('{min}', String(min)) };
      if (typeof max === 'number') return { kind: 'value', text: words.to.replace('{max}', String(max)) };
      return { kind: 'unknown' };
    }
  }
}
