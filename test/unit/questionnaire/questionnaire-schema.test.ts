// What a coordinator editing a region's questionnaire is told: every mistake, with the dotted path
// of where it is, so a typo'd code fails here instead of silently never matching.
import { describe, expect, it } from 'vitest';
import { validateQuestionnaire } from '../../../shared/questionnaire/index.ts';
import { readRaw } from './shipped-questionnaires.ts';

type Json = Record<string, unknown>;
interface RawQuestion extends Json {
  id: string;
  kind: string;
  options?: Array<{ id: string; criteria?: Json[] } & Json>;
  distanceOptions?: Json[];
}
interface RawQuestionnaire extends Json {
  themes: Array<{ id: string; questions: RawQuestion[] }>;
}

/** A fresh copy of the Zuid-Limburg questionnaire to break. */
const fresh = (): RawQuestionnaire => structuredClone(readRaw('zuid-limburg')) as RawQuestionnaire;

/** The question with this id, and its dotted path. */
function locate(raw: RawQuestionnaire, id: string): { question: RawQuestion; path: string } {
  for (const [t, theme] of raw.themes.entries()) {
    for (const [q, question] of theme.questions.entries()) {
      if (question.id === id) return { question, path: `themes.${t}.questions.${q}` };
    }
  }
  throw new Error(`no question ${id}`);
}

function errorsOf(raw: unknown) {
  const result = validateQuestionnaire(raw);
  if (result.ok) throw new Error('expected the questionnaire to be refused');
  return result.errors;
}

describe('validateQuestionnaire', () => {
  it('accepts the shipped questionnaire', () => {
    expect(validateQuestionnaire(fresh()).ok).toBe(true);
  });

  it('refuses a typo\'d code in an option\'s criteria, naming its path', () => {
    const raw = fresh();
    const { question, path } = locate(raw, 'waarvoor-zorg');
    question.options![1]!.criteria![0]!.value = 'dementie';
    expect(errorsOf(raw).map((e) => e.path)).toEqual([`${path}.options.1.criteria.0.value`]);
  });

  it('refuses an unknown criterion, a value on a yes/no criterion and a value criterion without one', () => {
    const raw = fresh();
    const { question, path } = locate(raw, 'woonvorm');
    question.options![0]!.criteria = [{ criterion: 'sauna' }];
    question.options![1]!.criteria = [{ criterion: 'garden', value: 'yes' }];
    question.options![2]!.criteria = [{ criterion: 'housingType' }];
    expect(errorsOf(raw).map((e) => e.path).sort()).toEqual([
      `${path}.options.0.criteria.0.criterion`,
      `${path}.options.1.criteria.0.value`,
      `${path}.options.2.criteria.0.value`,
    ]);
  });

  it('refuses a question id used twice, naming both places', () => {
    const raw = fresh();
    const first = locate(raw, 'tuin');
    const second = locate(raw, 'roken');
    second.question.id = 'tuin';
    const errors = errorsOf(raw);
    expect(errors.map((e) => e.path)).toEqual([`${second.path}.id`]);
    expect(errors[0]?.message).toContain(first.path);
  });

  it('refuses an option id used twice within a question and a theme id used twice', () => {
    const raw = fresh();
    const { question, path } = locate(raw, 'woonvorm');
    question.options![1]!.id = question.options![0]!.id;
    raw.themes[2]!.id = raw.themes[0]!.id;
    expect(errorsOf(raw).map((e) => e.path).sort()).toEqual([`${path}.options.1.id`, 'themes.2.id'].sort());
  });

  it('refuses a text without its English, and a question without its "why we ask this"', () => {
    const raw = fresh();
    const tuin = locate(raw, 'tuin');
    (tuin.question.text as Json).en = '';
    const roken = locate(raw, 'roken');
    delete roken.question.help;
    expect(errorsOf(raw).map((e) => e.path).sort()).toEqual([`${roken.path}.help`, `${tuin.path}.text.en`].sort());
  });

  it('has no "required" flag: every question may be skipped', () => {
    const raw = fresh();
    const { question, path } = locate(raw, 'sector');
    question.required = true;
    const errors = errorsOf(raw);
    expect(errors.map((e) => e.path)).toEqual([path]);
    expect(errors[0]?.message).toContain('required');
  });

  it('refuses a housing type in a multi-choice question, where two musts would exclude everything', () => {
    const raw = fresh();
    const { question, path } = locate(raw, 'woonvorm');
    question.kind = 'multi-choice';
    expect(errorsOf(raw).map((e) => e.path)).toContain(`${path}.options.0.criteria.0.criterion`);
  });

  it('refuses asking how much something matters when no option maps to a criterion', () => {
    const raw = fresh();
    const { question, path } = locate(raw, 'sfeer');
    question.asksImportance = true;
    expect(errorsOf(raw).map((e) => e.path)).toEqual([`${path}.asksImportance`]);
  });

  it('refuses distances the match request would refuse, and a second place question', () => {
    const raw = fresh();
    const { question, path } = locate(raw, 'plaats');
    question.distanceOptions![0]!.km = 500;
    const last = raw.themes.length - 1;
    raw.themes[last]!.questions.push({ ...structuredClone(question), id: 'tweede-plaats' });
    const errors = errorsOf(raw).map((e) => e.path);
    expect(errors).toContain(`${path}.distanceOptions.0.km`);
    expect(errors).toContain(`themes.${last}.questions.${raw.themes[last]!.questions.length - 1}.kind`);
  });

  it('refuses an age range the age criterion cannot hold, also where "people of about my age" takes that age', () => {
    const raw = fresh();
    const { question, path } = locate(raw, 'leeftijd');
    question.max = 150;
    const peers = locate(raw, 'leeftijdgenoten');
    expect(errorsOf(raw).map((e) => e.path)).toEqual([`${path}.max`, `${peers.path}.options.0.criteria.0.valueFrom`]);
  });

  it('refuses a value taken from a question that is not a number question, or from a code criterion', () => {
    const raw = fresh();
    const peers = locate(raw, 'leeftijdgenoten');
    const mapped = peers.question.options![0]!.criteria![0]!;
    mapped.valueFrom = 'woont-nu';
    expect(errorsOf(raw)).toEqual([expect.objectContaining({ path: `${peers.path}.options.0.criteria.0.valueFrom`, message: expect.stringContaining('not a number question') })]);
    mapped.valueFrom = 'leeftijd';
    mapped.criterion = 'sector';
    expect(errorsOf(raw).map((e) => e.path)).toEqual([`${peers.path}.options.0.criteria.0.valueFrom`]);
    mapped.criterion = 'garden';
    expect(errorsOf(raw).map((e) => e.path)).toEqual([`${peers.path}.options.0.criteria.0.valueFrom`]);
  });

  it('reports every mistake at once, and a document that is not a questionnaire at all', () => {
    const raw = fresh();
    raw.version = 0;
    raw.publishedAt = '23-11-2026';
    const situation = locate(raw, 'waarvoor-zorg');
    situation.question.options![1]!.criteria![0]!.value = 'dementie';
    const roken = locate(raw, 'roken');
    roken.question.id = 'tuin';
    expect(errorsOf(raw).map((e) => e.path).sort()).toEqual(
      ['publishedAt', `${roken.path}.id`, `${situation.path}.options.1.criteria.0.value`, 'version'].sort(),
    );
    expect(errorsOf('not json').map((e) => e.path)).toEqual(['(document)']);
  });
});
