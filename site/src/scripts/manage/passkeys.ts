// Passkeys in the portal: "sign in with a passkey" on the sign-in view, and in the account panel the
// person's passkeys (remove one) and setting up a new one. @simplewebauthn/browser is imported only
// when a passkey is used, so the portal's page budget does not carry it. A browser without WebAuthn
// sees the code sign-in alone, and a note in the account panel. The server's refusals are said in
// the page's language (words.ts inPageLanguage); a prompt the person closed changes nothing.
import type { ApiOutcome } from '../lib/api-fetch.ts';
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { type Context, oneAtATime, required } from './context.ts';
import { clearErrors, showErrors } from './form-data.ts';
import { call, type Me } from './staff-api.ts';
import { dateInWords, inPageLanguage } from './words.ts';

interface Passkey { id: string; name: string; createdAt: string; lastUsedAt?: string }

// Options and answers pass through as the API and the library shape them: typed there.
type Json = Record<string, unknown>;
const passkeyApi = {
  registrationOptions: () => call<Json>('POST', '/api/auth/passkeys/registration-options'),
  register: (name: string, response: unknown) => call<Passkey>('POST', '/api/auth/passkeys', { name, response }),
  list: () => call<{ passkeys: Passkey[] }>('GET', '/api/auth/passkeys'),
  remove: (id: string) => call<{ removed: true }>('DELETE', `/api/auth/passkeys/${encodeURIComponent(id)}`),
  signInOptions: () => call<Json>('POST', '/api/auth/passkey-sign-in/options'),
  signIn: (response: unknown) => call<Me>('POST', '/api/auth/passkey-sign-in', { response }),
};

const supported = () => typeof window.PublicKeyCredential === 'function';
const library = () => import('@simplewebauthn/browser');

export interface PasskeyViews {
  /** Fills the account panel's list; called once someone is signed in. */
  showSettings(): Promise<void>;
}

export function setUpPasskeys(ctx: Context, onSignedIn: (me: Me) => void): PasskeyViews {
  const m = ctx.data.texts.passkeys;
  const signInPart = required<HTMLElement>(document, '[data-passkey-sign-in]');
  const signInError = required<HTMLElement>(signInPart, '[data-passkey-error]');
  const settings = required<HTMLElement>(document, '[data-passkeys]');
  const form = required<HTMLFormElement>(settings, 'form[data-form="passkey"]');
  const nameBox = required<HTMLInputElement>(form, 'input[name="name"]');
  const list = required<HTMLElement>(settings, '[data-passkey-list]');
  const none = required<HTMLElement>(settings, '[data-passkeys-none]');
  const words = { messages: {}, labels: {} };

  signInPart.hidden = !supported();
  required<HTMLElement>(settings, '[data-passkeys-supported]').hidden = !supported();
  required<HTMLElement>(settings, '[data-passkeys-unsupported]').hidden = supported();

  /** The server's words for a refusal it explains (400, 409, 429); the portal's own for the rest. */
  function refusal(outcome: ApiOutcome<unknown> & { ok: false }): string | undefined {
    if (outcome.kind === 'invalid' || (outcome.kind === 'refused' && (outcome.status === 409 || outcome.status === 429))) {
      return inPageLanguage(ctx.data, outcome.message);
    }
    return undefined;
  }

  function sayAtSignIn(text: string): void {
    signInError.textContent = text;
    signInError.hidden = text === '';
  }

  async function signIn(): Promise<void> {
    sayAtSignIn('');
    const options = await passkeyApi.signInOptions();
    if (!options.ok) return void (refusal(options) ? sayAtSignIn(refusal(options) ?? '') : ctx.failed(options));
    const { startAuthentication } = await library();
    let response: unknown;
    try {
      response = await startAuthentication({ optionsJSON: options.value as never });
    } catch {
      return sayAtSignIn(m.signInStopped);
    }
    const outcome = await passkeyApi.signIn(response);
    if (outcome.ok) return onSignedIn(outcome.value);
    const text = refusal(outcome);
    if (text) sayAtSignIn(text);
    else ctx.failed(outcome);
  }

  function row(passkey: Passkey): HTMLElement {
    const dates = [fill(m.created, { date: dateInWords(ctx.data, passkey.createdAt) })];
    if (passkey.lastUsedAt) dates.push(fill(m.lastUsed, { date: dateInWords(ctx.data, passkey.lastUsedAt) }));
    const remove = el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'aria-label': fill(m.removeLabel, { name: passkey.name }) }, m.remove);
    remove.addEventListener('click', once(() => removePasskey(passkey)));
    return el('li', { class: 'ww-manage__passkey', 'data-passkey': passkey.id }, el('strong', {}, passkey.name), el('span', {}, dates.join('. ')), remove);
  }

  async function showSettings(): Promise<void> {
    if (!supported()) return;
    const outcome = await passkeyApi.list();
    if (!outcome.ok) return ctx.failed(outcome);
    replaceChildren(list, ...outcome.value.passkeys.map(row));
    none.hidden = outcome.value.passkeys.length > 0;
  }

  async function setUp(): Promise<void> {
    clearErrors(form);
    const name = nameBox.value.trim();
    if (name === '' || name.length > 60) return showErrors(form, [{ path: 'name', message: m.nameInvalid }], words, '');
    const options = await passkeyApi.registrationOptions();
    if (!options.ok) return ctx.failed(options);
    const { startRegistration } = await library();
    let response: unknown;
    try {
      response = await startRegistration({ optionsJSON: options.value as never });
    } catch {
      return ctx.alert(m.setUpStopped);
    }
    const outcome = await passkeyApi.register(name, response);
    if (!outcome.ok) {
      const text = refusal(outcome);
      return text ? ctx.alert(text) : ctx.failed(outcome);
    }
    nameBox.value = '';
    await showSettings();
    ctx.announce(m.added);
  }

  async function removePasskey(passkey: Passkey): Promise<void> {
    const outcome = await passkeyApi.remove(passkey.id);
    // Gone already (removed on another device): the list is brought up to date all the same.
    if (!outcome.ok && outcome.kind !== 'not-found') return ctx.failed(outcome);
    await showSettings();
    ctx.announce(fill(m.removed, { name: passkey.name }));
    nameBox.focus();
  }

  /** One request at a time: a second press while waiting does nothing. */
  const once = oneAtATime(ctx).on;
  required<HTMLButtonElement>(signInPart, '[data-action="passkey-sign-in"]').addEventListener('click', once(signIn));
  form.addEventListener('submit', once(setUp));

  return { showSettings };
}
