// The "change a wish" part of the results page: every wish from the answers with its importance
// (must, important, nice) or switched off, as radio buttons; a change is reported at once. And the
// answers the API could not use, in plain words.
import type { Importance } from '../../../../shared/domain/codes.ts';
import { importanceText, wishText } from '../../../../shared/i18n/criterion-text.ts';
import type { CurrentWishes } from '../lib/current-wishes.ts';
import { el, fill, pluralForm } from '../shortlist/dom.ts';
import type { ResultsPageData } from './page-data.ts';

export type WishSetting = Importance | 'off';
const SETTINGS: readonly WishSetting[] = ['must', 'important', 'nice', 'off'];

export function renderWishes(
  data: ResultsPageData,
  root: HTMLElement,
  wishes: CurrentWishes,
  onChange: (key: string, setting: WishSetting) => void,
): void {
  const r = data.texts.results;
  const list = root.querySelector<HTMLElement>('[data-wish-list]');
  const toggle = root.querySelector<HTMLElement>('[data-wishes-toggle]');
  const none = root.querySelector<HTMLElement>('[data-no-wishes]');
  if (toggle) toggle.textContent = fill(pluralForm(data.intlLocale, r.wishesToggle, wishes.wishes.length), { count: wishes.wishes.length });
  if (none) none.hidden = wishes.wishes.length > 0;
  list?.replaceChildren(...wishes.wishes.map((wish, i) => {
    const name = `ww-wish-${i}`;
    const current: WishSetting = wish.off ? 'off' : wish.criterion.importance;
    const note = el('p', { class: 'ww-wish__off-note', hidden: !wish.off }, r.wishIsOff);
    const fieldset = el('fieldset', { class: `ww-wish${wish.off ? ' ww-wish--off' : ''}`, 'data-wish-key': wish.key },
      el('legend', { class: 'ww-wish__name' }, wishText(data.locale, wish.criterion)),
      note,
      el('div', { class: 'ww-choices ww-choices--inline' }, ...SETTINGS.map((setting) => {
        const input = el('input', { type: 'radio', name, id: `${name}-${setting}`, value: setting, checked: setting === current });
        input.addEventListener('change', () => {
          if (!input.checked) return;
          fieldset.classList.toggle('ww-wish--off', setting === 'off');
          note.hidden = setting !== 'off';
          onChange(wish.key, setting);
        });
        return el('label', { class: 'ww-choice', for: `${name}-${setting}` },
          input, el('span', {}, setting === 'off' ? r.wishOff : importanceText(data.locale, setting)));
      })),
    );
    return fieldset;
  }) ?? []);

  const ignoredBox = root.querySelector<HTMLElement>('[data-ignored]');
  const ignoredList = root.querySelector<HTMLElement>('[data-ignored-list]');
  if (ignoredBox && ignoredList) {
    ignoredBox.hidden = wishes.ignored.length === 0;
    ignoredList.replaceChildren(...wishes.ignored.map((item) => el('li', {}, fill(r.ignoredQuestion, {
      question: data.questions[item.questionId] ?? item.questionId,
      reason: r.ignored[item.code],
    }))));
  }
}
