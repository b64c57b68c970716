// Reading and filling the portal's forms by the field paths they carry (`data-field`, the path in
// the API's body), and putting a refused save's messages at their fields. What is typed is sent as
// typed: a number box holding "abc" goes as text, so the API names the field, and nothing is
// thrown away. An optional list with nothing ticked is left out (unknown); "none of these" sends
// an empty list (known: none).
import type { FieldError } from '../../../../shared/domain/views.ts';
import { el, replaceChildren } from '../shortlist/dom.ts';

type Values = Record<string, unknown>;
const NONE = '-';

const fieldsOf = (form: HTMLElement) => [...form.querySelectorAll<HTMLElement>('[data-field]')].filter((field) => !field.hidden);
const boxes = (field: HTMLElement) => [...field.querySelectorAll<HTMLInputElement>('input[type="checkbox"], input[type="radio"]')];
const textBox = (field: HTMLElement) => field.querySelector<HTMLInputElement | HTMLTextAreaElement>('input[type="text"], input[type="email"], textarea');

export function getPath(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at && typeof at === 'object' ? (at as Values)[key] : undefined), values);
}

export function setPath(values: Values, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() ?? '';
  let at = values;
  for (const key of keys) at = (at[key] ??= {}) as Values;
  if (value === undefined) delete at[last];
  else at[last] = value;
}

function readField(field: HTMLElement): unknown {
  const optional = field.dataset.optional !== undefined;
  const checked = boxes(field).filter((box) => box.checked).map((box) => box.value);
  switch (field.dataset.kind) {
    case 'text': {
      const value = textBox(field)?.value.trim() ?? '';
      return value === '' && optional ? undefined : value;
    }
    case 'integer': {
      const value = textBox(field)?.value.trim() ?? '';
      if (value === '') return undefined;
      return /^-?\d{1,9}$/.test(value) ? Number(value) : value;
    }
    case 'code':
      return checked[0] || undefined;
    case 'flag':
      return checked[0] ? checked[0] === 'true' : undefined;
    default: {
      const codes = checked.filter((value) => value !== NONE);
      const other = field.dataset.kind === 'languages' ? (textBox(field)?.value ?? '').toLowerCase().split(/[\s,;]+/).filter(Boolean) : [];
      const all = [...new Set([...codes, ...other])];
      if (all.length === 0 && !checked.includes(NONE)) return optional ? undefined : [];
      return all;
    }
  }
}

/** The form's values as the API's body holds them (nested by path). */
export function readForm(form: HTMLElement): Values {
  const values: Values = {};
  for (const field of fieldsOf(form)) setPath(values, field.dataset.field ?? '', readField(field));
  return values;
}

export function fillForm(form: HTMLElement, values: unknown): void {
  for (const field of fieldsOf(form)) {
    const value = getPath(values, field.dataset.field ?? '');
    const kind = field.dataset.kind;
    if (kind === 'text' || kind === 'integer') {
      const box = textBox(field);
      if (box) box.value = value === undefined ? '' : String(value);
    } else if (kind === 'code' || kind === 'flag') {
      for (const box of boxes(field)) box.checked = box.value === (value === undefined ? '' : String(value));
    } else {
      const list = Array.isArray(value) ? value.map(String) : undefined;
      const offered = boxes(field).map((box) => box.value);
      for (const box of boxes(field)) box.checked = list !== undefined && (box.value === NONE ? list.length === 0 : list.includes(box.value));
      const other = kind === 'languages' ? textBox(field) : null;
      if (other) other.value = (list ?? []).filter((code) => !offered.includes(code)).join(', ');
    }
  }
}

/** "None of these" and a code exclude each other: ticking one unticks the other. */
export function keepNoneExclusive(form: HTMLElement): void {
  form.addEventListener('change', (event) => {
    const box = event.target;
    if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox' || !box.checked) return;
    const field = box.closest<HTMLElement>('[data-field]');
    if (!field) return;
    for (const other of boxes(field)) if ((box.value === NONE) !== (other.value === NONE)) other.checked = false;
  });
}

/** The field a path of a refused body points at: `housingForm.careProfiles.2` → `careProfiles`. */
function fieldFor(form: HTMLElement, path: string): HTMLElement | undefined {
  const fields = fieldsOf(form);
  for (let keys = path.split('.'); keys.length > 0; keys = keys.slice(0, -1)) {
    const found = fields.find((field) => field.dataset.field === keys.join('.'));
    if (found) return found;
  }
  return undefined;
}

export function clearErrors(form: HTMLElement, summary?: HTMLElement | null): void {
  for (const field of fieldsOf(form)) {
    field.classList.remove('ww-has-error');
    const message = field.querySelector<HTMLElement>('[data-error]');
    if (message) message.hidden = true;
    for (const input of field.querySelectorAll('input, textarea')) input.removeAttribute('aria-invalid');
  }
  if (summary) summary.hidden = true;
}

export interface ErrorWords {
  /** Field path → what to do, in the page's language. */
  messages: Record<string, string>;
  labels: Record<string, string>;
}

/**
 * Puts each message at its field (`aria-invalid`, the message in the field's `aria-describedby`)
 * and, with a summary, lists them there as links to the fields and moves focus to it; without one,
 * focus goes to the first wrong field. `prefix` is what the API puts before the form's own paths.
 */
export function showErrors(form: HTMLElement, errors: readonly FieldError[], words: ErrorWords, prefix: string, summary?: HTMLElement | null): void {
  clearErrors(form, summary);
  const items: HTMLElement[] = [];
  let first: HTMLElement | undefined;
  for (const error of errors) {
    const path = error.path.startsWith(prefix) ? error.path.slice(prefix.length) : error.path;
    const field = fieldFor(form, path);
    const key = field?.dataset.field ?? '';
    const text = words.messages[key] ?? words.messages.other ?? error.message;
    const input = field?.querySelector<HTMLElement>('input, textarea');
    if (field && input) {
      field.classList.add('ww-has-error');
      const message = field.querySelector<HTMLElement>('[data-error]');
      if (message) {
        message.textContent = text;
        message.hidden = false;
      }
      for (const box of field.querySelectorAll('input, textarea')) box.setAttribute('aria-invalid', 'true');
      first ??= input;
    }
    const label = words.labels[key];
    const line = label ? `${label}: ${text}` : text;
    if (!items.some((item) => item.textContent === line)) {
      items.push(el('li', {}, input ? el('a', { href: `#${input.id}`, 'data-focus': input.id }, line) : line));
    }
  }
  if (summary) {
    const list = summary.querySelector('[data-error-list]');
    if (list) replaceChildren(list, ...items);
    summary.hidden = false;
    summary.focus();
  } else {
    first?.focus();
  }
}

/** A summary's links move focus to their field (the page's address stays as it is). */
export function linkSummary(summary: HTMLElement | null): void {
  summary?.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-focus]');
    if (!link) return;
    event.preventDefault();
    document.getElementById(link.dataset.focus ?? '')?.focus();
  });
}
