// The easy-read questionnaire's one script: one question per screen, following the address
// (#vraag-3), so the browser's Back goes one question back; every answer saved at once in this
// browser in the same SavedAnswers format as the ordinary questions page (so its results, report
// and favourites see the same answers). "Weet ik niet" removes the answer (or picks the
// questionnaire's own "don't know" option): it never becomes a criterion. No time limits.
// Only types come from shared/ (no zod: page budget).
import { PLACE_POSTCODE_PATTERN } from '../../../../shared/domain/postcode-patterns.ts';
import type { Answer, SavedAnswers } from '../../../../shared/questionnaire/answers.ts';
import { loadAnswers, saveAnswers } from '../lib/browser-store.ts';
import { setUpReadAloud } from './read-aloud.ts';

setUpReadAloud();
const form = document.querySelector<HTMLFormElement>('form[data-easy-questionnaire]');
if (form) setUp(form);

function setUp(form: HTMLFormElement): void {
  const regionId = form.dataset.regionId ?? '';
  const screens = [...form.querySelectorAll<HTMLElement>('[data-easy-question]')];
  const back = form.querySelector<HTMLButtonElement>('[data-action="back"]');
  const next = form.querySelector<HTMLButtonElement>('[data-action="next"]');
  const nextLabel = form.querySelector<HTMLElement>('[data-next-label]');
  const firstNextLabel = nextLabel?.textContent ?? '';
  const hashWord = document.documentElement.lang === 'en' ? 'question' : 'vraag';
  let current = -1;

  const inputs = (screen: HTMLElement) => [...screen.querySelectorAll<HTMLInputElement>('input, textarea')] as Array<HTMLInputElement | HTMLTextAreaElement>;
  const boxes = (screen: HTMLElement) => [...screen.querySelectorAll<HTMLInputElement>('input[type=radio], input[type=checkbox]')];

  function answers(): SavedAnswers['answers'] {
    return loadAnswers(regionId)?.answers ?? {};
  }

  /** Puts a saved answer back on its screen. */
  function restore(screen: HTMLElement, answer: Answer | undefined): void {
    const dontKnow = screen.dataset.dontKnow ?? '';
    switch (screen.dataset.kind) {
      case 'single-choice':
      case 'multi-choice': {
        const chosen = new Set(answer?.choices ?? (answer?.choice ? [answer.choice] : []));
        for (const box of boxes(screen)) box.checked = box.dataset.dontKnow !== undefined ? dontKnow !== '' && chosen.has(dontKnow) : chosen.has(box.value);
        return;
      }
      case 'yes-no-wish':
        for (const box of boxes(screen)) box.checked = answer?.yes === undefined ? false : box.value === (answer.yes ? 'yes' : 'no');
        return;
      case 'number':
        for (const input of inputs(screen)) input.value = answer?.number === undefined ? '' : String(answer.number);
        return;
      case 'place': {
        const postcode = screen.querySelector<HTMLInputElement>('input[type=text]');
        if (postcode) postcode.value = answer?.postcode ?? '';
        const km = answer?.maxDistanceKm === undefined ? undefined : answer.maxDistanceKm === null ? 'none' : String(answer.maxDistanceKm);
        for (const box of boxes(screen)) box.checked = box.value === km;
        return;
      }
      case 'free-text':
        for (const input of inputs(screen)) input.value = answer?.text ?? '';
        return;
    }
  }

  /** The screen's answer; undefined is "no answer" (skipped, or "Weet ik niet"); 'wrong' when a box cannot be used. */
  function read(screen: HTMLElement, old: Answer | undefined): Answer | undefined | 'wrong' {
    const importance = old?.importance !== undefined ? { importance: old.importance } : {};
    const checked = boxes(screen).filter((box) => box.checked);
    const dontKnow = screen.dataset.dontKnow ?? '';
    const saysDontKnow = checked.some((box) => box.dataset.dontKnow !== undefined);
    switch (screen.dataset.kind) {
      case 'single-choice':
        if (saysDontKnow) return dontKnow ? { choice: dontKnow } : undefined;
        return checked[0] ? { choice: checked[0].value, ...importance } : undefined;
      case 'multi-choice': {
        if (saysDontKnow || checked.length === 0) return undefined;
        return { choices: checked.map((box) => box.value), ...importance };
      }
      case 'yes-no-wish':
        if (saysDontKnow || !checked[0]) return undefined;
        return { yes: checked[0].value === 'yes', ...importance };
      case 'number': {
        const typed = screen.querySelector<HTMLInputElement>('input')?.value.trim() ?? '';
        if (typed === '') return undefined;
        const input = screen.querySelector<HTMLInputElement>('input');
        const n = /^\d{1,3}$/.test(typed) ? Number(typed) : Number.NaN;
        return n >= Number(input?.dataset.min) && n <= Number(input?.dataset.max) ? { number: n, ...importance } : 'wrong';
      }
      case 'place': {
        const typed = screen.querySelector<HTMLInputElement>('input[type=text]')?.value.trim() ?? '';
        if (typed !== '' && !PLACE_POSTCODE_PATTERN.test(typed)) return 'wrong';
        const km = checked[0]?.value;
        if (typed === '') return undefined;
        const place: Answer = { postcode: typed.toUpperCase() };
        if (km !== undefined) place.maxDistanceKm = km === 'none' ? null : Number(km);
        return place;
      }
      case 'free-text': {
        const text = screen.querySelector('textarea')?.value.trim() ?? '';
        return text === '' ? undefined : { text };
      }
      default:
        return undefined;
    }
  }

  function save(screen: HTMLElement): boolean {
    const questionId = screen.dataset.easyQuestion ?? '';
    const all = { ...answers() };
    const answer = read(screen, all[questionId]);
    const error = screen.querySelector<HTMLElement>('[data-error]');
    const box = screen.querySelector<HTMLInputElement>('input[type=text]');
    if (answer === 'wrong') {
      if (error) error.hidden = false;
      box?.setAttribute('aria-invalid', 'true');
      box?.focus();
      return false;
    }
    if (error) error.hidden = true;
    box?.removeAttribute('aria-invalid');
    if (answer === undefined) delete all[questionId];
    else all[questionId] = answer;
    saveAnswers({
      regionId,
      questionnaireId: form.dataset.questionnaireId ?? '',
      version: Number(form.dataset.version),
      savedAt: new Date().toISOString(),
      answers: all,
    });
    return true;
  }

  function show(index: number, focus: boolean): void {
    current = Math.max(0, Math.min(index, screens.length - 1));
    screens.forEach((screen, i) => (screen.hidden = i !== current));
    const screen = screens[current];
    if (!screen) return;
    restore(screen, answers()[screen.dataset.easyQuestion ?? '']);
    if (back) back.hidden = current === 0;
    if (nextLabel) nextLabel.textContent = current === screens.length - 1 ? next?.dataset.last ?? firstNextLabel : firstNextLabel;
    if (focus) screen.querySelector<HTMLElement>('[data-easy-heading]')?.focus();
  }

  const indexInHash = () => {
    const match = new RegExp(`^#${hashWord}-(\\d+)$`).exec(location.hash);
    return match ? Number(match[1]) - 1 : 0;
  };
  const go = (index: number) => {
    location.hash = `${hashWord}-${index + 1}`;
  };

  // "Weet ik niet" as a card clears the other cards (and a card clears it); as a button it goes on.
  form.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const screen = box.closest<HTMLElement>('[data-easy-question]');
    if (!screen || box.type !== 'checkbox' || !box.checked) return;
    for (const other of boxes(screen)) {
      if (other !== box && (box.dataset.dontKnow !== undefined || other.dataset.dontKnow !== undefined)) other.checked = false;
    }
  });
  form.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
    const screen = screens[current];
    if (!button || !screen) return;
    if (button.dataset.action === 'back') {
      if (save(screen)) go(current - 1);
    } else if (button.dataset.action === 'dont-know') {
      for (const input of inputs(screen)) {
        if (input instanceof HTMLInputElement && (input.type === 'radio' || input.type === 'checkbox')) input.checked = false;
        else input.value = '';
      }
      if (save(screen)) form.requestSubmit();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const screen = screens[current];
    if (!screen || !save(screen)) return;
    if (current === screens.length - 1) location.assign(form.dataset.results ?? '');
    else go(current + 1);
  });
  window.addEventListener('hashchange', () => show(indexInHash(), true));
  show(indexInHash(), false);
}
