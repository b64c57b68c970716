// The national demonstration set: made-up organisations, locations and housing forms in every
// care-office region, at the order of the real Wlz supply (about 2,500 elderly-care locations,
// 4,000 for disability care and sheltered living, 15,000 housing forms). Each region gets locations
// in proportion to its inhabitants; within a region they sit at its address PC4 points, drawn
// evenly (the reference data has no population per PC4). The forms come from the same presets
// and builder as the hand-made demonstration; the same seed gives the same set, byte for byte.
import {
  type Language, type ListingDocumentInput, type Region, type Sector, type Worldview, type Culture, type Community,
} from '../../shared/domain/index.ts';
import type { BuiltRegion } from './listing-checks.ts';
import { demoPhone, makeFacilities, makeForm, offsetPoint, postcodeLetters, slugify, type FormSpec } from './listing-builder.ts';
import { PRESETS, type LocationInput, type PresetContext, type PresetKey } from './listing-presets.ts';
import { GROUP_NAMES, LOCATION_DESCRIPTIONS, type LocationKind } from './listing-texts.ts';
import { addressAreas, type Pc4Row } from './reference-data.ts';
import { Rng } from './seeded-random.ts';

export const NATIONAL_SEED = 'woonwijzer-national-1';
export const VV_LOCATIONS = 2500;
export const OTHER_LOCATIONS = 4000;

/** The sector family of a location; an organisation works in one. */
type Family = 'VV' | 'VG' | 'LVG' | 'LG' | 'ZG' | 'GGZ';

/** Shares of the 4,000 non-elderly locations (roughly the Wlz's: disability care most, then sheltered living). */
const OTHER_FAMILY_WEIGHTS: Record<Exclude<Family, 'VV'>, number> = { VG: 52, GGZ: 22, LG: 11, LVG: 9, ZG: 6 };

/** Kinds of location per family: the presets of its housing forms, with how often each kind occurs. */
const LOCATION_KINDS: Record<Family, Array<{ weight: number; forms: PresetKey[] | ((r: Rng) => PresetKey[]) }>> = {
  VV: [
    { weight: 26, forms: (r) => Array.from({ length: r.int(2, 5) }, () => 'dementia-group' as const) },
    {
      weight: 18,
      forms: (r) => [
        'dementia-nursing', 'somatic-nursing', ...(r.chance(0.6) ? ['respite-vv' as const] : []), ...(r.chance(0.6) ? ['dementia-nursing' as const] : []),
        ...(r.chance(0.4) ? ['somatic-nursing' as const] : []),
      ],
    },
    { weight: 16, forms: (r) => ['residential-vv', 'care-apartment-vv', ...(r.chance(0.7) ? ['dementia-group' as const] : []), ...(r.chance(0.4) ? ['respite-vv' as const] : [])] },
    { weight: 12, forms: (r) => ['care-apartment-vv', ...(r.chance(0.3) ? ['respite-vv' as const] : [])] },
    { weight: 9, forms: ['dementia-pgb-home'] },
    { weight: 5, forms: (r) => ['dementia-farm', ...(r.chance(0.5) ? ['farm-respite' as const] : [])] },
    { weight: 4, forms: (r) => ['korsakov-group', ...(r.chance(0.4) ? ['korsakov-nursing' as const] : [])] },
    { weight: 3, forms: (r) => ['young-dementia-group', ...(r.chance(0.5) ? ['young-dementia-respite' as const] : [])] },
    { weight: 2, forms: ['huntington-nursing'] },
    { weight: 5, forms: ['respite-vv'] },
  ],
  VG: [
    { weight: 30, forms: (r) => Array.from({ length: r.int(2, 4) }, () => 'vg-group' as const) },
    { weight: 12, forms: (r) => ['vg-apartment', ...(r.chance(0.6) ? ['vg-group' as const] : [])] },
    { weight: 12, forms: (r) => Array.from({ length: r.int(2, 4) }, () => 'vg-intensive' as const) },
    { weight: 8, forms: ['vg-parents'] },
    { weight: 8, forms: (r) => ['vg-autism-group', ...(r.chance(0.5) ? ['vg-autism-studio' as const] : [])] },
    { weight: 7, forms: (r) => ['vg-behaviour', ...(r.chance(0.5) ? ['vg-behaviour' as const] : [])] },
    { weight: 6, forms: ['vg-children', 'vg-respite'] },
    { weight: 6, forms: ['vg-elderly-nursing', 'vg-group'] },
    { weight: 5, forms: ['vg-farm'] },
    { weight: 6, forms: ['vg-respite'] },
  ],
  LVG: [
    { weight: 5, forms: (r) => ['lvg-group', ...(r.chance(0.7) ? ['lvg-training' as const] : [])] },
    { weight: 3, forms: ['lvg-training'] },
    { weight: 2, forms: ['lvg-intensive'] },
  ],
  LG: [
    { weight: 4, forms: (r) => ['lg-apartment', ...(r.chance(0.6) ? ['lg-apartment' as const] : [])] },
    { weight: 3, forms: (r) => Array.from({ length: r.int(1, 2) }, () => 'abi-group' as const) },
    { weight: 2, forms: (r) => ['abi-apartment', ...(r.chance(0.5) ? ['abi-group' as const] : [])] },
  ],
  ZG: [
    { weight: 1, forms: (r) => Array.from({ length: r.int(1, 2) }, () => 'zgvis-group' as const) },
    { weight: 1, forms: (r) => Array.from({ length: r.int(1, 2) }, () => 'zgaud-group' as const) },
  ],
  GGZ: [
    { weight: 6, forms: (r) => Array.from({ length: r.int(2, 4) }, () => 'ggz-sheltered-group' as const) },
    { weight: 4, forms: (r) => ['ggz-apartment', ...(r.chance(0.6) ? ['ggz-sheltered-group' as const] : [])] },
  ],
};

// Names: Dutch words put together as care organisations name themselves, plainly invented.
const ORG_PREFIX: Record<Family, string[]> = {
  VV: ['Zorggroep', 'Woonzorg', 'Stichting', 'Zorgcentra', 'Ouderenzorg', 'Woonzorggroep'],
  VG: ['Stichting', 'Zorgstichting', 'Woongroepen', 'Begeleid Wonen', 'Gehandicaptenzorg'],
  LVG: ['Stichting', 'Jeugd- en Woonzorg', 'Woonbegeleiding'],
  LG: ['Stichting', 'Zorgstichting', 'Wonen en Revalidatie'],
  ZG: ['Stichting', 'Zintuiglijk Wonen'],
  GGZ: ['Stichting', 'Beschermd Wonen', 'Woonbegeleiding', 'Herstelhuizen'],
};
const NAME_WORDS = [
  'Eikenhorst', 'Lindenhof', 'Beukenrode', 'Vlasbloem', 'Korenschoof', 'Wilgenweide', 'Heidebloem', 'Meidoorn', 'Zilverlinde', 'Klaverhof',
  'Rietkraag', 'Duinroos', 'Veldzicht', 'Waterhoen', 'Kievitshof', 'Zonneweide', 'Esdoornhof', 'Hazelaar', 'Vlierbes', 'Notenhout',
  'Akkerwinde', 'Boterbloem', 'Hooiberg', 'Molenwiek', 'Brugwachter', 'Sluiswachter', 'Torenvalk', 'Kastanjehof', 'Perenboom', 'Appelgaard',
  'Haverveld', 'Rozengaard', 'Dijkzicht', 'Polderhuis', 'Lijsterbes', 'Zeekraal', 'Gagelhof', 'Kamperfoelie', 'Fluitekruid', 'Vossenhol',
];
const ORG_SUFFIX = ['', '', '', ' Zorg', ' Wonen', ' en Zorg', ' Thuis'];
const LOCATION_PREFIX: Record<LocationKind, string[]> = {
  large: ['Huize', 'Residentie', 'Woonzorgcentrum', 'Zorgcentrum', 'Het Huis'],
  small: ['Woonhuis', 'Huis', 'Villa', 'Het Hof', 'Woning'],
  farm: ['Zorgboerderij', 'Hoeve', 'Boerderij'],
};
const STREETS = [
  'Lindenlaan', 'Parkweg', 'Dorpsstraat', 'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Beukenlaan', 'Eikenlaan', 'Julianastraat', 'Wilhelminalaan',
  'Stationsweg', 'Nieuwstraat', 'Kastanjelaan', 'Emmastraat', 'Prins Hendrikstraat', 'Bloemenstraat', 'Rozenstraat', 'Vijverweg', 'Sportlaan', 'Zuiderweg',
  'Noorderweg', 'Hoofdstraat', 'Brink', 'Markt', 'Esdoornstraat', 'Berkenlaan', 'Populierenweg', 'Meidoornstraat', 'Vogelzang', 'Oranjestraat',
];

/** Where trams run (descriptions may say so). */
const TRAM_REGIONS = new Set(['ZK02', 'ZK10', 'ZK20', 'ZK23']);
/** Big-city regions, where homes for people of one background are more common. */
const CITY_REGIONS = new Set(['ZK02', 'ZK10', 'ZK20', 'ZK23', 'ZK33']);
const CITY_CULTURES: Culture[] = ['surinaams', 'antilliaans', 'turks', 'marokkaans', 'indisch', 'moluks', 'chinees', 'kaapverdiaans'];
const WORLDVIEW_WEIGHTS: Record<Worldview, number> = { protestant: 40, catholic: 34, humanist: 10, anthroposophic: 8, islamic: 5, jewish: 3 };

function regionLanguages(careOffice: string): (place: string, r: Rng) => Language[] {
  return (_place, r) => {
    const langs: Language[] = ['nl'];
    if (careOffice === 'ZK08' && r.chance(0.7)) langs.push('fy');
    if ((careOffice === 'ZK31' || careOffice === 'ZK17') && r.chance(0.7)) langs.push('li');
    if (r.chance(CITY_REGIONS.has(careOffice) ? 0.35 : 0.15)) langs.push('en');
    if (CITY_REGIONS.has(careOffice) && r.chance(0.1)) langs.push(r.pick(['tr', 'ar', 'pap', 'srn'] as const));
    return langs;
  };
}

/** Splits a total over weights by largest remainder: the parts add up to the total exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  const left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k++) parts[order[k]![1]]! += 1;
  return parts;
}

export interface NationalInput {
  seed: string;
  regions: readonly Region[];
  pc4Rows: readonly Pc4Row[];
  /** Inhabitants per care-office region code. */
  populations: ReadonlyMap<string, number>;
  /** Ids already taken (the hand-made listings, when they are part of the set). */
  takenLocationIds?: ReadonlySet<string>;
  takenOrganizationIds?: ReadonlySet<string>;
  /** Scale the location counts (tests make a small set with 0.02). */
  scale?: number;
}

/** Generates every region's documents. Pure: the same input gives the same output. */
export function generateNational(input: NationalInput): BuiltRegion[] {
  const scale = input.scale ?? 1;
  const weights = input.regions.map((region) => {
    const n = input.populations.get(region.careOfficeRegionCode);
    if (n === undefined) throw new Error(`No population for ${region.careOfficeRegionCode}.`);
    return n;
  });
  const vvPerRegion = apportion(Math.round(VV_LOCATIONS * scale), weights);
  const otherPerRegion = apportion(Math.round(OTHER_LOCATIONS * scale), weights);
  const locationIds = new Set(input.takenLocationIds ?? []);
  const organizationIds = new Set(input.takenOrganizationIds ?? []);

  return input.regions.map((region, i) => {
    const r = new Rng(`${input.seed}:${region.careOfficeRegionCode}`);
    const areas = addressAreas(input.pc4Rows, region.careOfficeRegionCode);
    if (areas.length === 0) throw new Error(`${region.careOfficeRegionCode} has no address areas.`);
    // The region's locations by family, then cut into organisations of one family each.
    const families: Family[] = [
      ...Array.from({ length: vvPerRegion[i]! }, () => 'VV' as const),
      ...Array.from({ length: otherPerRegion[i]! }, () => r.weighted(OTHER_FAMILY_WEIGHTS)),
    ];
    const byFamily = new Map<Family, number>();
    for (const family of families) byFamily.set(family, (byFamily.get(family) ?? 0) + 1);
    const usedPc4 = new Set<string>();
    const documents: BuiltRegion['documents'] = [];
    let orgNumber = 0;
    for (const family of ['VV', 'VG', 'LVG', 'LG', 'ZG', 'GGZ'] as const) {
      let left = byFamily.get(family) ?? 0;
      while (left > 0) {
        // Many providers run one or a few places; some run dozens.
        const roll = r.next();
        const size = Math.min(left, roll < 0.35 ? 1 : roll < 0.7 ? r.int(2, 4) : roll < 0.93 ? r.int(5, 12) : r.int(13, 30));
        left -= size;
        const key = `${input.seed}:${region.careOfficeRegionCode}:${++orgNumber}`;
        documents.push(makeOrganization({ key, region, family, size, areas, usedPc4, locationIds, organizationIds }));
      }
    }
    return { region, documents };
  });
}

interface OrganizationInput {
  key: string;
  region: Region;
  family: Family;
  size: number;
  areas: readonly Pc4Row[];
  usedPc4: Set<string>;
  locationIds: Set<string>;
  organizationIds: Set<string>;
}

function makeOrganization(o: OrganizationInput): BuiltRegion['documents'][number] {
  const r = new Rng(o.key);
  const home = pickArea(o.areas, o.usedPc4, r);
  const word = r.pick(NAME_WORDS);
  const name = r.chance(0.3) ? `${r.pick(ORG_PREFIX[o.family])} ${word} ${home.place}` : `${r.pick(ORG_PREFIX[o.family])} ${word}${r.pick(ORG_SUFFIX)}`;
  let id = slugify(name, 60);
  if (o.organizationIds.has(id)) id = slugify(`${name} ${home.place}`, 60);
  for (let n = 2; o.organizationIds.has(id); n++) id = `${slugify(`${name} ${home.place}`, 56)}-${n}`;
  o.organizationIds.add(id);
  const worldview = r.chance(0.2) ? r.weighted(WORLDVIEW_WEIGHTS) : undefined;
  const streamKey = `${o.key}:${id}`;
  const languages = regionLanguages(o.region.careOfficeRegionCode);
  const tram = TRAM_REGIONS.has(o.region.careOfficeRegionCode);

  const locations: LocationInput[] = [];
  const formIds = new Set<string>();
  for (let k = 0; k < o.size; k++) {
    // The first place is where the organisation started; the others nearby or anywhere in the region.
    const area = k === 0 ? home : pickArea(o.areas, o.usedPc4, r);
    const city = area.place;
    const kinds = LOCATION_KINDS[o.family];
    const chosen = kinds[r.weightedIndex(kinds.map((x) => x.weight))]!;
    const presets = typeof chosen.forms === 'function' ? chosen.forms(r) : chosen.forms;
    const types = new Set(presets.map((p) => PRESETS[p].type));
    const kind: LocationKind = types.has('care-farm') ? 'farm' : types.has('nursing-home') || types.has('residential-care-home') ? 'large' : 'small';
    const locationName = `${r.pick(LOCATION_PREFIX[kind])} ${r.pick(NAME_WORDS)}`;
    let locationId = slugify(`${locationName} ${city}`);
    for (let n = 2; o.locationIds.has(locationId); n++) locationId = `${slugify(`${locationName} ${city}`, 66)}-${n}`;
    o.locationIds.add(locationId);

    const special = specialTraits(o.region.careOfficeRegionCode, worldview, r);
    const facilities = makeFacilities(kind, worldview === 'islamic' || special.worldview === 'islamic', r);
    const publicTransport = r.chance(0.88) ? (kind === 'farm' ? r.chance(0.3) : r.chance(0.85)) : undefined;
    const shopsNearby = r.chance(0.85) ? (kind === 'farm' ? r.chance(0.15) : r.chance(0.75)) : undefined;
    const groupNames = r.shuffle(GROUP_NAMES);
    const context: PresetContext = { r, groupName: () => groupNames.shift() ?? `${r.int(2, 9)}` };
    const housingForms = presets.map((preset) => {
      const spec: FormSpec = { preset, ...(Object.keys(special).length > 0 && r.chance(0.5) ? { set: special } : {}) };
      const form = makeForm(spec, context, { streamKey, worldview, place: city, languages, tram, facilities, publicTransport });
      // Unique within the organisation: a repeated name gets the place, then a number.
      let formId = slugify(form.name);
      if (formIds.has(formId)) formId = slugify(`${form.name} ${city}`);
      for (let n = 2; formIds.has(formId); n++) formId = `${slugify(`${form.name} ${city}`, 66)}-${n}`;
      formIds.add(formId);
      return { id: formId, ...form };
    });
    const location: LocationInput = {
      id: locationId,
      name: locationName,
      address: { street: r.pick(STREETS), houseNumber: `${r.int(1, 220)}${r.chance(0.1) ? r.pick(['a', 'b']) : ''}`, postcode: `${area.pc4} ${postcodeLetters(r)}`, city },
      housingForms,
    };
    if (r.chance(0.5)) location.geo = offsetPoint(area, r);
    if (r.chance(0.8)) location.phone = demoPhone('088', r);
    if (r.chance(0.75)) location.description = r.pick(LOCATION_DESCRIPTIONS[kind]).replace('{city}', city);
    if (facilities !== undefined) location.facilities = facilities;
    if (publicTransport !== undefined) location.publicTransport = publicTransport;
    if (shopsNearby !== undefined) location.shopsNearby = shopsNearby;
    locations.push(location);
  }

  const domain = `${id}.example`;
  const organization: ListingDocumentInput['organization'] = {
    id,
    name,
    regionIds: [o.region.id],
    website: `https://www.${domain}/`,
    email: `info@${domain}`,
    phone: demoPhone('088', r),
    description: `Dit is een verzonnen organisatie: de gegevens zijn bedacht om Woonwijzer te laten zien. ${ABOUT[o.family]}`,
  };
  if (worldview) organization.worldview = worldview;
  return { organizationId: id, document: { organization, locations } };
}

const ABOUT: Record<Family, string> = {
  VV: 'Wonen met zorg voor ouderen, bij dementie en bij lichamelijke ziekte.',
  VG: 'Wonen met begeleiding voor mensen met een verstandelijke beperking.',
  LVG: 'Wonen met begeleiding voor jongeren en volwassenen met een licht verstandelijke beperking.',
  LG: 'Wonen met zorg voor mensen met een lichamelijke beperking of hersenletsel.',
  ZG: 'Wonen met begeleiding voor mensen die slecht zien of slecht horen.',
  GGZ: 'Beschermd wonen voor mensen met een langdurige psychische aandoening.',
};

/** A few places are for people of one background, one community or one worldview. */
function specialTraits(careOffice: string, worldview: Worldview | undefined, r: Rng): { cultures?: Culture[]; communities?: Community[]; worldview?: Worldview } {
  const set: { cultures?: Culture[]; communities?: Community[]; worldview?: Worldview } = {};
  if (r.chance(CITY_REGIONS.has(careOffice) ? 0.08 : 0.015)) set.cultures = [r.pick(CITY_CULTURES)];
  if (r.chance(0.02)) set.communities = [r.pick(['lgbti', 'artists'] as const)];
  if (worldview) set.worldview = worldview;
  return set;
}

/** An address area of the region, one not yet taken while there are. */
function pickArea(areas: readonly Pc4Row[], used: Set<string>, r: Rng): Pc4Row {
  let area = r.pick(areas);
  if (used.has(area.pc4) && used.size < areas.length) area = r.pick(areas);
  used.add(area.pc4);
  return area;
}

/** Counts for the report and the tests. */
export function countSet(built: readonly BuiltRegion[]): { organizations: number; locations: number; forms: number; vvLocations: number; otherLocations: number; bySector: Record<Sector, number> } {
  let organizations = 0, locations = 0, forms = 0, vvLocations = 0;
  const bySector = { VV: 0, VG: 0, LVG: 0, LG: 0, ZGvis: 0, ZGaud: 0, GGZ: 0 } satisfies Record<Sector, number>;
  for (const { documents } of built) {
    for (const { document } of documents) {
      organizations++;
      for (const location of document.locations) {
        locations++;
        const sectors = new Set(location.housingForms.flatMap((f) => f.sectors));
        if (sectors.size === 1 && sectors.has('VV')) vvLocations++;
        for (const form of location.housingForms) {
          forms++;
          for (const sector of form.sectors) bySector[sector]++;
        }
      }
    }
  }
  return { organizations, locations, forms, vvLocations, otherLocations: locations - vvLocations, bySector };
}
