// /api/regions: the list with counts, one region, its locations, and its housing forms page by page.
// The region's questionnaire lives under it in region-questionnaire.ts.
import * as z from 'zod';
import {
  HousingFormPageSchema, LocationListSchema, RegionDetailSchema, RegionListSchema, Slug,
} from '../../../shared/domain/index.ts';
import { UnknownRegionError } from '../../search/embedded/unknown-region-error.ts';
import type { RegionCounts } from '../../search/search-engine.ts';
import type { RegionReader } from '../../store/region-store.ts';
import { createResourceApp } from '../app-factory.ts';
import type { PublicEnv } from '../context.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';

const RegionParams = z.object({ regionId: Slug });

/** A region's counts as the search engine holds them; a region with nothing indexed yet has none. */
const countsOf = (counts: ReadonlyMap<string, RegionCounts>, regionId: string): RegionCounts =>
  counts.get(regionId) ?? { housingFormCount: 0, locationCount: 0 };
const errors = {
  400: problem('The request is not valid; `fields` names each problem.'),
  404: problem('No such region.'),
};

const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2000).optional(),
});

async function requireRegion(regions: RegionReader, regionId: string) {
  const region = await regions.getRegion(regionId);
  if (!region) throw new UnknownRegionError(regionId);
  return region;
}

export const regionsApp = createResourceApp<PublicEnv>()
  .openapi(
    apiRoute({
      method: 'get',
      path: '/',
      operationId: 'listRegions',
      summary: 'All regions with their counts',
      responses: { 200: json(RegionListSchema, 'The regions this service covers.') },
    }),
    async (c) => {
      const { regions: regionStore, search } = c.var.deps;
      const [regions, counts] = await Promise.all([regionStore.listRegions(), search.regionCounts()]);
      const withCounts = regions.map((r) => ({
        id: r.id,
        name: r.name,
        primarySector: r.primarySector,
        demonstration: r.demonstration,
        ...countsOf(counts, r.id),
      }));
      withCounts.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      return c.json({ regions: withCounts }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/{regionId}',
      operationId: 'getRegion',
      summary: 'One region',
      request: { params: RegionParams },
      responses: { 200: json(RegionDetailSchema, 'The region with its counts.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { regions, search } = c.var.deps;
      const [region, support, counts] = await Promise.all([requireRegion(regions, regionId), regions.getSupportOrganizations(regionId), search.regionCounts()]);
      // The coordinator's list, once edited, replaces the configured one.
      const supportOrganizations = support?.organizations ?? region.supportOrganizations;
      return c.json({ region: { ...region, supportOrganizations }, ...countsOf(counts, regionId) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/{regionId}/locations',
      operationId: 'listRegionLocations',
      summary: "The region's locations",
      request: { params: RegionParams },
      responses: { 200: json(LocationListSchema, 'Every location in the region, by city and name.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { regions, listings } = c.var.deps;
      await requireRegion(regions, regionId);
      const locations = await listings.listLocations(regionId);
      locations.sort((a, b) => a.address.city.localeCompare(b.address.city, 'nl') || a.name.localeCompare(b.name, 'nl'));
      return c.json({ locations }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/{regionId}/housing-forms',
      operationId: 'listRegionHousingForms',
      summary: "The region's housing forms, page by page",
      request: { params: RegionParams, query: PageQuery },
      responses: { 200: json(HousingFormPageSchema, 'One page; pass nextCursor back as cursor for the next.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      const { regions, listings } = c.var.deps;
      await requireRegion(regions, regionId);
      return c.json(await listings.listHousingForms(regionId, { limit, ...(cursor ? { cursor } : {}) }), 200);
    },
  );
