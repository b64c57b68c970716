// Regions: the list with counts, one region, its locations, and its housing forms page by page.
import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import {
  ErrorResponseSchema, HousingFormPageSchema, LocationListSchema, RegionDetailSchema, RegionListSchema, Slug,
} from '../../../shared/domain/index.ts';
import { BadCursorError } from '../../store/listing-store.ts';
import type { ApiEnv } from '../context.ts';
import { errorResponse, notFound, validationHook } from '../errors.ts';

const RegionParams = z.object({ regionId: Slug });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
const errors = {
  400: json(ErrorResponseSchema, 'The request is not valid; `fields` names each problem.'),
  404: json(ErrorResponseSchema, 'No such region.'),
};

const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().min(1).max(2000).optional(),
});

export const regionRoutes = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook })
  .openapi(
    createRoute({
      method: 'get',
      path: '/regions',
      summary: 'All regions with their counts',
      responses: { 200: json(RegionListSchema, 'The regions this service covers.') },
    }),
    async (c) => {
      const { store } = c.var.deps;
      const regions = await store.listRegions();
      const withCounts = await Promise.all(
        regions.map(async (r) => ({
          id: r.id,
          name: r.name,
          primarySector: r.primarySector,
          demonstration: r.demonstration,
          ...(await store.regionCounts(r.id)),
        })),
      );
      withCounts.sort((a, b) => a.name.localeCompare(b.name, 'nl'));
      return c.json({ regions: withCounts }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/regions/{regionId}',
      summary: 'One region',
      request: { params: RegionParams },
      responses: { 200: json(RegionDetailSchema, 'The region with its counts.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { store } = c.var.deps;
      const region = await store.getRegion(regionId);
      if (!region) return notFound(c, `Region "${regionId}"`);
      return c.json({ region, ...(await store.regionCounts(regionId)) }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/regions/{regionId}/locations',
      summary: "The region's locations",
      request: { params: RegionParams },
      responses: { 200: json(LocationListSchema, 'Every location in the region, by city and name.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { store } = c.var.deps;
      if (!(await store.getRegion(regionId))) return notFound(c, `Region "${regionId}"`);
      const locations = await store.listLocations(regionId);
      locations.sort((a, b) => a.address.city.localeCompare(b.address.city, 'nl') || a.name.localeCompare(b.name, 'nl'));
      return c.json({ locations }, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/regions/{regionId}/housing-forms',
      summary: "The region's housing forms, page by page",
      request: { params: RegionParams, query: PageQuery },
      responses: { 200: json(HousingFormPageSchema, 'One page; pass nextCursor back as cursor for the next.'), ...errors },
    }),
    async (c) => {
      const { regionId } = c.req.valid('param');
      const { limit, cursor } = c.req.valid('query');
      const { store } = c.var.deps;
      if (!(await store.getRegion(regionId))) return notFound(c, `Region "${regionId}"`);
      try {
        return c.json(await store.listHousingForms(regionId, { limit, ...(cursor ? { cursor } : {}) }), 200);
      } catch (error) {
        if (error instanceof BadCursorError) {
          return errorResponse(c, 400, 'validation_error', 'The request is not valid. See fields.', [{ path: 'query.cursor', message: error.message }]);
        }
        throw error;
      }
    },
  );
