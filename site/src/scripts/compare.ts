// The compare page's script: the favourites of this region (kept in this browser) with remove
// buttons and checkboxes to choose up to four, and those four side by side against the person's
// own wishes (from the questionnaire, as on the results page): per wish the outcome in a symbol
// and in words, then the facts. Wishes where the places differ come first; those every place
// fits are folded away in one disclosure, and so are the facts that are the same at every place.
// A fact gets a symbol only when it answers one of the wishes. Each part is built twice from the same rows: a table (a column per place, in a
// labelled, focusable scroll box) for wide screens, and per wish a block listing every place for
// phones, so two places are compared without scrolling sideways; compare.css shows one of them.
// On a phone each place gets a number badge, named in full once above the comparison ("1 Groep
// Vlinder — De Sterre, Maastricht"); the blocks show the badge and the name cut to one line on
// screen (the whole name stays in the text, so a screen reader hears which place it is).
// Waiting lists not confirmed for 30 days say so in one line, explained once under "Feiten".
// When the API cannot be reached the page says so and offers to try again; nothing stored is touched.
import type { ComparedItem, CompareResponse } from '../../../shared/domain/compare.ts';
import type { Outcome } from '../../../shared/domain/criteria.ts';
import { FEATURES } from '../../../shared/domain/criterion-registry.ts';
import { codeLabels } from '../../../shared/i18n/code-labels.ts';
import { featureAnswer, featureName, importanceText, OUTCOME_SYMBOL, outcomeText, wishText } from '../../../shared/i18n/criterion-text.ts';
import { INTL_LOCALE } from '../../../shared/i18n/locales.ts';
import { loadShortlist, saveShortlist, sameHousingForm, type ShortlistEntry } from './lib/browser-store.ts';
import { loadCurrentWishes, type CurrentWishes } from './lib/current-wishes.ts';
import { unavailableNotice } from './lib/unavailable-notice.ts';
import { compareShortlist, itemKey, outcomeOf, roundKm, wishRows } from './shortlist/compared.ts';
import { el, fill, pluralForm, replaceChildren } from './shortlist/dom.ts';
import { readPageData, type ShortlistPageData } from './shortlist/page-data.ts';
import { staleNote, waitingListBlock } from './shortlist/waiting-list.ts';

/** One wish or fact of the comparison: its label, a note under it, and its value at each place. */
interface Row {
  label: string;
  note?: string;
  cell: (item: ComparedItem, index: number) => Node | string;
}

/** Side by side, four still fit a tablet; more would only scroll. */
const MAX_SIDE_BY_SIDE = 4;

const data = readPageData();
const root = document.querySelector<HTMLElement>('[data-compare]');
if (data && root) void setUp(data, root);

async function setUp(data: ShortlistPageData, root: HTMLElement): Promise<void> {
  const m = data.texts.shortlist;
  const mc = data.texts.compare;
  const status = root.querySelector<HTMLElement>('[data-status]');
  const content = root.querySelector<HTMLElement>('[data-content]');
  if (!status || !content) return;
  root.hidden = false;

  let entries = loadShortlist(data.regionId);
  const chosen = new Set(entries.slice(0, MAX_SIDE_BY_SIDE).map(itemKey));
  let wishes: CurrentWishes | undefined;
  let answer: CompareResponse | undefined;
  const announce = (text: string) => { status.textContent = text; };

  async function load(): Promise<void> {
    if (entries.length === 0) {
      showEmpty();
      return;
    }
    replaceChildren(content!, el('p', { class: 'ww-muted' }, m.loading));
    const current = await loadCurrentWishes(data.regionId);
    if (current && !current.ok && current.kind === 'unavailable') return showError();
    // Answers the API cannot read leave only the facts to compare: said as "no answers".
    wishes = current?.ok ? current.value : undefined;
    const compared = await compareShortlist(data.regionId, entries, wishes);
    if (!compared.ok) return showError();
    answer = compared.value;
    render();
  }

  function showError(): void {
    replaceChildren(content!, unavailableNotice({ message: m.unavailable, retry: m.retry }, () => { announce(''); void load(); }));
  }

  function showEmpty(): void {
    replaceChildren(content!, el('section', { class: 'ww-compare-empty', 'aria-labelledby': 'ww-empty-title' },
      el('h2', { id: 'ww-empty-title', tabindex: '-1' }, m.emptyTitle),
      el('p', {}, m.emptyText),
      el('ul', { class: 'ww-link-list' },
        el('li', {}, el('a', { href: data.paths.results }, m.emptyResults)),
        el('li', {}, el('a', { href: data.paths.search }, m.emptySearch)),
        el('li', {}, el('a', { href: data.paths.region }, fill(m.emptyRegion, { region: data.regionName }))),
      ),
    ));
  }

  function remove(entry: ShortlistEntry): void {
    entries = entries.filter((other) => !sameHousingForm(other, entry));
    saveShortlist(data.regionId, entries);
    chosen.delete(itemKey(entry));
    // The first favourites not yet compared move up, as on a first visit.
    for (const other of entries) if (chosen.size < MAX_SIDE_BY_SIDE) chosen.add(itemKey(other));
    if (answer) {
      answer = {
        ...answer,
        items: answer.items.filter((item) => !sameHousingForm(item, entry)),
        missing: answer.missing.filter((ref) => !sameHousingForm(ref, entry)),
      };
    }
    announce(fill(m.removed, { name: `${entry.name}, ${entry.locationName}` }));
    if (entries.length === 0) {
      showEmpty();
      content!.querySelector<HTMLElement>('h2')?.focus();
      return;
    }
    render();
    content!.querySelector<HTMLElement>('#ww-shortlist-title')?.focus();
  }

  function removeButton(entry: ShortlistEntry): HTMLButtonElement {
    // The name starts with the visible word (WCAG 2.5.3) and says which favourite goes.
    const button = el('button', { type: 'button', class: 'ww-button ww-button--secondary ww-button--small', 'aria-label': `${m.remove}: ${entry.name}, ${entry.locationName}` }, m.remove);
    button.addEventListener('click', () => remove(entry));
    return button;
  }

  function render(): void {
    if (!answer) return;
    const found = new Map(answer.items.map((item) => [itemKey(item), item]));
    const asOf = new Date(answer.asOf);
    const missing = entries.filter((entry) => answer!.missing.some((ref) => sameHousingForm(ref, entry)));
    const listed = entries.filter((entry) => found.has(itemKey(entry)));
    for (const key of [...chosen]) if (!found.has(key)) chosen.delete(key);

    const choices = el('ul', { class: 'ww-shortlist' });
    const limitNote = el('p', { class: 'ww-compare-limit', 'aria-live': 'polite' });
    const tableArea = el('div');
    for (const entry of listed) {
      const item = found.get(itemKey(entry))!;
      const id = `ww-choose-${itemKey(entry).replace(/[^a-z0-9-]/gi, '-')}`;
      const box = el('input', { type: 'checkbox', id, checked: chosen.has(itemKey(entry)) });
      box.addEventListener('change', () => {
        if (box.checked) chosen.add(itemKey(entry)); else chosen.delete(itemKey(entry));
        updateLimit();
        renderTable(tableArea, listed.filter((e) => chosen.has(itemKey(e))).map((e) => found.get(itemKey(e))!), asOf);
      });
      choices.append(el('li', { class: 'ww-shortlist__item' },
        el('label', { class: 'ww-choice', for: id }, box, el('span', {}, el('strong', {}, item.name), el('br'), `${item.locationName}, ${item.city}`)),
        removeButton(entry),
      ));
    }
    const boxes = () => [...choices.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    function updateLimit(): void {
      const full = chosen.size >= MAX_SIDE_BY_SIDE;
      for (const box of boxes()) box.disabled = full && !box.checked;
      limitNote.textContent = full && listed.length > MAX_SIDE_BY_SIDE ? fill(mc.maxChosen, { max: MAX_SIDE_BY_SIDE }) : '';
    }
    updateLimit();

    const missingSection = missing.length > 0 && el('section', { class: 'ww-alert', 'aria-labelledby': 'ww-missing-title' },
      el('h3', { id: 'ww-missing-title' }, m.missingTitle),
      el('p', {}, m.missingText),
      el('ul', { class: 'ww-shortlist' }, ...missing.map((entry) => el('li', { class: 'ww-shortlist__item' },
        el('span', {}, el('strong', {}, entry.name), el('br'), entry.locationName),
        removeButton(entry),
      ))),
    );

    const wishNote = wishes
      ? el('p', {}, m.wishesFrom, ' ', el('a', { href: data.paths.questionnaire }, m.answerQuestions))
      : el('p', { class: 'ww-alert' }, m.noAnswers, ' ', el('a', { href: data.paths.questionnaire }, m.answerQuestions));

    replaceChildren(content!,
      el('section', { 'aria-labelledby': 'ww-shortlist-title' },
        el('h2', { id: 'ww-shortlist-title', tabindex: '-1' }, mc.shortlistTitle),
        listed.length > 0 && el('fieldset', { class: 'ww-compare-choose' }, el('legend', { class: 'ww-label' }, fill(mc.chooseLegend, { max: MAX_SIDE_BY_SIDE })), choices),
        listed.length > 0 && limitNote,
        missingSection,
      ),
      el('section', { 'aria-labelledby': 'ww-table-title' },
        el('h2', { id: 'ww-table-title' }, mc.tableTitle),
        wishNote,
        tableArea,
      ),
      el('p', {}, el('a', { class: 'ww-button', href: data.paths.report }, mc.reportLink)),
    );
    renderTable(tableArea, listed.filter((e) => chosen.has(itemKey(e))).map((e) => found.get(itemKey(e))!), asOf);
  }

  /** `asOf`: the answer's moment; "possibly outdated" is judged by it, as the results page does. */
  function renderTable(area: HTMLElement, items: ComparedItem[], asOf: Date): void {
    if (items.length === 0) {
      replaceChildren(area, el('p', {}, mc.noneChosen));
      return;
    }
    const locale = data.locale;
    const common = data.texts.common;
    const ml = data.texts.location;
    const labels = codeLabels[locale];
    const intl = INTL_LOCALE[locale];
    const single = items.length === 1;

    // Per wish the outcome at each place. Where every place fits, the row goes behind a
    // disclosure; of the rest, those where the places differ come first.
    const wishOutcomes = wishRows(wishes).map((wish) => ({ wish, outcomes: items.map((item) => outcomeOf(item, wish)) }));
    const allFit = wishOutcomes.filter(({ outcomes }) => outcomes.every((outcome) => outcome === 'match'));
    const rest = wishOutcomes.filter((row) => !allFit.includes(row));
    const differ = rest.filter(({ outcomes }) => new Set(outcomes).size > 1);
    const same = rest.filter((row) => !differ.includes(row));
    const wishRowsShown: Row[] = [...differ, ...same].map(({ wish, outcomes }) => ({
      label: wishText(locale, wish),
      note: importanceText(locale, wish.importance),
      cell: (_item, index) => outcomeNode(outcomes[index] ?? 'unknown'),
    }));

    // A fact that answers one of the wishes gets the outcome's symbol; the others are plain words.
    const wished = new Map(wishRows(wishes).map((wish) => [wish.criterion, wish]));
    const plain = (item: ComparedItem, feature: (typeof FEATURES)[number]) => featureAnswer(locale, feature, item.housingForm, common).text ?? common.unknown;
    const factRows: Row[] = [
      { label: m.distanceLabel, cell: (item) => item.distanceKm !== undefined ? fill(m.distanceValue, { km: roundKm(item.distanceKm) }) : m.distanceUnknown },
      { label: mc.waitingList, cell: (item) => waitingListBlock(data, item.waitingList, asOf) },
      { label: mc.type, cell: (item) => labels.housingTypes[item.type] },
      {
        label: mc.groupSize,
        cell: (item) => item.housingForm.groupSize !== undefined
          ? fill(pluralForm(intl, ml.groupSizeValue, item.housingForm.groupSize), { count: item.housingForm.groupSize })
          : common.unknown,
      },
      ...FEATURES.map((feature): Row => {
        const label = featureName(locale, feature);
        const wish = wished.get(feature.criterion);
        if (!wish) return { label, cell: (item) => plain(item, feature) };
        return {
          label,
          note: fill(mc.yourWish, { importance: importanceText(locale, wish.importance) }),
          cell: (item) => {
            const outcome = outcomeOf(item, wish);
            const said = outcome === 'match' ? mc.factFits : outcome === 'mismatch' ? mc.factMisfits : undefined;
            return el('span', { class: `ww-outcome ww-outcome--${outcome}` },
              el('span', { class: 'ww-outcome__icon', 'aria-hidden': 'true' }, OUTCOME_SYMBOL[outcome]),
              plain(item, feature),
              said && el('span', { class: 'ww-visually-hidden' }, `, ${said}`));
          },
        };
      }),
      { label: m.organization, cell: (item) => item.organizationName },
      { label: m.address, cell: (item) => `${item.location.address.street} ${item.location.address.houseNumber}, ${item.location.address.postcode} ${item.location.address.city}` },
    ];
    const moreLink = (item: ComparedItem) => el('a', { href: fill(data.paths.location, { locationId: item.locationId }) + `#woonvorm-${item.housingFormId}` }, fill(m.moreAbout, { name: item.locationName }));

    // Facts that read the same at every place (symbol and screen-reader text included) go behind
    // one disclosure, as the wishes every place fits; the facts where the places differ stay in
    // view. One place, or nothing that differs, leaves nothing to compare: then every fact shows.
    const said = (row: Row) => new Set(items.map((item, index) => {
      const cell = row.cell(item, index);
      return typeof cell === 'string' ? cell : cell.textContent;
    }));
    const sameFacts = single ? [] : factRows.filter((row) => said(row).size === 1);
    const folding = sameFacts.length > 0 && sameFacts.length < factRows.length;
    const factsShown = folding ? factRows.filter((row) => !sameFacts.includes(row)) : factRows;

    const wishPart: Node[] = [];
    if (wishOutcomes.length > 0) {
      wishPart.push(el('h3', { class: 'ww-compare-part' }, mc.wishesGroup));
      if (differ.length > 0 && (same.length > 0 || allFit.length > 0)) wishPart.push(el('p', {}, mc.differFirst));
      if (wishRowsShown.length > 0) {
        wishPart.push(
          wide('wishes', 'ww-compare-caption', mc.tableCaption, wishRowsShown, items),
          narrow('wishes', wishRowsShown, items),
        );
      } else {
        wishPart.push(el('p', { class: 'ww-compare-all-fit' }, single ? mc.oneFitsAll : mc.allFitAll));
      }
      if (allFit.length > 0) {
        wishPart.push(el('details', { class: 'ww-compare-fits', 'data-all-fit': '' },
          el('summary', {}, fill(single ? mc.oneFitsList : mc.allFitList, { count: allFit.length })),
          el('ul', {}, ...allFit.map(({ wish }) => el('li', {},
            el('span', { class: 'ww-outcome ww-outcome--match' }, el('span', { class: 'ww-outcome__icon', 'aria-hidden': 'true' }, OUTCOME_SYMBOL.match)),
            wishText(locale, wish), ' ', el('span', { class: 'ww-compare-importance-inline' }, `(${importanceText(locale, wish.importance)})`)))),
        ));
      }
    }

    replaceChildren(area,
      // On a phone: each place once in full, with the number the blocks below use.
      el('div', { class: 'ww-compare-key' },
        el('p', { id: 'ww-compare-key-title', class: 'ww-compare-key__title' }, mc.keyTitle),
        el('ol', { class: 'ww-compare-key__list', 'aria-labelledby': 'ww-compare-key-title' }, ...items.map((item, index) => el('li', {},
          badge(index),
          el('span', {}, el('strong', {}, item.name), ` — ${item.locationName}, ${item.city}`)))),
      ),
      ...wishPart,
      el('h3', { class: 'ww-compare-part' }, mc.factsGroup),
      folding && el('p', {}, mc.factsDifferFirst),
      staleNote(data, items.map((item) => item.waitingList), asOf),
      wide('facts', 'ww-compare-facts-caption', mc.factsCaption, factsShown, items),
      narrow('facts', factsShown, items),
      folding && el('details', { class: 'ww-compare-fits ww-compare-same', 'data-same-facts': '' },
        el('summary', {}, fill(mc.sameFactsList, { count: sameFacts.length })),
        el('ul', {}, ...sameFacts.map((row) => el('li', {},
          el('span', { class: 'ww-compare-same__label' }, row.label), ': ',
          row.cell(items[0]!, 0),
          row.note !== undefined && el('span', { class: 'ww-compare-importance-inline' }, ` (${row.note})`)))),
      ),
      // On a phone the links to each place close the facts (the table has them in its heading).
      narrow('more', [{ label: mc.moreTitle, cell: moreLink }], items),
    );
  }

  /** The wide view: a table with a column per place, in a labelled scroll box of its own. */
  function wide(part: 'wishes' | 'facts', captionId: string, caption: string, rows: Row[], items: ComparedItem[]): HTMLElement {
    const table = el('table', { class: `ww-compare-table ww-compare-table--${items.length}` },
      el('caption', { id: captionId, class: 'ww-visually-hidden' }, caption),
      // Fixed widths, so the columns of the wishes and of the facts line up.
      el('colgroup', {}, el('col', { class: 'ww-compare-label-column' }), ...items.map(() => el('col'))),
      el('thead', {}, el('tr', {},
        el('td'),
        ...items.map((item, index) => el('th', { scope: 'col' },
          badge(index),
          el('span', { class: 'ww-compare-name' }, item.name),
          el('span', { class: 'ww-compare-line' }, `${item.locationName}, ${item.city}`),
          part === 'facts' && el('a', { class: 'ww-compare-line', href: fill(data.paths.location, { locationId: item.locationId }) + `#woonvorm-${item.housingFormId}` }, fill(m.moreAbout, { name: item.locationName })),
        )),
      )),
      el('tbody', {}, ...rows.map((row) => el('tr', {},
        el('th', { scope: 'row' }, el('span', {}, row.label, row.note !== undefined && el('span', { class: 'ww-compare-importance' }, row.note))),
        ...items.map((item, index) => el('td', {}, row.cell(item, index))),
      ))),
    );
    return el('div', { class: 'ww-compare-wide', 'data-part': part },
      items.length > 2 && el('p', { class: 'ww-muted ww-compare-scroll-hint' }, mc.scrollHint),
      el('div', { class: 'ww-table-scroll', role: 'region', 'aria-labelledby': captionId, tabindex: '0' }, table),
    );
  }

  /** The narrow view: per wish or fact a block listing every place with its outcome, so nothing scrolls sideways. */
  function narrow(part: 'wishes' | 'facts' | 'more', rows: Row[], items: ComparedItem[]): HTMLElement {
    // Two favourites with the same title would read the same in a line cut off with "…": those
    // lead with their location's name, which tells them apart.
    const titles = items.map((item) => item.name);
    const shared = new Set(titles.filter((title, index) => titles.indexOf(title) !== index));
    const placeName = (item: ComparedItem) => (shared.has(item.name)
      ? [el('strong', {}, item.locationName), `, ${item.name}:`]
      : [el('strong', {}, item.name), `, ${item.locationName}:`]);
    return el('ul', { class: 'ww-compare-narrow', 'data-part': part }, ...rows.map((row) => el('li', { class: 'ww-compare-block' },
      el('h4', { class: 'ww-compare-block__title' }, row.label, row.note !== undefined && el('span', { class: 'ww-compare-importance' }, row.note)),
      el('ul', { class: 'ww-compare-block__places' }, ...items.map((item, index) => el('li', {},
        el('span', { class: 'ww-compare-block__place' },
          badge(index),
          // One line on screen, cut off with "…"; the full name stays for screen readers.
          el('span', { class: 'ww-compare-block__name' }, ...placeName(item))),
        ' ',
        el('div', { class: 'ww-compare-block__value' }, row.cell(item, index)),
      ))),
    )));
  }

  /** The place's number, as on the results cards; for the eye only, the name beside it says which place. */
  function badge(index: number): HTMLElement {
    return el('span', { class: 'ww-compare-badge', 'aria-hidden': 'true' }, String(index + 1));
  }

  function outcomeNode(outcome: Outcome): HTMLElement {
    return el('span', { class: `ww-outcome ww-outcome--${outcome}` },
      el('span', { class: 'ww-outcome__icon', 'aria-hidden': 'true' }, OUTCOME_SYMBOL[outcome]),
      outcomeText(data.locale, outcome));
  }

  // On paper the wide tables are shown (compare.css) and the folded wishes and facts unfolded.
  window.addEventListener('beforeprint', () => {
    for (const details of content.querySelectorAll<HTMLDetailsElement>('details.ww-compare-fits:not([open])')) {
      details.open = true;
      details.dataset.printOpened = '';
    }
  });
  window.addEventListener('afterprint', () => {
    for (const details of content.querySelectorAll<HTMLDetailsElement>('details[data-print-opened]')) {
      details.open = false;
      delete details.dataset.printOpened;
    }
  });

  await load();
}
