// The portal's words for a spreadsheet's problems (site/src/scripts/manage/csv-words.ts): each
// problem the API's reader and planner really produce is said in Dutch with its line, its column
// and the field's plain name, so a change of the API's English wording shows up here, not as an
// English sentence on a Dutch page.
import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, readHousingFormsCsv, writeHousingFormsCsv, type CsvProblem } from '../../functions/listings/housing-form-csv.ts';
import { planHousingFormChanges } from '../../functions/listings/housing-form-csv-plan.ts';
import { codeLabels, INTL_LOCALE, t, type Locale } from '../../shared/i18n/index.ts';
import { HousingFormSchema } from '../../shared/domain/index.ts';
import { fieldLabels, reportWords } from '../../site/src/lib/manage-fields.ts';
import { problemInWords } from '../../site/src/scripts/manage/csv-words.ts';
import type { ManagePageData } from '../../site/src/scripts/manage/page-data.ts';
import { housingForm } from '../fixtures/listing.ts';

function pageData(locale: Locale): ManagePageData {
  const { deliveryFormExplanations: _explanations, ...labels } = codeLabels[locale];
  return {
    locale, intlLocale: INTL_LOCALE[locale], texts: t(locale).manage, fieldLabels: fieldLabels(locale), codeLabels: labels, languages: {},
    params: { organization: 'o', location: 'l', housingForm: 'h', view: 'v', edit: 'e', history: 'g', create: 'n', spreadsheet: 's', colleagues: 'c', inbox: 'i', share: 'r' },
    report: reportWords(locale), regions: {},
    limits: { bodyBytes: 256 * 1024, confirmations: 50, photos: 6, photoBytes: 8 * 1024 * 1024 },
  };
}
const nl = pageData('nl');
const form = HousingFormSchema.parse(housingForm());
const LOCATION = 'de-linde-maastricht';

function exportWith(cells: Record<string, string>, extraRow = false): string {
  const csv = writeHousingFormsCsv([{ locationId: LOCATION, housingForm: form, version: 3 }]);
  const lines = csv.split('\r\n');
  const row = (lines[1] as string).split(';');
  for (const [header, value] of Object.entries(cells)) row[CSV_HEADERS.indexOf(header)] = value;
  lines[1] = row.join(';');
  if (extraRow) lines.splice(2, 0, lines[1] as string);
  return lines.join('\r\n');
}

function problemsOf(csv: string): CsvProblem[] {
  const read = readHousingFormsCsv(csv, '2026-11-23');
  if (!read.ok) return read.problems;
  const plan = planHousingFormChanges(read.rows, [{ locationId: LOCATION, housingForm: form, version: 4 }], new Set([LOCATION]), new Date('2026-11-23T09:00:00Z'));
  return plan.ok ? [] : plan.problems;
}

describe('a spreadsheet\'s problems in words', () => {
  it('says bad cells in Dutch with line, column letter and the field\'s plain name', () => {
    const problems = problemsOf(exportWith({ 'waitingList.weeks': 'veel', type: 'kasteel', pets: 'misschien' }));
    const said = problems.map((problem) => problemInWords(nl, problem));
    const weeks = said.find((s) => s.field === 'Wachttijd in weken (ongeveer)');
    expect(weeks?.where).toMatch(/^Regel 2, kolom [A-Z]+$/);
    expect(weeks?.message).toBe('Schrijf een heel getal, zoals 12.');
    expect(said.find((s) => s.field === 'Soort woonvorm')?.message).toBe('Deze code kennen we niet: kasteel. Gebruik de codes zoals in de download.');
    expect(said.some((s) => s.message === 'Schrijf ja of nee. Weet u het niet? Laat de cel dan leeg.')).toBe(true);
    expect(said).toHaveLength(3);
  });

  it('words the planner\'s problems too: a stale version, an unknown location, a row twice', () => {
    const stale = problemsOf(exportWith({})).map((problem) => problemInWords(nl, problem));
    expect(stale).toEqual([{ where: expect.stringMatching(/^Regel 2, kolom [A-Z]+$/), field: 'version', message: expect.stringMatching(/^Iemand heeft deze woonvorm gewijzigd na uw download/) }]);
    const elsewhere = problemsOf(exportWith({ locationId: 'ergens-anders' })).map((problem) => problemInWords(nl, problem).message);
    expect(elsewhere).toEqual(['Deze locatie hoort niet bij uw organisatie. Laat locationId staan zoals in de download.']);
    const twice = problemsOf(exportWith({}, true)).map((problem) => problemInWords(nl, problem));
    expect(twice).toEqual([{ where: 'Regel 3', message: 'Deze woonvorm staat ook op regel 2.' }]);
  });

  it('words a file that is not the export: a foreign column, missing ones', () => {
    const csv = exportWith({}).replace('locationId;', 'locatie;');
    const said = problemsOf(csv).map((problem) => problemInWords(nl, problem).message);
    expect(said).toEqual(['Deze kolom hoort niet in het bestand: locatie.', 'Er ontbreken kolommen. Begin met een nieuwe download.']);
  });
});
