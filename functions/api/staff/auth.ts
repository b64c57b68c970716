// /api/auth: sign-in by emailed code, sign-out (here or everywhere) and who am I. The sign-in
// itself (codes, tries, sessions) lives in functions/accounts/sign-in.ts; this file is its HTTP face.
import type { Context } from 'hono';
import * as z from 'zod';
import {
  endAllSessions, endSession, normaliseEmail, requestSignInCode, signIn, SESSION_MAX_MS, type OpenedSession,
} from '../../accounts/sign-in.ts';
import { MEMBERSHIP_ROLES } from '../../store/account-store.ts';
import { createResourceApp } from '../app-factory.ts';
import { apiRoute, json, problem } from '../openapi-route.ts';
import { requireSignedIn, type Identity, type StaffEnv } from './context.ts';
import { clearSessionCookie, writeSessionCookie } from './session-cookie.ts';

const Email = z.email({ message: 'Vul een geldig e-mailadres in. / Enter a valid email address.' }).max(254);
const CodeRequest = z.object({ email: Email });
const SignInRequest = z.object({
  email: Email,
  code: z.string().regex(/^[0-9]{6}$/, { message: 'De code heeft 6 cijfers. / The code has 6 digits.' }),
});

const MembershipSchema = z.object({
  role: z.enum(MEMBERSHIP_ROLES),
  organizationId: z.string().optional().describe('For provider-admin and provider-editor: the organisation.'),
  supportOrganizationId: z.string().optional().describe('For supporter and supporter-admin: the support organisation.'),
  regionId: z.string().optional().describe('For coordinator: the region.'),
});
export const MeSchema = z.object({
  account: z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() }),
  memberships: z.array(MembershipSchema),
});
const AcceptedSchema = z.object({ message: z.string() });
const SignedOutSchema = z.object({ endedSessions: z.number().int() });

const CODE_SENT =
  'Als er een account is voor dit adres, krijgt u binnen een paar minuten een e-mail met een code. ' +
  '/ If this address has an account, an email with a code arrives within a few minutes.';

const me = (identity: Identity) => ({ account: identity.account, memberships: [...identity.memberships] });
export const guarded = {
  403: problem('The request did not come from a Woonwijzer page (CSRF check: `Origin`, `Sec-Fetch-Site`).'),
};
export const tooMany = problem('Too many requests or wrong codes: the message says when to try again (also in `Retry-After`, when waiting helps).');

/** The end of every sign-in (code or passkey): the session cookie set, and who is signed in now. */
export async function signedIn(c: Context<StaffEnv>, session: OpenedSession): Promise<z.infer<typeof MeSchema>> {
  const account = await c.var.deps.accounts.getAccount(session.accountId);
  if (!account) throw new Error('The account of a new session is gone.');
  writeSessionCookie(c, session.sessionId, Math.floor(SESSION_MAX_MS / 1000));
  return { account: account.account, memberships: account.memberships };
}

export const authApp = createResourceApp<StaffEnv>()
  .openapi(
    apiRoute({
      method: 'post',
      path: '/code',
      operationId: 'requestSignInCode',
      summary: 'Emails a sign-in code',
      description: 'Answers alike whether or not the address has an account; only an account\'s address is sent a code.',
      security: [],
      request: { body: { required: true, ...json(CodeRequest, 'The address to send the code to.') } },
      responses: {
        202: json(AcceptedSchema, 'Accepted: a code is on its way if the address has an account.'),
        400: problem('The request is not valid; `fields` names each problem.'),
        ...guarded,
        429: tooMany,
      },
    }),
    async (c) => {
      const { email } = c.req.valid('json');
      await requestSignInCode(c.var.deps, normaliseEmail(email), c.var.deps.clientAddress(c));
      return c.json({ message: CODE_SENT }, 202);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/sign-in',
      operationId: 'signIn',
      summary: 'Signs in with an emailed code',
      description:
        'Sets the session cookie. A wrong code is a 400 at the field `code` saying how many tries are left; after 5 wrong tries a 429, ' +
        'and after 20 tries a day at one address, across codes.',
      security: [],
      request: { body: { required: true, ...json(SignInRequest, 'The address and the code sent to it.') } },
      responses: {
        200: json(MeSchema, 'Signed in: the account and its memberships; the session cookie is set.'),
        400: problem('The request is not valid, or the code is wrong, expired or used; `fields` says which.'),
        ...guarded,
        429: tooMany,
      },
    }),
    async (c) => {
      const { email, code } = c.req.valid('json');
      const { deps } = c.var;
      return c.json(await signedIn(c, await signIn(deps, normaliseEmail(email), code, deps.clientAddress(c))), 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/sign-out',
      operationId: 'signOut',
      summary: 'Signs out on this device',
      description: 'Ends the session of the cookie sent, if any, and clears the cookie.',
      responses: {
        200: json(SignedOutSchema, 'Signed out.'),
        400: problem('The request could not be read.'),
        ...guarded,
      },
    }),
    async (c) => {
      const identity = c.var.identity;
      if (identity) await endSession(c.var.deps, identity.sessionHash);
      clearSessionCookie(c);
      return c.json({ endedSessions: identity ? 1 : 0 }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'post',
      path: '/sign-out-everywhere',
      operationId: 'signOutEverywhere',
      summary: 'Signs out on every device',
      description: 'Ends every session of the signed-in account, this one included.',
      responses: {
        200: json(SignedOutSchema, 'Every session ended.'),
        400: problem('The request could not be read.'),
        401: problem('Nobody is signed in.'),
        ...guarded,
      },
    }),
    async (c) => {
      const identity = requireSignedIn(c.var.identity);
      const endedSessions = await endAllSessions(c.var.deps, identity.account.id);
      clearSessionCookie(c);
      return c.json({ endedSessions }, 200);
    },
  )
  .openapi(
    apiRoute({
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      summary: 'Who is signed in',
      responses: {
        200: json(MeSchema, 'The signed-in account and its memberships.'),
        401: problem('Nobody is signed in.'),
      },
    }),
    (c) => c.json(me(requireSignedIn(c.var.identity)), 200),
  );
