// Reads a Secrets Manager secret or an SSM parameter in Lambda through the AWS Parameters and
// Secrets Lambda Extension (a layer the stack adds): a GET on its local port, authorised by the
// function's session token. Chosen over the SDK clients because it adds no package: the Secrets
// Manager and SSM clients are not dependencies of this project, and this module is a few hundred
// bytes of the bundle (docs/deploy.md has the measured figures).
//
// The extension answers only once the function is invoked, never during its init phase: callers
// read on the first request and keep the value for the life of the environment (see
// staff/lambda-app.ts). An error names what failed and the HTTP status, never a value.

const DEFAULT_PORT = 2773;
/** The extension is local; a slow answer means it is still starting, so a few short retries. */
const ATTEMPTS = 3;
const RETRY_DELAY_MS = 100;

export type Fetch = (url: string, init: { headers: Record<string, string> }) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

export interface ExtensionEnv {
  AWS_SESSION_TOKEN?: string | undefined;
  PARAMETERS_SECRETS_EXTENSION_HTTP_PORT?: string | undefined;
}

export class ExtensionReadError extends Error {
  constructor(what: string, detail: string) {
    super(`The Parameters and Secrets extension did not give ${what}: ${detail}.`);
    this.name = 'ExtensionReadError';
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function getJson(path: string, what: string, env: ExtensionEnv, fetchFn: Fetch): Promise<unknown> {
  const token = env.AWS_SESSION_TOKEN;
  if (!token) throw new ExtensionReadError(what, 'AWS_SESSION_TOKEN is not set (not running in Lambda?)');
  const port = Number(env.PARAMETERS_SECRETS_EXTENSION_HTTP_PORT) || DEFAULT_PORT;
  let last = 'no answer';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    try {
      const res = await fetchFn(`http://localhost:${port}${path}`, { headers: { 'X-Aws-Parameters-Secrets-Token': token } });
      if (res.ok) return await res.json();
      last = `HTTP ${res.status}`;
      // 4xx but 400 (its "not ready yet") will not change on a retry: access denied, not found.
      if (res.status !== 400 && res.status < 500) break;
    } catch (error) {
      last = error instanceof Error ? error.name : 'a failed request';
    }
    if (attempt < ATTEMPTS) await sleep(RETRY_DELAY_MS * attempt);
  }
  throw new ExtensionReadError(what, last);
}

/** The SecretString of a secret (by ARN or name), in its AWSCURRENT version. */
export async function readSecretString(secretId: string, env: ExtensionEnv = process.env, fetchFn: Fetch = fetch): Promise<string> {
  const what = 'the secret';
  const body = (await getJson(`/secretsmanager/get?secretId=${encodeURIComponent(secretId)}`, what, env, fetchFn)) as { SecretString?: unknown };
  if (typeof body.SecretString !== 'string' || body.SecretString === '') throw new ExtensionReadError(what, 'no SecretString in the answer');
  return body.SecretString;
}

/** The value of an SSM parameter (by name). */
export async function readParameter(name: string, env: ExtensionEnv = process.env, fetchFn: Fetch = fetch): Promise<string> {
  const what = `the parameter ${name}`;
  const body = (await getJson(`/systemsmanager/parameters/get?name=${encodeURIComponent(name)}`, what, env, fetchFn)) as {
    Parameter?: { Value?: unknown };
  };
  const value = body.Parameter?.Value;
  if (typeof value !== 'string') throw new ExtensionReadError(what, 'no Parameter.Value in the answer');
  return value;
}
