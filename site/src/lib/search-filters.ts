// The filters of a region's search page, from the region's own listings: per code filter the codes
// that occur in the region (the facets of a search without words or filters), so a person is
// never offered a choice that can only give nothing; and the yes/no filters. Labels in the page's
// language. Build time only.
import { FLAG_FILTERS } from '../../../shared/domain/criterion-registry.ts';
import type { CodeFilter, SearchResponse } from '../../../shared/domain/search.ts';
import { codeLabels, languageName, t, wishText, type CodeLabels, type Locale } from '../../../shared/i18n/index.ts';
import { api, type ApiClient } from './api.ts';

export interface FilterOption {
  /** The query-string name (the API's filter name) and value. */
  name: string;
  value: string;
  label: string;
  /** Whether the search answers a facet count for it (code filters do, yes/no filters do not). */
  counted: boolean;
}
export interface FilterGroup {
  id: string;
  title: string;
  options: FilterOption[];
}

/** The most asked-about first; the yes/no filters (in the registry's order) come after the waiting list. */
const CODE_GROUP_ORDER: readonly CodeFilter[] = [
  'housingType', 'waitingList', 'careProfile', 'targetGroup', 'deliveryForm', 'sector', 'worldview', 'culture', 'community', 'language',
];
const LABEL_TABLE: Record<Exclude<CodeFilter, 'language'>, keyof CodeLabels> = {
  sector: 'sectors', careProfile: 'careProfiles', deliveryForm: 'deliveryForms', targetGroup: 'targetGroups',
  housingType: 'housingTypes', worldview: 'worldviews', culture: 'cultures', community: 'communities', waitingList: 'waitingListStatuses',
};

function codeLabel(locale: Locale, filter: CodeFilter, code: string): string {
  if (filter === 'language') return languageName(code, locale);
  const labels = codeLabels[locale][LABEL_TABLE[filter]] as Record<string, string>;
  return labels[code] ?? code;
}

/** The groups of filters for a region whose empty search gave these facets. */
export function filterGroups(locale: Locale, facets: SearchResponse['facets']): FilterGroup[] {
  const m = t(locale).search;
  const collator = new Intl.Collator(locale);
  const codeGroup = (filter: CodeFilter): FilterGroup => {
    // Facets list the codes in the domain's order; languages read better alphabetically.
    let options = Object.keys(facets[filter] ?? {}).map((code) => ({ name: filter, value: code, label: codeLabel(locale, filter, code), counted: true }));
    if (filter === 'language') options = options.sort((a, b) => collator.compare(a.label, b.label));
    return { id: filter, title: filter === 'waitingList' ? m.waitingListTitle : wishText(locale, { criterion: filter }), options };
  };
  const flags: FilterGroup = {
    id: 'flags',
    title: m.flagsTitle,
    options: FLAG_FILTERS.map((flag) => ({ name: flag, value: 'true', label: wishText(locale, { criterion: flag }), counted: false })),
  };
  const groups = CODE_GROUP_ORDER.map(codeGroup);
  return [...groups.slice(0, 2), flags, ...groups.slice(2)].filter((group) => group.options.length > 0);
}

/** The facets of a region's search without words or filters: the codes that occur in it (asked once a build). */
export async function regionFacets(regionId: string, client: ApiClient = api): Promise<SearchResponse['facets']> {
  return (await client.search({ regionId, limit: '1' })).facets;
}
