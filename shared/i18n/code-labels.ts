// Plain-language labels, in Dutch and English, for every code of shared/domain/codes.ts.
// Each list is a Record over its code type, so adding a code without a label fails to compile.
// Language names come from Intl.DisplayNames (every ISO 639-1 code has a CLDR name in both
// languages), with a small table for the languages most spoken in Dutch care as a fallback.
import {
  type CareProfile, type Community, type Culture, type DayActivities, type DeliveryForm, type Facility, type HousingType,
  type Sector, type TargetGroup, type WaitingListStatus, type Worldview,
} from '../domain/codes.ts';
import { INTL_LOCALE, type Locale } from './locales.ts';

export interface CodeLabels {
  sectors: Record<Sector, string>;
  /** The profile code first, as on the CIZ decision, then what it means. */
  careProfiles: Record<CareProfile, string>;
  deliveryForms: Record<DeliveryForm, string>;
  deliveryFormExplanations: Record<DeliveryForm, string>;
  housingTypes: Record<HousingType, string>;
  targetGroups: Record<TargetGroup, string>;
  worldviews: Record<Worldview, string>;
  cultures: Record<Culture, string>;
  communities: Record<Community, string>;
  facilities: Record<Facility, string>;
  waitingListStatuses: Record<WaitingListStatus, string>;
  dayActivities: Record<DayActivities, string>;
}

const nl: CodeLabels = {
  sectors: {
    VV: 'Verpleging en verzorging (vooral voor ouderen)',
    VG: 'Zorg voor mensen met een verstandelijke beperking',
    LVG: 'Zorg voor jongeren met een lichte verstandelijke beperking en gedragsproblemen',
    LG: 'Zorg voor mensen met een lichamelijke beperking',
    ZGvis: 'Zorg voor mensen die slecht of niet kunnen zien',
    ZGaud: 'Zorg voor mensen die slecht of niet kunnen horen',
    GGZ: 'Zorg voor mensen met psychische problemen (ggz)',
  },
  // After the Ministry's Wlz care-profile code system (minvws/generiekefuncties-docs), in B1 words
  // ('veel' for 'intensief'). The questionnaires' care-profile options use these very texts.
  careProfiles: {
    '4VV': '4VV: beschut wonen met veel begeleiding en verzorging',
    '5VV': '5VV: beschermd wonen met veel zorg bij dementie',
    '6VV': '6VV: beschermd wonen met veel verzorging en verpleging',
    '7VV': '7VV: beschermd wonen met heel veel zorg bij een bijzondere ziekte, vooral begeleiding',
    '8VV': '8VV: beschermd wonen met heel veel zorg bij een bijzondere ziekte, vooral verzorging en verpleging',
    '9bVV': '9bVV: een tijd wonen met behandeling om te herstellen, met verpleging en verzorging',
    '3VG': '3VG: wonen met begeleiding en wat verzorging',
    '4VG': '4VG: wonen met begeleiding en veel verzorging',
    '5VG': '5VG: wonen met veel begeleiding en veel verzorging',
    '6VG': '6VG: wonen met veel begeleiding, verzorging en hulp bij gedrag',
    '7VG': '7VG: wonen met heel veel begeleiding, verzorging en hulp bij gedrag, soms achter een gesloten deur',
    '8VG': '8VG: wonen met begeleiding en volledige verzorging en verpleging',
    '1LVG': '1LVG: wonen met wat behandeling en begeleiding (18 tot 23 jaar)',
    '2LVG': '2LVG: wonen met behandeling en begeleiding (18 tot 23 jaar)',
    '3LVG': '3LVG: wonen met veel behandeling en begeleiding in een kleine groep (18 tot 23 jaar)',
    '4LVG': '4LVG: wonen met heel veel behandeling en begeleiding (18 tot 23 jaar)',
    '5LVG': '5LVG: wonen achter een gesloten deur, met heel veel behandeling en begeleiding (18 tot 23 jaar)',
    '1SGLVG': '1SGLVG: behandeling in een speciaal centrum bij ernstige gedragsproblemen',
    '2LG': '2LG: wonen met begeleiding en een beetje verzorging',
    '4LG': '4LG: wonen met begeleiding en verzorging',
    '5LG': '5LG: wonen met begeleiding en veel verzorging',
    '6LG': '6LG: wonen met veel begeleiding en veel verzorging',
    '7LG': '7LG: wonen met heel veel begeleiding en heel veel verzorging',
    '2ZGaud': '2ZGaud: wonen met veel begeleiding en verzorging',
    '3ZGaud': '3ZGaud: wonen met veel begeleiding en veel verzorging',
    '4ZGaud': '4ZGaud: wonen met veel begeleiding en een beetje verzorging',
    '2ZGvis': '2ZGvis: wonen met begeleiding en een beetje verzorging',
    '3ZGvis': '3ZGvis: wonen met veel begeleiding en verzorging',
    '4ZGvis': '4ZGvis: wonen met veel begeleiding en veel verzorging',
    '5ZGvis': '5ZGvis: wonen met heel veel begeleiding en heel veel verzorging',
    '3bGGZ': '3bGGZ: blijven wonen met veel begeleiding',
    '4bGGZ': '4bGGZ: blijven wonen met veel begeleiding en verzorging',
    '5bGGZ': '5bGGZ: blijven wonen met veel begeleiding en hulp bij gedrag',
    '6bGGZ': '6bGGZ: blijven wonen met veel begeleiding en veel verpleging en verzorging',
    '7bGGZ': '7bGGZ: beveiligd blijven wonen bij heel ernstige gedragsproblemen, met heel veel begeleiding',
    '1GGZW': '1GGZW: ggz-wonen met veel begeleiding',
    '2GGZW': '2GGZW: ggz-wonen met veel begeleiding en verzorging',
    '3GGZW': '3GGZW: ggz-wonen met veel begeleiding en hulp bij gedrag',
    '4GGZW': '4GGZW: ggz-wonen met veel begeleiding en veel verpleging en verzorging',
    '5GGZW': '5GGZW: beveiligd ggz-wonen bij heel ernstige gedragsproblemen, met heel veel begeleiding',
  },
  deliveryForms: {
    verblijf: 'Wonen in een zorginstelling (verblijf)',
    vpt: 'Volledig pakket thuis (vpt)',
    mpt: 'Modulair pakket thuis (mpt)',
    pgb: 'Persoonsgebonden budget (pgb)',
  },
  deliveryFormExplanations: {
    verblijf: 'U woont in een zorginstelling. U krijgt daar alle zorg die u nodig heeft.',
    vpt: 'U woont in uw eigen huis of appartement, vaak in een gebouw met zorg. U krijgt daar alle zorg, net als in een zorginstelling.',
    mpt: 'U woont thuis. U kiest zelf welke delen van de zorg u krijgt.',
    pgb: 'U krijgt geld en koopt daarmee zelf uw zorg in. Sommige kleine woonvormen werken alleen met een pgb.',
  },
  housingTypes: {
    'nursing-home': 'Verpleeghuis',
    'small-scale-group': 'Kleinschalig wonen in een kleine groep',
    'care-apartment': 'Appartement met zorg',
    'sheltered-group': 'Woongroep met begeleiding',
    'parents-initiative': 'Ouderinitiatief (huis opgezet door ouders)',
    'residential-care-home': 'Verzorgingshuis',
    'care-farm': 'Wonen op een zorgboerderij',
    respite: 'Logeren (tijdelijk verblijf)',
  },
  targetGroups: {
    dementia: 'Mensen met dementie',
    somatic: 'Mensen met een lichamelijke ziekte of beperking',
    'young-onset-dementia': 'Mensen met dementie op jonge leeftijd',
    korsakov: 'Mensen met het syndroom van Korsakov',
    'acquired-brain-injury': 'Mensen met hersenletsel (niet aangeboren)',
    huntington: 'Mensen met de ziekte van Huntington',
    'intellectual-disability': 'Mensen met een verstandelijke beperking',
    'severe-multiple-disability': 'Mensen met ernstige meervoudige beperkingen',
    autism: 'Mensen met autisme',
    behavioural: 'Mensen met gedragsproblemen',
    'visual-impairment': 'Mensen die slecht of niet kunnen zien',
    'hearing-impairment': 'Mensen die slecht of niet kunnen horen',
    psychiatric: 'Mensen met psychische problemen',
  },
  worldviews: {
    protestant: 'Protestants-christelijk',
    catholic: 'Rooms-katholiek',
    islamic: 'Islamitisch',
    jewish: 'Joods',
    humanist: 'Humanistisch',
    anthroposophic: 'Antroposofisch',
  },
  cultures: {
    indisch: 'Indisch',
    moluks: 'Moluks',
    surinaams: 'Surinaams',
    antilliaans: 'Antilliaans',
    kaapverdiaans: 'Kaapverdisch',
    turks: 'Turks',
    marokkaans: 'Marokkaans',
    chinees: 'Chinees',
  },
  communities: {
    artists: 'Kunstenaars',
    lgbti: 'Lhbti+ (homo, lesbisch, bi, trans, intersekse)',
  },
  facilities: {
    garden: 'Tuin',
    restaurant: 'Restaurant',
    shop: 'Winkel',
    hairdresser: 'Kapper',
    'prayer-room': 'Gebedsruimte',
    fitness: 'Fitnessruimte',
    'guest-room': 'Logeerkamer voor bezoek',
  },
  waitingListStatuses: {
    available: 'Plaats vrij',
    short: 'Korte wachttijd (binnen 3 maanden)',
    long: 'Lange wachttijd (langer dan 3 maanden)',
    closed: 'Geen aanmelding mogelijk',
  },
  dayActivities: { 'on-site': 'Op de locatie', nearby: 'In de buurt, met vervoer', none: 'Geen' },
};

const en: CodeLabels = {
  sectors: {
    VV: 'Nursing and care (mostly for older people)',
    VG: 'Care for people with an intellectual disability',
    LVG: 'Care for young people with a mild intellectual disability and behavioural problems',
    LG: 'Care for people with a physical disability',
    ZGvis: 'Care for people who are blind or partially sighted',
    ZGaud: 'Care for people who are deaf or hard of hearing',
    GGZ: 'Care for people with mental health problems',
  },
  careProfiles: {
    '4VV': '4VV: sheltered living with a lot of support and personal care',
    '5VV': '5VV: protected living with a lot of care for dementia',
    '6VV': '6VV: protected living with a lot of personal care and nursing',
    '7VV': '7VV: protected living with a great deal of care for a specific illness, mainly support',
    '8VV': '8VV: protected living with a great deal of care for a specific illness, mainly personal care and nursing',
    '9bVV': '9bVV: a stay with treatment to recover, with nursing and personal care',
    '3VG': '3VG: living with support and some personal care',
    '4VG': '4VG: living with support and a lot of personal care',
    '5VG': '5VG: living with a lot of support and a lot of personal care',
    '6VG': '6VG: living with a lot of support, personal care and help with behaviour',
    '7VG': '7VG: living with a great deal of support, personal care and help with behaviour, sometimes behind a locked door',
    '8VG': '8VG: living with support and full personal care and nursing',
    '1LVG': '1LVG: living with some treatment and support (age 18 to 23)',
    '2LVG': '2LVG: living with treatment and support (age 18 to 23)',
    '3LVG': '3LVG: living with a lot of treatment and support in a small group (age 18 to 23)',
    '4LVG': '4LVG: living with a great deal of treatment and support (age 18 to 23)',
    '5LVG': '5LVG: living behind a locked door, with a great deal of treatment and support (age 18 to 23)',
    '1SGLVG': '1SGLVG: treatment in a specialised centre for severe behavioural problems',
    '2LG': '2LG: living with support and some personal care',
    '4LG': '4LG: living with support and personal care',
    '5LG': '5LG: living with support and a lot of personal care',
    '6LG': '6LG: living with a lot of support and a lot of personal care',
    '7LG': '7LG: living with a great deal of support and a great deal of personal care',
    '2ZGaud': '2ZGaud: living with a lot of support and personal care',
    '3ZGaud': '3ZGaud: living with a lot of support and a lot of personal care',
    '4ZGaud': '4ZGaud: living with a lot of support and some personal care',
    '2ZGvis': '2ZGvis: living with support and some personal care',
    '3ZGvis': '3ZGvis: living with a lot of support and personal care',
    '4ZGvis': '4ZGvis: living with a lot of support and a lot of personal care',
    '5ZGvis': '5ZGvis: living with a great deal of support and a great deal of personal care',
    '3bGGZ': '3bGGZ: continued stay with a lot of support',
    '4bGGZ': '4bGGZ: continued stay with a lot of support and personal care',
    '5bGGZ': '5bGGZ: continued stay with a lot of support and help with behaviour',
    '6bGGZ': '6bGGZ: continued stay with a lot of support and a lot of nursing and personal care',
    '7bGGZ': '7bGGZ: secure continued stay for very severe behavioural problems, with a great deal of support',
    '1GGZW': '1GGZW: mental health housing with a lot of support',
    '2GGZW': '2GGZW: mental health housing with a lot of support and personal care',
    '3GGZW': '3GGZW: mental health housing with a lot of support and help with behaviour',
    '4GGZW': '4GGZW: mental health housing with a lot of support and a lot of nursing and personal care',
    '5GGZW': '5GGZW: secure mental health housing for very severe behavioural problems, with a great deal of support',
  },
  deliveryForms: {
    verblijf: 'Living in a care home (verblijf)',
    vpt: 'Full package at home (vpt)',
    mpt: 'Modular package at home (mpt)',
    pgb: 'Personal budget (pgb)',
  },
  deliveryFormExplanations: {
    verblijf: 'You live in a care home. You get all the care you need there.',
    vpt: 'You live in your own home or apartment, often in a building with care. You get all the care there, just as in a care home.',
    mpt: 'You live at home. You choose which parts of the care you receive.',
    pgb: 'You receive money and buy your care yourself. Some small housing forms only work with a personal budget.',
  },
  housingTypes: {
    'nursing-home': 'Nursing home',
    'small-scale-group': 'Small-scale living in a small group',
    'care-apartment': 'Apartment with care',
    'sheltered-group': 'Group home with support',
    'parents-initiative': 'Parents’ initiative (a house set up by parents)',
    'residential-care-home': 'Residential care home',
    'care-farm': 'Living on a care farm',
    respite: 'Short stay (respite)',
  },
  targetGroups: {
    dementia: 'People with dementia',
    somatic: 'People with a physical illness or disability',
    'young-onset-dementia': 'People with young-onset dementia',
    korsakov: 'People with Korsakoff syndrome',
    'acquired-brain-injury': 'People with acquired brain injury',
    huntington: 'People with Huntington’s disease',
    'intellectual-disability': 'People with an intellectual disability',
    'severe-multiple-disability': 'People with severe multiple disabilities',
    autism: 'People with autism',
    behavioural: 'People with behavioural problems',
    'visual-impairment': 'People who are blind or partially sighted',
    'hearing-impairment': 'People who are deaf or hard of hearing',
    psychiatric: 'People with mental health problems',
  },
  worldviews: {
    protestant: 'Protestant Christian',
    catholic: 'Roman Catholic',
    islamic: 'Islamic',
    jewish: 'Jewish',
    humanist: 'Humanist',
    anthroposophic: 'Anthroposophic',
  },
  cultures: {
    indisch: 'Dutch-Indonesian (Indisch)',
    moluks: 'Moluccan',
    surinaams: 'Surinamese',
    antilliaans: 'Antillean',
    kaapverdiaans: 'Cape Verdean',
    turks: 'Turkish',
    marokkaans: 'Moroccan',
    chinees: 'Chinese',
  },
  communities: {
    artists: 'Artists',
    lgbti: 'LGBTI+ (lesbian, gay, bisexual, trans, intersex)',
  },
  facilities: {
    garden: 'Garden',
    restaurant: 'Restaurant',
    shop: 'Shop',
    hairdresser: 'Hairdresser',
    'prayer-room': 'Prayer room',
    fitness: 'Fitness room',
    'guest-room': 'Guest room for visitors',
  },
  waitingListStatuses: {
    available: 'Place available',
    short: 'Short wait (within 3 months)',
    long: 'Long wait (more than 3 months)',
    closed: 'Not taking applications',
  },
  dayActivities: { 'on-site': 'At the location', nearby: 'Nearby, with transport', none: 'None' },
};

export const codeLabels: Record<Locale, CodeLabels> = { nl, en };

/** Used when the runtime's Intl has no language names (a small-ICU build). */
const LANGUAGE_FALLBACK: Record<Locale, Partial<Record<string, string>>> = {
  nl: {
    nl: 'Nederlands', li: 'Limburgs', fy: 'Fries', en: 'Engels', de: 'Duits', fr: 'Frans', tr: 'Turks',
    ar: 'Arabisch', zh: 'Chinees', pap: 'Papiaments', srn: 'Sranantongo', rif: 'Tarifit (Riffijns)',
  },
  en: {
    nl: 'Dutch', li: 'Limburgish', fy: 'Frisian', en: 'English', de: 'German', fr: 'French', tr: 'Turkish',
    ar: 'Arabic', zh: 'Chinese', pap: 'Papiamento', srn: 'Sranan Tongo', rif: 'Tarifit (Riffian)',
  },
};

const displayNames = new Map<Locale, Intl.DisplayNames | null>();

function languageDisplayNames(locale: Locale): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    try {
      displayNames.set(locale, new Intl.DisplayNames([INTL_LOCALE[locale]], { type: 'language', fallback: 'none' }));
    } catch {
      displayNames.set(locale, null);
    }
  }
  return displayNames.get(locale) ?? null;
}

/** The name of a language (ISO 639 code) in the interface language, e.g. ('li', 'nl') → "Limburgs". */
export function languageName(code: string, locale: Locale): string {
  const fromIntl = languageDisplayNames(locale)?.of(code);
  if (fromIntl && fromIntl !== code) return fromIntl.charAt(0).toLocaleUpperCase(INTL_LOCALE[locale]) + fromIntl.slice(1);
  return LANGUAGE_FALLBACK[locale][code] ?? code;
}
