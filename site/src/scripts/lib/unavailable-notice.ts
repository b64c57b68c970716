// The one way a page's script says that something could not be loaded: the message in the page's
// language and a button that asks again. It takes the place of only the part that could not be
// loaded, so what the person typed or chose elsewhere on the page stays as it was.
import { el } from '../shortlist/dom.ts';

export interface UnavailableTexts {
  /** "It does not work right now; what you filled in stays; try again." */
  message: string;
  /** The button: "Probeer opnieuw" / "Try again". */
  retry: string;
}

/**
 * The notice, as an alert; `{ alert: false }` when it goes into a box that is an alert already
 * (a second role="alert" inside it would be announced twice).
 */
export function unavailableNotice(texts: UnavailableTexts, retry: () => void, options: { alert?: boolean } = {}): HTMLElement {
  const button = el('button', { type: 'button', class: 'ww-button' }, texts.retry);
  button.addEventListener('click', () => retry());
  return options.alert === false
    ? el('div', {}, el('p', {}, texts.message), button)
    : el('div', { class: 'ww-alert', role: 'alert' }, el('p', {}, texts.message), button);
}
