// The easy-read results page's one script: the person's wishes as they stand (lib/current-wishes:
// the answers in this browser, converted by the API, with any changes from the ordinary results
// page), the matcher asked once (POST /api/match), and each result drawn as a picture card: its
// name, three facts (kind of home, where, whether there is a place) and the reasons for the wishes
// the person chose, each with the answer's own pictogram and words and a picture for the outcome.
// Every card has a read-aloud button, leads to the location's easy-read page and can be kept with
// "Bewaar deze plek" ("Mijn keuzes"). Only types come from shared/ (no zod: page budget).
import type { MatchResult, Reason } from '../../../../shared/domain/criteria.ts';
import { explainMatch } from '../../../../shared/matching/explain-answer.ts';
import { api, apiFetch } from '../lib/api-fetch.ts';
import { criterionKey } from '../lib/browser-store.ts';
import { loadCurrentWishes, type CurrentWishes } from '../lib/current-wishes.ts';
import { el, fill, pluralForm } from '../shortlist/dom.ts';
import { picture, pictureCard } from './cards.ts';
import { easyLocationHref, readEasyPageData, type EasyResultsData } from './page-data.ts';
import { easyPlace } from './place.ts';
import { setUpReadAloud } from './read-aloud.ts';
import { saveToggle } from './save-toggle.ts';

/** Few cards: more is too much to take in; the supporter sees the whole list in the report. */
const CARDS = 10;

setUpReadAloud();
const root = document.querySelector<HTMLElement>('[data-easy-results]');
const pageData = readEasyPageData<EasyResultsData>();
if (root && pageData) setUp(root, pageData);

function setUp(root: HTMLElement, data: EasyResultsData): void {
  const e = data.texts;
  const status = root.querySelector<HTMLElement>('[data-status]');
  const list = root.querySelector<HTMLElement>('[data-result-list]');
  const noAnswers = root.querySelector<HTMLElement>('[data-no-answers]');
  const errorBox = root.querySelector<HTMLElement>('[data-error]');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };

  async function start(): Promise<void> {
    say(e.resultsLoading);
    if (errorBox) errorBox.hidden = true;
    const outcome = await loadCurrentWishes(data.regionId);
    if (outcome === undefined) {
      say(e.noAnswers);
      if (noAnswers) noAnswers.hidden = false;
      return;
    }
    if (!outcome.ok) return failed();
    const wishes = outcome.value;
    const answer = await apiFetch((options) => api.match.$post({
      json: {
        regionId: data.regionId,
        criteria: wishes.criteria,
        limit: CARDS,
        ...(wishes.postcode !== undefined ? { postcode: wishes.postcode } : {}),
        ...(wishes.postcode !== undefined && wishes.maxDistanceKm !== undefined ? { maxDistanceKm: wishes.maxDistanceKm } : {}),
      },
    }, options));
    if (!answer.ok) return failed();
    const asOf = new Date(answer.value.asOf);
    list?.replaceChildren(...explainMatch(answer.value).results.map((result, i) => card(result, i, wishes, asOf)));
    say(answer.value.total === 0 ? e.resultsNone : fill(pluralForm(data.intlLocale, e.resultsFound, answer.value.total), { count: answer.value.total }));
  }

  function failed(): void {
    say(e.resultsError);
    if (errorBox) errorBox.hidden = false;
  }

  /** The reasons worth showing: the wishes the person chose (the facts of their situation fit every card alike). */
  function shownReasons(result: MatchResult, wishes: CurrentWishes): Reason[] {
    const situation = new Set(wishes.wishes.filter((wish) => wish.situation).map((wish) => wish.key));
    return result.reasons.filter((reason) => reason.criterion === 'distance' || !situation.has(criterionKey(reason)));
  }

  function card(result: MatchResult, index: number, wishes: CurrentWishes, asOf: Date): HTMLElement {
    const id = `ww-easy-card-${index + 1}`;
    const near = [fill(e.inCity, { city: result.city }), result.distanceKm === undefined ? '' : fill(e.distance, { km: Math.round(result.distanceKm) })].join(' ').trim();
    const reasons = shownReasons(result, wishes).map((reason) => {
      const easy = reason.criterion === 'distance'
        ? { src: data.pictograms.distance, text: e.reasonDistance }
        : data.criteria[criterionKey(reason)] ?? data.criteria[reason.criterion];
      if (!easy) return undefined;
      return el('li', { class: `ww-easy-reason ww-easy-reason--${reason.outcome}` },
        picture(easy.src, 48),
        el('span', {},
          el('span', { class: 'ww-easy-reason__wish' }, `${easy.text} `),
          el('span', { class: 'ww-easy-reason__outcome' }, picture(data.pictograms[reason.outcome], 40), el('strong', {}, e.outcome[reason.outcome]))));
    }).filter((item): item is HTMLLIElement => item !== undefined);
    return pictureCard(data, {
      id,
      heading: `${index + 1}. ${result.name}`,
      name: result.name,
      facts: [
        { src: data.housingTypes[result.type] ?? data.pictograms.place, label: e.kindOfHome, text: e.housingTypes[result.type] },
        { src: data.pictograms.distance, label: e.near, text: near },
        { src: data.pictograms.place, label: e.place, text: easyPlace(e, result.waitingList, asOf, data.intlLocale).text },
      ],
      more: reasons.length > 0
        ? [el('h3', { class: 'ww-easy-result__why', id: `${id}-why` }, e.reasonsTitle), el('ul', { class: 'ww-easy-reasons', role: 'list', id: `${id}-reasons` }, ...reasons)]
        : [],
      href: easyLocationHref(data, result.locationId),
      save: saveToggle(data, { locationId: result.locationId, housingFormId: result.housingFormId, name: result.name, locationName: result.locationName }),
    });
  }

  root.querySelector('[data-action="retry"]')?.addEventListener('click', () => void start());
  void start();
}
