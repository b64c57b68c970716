// Photos of a location over DynamoDB Local and the local photo folder, as an editor meets them in
// the portal: ask where to send the file, send it, add it with its alt text; the photo then shows
// on the public location view with its web sizes. Refusals (no alt text, a 7th photo, a file that
// is no photo, another organisation, a stale version) store nothing; removal deletes the files.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LocalPhotoStorage } from '../../functions/photos/local-photo-storage.ts';
import { MAX_PHOTO_BYTES } from '../../shared/domain/index.ts';
import { createTestApp } from '../support/test-app.ts';
import { movableClock, TEST_ORIGIN } from '../support/test-staff-app.ts';
import { base, createProviderTestApp, LOC, OTHER_ORG, type ProviderTestApp } from '../support/test-provider-app.ts';

let t: ProviderTestApp;
const photosPath = `${base}/locations/${LOC}/photos`;

beforeEach(async () => {
  t = await createProviderTestApp({ clock: movableClock('2026-11-20T12:00:00Z') });
});

const jpeg = (width = 1600, height = 1200) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 150, b: 90 } } }).jpeg().toBuffer();

interface Answer { status: number; body: Record<string, unknown> & { error?: { code: string; fields?: Array<{ path: string; message: string }> } } }
const answer = async (res: Response): Promise<Answer> => ({ status: res.status, body: res.status === 204 ? {} : await res.json() as Answer['body'] });

/** The files in the local photo folder, relative to it. */
async function files(): Promise<string[]> {
  const root = (t.photos as LocalPhotoStorage).root;
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name).slice(root.length + 1)])));
    return nested.flat();
  };
  return (await walk(root)).sort();
}

const locationVersion = async () => (await t.stores.providerListings.readLocation('zorggroep-test', LOC))?.version as number;

/** Upload target, bytes, finish: what the portal does. */
async function addPhoto(body: Uint8Array<ArrayBuffer>, alt: unknown, cookie = t.people.editor, version?: number) {
  const target = await answer(await t.send('POST', `${photosPath}/uploads`, { bytes: body.length }, cookie));
  if (target.status !== 201) return target;
  const { uploadId, upload } = target.body as { uploadId: string; upload: { url: string; headers: Record<string, string> } };
  const sent = await t.app.request(`${TEST_ORIGIN}${upload.url}`, {
    method: 'PUT', body, headers: { ...upload.headers, origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin', cookie },
  });
  if (sent.status !== 204) return answer(sent);
  return answer(await t.send('POST', photosPath, { version: version ?? await locationVersion(), uploadId, alt }, cookie));
}

describe('adding a photo', () => {
  it('shows on the public location view with its alt text and web sizes; the upload is not kept; one audit record', async () => {
    const added = await addPhoto(new Uint8Array(await jpeg()), '  De tuin met bankjes en een vijver  ');
    expect(added.status).toBe(201);
    expect(added.body.version).toBe(2);
    const publicApi = createTestApp(t.stores, { now: () => new Date('2026-11-20T12:00:00Z') });
    const view = await (await publicApi.request(`/api/locations/${LOC}`)).json() as { location: { photos: unknown[] } };
    expect(view.location.photos).toEqual([{
      id: expect.stringMatching(/^[0-9a-f-]{36}$/), alt: 'De tuin met bankjes en een vijver', width: 1200, height: 900,
      sizes: [
        { width: 480, height: 360, path: expect.stringMatching(new RegExp(`^/photos/zorggroep-test/${LOC}/[0-9a-f-]{36}-480\\.webp$`)) },
        { width: 1200, height: 900, path: expect.stringMatching(/-1200\.webp$/) },
      ],
    }]);
    const stored = await files();
    expect(stored.filter((f) => f.startsWith('incoming/'))).toEqual([]);
    expect(stored.map((f) => `/${f}`)).toEqual((view.location.photos as Array<{ sizes: Array<{ path: string }> }>)[0]?.sizes.map((s) => s.path).sort());
    const history = await t.stores.providerListings.locationHistory('zorggroep-test', LOC);
    expect(history.map((c) => c.action)).toEqual(['photos']);
    // The portal's overview no longer asks for a photo.
    const listing = await (await t.send('GET', base, undefined, t.people.editor)).json() as { locations: Array<{ location: { id: string }; attention: Array<{ kind: string }> }> };
    expect(listing.locations.find((l) => l.location.id === LOC)?.attention.map((a) => a.kind)).not.toContain('no-photo');
  });

  it('requires an alt text, in plain Dutch at the field, and stores nothing', async () => {
    const before = await t.storedListing();
    const refused = await addPhoto(new Uint8Array(await jpeg()), '   ');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.fields).toEqual([{ path: 'alt', message: expect.stringMatching(/^Beschrijf wat er op de foto te zien is/) }]);
    expect(await t.storedListing()).toEqual(before);
    expect(await files()).toEqual([]);
  });

  it('refuses a GIF named .jpg and a file over 8 MB with a Dutch message, and keeps no file', async () => {
    const gif = new Uint8Array(await sharp({ create: { width: 20, height: 20, channels: 3, background: 'red' } }).gif().toBuffer());
    const refused = await addPhoto(gif, 'Een rode vlek');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.fields?.[0]).toEqual({ path: 'photo', message: expect.stringContaining('JPEG, PNG of WebP') });
    const tooLarge = await answer(await t.send('POST', `${photosPath}/uploads`, { bytes: MAX_PHOTO_BYTES + 1 }, t.people.editor));
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.error?.fields?.[0]).toMatchObject({ path: 'bytes', message: expect.stringContaining('hoogstens 8 MB') });
    // Sent anyway to the upload route: refused by its own limit.
    const target = await answer(await t.send('POST', `${photosPath}/uploads`, { bytes: 10 }, t.people.editor));
    const { upload } = target.body as { upload: { url: string; headers: Record<string, string> } };
    const big = await t.app.request(`${TEST_ORIGIN}${upload.url}`, {
      method: 'PUT', body: new Uint8Array(MAX_PHOTO_BYTES + 1), headers: { ...upload.headers, origin: TEST_ORIGIN, cookie: t.people.editor },
    });
    expect(big.status).toBe(400);
    expect(await files()).toEqual([]);
    expect(await locationVersion()).toBe(1);
  });

  it('takes six photos and refuses the seventh', async () => {
    const photo = new Uint8Array(await jpeg(300, 200));
    for (let i = 1; i <= 6; i++) expect((await addPhoto(photo, `Foto ${i}`)).status).toBe(201);
    const seventh = await addPhoto(photo, 'Foto 7');
    expect(seventh.status).toBe(400);
    expect(seventh.body.error?.fields?.[0]).toMatchObject({ path: 'photos', message: expect.stringContaining('al 6 foto\'s') });
    const location = await t.stores.providerListings.readLocation('zorggroep-test', LOC);
    expect(location?.value.photos?.map((p) => p.alt)).toEqual(['Foto 1', 'Foto 2', 'Foto 3', 'Foto 4', 'Foto 5', 'Foto 6']);
    // A 300 px original is not enlarged: one size each.
    expect(await files()).toHaveLength(6);
  });

  it('refuses another organisation\'s editor (403), anybody not signed in (401) and a request without Origin, storing nothing', async () => {
    const before = await t.storedState();
    expect((await t.send('POST', `${photosPath}/uploads`, { bytes: 100 }, t.people.otherEditor)).status).toBe(403);
    expect((await t.send('POST', `${photosPath}/uploads`, { bytes: 100 })).status).toBe(401);
    const uploadId = '9b2f4c1e-3d5a-4e6b-8c7d-0a1b2c3d4e5f';
    const foreign = await t.app.request(`${TEST_ORIGIN}${photosPath}/uploads/${uploadId}`, {
      method: 'PUT', body: new Uint8Array(await jpeg()), headers: { 'content-type': 'application/octet-stream', origin: TEST_ORIGIN, cookie: t.people.otherEditor },
    });
    expect(foreign.status).toBe(403);
    const noOrigin = await t.app.request(`${TEST_ORIGIN}${photosPath}/uploads/${uploadId}`, {
      method: 'PUT', body: new Uint8Array(await jpeg()), headers: { 'content-type': 'application/octet-stream', cookie: t.people.editor },
    });
    expect(noOrigin.status).toBe(403);
    // Raw bytes only to the upload route: elsewhere the JSON-only rule stands.
    const binaryElsewhere = await t.app.request(`${TEST_ORIGIN}${photosPath}`, {
      method: 'POST', body: new Uint8Array(10), headers: { 'content-type': 'application/octet-stream', origin: TEST_ORIGIN, cookie: t.people.editor },
    });
    expect(binaryElsewhere.status).toBe(415);
    expect((await t.send('POST', photosPath, { version: 1, uploadId, alt: 'Tuin' }, t.people.otherEditor)).status).toBe(403);
    expect(await t.storedState()).toEqual(before);
    expect(await files()).toEqual([]);
    expect((await t.send('GET', `/api/provider/organizations/${OTHER_ORG}`, undefined, t.people.otherEditor)).status).toBe(200);
  });

  it('answers a stale version with 409 and the location as it is now, keeping no file', async () => {
    const refused = await addPhoto(new Uint8Array(await jpeg()), 'De tuin', t.people.editor, 7);
    expect(refused.status).toBe(409);
    expect(refused.body.error?.code).toBe('version_conflict');
    expect(refused.body.error).toMatchObject({ current: { version: 1, location: { id: LOC } } });
    expect(await files()).toEqual([]);
  });
});

describe('arranging and removing', () => {
  it('reorders and renames, refuses a list that is not every photo once, and removal deletes the files', async () => {
    const photo = new Uint8Array(await jpeg(800, 600));
    await addPhoto(photo, 'Eerste');
    await addPhoto(photo, 'Tweede');
    const [first, second] = (await t.stores.providerListings.readLocation('zorggroep-test', LOC))?.value.photos ?? [];
    if (!first || !second) throw new Error('Two photos expected');
    const wrong = await answer(await t.send('PUT', photosPath, { version: 3, photos: [{ id: first.id, alt: 'x' }] }, t.people.editor));
    expect(wrong.status).toBe(400);
    const arranged = await answer(await t.send('PUT', photosPath, { version: 3, photos: [{ id: second.id, alt: 'De woonkamer' }, { id: first.id, alt: 'Eerste' }] }, t.people.editor));
    expect(arranged.status).toBe(200);
    expect((arranged.body.location as { photos: Array<{ alt: string }> }).photos.map((p) => p.alt)).toEqual(['De woonkamer', 'Eerste']);
    expect((await t.send('PUT', photosPath, { version: 3, photos: [{ id: first.id, alt: 'a' }, { id: second.id, alt: 'b' }] }, t.people.editor)).status).toBe(409);

    expect((await t.send('DELETE', `${photosPath}/${second.id}`, { version: 4 }, t.people.otherEditor)).status).toBe(403);
    const removed = await answer(await t.send('DELETE', `${photosPath}/${second.id}`, { version: 4 }, t.people.editor));
    expect(removed.status).toBe(200);
    expect((removed.body.location as { photos: Array<{ id: string }> }).photos.map((p) => p.id)).toEqual([first.id]);
    const left = await files();
    expect(left.some((f) => f.includes(second.id))).toBe(false);
    expect(left.filter((f) => f.includes(first.id))).toHaveLength(2);
    await Promise.all(left.map((f) => stat(join((t.photos as LocalPhotoStorage).root, f))));

    // An edit of the location's own fields keeps its photos.
    const location = (await t.stores.providerListings.readLocation('zorggroep-test', LOC))?.value;
    const { regionId: _r, organizationId: _o, point: _p, photos: _ph, ...fields } = location as NonNullable<typeof location>;
    const edited = await answer(await t.send('PUT', `${base}/locations/${LOC}`, { version: 5, location: { ...fields, name: 'De Linde (nieuw)' } }, t.people.editor));
    expect(edited.status).toBe(200);
    expect((edited.body.location as { photos: Array<{ id: string }> }).photos.map((p) => p.id)).toEqual([first.id]);
  });
});
