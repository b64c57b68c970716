// The photo storage in AWS: the photos bucket. An upload goes from the browser straight to S3 by a
// presigned PUT, signed for one `incoming/` key and its exact Content-Length (so S3 refuses any
// other size) and valid for minutes; the staff function's role may sign uploads for `incoming/`
// only (infra: photo policy), and writes the web sizes under `photos/` itself.
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { awsClientSettings } from '../platform/outbound-calls.ts';
import { PhotoTooLargeError, WEB_SIZE_CACHE_CONTROL, type PhotoStorage, type UploadTarget } from './photo-storage.ts';

const UPLOAD_TYPE = 'application/octet-stream';

/**
 * The client for the bucket. Checksums only when S3 requires them: by default the SDK would sign
 * a CRC32 of the (still empty) body into a presigned URL, and S3 would refuse every upload.
 */
export function photoS3Client(region: string): S3Client {
  return new S3Client({ ...awsClientSettings(), region, requestChecksumCalculation: 'WHEN_REQUIRED' });
}

export class S3PhotoStorage implements PhotoStorage {
  readonly receivesUploadsThroughApi = false;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async uploadTarget(key: string, bytes: number, expiresInSeconds: number): Promise<UploadTarget> {
    const command = new PutObjectCommand({ Bucket: this.bucket, Key: key, ContentLength: bytes, ContentType: UPLOAD_TYPE });
    const url = await getSignedUrl(this.client, command, {
      expiresIn: expiresInSeconds,
      // Signed, not hoisted into the query: S3 then refuses a body of any other length or type.
      signableHeaders: new Set(['content-length', 'content-type']),
      unhoistableHeaders: new Set(['content-length', 'content-type']),
    });
    // The browser sets Content-Length from the body itself; it may not be set by a script.
    return { method: 'PUT', url, headers: { 'content-type': UPLOAD_TYPE } };
  }

  async get(key: string, maxBytes: number): Promise<Uint8Array | undefined> {
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if ((answer.ContentLength ?? 0) > maxBytes) {
        await answer.Body?.transformToByteArray().catch(() => undefined);
        throw new PhotoTooLargeError(key);
      }
      return answer.Body ? await answer.Body.transformToByteArray() : new Uint8Array();
    } catch (error) {
      if (error instanceof NoSuchKey) return undefined;
      throw error;
    }
  }

  async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({
      Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, CacheControl: WEB_SIZE_CACHE_CONTROL,
    }));
  }

  async delete(keys: readonly string[]): Promise<void> {
    // One DeleteObject each: DeleteObjects would need the bucket-level Content-MD5 dance for no gain at six photos.
    await Promise.all(keys.map((key) => this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }))));
  }
}
