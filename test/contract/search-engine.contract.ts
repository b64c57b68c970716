// The contract every search engine answers alike: run against the embedded engine always and
// against OpenSearch when one is configured. It pins what a person sees (which housing forms, in
// which order, with which reasons; what a search finds and counts, in names and descriptions), on
// a handful of small fixture candidates, through the port alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnknownRegionError } from '../../functions/search/embedded/unknown-region-error.ts';
import type { SearchEngine } from '../../functions/search/search-engine.ts';
import {
  CRITERIA, FLAG_CRITERIA, FLAG_FIELDS, FLAG_FILTERS, SearchQuerySchema, type MatchRequestInput, type SearchQuery, type SearchResponse,
} from '../../shared/domain/index.ts';
import { explainMatch, type MatchCandidate } from '../../shared/matching/index.ts';
import { AS_OF, MAASTRICHT, candidate, matchRequest, northOf } from '../fixtures/candidates.ts';
import { LIMBURG, SITTARD, SITTARD_POSTCODE } from '../fixtures/limburg.ts';

/** An engine's match answer with each housing form's reasons written out (as the pages read it). */
const matchOf = async (engine: SearchEngine, ...args: Parameters<SearchEngine['match']>) => explainMatch(await engine.match(...args));

export interface ContractSubject {
  engine: SearchEngine;
  /** Makes the writes so far visible to reads (OpenSearch: a refresh); nothing for the embedded engine. */
  settle?: () => Promise<void>;
  /** Removes whatever the subject created (an OpenSearch index). */
  close?: () => Promise<void>;
}

/** A fresh, empty engine per call. */
export type MakeEngine = () => Promise<ContractSubject>;

const REGION = 'zuid-limburg';

/**
 * Five housing forms in Zuid-Limburg and one in Rotterdam. Each differs in what the cases ask:
 * target group (one unknown), type, delivery forms, garden, group size, distance, waiting list.
 */
export const FIXTURES = {
  deTuin: candidate({
    locationId: 'de-tuin', housingFormId: 'groep', name: 'Kleinschalig wonen De Tuin', locationName: 'De Tuin',
    type: 'small-scale-group', targetGroups: ['dementia'], deliveryForms: ['verblijf', 'pgb'], facilities: ['garden'],
    groupSize: 6, worldview: 'catholic', languages: ['nl', 'li'], ownBathroom: true,
    waitingList: { status: 'available', updatedAt: '2026-11-10' },
  }),
  sintJozef: candidate({
    locationId: 'sint-jozef', housingFormId: 'pg-afdeling', name: 'Verpleeghuis Sint Jozef', locationName: 'Sint Jozef',
    point: northOf(MAASTRICHT, 5), type: 'nursing-home', targetGroups: ['dementia', 'somatic'], deliveryForms: ['verblijf'],
    facilities: ['restaurant'], groupSize: 24, worldview: 'catholic', languages: ['nl'],
    waitingList: { status: 'short', weeks: 8, updatedAt: '2026-11-10' },
  }),
  maasoever: candidate({
    locationId: 'maasoever', housingFormId: 'appartementen', name: 'Zorgappartementen Maasoever', locationName: 'Maasoever',
    point: northOf(MAASTRICHT, 10), type: 'care-apartment', targetGroups: ['somatic'], deliveryForms: ['vpt', 'verblijf'],
    facilities: ['garden', 'shop'], shopsNearby: true, ownBathroom: true, kitchenette: true, partner: true,
    waitingList: { status: 'long', updatedAt: '2026-11-10' },
  }),
  hetAnker: candidate({
    locationId: 'het-anker', housingFormId: 'groep', name: 'Groepswonen Het Anker', locationName: 'Het Anker',
    point: northOf(MAASTRICHT, 2), type: 'small-scale-group', targetGroups: undefined, deliveryForms: ['pgb'],
    groupSize: 8, waitingList: { status: 'short', updatedAt: '2026-11-10' },
  }),
  deHoeve: candidate({
    locationId: 'de-hoeve', housingFormId: 'boerderij', name: 'Zorgboerderij De Hoeve', locationName: 'De Hoeve', city: 'Wijlre',
    point: northOf(MAASTRICHT, 30), type: 'care-farm', targetGroups: ['dementia'], deliveryForms: ['verblijf'],
    facilities: ['garden'], groupSize: 10, pets: true, waitingList: { status: 'closed', updatedAt: '2026-11-10' },
  }),
  rotterdam: candidate({
    regionId: 'rotterdam', locationId: 'de-tuinen', housingFormId: 'woongroep', name: 'Woonhuis De Tuinen', locationName: 'De Tuinen',
    city: 'Rotterdam', point: { lat: 51.92, lon: 4.48 }, sectors: ['VG'], type: 'sheltered-group',
    targetGroups: ['intellectual-disability'], facilities: ['garden'], waitingList: { status: 'available', updatedAt: '2026-11-10' },
  }),
} satisfies Record<string, MatchCandidate>;

const ids = (items: ReadonlyArray<{ locationId: string; housingFormId: string }>) => items.map((i) => `${i.locationId}:${i.housingFormId}`);
const query = (input: Partial<Record<keyof SearchQuery, unknown>>): SearchQuery => SearchQuerySchema.parse({ regionId: REGION, ...input });

export function describeSearchEngineContract(name: string, makeEngine: MakeEngine): void {
  describe(`search engine contract: ${name}`, () => {
    const opened: ContractSubject[] = [];
    /** A fresh engine holding `candidates`, settled so reads see them. */
    const engineWith = async (candidates: readonly MatchCandidate[]) => {
      const subject = await makeEngine();
      opened.push(subject);
      await subject.engine.upsert(candidates);
      await subject.settle?.();
      return subject;
    };
    let engine: SearchEngine;

    beforeAll(async () => {
      engine = (await engineWith(Object.values(FIXTURES))).engine;
    });
    afterAll(async () => {
      for (const subject of opened) await subject.close?.();
    });

    it('counts housing forms and their locations per region, as the region list shows them', async () => {
      const counts = await engine.regionCounts();
      expect(Object.fromEntries(counts)).toEqual({
        'zuid-limburg': { housingFormCount: 5, locationCount: 5 },
        rotterdam: { housingFormCount: 1, locationCount: 1 },
      });
      // A second housing form at a known location adds a housing form, not a location.
      const more = (await engineWith([...Object.values(FIXTURES), candidate({ ...FIXTURES.deTuin, housingFormId: 'tweede-groep', id: 'de-tuin:tweede-groep' })])).engine;
      expect((await more.regionCounts()).get('zuid-limburg')).toEqual({ housingFormCount: 6, locationCount: 5 });
    });

    describe('match', () => {
      it('lets every must filter, and lists a housing form failing one must as a near miss naming it', async () => {
        const answer = await matchOf(engine, matchRequest({ criteria: [{ criterion: 'targetGroup', importance: 'must', value: 'dementia' }] }), AS_OF);
        expect(ids(answer.results).sort()).toEqual([FIXTURES.deTuin.id, FIXTURES.deHoeve.id, FIXTURES.hetAnker.id, FIXTURES.sintJozef.id].sort());
        expect(answer.total).toBe(4);
        expect(ids(answer.nearMisses)).toEqual([FIXTURES.maasoever.id]);
        expect(answer.nearMisses[0]?.failedMusts).toEqual([{ criterion: 'targetGroup', value: 'dementia', importance: 'must', outcome: 'mismatch' }]);
      });

      it('keeps near misses to those failing at most two musts, fewest first', async () => {
        const answer = await matchOf(engine, 
          matchRequest({
            criteria: [
              { criterion: 'housingType', importance: 'must', value: 'care-farm' },
              { criterion: 'deliveryForm', importance: 'must', value: 'vpt' },
              { criterion: 'sector', importance: 'must', value: 'VG' },
            ],
          }),
          AS_OF,
        );
        expect(answer.results).toEqual([]);
        expect(answer.total).toBe(0);
        // De Tuin, Sint Jozef and Het Anker fail all three: not even a near miss.
        expect(ids(answer.nearMisses).sort()).toEqual([FIXTURES.deHoeve.id, FIXTURES.maasoever.id].sort());
        for (const miss of answer.nearMisses) expect(miss.failedMusts).toHaveLength(2);
      });

      it('shows an unknown must as unknown and ranks it below every result whose musts all match', async () => {
        const answer = await matchOf(engine, 
          matchRequest({
            postcode: '6211',
            criteria: [{ criterion: 'targetGroup', importance: 'must', value: 'dementia' }, { criterion: 'garden', importance: 'important' }],
          }),
          AS_OF,
          MAASTRICHT,
        );
        // Het Anker is near and has a place soon, but nobody knows whether it serves dementia.
        expect(ids(answer.results).at(-1)).toBe(FIXTURES.hetAnker.id);
        const anker = answer.results.at(-1);
        expect(anker?.reasons).toContainEqual({ criterion: 'targetGroup', value: 'dementia', importance: 'must', outcome: 'unknown' });
        expect(anker?.reasons).toContainEqual({ criterion: 'garden', importance: 'important', outcome: 'unknown' });
        const tuin = answer.results.find((r) => r.locationId === 'de-tuin');
        expect(tuin?.reasons).toEqual([
          { criterion: 'targetGroup', value: 'dementia', importance: 'must', outcome: 'match' },
          { criterion: 'garden', importance: 'important', outcome: 'match' },
        ]);
        expect(tuin?.distanceKm).toBe(0);
      });

      it('names a maximum distance `distance`: a must in the reasons and in a near miss', async () => {
        const answer = await matchOf(engine, 
          matchRequest({ postcode: '6211', maxDistanceKm: 20, criteria: [{ criterion: 'targetGroup', importance: 'must', value: 'dementia' }] }),
          AS_OF,
          MAASTRICHT,
        );
        expect(ids(answer.results)).not.toContain(FIXTURES.deHoeve.id);
        for (const result of answer.results) expect(result.reasons[0]).toEqual({ criterion: 'distance', value: 20, importance: 'must', outcome: 'match' });
        const hoeve = answer.nearMisses.find((m) => m.locationId === 'de-hoeve');
        expect(hoeve?.failedMusts).toEqual([{ criterion: 'distance', value: 20, importance: 'must', outcome: 'mismatch' }]);
        expect(hoeve?.distanceKm).toBe(30);
      });

      it('ranks by score: an important wish weighs more than a nice one, closer and sooner places first', async () => {
        const answer = await matchOf(engine, 
          matchRequest({
            postcode: '6211',
            criteria: [{ criterion: 'garden', importance: 'important' }, { criterion: 'kitchenette', importance: 'nice' }],
          }),
          AS_OF,
          MAASTRICHT,
        );
        // Raw scores out of 9 (garden 3, kitchenette 1, distance 3, waiting list 2):
        expect(ids(answer.results)).toEqual([
          FIXTURES.deTuin.id, // garden 3 + at the place 3 + available 2 = 8
          FIXTURES.maasoever.id, // garden 3 + kitchenette 1 + 10 km 1.8 + long 0.5 = 6.3
          FIXTURES.hetAnker.id, // garden unknown + 2 km 2.76 + short 1.5 = 4.26
          FIXTURES.sintJozef.id, // no garden + 5 km 2.4 + short 1.5 = 3.9
          FIXTURES.deHoeve.id, // garden 3 + 30 km 0 + closed 0 = 3
        ]);
        expect(answer.results.map((r) => r.score)).toEqual([0.8889, 0.7, 0.4733, 0.4333, 0.3333]);
      });

      it('breaks ties by distance, then by name', async () => {
        // Beyond 25 km the distance adds nothing to the score, so these three tie on score.
        const twin = (locationId: string, name: string, km: number) =>
          candidate({ locationId, housingFormId: 'groep', name, point: northOf(MAASTRICHT, km), waitingList: { status: 'long', updatedAt: '2026-11-10' } });
        const { engine: ties } = await engineWith([twin('c', 'Beukenhof', 40), twin('a', 'Zonnehof', 30), twin('b', 'Aalsterhof', 40)]);
        const near = await matchOf(ties, matchRequest({ postcode: '6211' }), AS_OF, MAASTRICHT);
        expect(near.results.map((r) => r.name)).toEqual(['Zonnehof', 'Aalsterhof', 'Beukenhof']);
        expect(new Set(near.results.map((r) => r.score)).size).toBe(1);
        const nowhere = await matchOf(ties, matchRequest({}), AS_OF);
        expect(nowhere.results.map((r) => r.name)).toEqual(['Aalsterhof', 'Beukenhof', 'Zonnehof']);
      });

      it('gives the same answer to the same question', async () => {
        const request = matchRequest({
          postcode: '6211',
          criteria: [{ criterion: 'sector', importance: 'must', value: 'VV' }, { criterion: 'ownBathroom', importance: 'nice' }],
        });
        const first = await matchOf(engine, request, AS_OF, MAASTRICHT);
        const second = await matchOf(engine, request, AS_OF, MAASTRICHT);
        expect(second).toEqual(first);
        expect(first.total).toBe(5);
      });

      it('pages results', async () => {
        const request = (offset: number) => matchRequest({ postcode: '6211', limit: 2, offset });
        const pages = await Promise.all([0, 2, 4].map((offset) => engine.match(request(offset), AS_OF, MAASTRICHT)));
        const all = await matchOf(engine, matchRequest({ postcode: '6211' }), AS_OF, MAASTRICHT);
        expect(pages.flatMap((p) => ids(p.results))).toEqual(ids(all.results));
        expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
      });

      describe('a waiting list confirmed more than 30 days before the request', () => {
        // AS_OF is 2026-11-23T09:00Z: a state confirmed at 2026-10-24T09:00Z is exactly 30 days old.
        const at = (updatedAt: string, status: 'available' | 'short' | 'long' | 'closed', name: string) =>
          candidate({ locationId: name.toLowerCase(), housingFormId: 'groep', name, waitingList: { status, updatedAt } });
        const ages = [
          at('2026-10-24T09:00:00Z', 'available', 'Dertig'), // exactly 30 days: still current
          at('2026-10-24T09:00:00.001Z', 'available', 'Bijna'), // a millisecond younger
          at('2026-10-24T08:59:59.999Z', 'available', 'Oud'), // a millisecond older: stale
          at('2026-11-20', 'short', 'Kort'),
          at('2026-11-20', 'long', 'Lang'),
          at('2026-10-01', 'closed', 'Gesloten'), // stale too: unknown, not a no
          at('2026-11-20', 'closed', 'Dicht'),
        ];
        const outcomes = (items: ReadonlyArray<{ name: string; reasons: ReadonlyArray<{ outcome: string }> }>) =>
          Object.fromEntries(items.map((i) => [i.name, i.reasons.map((r) => r.outcome).join()]));
        let aged: SearchEngine;
        beforeAll(async () => {
          aged = (await engineWith(ages)).engine;
        });

        it('ranks it as unknown (like a long wait) and never as a place soon', async () => {
          const request = matchRequest({ postcode: '6211', criteria: [{ criterion: 'availableSoon', importance: 'important' }] });
          const answer = await matchOf(aged, request, AS_OF, MAASTRICHT);
          // Out of 8 (availableSoon 3, at the place 3, waiting list 2): current free 8, short 7.5,
          // stale or long 3.5, closed 3.
          expect(answer.results.map((r) => [r.name, r.score])).toEqual([
            ['Bijna', 1], ['Dertig', 1], ['Kort', 0.9375],
            ['Gesloten', 0.4375], ['Lang', 0.4375], ['Oud', 0.4375], ['Dicht', 0.375],
          ]);
          expect(outcomes(answer.results)).toEqual({
            Bijna: 'match', Dertig: 'match', Kort: 'match', Gesloten: 'unknown', Lang: 'mismatch', Oud: 'unknown', Dicht: 'mismatch',
          });
        });

        it('measures the age from the moment of the request: a millisecond later, 30 days old is stale', async () => {
          const request = matchRequest({ postcode: '6211', criteria: [{ criterion: 'availableSoon', importance: 'important' }] });
          const later = await matchOf(aged, request, new Date(AS_OF.getTime() + 1), MAASTRICHT);
          expect(later.results.slice(0, 3).map((r) => [r.name, r.score])).toEqual([['Bijna', 1], ['Kort', 0.9375], ['Dertig', 0.4375]]);
          expect(outcomes(later.results).Dertig).toBe('unknown');
        });

        it('keeps it in the list as a must that is unknown, after those that hold, while a current long wait is a near miss', async () => {
          const answer = await matchOf(aged, matchRequest({ criteria: [{ criterion: 'availableSoon', importance: 'must' }] }), AS_OF);
          expect(answer.results.map((r) => r.name)).toEqual(['Bijna', 'Dertig', 'Kort', 'Gesloten', 'Oud']);
          expect(answer.total).toBe(5);
          expect(answer.nearMisses.map((r) => r.name)).toEqual(['Lang', 'Dicht']);
        });
      });
    });

    describe('search', () => {
      it("finds Dutch words by their stem ('tuinen' finds 'tuin'), within the region only", async () => {
        const answer = await engine.search(query({ q: 'tuinen' }));
        expect(ids(answer.items)).toEqual([FIXTURES.deTuin.id]);
        expect(answer.total).toBe(1);
        const rotterdam = await engine.search(query({ regionId: 'rotterdam', q: 'tuin' }));
        expect(ids(rotterdam.items)).toEqual([FIXTURES.rotterdam.id]);
      });

      it('needs every word, each in any of the names or the city', async () => {
        expect(ids((await engine.search(query({ q: 'tuin maastricht' }))).items)).toEqual([FIXTURES.deTuin.id]);
        expect(ids((await engine.search(query({ q: 'hoeve wijlre' }))).items)).toEqual([FIXTURES.deHoeve.id]);
        expect((await engine.search(query({ q: 'tuin wijlre' }))).total).toBe(0);
        // Whole words: 'tuin' is not a prefix search for 'tuinhuis'-like words; 'zorg' does not find 'Zorgboerderij'.
        expect((await engine.search(query({ q: 'zorg' }))).total).toBe(0);
      });

      it('lists everything by name without words, and answers a hit with its heading and point', async () => {
        const answer = await engine.search(query({}));
        expect(answer.items.map((i) => i.name)).toEqual([
          'Groepswonen Het Anker', 'Kleinschalig wonen De Tuin', 'Verpleeghuis Sint Jozef', 'Zorgappartementen Maasoever', 'Zorgboerderij De Hoeve',
        ]);
        expect(answer.items[1]).toEqual({
          housingFormId: 'groep', locationId: 'de-tuin', organizationId: 'zorggroep-test', name: 'Kleinschalig wonen De Tuin',
          locationName: 'De Tuin', organizationName: 'Zorggroep Test', city: 'Maastricht', type: 'small-scale-group',
          regionId: 'zuid-limburg',
          waitingList: { status: 'available', updatedAt: '2026-11-10' }, point: MAASTRICHT,
        });
      });

      it('filters with OR within a filter and AND across filters; yes/no filters only when known', async () => {
        const types = await engine.search(query({ housingType: ['small-scale-group', 'care-farm'] }));
        expect(ids(types.items).sort()).toEqual([FIXTURES.deTuin.id, FIXTURES.hetAnker.id, FIXTURES.deHoeve.id].sort());
        const withGroup = await engine.search(query({ housingType: ['small-scale-group', 'care-farm'], targetGroup: ['dementia'] }));
        expect(ids(withGroup.items).sort()).toEqual([FIXTURES.deTuin.id, FIXTURES.deHoeve.id].sort());
        const small = await engine.search(query({ housingType: ['small-scale-group', 'care-farm'], smallScale: 'true' }));
        expect(ids(small.items).sort()).toEqual([FIXTURES.deTuin.id, FIXTURES.hetAnker.id].sort());
        const garden = await engine.search(query({ garden: 'true', shops: 'true' }));
        expect(ids(garden.items)).toEqual([FIXTURES.maasoever.id]);
        const waiting = await engine.search(query({ waitingList: ['available', 'short'], deliveryForm: ['pgb'] }));
        expect(ids(waiting.items).sort()).toEqual([FIXTURES.deTuin.id, FIXTURES.hetAnker.id].sort());
      });

      it('counts each facet with every other filter applied', async () => {
        const answer = await engine.search(query({ housingType: ['small-scale-group', 'care-farm'], targetGroup: ['dementia'] }));
        // housingType counted under targetGroup=dementia only: De Tuin, Sint Jozef, De Hoeve.
        expect(answer.facets.housingType).toEqual({ 'small-scale-group': 1, 'nursing-home': 1, 'care-farm': 1 });
        // targetGroup counted under the housing types only: De Tuin, Het Anker (unknown: no code), De Hoeve.
        expect(answer.facets.targetGroup).toEqual({ dementia: 2 });
        // A filter not chosen is counted under all filters: De Tuin and De Hoeve.
        expect(answer.facets.sector).toEqual({ VV: 2 });
        expect(answer.facets.waitingList).toEqual({ available: 1, closed: 1 });
        expect(answer.facets.culture).toEqual({});
      });

      it('counts facets over the words found', async () => {
        const answer = await engine.search(query({ q: 'tuin' }));
        expect(answer.facets.housingType).toEqual({ 'small-scale-group': 1 });
      });

      describe('over the descriptions', () => {
        // Three housing forms, 'tuin' in the name of the one whose name sorts last, only in the
        // description of the others; one stored before descriptions were indexed (no searchText).
        const described = {
          tuinNaam: candidate({ locationId: 'zonnewijzer', housingFormId: 'groep', name: 'Woonhuis De Tuin', locationName: 'Zonnewijzer' }),
          kort: candidate({
            locationId: 'aalsterhof', housingFormId: 'groep', name: 'Aalsterhof', locationName: 'Aalsterhof',
            searchText: 'Een grote tuin.',
          }),
          lang: candidate({
            locationId: 'beukenhof', housingFormId: 'groep', name: 'Beukenhof', locationName: 'Beukenhof',
            searchText: 'Wonen op een boerderij met kippen en een moestuin. Wie wil, helpt mee in de tuin.\nDe tuin is veilig en goed te bereiken met een rollator.',
          }),
          oud: JSON.parse(JSON.stringify(candidate({ locationId: 'oud', housingFormId: 'groep', name: 'Huize Berkenrode', locationName: 'Berkenrode' }))) as MatchCandidate,
        } satisfies Record<string, MatchCandidate>;
        let texts: SearchEngine;
        beforeAll(async () => {
          texts = (await engineWith(Object.values(described))).engine;
        });

        it('finds a word that is only in a description, with the words of the names', async () => {
          expect(ids((await texts.search(query({ q: 'rollator' }))).items)).toEqual([described.lang.id]);
          expect(ids((await texts.search(query({ q: 'beukenhof kippen' }))).items)).toEqual([described.lang.id]);
          expect((await texts.search(query({ q: 'aalsterhof kippen' }))).total).toBe(0);
        });

        it("finds the singular in a description by the plural ('tuinen' finds 'tuin')", async () => {
          const answer = await texts.search(query({ q: 'tuinen' }));
          expect(ids(answer.items).sort()).toEqual([described.tuinNaam.id, described.kort.id, described.lang.id].sort());
          expect(answer.total).toBe(3);
        });

        it('ranks a housing form with the word in its name above those with it only in a description', async () => {
          const answer = await texts.search(query({ q: 'tuin' }));
          expect(ids(answer.items)[0]).toBe(described.tuinNaam.id);
          expect(ids(answer.items).slice(1).sort()).toEqual([described.kort.id, described.lang.id].sort());
        });

        it('still finds a housing form stored without descriptions by its names', async () => {
          expect(ids((await texts.search(query({ q: 'berkenrode' }))).items)).toEqual([described.oud.id]);
          expect((await texts.search(query({ q: 'berkenrode tuin' }))).total).toBe(0);
        });

        it('forgets the old description when a housing form is replaced', async () => {
          const subject = await engineWith([described.lang]);
          await subject.engine.upsert([{ ...described.lang, searchText: 'Een rustige plek aan de Maas.' }]);
          await subject.settle?.();
          expect((await subject.engine.search(query({ q: 'rollator' }))).total).toBe(0);
          expect(ids((await subject.engine.search(query({ q: 'maas' }))).items)).toEqual([described.lang.id]);
        });

        it('never hands the descriptions back: not in a hit, not in a match', async () => {
          const found = await texts.search(query({ q: 'kippen' }));
          expect(JSON.stringify(found)).not.toContain('rollator');
          const matched = await matchOf(texts, matchRequest({}), AS_OF);
          expect(JSON.stringify(matched)).not.toContain('rollator');
        });
      });

      it('pages in a stable order without overlap', async () => {
        const pages = await Promise.all([0, 2, 4].map((offset) => engine.search(query({ limit: 2, offset }))));
        expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
        expect(pages.map((p) => p.total)).toEqual([5, 5, 5]);
        const all = await engine.search(query({}));
        expect(pages.flatMap((p) => ids(p.items))).toEqual(ids(all.items));
      });
    });

    describe('writes', () => {
      it('replaces a housing form on upsert by id, idempotently', async () => {
        const subject = await engineWith([FIXTURES.deTuin, FIXTURES.sintJozef]);
        const renamed = candidate({ ...FIXTURES.deTuin, name: 'Huize Zonnebloem', sortName: 'huize zonnebloem', facilities: [] });
        await subject.engine.upsert([renamed]);
        await subject.engine.upsert([renamed]);
        await subject.settle?.();
        expect((await subject.engine.search(query({ q: 'zonnebloem' }))).total).toBe(1);
        expect((await subject.engine.search(query({ q: 'kleinschalig' }))).total).toBe(0);
        expect((await subject.engine.search(query({}))).total).toBe(2);
        const garden = await subject.engine.match(matchRequest({ criteria: [{ criterion: 'garden', importance: 'must' }] }), AS_OF);
        expect(ids(garden.nearMisses)).toContain(FIXTURES.deTuin.id);
        expect(garden.nearMisses.find((m) => m.locationId === 'de-tuin')?.name).toBe('Huize Zonnebloem');
      });

      it('removes by id; unknown ids and a second remove are ignored', async () => {
        const subject = await engineWith([FIXTURES.deTuin, FIXTURES.sintJozef]);
        await subject.engine.remove([FIXTURES.deTuin.id, 'bestaat-niet:nee']);
        await subject.engine.remove([FIXTURES.deTuin.id]);
        await subject.settle?.();
        expect(ids((await subject.engine.search(query({}))).items)).toEqual([FIXTURES.sintJozef.id]);
        expect((await subject.engine.search(query({ q: 'tuin' }))).total).toBe(0);
        const answer = await subject.engine.match(matchRequest({}), AS_OF);
        expect(ids(answer.results)).toEqual([FIXTURES.sintJozef.id]);
      });
    });

    describe('every yes/no criterion of the registry', () => {
      // Nine housing forms; for the i-th, the f-th yes/no field is yes, no or left out by (i + f) % 3,
      // so each field has every answer three times and the criteria do not move together.
      const answers = [true, false, undefined] as const;
      const flagged = Array.from({ length: 9 }, (_, i) =>
        candidate({
          locationId: `vlag-${i}`, housingFormId: 'vorm', name: `Huis ${i}`, point: northOf(MAASTRICHT, i),
          ...Object.fromEntries(FLAG_FIELDS.map((field, f) => [field, answers[(i + f) % 3]])),
        }),
      );
      const holding = (field: string, answer: boolean | undefined) =>
        flagged.filter((c) => (c as unknown as Record<string, unknown>)[field] === answer).map((c) => c.id).sort();
      const readsFlag = FLAG_CRITERIA.flatMap((name) => {
        const how = CRITERIA[name].reads;
        return how.read === 'flag' ? [{ name, field: how.field }] : [];
      });
      let flagEngine: SearchEngine;
      beforeAll(async () => {
        flagEngine = (await engineWith(flagged)).engine;
      });

      it.each(readsFlag)('$name as a must keeps yes and left out, and lists no as a near miss', async ({ name, field }) => {
        const answer = await matchOf(flagEngine, matchRequest({ criteria: [{ criterion: name, importance: 'must' }], limit: 20 }), AS_OF);
        expect(ids(answer.results).sort()).toEqual([...holding(field, true), ...holding(field, undefined)].sort());
        // Yes ranks above "ask the provider".
        expect(ids(answer.results.slice(0, 3)).sort()).toEqual(holding(field, true));
        expect(ids(answer.nearMisses).sort()).toEqual(holding(field, false));
        for (const miss of answer.nearMisses) expect(miss.failedMusts).toEqual([{ criterion: name, importance: 'must', outcome: 'mismatch' }]);
      });

      it.each(FLAG_FILTERS.filter((name) => readsFlag.some((c) => c.name === name)))('the search filter %s finds only the yes', async (name) => {
        const field = readsFlag.find((c) => c.name === name)?.field as string;
        const found = await flagEngine.search(query({ [name]: 'true', limit: 20 }));
        expect(ids(found.items).sort()).toEqual(holding(field, true));
      });
    });

    describe('day activities on site or nearby, and people of about one\'s age', () => {
      // Four young adults' groups, all admitting adults from 18: where the day activities are, and who lives there.
      const young = {
        inHuis: candidate({
          locationId: 'in-huis', housingFormId: 'groep', name: 'Groep In Huis', point: northOf(MAASTRICHT, 1), minAge: 18,
          dayActivities: 'on-site', residentsMinAge: 40, residentsMaxAge: 70, waitingList: { status: 'available', updatedAt: '2026-11-10' },
        }),
        inDeBuurt: candidate({
          locationId: 'in-de-buurt', housingFormId: 'groep', name: 'Groep In De Buurt', point: northOf(MAASTRICHT, 2), minAge: 18,
          dayActivities: 'nearby', residentsMinAge: 18, residentsMaxAge: 30, waitingList: { status: 'long', updatedAt: '2026-11-10' },
        }),
        geen: candidate({
          locationId: 'geen', housingFormId: 'groep', name: 'Groep Geen', point: northOf(MAASTRICHT, 3), minAge: 18,
          dayActivities: 'none', residentsMinAge: 65, waitingList: { status: 'available', updatedAt: '2026-11-10' },
        }),
        onbekend: candidate({
          locationId: 'onbekend', housingFormId: 'groep', name: 'Groep Onbekend', point: northOf(MAASTRICHT, 4), minAge: 18,
          waitingList: { status: 'available', updatedAt: '2026-11-10' },
        }),
      };
      let youngEngine: SearchEngine;
      beforeAll(async () => {
        youngEngine = (await engineWith(Object.values(young))).engine;
      });

      it('fits day activities on site and nearby, says which, and lists none as a near miss', async () => {
        const answer = await matchOf(youngEngine, matchRequest({ criteria: [{ criterion: 'dayActivities', importance: 'must' }] }), AS_OF);
        expect(ids(answer.results)).toEqual([young.inHuis.id, young.inDeBuurt.id, young.onbekend.id]);
        expect(answer.results.map((r) => r.reasons[0])).toEqual([
          { criterion: 'dayActivities', importance: 'must', outcome: 'match', found: 'on-site' },
          { criterion: 'dayActivities', importance: 'must', outcome: 'match', found: 'nearby' },
          { criterion: 'dayActivities', importance: 'must', outcome: 'unknown' },
        ]);
        expect(ids(answer.nearMisses)).toEqual([young.geen.id]);
      });

      it('fits the stricter wish only on site', async () => {
        const answer = await matchOf(youngEngine, matchRequest({ criteria: [{ criterion: 'dayActivitiesOnSite', importance: 'must' }] }), AS_OF);
        expect(ids(answer.results)).toEqual([young.inHuis.id, young.onbekend.id]);
        // In result order: the free place before the long wait.
        expect(ids(answer.nearMisses)).toEqual([young.geen.id, young.inDeBuurt.id]);
      });

      it('filters a search on day activities (on site or nearby) and on day activities on site', async () => {
        expect(ids((await youngEngine.search(query({ dayActivities: 'true' }))).items).sort()).toEqual([young.inDeBuurt.id, young.inHuis.id].sort());
        expect(ids((await youngEngine.search(query({ dayActivitiesOnSite: 'true' }))).items)).toEqual([young.inHuis.id]);
      });

      it('ranks the place whose residents are 18 to 30 first for a 23-year-old wishing people of about that age', async () => {
        const answer = await matchOf(youngEngine, matchRequest({
          criteria: [{ criterion: 'age', value: 23, importance: 'must' }, { criterion: 'ageGroup', value: 23, importance: 'important' }],
        }), AS_OF);
        expect(ids(answer.results)[0]).toBe(young.inDeBuurt.id);
        expect(answer.results[0]?.reasons).toEqual([
          { criterion: 'age', value: 23, importance: 'must', outcome: 'match' },
          { criterion: 'ageGroup', value: 23, importance: 'important', outcome: 'match' },
        ]);
        expect(answer.results.slice(1).map((r) => r.reasons[1]?.outcome).sort()).toEqual(['mismatch', 'mismatch', 'unknown']);
      });
    });

    describe('across borders: from Sittard (Zuid-Limburg) to Noord-Limburg', () => {
      let limburg: SearchEngine;
      beforeAll(async () => {
        limburg = (await engineWith(Object.values(LIMBURG))).engine;
      });
      const from = (input: Partial<MatchRequestInput> = {}) =>
        matchOf(limburg, matchRequest({ postcode: SITTARD_POSTCODE, maxDistanceKm: 25, ...input }), AS_OF, SITTARD);
      const regionsOf = (items: ReadonlyArray<{ locationId: string; regionId: string }>) => items.map((i) => `${i.locationId}@${i.regionId}`);

      it('keeps to the person\'s own region by default, with or without a maximum distance', async () => {
        const answer = await from();
        expect(regionsOf(answer.results)).toEqual(['het-park@zuid-limburg', 'de-burcht@zuid-limburg', 'vrijthof-hof@zuid-limburg']);
        expect(regionsOf(answer.nearMisses)).toEqual(['drielandenhuis@zuid-limburg']);
        const withoutDistance = await matchOf(limburg, matchRequest({ postcode: SITTARD_POSTCODE }), AS_OF, SITTARD);
        expect(withoutDistance.total).toBe(4);
        expect([...withoutDistance.results, ...withoutDistance.nearMisses].every((r) => r.regionId === 'zuid-limburg')).toBe(true);
      });

      it('finds housing forms in Zuid-Limburg and Noord-Limburg within 25 km nearby, each naming its region, nearest first', async () => {
        const answer = await from({ scope: 'nearby' });
        expect(regionsOf(answer.results)).toEqual([
          'het-park@zuid-limburg', 'de-burcht@zuid-limburg', 'de-maasbloem@noord-limburg', 'vrijthof-hof@zuid-limburg', 'munsterhof@noord-limburg',
        ]);
        expect(answer.results.map((r) => r.distanceKm)).toEqual([0, 6, 12.5, 20.7, 23.7]);
        expect(answer.total).toBe(5);
        // Beyond the distance only the own region's housing form is "almost": Haelen and Venlo lie outside the search.
        expect(regionsOf(answer.nearMisses)).toEqual(['drielandenhuis@zuid-limburg']);
      });

      it('searches the whole country: everything beyond the distance is a near miss failing `distance`, in order of distance', async () => {
        const answer = await from({ scope: 'country' });
        expect(answer.total).toBe(5);
        expect(regionsOf(answer.nearMisses)).toEqual([
          'drielandenhuis@zuid-limburg', 'de-leuken@noord-limburg', 'maaspoort@noord-limburg', 'kralingen@rotterdam',
        ]);
        for (const miss of answer.nearMisses) expect(miss.failedMusts).toEqual([{ criterion: 'distance', value: 25, importance: 'must', outcome: 'mismatch' }]);
        const anywhere = await matchOf(limburg, matchRequest({ postcode: SITTARD_POSTCODE, scope: 'country' }), AS_OF, SITTARD);
        expect(anywhere.total).toBe(Object.keys(LIMBURG).length);
        expect(anywhere.results.at(-1)?.regionId).toBe('rotterdam');
      });

      it('searches directly across borders too: by scope, with and without words', async () => {
        const place = { postcode: SITTARD_POSTCODE, maxDistanceKm: 25 };
        const cities = (answer: SearchResponse) => answer.items.map((i) => i.city).sort();
        expect(cities(await limburg.search(query(place), SITTARD))).toEqual(['Geleen', 'Maastricht', 'Sittard', 'Vaals']);
        expect(cities(await limburg.search(query({ ...place, scope: 'nearby' }), SITTARD))).toEqual(['Echt', 'Geleen', 'Maastricht', 'Roermond', 'Sittard', 'Vaals']);
        const country = await limburg.search(query({ scope: 'country' }));
        expect(country.total).toBe(Object.keys(LIMBURG).length);
        expect(country.items.find((i) => i.city === 'Venlo')?.regionId).toBe('noord-limburg');
        expect(ids((await limburg.search(query({ ...place, scope: 'nearby', q: 'Roermond' }), SITTARD)).items)).toEqual([LIMBURG.roermond.id]);
        expect((await limburg.search(query({ ...place, q: 'Roermond' }), SITTARD)).total).toBe(0);
        expect(ids((await limburg.search(query({ scope: 'country', q: 'Venlo' }))).items)).toEqual([LIMBURG.venlo.id]);
      });
    });

    describe('an unknown region', () => {
      it('is refused with UnknownRegionError by match and search', async () => {
        await expect(engine.match(matchRequest({ regionId: 'atlantis' }), AS_OF)).rejects.toBeInstanceOf(UnknownRegionError);
        await expect(engine.search(query({ regionId: 'atlantis' }))).rejects.toBeInstanceOf(UnknownRegionError);
      });

      it('is refused however wide the scope, though other regions have answers', async () => {
        await expect(engine.match(matchRequest({ regionId: 'atlantis', scope: 'country' }), AS_OF)).rejects.toBeInstanceOf(UnknownRegionError);
        await expect(engine.search(query({ regionId: 'atlantis', scope: 'country' }))).rejects.toBeInstanceOf(UnknownRegionError);
      });
    });
  });
}
