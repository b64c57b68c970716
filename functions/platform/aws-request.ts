// Signed calls to the few AWS APIs the site builder needs and no installed SDK client covers (SQS
// SendMessage, CodeBuild StartBuild, CloudFront CreateInvalidation): one HTTPS request, signed
// with SigV4 by the SDK's own signer (@smithy/signature-v4, which every v3 client uses) and the
// SDK's credential chain (Lambda's environment, CodeBuild's container role, an operator's profile).
// The Lambda runtime carries those clients but this repository does not install them, and a
// client whose types tsc and the tests cannot see is worse than a request we can read.
// Deadlines and retries follow the 'batch' profile of ./outbound-calls.ts.
import { createHash, createHmac, type BinaryLike } from 'node:crypto';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentityProvider, Checksum, SourceData } from '@smithy/types';
import { CALL_LIMITS } from './outbound-calls.ts';

/** SHA-256 (or its HMAC with a secret) on node:crypto, in the shape the signer takes. */
export class Sha256 implements Checksum {
  private hash: ReturnType<typeof createHash> | ReturnType<typeof createHmac>;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBinary(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.hash.digest()));
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBinary(data: SourceData): BinaryLike {
  if (typeof data === 'string') return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

/** An AWS service's refusal: its error type (`__type` or `<Code>`), HTTP status and message. */
export class AwsCallError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(`${code} (${status}): ${message}`);
    this.name = 'AwsCallError';
  }
}

export interface SignedRequest {
  /** The signing name: 'sqs', 'codebuild', 'cloudfront'. */
  service: string;
  /** The signing region (us-east-1 for CloudFront, a global service). */
  region: string;
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body: string;
}

let credentials: AwsCredentialIdentityProvider | undefined;

const limits = CALL_LIMITS.batch;
const RETRIED_STATUSES = new Set([429, 500, 502, 503, 504]);
const RETRIED_CODES = /Throttl|TooManyRequests|ServiceUnavailable|InternalError|InternalFailure/;

/** Sends a signed request; the answer's body on a 2xx, else an AwsCallError (server-side failures retried). */
export async function signedRequest(request: SignedRequest): Promise<string> {
  credentials ??= defaultProvider();
  const url = new URL(request.url);
  const signer = new SignatureV4({ service: request.service, region: request.region, credentials, sha256: Sha256 });
  for (let attempt = 1; ; attempt++) {
    const signed = await signer.sign({
      method: request.method,
      protocol: url.protocol,
      hostname: url.hostname,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: { ...request.headers, host: url.host },
      body: request.body,
    });
    let status: number;
    let text: string;
    try {
      const response = await fetch(url, {
        method: request.method,
        headers: signed.headers,
        body: request.method === 'GET' ? undefined : request.body,
        signal: AbortSignal.timeout(limits.requestTimeoutMs),
      });
      status = response.status;
      text = await response.text();
    } catch (error) {
      if (attempt < limits.maxAttempts) {
        await backOff(attempt);
        continue;
      }
      throw error;
    }
    if (status >= 200 && status < 300) return text;
    const failure = awsError(status, text);
    if (attempt < limits.maxAttempts && (RETRIED_STATUSES.has(status) || RETRIED_CODES.test(failure.code))) {
      await backOff(attempt);
      continue;
    }
    throw failure;
  }
}

/** Exponential with full jitter, as the SDK's standard retry mode. */
const backOff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 100 * 2 ** attempt));

/** The error an answer names, JSON (`__type`, `message`) or XML (`<Code>`, `<Message>`). */
export function awsError(status: number, body: string): AwsCallError {
  try {
    const json = JSON.parse(body) as { __type?: unknown; message?: unknown; Message?: unknown };
    const type = typeof json.__type === 'string' ? json.__type : 'UnknownError';
    const message = typeof json.message === 'string' ? json.message : typeof json.Message === 'string' ? json.Message : '';
    // `__type` may be namespaced: "com.amazonaws.sqs#QueueDoesNotExist".
    return new AwsCallError(type.split('#').pop() ?? type, status, message);
  } catch {
    const code = /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? 'UnknownError';
    const message = /<Message>([^<]*)<\/Message>/.exec(body)?.[1] ?? '';
    return new AwsCallError(code, status, message);
  }
}

export interface JsonCall {
  service: string;
  region: string;
  /** The `X-Amz-Target` header: `<service prefix>.<operation>`. */
  target: string;
  /** The AWS JSON protocol version the service speaks: SQS 1.0, CodeBuild 1.1. */
  jsonVersion: '1.0' | '1.1';
  body: Record<string, unknown>;
}

/** A call to an AWS JSON-protocol API at its regional endpoint; the parsed answer. */
export async function awsJsonCall<T>(call: JsonCall): Promise<T> {
  const text = await signedRequest({
    service: call.service,
    region: call.region,
    method: 'POST',
    url: `https://${call.service}.${call.region}.amazonaws.com/`,
    headers: { 'content-type': `application/x-amz-json-${call.jsonVersion}`, 'x-amz-target': call.target },
    body: JSON.stringify(call.body),
  });
  return JSON.parse(text || '{}') as T;
}
