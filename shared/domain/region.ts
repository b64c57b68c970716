// A care-office region ("zorgkantoorregio") that this deployment serves.
import * as z from 'zod';
import { SECTORS } from './codes.ts';
import { Email, HttpsUrl, Phone, Slug, Text } from './primitives.ts';

/** The days of the week in ISO order (Monday first), as the opening hours name them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const ClockTime = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { message: 'Write a time as HH:MM, e.g. 09:00.' });

/** One stretch of opening hours: the same times on one or more days. */
export const OpeningPeriodSchema = z
  .strictObject({
    days: z.array(z.enum(WEEKDAYS)).min(1, { message: 'Choose at least one day.' }).max(7),
    opens: ClockTime,
    closes: ClockTime,
  })
  .superRefine((period, ctx) => {
    if (period.closes <= period.opens) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'The closing time comes after the opening time.' });
    if (new Set(period.days).size !== period.days.length) ctx.addIssue({ code: 'custom', path: ['days'], message: 'A day is named twice.' });
  });
export type OpeningPeriod = z.infer<typeof OpeningPeriodSchema>;

/**
 * When a person can call or walk in: structured, so the help page can show them as a table in either
 * language, plus a note for what a table cannot say ("by appointment", "closed on public holidays").
 */
export const OpeningHoursSchema = z.strictObject({
  periods: z.array(OpeningPeriodSchema).max(14),
  note: z.strictObject({ nl: Text(300), en: Text(300) }).optional(),
});
export type OpeningHours = z.infer<typeof OpeningHoursSchema>;

/**
 * An independent organisation that helps people choose (cliëntondersteuning) or that they deal
 * with on the way (the CIZ, the care office). The coordinator keeps this list per region.
 */
export const SupportOrganizationSchema = z.strictObject({
  id: Slug,
  name: Text(120),
  /** What it does for a person, in Dutch (B1) and English. */
  description: z.strictObject({ nl: Text(600), en: Text(600) }),
  /** Free for the person (independent client support is paid for by the Wlz or the municipality). */
  free: z.boolean().optional(),
  website: HttpsUrl.optional(),
  phone: Phone.optional(),
  email: Email.optional(),
  openingHours: OpeningHoursSchema.optional(),
  /** The region's municipalities (CBS codes) it serves; absent or empty: the whole region. */
  municipalities: z.array(z.string().regex(/^GM[0-9]{4}$/, { message: 'A municipality is its CBS code, e.g. GM0935.' })).max(100).optional(),
});
export type SupportOrganization = z.infer<typeof SupportOrganizationSchema>;

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
  /**
   * Whom providers and people contact about the region's directory: how to be listed, an error on a
   * page (the "report an error" mail goes to the provider and to this address).
   */
  coordinator: z.strictObject({ name: Text(120), email: Email, phone: Phone.optional() }).optional(),
  /** Independent help in choosing; the site's support page lists them. */
  supportOrganizations: z.array(SupportOrganizationSchema).max(30).default([]),
  /** Shown on every page while the listings are made up. */
  demonstration: z.boolean(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionSummarySchema = RegionSchema.pick({ id: true, name: true, primarySector: true, demonstration: true }).extend({
  housingFormCount: z.number().int().min(0),
  locationCount: z.number().int().min(0),
});
export type RegionSummary = z.infer<typeof RegionSummarySchema>;
