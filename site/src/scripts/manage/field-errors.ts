// The API's field errors (400 `fields`, paths such as organizations.2.name or
// questionnaire.themes.0.questions.1.text.nl) put at the form's fields: each message goes to the
// box whose data-path is the longest start of its path, into that box's own [data-error] line, and
// its control is marked invalid; the first field with a message gets the focus. Called with no
// fields it clears them all.
import type { FieldError } from '../../../../shared/domain/views.ts';

export function showFieldErrors(form: ParentNode, fields: readonly Pick<FieldError, 'path' | 'message'>[]): void {
  const boxes = [...form.querySelectorAll<HTMLElement>('[data-path]')];
  const messages = new Map<HTMLElement, string[]>();
  for (const { path: raw, message } of fields) {
    const at = raw.replace(/^(body|json)\./, '');
    const home = boxes.filter((box) => at === box.dataset.path || at.startsWith(`${box.dataset.path ?? ''}.`))
      .sort((a, b) => (b.dataset.path ?? '').length - (a.dataset.path ?? '').length)[0];
    if (home) messages.set(home, [...(messages.get(home) ?? []), message]);
  }
  for (const box of boxes) {
    const said = messages.get(box);
    const error = [...box.children].find((child) => child instanceof HTMLElement && child.dataset.error !== undefined) as HTMLElement | undefined;
    if (error) {
      error.textContent = said?.join(' ') ?? '';
      error.hidden = !said;
    }
    const control = box.querySelector<HTMLElement>(':scope > input, :scope > textarea');
    if (said) control?.setAttribute('aria-invalid', 'true');
    else control?.removeAttribute('aria-invalid');
  }
  const first = boxes.find((box) => messages.has(box));
  first?.querySelector<HTMLElement>('input, textarea')?.focus();
}
