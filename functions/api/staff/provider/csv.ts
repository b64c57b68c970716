// /api/provider/organizations/{id}/housing-forms/csv: a large provider's housing forms as one
// spreadsheet. The export is the organisation's housing forms as a CSV for Dutch Excel; an edited
// file is first planned (the dry run: what each row would change, or every problem by line and
// column), then applied all or nothing, planned again against the listing as it is then, so a
// change made between the dry run and applying is never overwritten (functions/listings/housing-form-csv*.ts).
import * as z from 'zod';
import { HousingFormSchema, Slug, VersionSchema } from '../../../../shared/domain/index.ts';
import { readHousingFormsCsv, writeHousingFormsCsv, type CsvProblem } from '../../../listings/housing-form-csv.ts';
import { planHousingFormChanges, type CsvPlan, type StoredHousingForm } from '../../../listings/housing-form-csv-plan.ts';
import { MAX_BULK_CHANGES, type BulkHousingFormChange, type ChangeContext } from '../../../store/provider-listing-store.ts';
import { createResourceApp, MAX_BODY_BYTES } from '../../app-factory.ts';
import { CsvRejectedError, NotFoundError } from '../../errors.ts';
import { apiRoute, json } from '../../openapi-route.ts';
import type { StaffDeps, StaffEnv } from '../context.ts';
import { conflict, OrganizationParams, providerCaller, providerProblems } from './schemas.ts';

const CsvUpload = z.strictObject({
  csv: z.string().min(1).max(MAX_BODY_BYTES).describe('The whole file as text (UTF-8), as exported and edited: semicolons or commas, with or without a byte-order mark.'),
});

const ProblemSchema = z.object({
  line: z.number().int().describe('The line of the file (1 is the header).'),
  column: z.string().optional().describe('The spreadsheet\'s column letter (A, B, … AA).'),
  field: z.string().optional().describe('The column\'s header.'),
  message: z.string(),
});
const ChangeSchema = z.object({
  line: z.number().int(),
  locationId: Slug,
  housingFormId: Slug,
  kind: z.enum(['unchanged', 'updated', 'created']),
  fields: z.array(z.object({ field: z.string(), before: z.unknown().optional(), after: z.unknown().optional() })).optional()
    .describe('For an update: each changed column, before and after.'),
});
const CountsSchema = z.object({ unchanged: z.number().int(), updated: z.number().int(), created: z.number().int() });
const PlanSchema = z.union([
  z.object({ ok: z.literal(true), changes: z.array(ChangeSchema), counts: CountsSchema }),
  z.object({ ok: z.literal(false), problems: z.array(ProblemSchema) }),
]);
const AppliedSchema = z.object({
  counts: CountsSchema,
  housingForms: z.array(z.object({ locationId: Slug, housingForm: HousingFormSchema, version: VersionSchema })).describe('Each changed housing form as saved.'),
});

/** The organisation's housing forms as stored now, and its locations (a 404 for an unknown organisation). */
async function storedForms(deps: StaffDeps, organizationId: string) {
  const listing = await deps.providerListings.readListing(organizationId);
  if (!listing) throw NotFoundError.of(`Organisation "${organizationId}"`);
  const stored: StoredHousingForm[] = listing.locations.flatMap(({ location, housingForms }) =>
    housingForms.map((form) => ({ locationId: location.id, housingForm: form.value, version: form.version })));
  return { listing, stored, locationIds: new Set(listing.locations.map(({ location }) => location.id)) };
}

async function planUpload(deps: StaffDeps, organizationId: string, csv: string, ctx: ChangeContext): Promise<CsvPlan> {
  const read = readHousingFormsCsv(csv, ctx.now.toISOString().slice(0, 10));
  if (!read.ok) return read;
  const { stored, locationIds } = await storedForms(deps, organizationId);
  const plan = planHousingFormChanges(read.rows, stored, locationIds, ctx.now);
  if (!plan.ok) return plan;
  const changed = plan.changes.filter((c) => c.kind !== 'unchanged').length;
  if (changed > MAX_BULK_CHANGES) {
    const problem: CsvProblem = { line: 1, message: `The file changes ${changed} housing forms; one upload changes at most ${MAX_BULK_CHANGES}. Split it in parts.` };
    return { ok: false, problems: [problem] };
  }
  return plan;
}

function countsOf(plan: Extract<CsvPlan, { ok: true }>) {
  const count = (kind: string) => plan.changes.filter((c) => c.kind === kind).length;
  return { unchanged: count('unchanged'), updated: count('updated'), created: count('created') };
}

export const csvApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/organizations/{organizationId}/housing-forms/csv',
      operationId: 'exportHousingFormsCsv',
      summary: 'The organisation\'s housing forms as a CSV file',
      description:
        'One row per housing form, one column per field of the import format, plus `locationId` and `version` (keep both as they are). ' +
        'Semicolons and a byte-order mark, as Dutch Excel expects. Yes/no facts are `ja`, `nee`, or empty for unknown; a list cell ' +
        'holds codes separated by commas, `-` for none, or is empty for unknown.',
      request: { params: OrganizationParams },
      responses: {
        200: { description: 'The CSV file.', content: { 'text/csv': { schema: z.string() } } },
        ...providerProblems,
      },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { listing } = await storedForms(c.var.deps, organizationId);
      const rows = [...listing.locations]
        .sort((a, b) => a.location.name.localeCompare(b.location.name, 'nl') || a.location.id.localeCompare(b.location.id))
        .flatMap(({ location, housingForms }) => [...housingForms]
          .sort((a, b) => a.value.name.localeCompare(b.value.name, 'nl') || a.value.id.localeCompare(b.value.id))
          .map((form) => ({ locationId: location.id, housingForm: form.value, version: form.version })));
      const name = `${organizationId}-woonvormen-${ctx.now.toISOString().slice(0, 10)}.csv`;
      return c.body(writeHousingFormsCsv(rows), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${name}"`,
        'cache-control': 'no-store',
      });
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/organizations/{organizationId}/housing-forms/csv/plan',
      operationId: 'planHousingFormsCsv',
      summary: 'What an edited CSV file would change (a dry run: nothing is written)',
      description:
        'Each row compared with the housing form as stored now: unchanged, updated (each changed column, before and after) or created. ' +
        `A file with any problem (a bad cell, a stale version, an unknown location) lists them all by line and column. At most ${MAX_BULK_CHANGES} housing forms change per upload.`,
      request: { params: OrganizationParams, body: { required: true, ...json(CsvUpload, 'The edited file.') } },
      responses: { 200: json(PlanSchema, 'The plan, or the file\'s problems.'), ...providerProblems },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const plan = await planUpload(c.var.deps, organizationId, c.req.valid('json').csv, ctx);
      if (!plan.ok) return c.json({ ok: false as const, problems: plan.problems }, 200);
      const changes = plan.changes.map((change) => ({
        line: change.line, locationId: change.locationId, housingFormId: change.housingFormId, kind: change.kind,
        ...(change.kind === 'updated' ? { fields: change.fields } : {}),
      }));
      return c.json({ ok: true as const, changes, counts: countsOf(plan) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/organizations/{organizationId}/housing-forms/csv/apply',
      operationId: 'applyHousingFormsCsv',
      summary: 'Applies an edited CSV file, all or nothing',
      description:
        'Planned again against the listing as it is now, then every change written in one transaction with its audit records. ' +
        'A file with any problem changes nothing: a 400 `csv_problems` lists them by line and column.',
      request: { params: OrganizationParams, body: { required: true, ...json(CsvUpload, 'The edited file.') } },
      responses: {
        200: json(AppliedSchema, 'What was changed.'),
        ...providerProblems,
        409: conflict(z.unknown(), 'A housing form was changed while the file was applied (`version_conflict`): plan again.'),
      },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const plan = await planUpload(c.var.deps, organizationId, c.req.valid('json').csv, ctx);
      if (!plan.ok) throw new CsvRejectedError(plan.problems);
      const changes = plan.changes.flatMap((change): BulkHousingFormChange[] => {
        if (change.kind === 'updated') return [{ kind: 'update', locationId: change.locationId, housingForm: change.housingForm, expectedVersion: change.version }];
        if (change.kind === 'created') return [{ kind: 'create', locationId: change.locationId, housingForm: change.housingForm }];
        return [];
      });
      const saved = await c.var.deps.providerListings.applyHousingFormChanges(organizationId, changes, ctx);
      return c.json({
        counts: countsOf(plan),
        housingForms: saved.map((form, i) => ({ locationId: changes[i]?.locationId ?? '', housingForm: form.value, version: form.version })),
      }, 200);
    },
  );
