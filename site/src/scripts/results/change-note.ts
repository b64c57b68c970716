// The visible answer to a change of a wish or the place, where the person made it: "De lijst is
// aangepast: nu 17 plekken. Bekijk de lijst". The count is also announced by the page's one
// role=status line, so this line is not announced again (no live region).
import { el, fill, pluralForm } from '../shortlist/dom.ts';
import type { ResultsPageData } from './page-data.ts';

export interface ChangeNote {
  /**
   * Shows the note right after `after`; `withLink` adds the link to the list (not when the list is
   * right there). With the count `before` the change, an unchanged count is said as such.
   */
  show(after: Element, count: number, withLink: boolean, before?: number): void;
  hide(): void;
}

export function changeNote(data: ResultsPageData, listTitle: HTMLElement | null): ChangeNote {
  const r = data.texts.results;
  const text = el('span', {});
  const link = el('a', { href: '#ww-results-title' }, r.changedLink);
  const note = el('p', { class: 'ww-change-note', 'data-change-note': true, hidden: true }, text, ' ', link);
  link.addEventListener('click', (event) => {
    if (!listTitle) return;
    event.preventDefault();
    listTitle.scrollIntoView({ block: 'start' });
    listTitle.focus({ preventScroll: true });
  });
  return {
    show(after, count, withLink, before) {
      text.textContent = fill(pluralForm(data.intlLocale, before === count ? r.changedSame : r.changed, count), { count });
      link.hidden = !withLink;
      after.after(note);
      note.hidden = false;
    },
    hide() {
      note.hidden = true;
    },
  };
}
