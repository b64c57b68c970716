// "Vragen voor deze aanbieder": a plain question per wish a housing form left unknown. Checked
// against the criterion registry, so a criterion added there without its question fails here.
import { describe, expect, it } from 'vitest';
import { ASKABLE_CRITERIA, CRITERIA, CRITERION_NAMES, type CriterionName } from '../../../shared/domain/criterion-registry.ts';
import { questionsFor, questionText } from '../../../shared/i18n/criterion-text.ts';
import { LOCALES } from '../../../shared/i18n/locales.ts';

/** A value a wish on this criterion could hold: the first code, or an age. */
function sampleValue(name: CriterionName): string | number | undefined {
  const declared: { kind: string; codes?: readonly string[] } = CRITERIA[name];
  if (declared.kind === 'code') return declared.codes?.[0];
  if (declared.kind === 'number') return 84;
  return undefined;
}

const canBeUnknown = (name: CriterionName) => (ASKABLE_CRITERIA as readonly string[]).includes(name);

describe('questions for the provider', () => {
  it('asks about every criterion but the kind of housing, which every listing must give', () => {
    expect(CRITERION_NAMES.filter((name) => !canBeUnknown(name))).toEqual(['housingType']);
  });

  for (const locale of LOCALES) {
    it(`has a question in ${locale} for every criterion a listing may leave unknown, and none for the others`, () => {
      for (const name of CRITERION_NAMES) {
        const question = questionText(locale, { criterion: name, value: sampleValue(name) });
        if (!canBeUnknown(name)) {
          expect(question, name).toBeUndefined();
          continue;
        }
        expect(question, name).toMatch(/\?$/);
        expect(question, name).not.toContain('{value}');
      }
      // The distance is computed from the location's point, which is always known.
      expect(questionText(locale, { criterion: 'distance', value: 10 })).toBeUndefined();
    });
  }

  it('asks each criterion in its own words (no two criteria share a question)', () => {
    for (const locale of LOCALES) {
      const questions = CRITERION_NAMES.filter(canBeUnknown).map((name) => questionText(locale, { criterion: name, value: sampleValue(name) }));
      expect(new Set(questions).size).toBe(questions.length);
    }
  });

  it('puts the wish in words into the question: a code label, a language name, an age', () => {
    expect(questionText('nl', { criterion: 'pets' })).toBe('Mag een huisdier mee?');
    expect(questionText('en', { criterion: 'pets' })).toBe('Can a pet come along?');
    expect(questionText('nl', { criterion: 'language', value: 'li' })).toBe('Spreken de medewerkers Limburgs?');
    expect(questionText('nl', { criterion: 'age', value: 84 })).toBe('Kan iemand van 84 jaar hier wonen?');
    expect(questionText('nl', { criterion: 'careProfile', value: '5VV' })).toMatch(/^Kan iemand met dit zorgprofiel hier wonen: 5VV.*dementie.*\?$/);
  });

  it('makes one question per unknown wish, in their order, leaving out what is never asked', () => {
    expect(questionsFor('nl', [{ criterion: 'garden' }, { criterion: 'housingType', value: 'nursing-home' }, { criterion: 'pets' }, { criterion: 'garden' }]))
      .toEqual(['Is er een tuin?', 'Mag een huisdier mee?']);
    expect(questionsFor('en', [])).toEqual([]);
  });
});
