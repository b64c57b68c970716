// The storage port for photo files: the uploads waiting to be processed (`incoming/`, one key per
// upload, scoped to its organisation and location) and the web sizes people see (`photos/`, the
// same path the site serves them at: CloudFront's /photos/* in AWS, the local server's locally).
// In AWS the browser sends an upload straight to S3 with a signed address; locally there is no
// S3, so the staff API receives it (functions/api/staff/provider/photos.ts) and puts it here.

/** Where the browser sends one upload's bytes, and how. */
export interface UploadTarget {
  method: 'PUT';
  /** Absolute (a signed S3 address) or a path on the site's own origin (the staff API). */
  url: string;
  /** Headers the request must carry as given (the signature covers them). */
  headers: Record<string, string>;
}

export interface PhotoStorage {
  /**
   * Whether uploads reach storage through the staff API (locally). When false, the API's upload
   * route is closed and `uploadTarget` gives a signed address.
   */
  readonly receivesUploadsThroughApi: boolean;
  /** The target for `bytes` bytes at `key`, valid `expiresInSeconds`; `apiPath` is the API's own upload route. */
  uploadTarget(key: string, bytes: number, expiresInSeconds: number, apiPath: string): Promise<UploadTarget>;
  /** An object's bytes, or undefined when there is none; refuses (PhotoTooLargeError) to read more than `maxBytes`. */
  get(key: string, maxBytes: number): Promise<Uint8Array | undefined>;
  put(key: string, body: Uint8Array, contentType: string): Promise<void>;
  /** Removes each key; a missing one is no error. */
  delete(keys: readonly string[]): Promise<void>;
}

/** An object larger than a read allowed: an upload that went around the signed size. */
export class PhotoTooLargeError extends Error {
  constructor(readonly key: string) {
    super(`The object at ${key} is larger than allowed.`);
    this.name = 'PhotoTooLargeError';
  }
}

/** Keys are built here only, from ids the API checked: lower-case slugs and UUIDs. */
const KEY_PART = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function part(value: string): string {
  if (!KEY_PART.test(value)) throw new Error(`Not a safe key part: ${JSON.stringify(value)}`);
  return value;
}

export const INCOMING_PREFIX = 'incoming/';
/** An upload nobody finished (the tab closed between sending and adding) is dropped after this many days: the bucket's lifecycle rule, and the local folder's clean-up at start. */
export const UNFINISHED_UPLOAD_DAYS = 1;
export const PHOTOS_PREFIX = 'photos/';

/** The key an upload waits at, under its organisation and location. */
export function incomingKey(organizationId: string, locationId: string, uploadId: string): string {
  return `${INCOMING_PREFIX}${part(organizationId)}/${part(locationId)}/${part(uploadId)}`;
}

/** The key of one web size; the site serves it at `/` + key. */
export function webSizeKey(organizationId: string, locationId: string, photoId: string, width: number): string {
  return `${PHOTOS_PREFIX}${part(organizationId)}/${part(locationId)}/${part(photoId)}-${width}.webp`;
}

/** The path a stored web size is served at (its key with a leading slash). */
export const pathOfKey = (key: string) => `/${key}`;
/** The key of a web size served at `path`. */
export const keyOfPath = (path: string) => path.replace(/^\//, '');

/** Web sizes have unique keys and never change: browsers and CloudFront keep them a year. */
export const WEB_SIZE_CACHE_CONTROL = 'public, max-age=31536000, immutable';
