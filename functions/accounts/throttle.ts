// Throttling by fixed windows over the throttle port: each subject (an email address, a network
// address) counted under a keyed hash, so the table never holds the address itself.
import type { Clock } from '../../shared/clock.ts';
import type { ThrottleKind, ThrottleStore } from '../store/throttle-store.ts';
import { TooManyRequestsError } from './account-errors.ts';
import { keyedHash } from './hashing.ts';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

const QUARTER_HOUR = 15 * 60_000;

/** How much of each kind one subject may do per window. */
export const THROTTLE_RULES: Readonly<Record<ThrottleKind, ThrottleRule>> = {
  // A person rarely needs more than a few codes; more is someone trying addresses or codes.
  'code-per-email': { limit: 5, windowMs: QUARTER_HOUR },
  // An office shares one address: room for a team signing in at the start of the day.
  'code-per-address': { limit: 30, windowMs: QUARTER_HOUR },
  'sign-in-per-address': { limit: 60, windowMs: QUARTER_HOUR },
};

export interface ThrottleDeps {
  throttles: ThrottleStore;
  clock: Clock;
  secret: Buffer;
}

/** Counts one request of `kind` by `value`; TooManyRequestsError with the seconds to wait when over the limit. */
export async function throttle(deps: ThrottleDeps, kind: ThrottleKind, value: string, rules = THROTTLE_RULES): Promise<void> {
  const { limit, windowMs } = rules[kind];
  const now = deps.clock.now().getTime();
  const window = Math.floor(now / windowMs);
  const windowEnd = (window + 1) * windowMs;
  const taken = await deps.throttles.take({
    kind,
    subject: keyedHash(deps.secret, `throttle:${kind}`, value),
    window,
    limit,
    expiresAtMs: windowEnd,
  });
  if (!taken) throw TooManyRequestsError.wait(Math.max(1, Math.ceil((windowEnd - now) / 1000)));
}
