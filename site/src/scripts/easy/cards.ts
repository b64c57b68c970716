// A picture card of the easy-read results and of "Mijn keuzes": the home's name, at most three
// facts each with its picture (what kind of home, where, whether there is a place), what else the
// page adds (the reasons), one read-aloud button for the whole card, the way to the location's
// easy-read page, and "Bewaar deze plek".
import { el } from '../shortlist/dom.ts';
import type { EasyPageData } from './page-data.ts';

export interface CardFact {
  src: string;
  label: string;
  text: string;
}

export interface CardContent {
  /** Unique on the page; the card's parts get ids from it (read aloud by id). */
  id: string;
  /** The card's heading, e.g. "1. De Linde". */
  heading: string;
  /** The home's name alone, which the link's words end with for a screen reader. */
  name: string;
  facts: CardFact[];
  /** Shown after the facts and read aloud with them, each with an id. */
  more?: HTMLElement[];
  href: string;
  save: HTMLElement;
}

export function picture(src: string, size = 56): HTMLImageElement {
  return el('img', { class: 'ww-pictogram', src, alt: '', width: size, height: size, loading: 'lazy', decoding: 'async' });
}

export function factItem(fact: CardFact): HTMLLIElement {
  return el('li', { class: 'ww-easy-fact' }, picture(fact.src), el('span', {}, el('strong', {}, `${fact.label}: `), fact.text));
}

export function pictureCard(data: EasyPageData, card: CardContent): HTMLLIElement {
  const { id } = card;
  const more = card.more ?? [];
  const spoken = [`${id}-name`, `${id}-facts`, ...more.map((part) => part.id).filter((part) => part !== '')].join(' ');
  return el('li', { class: 'ww-easy-result' },
    el('article', { class: 'ww-easy-result__card', id, 'aria-labelledby': `${id}-name` },
      el('h2', { class: 'ww-easy-result__name', id: `${id}-name` }, card.heading),
      el('ul', { class: 'ww-easy-facts', role: 'list', id: `${id}-facts` }, ...card.facts.slice(0, 3).map(factItem)),
      ...more,
      el('p', { class: 'ww-easy-result__actions' },
        el('button', { type: 'button', class: 'ww-speak', 'data-speak': spoken, 'aria-describedby': `${id}-name` },
          picture(data.pictograms.speak, 28), el('span', { 'data-speak-label': true }, data.texts.readAloud)),
        el('a', { class: 'ww-easy-link', href: card.href }, data.texts.moreAbout, el('span', { class: 'ww-visually-hidden' }, `: ${card.name}`))),
      card.save));
}
