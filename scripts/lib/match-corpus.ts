// The benchmark corpus and persona (scripts/bench-match.ts, and the tests of what the benchmark
// measures): synthetic housing forms spread over real postcode points of the Netherlands, each in
// the care-office region its postcode area lies in, seeded so every run measures the same corpus;
// and the six-criterion request a person near Maastricht sends.
import {
  CARE_PROFILE_SECTOR, CULTURES, codedFact, HOUSING_FORM_FLAG_FIELDS, MatchRequestSchema, WORLDVIEWS, type CareProfile, type DeliveryForm, type Facility,
  type HousingForm, type HousingFormFlagField, type HousingType, type Language, type Organization, type Sector, type TargetGroup,
  type WaitingListStatus,
} from '../../shared/domain/index.ts';
import { type Point } from '../../shared/geo/distance.ts';
import { pc4CareOfficeRegion, pc4Point } from '../../shared/geo/pc4.ts';
import { decodePc4Table } from '../../shared/geo/pc4-codec.ts';
import pc4Table from '../../shared/geo/pc4-points.json' with { type: 'json' };
import { toCandidates, type MatchCandidate } from '../../shared/matching/index.ts';
import { mulberry32 } from './mulberry32.ts';

// --- A seeded PRNG, so every run measures the same corpus ---------------------------------------

type Random = () => number;
const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
const chance = (random: Random, p: number): boolean => random() < p;
/** A weighted choice: [value, weight] pairs. */
function weighted<T>(random: Random, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of table) {
    r -= w;
    if (r < 0) return value;
  }
  return (table[table.length - 1] as readonly [T, number])[0];
}
/** Left out (unknown) with probability 1 - pGiven, else a boolean true with probability pTrue. */
const maybeFlag = (random: Random, pGiven: number, pTrue: number): boolean | undefined =>
  chance(random, pGiven) ? chance(random, pTrue) : undefined;

// --- The synthetic corpus -----------------------------------------------------------------------

const SECTOR_MIX: readonly (readonly [Sector, number])[] = [
  ['VV', 55], ['VG', 20], ['GGZ', 10], ['LVG', 5], ['LG', 5], ['ZGvis', 3], ['ZGaud', 2],
];
const TYPES_BY_SECTOR: Record<'VV' | 'other', readonly (readonly [HousingType, number])[]> = {
  VV: [['nursing-home', 35], ['small-scale-group', 30], ['care-apartment', 20], ['residential-care-home', 8], ['care-farm', 3], ['respite', 4]],
  other: [['sheltered-group', 45], ['parents-initiative', 15], ['care-apartment', 15], ['small-scale-group', 10], ['care-farm', 8], ['respite', 7]],
};
const TARGET_GROUPS_BY_SECTOR: Record<Sector, readonly TargetGroup[]> = {
  VV: ['dementia', 'dementia', 'somatic', 'somatic', 'young-onset-dementia', 'korsakov', 'huntington', 'acquired-brain-injury'],
  VG: ['intellectual-disability', 'severe-multiple-disability', 'autism', 'behavioural'],
  LVG: ['intellectual-disability', 'behavioural'],
  LG: ['acquired-brain-injury', 'severe-multiple-disability'],
  ZGvis: ['visual-impairment'],
  ZGaud: ['hearing-impairment'],
  GGZ: ['psychiatric', 'korsakov', 'autism'],
};
const PROFILES_BY_SECTOR = Object.entries(CARE_PROFILE_SECTOR).reduce<Partial<Record<Sector, CareProfile[]>>>(
  (acc, [profile, sector]) => ({ ...acc, [sector]: [...(acc[sector] ?? []), profile as CareProfile] }),
  {},
);
const EXTRA_LANGUAGES: readonly Language[] = ['li', 'de', 'en', 'tr', 'ar', 'pap', 'zh', 'fy'];
// The table is stored compactly since commit 3968810 (see pc4-codec.ts): decode it for the codes.
// Only areas in a care-office region: every housing form then lies in one of the 31.
const PC4_CODES = [...decodePc4Table(pc4Table.areas).keys()].filter((pc4) => pc4CareOfficeRegion(pc4) !== undefined);

function subset<T>(random: Random, xs: readonly T[], p: number): T[] {
  return xs.filter(() => chance(random, p));
}

function housingForm(random: Random, id: string, updatedAt: string): HousingForm {
  const sector = weighted(random, SECTOR_MIX);
  const profiles = PROFILES_BY_SECTOR[sector] ?? [];
  const deliveryForms: DeliveryForm[] = [];
  if (chance(random, 0.8)) deliveryForms.push('verblijf');
  if (chance(random, 0.3)) deliveryForms.push('vpt');
  if (chance(random, 0.1)) deliveryForms.push('mpt');
  if (chance(random, 0.2)) deliveryForms.push('pgb');
  const elderly = sector === 'VV';
  return {
    id,
    name: `${pick(random, ['Huize', 'Wonen', 'Groep', 'Hof', 'De'])} ${pick(random, ['Linde', 'Eik', 'Beuk', 'Zonnebloem', 'Akker', 'Maasoever', 'Heuvel', 'Bron'])} ${Math.floor(random() * 100)}`,
    type: weighted(random, TYPES_BY_SECTOR[elderly ? 'VV' : 'other']),
    sectors: [sector],
    careProfiles: chance(random, 0.85) ? [...new Set([pick(random, profiles), pick(random, profiles)])] : undefined,
    deliveryForms: chance(random, 0.9) ? deliveryForms : undefined,
    targetGroups: chance(random, 0.8) ? [...new Set([pick(random, TARGET_GROUPS_BY_SECTOR[sector]), pick(random, TARGET_GROUPS_BY_SECTOR[sector])])] : undefined,
    worldview: chance(random, 0.1) ? pick(random, WORLDVIEWS) : undefined,
    cultures: chance(random, 0.6) ? (chance(random, 0.08) ? [pick(random, CULTURES)] : []) : undefined,
    communities: chance(random, 0.5) ? (chance(random, 0.03) ? ['artists'] : []) : undefined,
    languages: chance(random, 0.7) ? ['nl', ...new Set(subset(random, EXTRA_LANGUAGES, 0.12))] : undefined,
    groupSize: chance(random, 0.7) ? 4 + Math.floor(random() * 28) : undefined,
    minAge: chance(random, 0.5) ? (elderly ? 65 : 18) : undefined,
    maxAge: !elderly && chance(random, 0.3) ? 30 + Math.floor(random() * 40) : undefined,
    ...Object.fromEntries(HOUSING_FORM_FLAG_FIELDS.map((field) => {
      const [known, yes] = FLAG_ODDS[field] ?? DEFAULT_FLAG_ODDS;
      return [field, maybeFlag(random, known, yes)];
    })),
    // Drawn where it was drawn as a yes/no (the last flag), so the corpus stays the one measured before.
    dayActivities: codedFact('dayActivities', maybeFlag(random, 0.6, 0.6)),
    waitingList: {
      status: weighted<WaitingListStatus>(random, [['available', 15], ['short', 30], ['long', 45], ['closed', 10]]),
      updatedAt,
    },
  };
}

/** How often a provider gives each yes/no fact, and how often it is yes; a new criterion's field gets the default. */
const FLAG_ODDS: Partial<Record<HousingFormFlagField, [known: number, yes: number]>> = {
  ownBathroom: [0.7, 0.6], kitchenette: [0.6, 0.4], partner: [0.6, 0.3], pets: [0.6, 0.3], smoking: [0.6, 0.2],
  wheelchair: [0.7, 0.8], roundTheClock: [0.7, 0.7],
};
const DEFAULT_FLAG_ODDS: [number, number] = [0.6, 0.5];

/** The moment the benchmark matches at: waiting lists confirmed before 2026-10-24 are no longer current. */
export const AS_OF = new Date('2026-11-23T09:00:00Z');

/** Confirmed in the 90 days before AS_OF (about two thirds current), as in the demonstration data. */
function confirmedOn(random: Random): string {
  return new Date(AS_OF.getTime() - Math.floor(random() * 90) * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * Each housing form in the care-office region its postcode area lies in ('zk31' for ZK31, Zuid-Limburg),
 * so the national corpus is spread over the 31 regions as the real supply is; the matcher ignores
 * the region, so its table measures the same corpus as before.
 */
export function regionOfPc4(pc4: string): string {
  return (pc4CareOfficeRegion(pc4) as string).toLowerCase();
}

export function corpus(size: number, seed: number): MatchCandidate[] {
  const random = mulberry32(seed);
  // A stream of its own, so the rest of the corpus is the one measured before dates varied.
  const dates = mulberry32(seed + 1);
  const candidates: MatchCandidate[] = [];
  for (let orgIndex = 0; candidates.length < size; orgIndex++) {
    const organization: Organization = {
      id: `org-${orgIndex}`,
      name: `Zorggroep ${orgIndex}`,
      regionIds: ['nl'],
      worldview: chance(random, 0.3) ? pick(random, WORLDVIEWS) : undefined,
    };
    const locationCount = 1 + Math.floor(random() * random() * 20);
    for (let l = 0; l < locationCount && candidates.length < size; l++) {
      const pc4 = pick(random, PC4_CODES);
      const point = pc4Point(pc4) as Point;
      const forms = Array.from({ length: 1 + Math.floor(random() * 4) }, (_, h) => housingForm(random, `woonvorm-${h}`, confirmedOn(dates)));
      const facilities: Facility[] = subset(random, ['garden', 'garden', 'restaurant', 'shop', 'hairdresser', 'guest-room'] as const, 0.5);
      const location = {
        id: `loc-${orgIndex}-${l}`,
        name: `Locatie ${orgIndex}-${l}`,
        address: { street: 'Straat', houseNumber: '1', postcode: `${pc4} AA`, city: `Plaats ${pc4}` },
        facilities: chance(random, 0.8) ? [...new Set(facilities)] : undefined,
        publicTransport: maybeFlag(random, 0.7, 0.7),
        shopsNearby: maybeFlag(random, 0.6, 0.5),
        housingForms: forms,
      };
      candidates.push(...toCandidates(regionOfPc4(pc4), organization, location, point).slice(0, size - candidates.length));
    }
  }
  return candidates;
}

// --- The request: 6 criteria (2 must, 2 important, 2 nice) and a place --------------------------

export const ORIGIN = pc4Point('6211') as Point; // Maastricht centre
export const REQUEST = MatchRequestSchema.parse({
  regionId: regionOfPc4('6211'),
  postcode: '6211',
  criteria: [
    { criterion: 'sector', importance: 'must', value: 'VV' },
    { criterion: 'deliveryForm', importance: 'must', value: 'verblijf' },
    { criterion: 'targetGroup', importance: 'important', value: 'dementia' },
    { criterion: 'garden', importance: 'important' },
    { criterion: 'language', importance: 'nice', value: 'li' },
    { criterion: 'ownBathroom', importance: 'nice' },
  ],
  limit: 50,
});
