// A region's demand against its supply, for the region's coordinators:
//   GET /api/coordinator/regions/{regionId}/demand       (JSON, the dashboard's data)
//   GET /api/coordinator/regions/{regionId}/demand/csv   (the same rows as a spreadsheet)
// Both read the anonymous counters every match adds (shared/statistics/demand.ts) over a range of
// months, optionally for one municipality, and set them against the region's housing forms as the
// matcher reads them (shared/statistics/report.ts). A count below 5 leaves as "<5", never as its number.
import * as z from 'zod';
import { stringify } from 'csv-stringify/sync';
import { CRITERION_NAMES, Slug } from '../../../../shared/domain/index.ts';
import { municipalityName } from '../../../../shared/geo/pc4-municipality.ts';
import {
  MONTH_PATTERN, NO_MUNICIPALITY, SMALL_COUNT, STATISTICS_KEPT_MONTHS, monthOf, monthsBetween,
} from '../../../../shared/statistics/demand.ts';
import { buildDemandReport } from '../../../../shared/statistics/report.ts';
import { createResourceApp } from '../../app-factory.ts';
import { NotFoundError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import { requireMembership, type StaffDeps, type StaffEnv } from '../context.ts';

const Month = z.string().regex(MONTH_PATTERN, { message: 'A month is written YYYY-MM, e.g. 2026-11.' });
const Municipality = z.union([
  z.string().regex(/^GM[0-9]{4}$/, { message: 'A municipality is its CBS code, e.g. GM0935, or "unknown".' }),
  z.literal(NO_MUNICIPALITY),
]);

const DemandParams = z.object({ regionId: Slug });
const DemandQuery = z.strictObject({
  from: Month.optional().describe('The first month (YYYY-MM, UTC); the current month when left out.'),
  to: Month.optional().describe('The last month (YYYY-MM, UTC), at most 36 months from `from` on; `from` when left out, else the current month.'),
  municipality: Municipality.optional().describe('Only asks from this municipality (CBS code), or "unknown" for asks without a known postcode area.'),
});

const Count = z.union([z.number().int().min(5), z.literal(SMALL_COUNT)])
  .describe('A count of 5 or more, or "<5": a smaller count is never given, nor added into any other figure.');
const SupplySchema = z.object({
  satisfying: z.number().int().min(0).describe('The region\'s housing forms known to satisfy the criterion.'),
  placeWithin3Months: z.number().int().min(0).describe('Of those, the ones whose current waiting list has a place now or within 3 months.'),
});
const DemandRowSchema = z.object({
  criterion: z.enum(CRITERION_NAMES),
  value: z.string().optional().describe('The code or age asked for; absent for a yes/no criterion.'),
  must: Count,
  important: Count,
  asked: Count.describe('Must and important together.'),
  supply: SupplySchema,
  gap: z.number().int().describe('`asked` minus `supply.placeWithin3Months`; the rows come largest gap first.'),
});
const DemandReportSchema = z.object({
  regionId: Slug,
  from: Month,
  to: Month,
  municipality: Municipality.optional(),
  asOf: z.iso.datetime().describe('The moment the supply was counted for (waiting lists older than 30 days count as unknown).'),
  rows: z.array(DemandRowSchema),
  months: z.array(z.object({ month: Month, asked: Count })),
  municipalities: z.array(z.object({ code: Municipality, name: z.string().optional(), asked: Count }))
    .describe('Where people asked from, over the whole range; a municipality whose every count is below 5 is left out.'),
});
type DemandReportBody = z.infer<typeof DemandReportSchema>;

/** One month given stands for both ends; none is the current month. */
function monthRange(query: z.infer<typeof DemandQuery>, now: Date) {
  const current = monthOf(now);
  return { from: query.from ?? query.to ?? current, to: query.to ?? query.from ?? current };
}

const RangeQuery = DemandQuery.superRefine((query, ctx) => {
  if (query.from === undefined || query.to === undefined) return;
  if (query.from > query.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last month comes before the first.' });
  } else if (monthsBetween(query.from, query.to).length > STATISTICS_KEPT_MONTHS) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `At most ${STATISTICS_KEPT_MONTHS} months at a time.` });
  }
});

async function demandReport(deps: StaffDeps, regionId: string, query: z.infer<typeof DemandQuery>): Promise<DemandReportBody> {
  const asOf = deps.clock.now();
  const { from, to } = monthRange(query, asOf);
  const months = monthsBetween(from, to);
  const regions = await deps.regions.listRegions();
  if (!regions.some((r) => r.id === regionId)) throw NotFoundError.of(`Region "${regionId}"`);
  const [cells, contents] = await Promise.all([
    deps.demandStatistics.demandCells(regionId, months),
    deps.listings.loadRegion(regionId),
  ]);
  const report = buildDemandReport({ cells, months, municipality: query.municipality, candidates: contents.candidates, asOf });
  return {
    regionId, from, to,
    ...(query.municipality ? { municipality: query.municipality } : {}),
    asOf: asOf.toISOString(),
    rows: report.rows,
    months: report.months,
    municipalities: report.municipalities.map((m) => {
      const name = m.code === NO_MUNICIPALITY ? undefined : municipalityName(m.code);
      return { ...m, ...(name ? { name } : {}) };
    }),
  };
}

const CSV_HEADERS = ['criterium', 'waarde', 'moet', 'belangrijk', 'gevraagd', 'woonvormen die voldoen', 'met plek binnen 3 maanden', 'verschil'];

/** The rows as Dutch Excel opens them (semicolons, a byte-order mark), counts below 5 as "<5". */
function reportCsv(report: DemandReportBody): string {
  const rows = report.rows.map((r) => [
    r.criterion, r.value ?? '', String(r.must), String(r.important), String(r.asked),
    String(r.supply.satisfying), String(r.supply.placeWithin3Months), String(r.gap),
  ]);
  return stringify([CSV_HEADERS, ...rows], { delimiter: ';', bom: true, record_delimiter: 'windows' });
}

const errors = {
  400: problem('A month or municipality is not valid, or the range is reversed or longer than 36 months; `fields` names each problem.'),
  401: problem('Nobody is signed in.'),
  403: problem('The caller is no coordinator of this region.'),
  404: problem('No such region.'),
};

const description =
  'For the region\'s coordinators: per criterion and value, how often it was asked as a must and as important in match ' +
  'requests against how many of the region\'s housing forms satisfy it and have a place within 3 months, the largest gap first; ' +
  'and the asks per month and per municipality. Counted anonymously per month and municipality; a count below 5 is given as "<5" ' +
  'and is left out of every total, so no figure minus another gives it.';

export const coordinatorDemandApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/coordinator/regions/{regionId}/demand',
      operationId: 'regionDemand',
      summary: 'A region\'s demand against its supply',
      description,
      request: { params: DemandParams, query: RangeQuery },
      responses: { 200: json(DemandReportSchema, 'The report for the months (and municipality) asked.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const report = await demandReport(c.var.deps, regionId, c.req.valid('query'));
      c.header('cache-control', 'no-store');
      return c.json(report, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/coordinator/regions/{regionId}/demand/csv',
      operationId: 'regionDemandCsv',
      summary: 'A region\'s demand against its supply, as CSV',
      description: `${description} The rows of the JSON report, one per criterion and value, for Dutch Excel (semicolons, UTF-8 with a byte-order mark).`,
      request: { params: DemandParams, query: RangeQuery },
      responses: { 200: { description: 'The CSV file.', content: { 'text/csv': { schema: z.string() } } }, ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const report = await demandReport(c.var.deps, regionId, c.req.valid('query'));
      const scope = report.municipality ? `-${report.municipality}` : '';
      const name = `${regionId}-vraag-en-aanbod-${report.from}-${report.to}${scope}.csv`;
      return c.body(reportCsv(report), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      });
    },
  );
