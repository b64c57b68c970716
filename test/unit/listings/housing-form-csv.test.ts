import { describe, expect, it } from 'vitest';
import { CSV_HEADERS, columnLetter, readHousingFormsCsv, writeHousingFormsCsv } from '../../../functions/listings/housing-form-csv.ts';
import { HOUSING_FORM_FLAG_FIELDS } from '../../../shared/domain/criterion-registry.ts';
import { HousingFormSchema, type HousingForm } from '../../../shared/domain/index.ts';
import { housingForm } from '../../fixtures/listing.ts';

const TODAY = '2026-12-03';
const form = (overrides: Parameters<typeof housingForm>[0] = {}): HousingForm => HousingFormSchema.parse(housingForm(overrides));

/** The export of two housing forms, as a person downloads it. */
function exported(): string {
  return writeHousingFormsCsv([
    { locationId: 'de-linde-maastricht', housingForm: form(), version: 3 },
    {
      locationId: 'de-linde-maastricht',
      housingForm: form({ id: 'zorgappartement', name: 'Zorgappartementen; met "tuin"', type: 'care-apartment', languages: [], description: 'Twee regels\nlang' }),
      version: 1,
    },
  ]);
}

/** Replaces one cell of a data line (1-based line of the file) in a semicolon export without quoted line breaks. */
function withCell(csv: string, line: number, header: string, value: string): string {
  const lines = csv.split('\r\n');
  const cells = (lines[line - 1] as string).split(';');
  cells[CSV_HEADERS.indexOf(header)] = value;
  lines[line - 1] = cells.join(';');
  return lines.join('\r\n');
}

describe('the housing forms CSV', () => {
  it('has a column for every field of a housing form, so a new field cannot be left out of the file', () => {
    const fields = Object.keys(HousingFormSchema.shape).filter((key) => key !== 'waitingList');
    const waitingFields = Object.keys(HousingFormSchema.shape.waitingList.shape).map((key) => `waitingList.${key}`);
    expect(new Set(CSV_HEADERS)).toEqual(new Set(['locationId', ...fields, ...waitingFields, 'version']));
    for (const flag of HOUSING_FORM_FLAG_FIELDS) expect(CSV_HEADERS).toContain(flag);
  });

  it('is written for Dutch Excel: a byte-order mark, semicolons, Windows line ends', () => {
    const csv = exported();
    expect(csv.startsWith('\uFEFFlocationId;id;name;type;')).toBe(true);
    expect(csv).toContain('\r\n');
  });

  it('reads back exactly what it wrote, keeping unknown apart from no and from none', () => {
    const result = readHousingFormsCsv(exported(), TODAY);
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, locationId: 'de-linde-maastricht', version: 3, housingForm: form() },
        {
          line: 3,
          locationId: 'de-linde-maastricht',
          version: 1,
          housingForm: form({ id: 'zorgappartement', name: 'Zorgappartementen; met "tuin"', type: 'care-apartment', languages: [], description: 'Twee regels\nlang' }),
        },
      ],
    });
    const first = (result as { rows: Array<{ housingForm: HousingForm }> }).rows[0]?.housingForm;
    expect(first?.ownBathroom).toBe(true);
    expect(first?.wheelchair).toBeUndefined();
  });

  it('reads a comma-separated file without a byte-order mark too', () => {
    const header = CSV_HEADERS.join(',');
    const cells = CSV_HEADERS.map((h) =>
      ({ locationId: 'de-linde-maastricht', id: 'nieuw', name: 'Nieuwe groep', type: 'small-scale-group', sectors: 'VV', careProfiles: '"5VV, 6VV"', 'waitingList.status': 'available' })[h] ?? '');
    const result = readHousingFormsCsv(`${header}\n${cells.join(',')}\n`, TODAY);
    expect(result.ok).toBe(true);
    const row = (result as { rows: Array<{ version?: number; housingForm: HousingForm }> }).rows[0];
    expect(row?.version).toBeUndefined();
    expect(row?.housingForm.careProfiles).toEqual(['5VV', '6VV']);
    // A new row without a date is dated today.
    expect(row?.housingForm.waitingList.updatedAt).toBe(TODAY);
  });

  it('names the line and column of a bad cell, and of every bad cell at once', () => {
    let csv = withCell(exported(), 2, 'type', 'kasteel');
    csv = withCell(csv, 2, 'capacity', 'tien');
    const result = readHousingFormsCsv(csv, TODAY);
    expect(result.ok).toBe(false);
    const problems = (result as { problems: Array<{ line: number; column?: string; field?: string; message: string }> }).problems;
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, column: columnLetter(CSV_HEADERS.indexOf('type')), field: 'type', message: expect.stringContaining('"kasteel"') }),
      expect.objectContaining({ line: 2, column: columnLetter(CSV_HEADERS.indexOf('capacity')), field: 'capacity', message: expect.stringContaining('whole number') }),
    ]);
  });

  it('counts lines as a spreadsheet shows them, after a cell holding a line break', () => {
    // The second housing form's description spans two lines (3 and 4); a third row starts on line 5.
    const csv = `${exported()}${withCell(exported(), 2, 'id', 'derde').split('\r\n')[1]}\r\n`;
    const bad = withCellOnLastLine(csv, 'ownBathroom', 'misschien');
    const result = readHousingFormsCsv(bad, TODAY);
    expect(result).toMatchObject({ ok: false, problems: [{ line: 5, field: 'ownBathroom', column: columnLetter(CSV_HEADERS.indexOf('ownBathroom')) }] });
  });

  it('refuses a schema rule across cells at the cell it names (a minimum age above the maximum)', () => {
    const csv = withCell(withCell(exported(), 2, 'minAge', '80'), 2, 'maxAge', '65');
    expect(readHousingFormsCsv(csv, TODAY)).toMatchObject({ ok: false, problems: [{ line: 2, field: 'maxAge', column: columnLetter(CSV_HEADERS.indexOf('maxAge')) }] });
  });

  it('writes day activities as on-site, nearby or none, and still reads an older export\'s ja / nee', () => {
    const dayActivitiesIn = (cell: string) => {
      const result = readHousingFormsCsv(withCell(exported(), 2, 'dayActivities', cell), TODAY);
      return result.ok ? result.rows[0]?.housingForm.dayActivities : result.problems;
    };
    expect(writeHousingFormsCsv([{ locationId: 'l', housingForm: form({ dayActivities: 'nearby' }), version: 1 }]).split('\r\n')[1]?.split(';')[CSV_HEADERS.indexOf('dayActivities')]).toBe('nearby');
    expect(['on-site', 'nearby', 'none', 'ja', 'Nee', ''].map(dayActivitiesIn)).toEqual(['on-site', 'nearby', 'none', 'on-site', 'none', undefined]);
    expect(dayActivitiesIn('misschien')).toEqual([
      expect.objectContaining({ line: 2, field: 'dayActivities', column: columnLetter(CSV_HEADERS.indexOf('dayActivities')), message: expect.stringContaining('on-site, nearby, none') }),
    ]);
  });

  it('reads the residents\' ages beside the admission ages, refusing them the wrong way round', () => {
    const csv = withCell(withCell(exported(), 2, 'residentsMinAge', '18'), 2, 'residentsMaxAge', '30');
    expect(readHousingFormsCsv(csv, TODAY)).toMatchObject({ ok: true, rows: [{ housingForm: { residentsMinAge: 18, residentsMaxAge: 30 } }, {}] });
    const reversed = withCell(withCell(exported(), 2, 'residentsMinAge', '30'), 2, 'residentsMaxAge', '18');
    expect(readHousingFormsCsv(reversed, TODAY)).toMatchObject({ ok: false, problems: [{ line: 2, field: 'residentsMaxAge' }] });
  });

  it('refuses a header that is not the export\'s, and the same housing form twice', () => {
    const renamed = exported().replace(';capacity;', ';capaciteit;');
    expect(readHousingFormsCsv(renamed, TODAY)).toMatchObject({
      ok: false,
      problems: [{ line: 1, field: 'capaciteit' }, { line: 1, message: expect.stringContaining('capacity') }],
    });
    const lines = exported().split('\r\n');
    const twice = [lines[0], lines[1], lines[1], ''].join('\r\n');
    expect(readHousingFormsCsv(twice, TODAY)).toMatchObject({ ok: false, problems: [{ line: 3, message: expect.stringContaining('line 2') }] });
  });

  it('says what is wrong with a file that is not CSV at all', () => {
    expect(readHousingFormsCsv('', TODAY)).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    const unclosed = `${CSV_HEADERS.join(';')}\n"de-linde;x\n`;
    expect(readHousingFormsCsv(unclosed, TODAY)).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('cannot be read') }] });
  });

  it('names columns as a spreadsheet does', () => {
    expect([0, 25, 26, 27, 51, 52].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

function withCellOnLastLine(csv: string, header: string, value: string): string {
  const lines = csv.split('\r\n');
  const last = lines.length - 2;
  const cells = (lines[last] as string).split(';');
  cells[CSV_HEADERS.indexOf(header)] = value;
  lines[last] = cells.join(';');
  return lines.join('\r\n');
}
