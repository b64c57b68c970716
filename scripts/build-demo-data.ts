// Builds the demonstration data from the open reference data in data/reference:
//   shared/geo/pc4-points.json   the PC4 geocoding table (point + care-office region),
//   shared/geo/pc4-municipalities.json  each area's municipality, municipality and region names,
//   data/regions.json            the two demonstration regions,
//   data/demo/<region>/<org>.json made-up listings, placed at real postcode points.
// Deterministic: one seeded PRNG per organisation, so every run writes the same bytes and editing
// one organisation leaves the others' details alone (only their postcode areas may shift, as picks
// avoid areas already taken). Run with `npm run demo-data`; see data/demo/README.md.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import {
  CODED_FACT_FIELDS, HOUSING_FORM_FLAG_FIELDS, HOUSING_TYPES, ListingDocumentSchema, RegionSchema, type HousingFormFlagField,
  type Facility, type HousingType, type Language, type ListingDocumentInput,
  type Region, type Sector, type SupportOrganization, type WaitingListStatus, type Worldview,
} from '../shared/domain/index.ts';
import { haversineKm } from '../shared/geo/distance.ts';
import { REPO_ROOT } from '../functions/platform/paths.ts';
import { encodeMunicipalityRuns, encodePc4Table } from '../shared/geo/pc4-codec.ts';
import { mulberry32 } from './lib/mulberry32.ts';

const ROOT = REPO_ROOT;
const REFERENCE_DIR = join(ROOT, 'data', 'reference');
const CENTROIDS_CSV = join(REFERENCE_DIR, 'nl-pc4-centroids-with-gemeente-2025.csv');
const MUNICIPALITIES_CSV = join(REFERENCE_DIR, 'nl-gemeenten-2025-zorgkantoorregio.csv');
const PC4_POINTS_JSON = join(ROOT, 'shared', 'geo', 'pc4-points.json');
const PC4_MUNICIPALITIES_JSON = join(ROOT, 'shared', 'geo', 'pc4-municipalities.json');
const REGIONS_JSON = join(ROOT, 'data', 'regions.json');
const DEMO_DIR = join(ROOT, 'data', 'demo');

/** Waiting lists are confirmed relative to this date (the seeder moves them forward to today). */
const REFERENCE_DATE = '2026-11-20';
const SEED = 'woonwijzer-demo-1';
/** 4pp row with Flevoland coordinates for a Limburg village (see data/reference/README.md). */
const BAD_PC4 = new Set(['5851']);
const MIN_FORMS_PER_REGION = 60;
const MAX_GEO_OFFSET_M = 200; // per axis, so at most ~283 m from the PC4 point

type LocationInput = ListingDocumentInput['locations'][number];
type FormInput = LocationInput['housingForms'][number];
type FormTraits = Omit<FormInput, 'id' | 'name' | 'type' | 'waitingList' | 'description'>;

// ---------------------------------------------------------------------------------------------
// CSV: the reference files are simple (quoted fields, "" escapes, no embedded newlines).

function parseCsvLine(line: string, where: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const quote = line.indexOf('"', i);
        if (quote < 0) throw new Error(`${where}: a quoted field is not closed.`);
        value += line.slice(i, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          i = quote + 2;
        } else {
          i = quote + 1;
          break;
        }
      }
      if (i < line.length && line[i] !== ',') throw new Error(`${where}: text after a closing quote.`);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      value = line.slice(i, end);
      if (value.includes('"')) throw new Error(`${where}: a quote inside an unquoted field.`);
      i = end;
    }
    fields.push(value);
    if (i >= line.length) return fields;
    i++; // the comma
  }
}

function readCsv(path: string): Record<string, string>[] {
  const lines = readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  const [headerLine, ...rest] = lines;
  if (headerLine === undefined) throw new Error(`${path}: the file is empty.`);
  const header = parseCsvLine(headerLine, `${path}:1`);
  return rest.map((line, n) => {
    const where = `${path}:${n + 2}`;
    const fields = parseCsvLine(line, where);
    if (fields.length !== header.length) throw new Error(`${where}: ${fields.length} fields, expected ${header.length}.`);
    return Object.fromEntries(header.map((name, k) => [name, fields[k] ?? '']));
  });
}

interface Pc4Row {
  pc4: string;
  place: string;
  lat: number;
  lon: number;
  kind: string;
  careOffice: string | null;
  /** CBS 2025 code (GMxxxx); null where the 2014 municipality was split over several. */
  municipality: string | null;
}

function readPc4Rows(): Pc4Row[] {
  return readCsv(CENTROIDS_CSV).map((row) => {
    const pc4 = row.pc4 ?? '';
    const lat = Number(row.latitude);
    const lon = Number(row.longitude);
    if (!/^[1-9][0-9]{3}$/.test(pc4) || !Number.isFinite(lat) || !Number.isFinite(lon)) {
      throw new Error(`${CENTROIDS_CSV}: bad row for PC4 "${pc4}".`);
    }
    return { pc4, place: row.woonplaats ?? '', lat, lon, kind: row.soort ?? '', careOffice: row.zorgkantoorregio_code || null,
      municipality: row.gemeente_code_2025 || null };
  });
}

interface MunicipalityRow {
  code: string;
  name: string;
  careOffice: string;
  careOfficeName: string;
}

function readMunicipalities(): MunicipalityRow[] {
  return readCsv(MUNICIPALITIES_CSV).map((row) => ({
    code: row.gemeente_code ?? '',
    name: row.gemeente_naam ?? '',
    careOffice: row.zorgkantoorregio_code ?? '',
    careOfficeName: row.zorgkantoorregio_naam ?? '',
  }));
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness.

/** FNV-1a: turns a text into a 32-bit seed. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny and good enough for made-up data; never Math.random, so runs repeat exactly. */
class Rng {
  readonly next: () => number;
  constructor(seedText: string) {
    this.next = mulberry32(hashSeed(seedText));
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list');
    return xs[Math.floor(this.next() * xs.length)] as T;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as [T, number][];
    let roll = this.next() * entries.reduce((sum, [, w]) => sum + w, 0);
    for (const [key, w] of entries) {
      roll -= w;
      if (roll < 0) return key;
    }
    return (entries.at(-1) as [T, number])[0];
  }
}

// ---------------------------------------------------------------------------------------------
// Housing-form presets: what a kind of housing form typically offers. The specs below pick a
// preset and override what makes a form special (identity, age, profiles).

interface PresetContext {
  r: Rng;
  /** The next unused group name at this location ("Zonnebloem", "Merel"...). */
  groupName(): string;
}
interface Preset {
  type: HousingType;
  name: (c: PresetContext) => string;
  traits: (r: Rng) => FormTraits;
  /** Opening sentences, one is picked. */
  intro: string[];
  /** Waiting-list weights for this kind of place. */
  waiting?: Record<WaitingListStatus, number>;
}

const DEFAULT_WAITING = { available: 20, short: 35, long: 35, closed: 10 };
const RESPITE_WAITING = { available: 45, short: 40, long: 10, closed: 5 };
const SCARCE_WAITING = { available: 8, short: 22, long: 55, closed: 15 };

const PRESETS = {
  // ---- elderly care (V&V)
  'dementia-nursing': {
    type: 'nursing-home',
    name: (c) => c.r.pick(['Verpleegafdeling voor mensen met dementie', 'Psychogeriatrische afdeling', 'Wonen met intensieve zorg bij dementie']),
    traits: (r) => {
      const groupSize = r.int(10, 14);
      return {
        sectors: ['VV'], careProfiles: r.chance(0.5) ? ['5VV', '7VV'] : ['5VV'], deliveryForms: ['verblijf'], targetGroups: ['dementia'],
        capacity: groupSize * r.int(2, 4), groupSize, ownBathroom: r.chance(0.6), kitchenette: false, partner: r.chance(0.3),
        pets: r.chance(0.3), smoking: false, wheelchair: true, roundTheClock: true, dayActivities: true,
      };
    },
    intro: [
      'Een afdeling voor mensen met dementie die veel zorg en toezicht nodig hebben.',
      'Hier wonen mensen met dementie die niet meer veilig alleen kunnen zijn; er is altijd iemand in de buurt.',
      'Een gesloten afdeling met een eigen huiskamer, waar bewoners toch vrij kunnen lopen in de gang en de tuin.',
    ],
  },
  'somatic-nursing': {
    type: 'nursing-home',
    name: (c) => c.r.pick(['Verpleegafdeling', 'Somatische verpleegafdeling', 'Wonen met verpleging']),
    traits: (r) => ({
      sectors: ['VV'], careProfiles: r.chance(0.3) ? ['6VV', '8VV', '9bVV'] : ['6VV', '8VV'], deliveryForms: ['verblijf'],
      targetGroups: r.chance(0.25) ? ['somatic', 'acquired-brain-injury'] : ['somatic'], capacity: r.int(20, 48), groupSize: r.int(12, 16),
      ownBathroom: r.chance(0.8), kitchenette: false, partner: r.chance(0.4), pets: r.chance(0.2), smoking: false, wheelchair: true,
      roundTheClock: true, dayActivities: r.chance(0.8),
    }),
    intro: [
      'Voor mensen met een lichamelijke ziekte of beperking die dag en nacht verpleging nodig hebben.',
      'Een verpleegafdeling voor mensen die na een ziekte, zoals een beroerte, veel zorg nodig hebben.',
    ],
  },
  'dementia-group': {
    type: 'small-scale-group',
    name: (c) => `Groep ${c.groupName()}: kleinschalig wonen bij dementie`,
    traits: (r) => {
      const groupSize = r.int(6, 8);
      const profiles: FormTraits['careProfiles'] = r.chance(0.3) ? ['4VV', '5VV'] : r.chance(0.3) ? ['5VV', '7VV'] : ['5VV'];
      return {
        sectors: ['VV'], careProfiles: profiles, deliveryForms: r.chance(0.3) ? ['verblijf', 'vpt'] : ['verblijf'], targetGroups: ['dementia'],
        capacity: groupSize, groupSize, ownBathroom: r.chance(0.5), kitchenette: false, partner: r.chance(0.2), pets: r.chance(0.5),
        smoking: false, wheelchair: true, roundTheClock: true, dayActivities: true,
      };
    },
    intro: [
      'U woont met een kleine groep in een gewoon huis, en de dag verloopt zoals thuis: samen koken, eten en de was vouwen.',
      'Een kleine groep bewoners met een eigen huiskamer en keuken, waar altijd iemand van de zorg is.',
      'Wonen in een kleine groep, met vaste medewerkers die u goed leren kennen.',
    ],
  },
  'dementia-pgb-home': {
    type: 'small-scale-group',
    name: () => 'Kleinschalig wonen bij dementie (pgb)',
    traits: (r) => {
      const groupSize = r.int(6, 8);
      return {
        sectors: ['VV'], careProfiles: r.chance(0.5) ? ['4VV', '5VV', '6VV'] : ['5VV'], deliveryForms: ['pgb'],
        targetGroups: r.chance(0.3) ? ['dementia', 'somatic'] : ['dementia'], capacity: groupSize, groupSize, ownBathroom: true,
        kitchenette: r.chance(0.3), partner: r.chance(0.5), pets: r.chance(0.6), smoking: r.chance(0.2), wheelchair: r.chance(0.8),
        roundTheClock: true, dayActivities: true,
      };
    },
    intro: [
      'Een klein woonhuis voor mensen met dementie, opgezet door zorgverleners uit de buurt; u betaalt de zorg met een pgb.',
      'Een gewoon huis in het dorp waar een kleine groep mensen met dementie woont; de zorg betaalt u met een pgb.',
    ],
    waiting: SCARCE_WAITING,
  },
  'care-apartment-vv': {
    type: 'care-apartment',
    name: (c) => c.r.pick(['Appartementen met zorg', 'Zorgappartementen', 'Wonen in een eigen appartement met zorg']),
    traits: (r) => ({
      sectors: ['VV'], careProfiles: r.chance(0.3) ? ['4VV', '5VV', '6VV'] : ['4VV', '6VV'],
      deliveryForms: r.chance(0.4) ? ['verblijf', 'vpt', 'mpt'] : ['vpt', 'mpt'], targetGroups: r.chance(0.3) ? ['somatic', 'dementia'] : ['somatic'],
      capacity: r.int(12, 40), ownBathroom: true, kitchenette: true, partner: true, pets: r.chance(0.6), smoking: r.chance(0.3),
      wheelchair: true, roundTheClock: r.chance(0.7), dayActivities: r.chance(0.6),
    }),
    intro: [
      'Een eigen appartement met een keukentje in een gebouw met zorg; u regelt uw eigen dag en de zorg komt als u die nodig hebt.',
      'U woont zelfstandig in een appartement, met zorg in hetzelfde gebouw.',
      'Appartementen voor mensen die zelfstandig willen blijven wonen, maar wel zorg dichtbij willen hebben.',
    ],
  },
  'residential-vv': {
    type: 'residential-care-home',
    name: (c) => c.r.pick(['Woonzorgcentrum', 'Wonen met zorg in een eigen kamer', 'Woonzorgcentrum met eigen kamers']),
    traits: (r) => ({
      sectors: ['VV'], careProfiles: ['4VV', '5VV', '6VV'], deliveryForms: r.chance(0.5) ? ['verblijf', 'vpt'] : ['verblijf'],
      targetGroups: ['somatic', 'dementia'], capacity: r.int(30, 90), ownBathroom: true, kitchenette: r.chance(0.5), partner: true,
      pets: r.chance(0.4), smoking: false, wheelchair: true, roundTheClock: true, dayActivities: true,
    }),
    intro: [
      'Wonen in een woonzorgcentrum met een eigen kamer en gezellige huiskamers.',
      'Een woonzorgcentrum waar u een eigen kamer hebt en samen kunt eten in het restaurant.',
      'U woont in een eigen kamer met uw eigen meubels, en de zorg is dag en nacht in huis.',
    ],
  },
  'respite-vv': {
    type: 'respite',
    name: (c) => c.r.pick(['Logeeropvang', 'Logeren voor ouderen', 'Kortdurend verblijf']),
    traits: (r) => ({
      sectors: ['VV'], careProfiles: ['4VV', '5VV', '6VV'], deliveryForms: r.chance(0.4) ? ['verblijf', 'pgb'] : ['verblijf'],
      targetGroups: ['dementia', 'somatic'], capacity: r.int(2, 6), ownBathroom: r.chance(0.5), kitchenette: false,
      partner: r.chance(0.3), pets: false, smoking: false, wheelchair: true, roundTheClock: true, dayActivities: true,
    }),
    intro: [
      'Logeren voor een paar dagen of weken, zodat uw mantelzorger even kan uitrusten.',
      'Een logeerkamer voor als de zorg thuis even niet gaat, bijvoorbeeld als uw mantelzorger op vakantie is.',
    ],
    waiting: RESPITE_WAITING,
  },
  'korsakov-group': {
    type: 'sheltered-group',
    name: () => 'Woongroep voor mensen met het syndroom van Korsakov',
    traits: (r) => {
      const groupSize = r.int(8, 12);
      return {
        sectors: ['VV'], careProfiles: ['7VV'], deliveryForms: ['verblijf'], targetGroups: ['korsakov'], capacity: groupSize, groupSize,
        ownBathroom: r.chance(0.5), kitchenette: r.chance(0.4), partner: false, pets: false, smoking: true, wheelchair: r.chance(0.5),
        roundTheClock: true, dayActivities: true,
      };
    },
    intro: [
      'Een woongroep voor mensen met het syndroom van Korsakov die met hulp nog veel zelf kunnen.',
      'Hier wonen mensen met Korsakov in een eigen kamer, met begeleiding die hen helpt de dag te plannen.',
    ],
  },
  'korsakov-nursing': {
    type: 'nursing-home',
    name: () => 'Verpleegafdeling Korsakov',
    traits: (r) => ({
      sectors: ['VV'], careProfiles: ['7VV', '8VV'], deliveryForms: ['verblijf'], targetGroups: ['korsakov'], capacity: r.int(16, 32),
      groupSize: r.int(12, 16), ownBathroom: true, kitchenette: false, partner: false, pets: false, smoking: true, wheelchair: true,
      roundTheClock: true, dayActivities: true,
    }),
    intro: ['Een verpleegafdeling voor mensen met het syndroom van Korsakov die veel zorg en toezicht nodig hebben.'],
  },
  'huntington-nursing': {
    type: 'nursing-home',
    name: () => 'Afdeling voor mensen met de ziekte van Huntington',
    traits: (r) => ({
      sectors: ['VV'], careProfiles: ['7VV', '8VV'], deliveryForms: ['verblijf'], targetGroups: ['huntington'], capacity: r.int(10, 24),
      groupSize: r.int(8, 12), ownBathroom: true, kitchenette: false, partner: r.chance(0.3), pets: r.chance(0.3), smoking: r.chance(0.5),
      wheelchair: true, roundTheClock: true, dayActivities: true,
    }),
    intro: ['Een afdeling voor mensen met de ziekte van Huntington, in elke fase van de ziekte.'],
    waiting: SCARCE_WAITING,
  },
  'young-dementia-group': {
    type: 'small-scale-group',
    name: (c) => `Groep ${c.groupName()}: jonge mensen met dementie`,
    traits: (r) => {
      const groupSize = r.int(6, 8);
      return {
        sectors: ['VV'], careProfiles: ['5VV', '7VV'], deliveryForms: ['verblijf'], targetGroups: ['young-onset-dementia'], capacity: groupSize,
        groupSize, maxAge: 70, ownBathroom: true, kitchenette: false, partner: r.chance(0.3), pets: r.chance(0.5), smoking: r.chance(0.3),
        wheelchair: true, roundTheClock: true, dayActivities: true,
      };
    },
    intro: [
      'Een woongroep voor mensen die op jonge leeftijd dementie kregen.',
      'Kleinschalig wonen voor mensen met dementie die jonger zijn dan 65 toen de ziekte begon.',
    ],
    waiting: SCARCE_WAITING,
  },
  'young-dementia-respite': {
    type: 'respite',
    name: () => 'Logeren bij dementie op jonge leeftijd',
    traits: (r) => ({
      sectors: ['VV'], careProfiles: ['5VV'], deliveryForms: ['verblijf', 'pgb'], targetGroups: ['young-onset-dementia'], capacity: r.int(2, 3),
      maxAge: 70, ownBathroom: true, partner: false, pets: false, smoking: false, wheelchair: true, roundTheClock: true, dayActivities: true,
    }),
    intro: ['Logeren voor mensen met dementie op jonge leeftijd, zodat partner en kinderen even op adem kunnen komen.'],
    waiting: RESPITE_WAITING,
  },
  'dementia-farm': {
    type: 'care-farm',
    name: () => 'Wonen op de boerderij bij dementie',
    traits: (r) => {
      const groupSize = r.int(6, 10);
      return {
        sectors: ['VV'], careProfiles: ['4VV', '5VV'], deliveryForms: r.chance(0.5) ? ['verblijf', 'pgb'] : ['pgb'], targetGroups: ['dementia'],
        capacity: groupSize, groupSize, ownBathroom: r.chance(0.6), kitchenette: false, partner: r.chance(0.3), pets: true, smoking: false,
        wheelchair: r.chance(0.5), roundTheClock: true, dayActivities: true,
      };
    },
    intro: [
      'Wonen op een boerderij met dieren en een moestuin; wie wil, helpt mee bij het voeren van de kippen of in de tuin.',
      'Een boerderij waar mensen met dementie wonen tussen de koeien, de kippen en de fruitbomen.',
    ],
    waiting: SCARCE_WAITING,
  },
  'farm-respite': {
    type: 'respite',
    name: () => 'Logeren op de boerderij',
    traits: (r) => ({
      sectors: ['VV'], careProfiles: ['4VV', '5VV'], deliveryForms: ['pgb', 'verblijf'], targetGroups: ['dementia'], capacity: r.int(1, 3),
      ownBathroom: false, partner: false, pets: r.chance(0.5), smoking: false, wheelchair: r.chance(0.5), roundTheClock: true, dayActivities: true,
    }),
    intro: ['Een paar dagen logeren op de boerderij, met buiten zijn, dieren verzorgen en samen eten aan de grote tafel.'],
    waiting: RESPITE_WAITING,
  },
  'abi-apartment': {
    type: 'care-apartment',
    name: () => 'Appartementen voor mensen met hersenletsel',
    traits: (r) => ({
      sectors: ['LG', 'VV'], careProfiles: ['5LG', '7LG', '7VV'], deliveryForms: ['verblijf', 'vpt'], targetGroups: ['acquired-brain-injury'],
      capacity: r.int(8, 16), minAge: 18, ownBathroom: true, kitchenette: true, partner: r.chance(0.5), pets: r.chance(0.4), smoking: r.chance(0.4),
      wheelchair: true, roundTheClock: true, dayActivities: true,
    }),
    intro: ['Eigen appartementen voor volwassenen met niet-aangeboren hersenletsel, bijvoorbeeld na een ongeluk of een beroerte.'],
  },
  // ---- disability care (VG, LVG, LG, ZG)
  'vg-group': {
    type: 'sheltered-group',
    name: (c) => `Woongroep ${c.groupName()}`,
    traits: (r) => {
      const groupSize = r.int(6, 10);
      const start = r.int(3, 4);
      return {
        sectors: ['VG'], careProfiles: (['3VG', '4VG', '5VG', '6VG'] as const).filter((p) => Number(p[0]) >= start),
        deliveryForms: r.chance(0.3) ? ['verblijf', 'pgb'] : ['verblijf'], targetGroups: ['intellectual-disability'], capacity: groupSize, groupSize,
        minAge: 18, ownBathroom: r.chance(0.6), kitchenette: r.chance(0.2), partner: false, pets: r.chance(0.3), smoking: r.chance(0.2),
        wheelchair: r.chance(0.5), roundTheClock: r.chance(0.6), dayActivities: r.chance(0.4),
      };
    },
    intro: [
      'Een woongroep voor volwassenen met een verstandelijke beperking, met begeleiders die helpen bij het huishouden en het plannen van de dag.',
      'Bewoners hebben een eigen kamer en delen de woonkamer en de keuken met de groep.',
      'Een huis in de wijk waar volwassenen met een verstandelijke beperking samen wonen, met begeleiding op vaste tijden.',
    ],
  },
  'vg-intensive': {
    type: 'sheltered-group',
    name: (c) => `Groep ${c.groupName()}: intensieve zorg en begeleiding`,
    traits: (r) => {
      const groupSize = r.int(5, 8);
      return {
        sectors: ['VG'], careProfiles: ['7VG', '8VG'], deliveryForms: ['verblijf'], targetGroups: ['intellectual-disability', 'severe-multiple-disability'],
        capacity: groupSize, groupSize, minAge: 18, ownBathroom: r.chance(0.7), kitchenette: false, partner: false, pets: false, smoking: false,
        wheelchair: true, roundTheClock: true, dayActivities: true,
      };
    },
    intro: [
      'Een groep voor mensen met een ernstige verstandelijke en lichamelijke beperking, die voor bijna alles hulp nodig hebben.',
      'Hier wonen mensen die veel zorg nodig hebben; de dagbesteding is in hetzelfde gebouw.',
    ],
  },
  'vg-behaviour': {
    type: 'sheltered-group',
    name: (c) => `Woongroep ${c.groupName()}: extra begeleiding bij gedrag`,
    traits: (r) => {
      const groupSize = r.int(4, 6);
      return {
        sectors: ['VG'], careProfiles: ['6VG', '7VG'], deliveryForms: ['verblijf'], targetGroups: ['intellectual-disability', 'behavioural'],
        capacity: groupSize, groupSize, minAge: 18, ownBathroom: true, kitchenette: false, partner: false, pets: false, smoking: r.chance(0.5),
        wheelchair: r.chance(0.3), roundTheClock: true, dayActivities: true,
      };
    },
    intro: ['Een kleine groep voor mensen met een verstandelijke beperking en moeilijk gedrag, met veel begeleiding en duidelijke afspraken.'],
    waiting: SCARCE_WAITING,
  },
  'vg-apartment': {
    type: 'care-apartment',
    name: (c) => c.r.pick(['Begeleid wonen in een eigen appartement', "Studio's met begeleiding"]),
    traits: (r) => ({
      sectors: ['VG'], careProfiles: r.chance(0.5) ? ['3VG', '4VG'] : ['3VG', '4VG', '5VG'],
      deliveryForms: r.chance(0.5) ? ['verblijf', 'mpt', 'pgb'] : ['mpt', 'pgb'], targetGroups: ['intellectual-disability'], capacity: r.int(8, 24),
      minAge: 18, ownBathroom: true, kitchenette: true, partner: r.chance(0.5), pets: r.chance(0.5), smoking: r.chance(0.4), wheelchair: r.chance(0.4),
      roundTheClock: false, dayActivities: false,
    }),
    intro: [
      'Zelfstandig wonen in een eigen appartement, met een begeleider die langskomt en altijd te bellen is.',
      "Eigen studio's voor mensen die al veel zelf kunnen; de begeleiding heeft een kantoor in het gebouw.",
    ],
  },
  'vg-parents': {
    type: 'parents-initiative',
    name: () => 'Ouderinitiatief voor jongvolwassenen',
    traits: (r) => {
      const groupSize = r.int(8, 12);
      return {
        sectors: ['VG'], careProfiles: r.chance(0.5) ? ['4VG', '5VG', '6VG'] : ['5VG', '6VG'], deliveryForms: r.chance(0.5) ? ['pgb'] : ['pgb', 'verblijf'],
        targetGroups: ['intellectual-disability'], capacity: groupSize, groupSize, minAge: 18, maxAge: r.int(28, 32), ownBathroom: true,
        kitchenette: r.chance(0.4), partner: false, pets: r.chance(0.2), smoking: false, wheelchair: r.chance(0.5), roundTheClock: true,
        dayActivities: r.chance(0.4),
      };
    },
    intro: [
      'Dit huis is opgezet door ouders: jongvolwassenen wonen hier samen, met begeleiding die de ouders zelf hebben gekozen.',
      'Een ouderinitiatief waar jonge mensen met een verstandelijke beperking samen wonen, dicht bij hun ouders.',
    ],
    waiting: SCARCE_WAITING,
  },
  'vg-autism-group': {
    type: 'sheltered-group',
    name: (c) => `Woongroep ${c.groupName()} voor mensen met autisme`,
    traits: (r) => {
      const groupSize = r.int(4, 6);
      return {
        sectors: ['VG'], careProfiles: ['4VG', '5VG', '6VG'], deliveryForms: r.chance(0.4) ? ['verblijf', 'pgb'] : ['verblijf'],
        targetGroups: ['autism', 'intellectual-disability'], capacity: groupSize, groupSize, minAge: 18, ownBathroom: true, kitchenette: r.chance(0.5),
        partner: false, pets: r.chance(0.2), smoking: false, wheelchair: r.chance(0.3), roundTheClock: true, dayActivities: r.chance(0.5),
      };
    },
    intro: ['Een kleine, rustige woongroep voor mensen met autisme en een verstandelijke beperking.'],
  },
  'vg-autism-studio': {
    type: 'care-apartment',
    name: () => "Prikkelarme studio's met begeleiding",
    traits: (r) => ({
      sectors: ['VG'], careProfiles: ['3VG', '4VG'], deliveryForms: ['verblijf', 'mpt'], targetGroups: ['autism'], capacity: r.int(6, 14), minAge: 18,
      ownBathroom: true, kitchenette: true, partner: false, pets: r.chance(0.5), smoking: r.chance(0.3), roundTheClock: r.chance(0.5), dayActivities: false,
    }),
    intro: ["Eigen studio's voor mensen met autisme die rust nodig hebben, met een begeleider dichtbij."],
  },
  'vg-elderly-nursing': {
    type: 'nursing-home',
    name: () => 'Wonen met zorg voor ouderen met een verstandelijke beperking',
    traits: (r) => {
      const groupSize = r.int(8, 12);
      return {
        sectors: ['VG', 'VV'], careProfiles: ['6VG', '7VG', '8VG', '5VV'], deliveryForms: ['verblijf'], targetGroups: ['intellectual-disability', 'dementia'],
        capacity: groupSize * 2, groupSize, minAge: 50, ownBathroom: true, kitchenette: false, partner: false, pets: r.chance(0.3), smoking: false,
        wheelchair: true, roundTheClock: true, dayActivities: true,
      };
    },
    intro: ['Voor ouder wordende mensen met een verstandelijke beperking, ook als er dementie bij komt.'],
  },
  'vg-respite': {
    type: 'respite',
    name: (c) => c.r.pick(['Logeerhuis', 'Logeren in het weekend']),
    traits: (r) => {
      const children = r.chance(0.4);
      return {
        sectors: ['VG'], careProfiles: ['3VG', '4VG', '5VG', '6VG'], deliveryForms: ['verblijf', 'pgb'],
        targetGroups: r.chance(0.4) ? ['intellectual-disability', 'autism'] : ['intellectual-disability'], capacity: r.int(3, 8),
        minAge: children ? 6 : 18, maxAge: children ? 18 : undefined, ownBathroom: false, partner: false, pets: false, smoking: false,
        wheelchair: r.chance(0.6), roundTheClock: true, dayActivities: true,
      };
    },
    intro: [
      'Logeren voor een weekend of een week, zodat de familie even rust heeft.',
      'Een logeerhuis met een vaste groep begeleiders; wie vaker komt, krijgt vaak dezelfde kamer.',
    ],
    waiting: RESPITE_WAITING,
  },
  'vg-children': {
    type: 'sheltered-group',
    name: () => 'Woongroep voor kinderen',
    traits: (r) => {
      const groupSize = r.int(6, 8);
      return {
        sectors: ['VG'], careProfiles: ['5VG', '6VG', '7VG'], deliveryForms: ['verblijf'], targetGroups: ['intellectual-disability', 'severe-multiple-disability'],
        capacity: groupSize, groupSize, minAge: 4, maxAge: 18, ownBathroom: false, kitchenette: false, partner: false, pets: r.chance(0.5), smoking: false,
        wheelchair: true, roundTheClock: true, dayActivities: true,
      };
    },
    intro: ['Een woongroep voor kinderen met een verstandelijke beperking die niet meer thuis kunnen wonen; ouders zijn altijd welkom.'],
  },
  'vg-farm': {
    type: 'care-farm',
    name: () => 'Wonen en werken op de boerderij',
    traits: (r) => {
      const groupSize = r.int(6, 10);
      return {
        sectors: ['VG'], careProfiles: ['3VG', '4VG', '5VG'], deliveryForms: r.chance(0.5) ? ['verblijf', 'pgb'] : ['pgb'],
        targetGroups: r.chance(0.4) ? ['intellectual-disability', 'autism'] : ['intellectual-disability'], capacity: groupSize, groupSize, minAge: 18,
        ownBathroom: r.chance(0.5), kitchenette: false, partner: false, pets: true, smoking: r.chance(0.3), wheelchair: r.chance(0.3), roundTheClock: true,
        dayActivities: true,
      };
    },
    intro: [
      'Wonen op een boerderij en meewerken met de dieren, in de moestuin of in de winkel.',
      'Een zorgboerderij waar bewoners overdag werken: de stal uitmesten, eieren rapen of groente oogsten.',
    ],
    waiting: SCARCE_WAITING,
  },
  'lvg-group': {
    type: 'sheltered-group',
    name: () => 'Woongroep voor jongvolwassenen',
    traits: (r) => {
      const groupSize = r.int(6, 8);
      return {
        sectors: ['LVG'], careProfiles: ['2LVG', '3LVG', '4LVG'], deliveryForms: ['verblijf'], targetGroups: ['intellectual-disability', 'behavioural'],
        capacity: groupSize, groupSize, minAge: 18, maxAge: r.int(26, 30), ownBathroom: r.chance(0.5), kitchenette: r.chance(0.5), partner: false,
        pets: false, smoking: r.chance(0.6), wheelchair: false, roundTheClock: true, dayActivities: r.chance(0.3),
      };
    },
    intro: ['Een woongroep voor jongvolwassenen met een licht verstandelijke beperking en problemen met gedrag.'],
  },
  'lvg-training': {
    type: 'care-apartment',
    name: () => 'Trainingshuis: leren zelfstandig wonen',
    traits: (r) => ({
      sectors: ['LVG'], careProfiles: ['1LVG', '2LVG'], deliveryForms: ['verblijf', 'mpt', 'pgb'], targetGroups: ['behavioural'], capacity: r.int(6, 12),
      minAge: 18, maxAge: 30, ownBathroom: true, kitchenette: true, partner: false, pets: false, smoking: r.chance(0.5), roundTheClock: false,
      dayActivities: false,
    }),
    intro: ['Eigen appartementen waar jongeren oefenen met koken, geld en een dagritme, met een begeleider in de buurt.'],
  },
  'lvg-intensive': {
    type: 'sheltered-group',
    name: () => 'Intensieve woongroep',
    traits: (r) => {
      const groupSize = r.int(4, 6);
      return {
        sectors: ['LVG'], careProfiles: ['5LVG', '1SGLVG'], deliveryForms: ['verblijf'], targetGroups: ['behavioural', 'psychiatric'], capacity: groupSize,
        groupSize, minAge: 18, ownBathroom: true, kitchenette: false, partner: false, pets: false, smoking: r.chance(0.5), wheelchair: false,
        roundTheClock: true, dayActivities: true,
      };
    },
    intro: ['Een kleine groep met veel begeleiding voor mensen met een licht verstandelijke beperking en ernstige gedrags- of psychische problemen.'],
    waiting: SCARCE_WAITING,
  },
  'lg-apartment': {
    type: 'care-apartment',
    name: () => 'Rolstoelwoningen met zorg op afroep',
    traits: (r) => ({
      sectors: ['LG'], careProfiles: ['4LG', '5LG', '6LG'], deliveryForms: r.chance(0.5) ? ['verblijf', 'vpt', 'mpt'] : ['vpt', 'mpt', 'pgb'],
      targetGroups: r.chance(0.4) ? ['somatic', 'acquired-brain-injury'] : ['somatic'], capacity: r.int(10, 30), minAge: 18, ownBathroom: true,
      kitchenette: true, partner: true, pets: r.chance(0.6), smoking: r.chance(0.3), wheelchair: true, roundTheClock: true, dayActivities: r.chance(0.3),
    }),
    intro: ['Aangepaste woningen voor mensen met een lichamelijke beperking; hulp is dag en nacht op te roepen.'],
  },
  'abi-group': {
    type: 'sheltered-group',
    name: () => 'Woongroep voor mensen met hersenletsel',
    traits: (r) => {
      const groupSize = r.int(6, 10);
      return {
        sectors: ['LG'], careProfiles: ['5LG', '7LG'], deliveryForms: ['verblijf'], targetGroups: ['acquired-brain-injury'], capacity: groupSize, groupSize,
        minAge: 18, ownBathroom: true, kitchenette: r.chance(0.4), partner: false, pets: r.chance(0.3), smoking: r.chance(0.4), wheelchair: true,
        roundTheClock: true, dayActivities: true,
      };
    },
    intro: ['Een woongroep voor volwassenen met niet-aangeboren hersenletsel, met veel aandacht voor een vast ritme.'],
  },
  'zgvis-group': {
    type: 'sheltered-group',
    name: () => 'Woongroep voor mensen die slecht zien of blind zijn',
    traits: (r) => {
      const groupSize = r.int(6, 9);
      return {
        sectors: ['ZGvis'], careProfiles: ['3ZGvis', '4ZGvis'], deliveryForms: ['verblijf'], targetGroups: ['visual-impairment'], capacity: groupSize,
        groupSize, minAge: 18, ownBathroom: true, kitchenette: r.chance(0.5), partner: false, pets: r.chance(0.5), smoking: false,
        wheelchair: r.chance(0.5), roundTheClock: true, dayActivities: true,
      };
    },
    intro: ['Een woongroep voor volwassenen die blind of slechtziend zijn, soms ook met een verstandelijke beperking.'],
  },
  'zgaud-group': {
    type: 'sheltered-group',
    name: () => 'Woongroep voor doven en slechthorenden',
    traits: (r) => {
      const groupSize = r.int(6, 9);
      return {
        sectors: ['ZGaud'], careProfiles: ['2ZGaud', '3ZGaud'], deliveryForms: ['verblijf'], targetGroups: ['hearing-impairment'], capacity: groupSize,
        groupSize, minAge: 18, ownBathroom: true, kitchenette: r.chance(0.5), partner: false, pets: r.chance(0.4), smoking: false,
        wheelchair: r.chance(0.5), roundTheClock: r.chance(0.5), dayActivities: true,
      };
    },
    intro: ['Een woongroep voor volwassenen die doof of slechthorend zijn; begeleiders gebruiken gebarentaal.'],
  },
} satisfies Record<string, Preset>;
type PresetKey = keyof typeof PRESETS;

// ---------------------------------------------------------------------------------------------
// Description sentences. Audience 'vv' speaks to the elderly reader ("u"); 'vg' describes the
// residents, because relatives and supporters often read for a young adult.

type Audience = 'vv' | 'vg';

const TARGET_SENTENCES: Partial<Record<string, Partial<Record<Audience, string | string[]>>>> = {
  korsakov: { vv: 'Een vast dagritme en duidelijke afspraken geven rust en houvast.' },
  huntington: { vv: 'Het team weet veel van de ziekte van Huntington en werkt samen met een arts die er veel van weet.' },
  'young-onset-dementia': { vv: 'De activiteiten passen bij de leeftijd van de bewoners: sporten, uitstapjes en werken in de tuin.' },
  'acquired-brain-injury': {
    vv: 'Een ergotherapeut en een fysiotherapeut helpen bewoners om zo veel mogelijk zelf te doen.',
    vg: 'Een ergotherapeut en een fysiotherapeut helpen bewoners om zo veel mogelijk zelf te doen.',
  },
  autism: { vg: 'Iedereen heeft een eigen, prikkelarme kamer en een vaste planning voor de dag.' },
  behavioural: {
    vv: 'Medewerkers zijn getraind om rustig te blijven als iemand onrustig of boos is.',
    vg: 'Begeleiders zijn getraind om rustig te blijven als iemand boos of gespannen is.',
  },
  'severe-multiple-disability': { vg: 'Begeleiders zorgen ook voor verpleging, voeding en hulpmiddelen, dag en nacht.' },
  'visual-impairment': { vg: 'Het huis heeft goede verlichting, voelbare markeringen en een vaste plek voor alles.' },
  'hearing-impairment': { vg: 'Er zijn lichtsignalen in plaats van bellen, en bewoners kunnen bij elkaar terecht in gebarentaal.' },
  dementia: {
    vv: [
      'Medewerkers zijn opgeleid in de zorg bij dementie en kennen het levensverhaal van elke bewoner.',
      'Medewerkers nemen de tijd en kijken naar wat bewoners nog wél kunnen.',
      'Vertrouwde muziek, oude foto’s en eigen spullen geven houvast.',
    ],
  },
  'intellectual-disability': { vg: 'Begeleiders helpen bij wat nog lastig is, zoals plannen, geld en afspraken.' },
  somatic: {
    vv: [
      'Een fysiotherapeut en een specialist ouderengeneeskunde komen vaak langs.',
      'Een fysiotherapeut helpt u om in beweging te blijven.',
      'Een diëtist en een logopedist komen langs als dat nodig is.',
    ],
    vg: 'Een ergotherapeut denkt mee over hulpmiddelen en aanpassingen in huis.',
  },
};

const WORLDVIEW_SENTENCES: Partial<Record<Worldview, string>> = {
  catholic: 'Er is een kapel, en de pastoor komt elke week langs.',
  protestant: 'Er wordt voor het eten gebeden, en op zondag is er een kerkdienst in huis.',
  islamic: 'Het eten is halal en er is een ruimte om te bidden.',
  humanist: 'Een humanistisch raadsvrouw komt langs voor een goed gesprek over het leven.',
  anthroposophic: 'De dag heeft een vast ritme, met kunstzinnige activiteiten en biologisch eten.',
};

interface FormFacts {
  form: FormTraits;
  type: HousingType;
  audience: Audience;
  facilities: Facility[] | undefined;
  publicTransport: boolean | undefined;
  tram: boolean;
}

/** Sentences that are only true for some forms: each comes with the condition that makes it true. */
const FACT_SENTENCES: { when: (f: FormFacts) => boolean; vv: string; vg: string }[] = [
  { when: (f) => f.form.pets === true, vv: 'Uw huisdier mag mee, als er goed voor gezorgd kan worden.', vg: 'Huisdieren zijn welkom, als de bewoner er zelf voor kan zorgen.' },
  { when: (f) => f.form.partner === true, vv: 'Uw partner kan bij u komen wonen.', vg: 'Een partner kan mee komen wonen.' },
  { when: (f) => f.form.ownBathroom === true, vv: 'Elke kamer heeft een eigen badkamer.', vg: 'Iedereen heeft een eigen kamer met een eigen badkamer.' },
  { when: (f) => f.form.kitchenette === true, vv: 'Er is een eigen keukentje om zelf koffie of een maaltijd te maken.', vg: 'Iedereen heeft een eigen keukentje en leert daar zelf te koken.' },
  {
    when: (f) => f.form.dayActivities === 'on-site',
    vv: 'Er is elke dag iets te doen, zoals zingen, bewegen of samen koken.',
    vg: 'Dagbesteding is op dezelfde plek: in de tuin, het atelier of de keuken.',
  },
  {
    when: (f) => f.facilities?.includes('garden') === true,
    vv: 'De tuin is veilig en goed te bereiken met een rollator of rolstoel.',
    vg: 'In de tuin staan een schommelbank, een moestuin en een kippenhok.',
  },
  { when: (f) => f.facilities?.includes('restaurant') === true, vv: 'In het restaurant kunt u samen met familie eten.', vg: 'In het restaurant kunnen bewoners met familie eten.' },
  {
    when: (f) => f.publicTransport === true,
    vv: 'De bushalte is vlakbij, dus familie komt makkelijk op bezoek.',
    vg: 'De bushalte is vlakbij, zodat bewoners zelf naar hun werk of familie kunnen reizen.',
  },
  {
    when: (f) => f.publicTransport === true && f.tram,
    vv: 'Tram en bus stoppen om de hoek, dus familie komt makkelijk op bezoek.',
    vg: 'Tram en metro zijn dichtbij; bewoners oefenen om zelf te reizen.',
  },
  {
    // Only where residents leave the house for the day: not on a farm, not with day care on site.
    when: (f) => (f.form.dayActivities === 'nearby' || f.form.dayActivities === 'none') && ['sheltered-group', 'parents-initiative', 'care-apartment'].includes(f.type),
    vv: 'Overdag gaat u naar uw werk, dagbesteding of de buurt, net als vroeger.',
    vg: 'Overdag gaan de meeste bewoners naar hun werk of naar dagbesteding.',
  },
  { when: (f) => f.form.languages?.includes('li') === true, vv: 'Veel medewerkers spreken Limburgs.', vg: 'Veel begeleiders spreken Limburgs.' },
  { when: (f) => f.form.languages?.includes('de') === true, vv: 'Een deel van het team spreekt Duits.', vg: 'Een deel van de begeleiders spreekt Duits.' },
];

const GENERAL_SENTENCES: Record<Audience, string[]> = {
  vv: [
    'De sfeer is huiselijk en rustig.',
    'Familie en vrienden zijn altijd welkom, ook om mee te eten.',
    'Het team is klein, zodat u vaak dezelfde gezichten ziet.',
    'Bewoners helpen mee in het huishouden als ze dat willen.',
    'Vrijwilligers komen vaak langs voor een wandeling of een spelletje.',
    'U mag uw eigen meubels en foto’s meenemen.',
  ],
  vg: [
    'De sfeer is gezellig en er wordt veel samen gedaan.',
    'Er is een vaste groep begeleiders, zodat bewoners weten waar ze aan toe zijn.',
    'Bewoners koken om de beurt, met hulp als dat nodig is.',
    'In het weekend gaan bewoners vaak samen op stap, naar de markt of het voetballen.',
    'Ouders en broers of zussen zijn altijd welkom.',
  ],
};

// ---------------------------------------------------------------------------------------------
// The made-up organisations. A location names a real woonplaats of the region; its PC4 is
// picked from that place's address areas (or fixed with pc4 when the neighbourhood matters).

interface FormSpec {
  preset: PresetKey;
  name?: string;
  /** Fields that make this form special; they are never blanked to "unknown". */
  set?: Partial<FormTraits>;
  addLanguages?: Language[];
  /** One or two handwritten sentences for the description. */
  note?: string;
}
interface LocationSpec {
  name: string;
  place: string;
  pc4?: string;
  note?: string;
  forms: FormSpec[];
}
interface OrganizationSpec {
  id: string;
  name: string;
  worldview?: Worldview;
  about: string;
  locations: LocationSpec[];
}
interface RegionSpec {
  id: string;
  name: string;
  careOfficeRegionCode: string;
  primarySector: Sector;
  description: string;
  /** Staff languages every form gets (before the form's own). */
  languages: (place: string, r: Rng) => Language[];
  streets: string[];
  /** Address areas that are industry or port, never picked at random. */
  avoidPc4: string[];
  tram: boolean;
  /** The telephone area code of a place ("043"), for the made-up numbers (see demoPhone). */
  areaCode: (place: string) => string;
  /** Location descriptions typical of the region, next to the common ones. */
  locationTexts: Partial<Record<LocationKind, string[]>>;
  organizations: OrganizationSpec[];
  /** Real organisations (unlike the listings): only names and main web addresses we know to be right. */
  supportOrganizations: SupportOrganization[];
  /** Whom providers and people reporting an error reach: made up, like the listings. */
  coordinator: NonNullable<Region['coordinator']>;
}

// Independent help on the way to a place, the same in every region. No phone numbers or deep links:
// they change, and a wrong one sends a person nowhere.
const MEE: SupportOrganization = {
  id: 'mee',
  name: 'MEE',
  description: {
    nl: 'Een cliëntondersteuner van MEE helpt u gratis bij het kiezen van een woonplek met zorg. Ook als u nog geen indicatie heeft. De cliëntondersteuner werkt niet voor een zorgaanbieder. Hij of zij kijkt alleen naar wat u wilt en gaat mee naar gesprekken als u dat wilt.',
    en: 'A client supporter from MEE helps you choose a home with care, free of charge, also before you have an indication. The supporter does not work for a care provider, looks only at what you want, and comes along to meetings if you like.',
  },
  free: true,
  website: 'https://www.mee.nl',
};

const CIZ: SupportOrganization = {
  id: 'ciz',
  name: 'CIZ (Centrum indicatiestelling zorg)',
  description: {
    nl: 'Het CIZ beslist of u zorg krijgt uit de Wet langdurige zorg (Wlz). Dat heet een indicatie. In de indicatie staat ook uw zorgprofiel. U vraagt de indicatie zelf aan, of iemand anders doet dat voor u. De aanvraag is gratis.',
    en: 'The CIZ decides whether you can get care under the Long-term Care Act (Wlz). This is called an indication; it also states your care profile. You apply yourself, or someone else applies for you. Applying is free.',
  },
  free: true,
  website: 'https://www.ciz.nl',
};

const careOffice = (id: string, name: string, regionName: string, website: string): SupportOrganization => ({
  id,
  name,
  description: {
    nl: `Het zorgkantoor regelt de Wlz-zorg in de regio ${regionName}. Heeft u een indicatie? Dan kan het zorgkantoor u helpen een plek te vinden, ook als u lang moet wachten. Via het zorgkantoor krijgt u ook gratis een onafhankelijke cliëntondersteuner.`,
    en: `The care office arranges Wlz care in the ${regionName} region. Once you have an indication, it can help you find a place, also when the wait is long. Through the care office you can also get an independent client supporter, free of charge.`,
  },
  free: true,
  website,
});

const WMO_DESK: SupportOrganization = {
  id: 'wmo-loket',
  name: 'Wmo-loket van uw gemeente',
  description: {
    nl: 'Heeft u nog geen indicatie voor de Wlz? Dan helpt uw gemeente met zorg en hulp thuis (Wmo). De gemeente regelt ook gratis cliëntondersteuning. Neem contact op met uw gemeente. Het adres en telefoonnummer staan op de website van uw gemeente.',
    en: 'No Wlz indication yet? Your municipality helps with care and support at home (Wmo) and arranges free client support. Contact your municipality; its address and phone number are on its website.',
  },
  free: true,
};

const f = (preset: PresetKey, extra: Omit<FormSpec, 'preset'> = {}): FormSpec => ({ preset, ...extra });
const loc = (name: string, place: string, forms: FormSpec[], extra: Omit<LocationSpec, 'name' | 'place' | 'forms'> = {}): LocationSpec => ({
  name, place, forms, ...extra,
});

const GERMAN_BORDER = new Set(['Vaals', 'Vijlen', 'Lemiers', 'Kerkrade', 'Eygelshoven', 'Landgraaf', 'Bocholtz', 'Simpelveld']);

/** Zuid-Limburg's area codes: Parkstad 045, the Westelijke Mijnstreek 046, Maastricht and the Heuvelland 043. */
const AREA_045 = new Set(['Heerlen', 'Hoensbroek', 'Kerkrade', 'Eygelshoven', 'Landgraaf', 'Brunssum', 'Schinveld', 'Nuth', 'Klimmen', 'Bocholtz', 'Simpelveld', 'Voerendaal']);
const AREA_046 = new Set(['Sittard', 'Geleen', 'Munstergeleen', 'Born', 'Beek', 'Elsloo', 'Stein']);

const ZUID_LIMBURG: RegionSpec = {
  id: 'zuid-limburg',
  name: 'Zuid-Limburg',
  careOfficeRegionCode: 'ZK31',
  primarySector: 'VV',
  description:
    'Wonen met zorg voor ouderen in de 16 gemeenten van Zuid-Limburg, van Maastricht en het Heuvelland tot Parkstad en de Westelijke Mijnstreek. ' +
    'Dit is een demonstratie: de organisaties en woonplekken zijn verzonnen.',
  languages: (place, r) => {
    const langs: Language[] = ['nl'];
    if (r.chance(0.85)) langs.push('li');
    if (GERMAN_BORDER.has(place)) langs.push('de');
    if (r.chance(0.08)) langs.push('en');
    return langs;
  },
  streets: [
    'Kerkstraat', 'Akerstraat', 'Molenweg', 'Schoolstraat', 'Kapelweg', 'Beekstraat', 'Lindenlaan', 'Mergelweg', 'Bosstraat', 'Veldstraat',
    'Hoogstraat', 'Kloosterweg', 'Heerstraat', 'Broekstraat', 'Dorpstraat', 'Brugstraat', 'Kastanjelaan', 'Hoeveweg', 'Bergstraat',
    'Pastoriestraat', 'Weverstraat', 'Groeneweg', 'Wijngaardsweg', 'Hofstraat',
  ],
  avoidPc4: [],
  tram: false,
  areaCode: (place) => (AREA_045.has(place) ? '045' : AREA_046.has(place) ? '046' : '043'),
  coordinator: { name: 'Regiocoördinator Zuid-Limburg (demonstratie)', email: 'coordinator@zuid-limburg.example', phone: '043 000 00 00' },
  supportOrganizations: [MEE, CIZ, careOffice('cz-zorgkantoor', 'CZ zorgkantoor', 'Zuid-Limburg', 'https://www.cz.nl'), WMO_DESK],
  locationTexts: {
    large: ['Een oud klooster in {city}, mooi verbouwd tot woonzorgcentrum.', 'Een gebouw van mergelsteen in {city}, met een binnenplaats vol bloemen.'],
    small: ['Een oude vakwerkboerderij in {city}, verbouwd tot woonhuis.', 'Een huis aan het plein van {city}, vlak bij de kerk.'],
    farm: ['Een carréboerderij bij {city}, met uitzicht over de heuvels.'],
  },
  organizations: [
    {
      id: 'mergelland-zorg',
      name: 'Stichting Mergelland Zorg',
      worldview: 'catholic',
      about: 'Verpleeghuizen en kleine woongroepen in de dorpen van het Heuvelland, met een katholieke achtergrond.',
      locations: [
        loc('De Wilhelminahof', 'Vaals', [f('dementia-nursing'), f('somatic-nursing'), f('respite-vv')]),
        loc('Kapelhof', 'Gulpen', [f('dementia-group'), f('dementia-group'), f('care-apartment-vv')]),
        loc('De Geulhoeve', 'Mechelen', [f('residential-vv'), f('dementia-group')]),
        loc('Ter Borcht', 'Gronsveld', [f('dementia-nursing'), f('respite-vv')]),
        loc('Huize Op de Berg', 'Valkenburg', [f('residential-vv'), f('care-apartment-vv')]),
        loc('Sint-Annahof', 'Mheer', [f('dementia-group', { note: 'Elke zondag is er een mis in de kapel naast het huis.' })]),
      ],
    },
    {
      id: 'woonzorg-parkstad-oost',
      name: 'Woonzorg Parkstad Oost',
      about: 'Woonzorgcentra en verpleeghuizen in Heerlen, Kerkrade, Landgraaf en Brunssum.',
      locations: [
        loc('De Schacht', 'Heerlen', [f('somatic-nursing', { set: { careProfiles: ['6VV', '8VV', '9bVV'] } }), f('dementia-nursing')], {
          note: 'Het gebouw staat op de plek van een oude mijnschacht; in de hal hangen foto’s uit de mijntijd.',
        }),
        loc('Laethof', 'Heerlen', [f('residential-vv'), f('care-apartment-vv'), f('dementia-group')]),
        loc('Huize Kloosterveld', 'Kerkrade', [
          f('dementia-group', { set: { worldview: 'catholic' } }),
          f('dementia-group', { set: { worldview: 'catholic' } }),
          f('somatic-nursing', { set: { worldview: 'catholic' } }),
        ]),
        loc('De Wormhof', 'Eygelshoven', [f('residential-vv'), f('care-apartment-vv')]),
        loc('Op de Kamp', 'Landgraaf', [f('dementia-group'), f('respite-vv')]),
        loc('Heidezicht', 'Brunssum', [f('dementia-nursing'), f('care-apartment-vv'), f('respite-vv')]),
        loc('De Linde', 'Bocholtz', [f('dementia-group', { set: { worldview: 'catholic' } })]),
      ],
    },
    {
      id: 'kleinschalig-wonen-de-wingerd',
      name: 'Kleinschalig Wonen De Wingerd',
      about: 'Kleine woonhuizen voor mensen met dementie in de dorpen tussen Maastricht en Heerlen. U betaalt de zorg met een persoonsgebonden budget (pgb).',
      locations: [
        loc('Huis Bergzicht', 'Meerssen', [f('dementia-pgb-home')]),
        loc('Huis De Vogelzang', 'Schimmert', [f('dementia-pgb-home')]),
        loc('Huis Kastanjehof', 'Beek', [f('dementia-pgb-home'), f('respite-vv', { name: 'Logeerkamer (pgb)', set: { deliveryForms: ['pgb'] } })]),
        loc('Huis De Kroon', 'Klimmen', [f('dementia-pgb-home')]),
        loc('Huis Ter Linde', 'Nuth', [
          f('dementia-pgb-home', { set: { partner: true }, note: 'Echtparen kunnen hier samen wonen, ook als maar één van beiden zorg nodig heeft.' }),
        ]),
        loc('Huis De Bron', 'Ulestraten', [f('dementia-pgb-home')]),
      ],
    },
    {
      id: 'woonzorg-maasvallei',
      name: 'Woonzorg Maasvallei',
      about: 'Wonen met zorg in de Westelijke Mijnstreek: Sittard, Geleen, Stein, Born en Beek.',
      locations: [
        loc('Huize Aldenhof', 'Sittard', [
          f('dementia-nursing'),
          f('dementia-nursing', {
            name: 'Afdeling voor mensen met dementie en onrustig gedrag',
            set: { careProfiles: ['7VV'], targetGroups: ['dementia', 'behavioural'] },
          }),
          f('somatic-nursing'),
          f('respite-vv'),
        ]),
        loc('Het Ankerhuis', 'Geleen', [
          f('residential-vv', {
            set: { worldview: 'protestant' },
            note: 'Het huis heeft een protestants-christelijke identiteit: er wordt voor het eten gebeden en op zondag is er een dienst.',
          }),
          f('care-apartment-vv', { set: { worldview: 'protestant' } }),
        ]),
        loc('De Maasoever', 'Stein', [f('dementia-group'), f('dementia-group'), f('care-apartment-vv')]),
        loc('De Bongerd', 'Born', [f('care-apartment-vv'), f('residential-vv')]),
        loc('Hof van Elsloo', 'Elsloo', [f('dementia-nursing')]),
        loc('Munsterhof', 'Munstergeleen', [f('dementia-group', { set: { worldview: 'catholic' } })]),
      ],
    },
    {
      id: 'expertisecentrum-kruisberg',
      name: 'Expertisecentrum Kruisberg',
      about:
        'Zorg voor mensen met een bijzondere ziekte: het syndroom van Korsakov, de ziekte van Huntington, dementie op jonge leeftijd en niet-aangeboren hersenletsel.',
      locations: [
        loc('Kruisberg', 'Hoensbroek', [f('huntington-nursing'), f('korsakov-nursing'), f('korsakov-group')]),
        loc('Villa Jonghe Jaren', 'Heerlen', [f('young-dementia-group'), f('young-dementia-group'), f('young-dementia-respite')]),
        loc('De Overloop', 'Maastricht', [f('korsakov-group'), f('abi-apartment')]),
        loc('Huis aan de Rode Beek', 'Schinveld', [f('abi-group'), f('huntington-nursing', { name: 'Kleine groep voor mensen met Huntington', set: { groupSize: 6, capacity: 6 } })]),
      ],
    },
    {
      id: 'zorgboerderij-t-plateau',
      name: 'Zorgboerderij ’t Plateau',
      about: 'Wonen en logeren op twee boerderijen in het Heuvelland, met koeien, kippen en een grote moestuin.',
      locations: [
        loc('Hoeve ’t Plateau', 'Banholt', [f('dementia-farm'), f('farm-respite')]),
        loc('Hoeve De Geul', 'Wijlre', [f('dementia-farm'), f('vg-farm')]),
      ],
    },
    {
      id: 'vrij-wonen-maastricht',
      name: 'Stichting Vrij Wonen Maastricht',
      worldview: 'humanist',
      about: 'Woonzorg in Maastricht vanuit een humanistische kijk: u bepaalt zelf hoe u leeft, wat u gelooft en met wie u omgaat.',
      locations: [
        loc('Kunstenaarshuis Jeker', 'Maastricht', [
          f('residential-vv', {
            name: 'Wonen met zorg voor kunstenaars',
            set: { communities: ['artists'] },
            note: 'Er is een atelier waar bewoners schilderen, beeldhouwen en muziek maken.',
          }),
          f('care-apartment-vv', { name: 'Atelierwoningen met zorg', set: { communities: ['artists'] } }),
        ]),
        loc('Regenbooghuis', 'Maastricht', [
          f('care-apartment-vv', {
            name: 'Roze appartementen met zorg',
            set: { communities: ['lgbti'] },
            note: 'Hier wonen vooral lhbti-ouderen; iedereen mag zichzelf zijn.',
          }),
          f('residential-vv', { set: { communities: ['lgbti'] } }),
        ]),
        loc('De Sterre', 'Maastricht', [f('dementia-nursing'), f('dementia-group'), f('dementia-group'), f('respite-vv')]),
        loc('Huis Sonnevelt', 'Maastricht', [
          f('dementia-group', {
            set: { worldview: 'anthroposophic' },
            note: 'Het huis werkt vanuit de antroposofie: met kunstzinnige therapie, vaste ritmes en biologisch eten.',
          }),
        ]),
        loc('Wijkhuis Malberg', 'Maastricht', [f('care-apartment-vv'), f('residential-vv')]),
      ],
    },
    {
      id: 'thuis-in-de-mijnstreek',
      name: 'Stichting Thuis in de Mijnstreek',
      about: 'Wonen met begeleiding voor mensen met een verstandelijke of lichamelijke beperking in de Mijnstreek.',
      locations: [
        loc('Ouderinitiatief De Klavers', 'Sittard', [f('vg-parents')]),
        loc('Woonhuis Op de Beek', 'Geleen', [f('vg-group'), f('vg-apartment')]),
        loc('De Sprong', 'Heerlen', [f('vg-group'), f('vg-intensive')]),
        loc('Rolstoelwoningen Brunssum', 'Brunssum', [f('lg-apartment')]),
        loc('Logeerhuis De Vlieger', 'Landgraaf', [f('vg-respite')]),
      ],
    },
  ],
};

const ROTTERDAM: RegionSpec = {
  id: 'rotterdam',
  name: 'Rotterdam',
  careOfficeRegionCode: 'ZK20',
  primarySector: 'VG',
  description:
    'Wonen met begeleiding voor mensen met een verstandelijke beperking in Rotterdam, Capelle aan den IJssel en Krimpen aan den IJssel. ' +
    'Dit is een demonstratie: de organisaties en woonplekken zijn verzonnen.',
  languages: (_place, r) => (r.chance(0.3) ? ['nl', 'en'] : ['nl']),
  streets: [
    'Lindenlaan', 'Parkweg', 'Havenstraat', 'Dorpsweg', 'Schoolstraat', 'Kastanjelaan', 'Esdoornstraat', 'Populierenweg', 'Rozenstraat',
    'Tulpstraat', 'Vlietweg', 'Dijkstraat', 'Polderweg', 'Kadestraat', 'Molenlaan', 'Kerkstraat', 'Bloemstraat', 'Singel', 'Wilgenplein',
    'Merelstraat', 'Zwaluwstraat', 'Sportlaan',
  ],
  // Port, industry and the airport: no one lives there.
  avoidPc4: ['3044', '3045', '3047', '3087', '3088', '3089'],
  tram: true,
  areaCode: (place) => (place === 'Rozenburg' ? '0181' : '010'),
  coordinator: { name: 'Regiocoördinator Rotterdam (demonstratie)', email: 'coordinator@rotterdam.example', phone: '010 000 00 00' },
  supportOrganizations: [
    MEE, CIZ, careOffice('zilveren-kruis-zorgkantoor', 'Zilveren Kruis zorgkantoor', 'Rotterdam', 'https://www.zilverenkruis.nl'), WMO_DESK,
  ],
  locationTexts: {
    large: ['Een nieuw gebouw in {city}, met uitzicht over de Maas vanaf de bovenste verdiepingen.', 'Een gebouw aan een singel in {city}, met bankjes langs het water.'],
    small: ['Een eengezinswoning in een rustige straat in {city}, met een speeltuin om de hoek.', 'Een benedenwoning aan een brede laan in {city}.'],
    farm: ['Een boerderij aan de rand van de stad, met een kas, een moestuin en dieren.'],
  },
  organizations: [
    {
      id: 'maaskade-wonen-en-zorg',
      name: 'Stichting Maaskade Wonen en Zorg',
      about: 'Wonen met begeleiding voor kinderen en volwassenen met een verstandelijke beperking, in Rotterdam, Capelle en Krimpen.',
      locations: [
        loc('Woonhuis De Esdoorn', 'Rotterdam', [f('vg-group'), f('vg-group')]),
        loc('De Kade', 'Rotterdam', [f('vg-apartment'), f('vg-group')], { pc4: '3072' }),
        loc('Woonhuis Zonnewijzer', 'Rotterdam', [f('vg-group'), f('vg-respite')], { pc4: '3077' }),
        loc('Het Zuiderhof', 'Rotterdam', [
          f('vg-elderly-nursing'),
          f('vg-group', { name: 'Woongroep voor ouder wordende bewoners', set: { minAge: 50, careProfiles: ['5VG', '6VG'] } }),
        ], { pc4: '3084' }),
        loc('Groepswonen Capelle-West', 'Capelle aan den IJssel', [f('vg-group'), f('vg-apartment')]),
        loc('De Populier', 'Krimpen aan den IJssel', [f('vg-intensive'), f('vg-intensive')]),
        loc('Woonhuis De Horst', 'Rotterdam', [f('vg-behaviour'), f('vg-group')], { pc4: '3068' }),
        loc('Kinderhuis De Vlinder', 'Rotterdam', [f('vg-children'), f('vg-respite', { name: 'Logeren voor kinderen', set: { minAge: 6, maxAge: 18 } })], {
          pc4: '3055',
        }),
        loc('De Werf', 'Hoogvliet', [f('vg-group'), f('vg-apartment')]),
      ],
    },
    {
      id: 'ouderinitiatieven-rijnmond',
      name: 'Vereniging Ouderinitiatieven Rijnmond',
      about: 'Huizen die ouders zelf hebben opgezet voor hun volwassen kinderen met een verstandelijke beperking. De ouders kiezen samen de zorg en de begeleiding.',
      locations: [
        loc('Huize Hillerust', 'Rotterdam', [f('vg-parents')], { pc4: '3054' }),
        loc('Het Plassenhuis', 'Rotterdam', [
          f('vg-parents', {
            set: { targetGroups: ['intellectual-disability', 'autism'] },
            note: 'Veel bewoners hebben ook autisme; het huis heeft daarom rustige kamers en een vaste dagindeling.',
          }),
        ], { pc4: '3062' }),
        loc('Thuishaven', 'Capelle aan den IJssel', [
          f('vg-parents', {
            set: { worldview: 'protestant' },
            note: 'Het huis heeft een christelijke identiteit; bewoners gaan op zondag samen naar de kerk als ze dat willen.',
          }),
        ]),
        loc('Het Dijkhuis', 'Krimpen aan den IJssel', [
          f('vg-parents'),
          f('vg-respite', { name: 'Logeerkamer voor jongvolwassenen', set: { minAge: 16, maxAge: 30 } }),
        ]),
        loc('De Kameleon', 'Rotterdam', [
          f('vg-parents', {
            name: 'Ouderinitiatief voor jongvolwassenen met een meervoudige beperking',
            set: {
              sectors: ['VG', 'LG'], careProfiles: ['6VG', '7VG', '8VG', '6LG'], targetGroups: ['intellectual-disability', 'severe-multiple-disability'],
              wheelchair: true, deliveryForms: ['pgb'],
            },
          }),
        ], { pc4: '3037' }),
      ],
    },
    {
      id: 'kleurrijk-wonen-rotterdam',
      name: 'Stichting Kleurrijk Wonen Rotterdam',
      about: 'Huizen waar de taal, het eten en de gewoontes van bewoners uit verschillende culturen centraal staan.',
      locations: [
        loc('Huize Tjempaka', 'Rotterdam', [
          f('residential-vv', {
            name: 'Woonzorg voor Indische, Molukse en Surinaamse ouderen',
            set: { cultures: ['indisch', 'moluks', 'surinaams'] },
            addLanguages: ['id', 'srn'],
            note: 'Er wordt Indisch en Surinaams gekookt, en er is vaak muziek en dans.',
          }),
          f('dementia-group', { set: { cultures: ['indisch', 'moluks', 'surinaams'] }, addLanguages: ['id'] }),
        ], { pc4: '3051' }),
        loc('Dar Essalam', 'Rotterdam', [
          f('residential-vv', {
            name: 'Woonzorg voor Turkse en Marokkaanse ouderen',
            set: { worldview: 'islamic', cultures: ['turks', 'marokkaans'] },
            addLanguages: ['tr', 'ar', 'rif'],
            note: 'Medewerkers spreken Turks, Arabisch of Tarifit.',
          }),
          f('dementia-group', { set: { worldview: 'islamic', cultures: ['turks', 'marokkaans'] }, addLanguages: ['tr', 'ar'] }),
        ], { pc4: '3025' }),
        loc('Kas Bon Bini', 'Rotterdam', [
          f('residential-vv', {
            name: 'Woonzorg voor Antilliaanse ouderen',
            set: { cultures: ['antilliaans'] },
            addLanguages: ['pap'],
            note: 'Medewerkers spreken Papiaments, en op vrijdag is er een Antilliaanse maaltijd.',
          }),
          f('vg-group', { set: { cultures: ['antilliaans', 'surinaams'] }, addLanguages: ['pap', 'srn'] }),
        ], { pc4: '3081' }),
        loc('Huis Lotus', 'Rotterdam', [
          f('care-apartment-vv', {
            name: 'Appartementen met zorg voor Chinese ouderen',
            set: { cultures: ['chinees'] },
            addLanguages: ['zh'],
            note: 'Er wordt Chinees gekookt en medewerkers spreken Kantonees of Mandarijn.',
          }),
        ], { pc4: '3013' }),
        loc('Casa Morabeza', 'Rotterdam', [
          f('care-apartment-vv', {
            name: 'Appartementen met zorg voor Kaapverdiaanse ouderen',
            set: { cultures: ['kaapverdiaans'] },
            addLanguages: ['pt'],
            note: 'Medewerkers spreken Portugees en Kaapverdiaans Creools.',
          }),
        ], { pc4: '3026' }),
        loc('Huis Yildiz', 'Rotterdam', [
          f('vg-group', {
            set: { worldview: 'islamic', cultures: ['turks', 'marokkaans'] },
            addLanguages: ['tr', 'ar'],
            note: 'Hier wonen jongvolwassenen uit Turkse en Marokkaanse families; het eten is halal.',
          }),
        ], { pc4: '3073' }),
      ],
    },
    {
      id: 'woonvormen-nieuwe-maas',
      name: 'Stichting Woonvormen Nieuwe Maas',
      about: 'Rustige woonplekken voor mensen met autisme, met en zonder verstandelijke beperking.',
      locations: [
        loc('De Rust', 'Rotterdam', [f('vg-autism-group'), f('vg-autism-group')], { pc4: '3035' }),
        loc('Studio’s Noorderkanaal', 'Rotterdam', [f('vg-autism-studio'), f('vg-apartment', { set: { targetGroups: ['autism', 'intellectual-disability'] } })], {
          pc4: '3032',
        }),
        loc('De Kreek', 'Capelle aan den IJssel', [f('vg-behaviour', { set: { targetGroups: ['autism', 'behavioural'] } }), f('vg-autism-group')]),
        loc('Logeerhuis Het Anker', 'Rotterdam', [f('vg-respite', { set: { targetGroups: ['autism', 'intellectual-disability'] } })], { pc4: '3066' }),
      ],
    },
    {
      id: 'koers-wonen',
      name: 'Stichting Koers Wonen',
      about: 'Begeleid wonen voor jongeren en volwassenen met een licht verstandelijke beperking en gedragsproblemen. Samen werken we aan meer zelfstandigheid.',
      locations: [
        loc('Koershuis Charlois', 'Rotterdam', [f('lvg-group'), f('lvg-training')], { pc4: '3082' }),
        loc('Koershuis Hoogvliet', 'Hoogvliet', [f('lvg-group'), f('lvg-intensive')]),
        loc('Trainingshuis De Sprong', 'Rotterdam', [f('lvg-training')], { pc4: '3027' }),
      ],
    },
    {
      id: 'zorgboerderij-de-buitenpolder',
      name: 'Zorgboerderij De Buitenpolder',
      worldview: 'anthroposophic',
      about: 'Biologisch-dynamische boerderijen waar mensen met een verstandelijke beperking wonen en werken. We werken vanuit de antroposofie.',
      locations: [
        loc('De Buitenpolder', 'Rozenburg', [
          f('vg-farm'),
          f('vg-farm', { name: 'Wonen op de boerderij voor mensen met autisme', set: { targetGroups: ['autism', 'intellectual-disability'] } }),
          f('vg-respite', {
            name: 'Logeren op de boerderij',
            note: 'Logeren met buiten zijn, dieren verzorgen en samen eten aan de grote tafel.',
          }),
        ]),
        loc('Tuinderij De Zevenkamp', 'Rotterdam', [f('vg-farm', { name: 'Wonen en werken in de tuinderij' })], { pc4: '3069' }),
      ],
    },
    {
      id: 'samen-zelfstandig',
      name: 'Stichting Samen Zelfstandig',
      about: 'Woningen met zorg op afroep voor mensen met een lichamelijke beperking, hersenletsel of een zintuiglijke beperking.',
      locations: [
        loc('De Steiger', 'Capelle aan den IJssel', [
          f('lg-apartment'),
          f('lg-apartment', { name: 'Appartementen voor jonge mensen met een lichamelijke beperking', set: { minAge: 18, maxAge: 40 } }),
        ]),
        loc('Het Baken', 'Rotterdam', [f('abi-group'), f('lg-apartment')], { pc4: '3065' }),
        loc('Huis aan de Vijver', 'Krimpen aan den IJssel', [f('zgvis-group'), f('zgaud-group')]),
        loc('De Lichtboei', 'Rotterdam', [f('lg-apartment', { addLanguages: ['en'] })], { pc4: '3021' }),
      ],
    },
    {
      id: 'ouderenzorg-aan-de-maas',
      name: 'Stichting Ouderenzorg aan de Maas',
      about: 'Verpleeghuizen, woonzorgcentra en kleine woongroepen voor ouderen in Rotterdam, Capelle, Krimpen en Hoogvliet.',
      locations: [
        loc('Huize Boezemhof', 'Rotterdam', [f('dementia-nursing'), f('somatic-nursing'), f('respite-vv')], { pc4: '3034' }),
        loc('Het Roze Huis', 'Rotterdam', [
          f('care-apartment-vv', {
            name: 'Roze appartementen met zorg',
            set: { communities: ['lgbti'] },
            note: 'Hier wonen vooral lhbti-ouderen, en iedereen mag zichzelf zijn.',
          }),
          f('residential-vv', { set: { communities: ['lgbti'] } }),
        ], { pc4: '3015' }),
        loc('Kunstenaarshuis Kralingen', 'Rotterdam', [
          f('residential-vv', {
            name: 'Wonen met zorg voor kunstenaars',
            set: { communities: ['artists'] },
            note: 'Bewoners hebben samen een atelier en houden twee keer per jaar een tentoonstelling.',
          }),
        ], { pc4: '3063' }),
        loc('De Vlietstede', 'Capelle aan den IJssel', [f('dementia-group'), f('dementia-group'), f('care-apartment-vv')]),
        loc('De Lindenhof', 'Krimpen aan den IJssel', [f('dementia-nursing', { set: { worldview: 'protestant' } })]),
        loc('Huis aan de Oude Maas', 'Hoogvliet', [f('residential-vv'), f('respite-vv')]),
        loc('Woongroep De Overtoom', 'Rotterdam', [f('korsakov-group')], { pc4: '3078' }),
      ],
    },
  ],
};

const REGION_SPECS = [ZUID_LIMBURG, ROTTERDAM];

// ---------------------------------------------------------------------------------------------
// Generation.

const GROUP_NAMES = [
  'Zonnebloem', 'Klaproos', 'Lavendel', 'Korenbloem', 'Madelief', 'Margriet', 'Hortensia', 'Linde', 'Kastanje', 'Wilg', 'Berk', 'Merel',
  'Zwaluw', 'Reiger', 'Vlinder', 'Eekhoorn',
];
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

type LocationKind = 'large' | 'small' | 'farm';

const LOCATION_DESCRIPTIONS: Record<LocationKind, string[]> = {
  large: [
    'Een licht gebouw met ruime gangen in {city}.',
    'Een rustige plek aan de rand van {city}, met veel groen om het gebouw.',
    'Midden in de wijk, zodat bewoners gewoon bij de buurt blijven horen.',
    'Een nieuw gebouw in {city} met huiskamers op elke verdieping.',
  ],
  small: [
    'Een gewoon huis in een straat in {city}; aan de buitenkant zie je niet dat er zorg is.',
    'Een verbouwde villa in {city}, met een grote keuken als hart van het huis.',
    'Een huis in een rustige straat in {city}, dicht bij het centrum.',
    'Een rijtje woningen in {city} dat is omgebouwd tot één groot huis.',
  ],
  farm: ['Een oude boerderij bij {city}, met weiland, moestuin en dieren.', 'Een boerderij buiten {city}, met een boomgaard en een stal vol dieren.'],
};

interface Built {
  region: Region;
  documents: { organizationId: string; document: ListingDocumentInput }[];
}

const slugify = (text: string, max = 70): string => {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.length <= max ? slug : slug.slice(0, max).replace(/-[^-]*$/, '');
};

const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;

function isoDaysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function buildRegion(spec: RegionSpec, municipalities: MunicipalityRow[], pc4Rows: Pc4Row[], usedLocationIds: Set<string>): Built {
  const region = RegionSchema.parse({
    id: spec.id,
    name: spec.name,
    careOfficeRegionCode: spec.careOfficeRegionCode,
    primarySector: spec.primarySector,
    municipalities: municipalities.filter((m) => m.careOffice === spec.careOfficeRegionCode).map((m) => ({ code: m.code, name: m.name })),
    description: spec.description,
    coordinator: spec.coordinator,
    supportOrganizations: spec.supportOrganizations,
    demonstration: true,
  });
  // Only areas with real addresses: a care home is not a PO box.
  const addressAreas = pc4Rows.filter((p) => p.careOffice === spec.careOfficeRegionCode && p.kind === 'Adres' && !BAD_PC4.has(p.pc4));
  const usedPc4 = new Set<string>();

  const documents = spec.organizations.map((org) => {
    const r = new Rng(`${SEED}:${spec.id}:${org.id}`);
    const formIds = new Set<string>();
    const locations = org.locations.map((ls) => {
      const area = pickArea(ls, addressAreas, usedPc4, spec, r);
      const city = area.place;
      const locationId = slugify(slugify(ls.name).includes(slugify(city)) ? ls.name : `${ls.name} ${city}`);
      if (usedLocationIds.has(locationId)) throw new Error(`Location id "${locationId}" is used twice; rename a location in the spec.`);
      usedLocationIds.add(locationId);

      const types = new Set(ls.forms.map((fs) => PRESETS[fs.preset].type));
      const kind: LocationKind = types.has('care-farm') ? 'farm' : types.has('nursing-home') || types.has('residential-care-home') ? 'large' : 'small';
      const islamic = ls.forms.some((fs) => fs.set?.worldview === 'islamic');
      const facilities = makeFacilities(kind, islamic, r);
      const publicTransport = r.chance(0.88) ? (kind === 'farm' ? r.chance(0.3) : r.chance(0.85)) : undefined;
      const shopsNearby = r.chance(0.85) ? (kind === 'farm' ? r.chance(0.15) : r.chance(0.75)) : undefined;

      const groupNames = r.shuffle(GROUP_NAMES);
      const context: PresetContext = {
        r,
        groupName: () => {
          const name = groupNames.shift();
          if (name === undefined) throw new Error(`${ls.name}: out of group names.`);
          return name;
        },
      };
      const housingForms = ls.forms.map((fs) => {
        const form = makeForm(fs, context, { spec, org, place: city, facilities, publicTransport });
        // A repeated name gets the place in its id ("...-schimmert"), then a number.
        let id = slugify(form.name);
        if (formIds.has(id)) id = slugify(`${form.name} ${city}`);
        for (let n = 2; formIds.has(id); n++) id = `${slugify(`${form.name} ${city}`, 66)}-${n}`;
        formIds.add(id);
        return { id, ...form };
      });

      const location: Omit<LocationInput, 'housingForms'> = {
        id: locationId,
        name: ls.name,
        address: {
          street: r.pick(spec.streets),
          houseNumber: `${r.int(1, 160)}${r.chance(0.12) ? r.pick(['a', 'b']) : ''}`,
          postcode: `${area.pc4} ${postcodeLetters(r)}`,
          city,
        },
      };
      // About half the locations give coordinates; the others are geocoded by PC4 at import.
      if (r.chance(0.5)) location.geo = offsetPoint(area, r);
      // Most locations give their own number; the others leave people the organisation's. Drawn
      // from a stream of its own, so the numbers came without moving any value drawn before them.
      const phoneStream = new Rng(`${SEED}:${spec.id}:${org.id}:${locationId}:phone`);
      if (phoneStream.chance(0.8)) location.phone = demoPhone(spec.areaCode(city), phoneStream);
      const texts = [...LOCATION_DESCRIPTIONS[kind], ...(spec.locationTexts[kind] ?? [])];
      const description = ls.note ?? (r.chance(0.75) ? r.pick(texts).replace('{city}', city) : undefined);
      if (description !== undefined) location.description = description;
      if (facilities !== undefined) location.facilities = facilities;
      if (publicTransport !== undefined) location.publicTransport = publicTransport;
      if (shopsNearby !== undefined) location.shopsNearby = shopsNearby;
      return { ...location, housingForms };
    });

    const domain = `${org.id}.example`;
    const organization: ListingDocumentInput['organization'] = {
      id: org.id,
      name: org.name,
      regionIds: [spec.id],
      website: `https://www.${domain}/`,
      email: `info@${domain}`,
      phone: demoPhone(spec.areaCode(locations[0]?.address.city ?? ''), new Rng(`${SEED}:${spec.id}:${org.id}:phone`)),
      description: `Dit is een verzonnen organisatie: de gegevens zijn bedacht om Woonwijzer te laten zien. ${org.about}`,
    };
    if (org.worldview) organization.worldview = org.worldview;
    return { organizationId: org.id, document: { organization, locations } };
  });
  return { region, documents };
}

function pickArea(ls: LocationSpec, areas: Pc4Row[], used: Set<string>, spec: RegionSpec, r: Rng): Pc4Row {
  if (ls.pc4 !== undefined) {
    const area = areas.find((a) => a.pc4 === ls.pc4);
    if (!area || area.place !== ls.place) throw new Error(`${ls.name}: PC4 ${ls.pc4} is no address area of ${ls.place} in ${spec.careOfficeRegionCode}.`);
    used.add(area.pc4);
    return area;
  }
  const candidates = areas.filter((a) => a.place === ls.place && !spec.avoidPc4.includes(a.pc4));
  if (candidates.length === 0) throw new Error(`${ls.name}: no address area for place "${ls.place}" in ${spec.careOfficeRegionCode}.`);
  const fresh = candidates.filter((a) => !used.has(a.pc4));
  const area = r.pick(fresh.length > 0 ? fresh : candidates);
  used.add(area.pc4);
  return area;
}

/**
 * A made-up number in a range no one has: a Dutch subscriber number never starts with 0, so
 * "043 000 12 34" reaches nobody (and reads as fictitious). Ten digits with the area code.
 */
function demoPhone(areaCode: string, r: Rng): string {
  const rest = String(r.int(0, 10 ** (7 - areaCode.length) - 1)).padStart(7 - areaCode.length, '0');
  const digits = `000${rest}`;
  return areaCode.length === 3 ? `${areaCode} ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}` : `${areaCode} ${digits.slice(0, 3)} ${digits.slice(3)}`;
}

function postcodeLetters(r: Rng): string {
  for (;;) {
    const letters = r.pick([...POSTCODE_LETTERS]) + r.pick([...POSTCODE_LETTERS]);
    if (!['SA', 'SD', 'SS'].includes(letters)) return letters; // never issued
  }
}

/** The PC4 point moved by at most MAX_GEO_OFFSET_M north and east: a house near the area's point. */
function offsetPoint(area: Pc4Row, r: Rng): { lat: number; lon: number } {
  const north = r.int(-MAX_GEO_OFFSET_M, MAX_GEO_OFFSET_M);
  const east = r.int(-MAX_GEO_OFFSET_M, MAX_GEO_OFFSET_M);
  const metresPerDegree = 111_320;
  return {
    lat: round5(area.lat + north / metresPerDegree),
    lon: round5(area.lon + east / (metresPerDegree * Math.cos((area.lat * Math.PI) / 180))),
  };
}

function makeFacilities(kind: LocationKind, islamic: boolean, r: Rng): Facility[] | undefined {
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

interface FormContext {
  spec: RegionSpec;
  org: OrganizationSpec;
  place: string;
  facilities: Facility[] | undefined;
  publicTransport: boolean | undefined;
}

function makeForm(fs: FormSpec, c: PresetContext, ctx: FormContext): Omit<FormInput, 'id'> {
  const { r } = c;
  const preset: Preset = PRESETS[fs.preset];
  const name = fs.name ?? preset.name(c);
  const traits: FormTraits = {
    ...preset.traits(r),
    languages: [...new Set([...ctx.spec.languages(ctx.place, r), ...(fs.addLanguages ?? [])])],
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
    const own = new Rng(`${SEED}:${ctx.spec.id}:${ctx.org.id}:${ctx.place}:${name}:${field}`);
    if (own.chance(0.9)) traits[field as HousingFormFlagField] = own.chance(LATER_FLAG_ODDS[field][preset.type]);
  }
  // The facts that came with codes later, each from a stream of its own as the later flags.
  const later = (what: string) => new Rng(`${SEED}:${ctx.spec.id}:${ctx.org.id}:${ctx.place}:${name}:${what}`);
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
    const worldview = traits.worldview ?? (r.chance(0.5) ? ctx.org.worldview : undefined);
    const special = [
      ...(worldview ? [WORLDVIEW_SENTENCES[worldview]] : []),
      ...(traits.targetGroups ?? []).flatMap((t) => TARGET_SENTENCES[t]?.[audience] ?? []),
    ].filter((s): s is string => s !== undefined);
    if (special.length > 0 && wanted > 1 && r.chance(0.7)) sentences.push(r.pick(special));
  }
  const facts: FormFacts = { form: traits, type: preset.type, audience, facilities: ctx.facilities, publicTransport: ctx.publicTransport, tram: ctx.spec.tram };
  const pool = [
    ...FACT_SENTENCES.filter((s) => s.when(facts)).map((s) => s[audience]),
    ...GENERAL_SENTENCES[audience],
  ].filter((s) => !sentences.includes(s));
  const shuffled = r.shuffle(pool);
  while (sentenceCount(sentences) < wanted && shuffled.length > 0) sentences.push(shuffled.shift() as string);
  return sentences.join(' ');
}

const sentenceCount = (parts: string[]): number => parts.join(' ').split(/[.!?](?:\s|$)/).filter((s) => s.trim() !== '').length;

function makeWaitingList(weights: Record<WaitingListStatus, number>, r: Rng): FormInput['waitingList'] {
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

// ---------------------------------------------------------------------------------------------
// Checks: fail loudly before anything is written.

function check(built: Built[], points: Record<string, [number, number, string | null]>): void {
  const problems: string[] = [];
  const locationIds = new Map<string, string>();
  for (const { region, documents } of built) {
    const typeCounts = new Map<string, number>();
    let forms = 0;
    for (const { organizationId, document } of documents) {
      const where = `${region.id}/${organizationId}.json`;
      const parsed = ListingDocumentSchema.safeParse(document);
      if (!parsed.success) problems.push(`${where}: ${z.prettifyError(parsed.error)}`);
      if (!document.organization.regionIds.includes(region.id)) problems.push(`${where}: organisation is not in region ${region.id}.`);
      const formIds = new Set<string>();
      for (const location of document.locations) {
        const other = locationIds.get(location.id);
        if (other !== undefined) problems.push(`${where}: location id ${location.id} is also used in ${other}.`);
        locationIds.set(location.id, where);
        const pc4 = location.address.postcode.slice(0, 4);
        const point = points[pc4];
        if (!point) problems.push(`${where}: ${location.id} has unknown PC4 ${pc4}.`);
        else {
          if (point[2] !== region.careOfficeRegionCode) problems.push(`${where}: ${location.id} PC4 ${pc4} lies in ${point[2]}, not ${region.careOfficeRegionCode}.`);
          if (location.geo && haversineKm(location.geo, { lat: point[0], lon: point[1] }) >= 0.3) problems.push(`${where}: ${location.id} geo is 300 m or more from its PC4.`);
        }
        for (const form of location.housingForms) {
          if (formIds.has(form.id)) problems.push(`${where}: housing form id ${form.id} is used twice.`);
          formIds.add(form.id);
          typeCounts.set(form.type, (typeCounts.get(form.type) ?? 0) + 1);
          forms++;
          if (Date.parse(form.waitingList.updatedAt) > Date.parse(REFERENCE_DATE)) problems.push(`${where}: ${form.id} is confirmed after the reference date.`);
        }
      }
    }
    if (forms < MIN_FORMS_PER_REGION) problems.push(`${region.id}: only ${forms} housing forms, at least ${MIN_FORMS_PER_REGION} wanted.`);
    for (const type of HOUSING_TYPES) if (!typeCounts.has(type)) problems.push(`${region.id}: no housing form of type ${type}.`);
  }
  if (problems.length > 0) throw new Error(`The demonstration data is not valid:\n- ${problems.join('\n- ')}`);
}

// ---------------------------------------------------------------------------------------------

function buildPc4Points(rows: Pc4Row[]): Record<string, [number, number, string | null]> {
  const points: Record<string, [number, number, string | null]> = {};
  for (const row of rows) {
    // A PO-box-only area has no place on the map; the bad row would put Afferden in Flevoland.
    if (row.kind === 'Postbus' || BAD_PC4.has(row.pc4)) continue;
    if (points[row.pc4]) throw new Error(`PC4 ${row.pc4} appears twice in ${CENTROIDS_CSV}.`);
    points[row.pc4] = [round5(row.lat), round5(row.lon), row.careOffice];
  }
  return points;
}

/**
 * The postcode look-up's municipality of each area in the geocoding table, and the names of the
 * municipalities and care-office regions (shared/geo/pc4-municipality.ts).
 */
function buildPc4Municipalities(rows: Pc4Row[], points: Record<string, unknown>, municipalities: MunicipalityRow[]) {
  const sorted = [...municipalities].sort((a, b) => a.code.localeCompare(b.code));
  const index = new Map(sorted.map((m, i) => [m.code, i]));
  const areas = rows.filter((row) => points[row.pc4] !== undefined).map((row) => {
    const at = row.municipality === null ? undefined : index.get(row.municipality);
    if (row.municipality !== null && at === undefined) throw new Error(`PC4 ${row.pc4}: municipality ${row.municipality} is not in ${MUNICIPALITIES_CSV}.`);
    return { pc4: row.pc4, municipality: at };
  });
  const careOfficeRegions: Record<string, string> = {};
  for (const m of sorted) careOfficeRegions[m.careOffice] = m.careOfficeName;
  return {
    format: 'See shared/geo/pc4-codec.ts (municipality runs). Bron: CBS.',
    careOfficeRegions: Object.fromEntries(Object.entries(careOfficeRegions).sort(([a], [b]) => a.localeCompare(b))),
    municipalities: sorted.map((m) => [m.code, m.name]),
    runs: encodeMunicipalityRuns(areas),
  };
}

function writeJson(path: string, value: unknown, pretty: boolean): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value)}\n`);
}

function main(): void {
  const pc4Rows = readPc4Rows();
  const municipalities = readMunicipalities();
  const points = buildPc4Points(pc4Rows);
  const usedLocationIds = new Set<string>();
  const built = REGION_SPECS.map((spec) => buildRegion(spec, municipalities, pc4Rows, usedLocationIds));
  check(built, points);

  writeJson(
    PC4_POINTS_JSON,
    {
      format: 'See shared/geo/pc4-codec.ts.',
      areas: encodePc4Table(Object.entries(points).map(([pc4, [lat, lon, region]]) => ({ pc4, lat, lon, careOfficeRegion: region ?? undefined }))),
    },
    false,
  );
  writeJson(PC4_MUNICIPALITIES_JSON, buildPc4Municipalities(pc4Rows, points, municipalities), false);
  writeJson(REGIONS_JSON, built.map((b) => b.region), true);
  for (const { region, documents } of built) {
    const dir = join(DEMO_DIR, region.id);
    mkdirSync(dir, { recursive: true });
    // Organisations removed from the spec must not linger as stale files.
    for (const name of readdirSync(dir)) if (name.endsWith('.json')) rmSync(join(dir, name));
    for (const { organizationId, document } of documents) writeJson(join(dir, `${organizationId}.json`), document, true);
  }
  report(built, points);
}

function report(built: Built[], points: Record<string, unknown>): void {
  console.log(`shared/geo/pc4-points.json: ${Object.keys(points).length} postcode areas`);
  for (const { region, documents } of built) {
    const locations = documents.flatMap((d) => d.document.locations);
    const forms = locations.flatMap((l) => l.housingForms);
    const perType = HOUSING_TYPES.map((t) => `${t} ${forms.filter((hf) => hf.type === t).length}`).join(', ');
    const stale = forms.filter((hf) => Date.parse(REFERENCE_DATE) - Date.parse(hf.waitingList.updatedAt) > 30 * 86_400_000).length;
    const withGeo = locations.filter((l) => l.geo).length;
    console.log(
      `${region.id}: ${documents.length} organisations, ${locations.length} locations (${withGeo} with geo), ${forms.length} housing forms ` +
        `(${stale} confirmed more than 30 days ago)\n  ${perType}`,
    );
  }
}

main();
