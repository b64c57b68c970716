// What a person's answers become: the criteria and the place the matcher gets. Skipped questions
// add nothing, free text stays in the report, and answers from an older questionnaire are
// listed as ignored instead of breaking the search.
import { describe, expect, it } from 'vitest';
import { LANGUAGES, MatchRequestSchema } from '../../../shared/domain/index.ts';
import {
  allQuestions, answersToCriteria, matchRequestFor, MAX_CRITERIA, OWN_DISTANCE_KM, QuestionnaireSchema, type Answers,
} from '../../../shared/questionnaire/index.ts';
import { REGION_IDS, shipped } from './shipped-questionnaires.ts';

const zl = shipped('zuid-limburg');
const rotterdam = shipped('rotterdam');

const text = (nl: string) => ({ nl, en: nl });

/** A tiny questionnaire where two questions ask for the same thing, as a region might write. */
const overlapping = QuestionnaireSchema.parse({
  id: 'proef', regionId: 'zuid-limburg', version: 2, publishedAt: '2026-11-23',
  title: text('Proef'), intro: text('Proef'),
  themes: [{
    id: 'wonen', title: text('Wonen'),
    questions: [
      { kind: 'yes-no-wish', id: 'tuin', text: text('Tuin?'), help: text('Waarom'), asksImportance: true, defaultImportance: 'nice', criterion: 'garden' },
      {
        kind: 'single-choice', id: 'buiten', text: text('Buiten?'), help: text('Waarom'), asksImportance: true, defaultImportance: 'important',
        options: [
          { id: 'tuin-en-dieren', text: text('Tuin en dieren'), criteria: [{ criterion: 'garden' }, { criterion: 'pets' }] },
          { id: 'binnen', text: text('Liever binnen') },
        ],
      },
    ],
  }],
});

describe('answersToCriteria', () => {
  it('gives nothing for a person who skipped everything, or left inputs empty', () => {
    expect(answersToCriteria(zl, {})).toEqual({ criteria: [], situation: [], ignored: [] });
    const empty: Answers = { woonvorm: { choice: '' }, 'vraag-die-weg-is': {}, sfeer: { choices: [] }, 'over-mij': { text: '  ' }, tuin: { importance: 'must' } };
    expect(answersToCriteria(zl, empty)).toEqual({ criteria: [], situation: [], ignored: [] });
  });

  it('maps a choice to its criteria with the importance the person chose', () => {
    const result = answersToCriteria(zl, { woonvorm: { choice: 'kleinschalig', importance: 'must' } });
    expect(result.criteria).toEqual([{ criterion: 'housingType', value: 'small-scale-group', importance: 'must' }]);
  });

  it('uses the question\'s default when the person did not say how much it matters', () => {
    const result = answersToCriteria(zl, { woonvorm: { choice: 'appartement' }, partner: { choice: 'samen' } });
    expect(result.criteria).toEqual([
      { criterion: 'housingType', value: 'care-apartment', importance: 'important' },
      { criterion: 'partner', importance: 'must' },
    ]);
  });

  it('keeps a fact from the indication a condition, whatever importance came along', () => {
    const result = answersToCriteria(zl, { indicatie: { choice: '5vv', importance: 'nice' }, sector: { choice: 'ouderenzorg' } });
    expect(result.criteria).toEqual([
      { criterion: 'sector', value: 'VV', importance: 'must' },
      { criterion: 'careProfile', value: '5VV', importance: 'must' },
    ]);
  });

  it('tells the facts of the situation from the wishes the person chose', () => {
    const result = answersToCriteria(zl, {
      sector: { choice: 'ouderenzorg' },
      'waarvoor-zorg': { choice: 'dementie' },
      'dag-en-nacht': { choice: 'dag-en-nacht', importance: 'must' },
      leeftijd: { number: 84 },
      huisdier: { yes: true, importance: 'must' },
      tuin: { yes: true, importance: 'nice' },
    });
    // Not asked how much it matters (sector, target group, age), or a need that follows from the
    // situation though it may be weighed (someone always nearby): facts. The cat and the garden: wishes.
    expect(result.situation).toEqual([
      { criterion: 'age', value: 84 },
      { criterion: 'sector', value: 'VV' },
      { criterion: 'targetGroup', value: 'dementia' },
      { criterion: 'roundTheClock' },
    ]);
    expect(result.criteria.map((c) => c.criterion)).toEqual(['age', 'sector', 'targetGroup', 'garden', 'pets', 'roundTheClock']);
  });

  it('counts a criterion as chosen when any question that gives it is a wish of the person\'s own', () => {
    const both = QuestionnaireSchema.parse({
      ...overlapping,
      themes: [{
        ...overlapping.themes[0],
        questions: [
          { kind: 'yes-no-wish', id: 'tuin-nodig', text: text('Tuin nodig?'), help: text('Waarom'), asksImportance: false, defaultImportance: 'must', criterion: 'garden' },
          ...overlapping.themes[0]!.questions,
        ],
      }],
    });
    expect(answersToCriteria(both, { 'tuin-nodig': { yes: true } }).situation).toEqual([{ criterion: 'garden' }]);
    expect(answersToCriteria(both, { 'tuin-nodig': { yes: true }, tuin: { yes: true, importance: 'nice' } }).situation).toEqual([]);
  });

  it('adds nothing for "no indication yet" or "I don\'t know"', () => {
    expect(answersToCriteria(zl, { indicatie: { choice: 'geen-indicatie' }, sector: { choice: 'weet-niet' } })).toEqual({ criteria: [], situation: [], ignored: [] });
  });

  it('gives one criterion per option of a multi-choice, in the question\'s order whatever the clicking order', () => {
    const result = answersToCriteria(rotterdam, { 'wat-hoort-bij-jou': { choices: ['slechthorend', 'autisme', 'gedrag'], importance: 'must' } });
    expect(result.criteria).toEqual([
      { criterion: 'targetGroup', value: 'autism', importance: 'must' },
      { criterion: 'targetGroup', value: 'behavioural', importance: 'must' },
      { criterion: 'targetGroup', value: 'hearing-impairment', importance: 'must' },
    ]);
  });

  it('adds a wish answered yes, and nothing for a no', () => {
    const result = answersToCriteria(zl, { tuin: { yes: true, importance: 'nice' }, huisdier: { yes: false, importance: 'must' }, roken: { yes: true } });
    expect(result.criteria).toEqual([
      { criterion: 'garden', importance: 'nice' },
      { criterion: 'smoking', importance: 'important' },
    ]);
  });

  it('takes the age as a fact (important in elderly care, where few places give an age range) and ignores an age outside the question\'s range', () => {
    expect(answersToCriteria(zl, { leeftijd: { number: 82 } }).criteria).toEqual([{ criterion: 'age', value: 82, importance: 'important' }]);
    const young = answersToCriteria(zl, { leeftijd: { number: 12 } });
    expect(young.criteria).toEqual([]);
    expect(young.ignored).toEqual([expect.objectContaining({ questionId: 'leeftijd', code: 'out-of-range' })]);
    expect(answersToCriteria(zl, { leeftijd: { number: 82.5 } }).ignored[0]?.code).toBe('out-of-range');
  });

  it('makes "people of about my age" a wish for the residents\' age group at the age given, not the must "age"', () => {
    const result = answersToCriteria(rotterdam, { leeftijd: { number: 23 }, leeftijdgenoten: { choice: 'ja' } });
    expect(result.criteria).toEqual([
      { criterion: 'age', value: 23, importance: 'must' },
      { criterion: 'ageGroup', value: 23, importance: 'important' },
    ]);
    // A wish the person chose and weighed: kept in view on the results, not folded with the facts.
    expect(result.situation).toEqual([{ criterion: 'age', value: 23 }]);
    expect(answersToCriteria(rotterdam, { leeftijd: { number: 23 }, leeftijdgenoten: { choice: 'ja', importance: 'must' } }).criteria[1])
      .toEqual({ criterion: 'ageGroup', value: 23, importance: 'must' });
    expect(answersToCriteria(rotterdam, { leeftijd: { number: 23 }, leeftijdgenoten: { choice: 'maakt-niet-uit' } }).criteria)
      .toEqual([{ criterion: 'age', value: 23, importance: 'must' }]);
  });

  it('sets "people of about my age" aside, saying so, when the age was skipped or out of range', () => {
    for (const age of [undefined, { number: 12 }]) {
      const result = answersToCriteria(rotterdam, { ...(age ? { leeftijd: age } : {}), leeftijdgenoten: { choice: 'ja' } });
      expect(result.criteria).toEqual([]);
      expect(result.ignored).toContainEqual(expect.objectContaining({ questionId: 'leeftijdgenoten', code: 'needs-answer' }));
    }
  });

  it('asks for day activities on site or nearby, or on site only as the stricter wish', () => {
    expect(answersToCriteria(rotterdam, { overdag: { choice: 'dagbesteding-thuis' } }).criteria).toEqual([{ criterion: 'dayActivities', importance: 'important' }]);
    expect(answersToCriteria(rotterdam, { overdag: { choice: 'dagbesteding-in-huis', importance: 'must' } }).criteria)
      .toEqual([{ criterion: 'dayActivitiesOnSite', importance: 'must' }]);
    expect(answersToCriteria(zl, { activiteiten: { yes: true }, 'activiteiten-in-huis': { yes: true } }).criteria).toEqual([
      { criterion: 'dayActivities', importance: 'important' },
      { criterion: 'dayActivitiesOnSite', importance: 'nice' },
    ]);
  });

  describe('the place', () => {
    it('gives the postcode, normalised, and the maximum distance', () => {
      const result = answersToCriteria(zl, { plaats: { postcode: '6211ab', maxDistanceKm: 10 } });
      expect(result).toEqual({ criteria: [], situation: [], postcode: '6211 AB', maxDistanceKm: 10, ignored: [] });
    });

    it('gives no maximum distance for "no limit"', () => {
      const result = answersToCriteria(zl, { plaats: { postcode: '6411', maxDistanceKm: null } });
      expect(result).toEqual({ criteria: [], situation: [], postcode: '6411', ignored: [] });
      expect('maxDistanceKm' in result).toBe(false);
    });

    it('drops a distance without a postcode, a postcode that is not one, and a distance that is not a whole number from 1 to 300 km', () => {
      expect(answersToCriteria(zl, { plaats: { maxDistanceKm: 25 } })).toEqual({
        criteria: [], situation: [], ignored: [expect.objectContaining({ questionId: 'plaats', code: 'needs-postcode' })],
      });
      expect(answersToCriteria(zl, { plaats: { postcode: 'Maastricht', maxDistanceKm: 25 } }).ignored.map((i) => i.code))
        .toEqual(['invalid-postcode', 'needs-postcode']);
      for (const km of [0, 7.5, 301, -5]) {
        const wrong = answersToCriteria(zl, { plaats: { postcode: '6211', maxDistanceKm: km } });
        expect(wrong.postcode, String(km)).toBe('6211');
        expect(wrong.maxDistanceKm, String(km)).toBeUndefined();
        expect(wrong.ignored, String(km)).toEqual([expect.objectContaining({ questionId: 'plaats', code: 'out-of-range' })]);
      }
    });

    it('takes a distance of the person\'s own, any whole number of km from 1 to 300, besides the offered ones', () => {
      for (const km of [1, 15, 300]) {
        expect(answersToCriteria(zl, { plaats: { postcode: '6211', maxDistanceKm: km } })).toEqual({ criteria: [], situation: [], postcode: '6211', maxDistanceKm: km, ignored: [] });
      }
      // The bounds are those a match request accepts.
      expect(MatchRequestSchema.shape.maxDistanceKm.safeParse(OWN_DISTANCE_KM.max).success).toBe(true);
      expect(MatchRequestSchema.shape.maxDistanceKm.safeParse(OWN_DISTANCE_KM.max + 1).success).toBe(false);
      expect(MatchRequestSchema.shape.maxDistanceKm.safeParse(OWN_DISTANCE_KM.min).success).toBe(true);
    });
  });

  it('never sends free text to the matcher, even when it names a wish', () => {
    const result = answersToCriteria(zl, {
      'over-mij': { text: 'Ik wil een tuin en mijn hond mee.' }, hobbys: { text: 'Kaarten' }, 'nog-iets': { text: 'Ik spreek Limburgs.' },
    });
    expect(result).toEqual({ criteria: [], situation: [], ignored: [] });
  });

  it('asks for a wish once when two answers ask for it, keeping the strongest importance', () => {
    const stronger = answersToCriteria(overlapping, { tuin: { yes: true }, buiten: { choice: 'tuin-en-dieren', importance: 'must' } });
    expect(stronger.criteria).toEqual([
      { criterion: 'garden', importance: 'must' },
      { criterion: 'pets', importance: 'must' },
    ]);
    const weaker = answersToCriteria(overlapping, { tuin: { yes: true, importance: 'important' }, buiten: { choice: 'tuin-en-dieren', importance: 'nice' } });
    expect(weaker.criteria).toEqual([
      { criterion: 'garden', importance: 'important' },
      { criterion: 'pets', importance: 'nice' },
    ]);
  });

  it('lists answers from an older questionnaire as ignored, and still uses the rest', () => {
    const result = answersToCriteria(zl, {
      'oude-vraag': { yes: true },
      woonvorm: { choice: 'bejaardenhuis' },
      taal: { choices: ['nl', 'li'] },
      gemeenschap: { choices: ['kunstenaars', 'vrijmetselaars'] },
      tuin: { yes: true },
    });
    expect(result.criteria).toEqual([
      { criterion: 'garden', importance: 'important' },
      { criterion: 'community', value: 'artists', importance: 'important' },
    ]);
    expect(result.ignored.map(({ questionId, code }) => ({ questionId, code }))).toEqual([
      { questionId: 'woonvorm', code: 'unknown-option' },
      { questionId: 'taal', code: 'wrong-kind' },
      { questionId: 'gemeenschap', code: 'unknown-option' },
      { questionId: 'oude-vraag', code: 'unknown-question' },
    ]);
    expect(result.ignored.every((i) => i.reason.length > 0)).toBe(true);
  });

  it('does not break on answers that were tampered with or damaged in the browser', () => {
    const result = answersToCriteria(zl, { tuin: 'ja' as unknown, huisdier: { yes: true, importance: 'heel-erg' }, roken: { yes: true }, constructor: { yes: true } });
    expect(result.criteria).toEqual([{ criterion: 'smoking', importance: 'important' }]);
    expect(result.ignored.map((i) => [i.questionId, i.code])).toEqual([
      ['tuin', 'malformed'], ['huisdier', 'malformed'], ['constructor', 'unknown-question'],
    ]);
    expect(answersToCriteria(zl, null as never)).toEqual({ criteria: [], situation: [], ignored: [] });
    expect(answersToCriteria(zl, ['tuin'] as never)).toEqual({ criteria: [], situation: [], ignored: [] });
  });

  it('gives the same request for the same answers, whatever order they were stored in', () => {
    const a = { tuin: { yes: true }, plaats: { postcode: '6221', maxDistanceKm: 5 }, woonvorm: { choice: 'verpleeghuis' }, leeftijd: { number: 80 } };
    const b = { leeftijd: { number: 80 }, woonvorm: { choice: 'verpleeghuis' }, plaats: { maxDistanceKm: 5, postcode: '6221' }, tuin: { yes: true } };
    expect(answersToCriteria(zl, b)).toEqual(answersToCriteria(zl, a));
  });

  it('keeps a match request within its limit of criteria, dropping the weakest first and saying so', () => {
    // 21 options of 3 languages each: 63 criteria, plus the garden.
    const options = Array.from({ length: 21 }, (_, i) => ({
      id: `optie-${i}`, text: text(`Talen ${i}`),
      criteria: LANGUAGES.slice(3 * i, 3 * i + 3).map((value) => ({ criterion: 'language', value })),
    }));
    const many = QuestionnaireSchema.parse({
      id: 'veel', regionId: 'rotterdam', version: 1, publishedAt: '2026-11-23', title: text('Veel'), intro: text('Veel'),
      themes: [{
        id: 'talen', title: text('Talen'),
        questions: [
          { kind: 'yes-no-wish', id: 'tuin', text: text('Tuin?'), help: text('Waarom'), asksImportance: true, defaultImportance: 'must', criterion: 'garden' },
          { kind: 'multi-choice', id: 'talen', text: text('Talen?'), help: text('Waarom'), asksImportance: true, defaultImportance: 'nice', options },
        ],
      }],
    });
    const result = answersToCriteria(many, { talen: { choices: options.map((o) => o.id) }, tuin: { yes: true } });
    expect(result.criteria).toHaveLength(MAX_CRITERIA);
    expect(result.criteria[0]).toEqual({ criterion: 'garden', importance: 'must' });
    expect(result.ignored).toHaveLength(1 + 63 - MAX_CRITERIA);
    expect(result.ignored.every((i) => i.code === 'too-many-criteria' && i.questionId === 'talen')).toBe(true);
    expect(MatchRequestSchema.safeParse(matchRequestFor(many, result)).success).toBe(true);
  });
});

describe('the match request the answers make', () => {
  it.each(REGION_IDS)('is accepted by the matcher for every single option of every question in %s', (regionId) => {
    const questionnaire = shipped(regionId);
    for (const q of allQuestions(questionnaire)) {
      const answers: Answers[] =
        q.kind === 'single-choice' ? q.options.map((o) => ({ [q.id]: { choice: o.id, importance: 'nice' as const } }))
        : q.kind === 'multi-choice' ? [{ [q.id]: { choices: q.options.map((o) => o.id), importance: 'must' as const } }]
        : q.kind === 'yes-no-wish' ? [{ [q.id]: { yes: true } }]
        : q.kind === 'number' ? [{ [q.id]: { number: q.min } }, { [q.id]: { number: q.max } }]
        : q.kind === 'place' ? q.distanceOptions.map((o) => ({ [q.id]: { postcode: '3011 AB', maxDistanceKm: o.km } }))
        : [{ [q.id]: { text: 'Iets over mij' } }];
      // An option whose value comes from another answer (the age) is given that answer too.
      const sources = q.kind === 'single-choice' || q.kind === 'multi-choice'
        ? q.options.flatMap((o) => o.criteria ?? []).flatMap((c) => (c.valueFrom ? [c.valueFrom] : []))
        : [];
      for (const answer of answers.map((a) => ({ ...Object.fromEntries(sources.map((id) => [id, { number: 23 }])), ...a }))) {
        const result = answersToCriteria(questionnaire, answer);
        expect(result.ignored, JSON.stringify(answer)).toEqual([]);
        const parsed = MatchRequestSchema.safeParse(matchRequestFor(questionnaire, result));
        expect(parsed.success, `${JSON.stringify(answer)}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });

  it('carries a whole kitchen-table session: the region, the place and every wish once', () => {
    const answers: Answers = {
      'wie-vult-in': { choice: 'naaste' },
      leeftijd: { number: 84 },
      'over-mij': { text: 'Mijn moeder was onderwijzeres in Heerlen.' },
      sector: { choice: 'ouderenzorg' },
      indicatie: { choice: '5vv' },
      'waarvoor-zorg': { choice: 'dementie' },
      rolstoel: { yes: true, importance: 'important' },
      'dichtbij-wie': { choices: ['kinderen'] },
      plaats: { postcode: '6411 AB', maxDistanceKm: 25 },
      woonvorm: { choice: 'kleinschalig' },
      partner: { choice: 'geen-partner' },
      'kleine-groep': { yes: true, importance: 'must' },
      tuin: { yes: true, importance: 'nice' },
      'dag-en-nacht': { choice: 'dag-en-nacht' },
      taal: { choice: 'limburgs' },
      levensbeschouwing: { choice: 'katholiek', importance: 'nice' },
      leveringsvorm: { choice: 'weet-niet' },
      wanneer: { choice: 'zo-snel-mogelijk' },
    };
    const result = answersToCriteria(zl, answers);
    expect(result.ignored).toEqual([]);
    const request = MatchRequestSchema.parse(matchRequestFor(zl, result));
    expect(request).toMatchObject({ regionId: 'zuid-limburg', postcode: '6411 AB', maxDistanceKm: 25 });
    expect(request.criteria).toEqual([
      { criterion: 'age', value: 84, importance: 'important' },
      { criterion: 'sector', value: 'VV', importance: 'must' },
      { criterion: 'careProfile', value: '5VV', importance: 'must' },
      { criterion: 'targetGroup', value: 'dementia', importance: 'must' },
      { criterion: 'wheelchair', importance: 'important' },
      { criterion: 'housingType', value: 'small-scale-group', importance: 'important' },
      { criterion: 'smallScale', importance: 'must' },
      { criterion: 'garden', importance: 'nice' },
      { criterion: 'roundTheClock', importance: 'must' },
      { criterion: 'language', value: 'li', importance: 'important' },
      { criterion: 'worldview', value: 'catholic', importance: 'nice' },
      { criterion: 'availableSoon', importance: 'important' },
    ]);
  });
});
