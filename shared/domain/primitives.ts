// Small reusable zod pieces: ids, postcodes, dates. One definition each, used by every schema.
import * as z from 'zod';
import { PC4_PATTERN, PLACE_POSTCODE_PATTERN, POSTCODE_PATTERN } from './postcode-patterns.ts';

/** A stable slug chosen by the provider: lower case, digits and single hyphens. */
export const Slug = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: 'Use lower-case letters, digits and hyphens only (e.g. "de-linde-2").' });

/** A 4-digit postcode area ("6211"), as used for places and distance. */
export const Pc4 = z.string().regex(PC4_PATTERN, { message: 'A postcode area has 4 digits, e.g. 6211.' });

/** A full Dutch postcode, normalised to "6211 AB". */
export const Postcode = z
  .string()
  .trim()
  .regex(POSTCODE_PATTERN, { message: 'A postcode has 4 digits and 2 letters, e.g. 6211 AB.' })
  .transform((s) => `${s.slice(0, 4)} ${s.slice(-2).toUpperCase()}`);

/** A place to search from: 4 digits, or 4 digits and 2 letters; normalised to "6211" or "6211 AB". */
export const PlacePostcode = z
  .string()
  .trim()
  .regex(PLACE_POSTCODE_PATTERN, { message: 'Give a postcode: 4 digits, or 4 digits and 2 letters.' })
  .transform((s) => (s.length <= 4 ? s : `${s.slice(0, 4)} ${s.slice(-2).toUpperCase()}`));

/** A calendar date or an ISO date-time with offset; kept as given. */
export const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  message: 'Use a date like 2026-11-23 (or an ISO date-time).',
});

export const HttpsUrl = z.url({ protocol: /^https?$/, message: 'Use a full web address starting with https://.' });
export const Email = z.email({ message: 'Use an e-mail address like info@example.nl.' });
export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{8,20}$/, { message: 'Use a phone number like 043 123 45 67 or +31 43 123 45 67.' });

/** Free text shown to people: trimmed, not empty, bounded. */
export const Text = (max: number) => z.string().trim().min(1).max(max);
