// A region's coordinator imports an organisation's whole listing through the API, in the import
// format the command line takes (`npm run import`, functions/listings/import-listing.ts):
//   PUT /api/coordinator/regions/{regionId}/listings/{organizationId}
// PUT, not POST: the document replaces the organisation's listing at an address the caller names
// (what it leaves out is removed), and sending it again changes nothing ("unchanged"), so a
// coordinator may simply retry after a lost answer.
// The coordinator acts only for their own region: the document must list that region, and an
// organisation already stored must be active there, so nobody replaces another region's listing.
import * as z from 'zod';
import { ListingDocumentSchema, Slug } from '../../../../shared/domain/index.ts';
import { importListing } from '../../../listings/import-listing.ts';
import { createResourceApp, MAX_BODY_BYTES } from '../../app-factory.ts';
import { AccessDeniedError, ImportRefusedError, UnusableFieldError } from '../../errors.ts';
import { apiRoute, json, problem } from '../../openapi-route.ts';
import { requireMembership, type StaffEnv } from '../context.ts';

const ListingParams = z.object({ regionId: Slug, organizationId: Slug });

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), removed: z.number().int() });
const ImportSummarySchema = z.object({
  organizationId: z.string(),
  summary: z.object({
    organization: z.enum(['created', 'updated', 'unchanged']),
    locations: Counts,
    housingForms: Counts,
  }),
});

export const coordinatorListingsApp = createResourceApp<StaffEnv>().openapi(
  apiRoute({
    method: 'put',
    path: '/coordinator/regions/{regionId}/listings/{organizationId}',
    operationId: 'importListing',
    summary: 'Imports an organisation\'s whole listing',
    description:
      'For the region\'s coordinators: one listing document in the import format (as `npm run import` takes it) replaces the ' +
      'organisation\'s listing. Locations and housing forms left out of the document are removed; sending the same document again ' +
      'changes nothing. The document must be the organisation of the address and list this region; an organisation already on ' +
      `Woonwijzer must be active in it. The body may be at most ${MAX_BODY_BYTES / 1024} KB (413 otherwise): about 120 locations ` +
      'with two housing forms each, sent without indentation. A larger listing is imported by the platform operator from the ' +
      'command line (`npm run import -- FILE.json`), which has no such limit; after that the provider keeps its housing forms ' +
      'itself, per item or by CSV upload.',
    request: { params: ListingParams, body: { required: true, ...json(ListingDocumentSchema, 'The listing document: the organisation with all its locations and housing forms.') } },
    responses: {
      200: json(ImportSummarySchema, 'Imported: what was created, updated, left unchanged and removed.'),
      400: problem('The document is not valid, is another organisation\'s than the address names, or cannot be placed; `fields` names each problem by its path (e.g. `locations.0.address.postcode`). Nothing was changed.'),
      401: problem('Nobody is signed in.'),
      403: problem('The caller is no coordinator of this region, the document does not list the region, the organisation is (or the document makes it) active in another region too (then the platform operator imports it), or the request did not come from a Woonwijzer page.'),
      409: problem('A location id belongs to another organisation (`id_conflict`, at its path), a new organisation\'s id is a support organisation\'s (`id_taken`, at `organization.id`), or the listing changed during the import (`version_conflict`). Nothing was changed.'),
    },
  }),
  async (c) => {
    const { regionId, organizationId } = c.req.valid('param');
    requireMembership(c.var.identity, { role: 'coordinator', regionId });
    const document = c.req.valid('json');
    if (document.organization.id !== organizationId) {
      throw new UnusableFieldError('organization.id', `The id must be the one in the address, "${organizationId}".`);
    }
    const forRegion = `coordinator of a region where "${organizationId}" is active`;
    if (!document.organization.regionIds.includes(regionId)) throw AccessDeniedError.notFor(forRegion);
    const stored = await c.var.deps.providerListings.getOrganization(organizationId);
    if (stored && !stored.value.regionIds.includes(regionId)) throw AccessDeniedError.notFor(forRegion);
    // The document replaces the whole listing: for an organisation active in another region too (or
    // made so by the document) it would move or remove that region's locations, which are not this
    // coordinator's. Such a listing is imported by the platform operator (npm run import).
    const elsewhere = (regionIds: readonly string[]) => regionIds.some((id) => id !== regionId);
    if (elsewhere(document.organization.regionIds) || (stored && elsewhere(stored.value.regionIds))) {
      throw AccessDeniedError.notFor(`coordinator of every region "${organizationId}" is active in`);
    }

    const outcome = await importListing(document, c.var.deps);
    if (!outcome.ok) throw new ImportRefusedError(outcome.status, outcome.code, outcome.errors);
    return c.json({ organizationId: outcome.organizationId, summary: outcome.summary }, 200);
  },
);
