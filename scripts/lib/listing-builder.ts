// Building made-up listings from presets: one housing form (traits, unknowns, description,
// waiting list), a location's facilities, made-up phone numbers and postcodes, a point near a PC4.
// Every draw comes from a seeded stream (seeded-random.ts) in a fixed order, so the hand-made
// demonstration keeps its bytes and the national set repeats for the same seed.
import {
  CODED_FACT_FIELDS, HOUSING_FORM_FLAG_FIELDS, type Facility, type HousingFormFlagField, type HousingType, type Language,
  type WaitingListStatus, type Worldview,
} from '../../shared/domain/index.ts';
import { type Pc4Row, round5 } from './reference-data.ts';
import { PRESETS, DEFAULT_WAITING, type FormInput, type FormTraits, type Preset, type PresetContext, type PresetKey } from './listing-presets.ts';
import { FACT_SENTENCES, GENERAL_SENTENCES, TARGET_SENTENCES, WORLDVIEW_SENTENCES, type Audience, type FormFacts, type LocationKind } from './listing-texts.ts';
import { Rng } from './seeded-random.ts';

/** Waiting lists are confirmed relative to this date (the seeder moves them forward to today). */
export const REFERENCE_DATE = '2026-11-20';
const MAX_GEO_OFFSET_M = 200; // per axis, so at most ~283 m from the PC4 point

/** One housing form to make: a preset, and what makes this one special. */
export interface FormSpec {
  preset: PresetKey;
  name?: string;
  /** Fields that make this form special; they are never blanked to "unknown". */
  set?: Partial<FormTraits>;
  addLanguages?: Language[];
  /** One or two handwritten sentences for the description. */
  note?: string;
}

/** Letters used in Dutch postcodes (F, I, O, Q, U and Y are not). */
const POSTCODE_LETTERS = 'ABCDEGHJKLMNPRSTVWXZ';
/**
 * The yes/no facts the presets draw from each organisation's stream, in the order of the first
 * release. A fact the criterion registry gains later is drawn from a stream of its own per housing
 * form (LATER_FLAG_ODDS), so adding a criterion fills its field without moving any value, name or
 * id drawn before it (the tests name real ids of the demonstration data).
 */
const STREAM_FLAGS = ['ownBathroom', 'kitchenette', 'partner', 'pets', 'smoking', 'wheelchair', 'roundTheClock', 'dayActivities'] as const;
type LaterFlag = Exclude<HousingFormFlagField, (typeof STREAM_FLAGS)[number]>;
const LATER_FLAGS = HOUSING_FORM_FLAG_FIELDS.filter((field): field is LaterFlag => !(STREAM_FLAGS as readonly string[]).includes(field));

/** Per later fact and kind of housing, how likely it is yes (a provider leaves it out 1 time in 10, as the others). */
const LATER_FLAG_ODDS: Record<LaterFlag, Record<HousingType, number>> = {
  // Small groups and houses cook in their own kitchen; large homes mostly serve meals from a central kitchen.
  cooking: {
    'nursing-home': 0.2, 'small-scale-group': 0.9, 'care-apartment': 0.8, 'sheltered-group': 0.85, 'parents-initiative': 0.9,
    'residential-care-home': 0.35, 'care-farm': 0.85, respite: 0.25,
  },
};

/**
 * Day activities were yes/no ("on site") in the first release and are still drawn so from the
 * presets; where they are not on site, a stream of its own per housing form says whether they are
 * nearby with transport, by kind of housing (young adults in groups mostly go to day activities
 * nearby; people in their own apartment more often work).
 */
const NEARBY_DAY_ACTIVITIES_ODDS: Record<HousingType, number> = {
  'nursing-home': 0.5, 'small-scale-group': 0.5, 'care-apartment': 0.4, 'sheltered-group': 0.6, 'parents-initiative': 0.7,
  'residential-care-home': 0.5, 'care-farm': 0.5, respite: 0.3,
};

/**
 * Who lives there (the residents' age group), from a stream of its own per housing form; a provider
 * leaves it out 1 time in 10. A place for young people or children houses its admission ages; a
 * group for young-onset dementia people from their late forties; elderly care people from 65 or 70;
 * a place from 50 its admission age; other adult groups are mixed, mostly past 30.
 */
function residentsAges(traits: FormTraits, r: Rng): Pick<FormTraits, 'residentsMinAge' | 'residentsMaxAge'> {
  if (!r.chance(0.9)) return {};
  const { minAge, maxAge, sectors, targetGroups } = traits;
  if (maxAge !== undefined && maxAge <= 40) return { residentsMinAge: minAge ?? 18, residentsMaxAge: maxAge };
  if (targetGroups?.includes('young-onset-dementia')) return { residentsMinAge: r.int(45, 55), residentsMaxAge: maxAge ?? 70 };
  if (sectors.every((sector) => sector === 'VV')) return { residentsMinAge: r.pick([65, 70]) };
  if (minAge !== undefined && minAge >= 50) return { residentsMinAge: minAge };
  return { residentsMinAge: r.int(30, 45), residentsMaxAge: r.int(60, 75) };
}

export const slugify = (text: string, max = 70): string => {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-[^-]*$/, '');
};

export function isoDaysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A made-up number in a range no one has: a Dutch subscriber number never starts with 0, so
 * "043 000 12 34" reaches nobody (and reads as fictitious). Ten digits with the area code.
 */
export function demoPhone(areaCode: string, r: Rng): string {
  const rest = String(r.int(0, 10 ** (7 - areaCode.length) - 1)).padStart(7 - areaCode.length, '0');
  const digits = `000${rest}`;
  return areaCode.length === 3 ? `${areaCode} ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}` : `${areaCode} ${digits.slice(0, 3)} ${digits.slice(3)}`;
}

export function postcodeLetters(r: Rng): string {
  for (;;) {
    const letters = r.pick([...POSTCODE_LETTERS]) + r.pick([...POSTCODE_LETTERS]);
    if (!['SA', 'SD', 'SS'].includes(letters)) return letters; // never issued
  }
}

/** The PC4 point moved by at most MAX_GEO_OFFSET_M north and east: a house near the area's point. */
export function offsetPoint(area: Pc4Row, r: Rng): { lat: number; lon: number } {
  const north = r.int(-MAX_GEO_OFFSET_M, MAX_GEO_OFFSET_M);
  const east = r.int(-MAX_GEO_OFFSET_M, MAX_GEO_OFFSET_M);
  const metresPerDegree = 111_320;
  return {
    lat: round5(area.lat + north / metresPerDegree),
    lon: round5(area.lon + east / (metresPerDegree * Math.cos((area.lat * Math.PI) / 180))),
  };
}

export function makeFacilities(kind: LocationKind, islamic: boolean, r: Rng): Facility[] | undefined {
  if (r.chance(0.1)) return undefined; // the provider did not say: unknown
  if (kind === 'small' && r.chance(0.15)) return []; // said, and there is none
  const odds: Record<LocationKind, Partial<Record<Facility, number>>> = {
    large: { garden: 0.9, restaurant: 0.85, shop: 0.35, hairdresser: 0.7, fitness: 0.4, 'guest-room': 0.4 },
    small: { garden: 0.75, 'guest-room': 0.2, fitness: 0.1 },
    farm: { garden: 1, 'guest-room': 0.3 },
  };
  const facilities = (Object.entries(odds[kind]) as [Facility, number][]).filter(([, p]) => r.chance(p)).map(([facility]) => facility);
  if (islamic) facilities.push('prayer-room');
  return facilities;
}

export interface FormContext {
  /** Seeds the per-form streams of later facts: `<seed>:<region id>:<organisation id>`. */
  streamKey: string;
  /** The organisation's worldview: a description may mention it. */
  worldview: Worldview | undefined;
  place: string;
  /** Staff languages every form gets (before the form's own), drawn from the form's stream. */
  languages: (place: string, r: Rng) => Language[];
  /** Trams run near the region's locations (a description may say so). */
  tram: boolean;
  facilities: Facility[] | undefined;
  publicTransport: boolean | undefined;
}

export function makeForm(fs: FormSpec, c: PresetContext, ctx: FormContext): Omit<FormInput, 'id'> {
  const { r } = c;
  const preset: Preset = PRESETS[fs.preset];
  const name = fs.name ?? preset.name(c);
  const traits: FormTraits = {
    ...preset.traits(r),
    languages: [...new Set([...ctx.languages(ctx.place, r), ...(fs.addLanguages ?? [])])],
    cultures: [],
    communities: [],
    ...fs.set,
  };
  const keep = new Set<string>(Object.keys(fs.set ?? {}));
  if (fs.addLanguages) keep.add('languages');

  // Providers leave things out; unknown is not false, and the matcher must say "ask the provider".
  for (const field of STREAM_FLAGS) if (!keep.has(field) && r.chance(0.1)) delete traits[field];
  for (const field of LATER_FLAGS) {
    if (keep.has(field)) continue;
    const own = new Rng(`${ctx.streamKey}:${ctx.place}:${name}:${field}`);
    if (own.chance(0.9)) traits[field as HousingFormFlagField] = own.chance(LATER_FLAG_ODDS[field][preset.type]);
  }
  // The facts that came with codes later, each from a stream of its own as the later flags.
  const later = (what: string) => new Rng(`${ctx.streamKey}:${ctx.place}:${name}:${what}`);
  if (traits.dayActivities === true) traits.dayActivities = 'on-site';
  else if (traits.dayActivities === false) {
    traits.dayActivities = later('dayActivities-nearby').chance(NEARBY_DAY_ACTIVITIES_ODDS[preset.type]) ? 'nearby' : 'none';
  }
  Object.assign(traits, residentsAges(traits, later('residentsAges')));
  if (!keep.has('cultures') && r.chance(0.12)) delete traits.cultures;
  if (!keep.has('communities') && r.chance(0.12)) delete traits.communities;
  if (!keep.has('languages') && r.chance(0.05)) delete traits.languages;
  if (!keep.has('careProfiles') && r.chance(0.05)) delete traits.careProfiles;
  if (!keep.has('deliveryForms') && r.chance(0.04)) delete traits.deliveryForms;
  for (const key of Object.keys(traits) as (keyof FormTraits)[]) if (traits[key] === undefined) delete traits[key];

  const description = r.chance(0.95) ? describe(preset, fs, traits, ctx, r) : undefined;
  const waitingList = makeWaitingList(preset.waiting ?? DEFAULT_WAITING, r);
  return {
    name,
    type: preset.type,
    ...orderTraits(traits),
    ...(description !== undefined ? { description } : {}),
    waitingList,
  };
}

/** Keys in the order of the import format, so the files read like the documentation. */
function orderTraits(traits: FormTraits): FormTraits {
  const order: (keyof FormTraits)[] = [
    'sectors', 'careProfiles', 'deliveryForms', 'targetGroups', 'worldview', 'cultures', 'communities', 'languages', 'capacity', 'groupSize',
    'minAge', 'maxAge', 'residentsMinAge', 'residentsMaxAge', ...HOUSING_FORM_FLAG_FIELDS, ...CODED_FACT_FIELDS,
  ];
  const missing = Object.keys(traits).filter((k) => !order.includes(k as keyof FormTraits));
  if (missing.length > 0) throw new Error(`Unordered trait(s): ${missing.join(', ')}`);
  return Object.fromEntries(order.filter((k) => traits[k] !== undefined).map((k) => [k, traits[k]])) as FormTraits;
}

function describe(preset: Preset, fs: FormSpec, traits: FormTraits, ctx: FormContext, r: Rng): string {
  const audience: Audience = traits.sectors.includes('VV') && !traits.sectors.some((s) => s !== 'VV') ? 'vv' : 'vg';
  const sentences = [r.pick(preset.intro)];
  const wanted = r.chance(0.15) ? 1 : r.int(2, 3);
  if (fs.note) sentences.push(fs.note);
  else {
    const worldview = traits.worldview ?? (r.chance(0.5) ? ctx.worldview : undefined);
    const special = [
      ...(worldview ? [WORLDVIEW_SENTENCES[worldview]] : []),
      ...(traits.targetGroups ?? []).flatMap((t) => TARGET_SENTENCES[t]?.[audience] ?? []),
    ].filter((s): s is string => s !== undefined);
    if (special.length > 0 && wanted > 1 && r.chance(0.7)) sentences.push(r.pick(special));
  }
  const facts: FormFacts = { form: traits, type: preset.type, audience, facilities: ctx.facilities, publicTransport: ctx.publicTransport, tram: ctx.tram };
  const pool = [
    ...FACT_SENTENCES.filter((s) => s.when(facts)).map((s) => s[audience]),
    ...GENERAL_SENTENCES[audience],
  ].filter((s) => !sentences.includes(s));
  const shuffled = r.shuffle(pool);
  while (sentenceCount(sentences) < wanted && shuffled.length > 0) sentences.push(shuffled.shift() as string);
  return sentences.join(' ');
}

const sentenceCount = (parts: string[]): number => parts.join(' ').split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length;

export function makeWaitingList(weights: Record<WaitingListStatus, number>, r: Rng): FormInput['waitingList'] {
  const status = r.weighted(weights);
  // About a quarter is older than 30 days, so the demo shows "possibly outdated" too.
  const age = r.chance(0.25) ? r.int(31, 89) : r.int(0, 29);
  const weeks = status === 'short' && r.chance(0.8) ? r.int(2, 12) : status === 'long' && r.chance(0.7) ? r.int(14, 80) : undefined;
  const placesAvailable = status === 'available' && r.chance(0.75) ? r.int(1, 3) : undefined;
  return {
    status,
    ...(weeks !== undefined ? { weeks } : {}),
    ...(placesAvailable !== undefined ? { placesAvailable } : {}),
    updatedAt: isoDaysBefore(REFERENCE_DATE, age),
  };
}
