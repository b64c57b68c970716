// The rules of a client supporter's dossier that hold wherever a dossier is handled: what a client
// label may be (initials or a pseudonym, never a citizen service number or a date of birth), the
// statuses a dossier moves through, and when a recorded consent counts. Consent validity is one
// function, consentValidAt, so the dossier view and the later report shares judge alike.
// Plain functions without zod, so a page's script can import this module on its own.

export const DOSSIER_STATUSES = ['exploring', 'indication-applied', 'choosing', 'placed', 'closed'] as const;
export type DossierStatus = (typeof DOSSIER_STATUSES)[number];

/** How the client gave consent: a signed form, spoken and noted by the supporter, or digitally. */
export const CONSENT_METHODS = ['signed-form', 'spoken-noted', 'digital'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Who gave it: the client, or their legal representative (curator, mentor, guardian). */
export const CONSENT_GIVERS = ['client', 'legal-representative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** A consent holds 12 months unless the supporter records another end. */
export const CONSENT_DEFAULT_MONTHS = 12;

export const CLIENT_LABEL_MAX = 40;

/**
 * The Dutch citizen service number's eleven test ("elfproef"): 9 digits whose weighted sum
 * (9, 8, ..., 2, and -1 for the last) is divisible by 11, and not all zero.
 */
export function passesElevenTest(digits: string): boolean {
  if (!/^[0-9]{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/**
 * The text with every decimal digit of any script as an ASCII digit and compatibility forms
 * folded (NFKC: full-width digits, no-break spaces), so a number cannot hide from the checks
 * below in other characters. Unicode keeps each script's digits as a run of ten from zero.
 */
export function foldDigits(text: string): string {
  return text.normalize('NFKC').replace(/\p{Nd}/gu, (digit) => {
    let zero = digit.codePointAt(0) as number;
    while (/\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--;
    return String(((digit.codePointAt(0) as number) - zero) % 10);
  });
}

/**
 * Whether the text holds what could be a citizen service number: 9 digits in a row, or written in
 * groups with any separators but letters (123 456 782, 1234.56.782, 1 2 3 4 5 6 7 8 2, 123/456/782),
 * that pass the eleven test; digits of any script count.
 */
export function containsBsn(text: string): boolean {
  const runs = foldDigits(text).match(/[0-9](?:[^\p{L}0-9]*[0-9])+/gu) ?? [];
  return runs.some((run) => {
    const digits = run.replace(/[^0-9]/g, '');
    // A longer run (a phone number) is checked at each 9-digit window it holds.
    for (let i = 0; i + 9 <= digits.length; i++) if (passesElevenTest(digits.slice(i, i + 9))) return true;
    return false;
  });
}

const MONTHS_NL = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec';
const MONTHS_EN = 'january|february|march|may|june|july|august|october|mar|oct';
const DATE_PATTERNS = [
  // 12-03-1945, 12/3/45, 12.03.1945
  /\b(0?[1-9]|[12][0-9]|3[01])[-/.](0?[1-9]|1[0-2])[-/.]([0-9]{2}|[0-9]{4})\b/,
  // 1945-03-12
  /\b(1[89]|20)[0-9]{2}[-/.](0?[1-9]|1[0-2])[-/.](0?[1-9]|[12][0-9]|3[01])\b/,
  // 12 maart 1945, 12 mrt '45
  new RegExp(`\\b(0?[1-9]|[12][0-9]|3[01])\\s*(${MONTHS_NL}|${MONTHS_EN})\\.?\\s*('?[0-9]{2}|[0-9]{4})\\b`, 'i'),
  // 12031945 (eight digits as a day, month and year)
  /\b(0[1-9]|[12][0-9]|3[01])(0[1-9]|1[0-2])(19|20)[0-9]{2}\b/,
];

/** Whether the text holds what reads as a date (a date of birth, in a label). */
export function containsDate(text: string): boolean {
  const folded = foldDigits(text);
  return DATE_PATTERNS.some((pattern) => pattern.test(folded));
}

export type ClientLabelProblem = 'empty' | 'too-long' | 'bsn' | 'date';

/** What is wrong with a client label (already trimmed), or undefined when it can be stored. */
export function clientLabelProblem(label: string): ClientLabelProblem | undefined {
  if (label.length === 0) return 'empty';
  if (label.length > CLIENT_LABEL_MAX) return 'too-long';
  if (containsBsn(label)) return 'bsn';
  if (containsDate(label)) return 'date';
  return undefined;
}

/** The supporter-facing words for each label problem (B1 Dutch). */
export const CLIENT_LABEL_MESSAGES: Readonly<Record<ClientLabelProblem, string>> = {
  empty: 'Vul initialen of een schuilnaam in.',
  'too-long': `Gebruik hoogstens ${CLIENT_LABEL_MAX} tekens: initialen of een schuilnaam is genoeg.`,
  bsn: 'Dit lijkt op een burgerservicenummer (BSN). Gebruik alleen initialen of een schuilnaam.',
  date: 'Dit lijkt op een geboortedatum. Gebruik alleen initialen of een schuilnaam.',
};

/** The calendar date (YYYY-MM-DD) in the Netherlands at a moment: consent dates are Dutch calendar days. */
export function dutchDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/** Whether a text is a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(text)) return false;
  const date = new Date(`${text}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** `months` calendar months after a YYYY-MM-DD date; a day the month lacks becomes its last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1, 12));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0, 12)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** What consent validity depends on. */
export interface ConsentTerms {
  /** The day consent was given (YYYY-MM-DD). */
  givenOn: string;
  /** The first day it no longer holds (YYYY-MM-DD): by default 12 months after `givenOn`. */
  expiresOn: string;
  /** When it was withdrawn (ISO date-time); it holds no longer from that moment. */
  withdrawnAt?: string | undefined;
}

export type ConsentState = 'valid' | 'expired' | 'withdrawn' | 'not-yet-valid';

/** The state of a consent at a moment: withdrawal first, then its days. */
export function consentStateAt(consent: ConsentTerms, at: Date): ConsentState {
  if (consent.withdrawnAt !== undefined && Date.parse(consent.withdrawnAt) <= at.getTime()) return 'withdrawn';
  const today = dutchDate(at);
  if (today < consent.givenOn) return 'not-yet-valid';
  if (today >= consent.expiresOn) return 'expired';
  return 'valid';
}

/** Whether a consent holds at a moment. The one test: a share to a provider checks it too. */
export function consentValidAt(consent: ConsentTerms, at: Date): boolean {
  return consentStateAt(consent, at) === 'valid';
}

/** Whether any of the consents lets the report go to the provider organisation at that moment. */
export function consentAllows(consents: ReadonlyArray<ConsentTerms & { providers: readonly string[] }>, organizationId: string, at: Date): boolean {
  return consents.some((c) => c.providers.includes(organizationId) && consentValidAt(c, at));
}

/** A provider reads a shared report for 90 days at most. */
export const SHARE_ACCESS_DAYS = 90;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the provider may still read a report shared with it: within 90 days of the share, while
 * the dossier is open and a consent naming the provider holds. Judged on every read, so a
 * withdrawal or a closed dossier ends access at once.
 */
export function shareReadableAt(
  share: { sharedAt: string; organizationId: string },
  dossierStatus: DossierStatus,
  consents: ReadonlyArray<ConsentTerms & { providers: readonly string[] }>,
  at: Date,
): boolean {
  if (dossierStatus === 'closed') return false;
  if (at.getTime() >= Date.parse(share.sharedAt) + SHARE_ACCESS_DAYS * DAY_MS) return false;
  return consentAllows(consents, share.organizationId, at);
}

/**
 * A citizen's hand-over code (functions/dossiers/handover-code.ts makes them): 8 characters that
 * cannot be mistaken for one another when read aloud or typed (no 0/O, 1/I/L, U/V).
 */
export const HANDOVER_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const HANDOVER_CODE_LENGTH = 8;

/** The code as typed, in capitals without spaces or dashes; undefined when it cannot be a code. Here so a page checks it as the API does. */
export function normaliseHandoverCode(typed: string): string | undefined {
  const plain = typed.replace(/[\s-]/g, '').toUpperCase();
  if (plain.length !== HANDOVER_CODE_LENGTH) return undefined;
  return [...plain].every((ch) => HANDOVER_CODE_ALPHABET.includes(ch)) ? plain : undefined;
}
