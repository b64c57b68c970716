// Photos are judged by their bytes: what a person's file really is decides, not its name or the
// type the browser declares; the web sizes come out upright, as WebP, without camera metadata.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_PHOTO_BYTES } from '../../../shared/domain/index.ts';
import { checkPhotoBytes, PHOTO_MESSAGES, PhotoRefusedError, sniffPhotoKind, webSizesOf } from '../../../functions/photos/photo-content.ts';

const image = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 120, b: 90 } } });
const bytes = async (s: sharp.Sharp) => new Uint8Array(await s.toBuffer());

async function refusal(run: () => unknown): Promise<string> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(PhotoRefusedError);
    return (error as Error).message;
  }
  throw new Error('Not refused');
}

describe('what a file is', () => {
  it('knows JPEG, PNG and WebP by their bytes, whatever the file is called', async () => {
    expect(sniffPhotoKind(await bytes(image(10, 10).jpeg()))).toBe('jpeg');
    // A PNG someone named "tuin.jpg" is still a PNG, and taken.
    const png = await bytes(image(600, 400).png());
    expect(sniffPhotoKind(png)).toBe('png');
    expect((await webSizesOf(png)).map((s) => s.width)).toEqual([480, 600]);
    expect(sniffPhotoKind(await bytes(image(10, 10).webp()))).toBe('webp');
  });

  it('refuses a GIF, an SVG and an HTML page named .jpg, with the Dutch message', async () => {
    const gif = await bytes(image(10, 10).gif());
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    const html = new TextEncoder().encode('<!doctype html><html><body>foto.jpg</body></html>');
    for (const file of [gif, svg, html]) {
      expect(await refusal(() => webSizesOf(file))).toBe(PHOTO_MESSAGES.notAPhoto);
    }
    expect(PHOTO_MESSAGES.notAPhoto).toMatch(/JPEG, PNG of WebP/);
  });

  it('refuses a file that starts like a JPEG but is not one', async () => {
    const fake = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...new TextEncoder().encode('no image data here at all')]);
    expect(await refusal(() => webSizesOf(fake))).toBe(PHOTO_MESSAGES.unreadable);
  });

  it('takes 8 MB exactly and refuses 8 MB and 1 byte, before decoding anything', async () => {
    const jpeg = await bytes(image(10, 10).jpeg());
    const atLimit = new Uint8Array(MAX_PHOTO_BYTES);
    atLimit.set(jpeg);
    expect(checkPhotoBytes(atLimit)).toBe('jpeg');
    const over = new Uint8Array(MAX_PHOTO_BYTES + 1);
    over.set(jpeg);
    expect(await refusal(() => checkPhotoBytes(over))).toBe(PHOTO_MESSAGES.tooLarge);
    expect(await refusal(() => checkPhotoBytes(new Uint8Array()))).toBe(PHOTO_MESSAGES.empty);
  });
});

describe('the web sizes', () => {
  it('are WebP at 480 and 1200 px, upright by the EXIF orientation, without EXIF or GPS', async () => {
    // 1600 x 1000 stored sideways (orientation 6: turn 90 degrees clockwise to view), with GPS data.
    const withGps = await image(1600, 1000).jpeg().withExif({ IFD0: { Make: 'Camera' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '50/1 51/1 0/1' } }).toBuffer();
    const original = await bytes(sharp(withGps).withMetadata({ orientation: 6 }).jpeg());
    const before = await sharp(original).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.toString('latin1')).toContain('Camera');
    const sizes = await webSizesOf(original);
    expect(sizes.map((s) => [s.width, s.height])).toEqual([[480, 768], [1000, 1600]]);
    for (const size of sizes) {
      const meta = await sharp(size.body).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
    }
  });

  it('processes a 4000 x 3000 camera JPEG in well under the function timeout', async () => {
    const photo = await bytes(sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 90 }));
    const start = performance.now();
    const sizes = await webSizesOf(photo);
    const ms = performance.now() - start;
    console.log(`4000x3000 JPEG (${(photo.length / 1e6).toFixed(1)} MB) to ${sizes.map((s) => `${s.width}px ${(s.body.length / 1024).toFixed(0)} KB`).join(', ')}: ${ms.toFixed(0)} ms`);
    expect(sizes.map((s) => [s.width, s.height])).toEqual([[480, 360], [1200, 900]]);
    expect(ms).toBeLessThan(8000);
  });
});
