// A location's housing forms, kept by the provider's staff: replace one (PUT), add one (POST),
// remove one (DELETE, "no longer offered": its history stays) and read its history. The id in a
// body must be the path's: the path says which item the change is for.
import { createResourceApp } from '../../app-factory.ts';
import { NotFoundError, UnusableFieldError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import type { StaffEnv } from '../context.ts';
import {
  conflict, CurrentHousingForm, HistorySchema, HousingFormParams, HousingFormPostRequest, HousingFormPutRequest, LocationParams,
  providerCaller, providerProblems, RemovedSchema, VersionedHousingForm, VersionRequest,
} from './schemas.ts';

const FORM_PATH = '/organizations/{organizationId}/locations/{locationId}/housing-forms/{housingFormId}';

export const housingFormsApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'put',
      path: FORM_PATH,
      operationId: 'updateHousingForm',
      summary: 'Replaces a housing form',
      description: 'The whole housing form, based on `version`. Its waiting list\'s `updatedAt` becomes now when the report (status, weeks, places) changed.',
      request: { params: HousingFormParams, body: { required: true, ...json(HousingFormPutRequest, 'The housing form and the version it is based on.') } },
      responses: {
        200: json(VersionedHousingForm, 'The saved housing form and its new version (unchanged when nothing changed).'),
        ...providerProblems,
        409: conflict(CurrentHousingForm, 'Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId, housingFormId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version, housingForm } = c.req.valid('json');
      if (housingForm.id !== housingFormId) throw new UnusableFieldError('housingForm.id', `The id must be the one in the address, "${housingFormId}".`);
      const saved = await c.var.deps.providerListings.updateHousingForm(organizationId, locationId, housingForm, version, ctx);
      return c.json({ housingForm: saved.value, version: saved.version }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/organizations/{organizationId}/locations/{locationId}/housing-forms',
      operationId: 'createHousingForm',
      summary: 'Adds a housing form to a location',
      request: { params: LocationParams, body: { required: true, ...json(HousingFormPostRequest, 'The new housing form.') } },
      responses: {
        201: json(VersionedHousingForm, 'The housing form as saved (version 1).'),
        ...providerProblems,
        409: problem('The location has a housing form with this id already (`id_taken`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { housingForm } = c.req.valid('json');
      const saved = await c.var.deps.providerListings.createHousingForm(organizationId, locationId, housingForm, ctx);
      return c.json({ housingForm: saved.value, version: saved.version }, 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: FORM_PATH,
      operationId: 'removeHousingForm',
      summary: 'Removes a housing form ("no longer offered")',
      description: 'Its history stays readable. A location keeps at least one housing form.',
      request: { params: HousingFormParams, body: { required: true, ...json(VersionRequest, 'The version the removal is based on.') } },
      responses: {
        200: json(RemovedSchema, 'Removed.'),
        ...providerProblems,
        409: conflict(CurrentHousingForm, 'Changed since it was read (`version_conflict`, with `current`), or the location\'s last housing form (`last_housing_form`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId, housingFormId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version } = c.req.valid('json');
      await c.var.deps.providerListings.removeHousingForm(organizationId, { locationId, housingFormId }, version, ctx);
      return c.json({ removed: true as const }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: `${FORM_PATH}/history`,
      operationId: 'getHousingFormHistory',
      summary: 'Who changed a housing form, when, and what',
      request: { params: HousingFormParams },
      responses: {
        200: json(HistorySchema, 'The changes, newest first, each with the housing form before and after.'),
        ...providerProblems,
      },
    }),
    async (c) => {
      const { organizationId, locationId, housingFormId } = c.req.valid('param');
      providerCaller(c.var.identity, c.var.deps, organizationId);
      const store = c.var.deps.providerListings;
      const ref = { locationId, housingFormId };
      const changes = await store.housingFormHistory(organizationId, ref);
      // A removed housing form keeps its history; one that never was has none.
      if (changes.length === 0 && !(await store.readHousingForm(organizationId, ref))) {
        throw NotFoundError.of(`Housing form "${locationId}/${housingFormId}"`);
      }
      return c.json({ changes }, 200);
    },
  );
