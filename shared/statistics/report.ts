// The demand-against-supply report of a region, as the coordinator's API answers it and the CSV
// and the dashboard show it: per criterion and value, how often it was asked as a must and as
// important against how many housing forms satisfy it and have a place within 3 months, the
// largest gaps first; and the same asks per month and per municipality. Every demand figure is
// built from published cells only and published itself (demand.ts explains why that keeps a small
// count from being derived by subtraction). Supply figures are exact: they count housing forms of
// the public directory, not people.
import type { Criterion, CriterionName } from '../domain/index.ts';
import type { MatchCandidate } from '../matching/candidate.ts';
import { NO_MUNICIPALITY, publish, publishable, type DemandCell, type PublishedCount } from './demand.ts';
import { criterionOfKey, supplyCounter, type Supply } from './supply.ts';

export interface DemandReportRow {
  criterion: CriterionName;
  /** The code or age asked for; absent for a yes/no criterion. */
  value?: string;
  must: PublishedCount;
  important: PublishedCount;
  /** Must and important together. */
  asked: PublishedCount;
  supply: Supply;
  /**
   * Asked (as published) minus the housing forms with a place within 3 months: how far the places
   * people can get soon fall short of how often it was asked. Negative when supply exceeds it.
   */
  gap: number;
}

export interface DemandReport {
  rows: DemandReportRow[];
  months: Array<{ month: string; asked: PublishedCount }>;
  /** The municipalities people asked from, with published asks only (a municipality whose every count is small is left out). */
  municipalities: Array<{ code: string; asked: PublishedCount }>;
}

export interface DemandReportInput {
  cells: ReadonlyArray<DemandCell & { count: number }>;
  months: readonly string[];
  /** Only asks from this municipality (CBS code, or NO_MUNICIPALITY); undefined for all. */
  municipality?: string;
  candidates: readonly MatchCandidate[];
  asOf: Date;
}


function addTo<K>(map: Map<K, number>, key: K, n: number) {
  map.set(key, (map.get(key) ?? 0) + n);
}

export function buildDemandReport(input: DemandReportInput): DemandReport {
  // Only must and important are asks against supply; `nice` is kept in the counters but not shown.
  const asked = input.cells.filter((c) => c.importance === 'must' || c.importance === 'important');
  const perMunicipality = new Map<string, number>();
  for (const cell of asked) addTo(perMunicipality, cell.municipality, publishable(cell.count));
  const inScope = asked.filter((c) => input.municipality === undefined || c.municipality === input.municipality);

  const perMonth = new Map<string, number>();
  const perRow = new Map<string, { criterion: CriterionName; value: string; must: number; important: number }>();
  for (const cell of inScope) {
    const n = publishable(cell.count);
    addTo(perMonth, cell.month, n);
    const key = `${cell.criterion}\u0000${cell.value}`;
    const row = perRow.get(key) ?? { criterion: cell.criterion, value: cell.value, must: 0, important: 0 };
    row[cell.importance as 'must' | 'important'] += n;
    perRow.set(key, row);
  }

  const supplyOf = supplyCounter(input.candidates, input.asOf);
  const rows: DemandReportRow[] = [];
  for (const row of perRow.values()) {
    const total = row.must + row.important;
    // A row whose every cell is small would only say that someone asked it: left out.
    if (total === 0) continue;
    const criterion: Criterion | undefined = criterionOfKey(row.criterion, row.value);
    if (!criterion) continue;
    const supply = supplyOf(criterion);
    rows.push({
      criterion: row.criterion,
      ...(row.value === '' ? {} : { value: row.value }),
      must: publish(row.must),
      important: publish(row.important),
      asked: publish(total),
      supply,
      gap: total - supply.placeWithin3Months,
    });
  }
  rows.sort((a, b) => b.gap - a.gap || a.criterion.localeCompare(b.criterion) || (a.value ?? '').localeCompare(b.value ?? ''));

  return {
    rows,
    months: input.months.map((month) => ({ month, asked: publish(perMonth.get(month) ?? 0) })),
    municipalities: [...perMunicipality.entries()]
      .filter(([, n]) => n > 0)
      .sort(([a, x], [b, y]) => y - x || (a === NO_MUNICIPALITY ? 1 : b === NO_MUNICIPALITY ? -1 : a.localeCompare(b)))
      .map(([code, n]) => ({ code, asked: publish(n) })),
  };
}

