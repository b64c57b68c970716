// What the provider portal's forms are built from at build time: the yes/no facts of a housing form
// and a location with their words (the criteria's own texts, so a fact reads the same in the portal
// as on the public pages), every field's name in plain words (for the forms, the history and the
// comparison after a conflict), the languages offered as checkboxes, and the citizen's report's
// words that the inbox shows a shared report in.
import { CRITERIA, type CriterionName, type FlagCriterionName } from '../../../shared/domain/criterion-registry.ts';
import { CODED_FACT_FIELDS, HOUSING_FORM_FLAG_FIELDS, LOCATION_FLAG_FIELDS } from '../../../shared/domain/criterion-registry.ts';
import { enCriteria } from '../../../shared/i18n/en.ts';
import { codeLabels, languageName, t, type Locale } from '../../../shared/i18n/index.ts';
import { nlCriteria } from '../../../shared/i18n/nl.ts';
import type { ManagePageData, ReportWord } from '../scripts/manage/page-data.ts';

const CRITERION_TEXTS = { nl: nlCriteria, en: enCriteria } as const;

/** Languages most spoken in Dutch care, offered as checkboxes; any other code goes in a box beside them. */
export const OFFERED_LANGUAGES = ['nl', 'li', 'fy', 'en', 'de', 'fr', 'pl', 'tr', 'ar', 'rif', 'zh', 'pap', 'srn'] as const;

/** The criterion that reads a yes/no field, so the field borrows its words. */
function criterionOfFlagField(field: string): FlagCriterionName {
  const name = (Object.keys(CRITERIA) as CriterionName[]).find((n) => {
    const reads: { read: string; field?: string } = CRITERIA[n].reads;
    return reads.read === 'flag' && reads.field === field;
  });
  if (!name) throw new Error(`No criterion reads the field ${field}.`);
  return name as FlagCriterionName;
}

export function flagOptions(locale: Locale, on: 'housingForm' | 'location'): Array<{ field: string; label: string }> {
  const fields: readonly string[] = on === 'housingForm' ? HOUSING_FORM_FLAG_FIELDS : LOCATION_FLAG_FIELDS;
  return fields.map((field) => ({ field, label: CRITERION_TEXTS[locale].flags[criterionOfFlagField(field)] }));
}

/** The housing form's facts with a few answers (day activities: on site, nearby, none), each a single choice that may stay open. */
export function codedFactChoices(locale: Locale): Array<{ field: string; label: string; options: Array<{ value: string; label: string }> }> {
  return CODED_FACT_FIELDS.map((field) => ({ field, label: CRITERION_TEXTS[locale].facts[field].name, options: options(codeLabels[locale][field]) }));
}

/** Every editable field's name in plain words, by its path in the API's body. */
export function fieldLabels(locale: Locale): Record<string, string> {
  const facts = [...flagOptions(locale, 'housingForm'), ...codedFactChoices(locale), ...flagOptions(locale, 'location')];
  return { ...t(locale).manage.fields, ...Object.fromEntries(facts.map(({ field, label }) => [field, label])) };
}

/** A code list's labels as choices, in the order of the list. */
export function options(labels: Record<string, string>): Array<{ value: string; label: string }> {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

export function languageOptions(locale: Locale): Array<{ value: string; label: string }> {
  return OFFERED_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }));
}

const REPORT_WORDS: readonly ReportWord[] = ['wishesTitle', 'wishGroups', 'noWishes', 'placeTitle', 'place', 'maxDistance', 'noMaxDistance',
  'noPlace', 'filledBy', 'situationTitle', 'noSituation', 'ownWordsTitle', 'noOwnWords', 'shortlistTitle', 'noShortlist'];

/** The words of the citizen's "my report" that a shared report is shown in, in the portal's inbox. */
export function reportWords(locale: Locale): ManagePageData['report'] {
  const { report, shortlist } = t(locale);
  return {
    ...Object.fromEntries(REPORT_WORDS.map((key) => [key, report[key]])) as Pick<typeof report, ReportWord>,
    fits: shortlist.fits, doesNotFit: shortlist.doesNotFit, askProvider: shortlist.askProvider,
  };
}
