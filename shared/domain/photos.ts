// Photos of a location as stored on it and shown on its page: each resized to web sizes (WebP) and
// described by an alt text, in the order the provider chose. The limits are the product's, shared
// by the API, the portal and the tests; the image work itself lives in functions/photos.
import * as z from 'zod';

/** A location shows at most this many photos. */
export const MAX_PHOTOS_PER_LOCATION = 6;
/** An upload may be at most 8 MB. */
export const MAX_PHOTO_BYTES = 8 * 1024 * 1024;
/** The widths each photo is made in (narrower when the original is narrower); the page picks one by `srcset`. */
export const PHOTO_WIDTHS = [480, 1200] as const;
/** Long enough for a sentence or two; a screen reader reads all of it. */
export const MAX_ALT_LENGTH = 250;

/** What a screen reader says instead of the photo: required, in plain Dutch (the portal shows these messages at the field). */
export const PhotoAlt = z
  .string({ message: 'Beschrijf wat er op de foto te zien is. Die tekst lezen mensen die de foto niet kunnen zien.' })
  .trim()
  .min(1, { message: 'Beschrijf wat er op de foto te zien is. Die tekst lezen mensen die de foto niet kunnen zien.' })
  .max(MAX_ALT_LENGTH, { message: `Maak de beschrijving korter: hoogstens ${MAX_ALT_LENGTH} tekens.` });

/** A generated id (a UUID), never chosen by a person. */
export const PhotoId = z.uuid();

export const PhotoSizeSchema = z.object({
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  /** Where the site serves it: CloudFront's /photos/* in AWS, the local server's locally. */
  path: z.string().regex(/^\/photos\/[a-z0-9-]+(?:\/[a-z0-9-]+)*\.webp$/),
});
export type PhotoSize = z.infer<typeof PhotoSizeSchema>;

export const PhotoSchema = z.object({
  id: PhotoId,
  alt: PhotoAlt,
  /** The largest size's dimensions: the page reserves this shape before the image arrives. */
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  /** Narrowest first. */
  sizes: z.array(PhotoSizeSchema).min(1),
});
export type Photo = z.infer<typeof PhotoSchema>;

/** A location's photos in the order shown, the first one first. */
export const PhotoListSchema = z.array(PhotoSchema).max(MAX_PHOTOS_PER_LOCATION);
