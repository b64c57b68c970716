// The questionnaires as shipped for the two demonstration regions: valid, tuned to their region,
// every answer the matcher can use mapped to a criterion it accepts, and one form of address each.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CARE_PROFILE_SECTOR, CRITERION_NAMES, CriterionSchema, RegionSchema, type CriterionName } from '../../../shared/domain/index.ts';
import { pc4CareOfficeRegion } from '../../../shared/geo/pc4.ts';
import { codeLabels } from '../../../shared/i18n/code-labels.ts';
import {
  allQuestions, findQuestion, validateQuestionnaire, type LocalizedText, type Questionnaire,
} from '../../../shared/questionnaire/index.ts';
import { NATIONAL_DEFAULT, readRaw, REGION_IDS, shipped } from './shipped-questionnaires.ts';

const regions = z.array(RegionSchema).parse(
  JSON.parse(readFileSync(fileURLToPath(new URL('../../../data/regions.json', import.meta.url)), 'utf8')),
);

/** Every criterion the questionnaire can produce, by name. */
function criteriaAsked(questionnaire: Questionnaire): Set<CriterionName> {
  const names = new Set<CriterionName>();
  for (const q of allQuestions(questionnaire)) {
    if (q.kind === 'single-choice' || q.kind === 'multi-choice') {
      for (const option of q.options) for (const c of option.criteria ?? []) names.add(c.criterion);
    } else if (q.kind === 'yes-no-wish' || q.kind === 'number') {
      names.add(q.criterion);
    }
  }
  return names;
}

/** Every Dutch text the person can see. */
function dutchTexts(questionnaire: Questionnaire): string[] {
  const texts: LocalizedText[] = [questionnaire.title, questionnaire.intro];
  for (const theme of questionnaire.themes) {
    texts.push(theme.title, ...(theme.intro ? [theme.intro] : []));
    for (const q of theme.questions) {
      texts.push(q.text, q.help);
      if (q.kind === 'single-choice' || q.kind === 'multi-choice') {
        for (const o of q.options) texts.push(o.text, ...(o.explanation ? [o.explanation] : []));
      }
      if (q.kind === 'place') texts.push(...q.distanceOptions.map((o) => o.text));
      if (q.kind === 'number' && q.unit) texts.push(q.unit);
    }
  }
  return texts.map((t) => t.nl);
}

describe.each(REGION_IDS)('the %s questionnaire as shipped', (regionId) => {
  it('is valid, for its own region, version 1', () => {
    const result = validateQuestionnaire(readRaw(regionId));
    expect(result.ok ? [] : result.errors).toEqual([]);
    const questionnaire = shipped(regionId);
    expect(questionnaire.regionId).toBe(regionId);
    expect(questionnaire.version).toBe(1);
  });

  it('has a step for every theme of docs/domain.md and asks for every criterion a person can have a wish about', () => {
    const questionnaire = shipped(regionId);
    expect(questionnaire.themes.length).toBeGreaterThanOrEqual(9);
    // Every criterion of the registry: a new one is asked in both regions before it lands.
    expect([...criteriaAsked(questionnaire)].sort()).toEqual([...CRITERION_NAMES].sort());
    const kinds = allQuestions(questionnaire).map((q) => q.kind);
    expect(kinds.filter((k) => k === 'place')).toHaveLength(1);
    expect(kinds).toContain('free-text');
  });

  it('gives an example postcode that lies in the region itself (data/reference pc4 areas)', () => {
    const place = allQuestions(shipped(regionId)).find((q) => q.kind === 'place');
    if (place?.kind !== 'place') throw new Error('no place question');
    const careOffice = regionId === NATIONAL_DEFAULT ? 'ZK23' : regions.find((r) => r.id === regionId)?.careOfficeRegionCode;
    expect(careOffice).toBeDefined();
    // The national default's example is Utrecht's centre: a postcode anyone in the country recognises as one.
    expect(pc4CareOfficeRegion(place.postcodeExample.slice(0, 4))).toBe(careOffice);
  });

  it('has unique question ids, and unique option ids within each question', () => {
    const questions = allQuestions(shipped(regionId));
    const ids = questions.map((q) => q.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of questions) {
      if (q.kind !== 'single-choice' && q.kind !== 'multi-choice') continue;
      const optionIds = q.options.map((o) => o.id);
      expect(new Set(optionIds).size, q.id).toBe(optionIds.length);
    }
  });

  it('maps every option only to criteria and codes the matcher accepts', () => {
    for (const q of allQuestions(shipped(regionId))) {
      if (q.kind !== 'single-choice' && q.kind !== 'multi-choice') continue;
      for (const option of q.options) {
        for (const { valueFrom, ...c } of option.criteria ?? []) {
          // A value taken from a number question: every number it accepts.
          const source = valueFrom === undefined ? undefined : findQuestion(shipped(regionId), valueFrom);
          const values = source?.kind === 'number' ? [source.min, source.max] : [c.value];
          for (const value of values) {
            expect(CriterionSchema.safeParse({ ...c, ...(value === undefined ? {} : { value }), importance: 'nice' }).success, `${q.id}.${option.id}`).toBe(true);
          }
        }
      }
    }
  });

  it('asks for "people of about my age" as the residents\' age group, with the age given, never as the admission age', () => {
    const question = findQuestion(shipped(regionId), 'leeftijdgenoten');
    if (question?.kind !== 'single-choice') throw new Error('leeftijdgenoten is a single-choice question');
    expect(question.text.nl).toBe('Wilt u wonen met mensen van ongeveer uw leeftijd?');
    expect(question.options.find((o) => o.id === 'ja')?.criteria).toEqual([{ criterion: 'ageGroup', valueFrom: 'leeftijd' }]);
    expect(question.asksImportance).toBe(true);
  });

  it('offers the care profiles of the region\'s sector, and a way out for who has no indication yet', () => {
    // The national default serves generated regions, elderly care first (scripts/lib/care-office-regions.ts).
    const sector = regionId === NATIONAL_DEFAULT ? 'VV' : regions.find((r) => r.id === regionId)?.primarySector;
    const question = findQuestion(shipped(regionId), 'indicatie');
    if (question?.kind !== 'single-choice') throw new Error('indicatie is a single-choice question');
    const profiles = question.options.flatMap((o) => o.criteria ?? []).map((c) => c.value);
    const expected = Object.entries(CARE_PROFILE_SECTOR).filter(([, s]) => s === sector).map(([p]) => p);
    // 4VV and up: the lower VV profiles are no longer issued.
    expect(profiles).toEqual(expected);
    expect(question.options.some((o) => o.id === 'geen-indicatie' && (o.criteria ?? []).length === 0)).toBe(true);
    expect(question.asksImportance).toBe(false);
    expect(question.defaultImportance).toBe('must');
  });

  it('lets the person say how much every wish matters', () => {
    for (const q of allQuestions(shipped(regionId))) {
      if (q.kind === 'yes-no-wish') expect(q.asksImportance, q.id).toBe(true);
    }
  });

  it('keeps situation facts as conditions the person is not asked to weigh', () => {
    const questionnaire = shipped(regionId);
    for (const id of ['sector', 'indicatie']) {
      const q = findQuestion(questionnaire, id);
      expect(q && 'asksImportance' in q && !q.asksImportance && q.defaultImportance === 'must', id).toBe(true);
    }
  });

  it('asks the age without a weight: a condition where age ranges are the rule, else one wish among others', () => {
    const q = findQuestion(shipped(regionId), 'leeftijd');
    // In elderly care few places give an age range: as a must, every other place would carry an
    // unknown must and rank below the few that do (see the question's note).
    expect(q && 'asksImportance' in q && !q.asksImportance && q.defaultImportance).toBe(regionId === 'rotterdam' ? 'must' : 'important');
  });

  it('tells why it asks every question, in Dutch and English, briefly', () => {
    for (const q of allQuestions(shipped(regionId))) {
      expect(q.help.nl.length, q.id).toBeGreaterThan(10);
      expect(q.help.en.length, q.id).toBeGreaterThan(10);
      // B1: short sentences. A "why we ask this" of more than four sentences is a lecture.
      expect(q.help.nl.split(/[.?!]\s/).length, q.id).toBeLessThanOrEqual(4);
    }
  });
});

describe('forms of address', () => {
  it('speaks to older people in Zuid-Limburg as "u" throughout', () => {
    const informal = dutchTexts(shipped('zuid-limburg')).filter((t) => /\b(je|jij|jou|jouw|jezelf)\b/i.test(t));
    expect(informal).toEqual([]);
  });

  it('speaks to young adults in Rotterdam as "u" too, as the whole interface does', () => {
    const informal = dutchTexts(shipped('rotterdam')).filter((t) => /\b(je|jij|jou|jouw|jezelf)\b/i.test(t));
    expect(informal).toEqual([]);
  });
});

/** The texts a person answers with or reads as a heading: step titles, questions and options. */
function answerTexts(questionnaire: Questionnaire): LocalizedText[] {
  return questionnaire.themes.flatMap((theme) => [
    theme.title,
    ...theme.questions.flatMap((q) => [q.text, ...(q.kind === 'single-choice' || q.kind === 'multi-choice' ? q.options.map((o) => o.text) : [])]),
  ]);
}

describe.each(REGION_IDS)('one voice in the %s questionnaire', (regionId) => {
  it('asks "u" and words the options neutrally: no "ik" or "mijn" about the person, who may not be the one filling in', () => {
    // "Dat weet ik (nog) niet" is about whoever fills in, so it fits a relative as well.
    const own = (text: string) => !/^Dat weet ik (nog )?niet$/.test(text);
    const texts = answerTexts(shipped(regionId));
    expect(texts.map((t) => t.nl).filter(own).filter((t) => /\b(ik|mijn|mij|me|mezelf)\b/i.test(t))).toEqual([]);
    expect(texts.map((t) => t.en).filter((t) => !/^I don't know( yet)?$/.test(t)).filter((t) => /\b(I|my|me|myself)\b/.test(t))).toEqual([]);
  });

  it('has a short intro: at most three sentences, each short (B1)', () => {
    const { intro } = shipped(regionId);
    for (const text of [intro.nl, intro.en]) {
      const sentences = text.split(/(?<=[.?!])\s+/);
      expect(sentences.length, text).toBeLessThanOrEqual(3);
      for (const sentence of sentences) expect(sentence.split(/\s+/).length, sentence).toBeLessThanOrEqual(15);
    }
  });

  it('names the care profiles exactly as results, compare and report do', () => {
    const question = findQuestion(shipped(regionId), 'indicatie');
    if (question?.kind !== 'single-choice') throw new Error('indicatie is a single-choice question');
    for (const option of question.options) {
      const profile = option.criteria?.find((c) => c.criterion === 'careProfile')?.value;
      if (profile === undefined) continue;
      expect(option.text.nl).toBe(codeLabels.nl.careProfiles[profile as keyof typeof codeLabels.nl.careProfiles]);
      expect(option.text.en).toBe(codeLabels.en.careProfiles[profile as keyof typeof codeLabels.en.careProfiles]);
    }
  });
});

describe('tuned to the region', () => {
  it('asks about dementia and a partner moving along in elderly care', () => {
    const zl = shipped('zuid-limburg');
    const situation = findQuestion(zl, 'waarvoor-zorg');
    if (situation?.kind !== 'single-choice') throw new Error('waarvoor-zorg is a single-choice question');
    expect(situation.options.flatMap((o) => o.criteria ?? [])).toContainEqual({ criterion: 'targetGroup', value: 'dementia' });
    expect(findQuestion(zl, 'partner')).toBeDefined();
    expect(findQuestion(zl, 'dichtbij-wie')).toBeDefined();
  });

  it('asks about nearness to the parents, day activities and independence in disability care', () => {
    const rotterdam = shipped('rotterdam');
    for (const id of ['dichtbij-ouders', 'overdag', 'zelfstandig', 'leren', 'leeftijdgenoten']) {
      expect(findQuestion(rotterdam, id), id).toBeDefined();
    }
  });
});
