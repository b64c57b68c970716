// Sign-in by emailed one-time code, and the server-side sessions it opens. A code is 6 digits from
// crypto.randomInt, valid 10 minutes, good for one sign-in and at most 5 tries, stored only as a
// keyed hash. Asking a code for an address without an account answers alike and stores a code
// alike (one nobody receives), so neither the answer nor the tries that follow tell whether an
// account exists. A session id is 32 random bytes, kept only in the cookie; the store holds its
// SHA-256. A session ends after 8 hours unused and after 7 days at most.
import { randomBytes, randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '../../shared/clock.ts';
import { sendMail, type Mailer } from '../platform/mail.ts';
import type { AccountStore, AccountWithMemberships } from '../store/account-store.ts';
import type { ThrottleStore } from '../store/throttle-store.ts';
import { SignInCodeError, TooManyRequestsError } from './account-errors.ts';
import { keyedHash, sameDigest, sha256 } from './hashing.ts';
import { signInCodeMail } from './mail-texts.ts';
import { networkOf, throttle } from './throttle.ts';

export const CODE_DIGITS = 6;
export const CODE_LIFETIME_MS = 10 * 60_000;
export const MAX_CODE_TRIES = 5;
export const SESSION_IDLE_MS = 8 * 60 * 60_000;
export const SESSION_MAX_MS = 7 * 24 * 60 * 60_000;
/** A session used within a minute of its last extension is not written again: one write a minute at most. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;
/**
 * A code request is answered no sooner than this, mail or no mail: the mail is sent before the
 * answer (a Lambda may be frozen right after it), and a mail service takes tens to hundreds of
 * milliseconds to accept one, which would otherwise time whether the address has an account.
 * Well above what SES takes to accept a mail; a slower send still shows, but rarely.
 */
export const CODE_ANSWER_FLOOR_MS = 1000;

export interface SignInDeps {
  accounts: AccountStore;
  throttles: ThrottleStore;
  mailer: Mailer;
  clock: Clock;
  /** The server secret codes and throttled subjects are keyed with (secret.ts). */
  secret: Buffer;
  /** CODE_ANSWER_FLOOR_MS unless given (tests that do not time it give 0). */
  codeAnswerFloorMs?: number;
}

/** How every part of the service writes an address: trimmed, lower case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

const codeHash = (secret: Buffer, email: string, code: string) => keyedHash(secret, `sign-in-code:${email}`, code);

/** Who asked: the network (throttle.ts networkOf) when known; all requests without an address share a single count. */
export const addressSubject = (address: string | undefined) => (address ? networkOf(address) : 'unknown');

/** Mails a code to the account of `email`; for an address without an account it sends nothing, and answers the same. */
export async function requestSignInCode(deps: SignInDeps, email: string, address: string | undefined): Promise<void> {
  await throttle(deps, 'code-per-address', addressSubject(address));
  await throttle(deps, 'code-per-email', email);
  // Real time, not deps.clock: a test's clock stands still, and the wait is real.
  const started = performance.now();
  try {
    const code = String(randomInt(0, 10 ** CODE_DIGITS)).padStart(CODE_DIGITS, '0');
    const account = await deps.accounts.findAccountByEmail(email);
    await deps.accounts.putSignInCode({
      email,
      codeHash: codeHash(deps.secret, email, code),
      tries: 0,
      expiresAtMs: deps.clock.now().getTime() + CODE_LIFETIME_MS,
    });
    if (account) await sendMail(deps.mailer, signInCodeMail(account, code, CODE_LIFETIME_MS / 60_000));
  } finally {
    const left = (deps.codeAnswerFloorMs ?? CODE_ANSWER_FLOOR_MS) - (performance.now() - started);
    if (left > 0) await sleep(left);
  }
}

export interface OpenedSession {
  /** The session id for the cookie: shown once, never stored. */
  sessionId: string;
  accountId: string;
  absoluteExpiresAtMs: number;
}

/** Checks the code and opens a session; SignInCodeError (400) or TooManyRequestsError (429) when refused. */
export async function signIn(deps: SignInDeps, email: string, code: string, address: string | undefined): Promise<OpenedSession> {
  await throttle(deps, 'sign-in-per-address', addressSubject(address));
  await throttle(deps, 'sign-in-per-email', email);
  const now = deps.clock.now().getTime();
  const stored = await deps.accounts.getSignInCode(email);
  if (!stored || now >= stored.expiresAtMs) throw SignInCodeError.unusable();
  if (stored.tries >= MAX_CODE_TRIES) throw TooManyRequestsError.tooManyTries();
  // The try is counted before the comparison, so parallel guesses cannot share one try.
  const tries = await deps.accounts.takeTry(email, stored.codeHash, MAX_CODE_TRIES);
  if (tries === undefined) {
    const current = await deps.accounts.getSignInCode(email);
    if (current?.codeHash === stored.codeHash && current.tries >= MAX_CODE_TRIES) throw TooManyRequestsError.tooManyTries();
    throw SignInCodeError.unusable();
  }
  if (!sameDigest(codeHash(deps.secret, email, code), stored.codeHash)) throw SignInCodeError.wrong(MAX_CODE_TRIES - tries);
  if (!(await deps.accounts.consumeSignInCode(email, stored.codeHash))) throw SignInCodeError.unusable();
  // Only an account's address is ever sent a code: a right code without an account was guessed.
  const account = await deps.accounts.findAccountByEmail(email);
  if (!account) throw SignInCodeError.wrong(MAX_CODE_TRIES - tries);
  return openSession(deps, account.id);
}

export async function openSession(deps: Pick<SignInDeps, 'accounts' | 'clock'>, accountId: string): Promise<OpenedSession> {
  const now = deps.clock.now().getTime();
  const sessionId = randomBytes(32).toString('base64url');
  const absoluteExpiresAtMs = now + SESSION_MAX_MS;
  await deps.accounts.putSession({
    sessionHash: sha256(sessionId),
    accountId,
    createdAtMs: now,
    lastUsedAtMs: now,
    idleExpiresAtMs: Math.min(now + SESSION_IDLE_MS, absoluteExpiresAtMs),
    absoluteExpiresAtMs,
  });
  await deps.accounts.recordSignIn(accountId, now);
  return { sessionId, accountId, absoluteExpiresAtMs };
}

/** 32 bytes in base64url; anything else is not a session id of ours and is not looked up. */
const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export interface ActiveSession extends AccountWithMemberships {
  sessionHash: string;
}

/**
 * The account behind a session id with its memberships, read from the store; undefined when the
 * session is unknown, ended or its account gone. Using a session extends its idle time.
 */
export async function resumeSession(deps: Pick<SignInDeps, 'accounts' | 'clock'>, sessionId: string): Promise<ActiveSession | undefined> {
  if (!SESSION_ID.test(sessionId)) return undefined;
  const sessionHash = sha256(sessionId);
  const session = await deps.accounts.getSession(sessionHash);
  if (!session) return undefined;
  const now = deps.clock.now().getTime();
  if (now >= session.idleExpiresAtMs || now >= session.absoluteExpiresAtMs) {
    // DynamoDB's TTL deletes late; an ended session is removed as soon as it is seen.
    await deps.accounts.deleteSession(sessionHash);
    return undefined;
  }
  if (now - session.lastUsedAtMs >= SESSION_TOUCH_INTERVAL_MS) {
    const idle = Math.min(now + SESSION_IDLE_MS, session.absoluteExpiresAtMs);
    if (!(await deps.accounts.touchSession(sessionHash, now, idle))) return undefined;
  }
  const account = await deps.accounts.getAccount(session.accountId);
  if (!account) return undefined;
  if (account.sessionsEndedAtMs !== undefined && session.createdAtMs <= account.sessionsEndedAtMs) {
    await deps.accounts.deleteSession(sessionHash);
    return undefined;
  }
  return { ...account, sessionHash };
}

export async function endSession(deps: Pick<SignInDeps, 'accounts'>, sessionHash: string): Promise<void> {
  await deps.accounts.deleteSession(sessionHash);
}

/**
 * Ends every session of the account, on every device; returns how many were deleted. The mark on
 * the account ends them at once, also one the session index does not list yet; the deletes clean up.
 */
export async function endAllSessions(deps: Pick<SignInDeps, 'accounts' | 'clock'>, accountId: string): Promise<number> {
  await deps.accounts.endSessionsUntil(accountId, deps.clock.now().getTime());
  return deps.accounts.deleteAccountSessions(accountId);
}
