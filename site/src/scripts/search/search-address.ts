// The search page's address: what the form put in it (the words and the ticked filters, under the
// API's own names) and the page number, turned into the API request and into the addresses of the
// previous and next pages. Pure, so it is tested without a browser.
import type { SearchQueryInput } from '../../lib/api.ts';

/** Hits per page: short enough to read on a phone. */
export const PAGE_SIZE = 10;
/** The API pages at most to offset 10,000. */
const MAX_PAGE = Math.floor(10_000 / PAGE_SIZE) + 1;
export const PAGE_PARAM = 'page';

export interface SearchAddress {
  /** The search's own parameters, in the address's order, without empty values or unknown names. */
  query: URLSearchParams;
  /** 1 for the first page. */
  page: number;
}

/**
 * Reads an address's query string. Names the form does not have are dropped (the API refuses
 * unknown names, and a shared link may carry others); an empty text box adds nothing.
 */
export function readAddress(search: string, names: ReadonlySet<string>): SearchAddress {
  const params = new URLSearchParams(search);
  const query = new URLSearchParams();
  for (const [name, value] of params) {
    if (names.has(name) && value.trim() !== '') query.append(name, name === 'q' ? value.trim() : value);
  }
  const asked = Number(params.get(PAGE_PARAM));
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MAX_PAGE) : 1;
  return { query, page };
}

/** The API's query for one page of this search: a name given more than once keeps all its values. */
export function apiQuery(regionId: string, { query, page }: SearchAddress): SearchQueryInput {
  const asked: Record<string, string | string[]> = { regionId };
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    asked[name] = values.length === 1 ? (values[0] as string) : values;
  }
  // The names are the form's, drawn from the API's own filter names; readAddress keeps no others.
  return { ...asked, regionId, limit: String(PAGE_SIZE), offset: String((page - 1) * PAGE_SIZE) } as SearchQueryInput;
}

/** The address of another page of the same search (page 1 has no page number), ending at `fragment`. */
export function pageHref(pathname: string, { query }: SearchAddress, page: number, fragment: string): string {
  const params = new URLSearchParams(query);
  if (page > 1) params.set(PAGE_PARAM, String(page));
  const search = params.toString();
  return `${pathname}${search ? `?${search}` : ''}#${fragment}`;
}

/** Whether there is a page before and after this one. */
export function pagesAround(page: number, total: number): { previous: boolean; next: boolean } {
  return { previous: page > 1, next: page * PAGE_SIZE < total && page < MAX_PAGE };
}
