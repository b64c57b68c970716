// The favourite toggle on every result (aria-pressed), keeping the region's shortlist in this
// browser, and the link to the compare page with the number of favourites (only once there is
// one; a saved favourite's message offers the link too). Another tab may change the favourites:
// the buttons follow.
import type { MatchResult } from '../../../../shared/domain/criteria.ts';
import { loadShortlist, MAX_SHORTLIST, sameHousingForm, saveShortlist, type ShortlistEntry } from '../lib/browser-store.ts';
import { el, fill, pluralForm } from '../shortlist/dom.ts';
import type { ResultsPageData } from './page-data.ts';

export interface Favourites {
  /** A toggle (with its message line) for one result. */
  toggle(result: MatchResult): HTMLElement;
  /** Brings every toggle and the compare link up to date with the stored shortlist. */
  refresh(): void;
}

export function favourites(data: ResultsPageData, root: HTMLElement): Favourites {
  const s = data.texts.shortlist;
  const compareLink = root.querySelector<HTMLAnchorElement>('[data-compare-link]');
  const buttons = new Set<HTMLButtonElement>();
  const refOf = (button: HTMLButtonElement) => ({ locationId: button.dataset.locationId ?? '', housingFormId: button.dataset.housingFormId ?? '' });

  function show(button: HTMLButtonElement, shortlist: readonly ShortlistEntry[]): void {
    const pressed = shortlist.some((entry) => sameHousingForm(entry, refOf(button)));
    button.setAttribute('aria-pressed', String(pressed));
    const label = button.querySelector('[data-label]');
    if (label) label.textContent = pressed ? s.saved : s.save;
  }

  function refresh(): void {
    const shortlist = loadShortlist(data.regionId);
    for (const button of buttons) {
      if (!button.isConnected) {
        buttons.delete(button);
        continue;
      }
      show(button, shortlist);
    }
    if (compareLink) {
      compareLink.textContent = fill(pluralForm(data.intlLocale, data.texts.results.compareLink, shortlist.length), { count: shortlist.length });
      const box = compareLink.closest('p');
      if (box) box.hidden = shortlist.length === 0;
    }
  }

  function toggle(result: MatchResult): HTMLElement {
    const message = el('p', { class: 'ww-result__favourite-status', role: 'status' });
    const compare = el('p', { class: 'ww-result__favourite-compare', hidden: true },
      el('a', { href: data.paths.compare, 'data-card-compare': true }, s.compareLink));
    const button = el('button', {
      type: 'button', class: 'ww-button ww-button--secondary ww-favourite', 'aria-pressed': 'false',
      'data-location-id': result.locationId, 'data-housing-form-id': result.housingFormId,
    }, el('span', { class: 'ww-favourite__icon', 'aria-hidden': 'true' }), el('span', { 'data-label': true }, s.save));
    buttons.add(button);
    // Right from the start: cards added later ("show more") are not refreshed with the rest.
    show(button, loadShortlist(data.regionId));
    button.addEventListener('click', () => {
      const ref = refOf(button);
      const shortlist = loadShortlist(data.regionId);
      const present = shortlist.some((entry) => sameHousingForm(entry, ref));
      if (!present && shortlist.length >= MAX_SHORTLIST) {
        message.textContent = fill(s.full, { max: MAX_SHORTLIST });
        message.classList.add('ww-field-error');
        compare.hidden = false;
        return;
      }
      message.classList.remove('ww-field-error');
      const next = present
        ? shortlist.filter((entry) => !sameHousingForm(entry, ref))
        : [...shortlist, { ...ref, name: result.name, locationName: result.locationName, addedAt: new Date().toISOString() }];
      if (!saveShortlist(data.regionId, next)) {
        message.textContent = s.notStored;
        compare.hidden = true;
        return;
      }
      refresh();
      compare.hidden = present;
      message.textContent = present
        ? fill(s.removedStatus, { name: result.name })
        : fill(pluralForm(data.intlLocale, s.savedStatus, next.length), { name: result.name, count: next.length });
    });
    return el('div', { class: 'ww-result__favourite' }, button, message, compare);
  }

  window.addEventListener('storage', refresh);
  return { toggle, refresh };
}
