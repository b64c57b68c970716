// A region's coordinator keeps the region's independent client support organisations, which the
// public help page (/regio/{regionId}/hulp/) lists with what they do, how to reach them, their
// opening hours and the municipalities they serve:
//   GET /api/coordinator/regions/{regionId}/support-list
//   PUT /api/coordinator/regions/{regionId}/support-list   (the whole list, with the version read)
// (Admitting a support organisation, a staff organisation with accounts, is POST .../support-organizations.)
// Until the first save the list is the region's configured one (data/regions.json), at version 0.
// A save based on an older version is a 409 that carries the list as it is now, so the page can keep
// what was typed and show what changed. Each save leaves an audit record and rebuilds the help pages.
import * as z from 'zod';
import { type FieldError, Slug, SupportOrganizationSchema, VersionSchema } from '../../../../shared/domain/index.ts';
import { createResourceApp } from '../../app-factory.ts';
import { NotFoundError, UnusableFieldsError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import { VersionConflictError } from '../../../store/store-errors.ts';
import { requireMembership, type StaffEnv } from '../context.ts';

const Params = z.object({ regionId: Slug });
const MAX_ORGANIZATIONS = 30;

const SupportListSchema = z.object({
  regionId: Slug,
  organizations: z.array(SupportOrganizationSchema),
  version: VersionSchema.describe('Send it back with a change; 0 while the list is still the configured one.'),
  updatedAt: z.iso.datetime().optional(),
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })).describe('The region\'s municipalities, which an organisation may serve.'),
});
const SupportListBody = z.strictObject({
  organizations: z.array(SupportOrganizationSchema).max(MAX_ORGANIZATIONS),
  version: VersionSchema.describe('The version this list was read at.'),
});

const errors = {
  401: problem('Nobody is signed in.'),
  403: problem('The caller is no coordinator of this region, or the request did not come from a Woonwijzer page.'),
  404: problem('No such region.'),
};

/** Ids are unique (the page's anchors and the audit trail name them), and served municipalities are the region's. */
function crossChecks(organizations: ReadonlyArray<z.infer<typeof SupportOrganizationSchema>>, regionMunicipalities: ReadonlySet<string>): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Map<string, number>();
  organizations.forEach((organization, i) => {
    const first = seen.get(organization.id);
    if (first !== undefined) problems.push({ path: `organizations.${i}.id`, message: `Id "${organization.id}" is already used by organisation ${first + 1}.` });
    else seen.set(organization.id, i);
    (organization.municipalities ?? []).forEach((code, j) => {
      if (!regionMunicipalities.has(code)) problems.push({ path: `organizations.${i}.municipalities.${j}`, message: `${code} is not a municipality of this region.` });
    });
  });
  return problems;
}

export const coordinatorSupportApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/coordinator/regions/{regionId}/support-list',
      operationId: 'regionSupportList',
      summary: 'The region\'s support organisations, to edit',
      description: 'For the region\'s coordinators: the independent client support organisations the public help page lists, with the version to send back.',
      request: { params: Params },
      responses: { 200: json(SupportListSchema, 'The list as it is now.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const [list, region] = await Promise.all([c.var.deps.regions.getSupportOrganizations(regionId), c.var.deps.regions.getRegion(regionId)]);
      if (!list || !region) throw NotFoundError.of(`Region "${regionId}"`);
      c.header('cache-control', 'no-store');
      return c.json({ ...list, municipalities: region.municipalities }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'put',
      path: '/coordinator/regions/{regionId}/support-list',
      operationId: 'saveRegionSupportList',
      summary: 'Saves the region\'s support organisations',
      description:
        'For the region\'s coordinators: the whole list replaces the one read at `version` (in the order given, which is the help page\'s). ' +
        'The help pages in both languages are built again.',
      request: { params: Params, body: { required: true, ...json(SupportListBody, 'The whole list and the version it was read at.') } },
      responses: {
        200: json(SupportListSchema, 'Saved: the list with its new version.'),
        400: problem('A field is not valid (an id used twice, a time, a municipality outside the region, ...); `fields` names each. Nothing was saved.'),
        ...errors,
        409: problem('Someone else saved the list since it was read (`version_conflict`); `current` holds the list as it is now. Nothing was saved.'),
      },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { identity } = requireMembership(c.var.identity, { role: 'coordinator', regionId });
      const { organizations, version } = c.req.valid('json');
      const { deps } = c.var;
      const region = await deps.regions.getRegion(regionId);
      if (!region) throw NotFoundError.of(`Region "${regionId}"`);
      const problems = crossChecks(organizations, new Set(region.municipalities.map((m) => m.code)));
      if (problems.length > 0) throw new UnusableFieldsError(problems);
      const author = { accountId: identity.account.id, at: deps.clock.now() };
      const saved = await deps.regionCoordination.putSupportOrganizations(regionId, organizations, version, author).catch(async (error: unknown) => {
        // The 409 carries the list as it is now, so the page can show it beside what was typed.
        if (!(error instanceof VersionConflictError)) throw error;
        throw new VersionConflictError(error.entity, error.ids, error.expectedVersion, await deps.regions.getSupportOrganizations(regionId));
      });
      return c.json({ ...saved, municipalities: region.municipalities }, 200);
    },
  );
