// Wishes and outcomes in plain words: every criterion the matcher knows has a text in both
// languages, and no programme code (a criterion name or a bare value code) reaches a person.
import { describe, expect, it } from 'vitest';
import {
  CARE_PROFILES, COMMUNITIES, CULTURES, DELIVERY_FORMS, HOUSING_TYPES, IMPORTANCES, LANGUAGES, SECTORS,
  TARGET_GROUPS, WORLDVIEWS,
} from '../../../shared/domain/codes.ts';
import { CRITERION_NAMES, OUTCOMES, type CriterionName } from '../../../shared/domain/index.ts';
import { importanceText, outcomeText, wishText, type WishLike } from '../../../shared/i18n/criterion-text.ts';
import { LOCALES } from '../../../shared/i18n/locales.ts';

const CODES: Partial<Record<CriterionName, readonly (string | number)[]>> = {
  sector: SECTORS,
  careProfile: CARE_PROFILES,
  deliveryForm: DELIVERY_FORMS,
  targetGroup: TARGET_GROUPS,
  housingType: HOUSING_TYPES,
  worldview: WORLDVIEWS,
  culture: CULTURES,
  community: COMMUNITIES,
  language: LANGUAGES,
  age: [18, 80],
  ageGroup: [23, 84],
};

/** Words a person can read: letters, and not a camelCase identifier like "ownBathroom". */
function expectPlainWords(text: string, where: string) {
  expect(text.trim(), where).not.toBe('');
  expect(text, where).toMatch(/\p{L}{2,}/u);
  expect(text, where).not.toMatch(/\b[a-z]+[A-Z][a-zA-Z]*\b/);
  expect(text, where).not.toContain('undefined');
  expect(text, where).not.toContain('{value}');
}

for (const locale of LOCALES) {
  describe(`criterion texts (${locale})`, () => {
    it('word every criterion', () => {
      for (const criterion of CRITERION_NAMES) {
        const codes = CODES[criterion];
        if (!codes) {
          const text = wishText(locale, { criterion });
          expectPlainWords(text, `${locale} ${criterion}`);
          expect(text.toLowerCase(), criterion).not.toBe(criterion.toLowerCase());
          continue;
        }
        for (const value of codes) {
          const text = wishText(locale, { criterion, value });
          expectPlainWords(text, `${locale} ${criterion}=${value}`);
          // The value is named by its label, never as the bare code after the criterion's name.
          const shown = text.slice(text.indexOf(':') + 1).trim();
          expect(shown, `${locale} ${criterion}=${value}`).not.toBe(String(value));
          if (criterion === 'age' || criterion === 'ageGroup') expect(text).toContain(String(value));
        }
      }
    });

    it('say which day activities fit: on site, or nearby with transport', () => {
      const onSite = wishText(locale, { criterion: 'dayActivities', found: 'on-site' });
      const nearby = wishText(locale, { criterion: 'dayActivities', found: 'nearby' });
      for (const text of [onSite, nearby]) expectPlainWords(text, 'found');
      expect(new Set([onSite, nearby, wishText(locale, { criterion: 'dayActivities' })]).size).toBe(3);
      if (locale === 'nl') expect([onSite, nearby]).toEqual(['Dagbesteding op de locatie', 'Dagbesteding in de buurt, met vervoer']);
    });

    it('word the distance, each importance and each outcome', () => {
      expectPlainWords(wishText(locale, { criterion: 'distance', value: 10 }), 'distance');
      expect(wishText(locale, { criterion: 'distance', value: 10 })).toContain('10');
      expectPlainWords(wishText(locale, { criterion: 'distance' }), 'distance without maximum');
      const importances = IMPORTANCES.map((i) => importanceText(locale, i));
      for (const text of importances) expectPlainWords(text, 'importance');
      expect(new Set(importances).size).toBe(IMPORTANCES.length);
      const outcomes = OUTCOMES.map((o) => outcomeText(locale, o));
      for (const [i, text] of outcomes.entries()) {
        expectPlainWords(text, `outcome ${OUTCOMES[i]}`);
        expect(text.toLowerCase()).not.toBe(OUTCOMES[i]);
      }
      expect(new Set(outcomes).size).toBe(OUTCOMES.length);
    });
  });
}

it('words every wish neutrally, never as "ik" or "mijn": a relative or a supporter reads it as often as the person', () => {
  const wishes: WishLike[] = [
    ...CRITERION_NAMES.flatMap((criterion) => (CODES[criterion] ?? [undefined]).map((value) => ({ criterion, ...(value === undefined ? {} : { value }) }))),
    { criterion: 'distance', value: 10 },
    { criterion: 'distance' },
  ];
  const firstPerson = { nl: /\b(ik|mijn|mij|me)\b/i, en: /\b(I|my|me|mine)\b/ } as const;
  for (const locale of LOCALES) {
    const texts = wishes.map((wish) => wishText(locale, wish));
    expect(texts.filter((text) => firstPerson[locale].test(text)), locale).toEqual([]);
  }
  expect(wishText('nl', { criterion: 'age', value: 85 })).toBe('Leeftijd: 85 jaar');
  expect(wishText('nl', { criterion: 'distance', value: 10 })).toBe('Hoogstens 10 km van de eigen plek');
  expect(wishText('nl', { criterion: 'careProfile', value: '5VV' })).toBe('Zorgprofiel: 5VV: beschermd wonen met veel zorg bij dementie');
});

it('words differ between the languages', () => {
  expect(wishText('nl', { criterion: 'ownBathroom' })).not.toBe(wishText('en', { criterion: 'ownBathroom' }));
  expect(wishText('nl', { criterion: 'language', value: 'li' })).toMatch(/Limburg/);
  expect(outcomeText('nl', 'unknown')).not.toBe(outcomeText('en', 'unknown'));
});
