// The questionnaire page's one client script (no framework): shows one step at a time, following
// the address (#stap-3), so the browser's Back button goes one step back; saves every change in
// this browser (lib/browser-store: localStorage, or the dossier in together mode) in the
// SavedAnswers format of shared/questionnaire, and puts saved answers back on
// load; shows "how much does it matter" only once an answer is a wish; checks postcode and number
// boxes before going on, with an error summary (nothing typed is thrown away), and looks the
// postcode up (GET /api/postcodes/{postcode}): unknown is an error at the box, outside the region
// a note that does not stop the person (where it lies, and a link to that region's questions when
// this site has them: lib/postcode-region.ts), and an API that cannot be reached lets them go on.
// "Hulp nodig bij deze vraag?" leaves the page: the step goes into the address first (so Back
// returns to it) and is remembered for this tab (so the questions link in the menu does too).
// Without this script the page still shows every question (and every importance).
// Only types come from shared/: importing zod here would cost more than the whole page budget.
import { PLACE_POSTCODE_PATTERN } from '../../../shared/domain/postcode-patterns.ts';
import type { Answer, Answers, SavedAnswers } from '../../../shared/questionnaire/answers.ts';
import type { Importance } from '../../../shared/domain/codes.ts';
import { fetchPostcode } from './lib/api-fetch.ts';
import { otherRegionNote, type PlaceFacts, type PostcodeRegionData } from './lib/postcode-region.ts';
import { fill } from './shortlist/dom.ts';
import { clearRegion, loadAnswers, rememberHelpStep, saveAnswers, takeHelpStep } from './lib/browser-store.ts';

const IMPORTANCE_VALUES: readonly string[] = ['must', 'important', 'nice'];
/** How long "Volgende stap" waits for the postcode check before letting the person go on. */
const LOOKUP_TIMEOUT_MS = 5000;

/** What the postcode check found: a known place (maybe in another care-office region), unknown, or no answer. */
type Lookup = { known: true; place: PlaceFacts } | { known: false } | undefined;

const form = document.querySelector<HTMLFormElement>('form[data-questionnaire]');
if (form) setUp(form);

function setUp(form: HTMLFormElement): void {
  const regionId = form.dataset.regionId ?? '';
  const questionnaireId = form.dataset.questionnaireId ?? '';
  const version = Number(form.dataset.version);
  const regions = readRegions(form);
  const steps = [...form.querySelectorAll<HTMLElement>('[data-step]')];
  const questions = [...form.querySelectorAll<HTMLElement>('[data-question-id]')];
  const summary = form.querySelector<HTMLElement>('[data-error-summary]');
  const status = document.querySelector<HTMLElement>('[data-status]');
  const clearButton = document.querySelector<HTMLButtonElement>('[data-action="clear"]');
  /** The postcode the person was told lies outside the region: a second "Volgende stap" goes on. */
  let noted = '';
  let current = 0;

  const inputs = (q: HTMLElement, name: string) => [...q.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`)];
  const checkedValue = (q: HTMLElement, name: string) => inputs(q, name).find((input) => input.checked)?.value;
  const field = (q: HTMLElement, name: string) => q.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(name)}"]`);
  const byId = (id: string) => document.getElementById(id);

  /** Whether the answer becomes a wish (so its importance counts): "Ja", an option with criteria, a number. */
  const weighs = (q: HTMLElement) =>
    [...q.querySelectorAll<HTMLInputElement>('input[data-weighs]')].some((input) => (input.type === 'text' ? input.value.trim() !== '' : input.checked));

  function showImportance(q: HTMLElement): void {
    const block = q.querySelector<HTMLElement>('[data-importance]');
    if (block) block.hidden = !weighs(q);
  }

  function readAnswer(q: HTMLElement): Answer | undefined {
    const id = q.dataset.questionId ?? '';
    const answer: Answer = {};
    switch (q.dataset.kind) {
      case 'single-choice': {
        const value = checkedValue(q, id);
        if (value) answer.choice = value;
        break;
      }
      case 'multi-choice': {
        const values = inputs(q, id).filter((input) => input.checked).map((input) => input.value);
        if (values.length > 0) answer.choices = values;
        break;
      }
      case 'yes-no-wish': {
        const value = checkedValue(q, id);
        if (value === 'yes' || value === 'no') answer.yes = value === 'yes';
        break;
      }
      case 'number': {
        const raw = field(q, id)?.value.trim() ?? '';
        if (/^\d{1,6}$/.test(raw)) answer.number = Number(raw);
        break;
      }
      case 'place': {
        const postcode = field(q, `${id}.postcode`)?.value.trim() ?? '';
        if (postcode) answer.postcode = postcode;
        const distance = checkedValue(q, `${id}.distance`);
        if (distance === 'other') {
          // A distance of one's own counts once it is usable; what is typed stays in its box either way.
          const own = field(q, `${id}.km`);
          if (own instanceof HTMLInputElement && own.value.trim() !== '' && isValid(own)) answer.maxDistanceKm = Number(own.value.trim());
        } else if (distance) {
          answer.maxDistanceKm = distance === 'none' ? null : Number(distance);
        }
        break;
      }
      case 'free-text': {
        const text = field(q, id)?.value ?? '';
        if (text.trim()) answer.text = text;
        break;
      }
    }
    if (Object.keys(answer).length === 0) return undefined;
    // Only an answer that is a wish has an importance; "Nee" or "Dat weet ik niet" has none.
    const importance = checkedValue(q, `${id}.importance`);
    if (q.dataset.asksImportance && weighs(q) && importance && IMPORTANCE_VALUES.includes(importance)) answer.importance = importance as Importance;
    return answer;
  }

  function writeAnswer(q: HTMLElement, answer: Answer): void {
    const id = q.dataset.questionId ?? '';
    const check = (name: string, value: string) => {
      for (const input of inputs(q, name)) if (input.value === value) input.checked = true;
    };
    switch (q.dataset.kind) {
      case 'single-choice':
        if (answer.choice) check(id, answer.choice);
        break;
      case 'multi-choice':
        for (const input of inputs(q, id)) input.checked = (answer.choices ?? []).includes(input.value);
        break;
      case 'yes-no-wish':
        if (answer.yes !== undefined) check(id, answer.yes ? 'yes' : 'no');
        break;
      case 'number': {
        const input = field(q, id);
        if (input && typeof answer.number === 'number') input.value = String(answer.number);
        break;
      }
      case 'place': {
        const input = field(q, `${id}.postcode`);
        if (input && answer.postcode) input.value = answer.postcode;
        if (answer.maxDistanceKm === undefined) break;
        const value = answer.maxDistanceKm === null ? 'none' : String(answer.maxDistanceKm);
        if (inputs(q, `${id}.distance`).some((radio) => radio.value === value)) {
          check(`${id}.distance`, value);
        } else {
          check(`${id}.distance`, 'other');
          const own = field(q, `${id}.km`);
          if (own) own.value = value;
        }
        break;
      }
      case 'free-text': {
        const input = field(q, id);
        if (input && answer.text) input.value = answer.text;
        break;
      }
    }
    if (answer.importance) check(`${id}.importance`, answer.importance);
  }

  // Unreadable or blocked storage: start empty.
  const load = (): Answers | undefined => loadAnswers(regionId)?.answers;

  function save(): void {
    const answers: Answers = {};
    for (const q of questions) {
      const answer = readAnswer(q);
      if (answer) answers[q.dataset.questionId ?? ''] = answer;
    }
    const saved: SavedAnswers = { regionId, questionnaireId, version, savedAt: new Date().toISOString(), answers };
    // Storage full or switched off: the answers stay on the page.
    saveAnswers(saved);
  }

  /** Marks a box as wrong (with its error text, or the one it has) or as right. */
  function mark(input: HTMLInputElement, error?: string): void {
    const message = byId(`${input.id}-error`);
    if (message) {
      message.hidden = error === undefined;
      if (error) message.textContent = error;
    }
    input.setAttribute('aria-invalid', String(error !== undefined));
    input.closest('.ww-question, .ww-field')?.classList.toggle('ww-has-error', error !== undefined);
  }

  /** The note at the postcode box: its parts, or none. */
  function note(input: HTMLInputElement, parts?: ReadonlyArray<string | Node>): void {
    byId(`${input.id}-note`)?.replaceChildren(...(parts ?? []));
  }

  /** The boxes of a step whose text cannot be used; marks them and returns them. */
  function check(step: HTMLElement): HTMLInputElement[] {
    const wrong: HTMLInputElement[] = [];
    for (const input of step.querySelectorAll<HTMLInputElement>('input[data-validate]')) {
      const ok = isValid(input);
      mark(input, ok ? undefined : (byId(`${input.id}-error`)?.dataset.format ?? ''));
      if (!ok) wrong.push(input);
    }
    return wrong;
  }

  function isValid(input: HTMLInputElement): boolean {
    const value = input.value.trim();
    if (value === '') return true; // every question may be skipped
    // A box that belongs to one choice (the distance of one's own) counts only with that choice.
    const choice = input.dataset.onlyWith;
    if (choice && !(byId(choice) as HTMLInputElement | null)?.checked) return true;
    if (input.dataset.validate === 'postcode') return PLACE_POSTCODE_PATTERN.test(value);
    const n = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
    return Number.isInteger(n) && n >= Number(input.dataset.min) && n <= Number(input.dataset.max);
  }

  /** Where a postcode lies; undefined when the API cannot say (offline, slow, broken). */
  async function lookUp(postcode: string): Promise<Lookup> {
    const answer = await fetchPostcode(postcode, LOOKUP_TIMEOUT_MS);
    if (answer.ok) return { known: true, place: answer.value };
    return answer.kind === 'not-found' ? { known: false } : undefined;
  }

  /** After the format check: is the postcode known, and in this region? Resolves true to go on. */
  async function placeChecked(input: HTMLInputElement): Promise<boolean> {
    const postcode = input.value.trim().toUpperCase();
    const found = await lookUp(postcode);
    if (found?.known === false) {
      note(input);
      mark(input, byId(`${input.id}-error`)?.dataset.unknown);
      showSummary([input]);
      return false;
    }
    const elsewhere = found?.known === true && regions ? otherRegionNote({ ...found.place, postcode }, regions) : undefined;
    note(input, elsewhere && regions ? [...elsewhere, ` ${fill(regions.texts.stayQuestionnaire, { region: regions.regionName })}`] : undefined);
    if (!elsewhere || noted === postcode) return true;
    noted = postcode;
    input.closest('.ww-field')?.scrollIntoView({ block: 'center' });
    return false;
  }

  function showSummary(wrong: HTMLInputElement[]): void {
    if (!summary) return;
    const list = summary.querySelector('[data-error-list]');
    list?.replaceChildren(
      ...wrong.map((input) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = `#${input.id}`;
        link.textContent = byId(`${input.id}-error`)?.textContent ?? '';
        link.addEventListener('click', (event) => {
          event.preventDefault();
          input.focus();
        });
        item.append(link);
        return item;
      }),
    );
    summary.hidden = wrong.length === 0;
    if (wrong.length > 0) summary.focus();
  }

  function stepFromHash(): number | undefined {
    const id = decodeURIComponent(location.hash.slice(1));
    const index = steps.findIndex((step) => step.id === id);
    return index >= 0 ? index : undefined;
  }

  function show(index: number, moveFocus: boolean): void {
    current = index;
    steps.forEach((step, i) => {
      step.hidden = i !== index;
    });
    if (summary) summary.hidden = true;
    if (moveFocus) {
      const heading = steps[index]?.querySelector<HTMLElement>('h2');
      heading?.focus({ preventScroll: true });
      form.scrollIntoView({ block: 'start' });
    }
  }

  /** True while a postcode is being looked up: another click then waits for that answer. */
  let checking = false;
  form.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('[data-action="next"]');
    const step = steps[current];
    if (!link || !step) return;
    if (checking) {
      event.preventDefault();
      return;
    }
    const wrong = check(step);
    if (wrong.length > 0) {
      event.preventDefault();
      showSummary(wrong);
      return;
    }
    if (summary) summary.hidden = true; // what it listed is right now
    const postcode = step.querySelector<HTMLInputElement>('input[data-validate="postcode"]');
    if (!postcode || postcode.value.trim() === '') return;
    // The link waits for the check; it goes on by itself when the postcode is fine.
    event.preventDefault();
    checking = true;
    link.setAttribute('aria-disabled', 'true');
    step.setAttribute('aria-busy', 'true');
    void placeChecked(postcode).then((goOn) => {
      checking = false;
      link.removeAttribute('aria-disabled');
      step.removeAttribute('aria-busy');
      if (goOn && steps[current] === step) location.hash = link.hash;
    });
  });
  form.addEventListener('click', (event) => {
    const help = (event.target as Element).closest('[data-step-help]');
    const stepId = steps[current]?.id;
    if (!help || !stepId) return;
    history.replaceState(history.state, '', `#${stepId}`);
    rememberHelpStep(regionId, stepId);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  const changed = (event: Event) => {
    const target = event.target as Element;
    // Typing a distance of one's own chooses it.
    if (target instanceof HTMLInputElement && target.dataset.onlyWith && target.value.trim() !== '') {
      const choice = byId(target.dataset.onlyWith);
      if (choice instanceof HTMLInputElement) choice.checked = true;
    }
    const q = target.closest<HTMLElement>('[data-question-id]');
    if (q) showImportance(q);
    save();
  };
  form.addEventListener('input', changed);
  // Errors are checked again only on the next "Next step" (as in the NL Design System and GOV.UK
  // patterns): re-checking on change moves the page under the pointer while it clicks.
  form.addEventListener('change', changed);
  window.addEventListener('hashchange', () => {
    const index = stepFromHash();
    if (index !== undefined) show(index, true);
  });

  clearButton?.addEventListener('click', () => {
    if (!window.confirm(clearButton.dataset.confirm ?? '')) return;
    clearRegion(regionId);
    form.reset();
    noted = '';
    for (const step of steps) check(step);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[data-validate="postcode"]')) note(input);
    for (const q of questions) showImportance(q);
    if (status) status.textContent = status.dataset.cleared ?? '';
    if (current !== 0) location.hash = steps[0]?.id ?? '';
  });

  const saved = load();
  if (saved) {
    for (const q of questions) {
      const answer = saved[q.dataset.questionId ?? ''];
      if (answer && typeof answer === 'object') writeAnswer(q, answer);
    }
    if (status && Object.keys(saved).length > 0) status.textContent = status.dataset.resumed ?? '';
  }
  for (const q of questions) showImportance(q);
  for (const nav of form.querySelectorAll<HTMLElement>('[data-step-nav]')) nav.hidden = false;
  if (clearButton) clearButton.hidden = false;
  const fromHash = stepFromHash();
  const helpStepId = takeHelpStep(regionId);
  const helpStep = steps.findIndex((step) => step.id === helpStepId);
  if (fromHash === undefined && helpStep > 0) {
    history.replaceState(history.state, '', `#${steps[helpStep]?.id ?? ''}`);
    show(helpStep, false);
    // Focus moved while the page still loads is taken back by the browser: the step's heading
    // gets it once loaded, so a screen reader starts at the question the person left.
    const focusStep = () => { if (current === helpStep) show(helpStep, true); };
    if (document.readyState === 'complete') focusStep();
    else window.addEventListener('load', focusStep, { once: true });
  } else {
    show(fromHash ?? 0, false);
  }
}

/** The page's region and the other regions of this site (QuestionnairePage.astro); none when unreadable. */
function readRegions(form: HTMLFormElement): PostcodeRegionData | undefined {
  try {
    return JSON.parse(form.dataset.postcodeRegions ?? 'null') as PostcodeRegionData | undefined;
  } catch {
    return undefined;
  }
}
