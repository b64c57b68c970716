// What an uploaded CSV would change, row by row, before anything is written (the dry run), and the
// same plan is what gets applied. A row is compared with the housing form as stored now: unchanged,
// updated (each field before and after) or created. A row based on an older version than the
// stored one, at a location the organisation does not have, or naming a housing form that is not
// there, is a problem of that row: any problem and nothing is applied.
import { isDeepStrictEqual } from 'node:util';
import { datedWaitingList, type HousingForm } from '../../shared/domain/index.ts';
import { columnLetter, CSV_HEADERS, type CsvProblem, type HousingFormRow } from './housing-form-csv.ts';

/** A housing form of the organisation as stored now. */
export interface StoredHousingForm {
  locationId: string;
  housingForm: HousingForm;
  version: number;
}

export interface FieldChange {
  field: string;
  before?: unknown;
  after?: unknown;
}

export type PlannedChange =
  | { line: number; locationId: string; housingFormId: string; kind: 'unchanged' }
  | { line: number; locationId: string; housingFormId: string; kind: 'created'; housingForm: HousingForm }
  | {
      line: number;
      locationId: string;
      housingFormId: string;
      kind: 'updated';
      /** The version the row was exported at, checked again when the change is written. */
      version: number;
      housingForm: HousingForm;
      fields: FieldChange[];
    };

export type CsvPlan = { ok: true; changes: PlannedChange[] } | { ok: false; problems: CsvProblem[] };

const cellOf = (header: string) => ({ column: columnLetter(CSV_HEADERS.indexOf(header)), field: header });

/**
 * The changes the rows make to the organisation's housing forms. `now` dates a waiting list the file
 * changes; one it leaves alone keeps its stored date (the file's date column is for reading only).
 * Housing forms the file leaves out are left as they are: removing one is done on its page.
 */
export function planHousingFormChanges(
  rows: readonly HousingFormRow[],
  stored: readonly StoredHousingForm[],
  locationIds: ReadonlySet<string>,
  now: Date,
): CsvPlan {
  const byKey = new Map(stored.map((s) => [`${s.locationId}/${s.housingForm.id}`, s]));
  const changes: PlannedChange[] = [];
  const problems: CsvProblem[] = [];
  for (const row of rows) {
    const { line, locationId, version } = row;
    const housingFormId = row.housingForm.id;
    if (!locationIds.has(locationId)) {
      problems.push({ line, ...cellOf('locationId'), message: `Your organisation has no location "${locationId}".` });
      continue;
    }
    const current = byKey.get(`${locationId}/${housingFormId}`);
    if (!current) {
      if (version !== undefined) {
        problems.push({ line, ...cellOf('id'), message: `There is no housing form "${housingFormId}" at this location (any more). Leave the version empty to add it as new.` });
      } else {
        changes.push({ line, locationId, housingFormId, kind: 'created', housingForm: row.housingForm });
      }
      continue;
    }
    if (version === undefined) {
      problems.push({ line, ...cellOf('version'), message: 'This housing form exists already: keep the version the export wrote.' });
      continue;
    }
    if (version !== current.version) {
      problems.push({
        line,
        ...cellOf('version'),
        message: `Someone changed this housing form after your export (version ${current.version} now, ${version} in the file). Export again and redo this row.`,
      });
      continue;
    }
    const next: HousingForm = { ...row.housingForm, waitingList: datedWaitingList(current.housingForm.waitingList, row.housingForm.waitingList, now) };
    const fields = changedFields(current.housingForm, next);
    changes.push(
      fields.length === 0
        ? { line, locationId, housingFormId, kind: 'unchanged' }
        : { line, locationId, housingFormId, kind: 'updated', version, housingForm: next, fields },
    );
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, changes };
}

/** Each field that differs, by its CSV header (waiting-list fields as waitingList.status and so on). */
function changedFields(before: HousingForm, after: HousingForm): FieldChange[] {
  const flat = (form: HousingForm): Record<string, unknown> => {
    const { waitingList, ...rest } = form;
    return { ...rest, ...Object.fromEntries(Object.entries(waitingList).map(([key, value]) => [`waitingList.${key}`, value])) };
  };
  const a = flat(before);
  const b = flat(after);
  return CSV_HEADERS.filter((header) => header in a || header in b)
    .filter((header) => !isDeepStrictEqual(a[header], b[header]))
    .map((field) => ({ field, ...(a[field] === undefined ? {} : { before: a[field] }), ...(b[field] === undefined ? {} : { after: b[field] }) }));
}
