// The results page's one client script (no framework). It takes the person's wishes as they stand
// (lib/current-wishes.ts: the answers in this browser, converted by the API, with the changes made
// here on top), asks POST /api/match, and shows the ranked list, the near misses and a small map.
// Every change of a wish or the place is saved (browser-store adjustments) and the list is asked
// again; the count is announced and focus stays where it was. When the API cannot be reached the
// page says so with a "try again" button; nothing the person set is lost.
// Only types come from shared/ (no zod: page budget).
import type { PostcodeAnswer } from '../../../shared/domain/compare.ts';
import type { MatchRequestInput, MatchResponse, MatchResult } from '../../../shared/domain/criteria.ts';
import { apiFetch } from './lib/api-fetch.ts';
import { loadAdjustments, saveAdjustments, type Adjustments } from './lib/browser-store.ts';
import { loadCurrentWishes, type CurrentWishes } from './lib/current-wishes.ts';
import { fill, pluralForm } from './shortlist/dom.ts';
import { cardId, nearMissId, resultCard } from './results/card.ts';
import { favourites as createFavourites } from './results/favourites.ts';
import { readPageData, type ResultsPageData } from './results/page-data.ts';
import { drawMap, type HomeMarker, type MapMarker } from './results/tile-map.ts';
import { renderWishes, type WishSetting } from './results/wishes-form.ts';

/** Results asked per page ("show more" asks the next). */
const PAGE_SIZE = 20;
const POSTCODE = /^[1-9][0-9]{3}( ?[A-Za-z]{2})?$/;

const root = document.querySelector<HTMLElement>('[data-results]');
const pageData = readPageData();
if (root && pageData) setUp(root, pageData);

function setUp(root: HTMLElement, data: ResultsPageData): void {
  const r = data.texts.results;
  const find = <T extends HTMLElement = HTMLElement>(selector: string) => root.querySelector<T>(selector);
  const status = find('[data-status]');
  const noAnswers = find('[data-no-answers]');
  const errorBox = find('[data-error]');
  const wishesSection = find('[data-wishes]');
  const resultsSection = find('[data-results-section]');
  const resultsTitle = find('#ww-results-title');
  const resultList = find('[data-result-list]');
  const noResults = find('[data-no-results]');
  const moreButton = find<HTMLButtonElement>('[data-action="more"]');
  const nearSection = find('[data-near-section]');
  const nearList = find('[data-near-list]');
  const mapSection = find('[data-map-section]');
  const mapBox = find('[data-map]');
  const mapFailed = find('[data-map-failed]');
  const mapHome = find('[data-map-home]');
  const placeForm = find<HTMLFormElement>('[data-place-form]');
  const postcodeInput = find<HTMLInputElement>('#ww-results-postcode');
  const postcodeError = find('[data-postcode-error]');
  const postcodeField = find('[data-postcode-field]');
  const distanceSelect = find<HTMLSelectElement>('#ww-results-distance');
  const placeNow = find('[data-place-now]');
  const favourites = createFavourites(data, root);

  let wishes: CurrentWishes | undefined;
  let adjustments: Adjustments = loadAdjustments(data.regionId);
  let shown: MatchResult[] = [];
  let total = 0;
  let request = 0;
  let tilesFailed = false;
  /** The postcode the list was last asked for, and its point once the API has told it. */
  let place: { postcode: string; home?: HomeMarker & { postcode: string } } | undefined;

  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const count = (forms: { one: string; other: string }, n: number) => fill(pluralForm(data.intlLocale, forms, n), { count: n });

  function showError(shownError: boolean): void {
    if (errorBox) errorBox.hidden = !shownError;
  }

  async function start(): Promise<void> {
    say(r.loading);
    showError(false);
    const outcome = await loadCurrentWishes(data.regionId);
    if (outcome === undefined) {
      say('');
      if (noAnswers) noAnswers.hidden = false;
      return;
    }
    if (!outcome.ok) {
      say('');
      showError(true);
      return;
    }
    wishes = outcome.value;
    adjustments = loadAdjustments(data.regionId);
    renderWishes(data, root, wishes, changeWish);
    fillPlace(wishes);
    if (wishesSection) wishesSection.hidden = false;
    await search('new');
  }

  function fillPlace(current: CurrentWishes): void {
    if (postcodeInput) postcodeInput.value = current.postcode ?? '';
    if (distanceSelect) {
      const km = current.maxDistanceKm === undefined ? '' : String(current.maxDistanceKm);
      if (![...distanceSelect.options].some((option) => option.value === km)) {
        distanceSelect.add(new Option(fill(r.distanceKm, { km }), km), 0);
      }
      distanceSelect.value = km;
    }
    describePlace(current);
  }

  function describePlace(current: CurrentWishes): void {
    if (!placeNow) return;
    placeNow.textContent = current.postcode === undefined
      ? r.placeNone
      : current.maxDistanceKm === undefined
        ? fill(r.placeNow, { postcode: current.postcode })
        : fill(r.placeNowMax, { postcode: current.postcode, km: current.maxDistanceKm });
  }

  function setPostcodeError(message: string | undefined): void {
    if (postcodeError) {
      postcodeError.textContent = message ?? '';
      postcodeError.hidden = message === undefined;
    }
    postcodeField?.classList.toggle('ww-has-error', message !== undefined);
    if (message === undefined) postcodeInput?.removeAttribute('aria-invalid');
    else postcodeInput?.setAttribute('aria-invalid', 'true');
  }

  /** Asks the matcher. 'new' starts the list again; 'more' adds the next page. */
  async function search(mode: 'new' | 'more', place?: { postcode?: string; maxDistanceKm?: number }): Promise<'ok' | 'postcode' | 'error' | 'stale'> {
    if (!wishes) return 'error';
    const id = ++request;
    const postcode = place ? place.postcode : wishes.postcode;
    const maxDistanceKm = place ? place.maxDistanceKm : wishes.maxDistanceKm;
    const body: MatchRequestInput = {
      regionId: data.regionId,
      criteria: wishes.criteria,
      limit: PAGE_SIZE,
      offset: mode === 'more' ? shown.length : 0,
      ...(postcode !== undefined ? { postcode } : {}),
      ...(postcode !== undefined && maxDistanceKm !== undefined ? { maxDistanceKm } : {}),
    };
    resultList?.setAttribute('aria-busy', 'true');
    const outcome = await apiFetch<MatchResponse>('/api/match', { body });
    if (id !== request) return 'stale';
    resultList?.removeAttribute('aria-busy');
    if (!outcome.ok) {
      if (outcome.kind === 'invalid' && outcome.fields.some((field) => field.path === 'postcode')) {
        setPostcodeError(r.errorPostcodeUnknown);
        say(r.errorPostcodeUnknown);
        return 'postcode';
      }
      say('');
      showError(true);
      return 'error';
    }
    showError(false);
    setPostcodeError(undefined);
    const answer = outcome.value;
    total = answer.total;
    if (mode === 'new') {
      shown = answer.results;
      renderResults(postcode, 0);
      renderNearMisses(answer, postcode);
      say(shown.length < total ? `${count(r.found, total)} ${fill(r.shown, { shown: shown.length, total })}` : count(r.found, total));
    } else {
      const from = shown.length;
      shown = [...shown, ...answer.results];
      renderResults(postcode, from);
      say(`${count(r.moreShown, answer.results.length)} ${fill(r.shown, { shown: shown.length, total })}`);
      resultList?.querySelector<HTMLElement>(`#${cardId(from + 1)} [data-result-link]`)?.focus();
    }
    favourites.refresh();
    renderMap();
    void locateHome(postcode);
    return 'ok';
  }

  /** Renders the list from `from` on (earlier cards stay as they are: "show more" keeps them). */
  function renderResults(postcode: string | undefined, from: number): void {
    if (!resultList) return;
    const now = new Date();
    if (from === 0) resultList.replaceChildren();
    shown.slice(from).forEach((result, i) => {
      const number = from + i + 1;
      resultList.append(resultCard(result, cardId(number), number, { data, postcode, now, favourite: favourites.toggle(result) }));
    });
    if (resultsSection) resultsSection.hidden = false;
    if (noResults) noResults.hidden = shown.length > 0;
    if (moreButton) moreButton.hidden = shown.length >= total;
  }

  function renderNearMisses(answer: MatchResponse, postcode: string | undefined): void {
    if (!nearList || !nearSection) return;
    const now = new Date();
    nearList.replaceChildren(...answer.nearMisses.map((miss, i) =>
      resultCard(miss, nearMissId(i), undefined, { data, postcode, now, favourite: favourites.toggle(miss) }, miss.failedMusts)));
    nearSection.hidden = answer.nearMisses.length === 0;
  }

  /**
   * Looks up the point of the person's postcode (once per postcode) and draws it on the map. The
   * house is a help, not something to wait for: without an answer the map stays as it is.
   */
  async function locateHome(postcode: string | undefined): Promise<void> {
    if (postcode === undefined) {
      place = undefined;
      renderMap();
      return;
    }
    if (place?.postcode === postcode) return;
    place = { postcode };
    const answer = await apiFetch<PostcodeAnswer>(`/api/postcodes/${encodeURIComponent(postcode.replace(/\s+/g, ''))}`);
    if (!answer.ok || place.postcode !== postcode) return;
    const { point, postcode: formatted } = answer.value;
    place.home = { lat: point.lat, lon: point.lon, postcode: formatted, label: fill(r.mapHome, { postcode: formatted }) };
    renderMap();
  }

  function renderMap(): void {
    if (!mapBox || !mapSection) return;
    const markers: MapMarker[] = shown.flatMap((result, i) => {
      const point = data.points[result.locationId];
      if (!point) return [];
      const number = i + 1;
      return [{
        lat: point[0], lon: point[1], number, targetId: cardId(number), group: result.locationId,
        label: fill(r.mapMarker, { number, name: result.name, location: result.locationName }),
      }];
    });
    mapSection.hidden = markers.length === 0;
    if (markers.length === 0) return;
    const home = place?.home;
    drawMap(mapBox, markers, () => {
      tilesFailed = true;
      if (mapFailed) mapFailed.hidden = false;
    }, home);
    if (mapHome) {
      mapHome.hidden = home === undefined;
      mapHome.textContent = home ? fill(r.mapHomeLegend, { postcode: home.postcode }) : '';
    }
    if (mapFailed) mapFailed.hidden = !tilesFailed;
  }

  function changeWish(key: string, setting: WishSetting): void {
    if (!wishes) return;
    adjustments = { ...adjustments, importance: { ...adjustments.importance, [key]: setting } };
    saveAdjustments(data.regionId, adjustments);
    const updated = wishes.wishes.map((wish) => {
      if (wish.key !== key) return wish;
      return setting === 'off'
        ? { ...wish, off: true, changed: true }
        : { ...wish, off: false, changed: true, criterion: { ...wish.criterion, importance: setting } };
    });
    wishes = { ...wishes, wishes: updated, criteria: updated.filter((wish) => !wish.off).map((wish) => wish.criterion) };
    void search('new');
  }

  placeForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!wishes || !postcodeInput || !distanceSelect) return;
    const typed = postcodeInput.value.trim();
    if (typed !== '' && !POSTCODE.test(typed)) {
      setPostcodeError(r.errorPostcode);
      postcodeInput.focus();
      return;
    }
    setPostcodeError(undefined);
    const postcode = typed === '' ? undefined : typed;
    const km = distanceSelect.value === '' ? undefined : Number(distanceSelect.value);
    const place = { ...(postcode !== undefined ? { postcode } : {}), ...(postcode !== undefined && km !== undefined ? { maxDistanceKm: km } : {}) };
    void search('new', place).then((outcome) => {
      // The place is kept only once the API knows it; a postcode it refuses stays in the box, with the error.
      if (outcome !== 'ok' || !wishes) return;
      wishes = { wishes: wishes.wishes, criteria: wishes.criteria, ignored: wishes.ignored, savedAt: wishes.savedAt, ...place };
      adjustments = { ...adjustments, postcode: typed, maxDistanceKm: km ?? null };
      saveAdjustments(data.regionId, adjustments);
      describePlace(wishes);
    });
  });

  find('[data-action="reset-wishes"]')?.addEventListener('click', () => {
    adjustments = { ...adjustments, importance: {} };
    saveAdjustments(data.regionId, adjustments);
    void start();
  });

  moreButton?.addEventListener('click', () => void search('more'));

  find('[data-action="retry"]')?.addEventListener('click', () => {
    const retry = wishes ? search('new').then(() => undefined) : start();
    void retry.then(() => {
      if (errorBox?.hidden) resultsTitle?.focus();
    });
  });

  let width = mapBox?.clientWidth ?? 0;
  window.addEventListener('resize', () => {
    if (!mapBox || mapBox.clientWidth === width) return;
    width = mapBox.clientWidth;
    renderMap();
  });

  void start();
}
