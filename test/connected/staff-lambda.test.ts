// The staff function as API Gateway's HTTP API calls it (payload 2.0 events), over DynamoDB Local
// and with SES's `send` replaced: sign-in end to end through the SES mailer, unsafe requests
// only from the site's configured origins, throttling by the address API Gateway saw (a forged
// X-Forwarded-For changes nothing), and the secret and origins read once per environment, with a
// failed read tried again on the next request.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { LambdaEvent } from 'hono/aws-lambda';
import { beforeEach, describe, expect, it } from 'vitest';
import { THROTTLE_RULES } from '../../functions/accounts/throttle.ts';
import { LocalPhotoStorage } from '../../functions/photos/local-photo-storage.ts';
import { createStaffLambdaHandler } from '../../functions/api/staff/lambda-app.ts';
import { parseOrigins } from '../../functions/platform/site-origins.ts';
import { SesMailer, type SesSender } from '../../functions/platform/ses-mailer.ts';
import { codeIn, movableClock } from '../support/test-staff-app.ts';
import { createTestStore } from '../support/test-store.ts';

const SITE = 'https://d111111abcdef8.cloudfront.net';
const EMAIL = 'redactie@zorggroep.example';
const SECRET = 'a'.repeat(64);

let sent: SendEmailCommand[];
let reads: { secret: number; origins: number };
let failNextSecretRead: boolean;
let handler: ReturnType<typeof createStaffLambdaHandler>;

beforeEach(async () => {
  const { stores } = await createTestStore();
  const clock = movableClock('2026-12-01T09:00:00Z');
  await stores.accounts.createAccount(
    { id: 'acc-1', email: EMAIL, name: 'Rik Redactie', createdAt: clock.now().toISOString() },
    [{ role: 'provider-editor', organizationId: 'zorggroep' }],
  );
  sent = [];
  reads = { secret: 0, origins: 0 };
  failNextSecretRead = false;
  const ses: SesSender = {
    send: ((command: SendEmailCommand) => {
      sent.push(command);
      return Promise.resolve({ MessageId: `m-${sent.length}`, $metadata: { httpStatusCode: 200 } });
    }) as SesSender['send'],
  };
  handler = createStaffLambdaHandler({
    // No answer floor: 31 code requests would otherwise take half a minute.
    deps: {
      ...stores, mailer: new SesMailer(ses, 'Woonwijzer <noreply@mail.example.nl>'), clock, codeAnswerFloorMs: 0,
      photos: new LocalPhotoStorage(join(tmpdir(), 'woonwijzer-lambda-photos')),
    },
    readSecret: async () => {
      reads.secret += 1;
      if (failNextSecretRead) {
        failNextSecretRead = false;
        throw new Error('The Parameters and Secrets extension did not give the secret: HTTP 502.');
      }
      return Buffer.from(SECRET, 'utf8');
    },
    readAllowedOrigins: async () => {
      reads.origins += 1;
      return parseOrigins(`${SITE}, https://woonwijzer.example.nl`);
    },
  });
});

/** An HTTP API (payload 2.0) event as CloudFront's request reaches API Gateway. */
function event(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; cookies?: string[]; sourceIp?: string } = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `ANY ${path.split('/').slice(0, 3).join('/')}/{proxy+}`,
    rawPath: path,
    rawQueryString: '',
    cookies: options.cookies,
    headers: {
      host: 'abc123.execute-api.eu-west-1.amazonaws.com',
      'content-type': 'application/json',
      origin: SITE,
      'sec-fetch-site': 'same-origin',
      ...options.headers,
    },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: options.sourceIp ?? '130.176.10.1', userAgent: 'Amazon CloudFront' },
      requestId: `req-${Math.random()}`,
      routeKey: '$default',
      stage: '$default',
      time: '01/Dec/2026:09:00:00 +0000',
      timeEpoch: Date.parse('2026-12-01T09:00:00Z'),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    isBase64Encoded: false,
  };
}

const invoke = async (e: APIGatewayProxyEventV2) =>
  (await handler(e as unknown as LambdaEvent, {} as Context)) as APIGatewayProxyStructuredResultV2 & { statusCode: number; body: string };

describe('the staff function behind the HTTP API', () => {
  it('signs in end to end: the code goes out through SES, the session comes back as a Secure cookie', async () => {
    const asked = await invoke(event('POST', '/api/auth/code', { body: { email: EMAIL } }));
    expect(asked.statusCode).toBe(202);
    expect(sent).toHaveLength(1);
    const input = sent[0]!.input;
    expect(input.Destination).toEqual({ ToAddresses: [EMAIL] });
    expect(input.FromEmailAddress).toBe('Woonwijzer <noreply@mail.example.nl>');
    const code = codeIn(input.Content?.Simple?.Body?.Text?.Data ?? '');

    const signedIn = await invoke(event('POST', '/api/auth/sign-in', { body: { email: EMAIL, code } }));
    expect(signedIn.statusCode).toBe(200);
    const cookie = signedIn.cookies?.[0] ?? '';
    // Over https (as API Gateway is called) the cookie is Secure, with the __Secure- prefix.
    expect(cookie).toMatch(/^__Secure-woonwijzer-session=[^;]+;.*HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);

    const me = await invoke(event('GET', '/api/auth/me', { cookies: [cookie.split(';')[0] as string] }));
    expect(me.statusCode).toBe(200);
    expect(JSON.parse(me.body)).toMatchObject({ account: { email: EMAIL }, memberships: [{ role: 'provider-editor', organizationId: 'zorggroep' }] });
  });

  it('takes unsafe requests from the site\'s configured origins only', async () => {
    expect((await invoke(event('POST', '/api/auth/code', { body: { email: EMAIL }, headers: { origin: 'https://woonwijzer.example.nl' } }))).statusCode).toBe(202);
    // The execute-api address itself is not the site: a page there is no page of ours.
    const own = await invoke(event('POST', '/api/auth/code', { body: { email: EMAIL }, headers: { origin: 'https://abc123.execute-api.eu-west-1.amazonaws.com' } }));
    expect(own.statusCode).toBe(403);
    const foreign = await invoke(event('POST', '/api/auth/code', { body: { email: EMAIL }, headers: { origin: 'https://evil.example' } }));
    expect(foreign.statusCode).toBe(403);
    expect(JSON.parse(foreign.body)).toMatchObject({ error: { code: 'cross_site_request' } });
    expect(sent).toHaveLength(1);
  });

  it('throttles code requests by the address API Gateway saw, whatever X-Forwarded-For says', async () => {
    const { limit } = THROTTLE_RULES['code-per-address'];
    const ask = (i: number, sourceIp: string) =>
      invoke(event('POST', '/api/auth/code', { body: { email: `nobody-${i}@example.nl` }, sourceIp, headers: { 'x-forwarded-for': `198.51.100.${i % 250}` } }));
    for (let i = 0; i < limit; i += 1) expect((await ask(i, '203.0.113.7')).statusCode).toBe(202);
    const refused = await ask(limit, '203.0.113.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers?.['retry-after']).toMatch(/^\d+$/);
    // Another connection address has its own count.
    expect((await ask(limit + 1, '203.0.113.8')).statusCode).toBe(202);
  });

  it('reads the secret and the origins once, on the first request, and again after a failed read', async () => {
    failNextSecretRead = true;
    // The invocation fails (API Gateway answers 500); the value is not kept.
    await expect(invoke(event('GET', '/api/auth/me'))).rejects.toThrow(/did not give the secret: HTTP 502/);
    expect((await invoke(event('GET', '/api/auth/me'))).statusCode).toBe(401);
    expect((await invoke(event('POST', '/api/auth/code', { body: { email: EMAIL } }))).statusCode).toBe(202);
    expect((await invoke(event('GET', '/api/auth/me'))).statusCode).toBe(401);
    expect(reads).toEqual({ secret: 2, origins: 2 });
  });
});
