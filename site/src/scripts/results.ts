// The results page's one client script (no framework). It takes the person's wishes as they stand
// (lib/current-wishes.ts: the answers in this browser, converted by the API, with the changes made
// here on top), asks POST /api/match, and shows the ranked list, the near misses and a small map.
// Every change of a wish or the place is saved (browser-store adjustments) and the list is asked
// again; the count is announced, focus stays where it was and a line right there says what changed.
// The near misses offer one-tap ways out (search further, make a must 'belangrijk'). A postcode the
// API refuses is said at its field, which gets focus (and is then the one message there). One in
// another region is said to lie there, with a link to that region's questions when this site has
// them (lib/postcode-region.ts); one far from every place of the region shows no near misses,
// which would all be that far away too.
// Besides the offered distances a person may type one of their own (whole km, 1 to 300).
// Where to search: the region (the default), also other regions nearby (within the distance; with
// no postcode or no distance that is the whole country), or the whole country. A result in another
// region says which region it lies in (results/card.ts).
// Back from a location page, the card that was opened is scrolled to and focused. When the API
// cannot be reached the page says so with a "try again" button; nothing the person set is lost.
// On phones and tablets the wish panel starts folded (a button with aria-expanded in its heading),
// so the first place is on the first screen; what was searched from stays in sight above it.
// Only types come from shared/ (no zod: page budget).
import { PLACE_POSTCODE_PATTERN } from '../../../shared/domain/postcode-patterns.ts';
import type { ExplainedMatch, MatchRequestInput, MatchResult } from '../../../shared/domain/criteria.ts';
import { explainMatch } from '../../../shared/matching/explain-answer.ts';
import type { SearchScope } from '../../../shared/domain/scope.ts';
import { haversineKm } from '../../../shared/geo/distance.ts';
import { api, apiFetch, fetchPostcode } from './lib/api-fetch.ts';
import { otherRegionNote, type PlaceFacts } from './lib/postcode-region.ts';
import { loadAdjustments, saveAdjustments, type Adjustments } from './lib/browser-store.ts';
import { loadCurrentWishes, type CurrentWishes } from './lib/current-wishes.ts';
import { fill, pluralForm } from './shortlist/dom.ts';
import { importanceText, wishText } from '../../../shared/i18n/criterion-text.ts';
import { cardId, isStale, resultCard } from './results/card.ts';
import { changeNote as createChangeNote } from './results/change-note.ts';
import { commonUnknowns, type CommonUnknowns } from './results/common-unknowns.ts';
import { favourites as createFavourites } from './results/favourites.ts';
import { nearMissList } from './results/near-misses.ts';
import { readPageData, type ResultsPageData } from './results/page-data.ts';
import { forgetOpened, readOpened, rememberOpened, type Opened } from './results/return-to.ts';
import { drawMap, type HomeMarker, type MapMarker } from './results/tile-map.ts';
import { renderWishes, type WishSetting } from './results/wishes-form.ts';

/** Results asked per page ("show more" asks the next). */
const PAGE_SIZE = 20;
/** Up to this width (phones, tablets) the wish panel starts folded. */
const FOLDED_PANEL = '(max-width: 64em)';
/**
 * A postcode further than this from every location of the region is "far outside" it: a typo, or
 * a place in another region. Its near misses are not shown: each would be at least this far away,
 * while every postcode of the demonstration regions has a place well within it (measured: at
 * most 5 km in Zuid-Limburg, 14.5 km in Rotterdam, at the Maasvlakte).
 */
const FAR_KM = 30;

const root = document.querySelector<HTMLElement>('[data-results]');
const pageData = readPageData();
if (root && pageData) setUp(root, pageData);

type Home = HomeMarker & { postcode: string; place: PlaceFacts };

/** What the page says about the place searched from; `far`: every location is more than FAR_KM away. */
interface PlaceNote {
  far: boolean;
  /** Fresh nodes each time: the note stands at the postcode box and, with no results, in the list. */
  parts(): Array<string | Node>;
}

const scopeOf = (value: string | undefined): SearchScope => (value === 'nearby' || value === 'country' ? value : 'region');

const textOf = (parts: ReadonlyArray<string | Node>) => parts.map((part) => (typeof part === 'string' ? part : part.textContent)).join('');

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
  const mapSection = find('[data-map-section]');
  const mapBox = find('[data-map]');
  const mapFailed = find('[data-map-failed]');
  const mapHome = find('[data-map-home]');
  const placeForm = find<HTMLFormElement>('[data-place-form]');
  const postcodeInput = find<HTMLInputElement>('#ww-results-postcode');
  const postcodeError = find('[data-postcode-error]');
  const postcodeField = find('[data-postcode-field]');
  const postcodeFar = find('[data-postcode-far]');
  const distanceSelect = find<HTMLSelectElement>('#ww-results-distance');
  const kmField = find('[data-km-field]');
  const kmInput = find<HTMLInputElement>('#ww-results-km');
  const kmError = find('[data-km-error]');
  const placeNow = find('[data-place-now]');
  const scopeSelect = find<HTMLSelectElement>('[data-scope]');
  const panelToggle = find<HTMLButtonElement>('[data-wishes-panel-toggle]');
  const panel = find('[data-wishes-panel]');
  const openPanel = (open: boolean) => {
    panelToggle?.setAttribute('aria-expanded', String(open));
    if (panel) panel.hidden = !open;
  };
  openPanel(!window.matchMedia(FOLDED_PANEL).matches);
  panelToggle?.addEventListener('click', () => openPanel(panelToggle.getAttribute('aria-expanded') !== 'true'));
  const favourites = createFavourites(data, root);
  // The skip link's target is the list's title; with a list shown it goes one further, to the
  // first place itself (a near miss when nothing fits), so Enter lands where Tab can open it.
  document.querySelector('[data-skip-to]')?.addEventListener('click', (event) => {
    const first = resultList?.querySelector<HTMLElement>('[data-result-link]') ?? find('[data-near-list] [data-result-link]');
    if (!first) return;
    event.preventDefault();
    first.focus();
  });
  const changeNote = createChangeNote(data, resultsTitle);
  /** After a change made from the near misses: the new list, with the note under its title. */
  const toList = (outcome: string) => {
    if (outcome !== 'ok' || !resultsTitle) return;
    changeNote.show(resultsTitle, total, false, previousTotal);
    resultsTitle.focus();
  };
  const nearMisses = nearMissList(data, root, {
    widen: (km) => {
      if (!wishes) return;
      setDistance(km);
      if (postcodeInput) postcodeInput.value = wishes.postcode ?? '';
      void applyPlace(wishes.postcode, km).then(toList);
    },
    favourite: (miss) => favourites.toggle(miss),
    makeImportant: (key) => {
      changeWish(key, 'important', true);
    },
  });

  let wishes: CurrentWishes | undefined;
  let adjustments: Adjustments = loadAdjustments(data.regionId);
  /** Where the list was last searched (applied with the place, saved with it). */
  let scope: SearchScope = adjustments.scope ?? 'region';
  let shown: MatchResult[] = [];
  /** Unknown for (nearly) all of the first page: said once above the list, left off the cards. */
  let common: CommonUnknowns = commonUnknowns([]);
  let total = 0;
  /** The moment the last answer holds for (the API's asOf): "possibly outdated" is judged by it, as the ranking was. */
  let asOf = new Date();
  /** The count before the latest new search: a change that leaves it the same says so. */
  let previousTotal = 0;
  let request = 0;
  let tilesFailed = false;
  /** The postcode the list was last asked for, and the look-up of its point (its answer once there). */
  let located: { postcode: string; lookup: Promise<Home | undefined>; home?: Home } | undefined;

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
    scope = adjustments.scope ?? 'region';
    renderWishes(data, root, wishes, changeWish);
    fillPlace(wishes);
    if (wishesSection) wishesSection.hidden = false;
    // Back from a location page: the same number of cards again, then to the card that was opened.
    const opened = readOpened(data.regionId);
    // A refused postcode: nothing was searched, so nothing is said about the place (the field has the error).
    if ((await search('new', undefined, opened)) !== 'ok') return;
    describePlace(wishes);
    if (opened) returnTo(opened);
  }

  function returnTo(opened: Opened): void {
    forgetOpened(data.regionId);
    const link = [...root.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')].find((a) => a.getAttribute('href') === opened.href);
    if (!link) return;
    link.closest('li')?.scrollIntoView({ block: 'start', behavior: 'instant' });
    link.focus({ preventScroll: true });
  }

  function fillPlace(current: CurrentWishes): void {
    if (postcodeInput) postcodeInput.value = current.postcode ?? '';
    if (scopeSelect) scopeSelect.value = adjustments.scope ?? 'region';
    setDistance(current.maxDistanceKm);
    // What was searched from is said once the API has accepted the place (describePlace).
    if (placeNow) placeNow.textContent = '';
  }

  /** Shows a distance: one of the offered ones, or "Een andere afstand" with its km in the box. */
  function setDistance(km: number | undefined): void {
    if (!distanceSelect) return;
    const value = km === undefined ? '' : String(km);
    const offered = [...distanceSelect.options].some((option) => option.value === value);
    distanceSelect.value = offered ? value : 'other';
    if (!offered && kmInput) kmInput.value = value;
    showKmField();
  }

  function showKmField(): void {
    if (kmField) kmField.hidden = distanceSelect?.value !== 'other';
    if (kmField?.hidden) setKmError(undefined);
  }

  function setKmError(message: string | undefined): void {
    if (kmError) kmError.hidden = message === undefined;
    kmField?.classList.toggle('ww-has-error', message !== undefined);
    if (message === undefined) kmInput?.removeAttribute('aria-invalid');
    else kmInput?.setAttribute('aria-invalid', 'true');
  }

  /** The distance chosen or typed: a number, none (undefined), or 'wrong' when the typed km cannot be used. */
  function chosenDistance(): number | undefined | 'wrong' {
    const value = distanceSelect?.value ?? '';
    if (value !== 'other') return value === '' ? undefined : Number(value);
    const typed = kmInput?.value.trim() ?? '';
    const km = /^\d{1,6}$/.test(typed) ? Number(typed) : Number.NaN;
    return km >= Number(kmInput?.dataset.min) && km <= Number(kmInput?.dataset.max) ? km : 'wrong';
  }

  function describePlace(current: CurrentWishes): void {
    if (!placeNow) return;
    placeNow.textContent = current.postcode === undefined
      ? r.placeNone
      : current.maxDistanceKm === undefined
        ? fill(r.placeNow, { postcode: current.postcode })
        : fill(r.placeNowMax, { postcode: current.postcode, km: current.maxDistanceKm });
  }

  /** The postcode box's error; while there is one, it is the only message at the box. */
  function setPostcodeError(message: string | undefined): void {
    if (message !== undefined) setFieldNote(undefined);
    if (postcodeError) {
      postcodeError.textContent = message ?? '';
      postcodeError.hidden = message === undefined;
    }
    postcodeField?.classList.toggle('ww-has-error', message !== undefined);
    if (message === undefined) postcodeInput?.removeAttribute('aria-invalid');
    else postcodeInput?.setAttribute('aria-invalid', 'true');
  }

  /**
   * "Postcode 1012 ligt in de gemeente Amsterdam. … Voor Amsterdam hebben we nog geen overzicht."
   * when it lies in another region (a link when this site has that region), else "Postcode 9211
   * ligt ver buiten Zuid-Limburg. Klopt de postcode?" when far from every location; when far, also
   * how far the nearest place is. None for a place in (or near) the region.
   */
  function placeNote(home: Home | undefined, where: SearchScope): PlaceNote | undefined {
    if (!home) return undefined;
    const points = Object.values(data.points);
    const nearest = points.length === 0 ? 0 : Math.min(...points.map(([lat, lon]) => haversineKm(home, { lat, lon })));
    // Searching beyond the region, a place far from it is no reason to hide the near misses.
    const far = nearest > FAR_KM && where === 'region';
    const regions = data.postcodeRegions;
    if (!far && !otherRegionNote(home.place, regions)) return undefined;
    return {
      far,
      parts: () => {
        const elsewhere = otherRegionNote(home.place, regions);
        const lies = elsewhere ?? [fill(r.postcodeFar, { postcode: home.postcode, region: data.regionName })];
        // In another region this site has places of, searching this one only: the way to search there
        // too is right here. (For a region without places of its own the note says so, and no more.)
        const code = home.place.careOfficeRegionCode;
        const served = code !== undefined && Object.hasOwn(regions.served, code);
        const tip = elsewhere && served && where === 'region' ? [` ${r.scopeTip}`] : [];
        return far ? [...lies, ` ${fill(regions.texts.farNearest, { region: data.regionName, km: Math.round(nearest) })}`, ...tip] : [...lies, ...tip];
      },
    };
  }

  function setFieldNote(parts: Array<string | Node> | undefined): void {
    if (!postcodeFar) return;
    postcodeFar.replaceChildren(...(parts ?? []));
    postcodeFar.hidden = parts === undefined;
  }

  function setPlaceNote(note: PlaceNote | undefined): void {
    setFieldNote(note?.parts());
    // With no result at all, the place is the first thing to check, not the musts.
    noResults?.replaceChildren(...(note ? note.parts() : [r.noResults]));
  }

  /** Asks the matcher. 'new' starts the list again; 'more' adds the next page. */
  async function search(
    mode: 'new' | 'more',
    place?: { postcode?: string; maxDistanceKm?: number; scope?: SearchScope },
    restore?: Pick<Opened, 'results' | 'near'>,
  ): Promise<'ok' | 'postcode' | 'error' | 'stale'> {
    if (!wishes) return 'error';
    const id = ++request;
    const postcode = place ? place.postcode : wishes.postcode;
    const maxDistanceKm = place ? place.maxDistanceKm : wishes.maxDistanceKm;
    const chosen = place?.scope ?? scope;
    // Nearby needs a place and a distance to measure; without them any distance will do: the country.
    const asked: SearchScope = chosen === 'nearby' && (postcode === undefined || maxDistanceKm === undefined) ? 'country' : chosen;
    const body: MatchRequestInput = {
      regionId: data.regionId,
      criteria: wishes.criteria,
      limit: Math.min(200, Math.max(PAGE_SIZE, restore?.results ?? 0)),
      offset: mode === 'more' ? shown.length : 0,
      ...(postcode !== undefined ? { postcode } : {}),
      ...(postcode !== undefined && maxDistanceKm !== undefined ? { maxDistanceKm } : {}),
      ...(asked !== 'region' ? { scope: asked } : {}),
    };
    resultList?.setAttribute('aria-busy', 'true');
    // The postcode's point (map house, "far outside the region") is looked up alongside, and the
    // list is drawn once both are in: a list drawn earlier could be paged ("show more") or changed
    // before its own search had finished, mixing two places.
    const [outcome, home] = await Promise.all([
      apiFetch((options) => api.match.$post({ json: body }, options)),
      mode === 'new' ? locateHome(postcode) : Promise.resolve(undefined),
    ]);
    if (id !== request) return 'stale';
    resultList?.removeAttribute('aria-busy');
    if (!outcome.ok) {
      changeNote.hide();
      if (outcome.kind === 'invalid' && outcome.fields.some((field) => field.path === 'postcode')) {
        // Said at the field, which gets focus (its description holds the error): not announced twice.
        // The list of the last search stays (nothing is lost), and is said to be the old one.
        setPostcodeError(resultsSection && !resultsSection.hidden ? `${r.errorPostcodeUnknown} ${r.listStillOld}` : r.errorPostcodeUnknown);
        setPlaceNote(undefined);
        say('');
        openPanel(true);
        postcodeInput?.focus();
        return 'postcode';
      }
      say('');
      showError(true);
      return 'error';
    }
    showError(false);
    setPostcodeError(undefined);
    const answer = explainMatch(outcome.value);
    if (mode === 'new') previousTotal = total;
    total = answer.total;
    asOf = new Date(outcome.value.asOf);
    if (mode === 'new') {
      const note = placeNote(home, asked);
      shown = answer.results;
      renderResults(postcode, 0);
      // Far from every place, each near miss is far too: none is an option worth showing.
      renderNearMisses(note?.far ? { ...answer, nearMisses: [] } : answer, postcode, restore?.near);
      favourites.refresh();
      renderMap();
      setPlaceNote(note);
      const found = shown.length < total ? `${count(r.found, total)} ${fill(r.shown, { shown: shown.length, total })}` : count(r.found, total);
      say(note ? `${found} ${textOf(note.parts())}` : found);
    } else {
      const from = shown.length;
      shown = [...shown, ...answer.results];
      renderResults(postcode, from);
      say(`${count(r.moreShown, answer.results.length)} ${fill(r.shown, { shown: shown.length, total })}`);
      resultList?.querySelector<HTMLElement>(`#${cardId(from + 1)} [data-result-link]`)?.focus();
      favourites.refresh();
      renderMap();
    }
    return 'ok';
  }

  /** Renders the list from `from` on (earlier cards stay as they are: "show more" keeps them). */
  function renderResults(postcode: string | undefined, from: number): void {
    if (!resultList) return;
    if (from === 0) {
      resultList.replaceChildren();
      // Judged on the first page and kept for "show more": cards already read do not change, and
      // a later card that knows the answer still says it.
      common = commonUnknowns(shown);
      renderCommonUnknowns();
    }
    const situation = new Set(wishes?.wishes.filter((wish) => wish.situation).map((wish) => wish.key));
    shown.slice(from).forEach((result, i) => {
      const number = from + i + 1;
      resultList.append(resultCard(result, cardId(number), number, {
        data, postcode, now: asOf, favourite: favourites.toggle(result), situation, commonUnknowns: common.keys,
      }));
    });
    if (resultsSection) resultsSection.hidden = false;
    if (noResults) noResults.hidden = shown.length > 0;
    if (moreButton) moreButton.hidden = shown.length >= total;
    const staleNote = resultsSection?.querySelector<HTMLElement>('[data-stale-note]');
    if (staleNote) staleNote.hidden = !shown.some((result) => isStale(result.waitingList, asOf));
  }

  function renderCommonUnknowns(): void {
    const box = resultsSection?.querySelector<HTMLElement>('[data-common-unknowns]');
    if (!box) return;
    box.hidden = common.reasons.length === 0;
    const wishes = new Intl.ListFormat(data.intlLocale, { type: 'conjunction' })
      .format(common.reasons.map((reason) => `${wishText(data.locale, reason)} (${importanceText(data.locale, reason.importance)})`));
    box.textContent = fill(common.everywhere ? r.commonUnknownsAll : r.commonUnknownsMost, { wishes });
  }

  function renderNearMisses(answer: ExplainedMatch, postcode: string | undefined, show?: number): void {
    const mustKeys = new Set(wishes?.wishes.filter((wish) => !wish.off && wish.criterion.importance === 'must').map((wish) => wish.key));
    nearMisses.render(answer.nearMisses, { postcode, mustKeys, now: asOf }, show);
  }

  /**
   * Looks up the point of the person's postcode (once per postcode) and draws it on the map. The
   * house is a help: without an answer the map stays as it is, and nothing is said about the place.
   */
  function locateHome(postcode: string | undefined): Promise<Home | undefined> {
    if (postcode === undefined) {
      located = undefined;
      return Promise.resolve(undefined);
    }
    if (located?.postcode === postcode) return located.lookup;
    const entry: NonNullable<typeof located> = { postcode, lookup: Promise.resolve(undefined) };
    entry.lookup = fetchPostcode(postcode).then((answer) => {
      if (!answer.ok) {
        // Not kept: the next search (or "try again") asks once more.
        if (located === entry) located = undefined;
        return undefined;
      }
      const { point, postcode: formatted } = answer.value;
      entry.home = { lat: point.lat, lon: point.lon, postcode: formatted, place: answer.value, label: fill(r.mapHome, { postcode: formatted }) };
      if (located === entry) renderMap();
      return entry.home;
    });
    located = entry;
    return entry.lookup;
  }

  /**
   * Points of locations in other regions (a search across borders): the page holds its own
   * region's, so those are asked of the API, once each, and the map is drawn again when they came.
   */
  const otherPoints = new Map<string, readonly [number, number] | undefined>();
  let mapRedraw = 0;
  function pointOf(locationId: string): readonly [number, number] | undefined {
    const own = data.points[locationId];
    if (own || otherPoints.has(locationId)) return own ?? otherPoints.get(locationId);
    otherPoints.set(locationId, undefined);
    void apiFetch((options) => api.locations[':locationId'].$get({ param: { locationId } }, options)).then((answer) => {
      if (!answer.ok) return;
      otherPoints.set(locationId, [answer.value.location.point.lat, answer.value.location.point.lon]);
      cancelAnimationFrame(mapRedraw);
      mapRedraw = requestAnimationFrame(renderMap);
    });
    return undefined;
  }

  function renderMap(): void {
    if (!mapBox || !mapSection) return;
    const markers: MapMarker[] = shown.flatMap((result, i) => {
      const point = pointOf(result.locationId);
      if (!point) return [];
      const number = i + 1;
      return [{
        lat: point[0], lon: point[1], number, targetId: cardId(number), group: result.locationId,
        label: fill(r.mapMarker, { number, name: result.name, location: result.locationName }),
      }];
    });
    mapSection.hidden = markers.length === 0;
    if (markers.length === 0) return;
    const home = located?.home;
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

  /** `fromElsewhere`: the change was not made in the wish list itself, so the list is drawn again. */
  function changeWish(key: string, setting: WishSetting, fromElsewhere = false): void {
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
    if (fromElsewhere) renderWishes(data, root, wishes, changeWish);
    void search('new').then((outcome) => {
      if (fromElsewhere) return toList(outcome);
      const wish = root.querySelector(`[data-wish-key="${CSS.escape(key)}"]`);
      if (outcome === 'ok' && wish) changeNote.show(wish, total, true, previousTotal);
    });
  }

  /**
   * Searches from another place; the place is kept (and saved) only once the API knows it: a
   * postcode it refuses stays in the box, with the error.
   */
  async function applyPlace(postcode: string | undefined, km: number | undefined, where: SearchScope = scope): Promise<'ok' | 'postcode' | 'error' | 'stale'> {
    const place = { ...(postcode !== undefined ? { postcode } : {}), ...(postcode !== undefined && km !== undefined ? { maxDistanceKm: km } : {}) };
    const outcome = await search('new', { ...place, scope: where });
    if (outcome !== 'ok' || !wishes) return outcome;
    wishes = { wishes: wishes.wishes, criteria: wishes.criteria, ignored: wishes.ignored, savedAt: wishes.savedAt, ...place };
    scope = where;
    adjustments = { ...adjustments, postcode: postcode ?? '', maxDistanceKm: km ?? null, ...(where !== 'region' ? { scope: where } : {}) };
    if (where === 'region') delete adjustments.scope;
    saveAdjustments(data.regionId, adjustments);
    describePlace(wishes);
    return outcome;
  }

  distanceSelect?.addEventListener('change', showKmField);
  placeForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!wishes || !postcodeInput || !distanceSelect) return;
    const typed = postcodeInput.value.trim();
    const postcodeWrong = typed !== '' && !PLACE_POSTCODE_PATTERN.test(typed);
    const km = chosenDistance();
    // Both boxes say what is wrong with them; what was typed stays, and the first wrong box gets focus.
    setPostcodeError(postcodeWrong ? r.errorPostcode : undefined);
    setKmError(km === 'wrong' ? r.errorDistance : undefined);
    if (postcodeWrong) postcodeInput.focus();
    else if (km === 'wrong') kmInput?.focus();
    if (postcodeWrong || km === 'wrong') return;
    void applyPlace(typed === '' ? undefined : typed, km, scopeOf(scopeSelect?.value)).then((outcome) => {
      if (outcome === 'ok') changeNote.show(placeForm, total, true, previousTotal);
    });
  });

  find('[data-action="reset-wishes"]')?.addEventListener('click', () => {
    adjustments = { ...adjustments, importance: {} };
    saveAdjustments(data.regionId, adjustments);
    void start().then(() => {
      const list = find('[data-wish-list]');
      if (list && resultsSection && !resultsSection.hidden) changeNote.show(list, total, true, previousTotal);
    });
  });

  moreButton?.addEventListener('click', () => void search('more'));

  // The card a person opens is remembered for the way back (and for the location page's link back).
  root.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-result-link]') : null;
    if (!link) return;
    rememberOpened(data.regionId, {
      href: link.getAttribute('href') ?? '', locationId: link.dataset.locationId ?? '', results: shown.length, near: nearMisses.shown(),
    });
  });
  // The list is drawn by script, so the browser's own scroll restoring lands anywhere: this page does it.
  history.scrollRestoration = 'manual';
  // Back from the browser's page cache the page is as it was left: nothing to return to.
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) forgetOpened(data.regionId);
  });

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
