// An uploaded spreadsheet's problems in the page's language. The API names each problem's line,
// column and header but words it in English (functions/listings/housing-form-csv*.ts); the kind of
// problem is read from that wording here, in one place, and said in plain words with the field's
// own name. A problem of a kind not known here still shows where it is, with the field's advice.
import { fill } from '../shortlist/dom.ts';
import type { ManagePageData } from './page-data.ts';
import type { CsvProblem } from './staff-api.ts';

type ProblemKind = keyof ManagePageData['texts']['spreadsheet']['problems'];

/** The API's wording of each kind; the first group, when there is one, is the value the text names. */
const KINDS: ReadonlyArray<[RegExp, ProblemKind]> = [
  [/^Write a whole number/, 'wholeNumber'],
  [/^Write "ja", "nee"/, 'yesNo'],
  [/^"(.*)" is not one of the codes/, 'unknownCode'],
  [/^"(.*)" is not a column of the export/, 'unknownColumn'],
  [/^The column ".*" appears twice/, 'twiceColumn'],
  [/^Columns are missing/, 'missingColumns'],
  [/^(Write the id of one of your locations|Your organisation has no location)/, 'location'],
  [/^Leave the version as the export wrote it/, 'version'],
  [/^There is no housing form/, 'notFound'],
  [/^This housing form exists already/, 'exists'],
  [/^Someone changed this housing form after your export/, 'stale'],
  [/^This housing form is also on line (\d+)/, 'duplicate'],
  [/^The file changes \d+ housing forms/, 'tooMany'],
  [/^The file cannot be read as CSV/, 'unreadable'],
  [/^The file is empty/, 'empty'],
];

export interface ProblemInWords {
  /** "Regel 4, kolom T" (or only the line, for a problem of a whole row or file). */
  where: string;
  /** The column's plain name, when the problem is a cell's. */
  field?: string;
  message: string;
}

export function problemInWords(data: ManagePageData, problem: CsvProblem): ProblemInWords {
  const s = data.texts.spreadsheet;
  const where = problem.column
    ? fill(s.where, { line: problem.line, column: problem.column })
    : fill(s.whereLine, { line: problem.line });
  const field = problem.field ? data.fieldLabels[problem.field] ?? problem.field : undefined;
  for (const [pattern, kind] of KINDS) {
    const found = pattern.exec(problem.message);
    if (found) return { where, field, message: fill(s.problems[kind], { value: found[1] ?? '' }) };
  }
  if (problem.message.startsWith('The file is larger')) return { where, field, message: s.tooLarge };
  // A rule of the housing form itself (care profiles that fit no ticked sector, an age range upside down):
  // the field's own advice, as the edit form gives it.
  const advice = problem.field ? (data.texts.fieldErrors as Record<string, string>)[problem.field] : undefined;
  return { where, field, message: advice ?? (problem.field ? s.problems.other : problem.message) };
}
