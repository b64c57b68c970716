// The words of the made-up listings: description sentences (each true only where its condition
// holds), location descriptions by kind of place, and group names. Shared by the hand-made
// demonstration and the national generator, so both read alike.
import type { Facility, HousingType, Worldview } from '../../shared/domain/index.ts';
import type { FormTraits } from './listing-presets.ts';

export type Audience = 'vv' | 'vg';

export const TARGET_SENTENCES: Partial<Record<string, Partial<Record<Audience, string | string[]>>>> = {
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

export const WORLDVIEW_SENTENCES: Partial<Record<Worldview, string>> = {
  catholic: 'Er is een kapel, en de pastoor komt elke week langs.',
  protestant: 'Er wordt voor het eten gebeden, en op zondag is er een kerkdienst in huis.',
  islamic: 'Het eten is halal en er is een ruimte om te bidden.',
  humanist: 'Een humanistisch raadsvrouw komt langs voor een goed gesprek over het leven.',
  anthroposophic: 'De dag heeft een vast ritme, met kunstzinnige activiteiten en biologisch eten.',
};

export interface FormFacts {
  form: FormTraits;
  type: HousingType;
  audience: Audience;
  facilities: Facility[] | undefined;
  publicTransport: boolean | undefined;
  tram: boolean;
}

/** Sentences that are only true for some forms: each comes with the condition that makes it true. */
export const FACT_SENTENCES: { when: (f: FormFacts) => boolean; vv: string; vg: string }[] = [
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

export const GENERAL_SENTENCES: Record<Audience, string[]> = {
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
export const GROUP_NAMES = [
  'Zonnebloem', 'Klaproos', 'Lavendel', 'Korenbloem', 'Madelief', 'Margriet', 'Hortensia', 'Linde', 'Kastanje', 'Wilg', 'Berk', 'Merel',
  'Zwaluw', 'Reiger', 'Vlinder', 'Eekhoorn',
];

export type LocationKind = 'large' | 'small' | 'farm';

export const LOCATION_DESCRIPTIONS: Record<LocationKind, string[]> = {
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
