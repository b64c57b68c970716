// Passkeys (WebAuthn), the stronger sign-in a signed-in person adds afterwards, verified with
// @simplewebauthn/server. Every challenge is stored server-side by its hash for a few minutes and
// taken (deleted) by the first answer that names it, so it is good for one answer only; the answer
// itself names its challenge (in clientDataJSON), so no cookie or state is needed besides. A
// registration challenge is bound to the session that asked for it. User verification (fingerprint,
// face, the device's lock) is required, the counter must go up (a counter that does not hints at a
// copied passkey), and sign-ins are throttled per address with the code sign-ins. The relying
// party (rpID, origins) comes from the staff app's allowed origins, never from the answer.
import type {
  AuthenticationResponseJSON, AuthenticatorTransport, PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { StoredPasskey, StoredPasskeyChallenge } from '../store/account-store.ts';
import { PasskeyError } from './account-errors.ts';
import { sha256 } from './hashing.ts';
import { openSession, type OpenedSession, type SignInDeps } from './sign-in.ts';
import { networkOf, throttle } from './throttle.ts';

/**
 * The library (about 300 KB bundled, with its certificate parsers) is evaluated on the first
 * passkey request, not at every cold start of the staff function: esbuild keeps a dynamic import
 * in the one bundle file but runs its modules only when it is called.
 */
const webauthn = () => import('@simplewebauthn/server');

/** Long enough to find the phone and touch the sensor; the browser's prompt is given the same time. */
export const PASSKEY_CHALLENGE_LIFETIME_MS = 5 * 60_000;
const RP_NAME = 'Woonwijzer';

export type PasskeyDeps = Pick<SignInDeps, 'accounts' | 'throttles' | 'clock' | 'secret'>;

/**
 * Who the passkeys are for: the rpID a new challenge names (the host of the page asking, one of the
 * allowed origins) and every allowed origin and host an answer may come from.
 */
export interface RelyingParty {
  rpID: string;
  origins: readonly string[];
}

/** The relying party of a request from `origin`, which must be one of `allowedOrigins` (the CSRF guard checked it). */
export function relyingPartyFor(origin: string, allowedOrigins: readonly string[]): RelyingParty {
  if (!allowedOrigins.includes(origin)) throw PasskeyError.notVerified();
  return { rpID: new URL(origin).hostname, origins: allowedOrigins };
}

const rpIDsOf = (rp: RelyingParty) => [...new Set(rp.origins.map((origin) => new URL(origin).hostname))];

/** What the owner sees of a passkey: never its key. */
export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt?: string;
}

export const summaryOf = (p: StoredPasskey): PasskeySummary =>
  ({ id: p.credentialId, name: p.name, createdAt: p.createdAt, ...(p.lastUsedAt ? { lastUsedAt: p.lastUsedAt } : {}) });

/** The challenge an answer names, from its clientDataJSON; unreadable is as unusable as unknown. */
function challengeIn(clientDataJSON: string): string {
  try {
    const data: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    const challenge = (data as { challenge?: unknown } | null)?.challenge;
    if (typeof challenge === 'string' && challenge !== '') return challenge;
  } catch {
    // Falls through to the refusal below.
  }
  throw PasskeyError.challengeUnusable();
}

async function storeChallenge(deps: PasskeyDeps, challenge: string, purpose: StoredPasskeyChallenge['purpose'], sessionHash?: string) {
  await deps.accounts.putPasskeyChallenge({
    challengeHash: sha256(challenge),
    purpose,
    ...(sessionHash ? { sessionHash } : {}),
    expiresAtMs: deps.clock.now().getTime() + PASSKEY_CHALLENGE_LIFETIME_MS,
  });
}

/** Takes the answer's challenge (single use, whatever follows) and checks it was handed out for this. */
async function takeChallenge(deps: PasskeyDeps, clientDataJSON: string, purpose: StoredPasskeyChallenge['purpose'], sessionHash?: string) {
  const challenge = challengeIn(clientDataJSON);
  const stored = await deps.accounts.takePasskeyChallenge(sha256(challenge));
  // DynamoDB's TTL deletes late: the time is compared here.
  if (!stored || stored.purpose !== purpose || deps.clock.now().getTime() >= stored.expiresAtMs) throw PasskeyError.challengeUnusable();
  if (purpose === 'registration' && stored.sessionHash !== sessionHash) throw PasskeyError.challengeUnusable();
  return challenge;
}

export interface Registrant {
  accountId: string;
  email: string;
  name: string;
  sessionHash: string;
}

/** Options for the browser to make a passkey for the signed-in person; the account's passkeys are excluded. */
export async function passkeyRegistrationOptions(deps: PasskeyDeps, who: Registrant, rp: RelyingParty): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await deps.accounts.listPasskeys(who.accountId);
  const { generateRegistrationOptions } = await webauthn();
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: rp.rpID,
    userName: who.email,
    userDisplayName: who.name,
    userID: new TextEncoder().encode(who.accountId),
    timeout: PASSKEY_CHALLENGE_LIFETIME_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports as AuthenticatorTransport[] })),
    // Resident: the passkey names the account itself, so signing in needs no address typed.
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
  });
  await storeChallenge(deps, options.challenge, 'registration', who.sessionHash);
  return options;
}

/** Verifies the browser's new passkey against a challenge of this session and stores it. */
export async function registerPasskey(
  deps: PasskeyDeps, who: Registrant, response: RegistrationResponseJSON, name: string, rp: RelyingParty,
): Promise<PasskeySummary> {
  const challenge = await takeChallenge(deps, response.response.clientDataJSON, 'registration', who.sessionHash);
  const { verifyRegistrationResponse } = await webauthn();
  const verification = await verifyRegistrationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: [...rp.origins],
    expectedRPID: rpIDsOf(rp),
    requireUserVerification: true,
  }).catch(() => undefined);
  if (!verification?.verified) throw PasskeyError.notVerified();
  const { credential } = verification.registrationInfo;
  const passkey: StoredPasskey = {
    credentialId: credential.id,
    accountId: who.accountId,
    publicKey: Buffer.from(credential.publicKey).toString('base64url'),
    counter: credential.counter,
    transports: credential.transports ?? response.response.transports ?? [],
    name,
    createdAt: deps.clock.now().toISOString(),
  };
  if (!(await deps.accounts.putPasskey(passkey))) throw PasskeyError.alreadyRegistered();
  return summaryOf(passkey);
}

const addressSubject = (address: string | undefined) => (address ? networkOf(address) : 'unknown');

/** Options for a passkey sign-in by anyone: no account named, the browser offers the passkeys it holds for this site. */
export async function passkeySignInOptions(deps: PasskeyDeps, address: string | undefined, rp: RelyingParty): Promise<PublicKeyCredentialRequestOptionsJSON> {
  await throttle(deps, 'passkey-options-per-address', addressSubject(address));
  const { generateAuthenticationOptions } = await webauthn();
  const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: 'required', timeout: PASSKEY_CHALLENGE_LIFETIME_MS });
  await storeChallenge(deps, options.challenge, 'sign-in');
  return options;
}

/** Verifies a passkey's answer to a sign-in challenge and opens a session for its account. */
export async function signInWithPasskey(
  deps: PasskeyDeps, response: AuthenticationResponseJSON, address: string | undefined, rp: RelyingParty,
): Promise<OpenedSession> {
  await throttle(deps, 'sign-in-per-address', addressSubject(address));
  const challenge = await takeChallenge(deps, response.response.clientDataJSON, 'sign-in');
  const passkey = await deps.accounts.getPasskey(response.id);
  if (!passkey) throw PasskeyError.unknownCredential();
  const { verifyAuthenticationResponse } = await webauthn();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: challenge,
    expectedOrigin: [...rp.origins],
    expectedRPID: rpIDsOf(rp),
    // Counter 0 here: the counter is checked below, so that a counter going back is its own refusal.
    credential: { id: passkey.credentialId, publicKey: new Uint8Array(Buffer.from(passkey.publicKey, 'base64url')), counter: 0 },
    requireUserVerification: true,
  }).catch(() => undefined);
  if (!verification?.verified) throw PasskeyError.notVerified();
  const { newCounter } = verification.authenticationInfo;
  // Authenticators that keep no counter send 0 every time (synced passkeys); any other must go up.
  if ((passkey.counter > 0 || newCounter > 0) && newCounter <= passkey.counter) throw PasskeyError.counterWentBack();
  // Conditional on the counter read: of two answers with the same counter, one is refused.
  if (!(await deps.accounts.usePasskey(passkey.credentialId, passkey.counter, newCounter, deps.clock.now().toISOString()))) {
    throw PasskeyError.counterWentBack();
  }
  const account = await deps.accounts.getAccount(passkey.accountId);
  if (!account) throw PasskeyError.unknownCredential();
  return openSession(deps, account.account.id);
}
