// GET /api/provider/organizations/{id}/unknown-in-results?month=YYYY-MM: for the organisation's
// admins, per field of their listing, in how many match results of a month the field was unknown
// ("dit veld was in N matchresultaten deze maand onbekend"), so they see which gaps cost them
// answers. Read from the anonymous counters every match adds (shared/statistics/demand.ts); a
// count below 5 leaves as "<5".
import * as z from 'zod';
import { CRITERIA, CRITERION_NAMES, optionalFieldsOf } from '../../../../shared/domain/index.ts';
import { MONTH_PATTERN, SMALL_COUNT, monthOf, publish, publishable } from '../../../../shared/statistics/demand.ts';
import { createResourceApp } from '../../app-factory.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import { requireMembership, type StaffEnv } from '../context.ts';
import { OrganizationParams } from './schemas.ts';

const Query = z.strictObject({
  month: z.string().regex(MONTH_PATTERN, { message: 'A month is written YYYY-MM, e.g. 2026-11.' }).optional()
    .describe('The month (YYYY-MM, UTC); the current month when left out.'),
});
const Count = z.union([z.number().int().min(5), z.literal(SMALL_COUNT)]);
const UnknownInResultsSchema = z.object({
  organizationId: z.string(),
  month: z.string(),
  fields: z.array(z.object({
    field: z.string().describe('The listing field, named as in the listing schema (as the attention list names it).'),
    criterion: z.enum(CRITERION_NAMES),
    results: Count.describe('Match results of the organisation that had the criterion unknown; "<5" below 5.'),
  })).describe('Fields unknown in at least one result, most results first.'),
});

export const unknownInResultsApp = createResourceApp<StaffEnv>().openapi(
  apiRoute({
    method: 'get',
    path: '/organizations/{organizationId}/unknown-in-results',
    operationId: 'unknownInResults',
    summary: 'How often each field was unknown in the organisation\'s match results',
    description:
      'For the organisation\'s admins: per field of the listing, in how many match results (results and near misses shown to ' +
      'people) of the month a criterion reading it was unknown. Counted anonymously; a count below 5 is given as "<5".',
    request: { params: OrganizationParams, query: Query },
    responses: {
      200: json(UnknownInResultsSchema, 'The counts of the month.'),
      400: problem('The month is not valid; `fields` names the problem.'),
      401: problem('Nobody is signed in.'),
      403: problem('The caller is no admin of this organisation.'),
    },
  }),
  async (c) => {
    const { organizationId } = c.req.valid('param');
    requireMembership(c.var.identity, { role: 'provider-admin', organizationId });
    const month = c.req.valid('query').month ?? monthOf(c.var.deps.clock.now());
    const cells = await c.var.deps.demandStatistics.unknownCells(organizationId, month);
    const fields = cells
      .sort((a, b) => publishable(b.count) - publishable(a.count) || a.criterion.localeCompare(b.criterion))
      .flatMap((cell) => optionalFieldsOf(CRITERIA[cell.criterion].reads).map((field) => ({ field, criterion: cell.criterion, results: publish(cell.count) })));
    c.header('cache-control', 'no-store');
    return c.json({ organizationId, month, fields }, 200);
  },
);
