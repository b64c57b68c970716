// Whether there is a place, in easy-read words, as the location page, the results' cards and "Mijn
// keuzes" say it: the provider's state with the day they said it, and after 30 days "we do not
// know" (the shared rule), still with that day. Pure.
import { describe, expect, it } from 'vitest';
import { messages } from '../../shared/i18n/index.ts';
import { easyPlace } from '../../site/src/scripts/easy/place.ts';

const nl = messages.nl.easyRead;
const asOf = new Date('2026-11-23T09:00:00Z');

describe('the place in easy read', () => {
  it('says the provider\'s state and the day they said it', () => {
    expect(easyPlace(nl, { status: 'available', updatedAt: '2026-11-10' }, asOf, 'nl-NL')).toEqual({
      text: 'Er is nu plek.', since: 'Dat zei de aanbieder op 10 november 2026.', stale: false,
    });
  });

  it('after 30 days does not know, whatever the state was, and says how old it is', () => {
    expect(easyPlace(nl, { status: 'available', updatedAt: '2026-10-24' }, asOf, 'nl-NL').stale).toBe(false);
    expect(easyPlace(nl, { status: 'available', updatedAt: '2026-10-23' }, asOf, 'nl-NL')).toEqual({
      text: 'Dat weten we niet. Vraag of er plek is.', since: 'De aanbieder zei iets op 23 oktober 2026. Dat is lang geleden.', stale: true,
    });
    expect(easyPlace(messages.en.easyRead, { status: 'closed', updatedAt: '2026-09-01' }, asOf, 'en-GB').text).toBe('We do not know. Ask if there is a place.');
  });
});
