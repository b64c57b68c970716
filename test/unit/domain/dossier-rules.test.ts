// The dossier rules every part of the product shares (shared/domain/dossier.ts): a client label
// never holds a citizen service number (by the eleven test) or a date of birth, and when a
// recorded consent holds: from the day it was given, until the day before its end, and not from
// the moment it is withdrawn. Dates are Dutch calendar days.
import { describe, expect, it } from 'vitest';
import {
  addMonths, clientLabelProblem, consentAllows, consentStateAt, consentValidAt, containsBsn, containsDate, dutchDate, isCalendarDate,
  normaliseHandoverCode, passesElevenTest,
} from '../../../shared/domain/index.ts';

describe('client labels', () => {
  it('passes the eleven test exactly for valid citizen service numbers', () => {
    // 9*1 + 8*1 + 7*1 + 6*2 + 5*2 + 4*2 + 3*3 + 2*3 - 3 = 66 = 6 * 11
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('111222334')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
    expect(passesElevenTest('11122233')).toBe(false);
  });

  it('finds a citizen service number written plainly, in groups or inside a longer run', () => {
    expect(containsBsn('111222333')).toBe(true);
    expect(containsBsn('mevr 1112.22.333')).toBe(true);
    expect(containsBsn('111 222 333')).toBe(true);
    expect(containsBsn('tel 0111222333')).toBe(true);
    // Nine digits that fail the test are no citizen service number.
    expect(containsBsn('111222334')).toBe(false);
    expect(containsBsn('M.J. 12')).toBe(false);
  });

  it('finds dates as people write them', () => {
    for (const text of ['12-03-1945', '12/3/45', '1945-03-12', '12 maart 1945', "3 mrt '45", '12031945', 'geb. 1.2.1950']) {
      expect(containsDate(text), text).toBe(true);
    }
    for (const text of ['M.J.', 'Mevr. K', 'Oma Riet', 'kamer 12', 'De 3 musketiers']) expect(containsDate(text), text).toBe(false);
  });

  it('accepts initials and pseudonyms, refuses empty, long, number and date labels', () => {
    expect(clientLabelProblem('M.J.')).toBeUndefined();
    expect(clientLabelProblem('Oma Riet')).toBeUndefined();
    expect(clientLabelProblem('')).toBe('empty');
    expect(clientLabelProblem('x'.repeat(41))).toBe('too-long');
    expect(clientLabelProblem('x'.repeat(40))).toBeUndefined();
    expect(clientLabelProblem('A 111222333')).toBe('bsn');
    expect(clientLabelProblem('A 12-03-1945')).toBe('date');
  });
});

describe('hand-over codes as typed', () => {
  it('takes a code read over the phone in any case, with spaces or dashes, and refuses characters that read alike', () => {
    expect(normaliseHandoverCode('K7MR-4QXP')).toBe('K7MR4QXP');
    expect(normaliseHandoverCode(' k7mr 4qxp ')).toBe('K7MR4QXP');
    expect(normaliseHandoverCode('k7-mr-4q-xp')).toBe('K7MR4QXP');
    expect(normaliseHandoverCode('K7MR-4QX')).toBeUndefined();
    expect(normaliseHandoverCode('K7MR-4QXP9')).toBeUndefined();
    // 0, 1, I, L, O, U and V are never in a code.
    for (const unclear of ['0', '1', 'I', 'L', 'O', 'U', 'V']) expect(normaliseHandoverCode(`K7MR-4QX${unclear}`)).toBeUndefined();
  });
});

describe('consent dates', () => {
  it('reads calendar dates strictly and adds months as a calendar does', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-28')).toBe(false);
    expect(addMonths('2026-12-03', 12)).toBe('2027-12-03');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
  });

  it('takes the day in the Netherlands, not in UTC', () => {
    expect(dutchDate(new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-04');
    expect(dutchDate(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(dutchDate(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });
});

describe('consent validity', () => {
  const consent = { givenOn: '2026-12-03', expiresOn: '2027-12-03', providers: ['mergelland-zorg', 'vrij-wonen-maastricht'] };

  it('holds from the day it was given until the day before its end', () => {
    expect(consentStateAt(consent, new Date('2026-12-02T12:00:00Z'))).toBe('not-yet-valid');
    expect(consentStateAt(consent, new Date('2026-12-03T08:00:00Z'))).toBe('valid');
    expect(consentStateAt(consent, new Date('2027-12-02T22:59:00Z'))).toBe('valid');
    // 23:00 UTC on 2 December is midnight in the Netherlands: the end day has begun.
    expect(consentStateAt(consent, new Date('2027-12-02T23:00:00Z'))).toBe('expired');
  });

  it('ends at the moment of withdrawal', () => {
    const withdrawn = { ...consent, withdrawnAt: '2027-01-10T09:00:00.000Z' };
    expect(consentValidAt(withdrawn, new Date('2027-01-10T08:59:59Z'))).toBe(true);
    expect(consentStateAt(withdrawn, new Date('2027-01-10T09:00:00Z'))).toBe('withdrawn');
  });

  it('lets the report go only to a provider a valid consent names', () => {
    const at = new Date('2027-03-01T12:00:00Z');
    expect(consentAllows([consent], 'mergelland-zorg', at)).toBe(true);
    expect(consentAllows([consent], 'woonzorg-maasvallei', at)).toBe(false);
    expect(consentAllows([{ ...consent, withdrawnAt: '2027-02-01T00:00:00Z' }], 'mergelland-zorg', at)).toBe(false);
    expect(consentAllows([{ ...consent, withdrawnAt: '2027-02-01T00:00:00Z' }, { ...consent, providers: ['mergelland-zorg'] }], 'mergelland-zorg', at)).toBe(true);
  });
});
