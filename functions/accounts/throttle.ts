// Throttling by fixed windows over the throttle port: each subject (an email address, a network
// address) counted under a keyed hash, so the table never holds the address itself.
import { isIPv4, isIPv6 } from 'node:net';
import type { Clock } from '../../shared/clock.ts';
import type { ThrottleKind, ThrottleStore } from '../store/throttle-store.ts';
import { TooManyRequestsError } from './account-errors.ts';
import { keyedHash } from './hashing.ts';

export interface ThrottleRule {
  limit: number;
  windowMs: number;
}

const QUARTER_HOUR = 15 * 60_000;
const DAY = 24 * 60 * 60_000;

/** How much of each kind one subject may do per window. */
export const THROTTLE_RULES: Readonly<Record<ThrottleKind, ThrottleRule>> = {
  // A person rarely needs more than a few codes; more is someone trying addresses or codes.
  'code-per-email': { limit: 5, windowMs: QUARTER_HOUR },
  // An office shares one address: room for a team signing in at the start of the day.
  'code-per-address': { limit: 30, windowMs: QUARTER_HOUR },
  // Every new code brings 5 fresh tries, so the guesses at one account are bounded here, across
  // codes: 20 a day is a sign-in on several devices with typos, and a 1 in 50,000 chance a day for
  // someone guessing. Who spends them locks the address out until the day ends (UTC); so can the
  // code limit above, for a quarter hour at a time.
  'sign-in-per-email': { limit: 20, windowMs: DAY },
  'sign-in-per-address': { limit: 60, windowMs: QUARTER_HOUR },
  // An admin inviting a whole team at once, and no more: beyond that someone is sending mail in our name.
  'invitation-per-inviter': { limit: 30, windowMs: QUARTER_HOUR },
  // Like codes: an address is not flooded with invitations, whoever sends them.
  'invitation-per-email': { limit: 5, windowMs: QUARTER_HOUR },
  // Each passkey sign-in asks one challenge first, and each is a stored item: as many as the
  // address's sign-in tries, so nobody fills the table with challenges. The sign-in itself counts
  // under sign-in-per-address, with the code sign-ins.
  'passkey-options-per-address': { limit: 60, windowMs: QUARTER_HOUR },
  // A citizen makes one hand-over code, perhaps a few more after changing answers; a household or
  // office behind one address a handful. More is someone filling the dossier table.
  'handover-code-per-address': { limit: 10, windowMs: QUARTER_HOUR },
  // A supporter redeems a few codes a day; what bounds guessing a code (functions/dossiers/handover-code.ts).
  'handover-redeem-per-account': { limit: 20, windowMs: DAY },
  'handover-redeem-per-address': { limit: 60, windowMs: DAY },
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

/** How many 16-bit groups of an IPv6 address name its network: a /64, what one customer gets. */
const NETWORK_GROUPS = 4;

/**
 * The network a request came from, as throttling counts it: an IPv4 address as it is (also when
 * written as IPv6, `::ffff:192.0.2.1`), an IPv6 address by its /64, since one home or server holds
 * a whole /64 and could use a fresh address for every request. Anything else is counted as given.
 */
export function networkOf(address: string): string {
  const plain = address.replace(/%.*$/, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(plain)) return address;
  // A dotted IPv4 tail fills two groups; `::` stands for as many zero groups as are missing.
  const groups = (part: string) => (part ? part.split(':').flatMap((g) => (g.includes('.') ? ['0', '0'] : [g])) : []);
  const [head = '', tail] = plain.split('::');
  const left = groups(head);
  const all = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - groups(tail).length).fill('0'), ...groups(tail)];
  return `${all.slice(0, NETWORK_GROUPS).map((g) => parseInt(g, 16).toString(16)).join(':')}::/64`;
}
