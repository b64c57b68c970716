// The listing model: an organisation with its locations and their housing forms, exactly in the
// import format of docs/domain.md. Unknown is not false: optional booleans and lists stay undefined
// when not given, and a list that is given (even empty) is complete.
import * as z from 'zod';
import {
  CARE_PROFILES, CARE_PROFILE_SECTOR, COMMUNITIES, CULTURES, DELIVERY_FORMS, FACILITIES,
  HOUSING_TYPES, LANGUAGES, SECTORS, TARGET_GROUPS, WAITING_LIST_STATUSES, WORLDVIEWS,
} from './codes.ts';
import {
  HOUSING_FORM_FLAG_FIELDS, LOCATION_FLAG_FIELDS, type HousingFormFlagField, type LocationFlagField,
} from './criterion-registry.ts';
import { DateOrDateTime, Email, HttpsUrl, Phone, Postcode, Slug, Text } from './primitives.ts';

/** The yes/no facts the criteria read, each optional: left out means unknown, not no. */
const flagFields = <F extends string>(fields: readonly F[]) =>
  Object.fromEntries(fields.map((field) => [field, z.boolean().optional()])) as { [K in F]: z.ZodOptional<z.ZodBoolean> };

/** A list of codes without repeats; order kept as given. */
const codeList = <T extends readonly [string, ...string[]]>(codes: T) =>
  z.array(z.enum(codes)).refine((xs) => new Set(xs).size === xs.length, { message: 'A code appears twice.' });

export const WaitingListSchema = z.strictObject({
  status: z.enum(WAITING_LIST_STATUSES),
  weeks: z.number().int().min(0).max(520).optional(),
  placesAvailable: z.number().int().min(0).max(1000).optional(),
  updatedAt: DateOrDateTime,
});
export type WaitingList = z.infer<typeof WaitingListSchema>;

export const HousingFormSchema = z
  .strictObject({
    id: Slug,
    name: Text(120),
    type: z.enum(HOUSING_TYPES),
    sectors: codeList(SECTORS).min(1),
    careProfiles: codeList(CARE_PROFILES).optional(),
    deliveryForms: codeList(DELIVERY_FORMS).optional(),
    targetGroups: codeList(TARGET_GROUPS).optional(),
    worldview: z.enum(WORLDVIEWS).optional(),
    cultures: codeList(CULTURES).optional(),
    communities: codeList(COMMUNITIES).optional(),
    languages: codeList(LANGUAGES).optional(),
    capacity: z.number().int().min(1).max(2000).optional(),
    groupSize: z.number().int().min(1).max(200).optional(),
    minAge: z.number().int().min(0).max(120).optional(),
    maxAge: z.number().int().min(0).max(120).optional(),
    ...flagFields<HousingFormFlagField>(HOUSING_FORM_FLAG_FIELDS),
    description: Text(4000).optional(),
    waitingList: WaitingListSchema,
  })
  .superRefine((hf, ctx) => {
    if (hf.minAge !== undefined && hf.maxAge !== undefined && hf.minAge > hf.maxAge) {
      ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'maxAge is lower than minAge.' });
    }
    hf.careProfiles?.forEach((profile, i) => {
      const sector = CARE_PROFILE_SECTOR[profile];
      if (!hf.sectors.includes(sector)) {
        ctx.addIssue({
          code: 'custom',
          path: ['careProfiles', i],
          message: `Care profile ${profile} belongs to sector ${sector}, which is not in sectors.`,
        });
      }
    });
  });
export type HousingForm = z.infer<typeof HousingFormSchema>;

export const AddressSchema = z.strictObject({
  street: Text(120),
  houseNumber: z.string().trim().regex(/^[1-9][0-9]{0,4}(?:[ -]?[A-Za-z0-9]{1,6})?$/, {
    message: 'Use a house number like 12, 12a or 12-3.',
  }),
  postcode: Postcode,
  city: Text(80),
});
export type Address = z.infer<typeof AddressSchema>;

export const GeoSchema = z.strictObject({
  lat: z.number().min(50.6).max(53.7),
  lon: z.number().min(3.2).max(7.3),
});
export type Geo = z.infer<typeof GeoSchema>;

export const LocationSchema = z.strictObject({
  id: Slug,
  name: Text(120),
  address: AddressSchema,
  geo: GeoSchema.optional(),
  /** The location's own number; left out, people are given the organisation's. */
  phone: Phone.optional(),
  description: Text(4000).optional(),
  facilities: codeList(FACILITIES).optional(),
  ...flagFields<LocationFlagField>(LOCATION_FLAG_FIELDS),
  housingForms: z.array(HousingFormSchema).min(1).max(200),
});
export type Location = z.infer<typeof LocationSchema>;

export const OrganizationSchema = z.strictObject({
  id: Slug,
  name: Text(120),
  regionIds: z.array(Slug).min(1).refine((xs) => new Set(xs).size === xs.length, { message: 'A region appears twice.' }),
  website: HttpsUrl.optional(),
  email: Email.optional(),
  phone: Phone.optional(),
  description: Text(4000).optional(),
  worldview: z.enum(WORLDVIEWS).optional(),
});
export type Organization = z.infer<typeof OrganizationSchema>;

/** One import document: an organisation with all its locations and housing forms. */
export const ListingDocumentSchema = z
  .strictObject({
    organization: OrganizationSchema,
    locations: z.array(LocationSchema).min(1).max(500),
  })
  .superRefine((doc, ctx) => {
    const seenLocations = new Map<string, number>();
    doc.locations.forEach((loc, li) => {
      const first = seenLocations.get(loc.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['locations', li, 'id'], message: `Location id "${loc.id}" is also used by locations.${first}.` });
      } else seenLocations.set(loc.id, li);
      const seenForms = new Map<string, number>();
      loc.housingForms.forEach((hf, hi) => {
        const firstForm = seenForms.get(hf.id);
        if (firstForm !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['locations', li, 'housingForms', hi, 'id'],
            message: `Housing form id "${hf.id}" is also used by housingForms.${firstForm} of this location.`,
          });
        } else seenForms.set(hf.id, hi);
      });
    });
  });
export type ListingDocument = z.infer<typeof ListingDocumentSchema>;
export type ListingDocumentInput = z.input<typeof ListingDocumentSchema>;
