// Seeded random candidates and match requests for the oracle tests: every optional field is left
// out, given empty, or given with values, so unknown, mismatch and match all occur; waiting lists
// are confirmed on both sides of the 30-day edge of the tests' moment (AS_OF).
import { DAY_ACTIVITIES, FLAG_CRITERIA, FLAG_FIELDS, type Criterion, type MatchRequest } from '../../../../shared/domain/index.ts';
import { type MatchCandidate } from '../../../../shared/matching/index.ts';
import { mulberry32 } from '../../../../scripts/lib/mulberry32.ts';
import { MAASTRICHT, candidate, matchRequest, northOf } from '../../../fixtures/candidates.ts';

export function generator(seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;
  // The facts added later (residents' ages, day activities as a code) from a stream of their own,
  // so every candidate and request drawn before them stays the same.
  const later = mulberry32(seed + 7919);
  const pickLater = <T>(items: readonly T[]): T => items[Math.floor(later() * items.length)] as T;
  const chance = (p: number) => rnd() < p;
  const list = <T>(codes: readonly T[]): T[] | undefined =>
    chance(0.25) ? undefined : chance(0.15) ? [] : codes.filter(() => chance(0.5));
  const flag = (): boolean | undefined => pick([undefined, true, false]);
  const NAMES = ['De Linde', 'Het Anker', 'Élise', 'de linde', 'Zonnehuis', 'Ávila'];
  // Waiting lists confirmed on and around the 30-day edge before AS_OF (2026-10-24T09:00Z): current,
  // exactly 30 days old (still current), a millisecond either side, and long ago.
  const CONFIRMED = ['2026-11-10', '2026-10-24T09:00:00Z', '2026-10-24T09:00:00.001Z', '2026-10-24T08:59:59.999Z', '2026-10-01'];

  function makeCandidate(i: number): MatchCandidate {
    const km = rnd() * 40;
    const point = northOf(MAASTRICHT, km);
    return candidate({
      housingFormId: `vorm-${i % 3}`,
      locationId: `locatie-${String(Math.floor(i / 3)).padStart(3, '0')}`,
      // Few names, so order by name and then by id is exercised.
      name: pick(NAMES),
      point: { lat: point.lat, lon: point.lon + (rnd() - 0.5) * 0.2 },
      type: pick(['small-scale-group', 'nursing-home', 'care-apartment'] as const),
      sectors: pick([['VV'], ['VV', 'VG'], ['VG']] as const),
      careProfiles: list(['4VV', '5VV', '6VV'] as const),
      deliveryForms: list(['verblijf', 'vpt', 'pgb'] as const),
      targetGroups: list(['dementia', 'somatic'] as const),
      worldview: pick([undefined, 'catholic', 'protestant'] as const),
      cultures: list(['indisch', 'moluks'] as const),
      communities: list(['artists', 'lgbti'] as const),
      languages: list(['nl', 'li', 'de'] as const),
      groupSize: pick([undefined, 6, 8, 9, 14]),
      minAge: pick([undefined, undefined, 18, 65]),
      maxAge: pick([undefined, undefined, 30, 99]),
      facilities: list(['garden', 'restaurant'] as const),
      ...Object.fromEntries(FLAG_FIELDS.map((field) => [field, flag()])),
      residentsMinAge: pickLater([undefined, undefined, 18, 65]),
      residentsMaxAge: pickLater([undefined, undefined, 30, 99]),
      dayActivities: pickLater([undefined, ...DAY_ACTIVITIES]),
      waitingList: { status: pick(['available', 'short', 'long', 'closed'] as const), updatedAt: pick(CONFIRMED) },
    });
  }

  const CRITERIA: Array<Omit<Criterion, 'importance'>> = [
    { criterion: 'sector', value: 'VV' },
    { criterion: 'careProfile', value: '5VV' },
    { criterion: 'deliveryForm', value: 'pgb' },
    { criterion: 'targetGroup', value: 'dementia' },
    { criterion: 'housingType', value: 'small-scale-group' },
    { criterion: 'worldview', value: 'catholic' },
    { criterion: 'culture', value: 'indisch' },
    { criterion: 'community', value: 'artists' },
    { criterion: 'language', value: 'li' },
    // On and beside the bounds the candidates use (18, 30, 65, 99).
    { criterion: 'age', value: 18 },
    { criterion: 'age', value: 30 },
    { criterion: 'age', value: 65 },
    { criterion: 'age', value: 70 },
    { criterion: 'ageGroup', value: 23 },
    { criterion: 'ageGroup', value: 30 },
    { criterion: 'ageGroup', value: 70 },
    ...FLAG_CRITERIA.map((criterion) => ({ criterion })),
  ] as Array<Omit<Criterion, 'importance'>>;

  function makeRequest(): { request: MatchRequest; withPlace: boolean } {
    const chosen = new Map<string, Criterion>();
    const count = Math.floor(rnd() * 6);
    for (let i = 0; i < count; i++) {
      const c = pick(CRITERIA);
      const key = c.criterion;
      if (!chosen.has(key)) chosen.set(key, { ...c, importance: pick(['must', 'must', 'important', 'nice'] as const) } as Criterion);
    }
    const withPlace = chance(0.7);
    const maxDistanceKm = withPlace && chance(0.5) ? pick([5, 12.5, 20, 30]) : undefined;
    const request = matchRequest({
      criteria: [...chosen.values()],
      ...(withPlace ? { postcode: '6211' } : {}),
      ...(maxDistanceKm !== undefined ? { maxDistanceKm } : {}),
      limit: pick([3, 10, 50]),
      offset: pick([0, 0, 2, 7]),
    });
    return { request, withPlace };
  }

  return { makeCandidate, makeRequest, rnd };
}
