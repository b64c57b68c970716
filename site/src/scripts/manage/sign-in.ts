// The sign-in view: an email address, then the 6-digit code mailed to it. Each refusal is said at
// its box in the page's language (a wrong code with the tries left, an expired or used one, too
// many tries with when to try again), and nothing typed is cleared. The address and the step are
// kept for this tab, so a reload (or going to the mail app and back) stays at the code; an address
// whose invitation was just accepted (the invitation page) is filled in.
import type { ApiOutcome } from '../lib/api-fetch.ts';
import { fill } from '../shortlist/dom.ts';
import { type Context, oneAtATime, required } from './context.ts';
import { clearErrors, showErrors } from './form-data.ts';
import { staffApi, type Me } from './staff-api.ts';
import { count, inPageLanguage } from './words.ts';

const STORE_KEY = 'woonwijzer.manage.signIn';
const INVITED_KEY = 'woonwijzer.manage.invited';

/** The address an invitation was just accepted for: the sign-in's box holds it when the portal opens. */
export function rememberInvitedAddress(email: string): void {
  try {
    sessionStorage.setItem(INVITED_KEY, email);
  } catch {
    // Storage switched off: the person types the address.
  }
}

function takeInvitedAddress(): string | null {
  try {
    const email = sessionStorage.getItem(INVITED_KEY);
    sessionStorage.removeItem(INVITED_KEY);
    return email;
  } catch {
    return null;
  }
}
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function setUpSignIn(ctx: Context, onSignedIn: (me: Me) => void): { show(): void } {
  const view = required<HTMLElement>(document, '[data-view="sign-in"]');
  const emailForm = required<HTMLFormElement>(view, 'form[data-form="email"]');
  const codeForm = required<HTMLFormElement>(view, 'form[data-form="code"]');
  const emailBox = required<HTMLInputElement>(emailForm, 'input[name="email"]');
  const codeBox = required<HTMLInputElement>(codeForm, 'input[name="code"]');
  const m = ctx.data.texts.signIn;
  const words = { messages: {}, labels: {} };

  const say = (form: HTMLFormElement, path: string, message: string) => showErrors(form, [{ path, message }], words, '');
  const tooMany = (outcome: { retryAfterSeconds?: number }) =>
    outcome.retryAfterSeconds ? count(ctx.data, m.tooMany, Math.ceil(outcome.retryAfterSeconds / 60)) : m.tooManyCodes;

  function remember(email: string | undefined): void {
    try {
      if (email) sessionStorage.setItem(STORE_KEY, email);
      else sessionStorage.removeItem(STORE_KEY);
    } catch {
      // Storage switched off: the step is only lost on a reload.
    }
  }

  function codeStep(email: string, focus: boolean): void {
    emailForm.hidden = true;
    codeForm.hidden = false;
    const sent = codeForm.querySelector('[data-code-sent]');
    if (sent) sent.textContent = fill(m.codeSent, { email });
    if (focus) codeBox.focus();
  }

  function emailStep(): void {
    codeForm.hidden = true;
    emailForm.hidden = false;
    clearErrors(codeForm);
    emailBox.focus();
  }

  async function requestCode(): Promise<void> {
    const email = emailBox.value.trim();
    clearErrors(emailForm);
    if (!EMAIL.test(email)) return say(emailForm, 'email', m.emailInvalid);
    const again = !codeForm.hidden;
    const outcome = await staffApi.requestCode(email);
    if (outcome.ok) {
      remember(email);
      codeStep(email, !again);
      // The first time the code box takes focus and its description says where the code went.
      if (again) ctx.announce(fill(m.codeSent, { email }));
    } else if (outcome.kind === 'invalid') {
      emailStep();
      say(emailForm, 'email', m.emailInvalid);
    } else {
      refused(outcome, codeForm.hidden ? emailForm : codeForm);
    }
  }

  function refused(outcome: ApiOutcome<unknown> & { ok: false }, form: HTMLFormElement): void {
    if (outcome.kind === 'refused' && outcome.status === 429) {
      say(form, form === codeForm ? 'code' : 'email', tooMany(outcome));
    } else {
      ctx.failed(outcome);
    }
  }

  async function signIn(): Promise<void> {
    const email = emailBox.value.trim();
    const code = codeBox.value.replace(/\s+/g, '');
    clearErrors(codeForm);
    if (!/^[0-9]{6}$/.test(code)) return say(codeForm, 'code', m.codeInvalid);
    const outcome = await staffApi.signIn(email, code);
    if (outcome.ok) {
      remember(undefined);
      codeBox.value = '';
      emailForm.hidden = false;
      codeForm.hidden = true;
      onSignedIn(outcome.value);
    } else if (outcome.kind === 'invalid') {
      const wrong = outcome.fields.find((field) => field.path === 'code');
      if (wrong) say(codeForm, 'code', inPageLanguage(ctx.data, wrong.message));
      else {
        emailStep();
        say(emailForm, 'email', m.emailInvalid);
      }
    } else {
      refused(outcome, codeForm);
    }
  }

  const once = oneAtATime(ctx).on;
  emailForm.addEventListener('submit', once(requestCode));
  codeForm.addEventListener('submit', once(signIn));
  view.querySelector('[data-action="new-code"]')?.addEventListener('click', once(requestCode));
  view.querySelector('[data-action="other-email"]')?.addEventListener('click', emailStep);

  return {
    show() {
      let email: string | null;
      try {
        email = sessionStorage.getItem(STORE_KEY);
      } catch {
        email = null;
      }
      if (email && emailBox.value === '') {
        emailBox.value = email;
        codeStep(email, false);
      }
      const invited = takeInvitedAddress();
      if (invited && emailBox.value === '') emailBox.value = invited;
    },
  };
}
