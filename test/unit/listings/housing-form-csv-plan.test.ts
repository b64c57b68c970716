import { describe, expect, it } from 'vitest';
import { readHousingFormsCsv, writeHousingFormsCsv, type HousingFormRow } from '../../../functions/listings/housing-form-csv.ts';
import { planHousingFormChanges, type StoredHousingForm } from '../../../functions/listings/housing-form-csv-plan.ts';
import { HousingFormSchema, type HousingForm } from '../../../shared/domain/index.ts';
import { housingForm } from '../../fixtures/listing.ts';

const NOW = new Date('2026-12-03T10:00:00.000Z');
const LOCATION = 'de-linde-maastricht';
const form = (overrides: Parameters<typeof housingForm>[0] = {}): HousingForm => HousingFormSchema.parse(housingForm(overrides));

const stored: StoredHousingForm[] = [
  { locationId: LOCATION, housingForm: form(), version: 4 },
  { locationId: LOCATION, housingForm: form({ id: 'zorgappartement', name: 'Zorgappartementen', type: 'care-apartment' }), version: 2 },
];
const locations = new Set([LOCATION]);

/** The rows an export of `stored` reads back as, edited by `edit`. */
function roundTrip(edit: (rows: HousingFormRow[]) => HousingFormRow[] = (rows) => rows): HousingFormRow[] {
  const read = readHousingFormsCsv(writeHousingFormsCsv(stored), '2026-12-03');
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return edit(read.rows);
}

describe('planning a CSV upload (the dry run)', () => {
  it('finds nothing to do in an export uploaded as it was', () => {
    const plan = planHousingFormChanges(roundTrip(), stored, locations, NOW);
    expect(plan).toEqual({
      ok: true,
      changes: [
        { line: 2, locationId: LOCATION, housingFormId: 'kleinschalig-wonen', kind: 'unchanged' },
        { line: 3, locationId: LOCATION, housingFormId: 'zorgappartement', kind: 'unchanged' },
      ],
    });
  });

  it('lists each changed field before and after, and dates a changed waiting list now', () => {
    const rows = roundTrip(([first, second]) => [
      { ...first!, housingForm: { ...first!.housingForm, groupSize: 8, pets: false, waitingList: { ...first!.housingForm.waitingList, status: 'available', placesAvailable: 1 } } },
      second!,
    ]);
    const plan = planHousingFormChanges(rows, stored, locations, NOW);
    expect(plan.ok && plan.changes[0]).toEqual({
      line: 2,
      locationId: LOCATION,
      housingFormId: 'kleinschalig-wonen',
      kind: 'updated',
      version: 4,
      housingForm: expect.objectContaining({ groupSize: 8, waitingList: { status: 'available', weeks: 6, placesAvailable: 1, updatedAt: NOW.toISOString() } }),
      fields: [
        { field: 'groupSize', before: 7, after: 8 },
        { field: 'pets', after: false },
        { field: 'waitingList.status', before: 'short', after: 'available' },
        { field: 'waitingList.placesAvailable', after: 1 },
        { field: 'waitingList.updatedAt', before: '2026-11-10', after: NOW.toISOString() },
      ],
    });
  });

  it('keeps the stored date of a waiting list the file leaves alone, whatever the date column says', () => {
    const rows = roundTrip(([first, second]) => [
      { ...first!, housingForm: { ...first!.housingForm, waitingList: { ...first!.housingForm.waitingList, updatedAt: '2030-01-01' } } },
      second!,
    ]);
    expect(planHousingFormChanges(rows, stored, locations, NOW)).toMatchObject({ ok: true, changes: [{ kind: 'unchanged' }, { kind: 'unchanged' }] });
  });

  it('adds a row without a version as a new housing form', () => {
    const rows = roundTrip((rows) => [...rows, { line: 4, locationId: LOCATION, housingForm: form({ id: 'logeerhuis', name: 'Logeren', type: 'respite' }) }]);
    const plan = planHousingFormChanges(rows, stored, locations, NOW);
    expect(plan.ok && plan.changes[2]).toMatchObject({ line: 4, kind: 'created', housingFormId: 'logeerhuis' });
  });

  it('refuses a row based on an older export, naming its line and the version column', () => {
    const newer = stored.map((s, i) => (i === 0 ? { ...s, version: 5 } : s));
    expect(planHousingFormChanges(roundTrip(), newer, locations, NOW)).toEqual({
      ok: false,
      problems: [{ line: 2, column: 'AG', field: 'version', message: expect.stringContaining('after your export') }],
    });
  });

  it('refuses another organisation\'s location, a version without its housing form, and an existing form without version', () => {
    const rows = roundTrip(([first, second]) => [
      { ...first!, locationId: 'elders' },
      { ...second!, housingForm: { ...second!.housingForm, id: 'weg' } },
      { line: 4, locationId: LOCATION, housingForm: form() },
    ]);
    const plan = planHousingFormChanges(rows, stored, locations, NOW);
    expect(plan).toMatchObject({
      ok: false,
      problems: [
        { line: 2, column: 'A', field: 'locationId' },
        { line: 3, column: 'B', field: 'id' },
        { line: 4, field: 'version' },
      ],
    });
  });
});
