// /api/regions/{regionId}/hsds: the region's listings as open data in Open Referral HSDS 3.1
// (functions/open-data/hsds.ts does the mapping). The tabular form (CSV files and
// datapackage.json) is made by `npm run export-hsds`; it is not served here.
import * as z from 'zod';
import { Slug } from '../../../shared/domain/index.ts';
import { HSDS_VERSION, toHsds } from '../../open-data/hsds.ts';
import { loadRegionListings } from '../../open-data/region-listings.ts';
import { UnknownRegionError } from '../../search/embedded/unknown-region-error.ts';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';

/** An HSDS record: its UUID and the fields of the HSDS schema named; not repeated here field by field. */
const record = (hsdsObject: string) =>
  z.looseObject({ id: z.uuid() }).describe(`An HSDS ${HSDS_VERSION} \`${hsdsObject}\` (https://docs.openreferral.org/).`);

const HsdsDatasetSchema = z.object({
  hsds_version: z.string(),
  title: z.string(),
  description: z.string(),
  license: z.object({ name: z.string(), title: z.string(), path: z.url() }).describe('The licence of the listings (CC BY 4.0).'),
  attribution: z.string().describe('The attribution a re-user gives.'),
  sources: z.array(z.object({ title: z.string(), path: z.url() })).describe('The sources of what is not the providers\' own data.'),
  taxonomies: z.array(record('taxonomy')),
  taxonomy_terms: z.array(record('taxonomy_term')).describe('One term per criterion of the matcher, and one per code below a coded criterion.'),
  organizations: z.array(record('organization')).describe('Each with its phones.'),
  locations: z.array(record('location')).describe('Each with its address, phone and attributes.'),
  services: z.array(record('service')).describe('One per housing form, with its attributes.'),
  service_at_locations: z.array(record('service_at_location')),
});

export const regionHsdsApp = createResourceApp<PublicEnv>().openapi(
  apiRoute({
    method: 'get',
    path: '/',
    operationId: 'exportRegionHsds',
    summary: "The region's listings as open data (HSDS)",
    description:
      `The region's organisations, locations and housing forms in Open Referral HSDS ${HSDS_VERSION}: organizations, locations ` +
      '(with addresses and phones), services (one per housing form) and service_at_locations, with what the matcher reads of each as ' +
      'attributes of the published taxonomy (`taxonomy_terms`). Ids are UUIDs that stay the same between exports. ' +
      'Licensed CC BY 4.0; see `license` and `attribution`.',
    request: { params: z.object({ regionId: Slug }) },
    responses: {
      200: json(HsdsDatasetSchema, 'The export.'),
      400: problem('The id is not valid.'),
      404: problem('No such region.'),
    },
  }),
  async (c) => {
    const { regionId } = c.req.valid('param');
    const listings = await loadRegionListings(c.var.deps, regionId);
    if (!listings) throw new UnknownRegionError(regionId);
    return c.json(toHsds(listings, { asOf: c.var.deps.clock.now() }), 200);
  },
);
