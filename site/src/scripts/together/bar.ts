// Together mode's bar and its saving to the dossier, loaded by lib/browser-store.ts only while this
// tab works in a dossier. The bar says with whom and where things are saved, and stops together
// mode. Every change the pages mark (answers, shortlist) goes to the dossier a moment later:
// answers as a new version based on the newest one this tab had, the shortlist whole with the
// supporter's notes kept. What could not be sent stays marked in this tab and is sent again (after
// a pause, on "Nu opnieuw proberen", when the network is back, on the next page); a colleague's
// save in between (409) is said in plain words, and the person chooses to save theirs on top.
// An ended session or stopping removes every key of the client (forgetTogether) and leaves the page.
import {
  forgetTogether, loadAnswers, loadShortlist, markSent, pendingParts, TOGETHER_CHANGED_EVENT, togetherSession, updateTogether,
  type TogetherPart, type TogetherSession, type TogetherTexts,
} from '../lib/browser-store.ts';
import type { ApiOutcome } from '../lib/api-fetch.ts';
import { el, fill } from '../shortlist/dom.ts';
import { currentVersion, dossierApi } from './dossier-api.ts';

/** Typing goes on for a while: one save for a burst of changes. */
const SAVE_DELAY_MS = 1200;
const RETRY_DELAY_MS = 10_000;

/** Each tab has one bar; set up again when together mode starts over with another dossier (entry.ts). */
let installed = false;

/** Shows the bar for the dossier this tab works in now (replacing one shown before), and starts saving. */
export function showBar(): void {
  const session = togetherSession();
  document.querySelector('[data-together-bar]')?.remove();
  if (!session) return;
  render(session);
  if (!installed) install();
  installed = true;
}


interface Bar {
  texts: TogetherTexts;
  locale: 'nl' | 'en';
  entry: string;
  status: HTMLElement;
  say(text: string, options?: { anyway?: boolean; canRetry?: boolean }): void;
}
let bar: Bar | undefined;
let timer: number | undefined;
let busy = false;
let again = false;
/** A part waiting for the person's choice after a colleague's save, with the dossier's newest version. */
let conflict: { part: TogetherPart; version: number } | undefined;
/** Refused for good (no right, gone, not accepted): nothing is sent again until the page is left. */
let blocked = false;

function render(session: TogetherSession): void {
  const locale = document.documentElement.lang === 'en' ? 'en' : 'nl';
  const m = session.texts[locale];
  const entry = session.entry[locale];
  const status = el('p', { class: 'ww-together-bar__status', role: 'status', 'data-together-status': true });
  const problemText = el('span', {});
  const saveAnyway = el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-action': 'together-save-anyway', hidden: true }, m.saveAnyway);
  const retry = el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-action': 'together-retry', hidden: true }, m.retry);
  const stop = el('button', { type: 'button', class: 'ww-button', 'data-action': 'together-stop' }, m.stop);
  const section = el('section', { class: 'ww-together-bar ww-no-print', 'aria-labelledby': 'ww-together-with', 'data-together-bar': true },
    el('div', { class: 'ww-container ww-together-bar__inner' },
      el('p', { class: 'ww-together-bar__who' },
        el('strong', { id: 'ww-together-with' }, fill(m.with, { label: session.label })), ' ',
        el('span', {}, fill(m.where, { organization: session.organizationName }))),
      status,
      el('div', { class: 'ww-together-bar__problem', role: 'alert', 'data-together-problem': true }, problemText, ' ', saveAnyway, ' ', retry),
      el('p', { class: 'ww-together-bar__actions' },
        el('a', { href: `${entry}?dossier=${encodeURIComponent(session.dossierId)}` }, m.entry), ' ', stop)));
  document.body.insertBefore(section, document.querySelector('header') ?? document.body.firstChild);
  bar = {
    texts: m, locale, entry, status,
    say(text, { anyway = false, canRetry = false } = {}) {
      problemText.textContent = text;
      saveAnyway.hidden = !anyway;
      retry.hidden = !canRetry;
    },
  };
  saveAnyway.addEventListener('click', () => {
    if (!conflict) return;
    updateTogether(conflict.part === 'answers' ? { answersVersion: conflict.version } : { shortlistVersion: conflict.version });
    conflict = undefined;
    bar?.say('');
    void flush();
  });
  retry.addEventListener('click', () => {
    bar?.say('');
    void flush();
  });
  stop.addEventListener('click', () => {
    if (pendingParts().length > 0 && !window.confirm(m.stopConfirmUnsaved)) return;
    leave('stopped');
  });
}

function install(): void {
  window.addEventListener(TOGETHER_CHANGED_EVENT, (event) => {
    // From the change on, an earlier "saved at" is no longer the last word (nor what a test may wait for);
    // a change to the part that waits for the person's choice after a colleague's save is not sent yet.
    const part = (event as CustomEvent<TogetherPart>).detail;
    if (bar && !blocked && conflict?.part !== part && bar.status.textContent !== bar.texts.saving) bar.status.textContent = bar.texts.saving;
    schedule();
  });
  window.addEventListener('online', () => void flush());
  // What an earlier page of this tab could not send yet.
  if (pendingParts().length > 0) schedule(0);
}

/** Not before this moment (ms since the epoch): the server asked to wait (Retry-After) or a retry pause runs. */
let notBefore = 0;

function schedule(delay = SAVE_DELAY_MS): void {
  window.clearTimeout(timer);
  timer = window.setTimeout(() => void flush(), Math.max(delay, notBefore - Date.now()));
}

/** Leaves the page for the entry page's "stopped" view, so nothing on screen writes again. */
function leave(reason: 'stopped' | 'session-ended'): void {
  const entry = bar?.entry ?? '/';
  forgetTogether();
  location.replace(`${entry}?${reason === 'stopped' ? 'gestopt=1' : 'sessie=afgelopen'}`);
}

/** One part to the dossier of the session as it is now (never ids remembered from an earlier one). */
function send(part: TogetherPart, session: TogetherSession): Promise<ApiOutcome<{ answersVersion?: number; version?: number }>> | undefined {
  const { supportOrganizationId: org, dossierId, regionId } = session;
  if (part === 'answers') {
    const saved = loadAnswers(regionId);
    if (!saved) return undefined;
    return dossierApi.saveAnswers(org, dossierId, {
      basedOn: session.answersVersion, questionnaireId: saved.questionnaireId, questionnaireVersion: saved.version, answers: saved.answers,
    });
  }
  const entries = loadShortlist(regionId).map(({ locationId, housingFormId }) => {
    const note = session.notes[`${locationId}/${housingFormId}`];
    return { locationId, housingFormId, ...(note ? { note } : {}) };
  });
  return dossierApi.saveShortlist(org, dossierId, session.shortlistVersion, entries);
}

async function flush(): Promise<void> {
  if (busy) {
    again = true;
    return;
  }
  const waiting = pendingParts().filter(({ part }) => part !== conflict?.part);
  if (!bar || blocked) return;
  if (waiting.length === 0) {
    if (bar.status.textContent === bar.texts.saving) bar.status.textContent = '';
    return;
  }
  const m = bar.texts;
  busy = true;
  bar.status.textContent = m.saving;
  let failed = false;
  for (const { part, token } of waiting) {
    const session = togetherSession();
    if (!session) return leave('session-ended');
    const request = send(part, session);
    const outcome = request ? await request : undefined;
    if (!outcome || outcome.ok) {
      if (outcome?.ok) {
        updateTogether(part === 'answers'
          ? { answersVersion: outcome.value.answersVersion ?? session.answersVersion }
          : { shortlistVersion: outcome.value.version ?? session.shortlistVersion });
      }
      markSent(part, token);
      continue;
    }
    failed = true;
    if (outcome.kind === 'refused' && outcome.status === 401) return leave('session-ended');
    const newest = currentVersion(outcome, part);
    if (newest !== undefined) {
      conflict = { part, version: newest };
      bar.say(part === 'answers' ? m.conflictAnswers : m.conflictShortlist, { anyway: true });
    } else if (outcome.kind === 'not-found' || (outcome.kind === 'refused' && outcome.status === 403)) {
      blocked = true;
      bar.say(m.forbidden);
    } else if (outcome.kind === 'invalid') {
      blocked = true;
      bar.say(fill(m.invalid, { message: outcome.fields.map((field) => field.message).join(' ') || outcome.message }));
    } else {
      bar.say(m.unsaved, { canRetry: true });
      const pause = outcome.kind === 'refused' && outcome.retryAfterSeconds ? outcome.retryAfterSeconds * 1000 : RETRY_DELAY_MS;
      notBefore = Date.now() + pause;
      schedule(pause);
    }
    break;
  }
  busy = false;
  if (!failed) notBefore = 0;
  // A change made while this save ran is still marked, and its own save follows: not "saved" yet.
  const more = pendingParts().some(({ part }) => part !== conflict?.part);
  if (failed) {
    bar.status.textContent = '';
  } else if (more) {
    bar.status.textContent = m.saving;
  } else if (conflict) {
    // The other part waits for the person's choice: not "saved" while that change is unsent.
    bar.status.textContent = '';
  } else {
    bar.say('');
    const time = new Intl.DateTimeFormat(bar.locale === 'en' ? 'en-GB' : 'nl-NL', { hour: '2-digit', minute: '2-digit' }).format(new Date());
    bar.status.textContent = fill(m.saved, { time });
  }
  if (again) {
    again = false;
    schedule();
  }
}

// Last, after every module-level binding above is initialised.
showBar();
