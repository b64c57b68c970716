// One search hit as a card, built with DOM calls (the names come from providers: never as HTML):
// the housing form's name linking to it on its location's page, then location, provider, town,
// kind of housing and the waiting list in words; searching the whole country, the region of a hit
// outside the page's region.
import type { SearchHit } from '../../../../shared/domain/search.ts';
import { fill } from '../shortlist/dom.ts';
import { pluralText, type SearchTexts } from './search-texts.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** `regionId`: the page's region; a hit elsewhere names its own. */
export function hitCard(hit: SearchHit, texts: SearchTexts, regionId: string): HTMLLIElement {
  const item = element('li');
  const card = element('div', 'ww-card');
  const title = element('h3', 'ww-card__title');
  const link = element('a', 'ww-card__link', hit.name);
  // The location page gives each housing form an anchor: woonvorm-{id}.
  link.href = `${texts.locationPath.replace('{id}', encodeURIComponent(hit.locationId))}#woonvorm-${encodeURIComponent(hit.housingFormId)}`;
  title.append(link);

  const facts = element('dl', 'ww-compact');
  const fact = (label: string, value: Node | string) => {
    const dd = element('dd');
    dd.append(value);
    facts.append(element('dt', undefined, label), dd);
  };
  fact(texts.location, hit.locationName);
  fact(texts.organization, hit.organizationName);
  fact(texts.city, hit.city);
  if (hit.regionId !== regionId) fact(texts.region, fill(texts.otherRegion, { region: hit.regionName ?? hit.regionId }));
  fact(texts.type, texts.housingTypes[hit.type]);
  const waiting = document.createDocumentFragment();
  const { status, weeks } = hit.waitingList;
  waiting.append(element('span', `ww-status ww-status--${status}`, texts.statuses[status]));
  if (weeks !== undefined && status !== 'available' && status !== 'closed') waiting.append(` ${pluralText(texts, texts.waitingWeeks, weeks)}`);
  fact(texts.waitingList, waiting);

  card.append(title, facts);
  item.append(card);
  return item;
}
