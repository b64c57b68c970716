// The one-time code a citizen reads to their client supporter over the phone to hand over their
// answers and shortlist. 8 characters that cannot be mistaken for one another when read
// aloud or typed (no 0/O, 1/I/L, U/V: 29 characters), shown in two groups ("K7MR-4QXP"); typed
// back in any case, with or without spaces and dashes. Only a keyed hash of it is stored.
//
// Why 8 of 29 is enough: 29^8 = 5.0e11 codes (38.9 bits). With L codes alive at once (each lives
// at most 24 hours) one guess hits one with chance L / 5.0e11. The redeem throttle lets a signed-in
// supporter try 20 codes a day (THROTTLE_RULES), so with 1,000 live codes one account's chance is
// 20 * 1,000 / 5.0e11 = 4e-8 a day, and 4e-5 a day for 1,000 accounts all guessing together. Only
// supporters can redeem at all, and every try is throttled per account and per network.
import { randomInt } from 'node:crypto';
import { HANDOVER_CODE_ALPHABET, HANDOVER_CODE_LENGTH, normaliseHandoverCode } from '../../shared/domain/dossier.ts';
import { keyedHash } from '../accounts/hashing.ts';

// The code's format is shared with the supporter's page, which checks a typed code as the API does.
export { HANDOVER_CODE_ALPHABET, HANDOVER_CODE_LENGTH, normaliseHandoverCode };

/** How long a code can be redeemed. */
export const HANDOVER_CODE_HOURS = 24;

/** A fresh code, grouped for reading aloud: "K7MR-4QXP". */
export function newHandoverCode(): string {
  let code = '';
  for (let i = 0; i < HANDOVER_CODE_LENGTH; i++) code += HANDOVER_CODE_ALPHABET[randomInt(HANDOVER_CODE_ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What the store keeps of a code: its keyed hash, never the code. */
export function handoverCodeHash(secret: Buffer, code: string): string {
  return keyedHash(secret, 'handover-code', normaliseHandoverCode(code) ?? code);
}

/** A code that cannot be redeemed: unknown or used already (404), or expired (410). Messages in Dutch for the supporter. */
export class HandoverCodeError extends Error {
  constructor(readonly kind: 'unknown' | 'expired') {
    super(kind === 'expired'
      ? 'Deze code is verlopen: een code werkt 24 uur. Vraag uw cliënt om op het rapport een nieuwe code te maken.'
      : 'Deze code kennen we niet, of hij is al gebruikt. Controleer de code met uw cliënt, of vraag om een nieuwe.');
    this.name = 'HandoverCodeError';
  }
}
