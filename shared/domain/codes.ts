// The code lists of the Wlz domain (see docs/domain.md): the only values the schemas, the matcher and
// the import accept. Adding a code here is the one way to extend a list.

export const SECTORS = ['VV', 'VG', 'LVG', 'LG', 'ZGvis', 'ZGaud', 'GGZ'] as const;
export type Sector = (typeof SECTORS)[number];

/** Care profiles as written on the CIZ decision, each with the sector it belongs to. */
export const CARE_PROFILE_SECTOR = {
  '4VV': 'VV', '5VV': 'VV', '6VV': 'VV', '7VV': 'VV', '8VV': 'VV', '9bVV': 'VV',
  '3VG': 'VG', '4VG': 'VG', '5VG': 'VG', '6VG': 'VG', '7VG': 'VG', '8VG': 'VG',
  '1LVG': 'LVG', '2LVG': 'LVG', '3LVG': 'LVG', '4LVG': 'LVG', '5LVG': 'LVG', '1SGLVG': 'LVG',
  '2LG': 'LG', '4LG': 'LG', '5LG': 'LG', '6LG': 'LG', '7LG': 'LG',
  '2ZGaud': 'ZGaud', '3ZGaud': 'ZGaud', '4ZGaud': 'ZGaud',
  '2ZGvis': 'ZGvis', '3ZGvis': 'ZGvis', '4ZGvis': 'ZGvis', '5ZGvis': 'ZGvis',
  '3bGGZ': 'GGZ', '4bGGZ': 'GGZ', '5bGGZ': 'GGZ', '6bGGZ': 'GGZ', '7bGGZ': 'GGZ',
  '1GGZW': 'GGZ', '2GGZW': 'GGZ', '3GGZW': 'GGZ', '4GGZW': 'GGZ', '5GGZW': 'GGZ',
} as const satisfies Record<string, Sector>;
export type CareProfile = keyof typeof CARE_PROFILE_SECTOR;
export const CARE_PROFILES = Object.keys(CARE_PROFILE_SECTOR) as [CareProfile, ...CareProfile[]];

export const DELIVERY_FORMS = ['verblijf', 'vpt', 'mpt', 'pgb'] as const;
export type DeliveryForm = (typeof DELIVERY_FORMS)[number];

export const HOUSING_TYPES = [
  'nursing-home', 'small-scale-group', 'care-apartment', 'sheltered-group',
  'parents-initiative', 'residential-care-home', 'care-farm', 'respite',
] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];

export const TARGET_GROUPS = [
  'dementia', 'somatic', 'young-onset-dementia', 'korsakov', 'acquired-brain-injury', 'huntington',
  'intellectual-disability', 'severe-multiple-disability', 'autism', 'behavioural',
  'visual-impairment', 'hearing-impairment', 'psychiatric',
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const WORLDVIEWS = ['protestant', 'catholic', 'islamic', 'jewish', 'humanist', 'anthroposophic'] as const;
export type Worldview = (typeof WORLDVIEWS)[number];

export const CULTURES = [
  'indisch', 'moluks', 'surinaams', 'antilliaans', 'kaapverdiaans', 'turks', 'marokkaans', 'chinees',
] as const;
export type Culture = (typeof CULTURES)[number];

export const COMMUNITIES = ['artists', 'lgbti'] as const;
export type Community = (typeof COMMUNITIES)[number];

export const FACILITIES = [
  'garden', 'restaurant', 'shop', 'hairdresser', 'prayer-room', 'fitness', 'guest-room',
] as const;
export type Facility = (typeof FACILITIES)[number];

/**
 * Where a housing form's day activities (dagbesteding) are: in its own building or grounds, nearby
 * with transport arranged, or none. Young adults in disability care weigh this heavily (issue 13).
 */
export const DAY_ACTIVITIES = ['on-site', 'nearby', 'none'] as const;
export type DayActivities = (typeof DAY_ACTIVITIES)[number];

export const WAITING_LIST_STATUSES = ['available', 'short', 'long', 'closed'] as const;
export type WaitingListStatus = (typeof WAITING_LIST_STATUSES)[number];

/**
 * ISO 639-1: every two-letter language code, so a typo is refused instead of never matching;
 * plus three ISO 639-3 codes for languages often spoken in Dutch care that have no 639-1 code
 * (Papiamento, Sranan Tongo, Tarifit).
 */
export const LANGUAGES = [
  'aa', 'ab', 'ae', 'af', 'ak', 'am', 'an', 'ar', 'as', 'av', 'ay', 'az', 'ba', 'be', 'bg', 'bi', 'bm', 'bn',
  'bo', 'br', 'bs', 'ca', 'ce', 'ch', 'co', 'cr', 'cs', 'cu', 'cv', 'cy', 'da', 'de', 'dv', 'dz', 'ee', 'el',
  'en', 'eo', 'es', 'et', 'eu', 'fa', 'ff', 'fi', 'fj', 'fo', 'fr', 'fy', 'ga', 'gd', 'gl', 'gn', 'gu', 'gv',
  'ha', 'he', 'hi', 'ho', 'hr', 'ht', 'hu', 'hy', 'hz', 'ia', 'id', 'ie', 'ig', 'ii', 'ik', 'io', 'is', 'it',
  'iu', 'ja', 'jv', 'ka', 'kg', 'ki', 'kj', 'kk', 'kl', 'km', 'kn', 'ko', 'kr', 'ks', 'ku', 'kv', 'kw', 'ky',
  'la', 'lb', 'lg', 'li', 'ln', 'lo', 'lt', 'lu', 'lv', 'mg', 'mh', 'mi', 'mk', 'ml', 'mn', 'mr', 'ms', 'mt',
  'my', 'na', 'nb', 'nd', 'ne', 'ng', 'nl', 'nn', 'no', 'nr', 'nv', 'ny', 'oc', 'oj', 'om', 'or', 'os', 'pa',
  'pi', 'pl', 'ps', 'pt', 'qu', 'rm', 'rn', 'ro', 'ru', 'rw', 'sa', 'sc', 'sd', 'se', 'sg', 'si', 'sk', 'sl',
  'sm', 'sn', 'so', 'sq', 'sr', 'ss', 'st', 'su', 'sv', 'sw', 'ta', 'te', 'tg', 'th', 'ti', 'tk', 'tl', 'tn',
  'to', 'tr', 'ts', 'tt', 'tw', 'ty', 'ug', 'uk', 'ur', 'uz', 've', 'vi', 'vo', 'wa', 'wo', 'xh', 'yi', 'yo',
  'za', 'zh', 'zu',
  'pap', 'srn', 'rif',
] as const;
export type Language = (typeof LANGUAGES)[number];

export const IMPORTANCES = ['must', 'important', 'nice'] as const;
export type Importance = (typeof IMPORTANCES)[number];
