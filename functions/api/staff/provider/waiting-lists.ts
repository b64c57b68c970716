// The waiting-list routes, the ones used most: a quick update of one housing form's waiting list
// (status, places, expected wait) and "still correct" for one or many at once. Either way the
// server stamps the date, so the public pages show when the list was last confirmed.
import { createResourceApp } from '../../app-factory.ts';
import { apiRoute, json } from '../../openapi-route.ts';
import type { StaffEnv } from '../context.ts';
import {
  ConfirmedSchema, ConfirmRequest, conflict, CurrentHousingForm, HousingFormParams, OrganizationParams, providerCaller,
  providerProblems, StaleHousingFormsSchema, VersionedHousingForm, WaitingListPatchRequest,
} from './schemas.ts';

export const waitingListsApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'patch',
      path: '/organizations/{organizationId}/locations/{locationId}/housing-forms/{housingFormId}/waiting-list',
      operationId: 'updateWaitingList',
      summary: 'Reports a housing form\'s waiting list as it is now',
      request: {
        params: HousingFormParams,
        body: { required: true, ...json(WaitingListPatchRequest, 'The waiting list and the version of the housing form it is based on.') },
      },
      responses: {
        200: json(VersionedHousingForm, 'The housing form with its new waiting list (`updatedAt` now) and version.'),
        ...providerProblems,
        409: conflict(CurrentHousingForm, 'The housing form was changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId, housingFormId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version, waitingList } = c.req.valid('json');
      const saved = await c.var.deps.providerListings.updateWaitingList(organizationId, { locationId, housingFormId }, waitingList, version, ctx);
      return c.json({ housingForm: saved.value, version: saved.version }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/organizations/{organizationId}/waiting-lists/confirm',
      operationId: 'confirmWaitingLists',
      summary: 'Confirms waiting lists as still correct',
      description:
        'Each waiting list stays as it is, confirmed now. All or nothing: when any version is stale, nothing is confirmed and the ' +
        '409 lists the stale housing forms as they are now.',
      request: {
        params: OrganizationParams,
        body: { required: true, ...json(ConfirmRequest, 'The housing forms to confirm, each with the version read.') },
      },
      responses: {
        200: json(ConfirmedSchema, 'Each housing form with its new version and confirmation date.'),
        ...providerProblems,
        409: conflict(StaleHousingFormsSchema, 'Some housing forms were changed since they were read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { housingForms } = c.req.valid('json');
      const confirmed = await c.var.deps.providerListings.confirmWaitingLists(organizationId, housingForms, ctx);
      return c.json({ confirmed }, 200);
    },
  );
