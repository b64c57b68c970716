// The signing of ../functions/platform/aws-request.ts (the site builder's SQS, CodeBuild and
// CloudFront calls): the SDK's signer with our node:crypto SHA-256 must give AWS's own published
// signature for the Signature Version 4 test suite's "get-vanilla" request, and a JSON request's
// body must be what its payload hash says.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '../../../functions/platform/aws-request.ts';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const signingDate = new Date('2015-08-30T12:36:00Z');

describe('signed AWS requests', () => {
  it('sign AWS\'s get-vanilla test request to its published signature', async () => {
    const signer = new SignatureV4({ applyChecksum: false, service: 'service', region: 'us-east-1', sha256: Sha256, credentials });
    const signed = await signer.sign(
      { method: 'GET', protocol: 'https:', hostname: 'example.amazonaws.com', path: '/', query: {}, headers: { host: 'example.amazonaws.com' } },
      { signingDate },
    );
    expect(signed.headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, '
        + 'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('hash a request body as SHA-256 of its bytes, and start over after a reset', async () => {
    const body = JSON.stringify({ projectName: 'woonwijzer-prod-site-builder' });
    const hash = new Sha256();
    hash.update(new TextEncoder().encode('something else'));
    hash.reset();
    hash.update(new TextEncoder().encode(body));
    expect(Buffer.from(await hash.digest()).toString('hex')).toBe(createHash('sha256').update(body).digest('hex'));
  });
});
