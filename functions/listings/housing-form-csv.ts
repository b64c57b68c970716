// The CSV form of an organisation's housing forms, for large providers who edit in a spreadsheet:
// one row per housing form, one column per field of the import format (docs/domain.md), plus the
// location it belongs to and the version it was exported at (so an upload based on an old export is
// a conflict, not an overwrite). Written with a semicolon and a byte-order mark, as Dutch Excel
// expects; read with either separator, with or without the mark. Parsing is csv-parse's; this module
// only maps cells to fields and names every bad cell by its line and column.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import * as z from 'zod';
import {
  CARE_PROFILES, COMMUNITIES, CULTURES, DELIVERY_FORMS, HOUSING_TYPES, LANGUAGES, SECTORS, TARGET_GROUPS,
  WAITING_LIST_STATUSES, WORLDVIEWS,
} from '../../shared/domain/codes.ts';
import { CODED_FACTS, CODED_FACT_FIELDS, HOUSING_FORM_FLAG_FIELDS } from '../../shared/domain/criterion-registry.ts';
import { HousingFormSchema, Slug, type HousingForm } from '../../shared/domain/index.ts';

/** One housing form as a CSV row holds it. */
export interface HousingFormRow {
  /** The line of the file the row starts on (1 is the header). */
  line: number;
  locationId: string;
  /** The version the row was exported at; absent for a new housing form. */
  version?: number;
  housingForm: HousingForm;
}

/** A cell (or the header) that cannot be read: where, and what is wrong, in words a person can act on. */
export interface CsvProblem {
  line: number;
  /** The spreadsheet's column letter (A, B, … AA), absent for a problem of the whole row or file. */
  column?: string;
  /** The column's header. */
  field?: string;
  message: string;
}

export type CsvReadResult = { ok: true; rows: HousingFormRow[] } | { ok: false; problems: CsvProblem[] };

/** An upload larger than this is refused before parsing: far above any provider's housing forms. */
export const MAX_CSV_ROWS = 5000;
export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** Yes/no cells; empty is unknown, which is not no. */
const YES = 'ja';
const NO = 'nee';
/** A list cell holding this says "none of these" (an empty list, which is complete); empty is unknown. */
const NONE = '-';
const LIST_SEPARATOR = ', ';

type CellKind =
  | { kind: 'text' }
  | { kind: 'integer' }
  | { kind: 'code'; codes: readonly string[]; yesNo?: true }
  | { kind: 'codes'; codes: readonly string[] }
  | { kind: 'flag' };

interface Column {
  header: string;
  cell: CellKind;
  read(form: HousingForm): unknown;
}

const text: CellKind = { kind: 'text' };
const integer: CellKind = { kind: 'integer' };
const codes = (list: readonly string[]): CellKind => ({ kind: 'codes', codes: list });
const code = (list: readonly string[]): CellKind => ({ kind: 'code', codes: list });
/** A coded fact that was yes/no before: an older export's "ja" / "nee" still reads (the listing schema maps it). */
const codedFactCell = (list: readonly string[]): CellKind => ({ kind: 'code', codes: list, yesNo: true });

/** A column holding a top-level field of the housing form, under the field's own name. */
const field = <K extends keyof HousingForm>(key: K, cell: CellKind): Column => ({ header: key, cell, read: (form) => form[key] });
const waiting = <K extends keyof HousingForm['waitingList']>(key: K, cell: CellKind): Column => ({
  header: `waitingList.${key}`,
  cell,
  read: (form) => form.waitingList[key],
});

const LOCATION_ID = 'locationId';
const VERSION = 'version';

/** The housing form's columns in file order; every field of the schema has one (a unit test holds this). */
const FORM_COLUMNS: readonly Column[] = [
  field('id', text),
  field('name', text),
  field('type', code(HOUSING_TYPES)),
  field('sectors', codes(SECTORS)),
  field('careProfiles', codes(CARE_PROFILES)),
  field('deliveryForms', codes(DELIVERY_FORMS)),
  field('targetGroups', codes(TARGET_GROUPS)),
  field('worldview', code(WORLDVIEWS)),
  field('cultures', codes(CULTURES)),
  field('communities', codes(COMMUNITIES)),
  field('languages', codes(LANGUAGES)),
  field('capacity', integer),
  field('groupSize', integer),
  field('minAge', integer),
  field('maxAge', integer),
  field('residentsMinAge', integer),
  field('residentsMaxAge', integer),
  ...HOUSING_FORM_FLAG_FIELDS.map((flag) => field(flag, { kind: 'flag' })),
  ...CODED_FACT_FIELDS.map((fact) => field(fact, codedFactCell(CODED_FACTS[fact].codes))),
  field('description', text),
  waiting('status', code(WAITING_LIST_STATUSES)),
  waiting('weeks', integer),
  waiting('placesAvailable', integer),
  waiting('updatedAt', text),
];

/** Every header of the file, in order. */
export const CSV_HEADERS: readonly string[] = [LOCATION_ID, ...FORM_COLUMNS.map((c) => c.header), VERSION];

function writeCell(cell: CellKind, value: unknown): string {
  if (value === undefined) return '';
  switch (cell.kind) {
    case 'flag':
      return value ? YES : NO;
    case 'codes':
      return (value as string[]).length === 0 ? NONE : (value as string[]).join(LIST_SEPARATOR);
    default:
      return String(value);
  }
}

/** The organisation's housing forms as a CSV file for Dutch Excel (semicolons, byte-order mark). */
export function writeHousingFormsCsv(rows: ReadonlyArray<{ locationId: string; housingForm: HousingForm; version: number }>): string {
  const records = rows.map(({ locationId, housingForm, version }) => [
    locationId,
    ...FORM_COLUMNS.map((column) => writeCell(column.cell, column.read(housingForm))),
    String(version),
  ]);
  // csv-stringify quotes a cell holding the record delimiter (\r\n) but not a lone \n: quote every line break.
  return stringify([CSV_HEADERS as string[], ...records], { delimiter: ';', bom: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ });
}

/** The spreadsheet's name of a 0-based column: A … Z, AA … */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A cell's value as the schema wants it, or the problem with it. */
function readCell(cell: CellKind, raw: string): { value: unknown } | { problem: string } {
  const value = raw.trim();
  if (value === '') return { value: undefined };
  switch (cell.kind) {
    case 'text':
      return { value };
    case 'integer':
      return /^-?[0-9]+$/.test(value) ? { value: Number(value) } : { problem: `Write a whole number, e.g. 12 (not "${value}").` };
    case 'flag': {
      const answer = value.toLowerCase();
      if (answer === YES) return { value: true };
      if (answer === NO) return { value: false };
      return { problem: `Write "${YES}", "${NO}", or leave the cell empty when unknown (not "${value}").` };
    }
    case 'code':
      if (cell.yesNo && [YES, NO].includes(value.toLowerCase())) return { value: value.toLowerCase() === YES };
      return cell.codes.includes(value) ? { value } : { problem: unknownCode(value, cell.codes) };
    case 'codes': {
      if (value === NONE) return { value: [] };
      const items = value.split(',').map((item) => item.trim()).filter((item) => item !== '');
      const unknown = items.find((item) => !cell.codes.includes(item));
      return unknown === undefined ? { value: items } : { problem: unknownCode(unknown, cell.codes) };
    }
  }
}

function unknownCode(value: string, known: readonly string[]): string {
  const shown = known.length <= 12 ? `: ${known.join(', ')}` : ' (see docs/domain.md)';
  return `"${value}" is not one of the codes${shown}.`;
}

/** The separator a file uses, read from its header line (no header name holds either). */
function separatorOf(content: string): ';' | ',' {
  const firstLine = content.slice(0, content.search(/\r?\n|$/));
  return firstLine.includes(';') ? ';' : ',';
}

/**
 * Reads an uploaded file: every row a valid housing form, or every problem found (all of them, so a
 * person fixes the file in one go), each named by line and column. `today` fills an empty
 * `waitingList.updatedAt` of a new row.
 */
export function readHousingFormsCsv(content: string, today: string): CsvReadResult {
  if (Buffer.byteLength(content, 'utf8') > MAX_CSV_BYTES) {
    return { ok: false, problems: [{ line: 1, message: `The file is larger than ${MAX_CSV_BYTES / 1024 / 1024} MB.` }] };
  }
  // One kind of line break: csv-parse counts a quoted \r\n as two lines, which would shift every line named after it.
  const normalised = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    records = parse(normalised, {
      delimiter: separatorOf(normalised),
      info: true,
      skip_empty_lines: true,
      relax_quotes: false,
      to_line: MAX_CSV_ROWS + 2,
      // csv-parse's types do not follow `info: true`, which wraps each record with where it was read.
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch (error) {
    const where = error as { lines?: number; message?: string };
    return { ok: false, problems: [{ line: where.lines ?? 1, message: `The file cannot be read as CSV: ${where.message ?? 'unknown error'}.` }] };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, problems: [{ line: 1, message: 'The file is empty: it needs the header line of an export.' }] };
  if (body.length > MAX_CSV_ROWS) {
    return { ok: false, problems: [{ line: MAX_CSV_ROWS + 2, message: `A file holds at most ${MAX_CSV_ROWS} housing forms.` }] };
  }

  const headerProblems = checkHeader(header.record);
  if (headerProblems.length > 0) return { ok: false, problems: headerProblems };
  const indexOf = new Map(header.record.map((name, i) => [name.trim(), i]));

  const rows: HousingFormRow[] = [];
  const problems: CsvProblem[] = [];
  for (const { record, info } of body) {
    // info.lines is the line the record ends on; a record spanning lines (a quoted line break) starts earlier.
    const line = info.lines - record.reduce((breaks, cell) => breaks + (cell.match(/\n/g)?.length ?? 0), 0);
    const result = readRow(record, indexOf, line, today);
    if ('row' in result) rows.push(result.row);
    else problems.push(...result.problems);
  }
  problems.push(...duplicateRows(rows));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

function checkHeader(names: string[]): CsvProblem[] {
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  names.forEach((raw, i) => {
    const name = raw.trim();
    if (!CSV_HEADERS.includes(name)) {
      problems.push({ line: 1, column: columnLetter(i), field: name, message: `"${name}" is not a column of the export.` });
    } else if (seen.has(name)) {
      problems.push({ line: 1, column: columnLetter(i), field: name, message: `The column "${name}" appears twice.` });
    }
    seen.add(name);
  });
  const missing = CSV_HEADERS.filter((name) => !seen.has(name));
  if (missing.length > 0) problems.push({ line: 1, message: `Columns are missing: ${missing.join(', ')}. Start from an export.` });
  return problems;
}

const VersionCell = z.coerce.number().int().min(0);

function readRow(
  record: string[],
  indexOf: ReadonlyMap<string, number>,
  line: number,
  today: string,
): { row: HousingFormRow } | { problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const at = (header: string) => indexOf.get(header) as number;
  const problem = (header: string, message: string) =>
    problems.push({ line, column: columnLetter(at(header)), field: header, message });
  const cellOf = (header: string) => record[at(header)] ?? '';

  const locationId = cellOf(LOCATION_ID).trim();
  if (!Slug.safeParse(locationId).success) problem(LOCATION_ID, 'Write the id of one of your locations, as in the export.');
  const versionText = cellOf(VERSION).trim();
  let version: number | undefined;
  if (versionText !== '') {
    const parsed = VersionCell.safeParse(versionText);
    if (parsed.success) version = parsed.data;
    else problem(VERSION, 'Leave the version as the export wrote it (empty for a new housing form).');
  }

  const form: Record<string, unknown> = {};
  const waitingList: Record<string, unknown> = {};
  for (const column of FORM_COLUMNS) {
    const read = readCell(column.cell, cellOf(column.header));
    if ('problem' in read) {
      problem(column.header, read.problem);
      continue;
    }
    if (read.value === undefined) continue;
    if (column.header.startsWith('waitingList.')) waitingList[column.header.slice('waitingList.'.length)] = read.value;
    else form[column.header] = read.value;
  }
  if (waitingList.updatedAt === undefined && version === undefined) waitingList.updatedAt = today;
  form.waitingList = waitingList;
  if (problems.length > 0) return { problems };

  const parsed = HousingFormSchema.safeParse(form);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const header = headerOfPath(issue.path);
      if (header && indexOf.has(header)) problem(header, issue.message);
      else problems.push({ line, message: issue.message });
    }
    return { problems };
  }
  return { row: { line, locationId, ...(version === undefined ? {} : { version }), housingForm: parsed.data } };
}

/** The column of a schema path: `['careProfiles', 2]` -> careProfiles, `['waitingList', 'weeks']` -> waitingList.weeks. */
function headerOfPath(path: readonly PropertyKey[]): string | undefined {
  const [first, second] = path;
  if (first === 'waitingList') return typeof second === 'string' ? `waitingList.${second}` : undefined;
  return typeof first === 'string' ? first : undefined;
}

function duplicateRows(rows: readonly HousingFormRow[]): CsvProblem[] {
  const firstLine = new Map<string, number>();
  const problems: CsvProblem[] = [];
  for (const row of rows) {
    const key = `${row.locationId}/${row.housingForm.id}`;
    const first = firstLine.get(key);
    if (first === undefined) firstLine.set(key, row.line);
    else problems.push({ line: row.line, message: `This housing form is also on line ${first}.` });
  }
  return problems;
}
