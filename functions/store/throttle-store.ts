// The storage port for throttling: counters per subject and fixed time window, each counted up
// only while below its limit, so parallel requests cannot slip past it. Nothing about DynamoDB.
export const THROTTLE_KINDS = [
  'code-per-email', 'code-per-address', 'sign-in-per-email', 'sign-in-per-address', 'invitation-per-inviter', 'invitation-per-email',
  'passkey-options-per-address', 'handover-code-per-address', 'handover-redeem-per-account', 'handover-redeem-per-address',
] as const;
export type ThrottleKind = (typeof THROTTLE_KINDS)[number];

export interface ThrottleCount {
  kind: ThrottleKind;
  /** A hash of what is counted (an email address, a network address): never the value itself. */
  subject: string;
  /** The window's number: epoch time divided by the window length. */
  window: number;
  limit: number;
  /** When the counter may be forgotten, epoch milliseconds (the window's end). */
  expiresAtMs: number;
}

export interface ThrottleStore {
  /** Counts one request; false when the window already holds `limit` (and then counts nothing). */
  take(count: ThrottleCount): Promise<boolean>;
}
