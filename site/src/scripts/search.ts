// The search page's one client script (no framework). The form is a plain GET form, so the
// address holds the search; this script reads the address, puts it back in the form, asks
// GET /api/search for one page and shows the hits, the count (in a live region), the facet counts
// beside the filters and links to the previous and next page. A failure is said in words; the
// form keeps what was typed. Only types come from shared/: no zod in the browser (page budget).
//
// Ticking or unticking a filter applies it without the button: after a short pause (so ticking
// three boxes is one search and one announcement) the address changes as a submit would change it
// (a new history entry: Back gives the search before), and the list, the count and the facet
// counts follow. Focus stays on the box; only the count is announced (no "searching" in between).
// Under each open filter group a link with the new count leads to the list. The words box still
// waits for Enter or the button, so typing does not search at every letter.
import { api, apiFetch } from './lib/api-fetch.ts';
import { unavailableNotice } from './lib/unavailable-notice.ts';
import { apiQuery, pageHref, pagesAround, PAGE_SIZE, readAddress, type SearchAddress } from './search/search-address.ts';
import { hitCard } from './search/render-hits.ts';
import { pluralText, readTexts, type SearchTexts } from './search/search-texts.ts';
import { fill } from './shortlist/dom.ts';

/** How long after the last ticked box the search runs. */
const APPLY_DELAY_MS = 600;

const form = document.querySelector<HTMLFormElement>('form[data-search]');
const texts = readTexts();
if (form && texts) setUp(form, texts);

function setUp(form: HTMLFormElement, texts: SearchTexts): void {
  const regionId = form.dataset.regionId ?? '';
  const queryBox = form.querySelector<HTMLInputElement>('input[name="q"]');
  const checkboxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const groups = [...form.querySelectorAll<HTMLDetailsElement>('[data-filter-group]')];
  const showLinks = [...form.querySelectorAll<HTMLAnchorElement>('[data-show-results]')];
  const status = document.querySelector<HTMLElement>('[data-search-status]');
  const errorBox = document.querySelector<HTMLElement>('[data-search-error]');
  const list = document.querySelector<HTMLOListElement>('[data-search-results]');
  const paging = document.querySelector<HTMLElement>('[data-search-paging]');
  const resultsId = list?.closest('section')?.getAttribute('aria-labelledby') ?? '';
  const number = new Intl.NumberFormat(texts.intlLocale);

  const names = new Set(['q', ...checkboxes.map((box) => box.name)]);
  /** The search whose hits are shown (or asked for). */
  let shown = readAddress(location.search, names);
  /** Counts searches, so an answer that a newer search overtook is dropped. */
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const sameSearch = (a: SearchAddress, b: SearchAddress) => a.page === b.page && a.query.toString() === b.query.toString();

  const showChosen = () => {
    for (const group of groups) {
      const chosen = group.querySelectorAll('input:checked').length;
      const label = group.querySelector<HTMLElement>('[data-chosen]');
      if (label) label.textContent = chosen > 0 ? ` (${fill(texts.chosen, { count: chosen })})` : '';
    }
  };
  // The form shows the search in the address: for a shared link, and after Back, when the
  // browser may bring the page back as it was left (with boxes ticked for the next search).
  const showAddress = (address: SearchAddress) => {
    if (queryBox) queryBox.value = address.query.get('q') ?? '';
    for (const box of checkboxes) box.checked = address.query.getAll(box.name).includes(box.value);
    for (const group of groups) group.open = group.querySelector('input:checked') !== null;
    showChosen();
  };
  /** The links to the list under the open groups: with the count once it is known. */
  const showCount = (total: number | undefined) => {
    const text = total === undefined ? texts.showList : total === 0 ? texts.showNone : pluralText(texts, texts.showHits, total);
    for (const link of showLinks) {
      link.textContent = text;
      link.hidden = false;
    }
  };
  /** Puts a text in the live region; the same text again is cleared first, so it is said again. */
  let sayAgain: ReturnType<typeof setTimeout> | undefined;
  const say = (text: string) => {
    if (!status) return;
    // A newer text wins over one still waiting to be said again.
    if (sayAgain !== undefined) clearTimeout(sayAgain);
    sayAgain = undefined;
    if (status.textContent !== text) {
      status.textContent = text;
      return;
    }
    status.textContent = '';
    sayAgain = setTimeout(() => { status.textContent = text; }, 100);
  };

  async function search(address: SearchAddress, firstLoad: boolean): Promise<void> {
    const mine = ++asked;
    if (firstLoad && status) status.textContent = texts.loading;
    list?.setAttribute('aria-busy', 'true');
    const outcome = await apiFetch((options) => api.search.$get({ query: apiQuery(regionId, address) }, options));
    if (mine !== asked) return;
    list?.removeAttribute('aria-busy');
    if (errorBox) {
      errorBox.hidden = true;
      errorBox.textContent = '';
    }
    queryBox?.removeAttribute('aria-invalid');
    queryBox?.setAttribute('aria-describedby', 'ww-search-q-hint');

    if (!outcome.ok) {
      if (status) status.textContent = '';
      // Hits of the search before would contradict the filters now ticked.
      list?.replaceChildren();
      if (paging) paging.hidden = true;
      showCount(undefined);
      if (errorBox) {
        errorBox.hidden = false;
        if (outcome.kind === 'unavailable') {
          // The filters and words stay as they are: asking again asks the same.
          errorBox.replaceChildren(unavailableNotice({ message: texts.errorUnavailable, retry: texts.retry }, () => void search(address, false), { alert: false }));
        } else {
          errorBox.textContent = outcome.kind === 'invalid' ? texts.errorInvalid : texts.errorNotFound;
        }
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
      list.replaceChildren(...items.map((hit) => hitCard(hit, texts, regionId)));
    }
    say(total === 0 || items.length === 0
      ? (total === 0 ? texts.none : pluralText(texts, texts.count, total))
      : `${pluralText(texts, texts.count, total)} ${fill(texts.shown, { from: number.format(first), to: number.format(first + items.length - 1) })}`);
    showCount(total);

    const around = pagesAround(address.page, total);
    if (paging) {
      for (const link of paging.querySelectorAll<HTMLAnchorElement>('[data-page-link]')) {
        const previous = link.dataset.pageLink === 'previous';
        const there = previous ? around.previous : around.next;
        link.hidden = !there;
        if (there) link.href = pageHref(location.pathname, address, address.page + (previous ? -1 : 1), resultsId);
      }
      paging.hidden = !around.previous && !around.next;
    }
  }

  /**
   * The filters as ticked now, with the words of the search on screen (page 1): words still being
   * typed wait for Enter or the button, so a ticked box does not search half a word.
   */
  function formAddress(): SearchAddress {
    const params = new URLSearchParams();
    for (const word of shown.query.getAll('q')) params.append('q', word);
    for (const [name, value] of new FormData(form)) if (typeof value === 'string' && name !== 'q') params.append(name, value);
    return readAddress(`?${params.toString()}`, names);
  }

  function applyFilters(): void {
    timer = undefined;
    const address = formAddress();
    if (sameSearch(address, shown)) return;
    history.pushState(null, '', pageHref(location.pathname, address, 1, resultsId));
    shown = address;
    showCount(undefined);
    void search(address, false);
  }

  showAddress(shown);
  window.addEventListener('pageshow', (event) => {
    if (!event.persisted) return;
    shown = readAddress(location.search, names);
    showAddress(shown);
  });
  // Back and Forward between searches this script put in the address.
  window.addEventListener('popstate', () => {
    const address = readAddress(location.search, names);
    if (sameSearch(address, shown)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    shown = address;
    showAddress(address);
    showCount(undefined);
    void search(address, false);
  });
  form.addEventListener('change', (event) => {
    showChosen();
    if (!(event.target instanceof HTMLInputElement) || event.target.type !== 'checkbox') return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(applyFilters, APPLY_DELAY_MS);
  });
  // A submit loads the page anew (the words box, the button): no filter search on its heels.
  form.addEventListener('submit', () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  });

  void search(shown, true);
}
