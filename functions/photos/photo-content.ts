// What an uploaded photo is and the web sizes made from it. The kind is read from the bytes
// (their magic numbers), never from a file name or a declared type, and sharp must then read the
// same kind: a GIF, SVG or HTML page named .jpg is refused, a PNG named .jpg is taken. The web
// sizes are WebP, turned upright by the EXIF orientation first and stripped of all metadata
// (sharp keeps none unless asked: no camera, no GPS position); the original is not kept.
// sharp is imported on first use: its native library is loaded only by a photo request.
import type { Sharp } from 'sharp';
import { MAX_PHOTO_BYTES, PHOTO_WIDTHS } from '../../shared/domain/index.ts';

export type PhotoKind = 'jpeg' | 'png' | 'webp';

/** An upload that is no usable photo: a 400 at `field` with a message for the person (Dutch, B1). */
export class PhotoRefusedError extends Error {
  constructor(
    message: string,
    readonly field = 'photo',
  ) {
    super(message);
    this.name = 'PhotoRefusedError';
  }
}

export const PHOTO_MESSAGES = {
  tooLarge: `Deze foto is te groot. Een foto mag hoogstens ${MAX_PHOTO_BYTES / (1024 * 1024)} MB zijn. Maak de foto kleiner en probeer het opnieuw.`,
  notAPhoto: 'Dit bestand is geen foto die we kunnen gebruiken. Kies een foto van het type JPEG, PNG of WebP.',
  empty: 'Dit bestand is leeg. Kies een foto van het type JPEG, PNG of WebP.',
  unreadable: 'Deze foto kunnen we niet openen. Misschien is het bestand beschadigd. Kies een andere foto.',
  missing: 'We hebben de foto niet ontvangen. Kies de foto en probeer het opnieuw.',
} as const;

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The photo kind the bytes start with, or undefined for anything else. */
export function sniffPhotoKind(bytes: Uint8Array): PhotoKind | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  return undefined;
}

/** Refuses what is too large, empty or no JPEG, PNG or WebP by its bytes; the kind otherwise. */
export function checkPhotoBytes(bytes: Uint8Array): PhotoKind {
  if (bytes.length > MAX_PHOTO_BYTES) throw new PhotoRefusedError(PHOTO_MESSAGES.tooLarge);
  if (bytes.length === 0) throw new PhotoRefusedError(PHOTO_MESSAGES.empty);
  const kind = sniffPhotoKind(bytes);
  if (!kind) throw new PhotoRefusedError(PHOTO_MESSAGES.notAPhoto);
  return kind;
}

export interface WebSize {
  width: number;
  height: number;
  body: Uint8Array;
}

/**
 * A decoded image larger than this many pixels is refused before it is decoded: a small file can
 * unpack to gigabytes ("decompression bomb"). 60 megapixels holds any phone or camera photo.
 */
const MAX_INPUT_PIXELS = 60_000_000;
const WEBP_QUALITY = 80;

/**
 * The web sizes of an upload (narrowest first), each at most PHOTO_WIDTHS wide and never wider
 * than the original; a PhotoRefusedError for anything that is no usable JPEG, PNG or WebP.
 */
export async function webSizesOf(bytes: Uint8Array): Promise<WebSize[]> {
  const kind = checkPhotoBytes(bytes);
  const { default: sharp } = await import('sharp');
  let source: Sharp;
  try {
    source = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' });
    const meta = await source.metadata();
    // The second check: the decoder must agree with the magic number.
    if (meta.format !== kind) throw new PhotoRefusedError(PHOTO_MESSAGES.notAPhoto);
  } catch (error) {
    if (error instanceof PhotoRefusedError) throw error;
    throw new PhotoRefusedError(PHOTO_MESSAGES.unreadable);
  }
  // Rotated once by its EXIF orientation; each size is cut from that upright image.
  const upright = source.rotate();
  const made = new Map<number, WebSize>();
  for (const width of PHOTO_WIDTHS) {
    try {
      const { data, info } = await upright
        .clone()
        .resize({ width, withoutEnlargement: true })
        .webp({ quality: WEBP_QUALITY })
        .toBuffer({ resolveWithObject: true });
      // An original narrower than a size yields the same width twice: kept once.
      if (!made.has(info.width)) made.set(info.width, { width: info.width, height: info.height, body: new Uint8Array(data) });
    } catch {
      throw new PhotoRefusedError(PHOTO_MESSAGES.unreadable);
    }
  }
  return [...made.values()].sort((a, b) => a.width - b.width);
}
