// The easy-read ("makkelijk lezen") texts of the shipped questionnaires: every question, option and
// distance has one with a pictogram OpenMoji has, every sentence has at most 10 words (a failure
// names each sentence; the pages' own texts, those of the location page and "Mijn keuzes" among them,
// too), they speak to the person as the questionnaire does ("u"), and the schema
// refuses an "I don't know" that would count against the person.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../../functions/platform/paths.ts';
import { messages } from '../../../shared/i18n/index.ts';
import {
  DONT_KNOW, EASY_READ_MAX_WORDS, QuestionnaireSchema, easyCriteria, easyReadEntries, hasEasyRead, longSentences, sentences,
} from '../../../shared/questionnaire/index.ts';
import { readRaw, REGION_IDS, shipped } from './shipped-questionnaires.ts';

const OPENMOJI_SVG = join(REPO_ROOT, 'node_modules', 'openmoji', 'color', 'svg');

describe('the sentence rule', () => {
  it('splits on . ! and ? and counts words', () => {
    expect(sentences('Wilt u een tuin? Dat mag! Kies wat past.')).toEqual(['Wilt u een tuin', 'Dat mag', 'Kies wat past']);
    expect(longSentences('Een twee drie vier vijf zes zeven acht negen tien. Kort.')).toEqual([]);
    expect(longSentences('Een twee drie vier vijf zes zeven acht negen tien elf. Kort.'))
      .toEqual(['Een twee drie vier vijf zes zeven acht negen tien elf']);
  });
});

describe.each(REGION_IDS)('the easy-read texts of the %s questionnaire', (regionId) => {
  const questionnaire = shipped(regionId);
  const entries = easyReadEntries(questionnaire);

  it('are there for every question, option and distance, so its easy-read pages are built', () => {
    expect(entries.filter((entry) => entry.easyRead === undefined).map((entry) => entry.path)).toEqual([]);
    expect(hasEasyRead(questionnaire)).toBe(true);
  });

  it(`have at most ${EASY_READ_MAX_WORDS} words in every sentence`, () => {
    const tooLong: string[] = [];
    for (const { path, easyRead } of entries) {
      if (easyRead === undefined || easyRead === DONT_KNOW) continue;
      for (const locale of ['nl', 'en'] as const) {
        for (const sentence of longSentences(easyRead.text[locale])) tooLong.push(`${path} (${locale}): "${sentence}"`);
      }
    }
    expect(tooLong).toEqual([]);
  });

  it('each have a pictogram that exists in OpenMoji', () => {
    const missing = entries.flatMap(({ path, easyRead }) =>
      easyRead === undefined || easyRead === DONT_KNOW || existsSync(join(OPENMOJI_SVG, `${easyRead.pictogram}.svg`))
        ? []
        : [`${path}: ${easyRead.pictogram}`]);
    expect(missing).toEqual([]);
  });

  it('speak to the person as "u", as the questionnaire does', () => {
    const informal = entries.flatMap(({ path, easyRead }) =>
      easyRead !== undefined && easyRead !== DONT_KNOW && /\b(je|jij|jou|jouw|jezelf)\b/i.test(easyRead.text.nl) ? [path] : []);
    expect(informal).toEqual([]);
  });

  it('give words and a picture for every wish the results can explain', () => {
    const criteria = easyCriteria(questionnaire);
    expect(criteria.garden?.pictogram).toBe('1F333');
    expect(criteria['housingType=care-farm']?.text.nl).toBe('Op een boerderij. Met zorg.');
  });

  it('say on the easy-read results what "people of about my age" and day activities on site or nearby are', () => {
    const criteria = easyCriteria(questionnaire);
    // The residents' age group takes its value from the age given, so the results key it by name alone.
    expect(criteria.ageGroup?.text.nl).toBe('Ja, met mensen van ongeveer uw leeftijd.');
    expect(criteria.dayActivities?.text.nl).toMatch(/dichtbij/);
    expect(criteria.dayActivitiesOnSite?.text.nl).toMatch(/in (hetzelfde )?huis/);
  });
});

describe('the easy-read pages\' own texts', () => {
  it(`have at most ${EASY_READ_MAX_WORDS} words in every sentence, in both languages`, () => {
    const tooLong: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (typeof value === 'string') for (const sentence of longSentences(value)) tooLong.push(`${path}: "${sentence}"`);
      else if (typeof value === 'object' && value !== null) for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
    };
    for (const locale of ['nl', 'en'] as const) walk(messages[locale].easyRead, `${locale}.easyRead`);
    expect(tooLong).toEqual([]);
  });

  it('speak to the person as "u" in Dutch, as the questionnaires do', () => {
    const informal = Object.entries(messages.nl.easyRead).flatMap(([key, value]) =>
      JSON.stringify(value).match(/\b(je|jij|jou|jouw|jezelf)\b/i) ? [key] : []);
    expect(informal).toEqual([]);
  });
});

describe('an "I don\'t know" option', () => {
  it('may not add a criterion, nor appear twice in a question', () => {
    const raw = readRaw('rotterdam') as { themes: Array<{ questions: Array<{ id: string; options?: Array<{ easyRead?: unknown; criteria?: unknown }> }> }> };
    const question = raw.themes.flatMap((theme) => theme.questions).find((q) => q.id === 'woonvorm');
    const options = question?.options ?? [];
    if (options[0]) options[0].easyRead = DONT_KNOW;
    const result = QuestionnaireSchema.safeParse(raw);
    expect(result.success).toBe(false);
    const messages = result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(messages.some((m) => /options\.0\.easyRead: An "I don't know" option adds no criterion/.test(m))).toBe(true);
    expect(messages.some((m) => /options\.6\.easyRead: Option 0 is already the "I don't know" option/.test(m))).toBe(true);
  });
});
