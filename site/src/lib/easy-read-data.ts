// Build-time side of the easy-read pages' script data (scripts/easy/page-data.ts): the pictogram
// of each kind of home and of each fact, the texts of the page's language, and the pattern of the
// easy-read location page's address. One place, so the results, "Mijn keuzes" and the location
// page show a kind of home with the same picture.
import { HOUSING_TYPES, type HousingType } from '../../../shared/domain/codes.ts';
import { INTL_LOCALE, t, type Locale } from '../../../shared/i18n/index.ts';
import type { EasyPageData } from '../scripts/easy/page-data.ts';
import { pictogramSrc } from './pictograms.ts';
import { pathTo } from './routes.ts';

export const HOUSING_TYPE_PICTOGRAMS: Record<HousingType, string> = {
  'nursing-home': '1F3E5',
  'small-scale-group': '1F3E1',
  'care-apartment': '1F3E2',
  'sheltered-group': '1F3D8',
  'parents-initiative': '1F46A',
  'residential-care-home': '1F3E8',
  'care-farm': '1F69C',
  respite: '1F6CF',
};

/** The pictograms of the facts on a card or a block, by OpenMoji hexcode. */
export const FACT_PICTOGRAMS = {
  distance: '1F4CD',
  place: '1F6AA',
  match: '2705',
  mismatch: '274C',
  unknown: '2753',
  speak: '1F50A',
  save: '2B50',
  saved: '1F31F',
  phone: '260E',
  info: '2139',
  back: '2B05',
  supporter: '1F4CB',
} as const;

export function easyPageData(locale: Locale, regionId: string): EasyPageData {
  const p = FACT_PICTOGRAMS;
  return {
    regionId,
    intlLocale: INTL_LOCALE[locale],
    texts: t(locale).easyRead,
    housingTypes: Object.fromEntries(HOUSING_TYPES.map((type) => [type, pictogramSrc(HOUSING_TYPE_PICTOGRAMS[type])])),
    pictograms: {
      distance: pictogramSrc(p.distance), place: pictogramSrc(p.place), match: pictogramSrc(p.match), mismatch: pictogramSrc(p.mismatch),
      unknown: pictogramSrc(p.unknown), speak: pictogramSrc(p.speak), save: pictogramSrc(p.save), saved: pictogramSrc(p.saved),
    },
    paths: { location: pathTo(locale, { page: 'easy-location', locationId: '{locationId}' }).replace('%7BlocationId%7D', '{locationId}') },
  };
}

/** The page data as an inline JSON block's content (no "</script>" can end it early). */
export function pageDataJson(data: EasyPageData): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
