// Answers saved against an older questionnaire version, read against a newer one the coordinator
// published: what still fits is kept under the same question id, what the new version no longer
// asks is named (the site says "niet meer gevraagd"), and the kept answers still make a match request.
import { describe, expect, it } from 'vitest';
import { MatchRequestSchema } from '../../../shared/domain/index.ts';
import {
  answersOnVersion, answersToCriteria, matchRequestFor, QuestionnaireSchema, type Answers, type Questionnaire,
} from '../../../shared/questionnaire/index.ts';
import { shipped } from './shipped-questionnaires.ts';

const v1 = shipped('zuid-limburg');

/** Version 2 as a coordinator might make it: one question gone, one option gone, one text changed, one question now of another kind. */
function version2(): Questionnaire {
  const next = structuredClone(v1);
  next.version = 2;
  for (const theme of next.themes) {
    theme.questions = theme.questions.filter((q) => q.id !== 'roken');
    for (const q of theme.questions) {
      if (q.id === 'tuin') q.text = { nl: 'Wilt u een tuin waar u zelf kunt zitten?', en: 'Would you like a garden to sit in?' };
      if (q.id === 'sfeer' && q.kind === 'multi-choice') q.options = q.options.filter((o) => o.id !== 'limburgs');
    }
  }
  return QuestionnaireSchema.parse(next);
}

const oldAnswers: Answers = {
  leeftijd: { number: 84 },
  sector: { choice: 'ouderenzorg' },
  tuin: { yes: true, importance: 'important' },
  roken: { yes: true, importance: 'must' },
  sfeer: { choices: ['rustig', 'limburgs'], importance: 'nice' },
  'over-mij': { text: 'Ik hou van wandelen.' },
  weg: { yes: true },
  'niets-ingevuld': { choices: [] },
};

describe('answers saved against an older version', () => {
  const v2 = version2();
  const mapped = answersOnVersion({ version: 1, answers: oldAnswers }, v2);

  it('keeps every answer whose question is still asked, under the same key, with its importance', () => {
    expect(mapped.fromVersion).toBe(1);
    expect(mapped.toVersion).toBe(2);
    expect(mapped.answers.leeftijd).toEqual({ number: 84 });
    expect(mapped.answers.sector).toEqual({ choice: 'ouderenzorg' });
    // The question's text changed; the question (its id) did not: the answer stays.
    expect(mapped.answers.tuin).toEqual({ yes: true, importance: 'important' });
    expect(mapped.answers['over-mij']).toEqual({ text: 'Ik hou van wandelen.' });
  });

  it('names the questions and options no longer asked, and drops only those', () => {
    expect(mapped.noLongerAsked).toEqual([
      { questionId: 'roken' },
      { questionId: 'sfeer', optionIds: ['limburgs'] },
      { questionId: 'weg' },
    ]);
    expect(mapped.answers.roken).toBeUndefined();
    // The atmosphere question asks no importance: only the choice it reads is carried over.
    expect(mapped.answers.sfeer).toEqual({ choices: ['rustig'] });
    // A question skipped is nothing the person would miss: neither kept nor named.
    expect(mapped.answers['niets-ingevuld']).toBeUndefined();
  });

  it('still gives a valid match request with the kept wishes, and without the dropped ones', () => {
    const criteria = answersToCriteria(v2, mapped.answers);
    expect(criteria.ignored).toEqual([]);
    const request = MatchRequestSchema.parse(matchRequestFor(v2, criteria));
    const names = request.criteria.map((c) => c.criterion);
    expect(names).toContain('garden');
    expect(names).not.toContain('smokingAllowed');
    expect(request.criteria.find((c) => c.criterion === 'garden')?.importance).toBe('important');
  });

  it('names an answer whose question changed kind as no longer asked', () => {
    const changed = structuredClone(v2);
    changed.version = 3;
    const theme = changed.themes.find((t) => t.questions.some((q) => q.id === 'tuin'));
    if (!theme) throw new Error('no tuin question');
    theme.questions = theme.questions.map((q) => (q.id === 'tuin'
      ? { kind: 'free-text', id: 'tuin', text: q.text, help: q.help, maxLength: 200 }
      : q));
    const onV3 = answersOnVersion({ version: 1, answers: { tuin: { yes: true } } }, QuestionnaireSchema.parse(changed));
    expect(onV3.noLongerAsked).toEqual([{ questionId: 'tuin' }]);
    expect(onV3.answers).toEqual({});
  });

  it('gives answers of the same version back as they were', () => {
    const same = answersOnVersion({ version: 1, answers: { tuin: { yes: true }, sector: { choice: 'ouderenzorg' } } }, v1);
    expect(same.noLongerAsked).toEqual([]);
    expect(same.answers).toEqual({ tuin: { yes: true }, sector: { choice: 'ouderenzorg' } });
  });
});
