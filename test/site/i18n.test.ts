// The interface texts and code labels: Dutch and English have the same keys, no empty texts, the
// same {placeholders}, and every code of shared/domain/codes.ts has a label in both languages.
import { describe, expect, it } from 'vitest';
import {
  CARE_PROFILES, COMMUNITIES, DAY_ACTIVITIES, CULTURES, DELIVERY_FORMS, FACILITIES, HOUSING_TYPES, LANGUAGES, SECTORS,
  TARGET_GROUPS, WAITING_LIST_STATUSES, WORLDVIEWS,
} from '../../shared/domain/codes.ts';
import {
  codeLabels, fill, formatDate, languageName, LOCALES, messages, plural, type CodeLabels,
} from '../../shared/i18n/index.ts';

/** Every text of a message tree, by its dotted path. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') out.set(prefix, tree);
  else if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) {
      for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(path, text);
    }
  } else throw new Error(`${prefix} is neither text nor a group of texts`);
  return out;
}
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('interface texts', () => {
  const nl = leaves(messages.nl);
  const en = leaves(messages.en);

  it('has the same keys in Dutch and English', () => {
    expect([...en.keys()].sort()).toEqual([...nl.keys()].sort());
  });

  it('has no empty texts', () => {
    for (const locale of LOCALES) {
      const empty = [...leaves(messages[locale])].filter(([, text]) => text.trim() === '').map(([path]) => path);
      expect(empty, `${locale}: empty texts`).toEqual([]);
    }
  });

  it('uses the same {placeholders} in both languages', () => {
    for (const [path, text] of nl) expect(placeholders(en.get(path) ?? ''), path).toEqual(placeholders(text));
  });
});

describe('code labels', () => {
  const lists: { [K in keyof CodeLabels]: readonly string[] } = {
    sectors: SECTORS,
    careProfiles: CARE_PROFILES,
    deliveryForms: DELIVERY_FORMS,
    deliveryFormExplanations: DELIVERY_FORMS,
    housingTypes: HOUSING_TYPES,
    targetGroups: TARGET_GROUPS,
    worldviews: WORLDVIEWS,
    cultures: CULTURES,
    communities: COMMUNITIES,
    facilities: FACILITIES,
    waitingListStatuses: WAITING_LIST_STATUSES,
    dayActivities: DAY_ACTIVITIES,
  };

  for (const locale of LOCALES) {
    it(`labels every code, and only codes, in ${locale}`, () => {
      for (const [set, codes] of Object.entries(lists) as [keyof CodeLabels, readonly string[]][]) {
        const labels: Record<string, string> = codeLabels[locale][set];
        expect(Object.keys(labels).sort(), `${locale}.${set}`).toEqual([...codes].sort());
        for (const code of codes) expect(labels[code]?.trim(), `${locale}.${set}.${code}`).toBeTruthy();
      }
    });

    it(`names every language in ${locale}`, () => {
      const unnamed = LANGUAGES.filter((code) => {
        const name = languageName(code, locale);
        return !name.trim() || name === code;
      });
      expect(unnamed).toEqual([]);
    });
  }

  it('starts each care-profile label with its code, as on the CIZ decision', () => {
    for (const locale of LOCALES) {
      for (const code of CARE_PROFILES) expect(codeLabels[locale].careProfiles[code].startsWith(`${code}: `)).toBe(true);
    }
    expect(codeLabels.nl.careProfiles['5VV']).toBe('5VV: beschermd wonen met veel zorg bij dementie');
  });

  it('names the languages of Dutch care by name', () => {
    expect(languageName('li', 'nl')).toBe('Limburgs');
    expect(languageName('pap', 'nl')).toBe('Papiaments');
    expect(languageName('tr', 'en')).toBe('Turkish');
  });
});

describe('text helpers', () => {
  it('fills placeholders and refuses a missing value', () => {
    expect(fill('Wonen met zorg in {region}', { region: 'Zuid-Limburg' })).toBe('Wonen met zorg in Zuid-Limburg');
    expect(() => fill('{region}', {})).toThrow(/region/);
  });

  it('picks plural forms', () => {
    expect(plural('nl', messages.nl.common.locations, 1)).toBe('1 locatie');
    expect(plural('nl', messages.nl.common.locations, 3)).toBe('3 locaties');
    expect(plural('en', messages.en.common.housingForms, 0)).toBe('0 housing forms');
  });

  it('writes dates in words, the same day in every time zone', () => {
    expect(formatDate('nl', '2026-11-12')).toBe('12 november 2026');
    expect(formatDate('en', '2026-11-12')).toBe('12 November 2026');
    expect(formatDate('nl', '2026-11-12T23:30:00+01:00')).toBe('12 november 2026');
  });
});
