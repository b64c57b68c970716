// What the API answers about listings: the read views shared by the API, its OpenAPI document
// and the site, so all three keep one contract.
import * as z from 'zod';
import { HOUSING_TYPES, WAITING_LIST_STATUSES } from './codes.ts';
import { AddressSchema, HousingFormSchema, LocationSchema, OrganizationSchema, WaitingListSchema } from './listing.ts';
import { PhotoListSchema } from './photos.ts';
import { RegionSchema, RegionSummarySchema } from './region.ts';
import { Slug } from './primitives.ts';

export const PointSchema = z.object({ lat: z.number(), lon: z.number() });

/** How a housing form is named in a list of results: what it is, where, by whom, how soon. */
export const HousingFormHeadingSchema = z.object({
  housingFormId: Slug,
  locationId: Slug,
  organizationId: Slug,
  name: z.string(),
  locationName: z.string(),
  organizationName: z.string(),
  city: z.string(),
  /** The region the housing form lies in: with a wider scope than the person's region, not always theirs. */
  regionId: Slug,
  /**
   * The region's name, which the API adds from the region's record (an engine answers with the id
   * alone); absent only for a region no longer configured.
   */
  regionName: z.string().optional(),
  type: z.enum(HOUSING_TYPES),
  /** The number to ask the provider on: the location's own, else its organisation's; absent when neither gives one. */
  phone: z.string().optional(),
  waitingList: WaitingListSchema,
});

export const LocationSummarySchema = z.object({
  id: Slug,
  name: z.string(),
  regionId: Slug,
  organizationId: Slug,
  organizationName: z.string(),
  address: AddressSchema,
  point: PointSchema,
  housingFormCount: z.number().int().min(0),
  housingTypes: z.array(z.enum(HOUSING_TYPES)),
  waitingListStatuses: z.array(z.enum(WAITING_LIST_STATUSES)),
});
export type LocationSummary = z.infer<typeof LocationSummarySchema>;

/**
 * A location as stored: without its housing forms, with its region and resolved point, and its
 * photos (absent: none yet), which only the photo routes change.
 */
export const StoredLocationSchema = LocationSchema.omit({ housingForms: true }).extend({
  regionId: Slug,
  organizationId: Slug,
  point: PointSchema,
  photos: PhotoListSchema.optional(),
});
export type StoredLocation = z.infer<typeof StoredLocationSchema>;

/**
 * How many times a stored item was written (1 on creation). An ETag is built from it, and an
 * edit names the version it was based on. Items stored before versions existed read as 0.
 */
export const VersionSchema = z.number().int().min(0);
const versioned = { version: VersionSchema };

export const LocationViewSchema = StoredLocationSchema.extend(versioned);
export type LocationView = z.infer<typeof LocationViewSchema>;
export const OrganizationViewSchema = OrganizationSchema.extend(versioned);
export type OrganizationView = z.infer<typeof OrganizationViewSchema>;
// safeExtend: the housing form's cross-field checks stay; a plain extend refuses refined schemas.
export const HousingFormViewSchema = HousingFormSchema.safeExtend(versioned);
export type HousingFormView = z.infer<typeof HousingFormViewSchema>;

export const LocationDetailSchema = z.object({
  location: LocationViewSchema,
  organization: OrganizationViewSchema,
  housingForms: z.array(HousingFormViewSchema),
});
export type LocationDetail = z.infer<typeof LocationDetailSchema>;

export const HousingFormListItemSchema = z.object({
  housingForm: HousingFormViewSchema,
  locationId: Slug,
  locationName: z.string(),
  organizationId: Slug,
  organizationName: z.string(),
  city: z.string(),
});
export type HousingFormListItem = z.infer<typeof HousingFormListItemSchema>;

export const HousingFormPageSchema = z.object({
  items: z.array(HousingFormListItemSchema),
  /** Opaque; pass it back as `cursor` for the next page. Absent on the last page. */
  nextCursor: z.string().optional(),
});
export type HousingFormPage = z.infer<typeof HousingFormPageSchema>;

export const RegionListSchema = z.object({ regions: z.array(RegionSummarySchema) });
export const RegionDetailSchema = z.object({
  region: RegionSchema,
  housingFormCount: z.number().int().min(0),
  locationCount: z.number().int().min(0),
});
export type RegionDetail = z.infer<typeof RegionDetailSchema>;
export const LocationListSchema = z.object({ locations: z.array(LocationSummarySchema) });

/** The one error shape of the API. */
export const FieldErrorSchema = z.object({ path: z.string(), message: z.string() });
export type FieldError = z.infer<typeof FieldErrorSchema>;
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.array(FieldErrorSchema).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
