// The provider portal's words for values and changes (site/src/scripts/manage/words.ts): what the
// conflict comparison and the history show a person. Pure: the page data is built as the page
// builds it, from the message files and code labels.
import { describe, expect, it } from 'vitest';
import { MAX_PHOTOS_PER_LOCATION, PhotoAlt } from '../../shared/domain/photos.ts';
import { codeLabels, INTL_LOCALE, t, type Locale } from '../../shared/i18n/index.ts';
import { fieldLabels, reportWords } from '../../site/src/lib/manage-fields.ts';
import type { ManagePageData } from '../../site/src/scripts/manage/page-data.ts';
import { count, dateTimeInWords, differences, inPageLanguage, valueInWords } from '../../site/src/scripts/manage/words.ts';

function pageData(locale: Locale): ManagePageData {
  const { deliveryFormExplanations: _explanations, ...labels } = codeLabels[locale];
  return {
    locale, intlLocale: INTL_LOCALE[locale], texts: t(locale).manage, fieldLabels: fieldLabels(locale), codeLabels: labels,
    languages: { nl: 'Nederlands', li: 'Limburgs' },
    params: { organization: 'organisatie', location: 'locatie', housingForm: 'woonvorm', view: 'weergave', edit: 'wijzigen', history: 'geschiedenis', create: 'nieuw', spreadsheet: 'spreadsheet', colleagues: 'collegas', inbox: 'i', share: 'r' },
    report: reportWords(locale), regions: {},
    limits: { bodyBytes: 256 * 1024, confirmations: 50, photos: 6, photoBytes: 8 * 1024 * 1024 },
  };
}
const nl = pageData('nl');
const en = pageData('en');

describe('values in words', () => {
  it('says yes, no and unknown apart, since unknown is not no', () => {
    expect(valueInWords(nl, 'pets', true)).toBe('Ja');
    expect(valueInWords(nl, 'pets', false)).toBe('Nee');
    expect(valueInWords(nl, 'pets', undefined)).toBe('onbekend');
    expect(valueInWords(en, 'pets', undefined)).toBe('unknown');
  });

  it('names codes by their labels, an empty list as none of these, and other languages by their code', () => {
    expect(valueInWords(nl, 'waitingList.status', 'available')).toBe('Plaats vrij');
    expect(valueInWords(nl, 'sectors', ['VV', 'VG'])).toBe('Verpleging en verzorging (vooral voor ouderen), Zorg voor mensen met een verstandelijke beperking');
    expect(valueInWords(nl, 'cultures', [])).toBe('Geen van deze');
    expect(valueInWords(nl, 'languages', ['li', 'pl'])).toBe('Limburgs, pl');
    expect(valueInWords(nl, 'capacity', 12)).toBe('12');
  });

  it('gives dates and times as in the Netherlands, and plurals by count', () => {
    expect(valueInWords(nl, 'waitingList.updatedAt', '2026-11-23T09:00:00Z')).toBe(dateTimeInWords(nl, '2026-11-23T09:00:00Z'));
    expect(dateTimeInWords(nl, '2026-11-23T09:00:00Z')).toMatch(/^23 november 2026.*10:00$/);
    expect(count(nl, nl.texts.overview.stale, 1)).toBe('De wachtlijst is 1 dag niet bevestigd.');
    expect(count(nl, nl.texts.overview.stale, 45)).toBe('De wachtlijst is 45 dagen niet bevestigd.');
  });

  it('takes the half of a sign-in message in the page language', () => {
    const message = 'Deze code klopt niet. U kunt het nog 4 keer proberen. / This code is not right. 4 tries left.';
    expect(inPageLanguage(nl, message)).toBe('Deze code klopt niet. U kunt het nog 4 keer proberen.');
    expect(inPageLanguage(en, message)).toBe('This code is not right. 4 tries left.');
    expect(inPageLanguage(en, 'One language only.')).toBe('One language only.');
  });
});

describe('differences between two versions', () => {
  const before = { id: 'a', name: 'De Linde', sectors: ['VV'], pets: true, waitingList: { status: 'long', weeks: 20, updatedAt: '2026-10-01' }, candidate: { x: 1 } };

  it('lists the named fields that changed, in the order of the form, nested ones by their path', () => {
    const after = { ...before, name: 'De Eik', pets: undefined, waitingList: { status: 'available', updatedAt: '2026-10-01' }, candidate: { x: 2 } };
    expect(differences(nl.fieldLabels, before, after)).toEqual(['name', 'waitingList.status', 'waitingList.weeks', 'pets']);
  });

  it('finds nothing when only internal fields changed', () => {
    expect(differences(nl.fieldLabels, before, { ...before, candidate: { x: 3 } })).toEqual([]);
  });
});

describe('the photo editor\'s words', () => {
  it('asks for a missing description in the server\'s own Dutch words, so both checks say the same', () => {
    const refused = PhotoAlt.safeParse('   ');
    expect(refused.success).toBe(false);
    expect(nl.texts.photos.errors.alt).toBe(refused.error?.issues[0]?.message);
  });

  it('counts photos against the limit the API keeps, in both languages', () => {
    expect(count(nl, { one: nl.texts.photos.count, other: nl.texts.photos.count }, 3, { max: MAX_PHOTOS_PER_LOCATION })).toBe('3 van 6 foto\'s');
    expect(count(en, { one: en.texts.photos.count, other: en.texts.photos.count }, 3, { max: MAX_PHOTOS_PER_LOCATION })).toBe('3 of 6 photos');
  });
});
