// An organisation's locations, kept by its staff: replace one's own fields (PUT; its housing
// forms' search data follow), add one with its housing forms (POST), remove one with them
// (DELETE) and read its history. A location's region and point come from its address, placed as
// the import places it (placeLocation), within the organisation's regions.
import type * as z from 'zod';
import { placeLocation } from '../../../listings/import-listing.ts';
import { createResourceApp } from '../../app-factory.ts';
import { NotFoundError, UnusableFieldError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import type { StaffDeps, StaffEnv } from '../context.ts';
import { photoKeysOf } from './photos.ts';
import type { LocationFieldsSchema} from './schemas.ts';
import {
  conflict, CurrentLocation, HistorySchema, LocationParams, LocationPostRequest, LocationPutRequest,
  OrganizationParams, providerCaller, providerProblems, RemovedSchema, VersionedLocation, VersionRequest,
} from './schemas.ts';

const LOCATION_PATH = '/organizations/{organizationId}/locations/{locationId}';

/** The location placed in one of the organisation's regions; a 400 at `location.address.postcode` when it cannot be. */
async function placed(deps: StaffDeps, organizationId: string, location: z.infer<typeof LocationFieldsSchema>) {
  const organization = await deps.providerListings.getOrganization(organizationId);
  if (!organization) throw NotFoundError.of(`Organisation "${organizationId}"`);
  const regions = new Map((await deps.regions.listRegions()).map((r) => [r.id, r]));
  const orgRegions = organization.value.regionIds.flatMap((id) => regions.get(id) ?? []);
  const { location: stored, errors } = placeLocation(location, organizationId, orgRegions, ['location']);
  const [first] = errors;
  if (first) throw new UnusableFieldError(first.path, first.message);
  if (orgRegions.length === 0) throw new UnusableFieldError('location.address.postcode', 'The organisation has no known region to place the location in.');
  return stored;
}

export const locationsApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'put',
      path: LOCATION_PATH,
      operationId: 'updateLocation',
      summary: 'Replaces a location\'s own fields',
      description: 'Everything but its housing forms, based on `version`; the housing forms\' search data follow at once.',
      request: { params: LocationParams, body: { required: true, ...json(LocationPutRequest, 'The location and the version it is based on.') } },
      responses: {
        200: json(VersionedLocation, 'The location as stored (with its region and point) and its new version.'),
        ...providerProblems,
        409: conflict(CurrentLocation, 'Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version, location } = c.req.valid('json');
      if (location.id !== locationId) throw new UnusableFieldError('location.id', `The id must be the one in the address, "${locationId}".`);
      const stored = await placed(c.var.deps, organizationId, location);
      const saved = await c.var.deps.providerListings.updateLocation(organizationId, stored, version, ctx);
      return c.json({ location: saved.value, version: saved.version }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/organizations/{organizationId}/locations',
      operationId: 'createLocation',
      summary: 'Adds a location with its housing forms',
      request: { params: OrganizationParams, body: { required: true, ...json(LocationPostRequest, 'The new location, as in the import format.') } },
      responses: {
        201: json(VersionedLocation, 'The location as stored (version 1).'),
        ...providerProblems,
        409: problem('The location id is in use (`id_taken`), or the listing changed meanwhile (`version_conflict`).'),
      },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { housingForms, ...location } = c.req.valid('json').location;
      const stored = await placed(c.var.deps, organizationId, location);
      const saved = await c.var.deps.providerListings.createLocation(organizationId, stored, housingForms, ctx);
      return c.json({ location: saved.value, version: saved.version }, 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: LOCATION_PATH,
      operationId: 'removeLocation',
      summary: 'Removes a location with its housing forms',
      description: 'With its photos; the histories stay readable.',
      request: { params: LocationParams, body: { required: true, ...json(VersionRequest, 'The version the removal is based on.') } },
      responses: {
        200: json(RemovedSchema, 'Removed.'),
        ...providerProblems,
        409: conflict(CurrentLocation, 'Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version } = c.req.valid('json');
      const before = await c.var.deps.providerListings.readLocation(organizationId, locationId);
      await c.var.deps.providerListings.removeLocation(organizationId, locationId, version, ctx);
      // Its photos go with it (the removal checked the version, so these are the ones it had).
      if (before?.version === version) await c.var.deps.photos.delete(photoKeysOf(before.value.photos ?? []));
      return c.json({ removed: true as const }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${LOCATION_PATH}/history`,
      operationId: 'getLocationHistory',
      summary: 'Who changed a location\'s own fields, when, and what',
      description: 'The location\'s own changes; each housing form has a history of its own.',
      request: { params: LocationParams },
      responses: {
        200: json(HistorySchema, 'The changes, newest first, each with the location before and after.'),
        ...providerProblems,
      },
    }),
    async (c) => {
      const { organizationId, locationId } = c.req.valid('param');
      providerCaller(c.var.identity, c.var.deps, organizationId);
      const store = c.var.deps.providerListings;
      const changes = await store.locationHistory(organizationId, locationId);
      if (changes.length === 0 && !(await store.readLocation(organizationId, locationId))) throw NotFoundError.of(`Location "${locationId}"`);
      return c.json({ changes }, 200);
    },
  );
