// Builds the demonstration data from the open reference data in data/reference:
//   shared/geo/pc4-points.json   the PC4 geocoding table (point + care-office region),
//   shared/geo/pc4-municipalities.json  each area's municipality, municipality and region names,
//   data/regions.json            the two hand-made demonstration regions,
//   data/demo/<region>/<org>.json made-up listings, placed at real postcode points.
// Deterministic: one seeded PRNG per organisation, so every run writes the same bytes and editing
// one organisation leaves the others' details alone (only their postcode areas may shift, as picks
// avoid areas already taken). Run with `npm run demo-data`; see data/demo/README.md. The reading of
// the reference data, the presets and the form builder live in scripts/lib/, shared with the
// national generator (scripts/build-national-data.ts).
import { readdirSync, rmSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HOUSING_TYPES, RegionSchema, type Language, type Region, type Sector, type SupportOrganization, type Worldview } from '../shared/domain/index.ts';
import { REPO_ROOT } from '../functions/platform/paths.ts';
import { encodePc4Table } from '../shared/geo/pc4-codec.ts';
import { writeJson } from './lib/json-file.ts';
import { checkBuilt, type BuiltRegion, type Pc4Points } from './lib/listing-checks.ts';
import { PRESETS, type LocationInput, type PresetContext, type PresetKey } from './lib/listing-presets.ts';
import { GROUP_NAMES, LOCATION_DESCRIPTIONS, type LocationKind } from './lib/listing-texts.ts';
import {
  REFERENCE_DATE, demoPhone, makeFacilities, makeForm, offsetPoint, postcodeLetters, slugify, type FormSpec,
} from './lib/listing-builder.ts';
import { addressAreas, buildPc4Municipalities, buildPc4Points, readMunicipalities, readPc4Rows, type MunicipalityRow, type Pc4Row } from './lib/reference-data.ts';
import { Rng } from './lib/seeded-random.ts';
import { CIZ, MEE, WMO_DESK, careOffice } from './lib/support-organizations.ts';
import type { ListingDocumentInput } from '../shared/domain/index.ts';

const ROOT = REPO_ROOT;
const PC4_POINTS_JSON = join(ROOT, 'shared', 'geo', 'pc4-points.json');
const PC4_MUNICIPALITIES_JSON = join(ROOT, 'shared', 'geo', 'pc4-municipalities.json');
const REGIONS_JSON = join(ROOT, 'data', 'regions.json');
const DEMO_DIR = join(ROOT, 'data', 'demo');

const SEED = 'woonwijzer-demo-1';
const MIN_FORMS_PER_REGION = 60;

// The made-up organisations. A location names a real woonplaats of the region; its PC4 is
// picked from that place's address areas (or fixed with pc4 when the neighbourhood matters).

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

function buildRegion(spec: RegionSpec, municipalities: MunicipalityRow[], pc4Rows: Pc4Row[], usedLocationIds: Set<string>): BuiltRegion {
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
  const areas = addressAreas(pc4Rows, spec.careOfficeRegionCode);
  const usedPc4 = new Set<string>();

  const documents = spec.organizations.map((org) => {
    const r = new Rng(`${SEED}:${spec.id}:${org.id}`);
    const formIds = new Set<string>();
    const locations = org.locations.map((ls) => {
      const area = pickArea(ls, areas, usedPc4, spec, r);
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
        const form = makeForm(fs, context, {
          streamKey: `${SEED}:${spec.id}:${org.id}`, worldview: org.worldview, place: city, languages: spec.languages, tram: spec.tram, facilities, publicTransport,
        });
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

function main(): void {
  const pc4Rows = readPc4Rows();
  const municipalities = readMunicipalities();
  const points = buildPc4Points(pc4Rows);
  const usedLocationIds = new Set<string>();
  const built = REGION_SPECS.map((spec) => buildRegion(spec, municipalities, pc4Rows, usedLocationIds));
  checkBuilt(built, points, { minFormsPerRegion: MIN_FORMS_PER_REGION, everyHousingType: true });

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

function report(built: BuiltRegion[], points: Pc4Points): void {
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