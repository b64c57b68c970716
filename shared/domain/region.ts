// A care-office region ("zorgkantoorregio") that this deployment serves.
import * as z from 'zod';
import { SECTORS } from './codes.ts';
import { Slug, Text } from './primitives.ts';

export const RegionSchema = z.strictObject({
  id: Slug,
  name: Text(80),
  /** CBS code of the care-office region, e.g. ZK31. */
  careOfficeRegionCode: z.string().regex(/^ZK[0-9]{2}$/),
  /** The sector the region's directory is about first (its questionnaire is tuned to it). */
  primarySector: z.enum(SECTORS),
  /** CBS municipality codes (GMxxxx) inside the region. */
  municipalities: z.array(z.object({ code: z.string().regex(/^GM[0-9]{4}$/), name: Text(80) })).min(1),
  description: Text(2000),
  /** Shown on every page while the listings are made up. */
  demonstration: z.boolean(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionSummarySchema = RegionSchema.pick({ id: true, name: true, primarySector: true, demonstration: true }).extend({
  housingFormCount: z.number().int().min(0),
  locationCount: z.number().int().min(0),
});
export type RegionSummary = z.infer<typeof RegionSummarySchema>;
