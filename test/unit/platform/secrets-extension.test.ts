// Reading the server secret and the site's origins through the Parameters and Secrets extension,
// with `fetch` replaced: the request it expects (local port, session token header, the id
// encoded), the value out of its answer, a short retry while it starts, and errors that name what
// failed without a value.
import { describe, expect, it } from 'vitest';
import { ExtensionReadError, type Fetch, readParameter, readSecretString } from '../../../functions/platform/secrets-extension.ts';

const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:SessionSecret-AbC123';
const ENV = { AWS_SESSION_TOKEN: 'session-token' };

/** Answers each request with the next of `answers` (a status and body, or a thrown error). */
function fakeFetch(answers: Array<{ status: number; body?: unknown } | Error>) {
  const calls: Array<{ url: string; headers: Record<string, string> }> = [];
  const fetchFn: Fetch = (url, init) => {
    calls.push({ url, headers: init.headers });
    const answer = answers[Math.min(calls.length - 1, answers.length - 1)] as { status: number; body?: unknown } | Error;
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve({ ok: answer.status >= 200 && answer.status < 300, status: answer.status, json: () => Promise.resolve(answer.body) });
  };
  return { fetchFn, calls };
}

describe('the Parameters and Secrets extension', () => {
  it('gives a secret\'s SecretString, asked on its local port with the session token', async () => {
    const { fetchFn, calls } = fakeFetch([{ status: 200, body: { ARN: SECRET_ARN, SecretString: 'k3y'.repeat(22) } }]);
    await expect(readSecretString(SECRET_ARN, ENV, fetchFn)).resolves.toBe('k3y'.repeat(22));
    expect(calls).toEqual([
      {
        url: `http://localhost:2773/secretsmanager/get?secretId=${encodeURIComponent(SECRET_ARN)}`,
        headers: { 'X-Aws-Parameters-Secrets-Token': 'session-token' },
      },
    ]);
  });

  it('gives a parameter\'s value, on the port the stack configures', async () => {
    const { fetchFn, calls } = fakeFetch([{ status: 200, body: { Parameter: { Name: '/woonwijzer/dev/site-origins', Value: 'https://d1.cloudfront.net' } } }]);
    const env = { ...ENV, PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2999' };
    await expect(readParameter('/woonwijzer/dev/site-origins', env, fetchFn)).resolves.toBe('https://d1.cloudfront.net');
    expect(calls[0]?.url).toBe('http://localhost:2999/systemsmanager/parameters/get?name=%2Fwoonwijzer%2Fdev%2Fsite-origins');
  });

  it('tries again while the extension is not ready (refused connection, 400, 5xx), at most three times', async () => {
    const ready = fakeFetch([new TypeError('fetch failed'), { status: 400 }, { status: 200, body: { SecretString: 'value' } }]);
    await expect(readSecretString(SECRET_ARN, ENV, ready.fetchFn)).resolves.toBe('value');
    expect(ready.calls).toHaveLength(3);

    const never = fakeFetch([{ status: 502 }]);
    await expect(readSecretString(SECRET_ARN, ENV, never.fetchFn)).rejects.toThrow('The Parameters and Secrets extension did not give the secret: HTTP 502.');
    expect(never.calls).toHaveLength(3);
  });

  it('does not retry what a retry cannot change: access denied or not found', async () => {
    const denied = fakeFetch([{ status: 403 }]);
    await expect(readParameter('/woonwijzer/dev/site-origins', ENV, denied.fetchFn)).rejects.toThrow(/HTTP 403/);
    expect(denied.calls).toHaveLength(1);
  });

  it('refuses to ask without a session token (outside Lambda) and an answer without a value', async () => {
    const { fetchFn, calls } = fakeFetch([{ status: 200, body: {} }]);
    await expect(readSecretString(SECRET_ARN, {}, fetchFn)).rejects.toThrow(/AWS_SESSION_TOKEN is not set/);
    expect(calls).toHaveLength(0);
    await expect(readSecretString(SECRET_ARN, ENV, fetchFn)).rejects.toBeInstanceOf(ExtensionReadError);
    await expect(readParameter('/p', ENV, fetchFn)).rejects.toThrow('no Parameter.Value in the answer');
  });
});
