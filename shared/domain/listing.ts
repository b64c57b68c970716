// The listing model: an organisation with its locations and their housing forms, exactly in the
// import format of docs/domain.md. Unknown is not false: optional booleans and lists stay undefined
// when not given, and a list that is given (even empty) is complete.
import * as z from 'zod';
import {
  CARE_PROFILES, CARE_PROFILE_SECTOR, COMMUNITIES, CULTURES, DELIVERY_FORMS, FACILITIES,
  HOUSING_TYPES, LANGUAGES, SECTORS, TARGET_GROUPS, WAITING_LIST_STATUSES, WORLDVIEWS,
} from './codes.ts';
import {
  CODED_FACTS, HOUSING_FORM_FLAG_FIELDS, LOCATION_FLAG_FIELDS, codedFact, type HousingFormFlagField, type LocationFlagField,
} from './criterion-registry.ts';
import { DateOrDateTime, Email, HttpsUrl, Phone, Postcode, Slug, Text } from './primitives.ts';

/** The yes/no facts the criteria read, each optional: left out means unknown, not no. */
const flagFields = <F extends string>(fields: readonly F[]) =>
  Object.fromEntries(fields.map((field) => [field, z.boolean().optional()])) as { [K in F]: z.ZodOptional<z.ZodBoolean> };

/**
 * Where the day activities are (`on-site`, `nearby` with transport, `none`; left out is unknown).
 * Until issue 13 the import format had it as a yes/no ("on site"), and listings written then still
 * read: `true` is `on-site`, `false` is `none`. Anything else is refused with the codes.
 */
const DayActivitiesField = z
  .preprocess((value) => (typeof value === 'boolean' ? codedFact('dayActivities', value) : value), z.enum(CODED_FACTS.dayActivities.codes))
  .optional()
  .describe('Where the day activities are: on-site, nearby (with transport) or none. A boolean from the older format is read as true = on-site, false = none.');

/** An age in whole years, as the admission ages and the residents' ages are given. */
const Age = z.number().int().min(0).max(120);

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
    /** Who may come: the admission rule. */
    minAge: Age.optional(),
    maxAge: Age.optional(),
    /**
     * Who lives there: the residents' age group (18 to 30, or from 65), which "people of about my
     * age" reads. One bound alone is open on the other side, as for the admission ages.
     */
    residentsMinAge: Age.optional().describe('The youngest residents\' age: with residentsMaxAge, the age group living here.'),
    residentsMaxAge: Age.optional().describe('The oldest residents\' age: with residentsMinAge, the age group living here.'),
    ...flagFields<HousingFormFlagField>(HOUSING_FORM_FLAG_FIELDS),
    dayActivities: DayActivitiesField,
    description: Text(4000).optional(),
    waitingList: WaitingListSchema,
  })
  .superRefine((hf, ctx) => {
    if (hf.minAge !== undefined && hf.maxAge !== undefined && hf.minAge > hf.maxAge) {
      ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'maxAge is lower than minAge.' });
    }
    if (hf.residentsMinAge !== undefined && hf.residentsMaxAge !== undefined && hf.residentsMinAge > hf.residentsMaxAge) {
      ctx.addIssue({ code: 'custom', path: ['residentsMaxAge'], message: 'residentsMaxAge is lower than residentsMinAge.' });
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
