// The audit trail of a region's listings, for its coordinators:
//   GET /api/coordinator/regions/{regionId}/audit
// Who changed what and when, newest first, filterable by organisation, location, kind of change and
// date range, paged by an opaque cursor. Read from each organisation's trail (the records every
// provider edit and coordinator action writes with the change); each record belongs to the region it
// names (where its location was when it was written), so a location that moved to another region
// shows each region's coordinator only its own time there. It gives the fields
// that changed by name, never their values: listings hold no health data, and the trail repeats none.
import * as z from 'zod';
import { Slug } from '../../../../shared/domain/index.ts';
import { CHANGE_ACTIONS, ORGANIZATION_ACTIONS, type OrganizationListingChange } from '../../../store/provider-listing-store.ts';
import { createResourceApp } from '../../app-factory.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import type { StaffEnv } from '../context.ts';
import { coordinatorOf, regionOrganizations } from './region-organizations.ts';

const ACTIONS = [...CHANGE_ACTIONS, ...ORGANIZATION_ACTIONS] as const;
const DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const Day = z.string().regex(DATE, { message: 'A date is written YYYY-MM-DD, e.g. 2026-11-30.' })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'No such date.' });
/** The cursor is the last record handed out: its time and id, base64url. */
const CURSOR = /^[A-Za-z0-9_-]{1,200}$/;

export const AUDIT_PAGE_SIZE = 50;

const AuditQuery = z.strictObject({
  organizationId: Slug.optional(),
  locationId: Slug.optional(),
  action: z.enum(ACTIONS).optional().describe('The kind of change.'),
  from: Day.optional().describe('The first day (UTC), inclusive.'),
  to: Day.optional().describe('The last day (UTC), inclusive.'),
  limit: z.coerce.number().int().min(1).max(200).optional().describe(`Records per page; ${AUDIT_PAGE_SIZE} when left out.`),
  cursor: z.string().regex(CURSOR, { message: 'Not a cursor this API handed out.' }).optional().describe('`next` of the previous page.'),
}).superRefine((q, ctx) => {
  if (q.from && q.to && q.from > q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'The last day comes before the first.' });
});

const AuditRecordSchema = z.object({
  changeId: z.string(),
  at: z.iso.datetime(),
  by: z.object({ name: z.string() }),
  action: z.enum(ACTIONS),
  organizationId: Slug,
  organizationName: z.string(),
  locationId: Slug.optional(),
  locationName: z.string().optional().describe('As it was named in the change.'),
  housingFormId: Slug.optional(),
  housingFormName: z.string().optional(),
  fields: z.array(z.string()).describe('The fields an update changed, by name (empty for other kinds).'),
  removedLocationIds: z.array(z.string()).optional().describe('For `left-region`: the locations removed with it.'),
});
const AuditPageSchema = z.object({
  records: z.array(AuditRecordSchema),
  next: z.string().optional().describe('The cursor of the next page; absent on the last.'),
});

type Record_ = OrganizationListingChange & { organizationName: string };

/** The top-level fields whose values differ between before and after. */
function changedFields(before: unknown, after: unknown): string[] {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return [];
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .sort();
}

const cursorOf = (r: { at: string; changeId: string }) => Buffer.from(`${r.at}|${r.changeId}`).toString('base64url');
function parseCursor(cursor: string): { at: string; changeId: string } | undefined {
  const [at, changeId, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !changeId || rest.length > 0 || Number.isNaN(Date.parse(at))) return undefined;
  return { at, changeId };
}
/** Newest first; a time shared by several records is ordered by id, so a page boundary never splits or repeats one. */
const after = (r: { at: string; changeId: string }, c: { at: string; changeId: string }) => r.at < c.at || (r.at === c.at && r.changeId < c.changeId);

const nameOf = (value: unknown) => (value && typeof value === 'object' && typeof (value as { name?: unknown }).name === 'string' ? (value as { name: string }).name : undefined);

export const coordinatorAuditApp = createResourceApp<StaffEnv>().openapi(
  apiRoute({
    method: 'get',
    path: '/coordinator/regions/{regionId}/audit',
    operationId: 'regionAuditTrail',
    summary: 'The audit trail of the region\'s listings',
    description:
      'For the region\'s coordinators: who changed what and when in the listings of the region (its locations and housing forms, ' +
      'and organisations admitted to or removed from it), newest first, with the changed fields by name. Filter by organisation, ' +
      `location, kind of change and days (UTC); ${AUDIT_PAGE_SIZE} records a page unless \`limit\` says otherwise, the next page by \`cursor\`.`,
    request: { params: z.object({ regionId: Slug }), query: AuditQuery },
    responses: {
      200: json(AuditPageSchema, 'One page of records.'),
      400: problem('A filter or the cursor is not valid; `fields` names it.'),
      401: problem('Nobody is signed in.'),
      403: problem('The caller is no coordinator of this region.'),
      404: problem('No such region.'),
    },
  }),
  async (c) => {
    const { regionId } = c.req.valid('param');
    const query = c.req.valid('query');
    await coordinatorOf(c, regionId);
    const start = query.cursor === undefined ? undefined : parseCursor(query.cursor);
    if (query.cursor !== undefined && !start) {
      return c.json({ error: { code: 'validation_error', message: 'The request is not valid.', fields: [{ path: 'query.cursor', message: 'Not a cursor this API handed out.' }] } }, 400);
    }
    const deps = c.var.deps;
    const [{ locations }, comings] = await Promise.all([deps.listings.loadRegion(regionId), deps.providerListings.regionOrganizationChanges(regionId)]);
    const organizations = await regionOrganizations(deps, regionId, locations.map((l) => l.organizationId));
    const here = new Set(locations.map((l) => l.id));
    // Organisations that have left the region keep their records of their time in it.
    const current = new Set(organizations.map((o) => o.id));
    const former = await Promise.all([...new Set(comings.map((r) => r.organizationId))].filter((id) => !current.has(id))
      .map(async (id) => ({ id, name: (await deps.providerListings.getOrganization(id))?.value.name ?? id })));
    const chosen = [...organizations, ...former].filter((o) => query.organizationId === undefined || o.id === query.organizationId);
    const trails = await Promise.all(chosen.map(async (o) => (await deps.providerListings.organizationHistory(o.id)).map((r): Record_ => ({ ...r, organizationName: o.name }))));
    const fromAt = query.from ? `${query.from}T00:00:00.000Z` : undefined;
    const toAt = query.to ? `${query.to}T23:59:59.999Z` : undefined;
    const all = trails.flat();
    // Records written before they named their region: judged by the location's own records, which
    // carry its region before and after each change. `placed`: a location's latest region so known.
    const regionOfData = (data: unknown) => (data as { regionId?: string } | undefined)?.regionId;
    const timelines = new Map<string, Record_[]>();
    for (const r of [...all].reverse()) {
      if (r.locationId && !r.housingFormId) timelines.set(r.locationId, [...(timelines.get(r.locationId) ?? []), r]);
    }
    const placed = new Map([...timelines].flatMap(([id, records]) => {
      const last = records.at(-1);
      const region = regionOfData(last?.after) ?? regionOfData(last?.before);
      return region ? [[id, region] as const] : [];
    }));
    /** Where the location was when an older housing-form record was written: after its last own change by then, else before its first. */
    const regionAt = (locationId: string, at: string): string | undefined => {
      const records = timelines.get(locationId) ?? [];
      const latest = records.filter((l) => l.at <= at).at(-1);
      if (latest) return regionOfData(latest.after) ?? regionOfData(latest.before);
      return regionOfData(records[0]?.before);
    };
    // Each record by the region it belongs to, so a location that moved shows each region its own time.
    const inRegion = (r: Record_): boolean => {
      if (r.locationId === undefined) return r.regionId === regionId;
      if (r.regionId !== undefined) return r.regionId === regionId || r.fromRegionId === regionId;
      if (!r.housingFormId && (r.before || r.after)) return regionOfData(r.before) === regionId || regionOfData(r.after) === regionId;
      const then = r.housingFormId ? regionAt(r.locationId, r.at) : undefined;
      if (then !== undefined) return then === regionId;
      // Nothing tells where the location was then: judged as before records named their region, by
      // where it is now (or, removed, where its own records last placed it).
      return here.has(r.locationId) || placed.get(r.locationId) === regionId;
    };
    const matching = all.filter((r) => inRegion(r)
      && (query.locationId === undefined || r.locationId === query.locationId)
      && (query.action === undefined || r.action === query.action)
      && (fromAt === undefined || r.at >= fromAt)
      && (toAt === undefined || r.at <= toAt)
      && (start === undefined || after(r, start)))
      .sort((a, b) => (after(a, b) ? 1 : -1));
    const limit = query.limit ?? AUDIT_PAGE_SIZE;
    const page = matching.slice(0, limit);
    const last = page.at(-1);
    const records = page.map((r) => ({
      changeId: r.changeId,
      at: r.at,
      by: { name: r.by.name },
      action: r.action,
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      ...(r.locationId ? { locationId: r.locationId } : {}),
      ...(r.housingFormId ? { housingFormId: r.housingFormId } : {}),
      ...(r.locationId && !r.housingFormId && nameOf(r.after ?? r.before) ? { locationName: nameOf(r.after ?? r.before) } : {}),
      ...(r.housingFormId && nameOf(r.after ?? r.before) ? { housingFormName: nameOf(r.after ?? r.before) } : {}),
      fields: r.action === 'updated' || r.action === 'waiting-list' || r.action === 'photos' ? changedFields(r.before, r.after) : [],
      ...(r.removedLocationIds ? { removedLocationIds: r.removedLocationIds } : {}),
    }));
    c.header('cache-control', 'no-store');
    return c.json({ records, ...(matching.length > limit && last ? { next: cursorOf(last) } : {}) }, 200);
  },
);
