// /api/auth/passkeys and /api/auth/passkey-sign-in: a signed-in person sets up, lists and removes
// their passkeys; anyone signs in with one, and gets the session cookie the code sign-in sets. The
// WebAuthn ceremonies themselves live in functions/accounts/passkeys.ts; this file is their HTTP face.
import type { Context } from 'hono';
import * as z from 'zod';
import {
  passkeyRegistrationOptions, passkeySignInOptions, registerPasskey, relyingPartyFor, signInWithPasskey, summaryOf, type Registrant,
} from '../../accounts/passkeys.ts';
import { createResourceApp } from '../app-factory.ts';
import { CrossSiteRequestError, NotFoundError } from '../errors.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';
import { guarded, MeSchema, signedIn, tooMany } from './auth.ts';
import { requireSignedIn, type Identity, type StaffEnv } from './context.ts';

/** base64url as the browser's toJSON writes it; a credential id is at most 1023 bytes, other fields a few KB. */
const base64url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/, { message: 'Not base64url.' });
const CredentialId = base64url(1400);
const TRANSPORTS = ['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'] as const;
const credentialFields = {
  id: CredentialId,
  rawId: CredentialId,
  type: z.literal('public-key'),
  authenticatorAttachment: z.enum(['platform', 'cross-platform']).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()),
};

const RegistrationResponse = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(8192),
    attestationObject: base64url(65536),
    transports: z.array(z.enum(TRANSPORTS)).max(TRANSPORTS.length).optional(),
  }),
}).describe('What `startRegistration` of @simplewebauthn/browser resolves with (a PublicKeyCredential as JSON).');

const AuthenticationResponse = z.object({
  ...credentialFields,
  response: z.object({
    clientDataJSON: base64url(8192),
    authenticatorData: base64url(8192),
    signature: base64url(8192),
    userHandle: base64url(1024).optional(),
  }),
}).describe('What `startAuthentication` of @simplewebauthn/browser resolves with.');

const PasskeyName = z.string().trim()
  .min(1, { message: 'Geef de passkey een naam. / Give the passkey a name.' })
  .max(60, { message: 'Een naam heeft hoogstens 60 tekens. / A name has at most 60 characters.' });
const RegisterRequest = z.object({ name: PasskeyName, response: RegistrationResponse });
const SignInRequest = z.object({ response: AuthenticationResponse });

const PasskeySchema = z.object({
  id: z.string().describe('The credential id (base64url).'),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().optional(),
});
const PasskeysSchema = z.object({ passkeys: z.array(PasskeySchema) });
const RemovedSchema = z.object({ removed: z.literal(true) });
const OptionsSchema = z.looseObject({ challenge: z.string() })
  .describe('WebAuthn options as JSON, for `startRegistration` / `startAuthentication` of @simplewebauthn/browser.');
const PasskeyParams = z.object({ passkeyId: CredentialId });

const invalid = { 400: problem('The request is not valid; `fields` names each problem.') };
const unauthorized = { 401: problem('Nobody is signed in.') };
const refused = problem(
  'The passkey was refused, by `error.code`: `passkey_challenge_unusable` (expired, used or not this session\'s), ' +
    '`passkey_unknown`, `passkey_not_verified` (another origin, no user verification, a bad signature), ' +
    '`passkey_counter` (its counter did not go up: a copy may be in use); or the body is not valid.',
);

/** The relying party of this request: the guard let its Origin through, so it is one of the allowed origins. */
function relyingParty(c: Context<StaffEnv>) {
  const origin = c.req.header('origin');
  if (origin === undefined) throw new CrossSiteRequestError();
  return relyingPartyFor(origin, c.var.allowedOrigins);
}

const registrant = (identity: Identity): Registrant =>
  ({ accountId: identity.account.id, email: identity.account.email, name: identity.account.name, sessionHash: identity.sessionHash });

export const passkeysApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'post',
      path: '/passkeys/registration-options',
      operationId: 'passkeyRegistrationOptions',
      summary: 'Starts setting up a passkey',
      description: 'Options for the browser to make a passkey for the signed-in person; its challenge is good for 5 minutes, once, in this session.',
      responses: { 200: json(OptionsSchema, 'The options for `startRegistration`.'), ...invalid, ...unauthorized, ...guarded },
    }),
    async (c) => {
      const identity = requireSignedIn(c.var.identity);
      return c.json(await passkeyRegistrationOptions(c.var.deps, registrant(identity), relyingParty(c)), 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/passkeys',
      operationId: 'registerPasskey',
      summary: 'Stores a new passkey',
      description: 'The browser\'s answer to a challenge of `passkeyRegistrationOptions`, with a name the person chose for the passkey.',
      request: { body: { required: true, ...json(RegisterRequest, 'The new passkey and its name.') } },
      responses: {
        201: json(PasskeySchema, 'Stored: the passkey signs in from now on.'),
        400: refused,
        ...unauthorized,
        ...guarded,
        409: problem('This passkey is set up already.'),
      },
    }),
    async (c) => {
      const identity = requireSignedIn(c.var.identity);
      const { name, response } = c.req.valid('json');
      return c.json(await registerPasskey(c.var.deps, registrant(identity), response, name, relyingParty(c)), 201);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/passkeys',
      operationId: 'listPasskeys',
      summary: 'The signed-in person\'s passkeys',
      responses: { 200: json(PasskeysSchema, 'The passkeys, oldest first.'), ...unauthorized },
    }),
    async (c) => {
      const identity = requireSignedIn(c.var.identity);
      return c.json({ passkeys: (await c.var.deps.accounts.listPasskeys(identity.account.id)).map(summaryOf) }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'delete',
      path: '/passkeys/{passkeyId}',
      operationId: 'removePasskey',
      summary: 'Removes one of the signed-in person\'s passkeys',
      description: 'It cannot sign in any more. Someone else\'s passkey is not found, as one that does not exist.',
      request: { params: PasskeyParams },
      responses: { 200: json(RemovedSchema, 'Removed.'), ...invalid, ...unauthorized, ...guarded, 404: problem('No such passkey of yours.') },
    }),
    async (c) => {
      const identity = requireSignedIn(c.var.identity);
      const { passkeyId } = c.req.valid('param');
      if (!(await c.var.deps.accounts.deletePasskey(identity.account.id, passkeyId))) throw NotFoundError.of('Passkey');
      return c.json({ removed: true as const }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/passkey-sign-in/options',
      operationId: 'passkeySignInOptions',
      summary: 'Starts a sign-in with a passkey',
      description: 'Options with a challenge good for 5 minutes, once; the browser offers the passkeys it holds for this site.',
      security: [],
      responses: { 200: json(OptionsSchema, 'The options for `startAuthentication`.'), ...invalid, ...guarded, 429: tooMany },
    }),
    async (c) => c.json(await passkeySignInOptions(c.var.deps, c.var.deps.clientAddress(c), relyingParty(c)), 200),
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/passkey-sign-in',
      operationId: 'signInWithPasskey',
      summary: 'Signs in with a passkey',
      description: 'Sets the session cookie, as `signIn` does. Counted with the code sign-ins of the address.',
      security: [],
      request: { body: { required: true, ...json(SignInRequest, 'The browser\'s answer to the challenge.') } },
      responses: {
        200: json(MeSchema, 'Signed in: the account and its memberships; the session cookie is set.'),
        400: refused,
        ...guarded,
        429: tooMany,
      },
    }),
    async (c) => {
      const { deps } = c.var;
      const { response } = c.req.valid('json');
      return c.json(await signedIn(c, await signInWithPasskey(deps, response, deps.clientAddress(c), relyingParty(c))), 200);
    },
  );
