// An attacker's pass over photo uploads, over DynamoDB Local and the local photo folder: ids that
// try to leave their place (../, encoded), another organisation's upload reached by its id, a
// finish replayed or made on someone else's upload, files that are no photo underneath (an HTML or
// SVG page, a JPEG/HTML polyglot, a small PNG declaring a huge image), the local /photos/... files
// read with traversal, and the scope of the presigned S3 address (one key, one size, ten minutes).
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { serve, type ServerType } from '@hono/node-server';
import { S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalServerApp } from '../../functions/local/local-server.ts';
import type { LocalPhotoStorage } from '../../functions/photos/local-photo-storage.ts';
import { S3PhotoStorage } from '../../functions/photos/s3-photo-storage.ts';
import { incomingKey } from '../../functions/photos/photo-storage.ts';
import { UPLOAD_EXPIRY_SECONDS } from '../../functions/api/staff/provider/photos.ts';
import { createTestApp } from '../support/test-app.ts';
import { movableClock, TEST_ORIGIN } from '../support/test-staff-app.ts';
import { base, createProviderTestApp, LOC, ORG, OTHER_LOC, OTHER_ORG, type ProviderTestApp } from '../support/test-provider-app.ts';

let t: ProviderTestApp;
const photosPath = `${base}/locations/${LOC}/photos`;
const otherPhotosPath = `/api/provider/organizations/${OTHER_ORG}/locations/${OTHER_LOC}/photos`;

beforeEach(async () => {
  t = await createProviderTestApp({ clock: movableClock('2026-11-20T12:00:00Z') });
});

const jpeg = async () => new Uint8Array(await sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 90, g: 150, b: 200 } } }).jpeg().toBuffer());
const root = () => (t.photos as LocalPhotoStorage).root;

async function files(): Promise<string[]> {
  const walk = async (dir: string): Promise<string[]> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name).slice(root().length + 1)])));
    return nested.flat();
  };
  return (await walk(root())).sort();
}

const putBytes = (path: string, body: Uint8Array, cookie: string) =>
  t.app.request(`${TEST_ORIGIN}${path}`, {
    method: 'PUT', body: body as Uint8Array<ArrayBuffer>,
    headers: { 'content-type': 'application/octet-stream', origin: TEST_ORIGIN, 'sec-fetch-site': 'same-origin', cookie },
  });

const locationVersion = async (org = ORG, loc = LOC) => (await t.stores.providerListings.readLocation(org, loc))?.version as number;

/** Asks for a target and sends the bytes; the upload's id. */
async function upload(body: Uint8Array, cookie = t.people.editor, path = photosPath): Promise<string> {
  const target = await t.send('POST', `${path}/uploads`, { bytes: body.length }, cookie);
  expect(target.status).toBe(201);
  const { uploadId, upload: to } = await target.json() as { uploadId: string; upload: { url: string } };
  expect((await putBytes(to.url, body, cookie)).status).toBe(204);
  return uploadId;
}

const finish = (uploadId: string, version: number, cookie = t.people.editor, path = photosPath) =>
  t.send('POST', path, { version, uploadId, alt: 'De voortuin' }, cookie);

describe('ids that try to leave their place', () => {
  it('an upload or finish with ../ or an encoded one in an id is refused (400 or 404) and writes no file', async () => {
    const bytes = await jpeg();
    for (const id of ['..%2F..%2Fphotos%2Fx', '%2e%2e', '..', '00000000-0000-4000-8000-000000000000%2F..%2F..%2Fx']) {
      const res = await putBytes(`${photosPath}/uploads/${id}`, bytes, t.people.editor);
      // A literal or encoded ".." segment is resolved by URL parsing before routing: PUT .../photos, which takes JSON only (415).
      expect([400, 404, 415], id).toContain(res.status);
    }
    for (const id of ['../../photos/zorggroep-test/x', '..%2Fx', `${'0'.repeat(8)}-0000-4000-8000-000000000000/../x`]) {
      const res = await t.send('POST', photosPath, { version: 1, uploadId: id, alt: 'x' }, t.people.editor);
      expect(res.status, id).toBe(400);
    }
    for (const loc of ['..%2F..%2Fincoming', '%2e%2e']) {
      const res = await t.send('POST', `${base}/locations/${loc}/photos/uploads`, { bytes: 10 }, t.people.editor);
      expect([400, 404], loc).toContain(res.status);
    }
    expect(await files()).toEqual([]);
  });

  it('keys are only made from safe parts, whatever a caller passes', () => {
    for (const bad of ['..', '../x', 'a/b', 'A', '%2e', '']) {
      expect(() => incomingKey(ORG, LOC, bad), bad).toThrow();
      expect(() => incomingKey(bad, LOC, 'x'), bad).toThrow();
    }
  });
});

describe('another organisation\'s upload', () => {
  it('cannot be written to by guessing its id, nor finished, nor replaced; the owner\'s photo is added untouched', async () => {
    const uploadId = await upload(await jpeg());
    const planted = new Uint8Array(await sharp({ create: { width: 400, height: 300, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer());
    // Straight at the victim's upload address: not a provider of that organisation.
    expect((await putBytes(`${photosPath}/uploads/${uploadId}`, planted, t.people.otherEditor)).status).toBe(403);
    // Through the attacker's own organisation with the victim's location: no such location there.
    expect((await putBytes(`/api/provider/organizations/${OTHER_ORG}/locations/${LOC}/photos/uploads/${uploadId}`, planted, t.people.otherEditor)).status).toBe(404);
    // Finishing it under the attacker's own location reads the attacker's own (empty) place.
    const stolen = await finish(uploadId, await locationVersion(OTHER_ORG, OTHER_LOC), t.people.otherEditor, otherPhotosPath);
    expect(stolen.status).toBe(400);
    expect(((await stolen.json()) as { error: { fields: Array<{ path: string }> } }).error.fields[0]?.path).toBe('uploadId');
    expect((await t.stores.providerListings.readLocation(OTHER_ORG, OTHER_LOC))?.value.photos ?? []).toEqual([]);
    // Finishing it directly under the victim's path is a 403.
    expect((await finish(uploadId, await locationVersion(), t.people.otherEditor)).status).toBe(403);
    // The victim's upload is still there and becomes their photo.
    const own = await finish(uploadId, await locationVersion());
    expect(own.status).toBe(201);
    const { photo } = await own.json() as { photo: { width: number; height: number } };
    expect([photo.width, photo.height]).toEqual([800, 600]);
  });

  it('a finish replayed adds no second photo', async () => {
    const uploadId = await upload(await jpeg());
    const first = await finish(uploadId, await locationVersion());
    expect(first.status).toBe(201);
    const replay = await finish(uploadId, await locationVersion());
    expect(replay.status).toBe(400);
    expect((await t.stores.providerListings.readLocation(ORG, LOC))?.value.photos).toHaveLength(1);
    expect((await files()).filter((f) => f.startsWith('incoming/'))).toEqual([]);
  });
});

// A PNG chunk: length, type, data, CRC-32 over type and data.
function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  let crc = ~0;
  for (const byte of typed) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(~crc >>> 0);
  return Buffer.concat([length, typed, sum]);
}

/** A valid PNG header declaring width × height pixels, with a few KB of compressed zeros. */
function pngBomb(width: number, height: number): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc((width + 1) * 64)); // the first rows only: enough to start decoding
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', rows), chunk('IEND', Buffer.alloc(0))]));
}

describe('files that are no photo underneath', () => {
  it('an HTML or SVG page, a JPEG/HTML polyglot and a huge declared image are refused at the field, quickly, keeping no file', async () => {
    const html = new TextEncoder().encode('<!doctype html><script>alert(document.cookie)</script>');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>');
    const polyglot = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('<html><script>alert(1)</script></html>')]);
    const started = Date.now();
    for (const [name, bytes] of [['html', html], ['svg', svg], ['polyglot', polyglot], ['bomb', pngBomb(100_000, 100_000)], ['wide', pngBomb(1_000_000, 70)]] as const) {
      const uploadId = await upload(bytes);
      const res = await finish(uploadId, await locationVersion());
      expect(res.status, name).toBe(400);
      const body = await res.json() as { error: { fields: Array<{ path: string; message: string }> } };
      expect(body.error.fields[0]?.path, name).toBe('photo');
      expect(body.error.fields[0]?.message, name).toMatch(/foto/);
    }
    // sharp's limitInputPixels holds: refused from the header, not after decoding gigapixels.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(await files()).toEqual([]);
    expect((await t.stores.providerListings.readLocation(ORG, LOC))?.value.photos ?? []).toEqual([]);
  });
});

describe('the local server\'s /photos/...', () => {
  let server: ServerType | undefined;
  afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  /** A GET with the path sent exactly as written (no client normalises the dots away). */
  const rawGet = (port: number, path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('serves the web sizes and nothing outside photos/: not the waiting uploads, not the files beside the folder', async () => {
    const folder = root();
    await mkdir(join(folder, 'photos', ORG), { recursive: true });
    await writeFile(join(folder, 'photos', ORG, 'served.webp'), 'webp');
    await mkdir(join(folder, 'incoming', ORG), { recursive: true });
    await writeFile(join(folder, 'incoming', ORG, 'waiting'), 'SECRET-UPLOAD');
    await writeFile(join(folder, 'beside.txt'), 'SECRET-BESIDE');
    const app = createLocalServerApp(createTestApp(t.stores, { now: () => new Date('2026-11-20T12:00:00Z') }), join(folder, 'site'), t.app, folder);
    const port = await new Promise<number>((listening) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => listening(info.port));
    });
    expect((await rawGet(port, `/photos/${ORG}/served.webp`))).toMatchObject({ status: 200, body: 'webp' });
    for (const path of [
      `/photos/../incoming/${ORG}/waiting`, `/photos/%2e%2e/incoming/${ORG}/waiting`, `/photos/..%2fincoming%2f${ORG}%2fwaiting`,
      `/photos/%2E%2E%2Fincoming/${ORG}/waiting`, '/photos/../beside.txt', '/photos/%2e%2e/beside.txt', '/photos/..%5cbeside.txt',
      '/photos/../../package.json', '/photos/%2e%2e/%2e%2e/package.json', `/photos/${ORG}/..%2f..%2f..%2fbeside.txt`,
      `/incoming/${ORG}/waiting`, '/beside.txt',
    ]) {
      const res = await rawGet(port, path);
      expect(res.body, path).not.toContain('SECRET');
      expect(res.body, path).not.toContain('"name"');
    }
  });
});

describe('the presigned S3 address', () => {
  it('is for one incoming/ key, signs its exact size and type, and holds ten minutes', async () => {
    const client = new S3Client({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
    const storage = new S3PhotoStorage(client, 'photos-bucket');
    const key = incomingKey(ORG, LOC, '6f1c1f0e-1d4b-4e0a-9c55-2d7b4a3c1e11');
    const target = await storage.uploadTarget(key, 123_456, UPLOAD_EXPIRY_SECONDS);
    const url = new URL(target.url);
    expect(url.pathname).toBe(`/${key}`);
    expect(url.hostname).toContain('photos-bucket');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('600');
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(expect.arrayContaining(['content-length', 'content-type', 'host']));
    // The size is signed as a header, not left in the query where a sender could leave it out.
    expect(url.searchParams.has('Content-Length')).toBe(false);
    expect(target.headers).toEqual({ 'content-type': 'application/octet-stream' });
    expect(UPLOAD_EXPIRY_SECONDS).toBeLessThanOrEqual(600);
  });
});
