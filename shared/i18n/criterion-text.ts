// A person's wish in plain words, and what a housing form's answer to it means: the results page,
// the compare page and the report say them the same way. Pure and small (no zod), so the pages'
// scripts can use it in the browser.
import type { Importance } from '../domain/codes.ts';
import type { Outcome, ReasonCriterion } from '../domain/criteria.ts';
import { codeLabels, languageName } from './code-labels.ts';
import type { Locale } from './locales.ts';

type FlagCriterion = Exclude<ReasonCriterion, 'sector' | 'careProfile' | 'deliveryForm' | 'targetGroup' | 'housingType' | 'worldview' | 'culture' | 'community' | 'language' | 'age' | 'distance'>;

interface CriterionTexts {
  flags: Record<FlagCriterion, string>;
  /** Before a coded value: "Zorgprofiel" + ": " + label. */
  valueNames: Record<'sector' | 'careProfile' | 'deliveryForm' | 'targetGroup' | 'housingType' | 'worldview' | 'culture' | 'community' | 'language', string>;
  age: string;
  distance: string;
  distanceAny: string;
  importance: Record<Importance, string>;
  outcome: Record<Outcome, string>;
}

const TEXTS: Record<Locale, CriterionTexts> = {
  nl: {
    flags: {
      partner: 'Partner kan mee komen wonen',
      pets: 'Huisdier mag mee',
      smoking: 'Roken mag',
      ownBathroom: 'Een eigen badkamer',
      kitchenette: 'Een eigen keukentje',
      smallScale: 'Een kleine groep (hoogstens 8 bewoners)',
      wheelchair: 'Geschikt voor een rolstoel',
      roundTheClock: 'Dag en nacht iemand in de buurt',
      garden: 'Een tuin',
      dayActivities: 'Dagbesteding op de locatie',
      publicTransport: 'Bus, tram of trein in de buurt',
      shops: 'Winkels op loopafstand',
      availableSoon: 'Snel een plek (vrij of korte wachtlijst)',
    },
    valueNames: {
      sector: 'Soort zorg',
      careProfile: 'Zorgprofiel',
      deliveryForm: 'Hoe de zorg geregeld is',
      targetGroup: 'Speciaal voor',
      housingType: 'Soort wonen',
      worldview: 'Levensovertuiging',
      culture: 'Cultuur',
      community: 'Groep',
      language: 'Medewerkers spreken',
    },
    age: 'Leeftijd: {value} jaar',
    distance: 'Hoogstens {value} km van de eigen plek',
    distanceAny: 'Afstand tot de eigen plek',
    importance: { must: 'Moet', important: 'Belangrijk', nice: 'Leuk als het kan' },
    outcome: { match: 'Past', mismatch: 'Past niet', unknown: 'Onbekend: vraag het de aanbieder' },
  },
  en: {
    flags: {
      partner: 'Partner can move in too',
      pets: 'Pet can come along',
      smoking: 'Smoking is allowed',
      ownBathroom: 'A private bathroom',
      kitchenette: 'A private small kitchen',
      smallScale: 'A small group (8 residents at most)',
      wheelchair: 'Suitable for a wheelchair',
      roundTheClock: 'Someone nearby day and night',
      garden: 'A garden',
      dayActivities: 'Day activities at the location',
      publicTransport: 'Bus, tram or train nearby',
      shops: 'Shops within walking distance',
      availableSoon: 'A place soon (free or a short waiting list)',
    },
    valueNames: {
      sector: 'Kind of care',
      careProfile: 'Care profile',
      deliveryForm: 'How care is arranged',
      targetGroup: 'Specially for',
      housingType: 'Kind of housing',
      worldview: 'Worldview',
      culture: 'Culture',
      community: 'Community',
      language: 'Staff speak',
    },
    age: 'Age: {value} years',
    distance: 'At most {value} km from the chosen place',
    distanceAny: 'Distance from the chosen place',
    importance: { must: 'Must', important: 'Important', nice: 'Nice to have' },
    outcome: { match: 'Fits', mismatch: 'Does not fit', unknown: 'Unknown: ask the provider' },
  },
};

export interface WishLike {
  criterion: ReasonCriterion;
  value?: string | number;
}

function codedValue(locale: Locale, criterion: keyof CriterionTexts['valueNames'], value: string): string {
  const labels = codeLabels[locale];
  const table: Partial<Record<string, Record<string, string>>> = {
    sector: labels.sectors,
    careProfile: labels.careProfiles,
    deliveryForm: labels.deliveryForms,
    targetGroup: labels.targetGroups,
    housingType: labels.housingTypes,
    worldview: labels.worldviews,
    culture: labels.cultures,
    community: labels.communities,
  };
  if (criterion === 'language') return languageName(value, locale);
  return table[criterion]?.[value] ?? value;
}

/**
 * "Zorgprofiel: 5VV: beschermd wonen met veel zorg bij dementie", "Een tuin", "Hoogstens 10 km van de eigen
 * plek". Neutral, never "ik" or "mijn": a relative or a supporter reads and fills in as often as the person.
 */
export function wishText(locale: Locale, wish: WishLike): string {
  const texts = TEXTS[locale];
  const { criterion, value } = wish;
  if (criterion === 'distance') return value === undefined ? texts.distanceAny : texts.distance.replace('{value}', String(value));
  if (criterion === 'age') return texts.age.replace('{value}', String(value ?? '?'));
  if (criterion in texts.valueNames) {
    const name = criterion as keyof CriterionTexts['valueNames'];
    return value === undefined ? texts.valueNames[name] : `${texts.valueNames[name]}: ${codedValue(locale, name, String(value))}`;
  }
  return texts.flags[criterion as FlagCriterion];
}

/** "Moet" / "Belangrijk" / "Leuk als het kan". */
export function importanceText(locale: Locale, importance: Importance): string {
  return TEXTS[locale].importance[importance];
}

/** The symbol shown beside an outcome's words (never instead of them). */
export const OUTCOME_SYMBOL: Readonly<Record<Outcome, string>> = { match: '✓', mismatch: '✗', unknown: '?' };

/** "Past" / "Past niet" / "Onbekend: vraag het de aanbieder". */
export function outcomeText(locale: Locale, outcome: Outcome): string {
  return TEXTS[locale].outcome[outcome];
}
