// "Bewaar deze plek" / "Niet meer bewaren" on the easy-read cards and location page: a large button
// that adds a housing form to the region's favourites in this browser (the same shortlist as the
// ordinary pages, so "Mijn keuzes", the compare page and the report all see it) or takes it off,
// and says in words what happened. The button's words say what it will do; no toggle state to
// decode. Another tab may change the favourites: every button follows.
import { loadShortlist, MAX_SHORTLIST, sameHousingForm, saveShortlist, type ShortlistEntry } from '../lib/browser-store.ts';
import { el, fill } from '../shortlist/dom.ts';
import type { EasyPageData } from './page-data.ts';

type Favourite = Omit<ShortlistEntry, 'addedAt'>;

const shown = new Set<() => void>();
let following = false;

/** A save button with its message line; `onChange` hears whether the place is kept now. */
export function saveToggle(data: EasyPageData, favourite: Favourite, onChange?: (kept: boolean) => void): HTMLElement {
  const e = data.texts;
  const picture = el('img', { src: data.pictograms.save, alt: '', width: 40, height: 40 });
  const label = el('span', {}, e.save);
  const button = el('button', { type: 'button', class: 'ww-button ww-button--secondary ww-easy-button ww-easy-save', 'data-easy-save': favourite.housingFormId }, picture, label);
  const message = el('p', { class: 'ww-easy-save__status', role: 'status' });
  const isKept = () => loadShortlist(data.regionId).some((entry) => sameHousingForm(entry, favourite));
  const show = () => {
    const kept = isKept();
    label.textContent = kept ? e.unsave : e.save;
    picture.setAttribute('src', kept ? data.pictograms.saved : data.pictograms.save);
    button.classList.toggle('ww-easy-save--kept', kept);
  };
  button.addEventListener('click', () => {
    const shortlist = loadShortlist(data.regionId);
    const kept = shortlist.some((entry) => sameHousingForm(entry, favourite));
    if (!kept && shortlist.length >= MAX_SHORTLIST) {
      message.textContent = fill(e.full, { max: MAX_SHORTLIST });
      return;
    }
    const next = kept
      ? shortlist.filter((entry) => !sameHousingForm(entry, favourite))
      : [...shortlist, { ...favourite, addedAt: new Date().toISOString() }];
    if (!saveShortlist(data.regionId, next)) {
      message.textContent = e.notStored;
      return;
    }
    message.textContent = kept ? e.removedStatus : e.savedStatus;
    for (const update of shown) update();
    onChange?.(!kept);
  });
  shown.add(show);
  show();
  if (!following) {
    following = true;
    window.addEventListener('storage', () => { for (const update of shown) update(); });
  }
  return el('div', { class: 'ww-easy-save-box' }, button, message);
}
