// Housing-form presets: what a kind of housing form typically offers (sector, care profiles,
// target groups, size, yes/no facts and their odds, opening sentences, waiting-list odds). The
// hand-made demonstration picks a preset per form and overrides what makes it special; the
// national generator draws presets by sector. Every value they yield is a valid import value.
import type { HousingType, ListingDocumentInput, WaitingListStatus } from '../../shared/domain/index.ts';
import type { Rng } from './seeded-random.ts';

export type LocationInput = ListingDocumentInput['locations'][number];
export type FormInput = LocationInput['housingForms'][number];
export type FormTraits = Omit<FormInput, 'id' | 'name' | 'type' | 'waitingList' | 'description'>;

export interface PresetContext {
  r: Rng;
  /** The next unused group name at this location ("Zonnebloem", "Merel"...). */
  groupName(): string;
}
export interface Preset {
  type: HousingType;
  name: (c: PresetContext) => string;
  traits: (r: Rng) => FormTraits;
  /** Opening sentences, one is picked. */
  intro: string[];
  /** Waiting-list weights for this kind of place. */
  waiting?: Record<WaitingListStatus, number>;
}

export const DEFAULT_WAITING = { available: 20, short: 35, long: 35, closed: 10 };
const RESPITE_WAITING = { available: 45, short: 40, long: 10, closed: 5 };
const SCARCE_WAITING = { available: 8, short: 22, long: 55, closed: 15 };

export const PRESETS = {
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
  // ---- sheltered living for people with a mental illness (GGZ-W, beschermd wonen in the Wlz)
  'ggz-sheltered-group': {
    type: 'sheltered-group',
    name: (c) => `Beschermd wonen, groep ${c.groupName()}`,
    traits: (r) => {
      const groupSize = r.int(6, 12);
      return {
        sectors: ['GGZ'], careProfiles: r.chance(0.5) ? ['2GGZW', '3GGZW', '4GGZW'] : ['3GGZW', '4GGZW', '5GGZW'],
        deliveryForms: r.chance(0.3) ? ['verblijf', 'pgb'] : ['verblijf'], targetGroups: ['psychiatric'], capacity: groupSize, groupSize, minAge: 18,
        ownBathroom: r.chance(0.5), kitchenette: r.chance(0.3), partner: false, pets: r.chance(0.2), smoking: r.chance(0.6),
        wheelchair: r.chance(0.3), roundTheClock: true, dayActivities: r.chance(0.5),
      };
    },
    intro: [
      'Beschermd wonen voor volwassenen met een langdurige psychische aandoening, met begeleiding dag en nacht.',
      'Een woongroep voor mensen met een psychische aandoening die steun nodig hebben bij wonen, geld en contacten.',
    ],
    waiting: SCARCE_WAITING,
  },
  'ggz-apartment': {
    type: 'care-apartment',
    name: (c) => c.r.pick(['Beschermd wonen in een eigen appartement', "Studio's met begeleiding bij psychische problemen"]),
    traits: (r) => ({
      sectors: ['GGZ'], careProfiles: ['1GGZW', '2GGZW', '3GGZW'], deliveryForms: r.chance(0.5) ? ['verblijf', 'mpt'] : ['mpt', 'pgb'],
      targetGroups: ['psychiatric'], capacity: r.int(8, 24), minAge: 18, ownBathroom: true, kitchenette: true, partner: r.chance(0.3),
      pets: r.chance(0.4), smoking: r.chance(0.5), wheelchair: r.chance(0.3), roundTheClock: r.chance(0.6), dayActivities: false,
    }),
    intro: ['Een eigen appartement voor mensen met een psychische aandoening, met een begeleider in het gebouw die bewoners altijd kunnen bellen.'],
  },
} satisfies Record<string, Preset>;
export type PresetKey = keyof typeof PRESETS;