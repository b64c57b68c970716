// The search page's one client script (no framework). The form is a plain GET form, so the
// address holds the search; this script reads the address, puts it back in the form, asks
// GET /api/search for one page and shows the hits, the count (in a live region), the facet counts
// beside the filters and links to the previous and next page. A failure is said in words; the
// form keeps what was typed. Only types come from shared/: no zod in the browser (page budget).
import type { SearchResponse } from '../../../shared/domain/search.ts';
import { apiFetch } from './lib/api-fetch.ts';
import { apiPath, pageHref, pagesAround, PAGE_SIZE, readAddress } from './search/search-address.ts';
import { hitCard } from './search/render-hits.ts';
import { fillIn, pluralText, readTexts, type SearchTexts } from './search/search-texts.ts';

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const texts = readTexts();
if (form && texts) void setUp(form, texts);

async function setUp(form: HTMLFormElement, texts: SearchTexts): Promise<void> {
  const regionId = form.dataset.regionId ?? '';
  const queryBox = form.querySelector<HTMLInputElement>('input[name="q"]');
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const groups = [...form.querySelectorAll<HTMLDetailsElement>('[data-filter-group]')];
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const errorBox = document.querySelector<HTMLElement>('[data-search-error]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const paging = document.querySelector<HTMLElement>('[data-search-paging]');
  const resultsId = list?.closest('section')?.getAttribute('aria-labelledby') ?? '';
  const number = new Intl.NumberFormat(texts.intlLocale);

  const names = new Set(['q', ...checkboxes.map((box) => box.name)]);
  const address = readAddress(location.search, names);

  const showChosen = () => {
    for (const group of groups) {
      const chosen = group.querySelectorAll('input:checked').length;
      const label = group.querySelector<HTMLElement>('[data-chosen]');
      if (label) label.textContent = chosen > 0 ? ` (${fillIn(texts.chosen, { count: chosen })})` : '';
    }
  };
  // The form shows the search in the address: for a shared link, and after Back, when the
  // browser may bring the page back as it was left (with boxes ticked for the next search).
  const showAddress = () => {
    if (queryBox) queryBox.value = address.query.get('q') ?? '';
    for (const box of checkboxes) box.checked = address.query.getAll(box.name).includes(box.value);
    for (const group of groups) group.open = group.querySelector('input:checked') !== null;
    showChosen();
  };
  showAddress();
  window.addEventListener('pageshow', (event) => { if (event.persisted) showAddress(); });
  form.addEventListener('change', showChosen);

  if (status) status.textContent = texts.loading;
  list?.setAttribute('aria-busy', 'true');
  const outcome = await apiFetch<SearchResponse>(apiPath(regionId, address));
  list?.removeAttribute('aria-busy');

  if (!outcome.ok) {
    if (status) status.textContent = '';
    if (errorBox) {
      errorBox.hidden = false;
      errorBox.textContent = outcome.kind === 'invalid' ? texts.errorInvalid : outcome.kind === 'not-found' ? texts.errorNotFound : texts.errorUnavailable;
    }
    if (outcome.kind === 'invalid' && queryBox && outcome.fields.some((field) => field.path === 'q')) {
      queryBox.setAttribute('aria-invalid', 'true');
      queryBox.setAttribute('aria-describedby', `ww-search-q-hint ${errorBox?.id ?? ''}`.trim());
    }
    return;
  }

  const { items, total, facets } = outcome.value;
  for (const box of checkboxes) {
    const count = box.closest('label')?.querySelector('[data-count]');
    if (count) count.textContent = ` (${number.format(facets[box.name]?.[box.value] ?? 0)})`;
  }

  const first = (address.page - 1) * PAGE_SIZE + 1;
  if (list) {
    list.start = first;
    list.replaceChildren(...items.map((hit) => hitCard(hit, texts)));
  }
  if (status) {
    status.textContent = total === 0 || items.length === 0
      ? (total === 0 ? texts.none : pluralText(texts, texts.count, total))
      : `${pluralText(texts, texts.count, total)} ${fillIn(texts.shown, { from: number.format(first), to: number.format(first + items.length - 1) })}`;
  }

  const around = pagesAround(address.page, total);
  if (paging) {
    for (const link of paging.querySelectorAll<HTMLAnchorElement>('[data-page-link]')) {
      const previous = link.dataset.pageLink === 'previous';
      const shown = previous ? around.previous : around.next;
      link.hidden = !shown;
      if (shown) link.href = pageHref(location.pathname, address, address.page + (previous ? -1 : 1), resultsId);
    }
    paging.hidden = !around.previous && !around.next;
  }
}
