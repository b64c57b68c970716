// The near misses ("Bijna passend"): first a summary by failed must with counts ("12 plekken
// passen alleen niet omdat ze verder weg zijn dan 10 km"), each with a one-tap way out (search a
// bit further, or make that wish 'belangrijk' instead of 'moet'); then compact cards, the first
// few, with "show more" for the rest.
import type { NearMiss, Reason } from '../../../../shared/domain/criteria.ts';
import { wishText } from '../../../../shared/i18n/criterion-text.ts';
import { DEFAULT_NEAR_MISS_LIMIT } from '../../../../shared/matching/near-miss-limit.ts';
import { criterionKey } from '../lib/browser-store.ts';
import { el, fill, pluralForm } from '../shortlist/dom.ts';
import { isStale, nearMissCard, nearMissId, wishList } from './card.ts';
import type { ResultsPageData } from './page-data.ts';

/** Cards shown at first, and added by each "show more". */
export const NEAR_PAGE = 5;

export interface NearMissActions {
  /** Search up to `km` (undefined: without a limit). */
  widen(km: number | undefined): void;
  /** Make the wish with this key 'important' instead of 'must'. */
  makeImportant(key: string): void;
  /** The favourite toggle for a near miss: an "almost" can be worth keeping too. */
  favourite(miss: NearMiss): HTMLElement;
}

export interface NearMissContext {
  postcode: string | undefined;
  /** Keys of the wishes that are a must now (only those can be made 'important'). */
  mustKeys: ReadonlySet<string>;
  /** The moment the answer holds for (its asOf): "possibly outdated" is judged by it. */
  now: Date;
}

export interface NearMissList {
  render(misses: readonly NearMiss[], context: NearMissContext, show?: number): void;
  /** How many cards are shown now. */
  shown(): number;
}

/** The next distance the page offers after `km`; undefined when none is left (then: no limit). */
export function nextDistance(distances: readonly number[], km: number): number | undefined {
  return [...distances].sort((a, b) => a - b).find((option) => option > km);
}

export function nearMissList(data: ResultsPageData, root: HTMLElement, actions: NearMissActions): NearMissList {
  const r = data.texts.results;
  const section = root.querySelector<HTMLElement>('[data-near-section]');
  const summary = root.querySelector<HTMLElement>('[data-near-summary]');
  const list = root.querySelector<HTMLElement>('[data-near-list]');
  const more = root.querySelector<HTMLButtonElement>('[data-action="near-more"]');
  const staleNote = section?.querySelector<HTMLElement>('[data-stale-note]');
  const capped = section?.querySelector<HTMLElement>('[data-near-capped]');
  const count = (forms: { one: string; other: string }, n: number, values: Record<string, string | number>) =>
    fill(pluralForm(data.intlLocale, forms, n), { count: n, ...values });
  let misses: readonly NearMiss[] = [];
  let context: NearMissContext | undefined;
  let shown = 0;

  /** Adds cards up to `until`; returns the first card added. */
  function showUntil(until: number): HTMLElement | undefined {
    if (!list || !context) return undefined;
    const from = shown;
    const options = { data, postcode: context.postcode, now: context.now };
    const cards = misses.slice(from, until).map((miss, i) => nearMissCard(miss, nearMissId(from + i), { ...options, favourite: actions.favourite(miss) }));
    list.append(...cards);
    shown = from + cards.length;
    if (more) more.hidden = shown >= misses.length;
    return cards[0];
  }

  function groupItem(reasons: readonly Reason[], n: number, ctx: NearMissContext): HTMLLIElement {
    const [first] = reasons;
    let text: string;
    let button: HTMLButtonElement | undefined;
    if (reasons.length === 1 && first?.criterion === 'distance' && typeof first.value === 'number') {
      text = count(r.nearGroupDistance, n, { km: first.value });
      const next = nextDistance(data.distances, first.value);
      button = el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-near-action': 'widen' },
        next === undefined ? r.nearWidenAny : fill(r.nearWiden, { km: next }));
      button.addEventListener('click', () => actions.widen(next));
    } else if (reasons.length === 1 && first) {
      const wish = wishText(data.locale, first);
      text = count(r.nearGroupWish, n, { wish });
      const key = criterionKey(first);
      if (ctx.mustKeys.has(key)) {
        button = el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-near-action': 'important' },
          fill(r.nearMakeImportant, { wish }));
        button.addEventListener('click', () => actions.makeImportant(key));
      }
    } else {
      text = count(r.nearGroupTwo, n, { wishes: wishList(data, reasons) });
    }
    return el('li', { class: 'ww-near__group' }, el('p', {}, text), button);
  }

  function render(next: readonly NearMiss[], ctx: NearMissContext, show = NEAR_PAGE): void {
    misses = next;
    context = ctx;
    shown = 0;
    list?.replaceChildren();
    // Grouped by the musts they fail, the largest group first.
    const groups = new Map<string, { reasons: readonly Reason[]; n: number }>();
    for (const miss of misses) {
      const key = miss.failedMusts.map(criterionKey).sort().join('&');
      const group = groups.get(key);
      groups.set(key, { reasons: group?.reasons ?? miss.failedMusts, n: (group?.n ?? 0) + 1 });
    }
    summary?.replaceChildren(...[...groups.values()].sort((a, b) => b.n - a.n).map((group) => groupItem(group.reasons, group.n, ctx)));
    showUntil(Math.max(NEAR_PAGE, show));
    if (staleNote) staleNote.hidden = !misses.some((miss) => isStale(miss.waitingList, ctx.now));
    if (section) section.hidden = misses.length === 0;
    // The API sends the closest near misses only: a full list means the counts above are "at least".
    if (capped) capped.hidden = misses.length < DEFAULT_NEAR_MISS_LIMIT;
  }

  more?.addEventListener('click', () => {
    showUntil(shown + NEAR_PAGE)?.querySelector<HTMLElement>('[data-result-link]')?.focus();
  });

  return { render, shown: () => shown };
}
