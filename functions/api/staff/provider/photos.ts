// A location's photos (issue 11): up to six, each with an alt text, in the provider's order.
// Adding one takes two steps, so the bytes never pass through a JSON body: ask for an upload
// target (a presigned S3 PUT under `incoming/` in AWS; this API's own upload route locally), send
// the bytes there, then finish: the server reads the upload, checks it by its content, makes the
// web sizes (functions/photos/photo-content.ts), stores them under `photos/`, records the photo on
// the location with a versioned write (audit `photos`) and deletes the upload in every outcome.
// Processing runs here in the staff function rather than in an S3-event function, so a refused
// file is a 400 at the field and a stale version a 409, answered to the person who sent it
// (sharp ships in the staff function as a node module: infra/bundling.ts LAMBDA_NODE_MODULES).
import { randomUUID } from 'node:crypto';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod';
import {
  MAX_ALT_LENGTH, MAX_PHOTO_BYTES, MAX_PHOTOS_PER_LOCATION, PhotoAlt, PhotoId, PhotoSchema, VersionSchema, type Photo,
} from '../../../../shared/domain/index.ts';
import { PHOTO_MESSAGES, PhotoRefusedError, webSizesOf } from '../../../photos/photo-content.ts';
import { incomingKey, keyOfPath, pathOfKey, PhotoTooLargeError, webSizeKey } from '../../../photos/photo-storage.ts';
import { createResourceApp } from '../../app-factory.ts';
import { NotFoundError, UnusableFieldError } from '../../errors.ts';
import { apiRoute, json } from '../../openapi-route.ts';
import type { StaffDeps, StaffEnv } from '../context.ts';
import {
  conflict, CurrentLocation, LocationParams, providerCaller, providerProblems, VersionedLocation, VersionRequest,
} from './schemas.ts';
import { VersionConflictError } from '../../../store/store-errors.ts';

const PHOTOS_PATH = '/organizations/{organizationId}/locations/{locationId}/photos';
/** The local upload route, which takes raw bytes (app.ts exempts it from the JSON-only rule and the 256 KB limit). */
export const PHOTO_UPLOAD_PATH = /^\/api\/provider\/organizations\/[^/]+\/locations\/[^/]+\/photos\/uploads\/[^/]+$/;
/** A signed upload address is valid this long: time to send 8 MB over a slow line, not to pass it around. */
export const UPLOAD_EXPIRY_SECONDS = 10 * 60;
const FULL_MESSAGE = `Deze locatie heeft al ${MAX_PHOTOS_PER_LOCATION} foto's. Haal eerst een foto weg om een andere toe te voegen.`;

const UploadParams = LocationParams.extend({ uploadId: PhotoId });
const PhotoParams = LocationParams.extend({ photoId: PhotoId });

const UploadRequest = z.strictObject({
  bytes: z.number().int().min(1, { message: PHOTO_MESSAGES.empty }).max(MAX_PHOTO_BYTES, { message: PHOTO_MESSAGES.tooLarge })
    .describe(`The file's size in bytes (at most ${MAX_PHOTO_BYTES}); in AWS the signed address takes exactly this many.`),
});
const UploadAnswer = z.object({
  uploadId: PhotoId,
  upload: z.object({
    method: z.literal('PUT'),
    url: z.string().describe('Where to send the bytes: a signed S3 address, or this API\'s upload route (a path) locally.'),
    headers: z.record(z.string(), z.string()).describe('Headers to send as given.'),
  }),
  expiresAt: z.string().describe('ISO date-time; finish before it.'),
});
const FinishRequest = z.strictObject({
  version: VersionSchema.describe('The location\'s version the photo is added to.'),
  uploadId: PhotoId,
  // Checked in the handler (as PhotoAlt), so a refused alt text still deletes the upload.
  alt: z.string().max(10_000).describe(`What the photo shows, for people who cannot see it: required, at most ${MAX_ALT_LENGTH} characters.`),
});
const ArrangeRequest = z.strictObject({
  version: VersionSchema,
  photos: z.array(z.strictObject({ id: PhotoId, alt: PhotoAlt })).max(MAX_PHOTOS_PER_LOCATION)
    .describe('Every photo of the location, in the order to show them, each with its alt text.'),
});
const PhotoAdded = VersionedLocation.extend({ photo: PhotoSchema });

/** The location as the caller's organisation holds it, at the version the editor read (409 otherwise). */
async function locationAt(deps: StaffDeps, organizationId: string, locationId: string, version: number) {
  const current = await deps.providerListings.readLocation(organizationId, locationId);
  if (!current) throw NotFoundError.of(`Location "${locationId}"`);
  if (current.version !== version) {
    throw new VersionConflictError('location', { locationId }, version, { location: current.value, version: current.version });
  }
  return current.value;
}

const keysOf = (photos: readonly Photo[]) => photos.flatMap((p) => p.sizes.map((s) => keyOfPath(s.path)));

export const photosApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'post',
      path: `${PHOTOS_PATH}/uploads`,
      operationId: 'createPhotoUpload',
      summary: 'Where to send a new photo\'s bytes',
      description: 'Step 1 of adding a photo: send the bytes with the method, address and headers given, then finish with addPhoto.',
      request: { params: LocationParams, body: { required: true, ...json(UploadRequest, 'The size of the file to send.') } },
      responses: { 201: json(UploadAnswer, 'The upload\'s id and target.'), ...providerProblems },
    }),
    async (c) => {
      const { organizationId, locationId } = c.req.valid('param');
      providerCaller(c.var.identity, c.var.deps, organizationId);
      const { bytes } = c.req.valid('json');
      const location = await c.var.deps.providerListings.readLocation(organizationId, locationId);
      if (!location) throw NotFoundError.of(`Location "${locationId}"`);
      if ((location.value.photos?.length ?? 0) >= MAX_PHOTOS_PER_LOCATION) throw new UnusableFieldError('photos', FULL_MESSAGE);
      const uploadId = randomUUID();
      const apiPath = `/api/provider/organizations/${organizationId}/locations/${locationId}/photos/uploads/${uploadId}`;
      const upload = await c.var.deps.photos.uploadTarget(incomingKey(organizationId, locationId, uploadId), bytes, UPLOAD_EXPIRY_SECONDS, apiPath);
      const expiresAt = new Date(c.var.deps.clock.now().getTime() + UPLOAD_EXPIRY_SECONDS * 1000).toISOString();
      return c.json({ uploadId, upload, expiresAt }, 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'put',
      path: `${PHOTOS_PATH}/uploads/{uploadId}`,
      operationId: 'sendPhotoUpload',
      summary: 'Receives a photo\'s bytes (local server only)',
      description: `Where createPhotoUpload points locally; in AWS the bytes go to S3 and this answers 404. At most ${MAX_PHOTO_BYTES} bytes.`,
      middleware: [
        bodyLimit({
          maxSize: MAX_PHOTO_BYTES,
          onError: () => {
            throw new UnusableFieldError('photo', PHOTO_MESSAGES.tooLarge);
          },
        }),
      ] as const,
      request: {
        params: UploadParams,
        body: { required: true, description: 'The file as it is.', content: { 'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) } } },
      },
      responses: { 204: { description: 'Received; finish with addPhoto.' }, ...providerProblems },
    }),
    async (c) => {
      const { organizationId, locationId, uploadId } = c.req.valid('param');
      providerCaller(c.var.identity, c.var.deps, organizationId);
      const { photos, providerListings } = c.var.deps;
      if (!photos.receivesUploadsThroughApi) throw NotFoundError.of('This upload route');
      if (!(await providerListings.readLocation(organizationId, locationId))) throw NotFoundError.of(`Location "${locationId}"`);
      const body = new Uint8Array(await c.req.arrayBuffer());
      if (body.length === 0) throw new UnusableFieldError('photo', PHOTO_MESSAGES.empty);
      await photos.put(incomingKey(organizationId, locationId, uploadId), body, 'application/octet-stream');
      return c.body(null, 204);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: PHOTOS_PATH,
      operationId: 'addPhoto',
      summary: 'Adds an uploaded photo to a location',
      description:
        'Step 2: the upload is checked by its content (JPEG, PNG or WebP, at most 8 MB), made into web sizes (WebP, upright, ' +
        `without metadata) and added last; the upload itself is deleted, whatever the outcome. At most ${MAX_PHOTOS_PER_LOCATION} photos a location.`,
      request: { params: LocationParams, body: { required: true, ...json(FinishRequest, 'The upload, its alt text and the location\'s version.') } },
      responses: {
        201: json(PhotoAdded, 'The location with the photo, its new version and the photo.'),
        ...providerProblems,
        409: conflict(CurrentLocation, 'Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version, uploadId, alt: altAsSent } = c.req.valid('json');
      const { photos: storage, providerListings } = c.var.deps;
      const upload = incomingKey(organizationId, locationId, uploadId);
      let written: string[] = [];
      try {
        const altText = PhotoAlt.safeParse(altAsSent);
        if (!altText.success) throw new UnusableFieldError('alt', altText.error.issues[0]?.message ?? PHOTO_MESSAGES.missing);
        const alt = altText.data;
        const location = await locationAt(c.var.deps, organizationId, locationId, version);
        const current = location.photos ?? [];
        if (current.length >= MAX_PHOTOS_PER_LOCATION) throw new UnusableFieldError('photos', FULL_MESSAGE);
        const bytes = await storage.get(upload, MAX_PHOTO_BYTES);
        if (!bytes) throw new UnusableFieldError('uploadId', PHOTO_MESSAGES.missing);
        const sizes = await webSizesOf(bytes);
        const photoId = randomUUID();
        const stored = sizes.map((size) => ({ size, key: webSizeKey(organizationId, locationId, photoId, size.width) }));
        written = stored.map((s) => s.key);
        await Promise.all(stored.map(({ size, key }) => storage.put(key, size.body, 'image/webp')));
        const largest = sizes[sizes.length - 1] as (typeof sizes)[number];
        const photo: Photo = {
          id: photoId, alt, width: largest.width, height: largest.height,
          sizes: stored.map(({ size, key }) => ({ width: size.width, height: size.height, path: pathOfKey(key) })),
        };
        const saved = await providerListings.updateLocationPhotos(organizationId, locationId, [...current, photo], version, ctx);
        written = [];
        return c.json({ location: saved.value, version: saved.version, photo }, 201);
      } catch (error) {
        if (error instanceof PhotoRefusedError) throw new UnusableFieldError(error.field, error.message);
        if (error instanceof PhotoTooLargeError) throw new UnusableFieldError('photo', PHOTO_MESSAGES.tooLarge);
        throw error;
      } finally {
        // The upload is never kept; web sizes of a photo that was not recorded neither.
        await storage.delete([upload, ...written]);
      }
    },
  )
  .openapi(
    apiRoute({
      method: 'put',
      path: PHOTOS_PATH,
      operationId: 'arrangePhotos',
      summary: 'Reorders a location\'s photos and changes their alt texts',
      description: 'Names every photo the location has, each once, in the new order.',
      request: { params: LocationParams, body: { required: true, ...json(ArrangeRequest, 'The photos in order and the location\'s version.') } },
      responses: {
        200: json(VersionedLocation, 'The location as stored and its new version.'),
        ...providerProblems,
        409: conflict(CurrentLocation, 'Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version, photos } = c.req.valid('json');
      const location = await locationAt(c.var.deps, organizationId, locationId, version);
      const byId = new Map((location.photos ?? []).map((p) => [p.id, p]));
      const named = new Set(photos.map((p) => p.id));
      if (named.size !== photos.length || named.size !== byId.size || photos.some((p) => !byId.has(p.id))) {
        throw new UnusableFieldError('photos', 'Noem elke foto van deze locatie precies één keer. Laad de pagina opnieuw en probeer het nog eens.');
      }
      const arranged = photos.map(({ id, alt }) => ({ ...(byId.get(id) as Photo), alt }));
      const saved = await c.var.deps.providerListings.updateLocationPhotos(organizationId, locationId, arranged, version, ctx);
      return c.json({ location: saved.value, version: saved.version }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: `${PHOTOS_PATH}/{photoId}`,
      operationId: 'removePhoto',
      summary: 'Removes a photo from a location',
      description: 'Its files are deleted once the location no longer shows it.',
      request: { params: PhotoParams, body: { required: true, ...json(VersionRequest, 'The location\'s version the removal is based on.') } },
      responses: {
        200: json(VersionedLocation, 'The location as stored and its new version.'),
        ...providerProblems,
        409: conflict(CurrentLocation, 'Changed since it was read (`version_conflict`, with `current`).'),
      },
    }),
    async (c) => {
      const { organizationId, locationId, photoId } = c.req.valid('param');
      const ctx = providerCaller(c.var.identity, c.var.deps, organizationId);
      const { version } = c.req.valid('json');
      const location = await locationAt(c.var.deps, organizationId, locationId, version);
      const photos = location.photos ?? [];
      const gone = photos.find((p) => p.id === photoId);
      if (!gone) throw NotFoundError.of(`Photo "${photoId}"`);
      const saved = await c.var.deps.providerListings.updateLocationPhotos(organizationId, locationId, photos.filter((p) => p !== gone), version, ctx);
      await c.var.deps.photos.delete(keysOf([gone]));
      return c.json({ location: saved.value, version: saved.version }, 200);
    },
  );

/** The files of a location's photos, for whoever removes the location. */
export const photoKeysOf = keysOf;
