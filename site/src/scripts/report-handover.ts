// The report's hand-over to a client supporter (issue 14, item 3): says in plain words what is
// sent (the answers and the favourites' ids, nothing else: not the name on the report, not the
// changed wishes), asks to confirm, and asks the staff API for a one-time code (POST
// /api/handover). The code is shown large, in its two groups, with a spelled-out line for screen
// readers, until when it works (within 24 hours) and that it works once. Refusals (too many codes
// from this connection, the service down) are said in words; nothing is sent before "Ja".
// Not offered in together mode: the supporter already works in the dossier.
import type { ApiOutcome } from './lib/api-fetch.ts';
import { loadAnswers, loadShortlist, togetherSession } from './lib/browser-store.ts';
import { call } from './manage/staff-api.ts';
import { el, fill, replaceChildren } from './shortlist/dom.ts';
import type { ShortlistPageData } from './shortlist/page-data.ts';

interface HandoverCode { code: string; expiresAt: string }

export function setUpHandover(data: ShortlistPageData, section: HTMLElement | null): void {
  if (!section || togetherSession()) return;
  const mr = data.texts.report;
  const start = section.querySelector<HTMLButtonElement>('[data-action="handover-start"]');
  const confirm = section.querySelector<HTMLElement>('[data-handover-confirm]');
  const yes = section.querySelector<HTMLButtonElement>('[data-action="handover-yes"]');
  const no = section.querySelector<HTMLButtonElement>('[data-action="handover-no"]');
  const result = section.querySelector<HTMLElement>('[data-handover-result]');
  const status = section.querySelector<HTMLElement>('[data-handover-status]');
  if (!start || !confirm || !yes || !no || !result || !status) return;
  section.hidden = false;
  const say = (text: string) => {
    status.textContent = text;
  };

  start.addEventListener('click', () => {
    say('');
    if (!loadAnswers(data.regionId)) return say(mr.handoverNothing);
    confirm.hidden = false;
    yes.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    start.focus();
  });
  yes.addEventListener('click', async () => {
    const saved = loadAnswers(data.regionId);
    if (!saved) return say(mr.handoverNothing);
    yes.disabled = true;
    say(mr.handoverBusy);
    const outcome = await call<HandoverCode>('POST', '/api/handover', {
      questionnaireId: saved.questionnaireId,
      questionnaireVersion: saved.version,
      answers: saved.answers,
      shortlist: loadShortlist(data.regionId).map(({ locationId, housingFormId }) => ({ locationId, housingFormId })),
    });
    yes.disabled = false;
    if (!outcome.ok) return say(refusal(mr, outcome));
    confirm.hidden = true;
    start.hidden = true;
    say('');
    showCode(data, result, outcome.value);
  });
}

function refusal(mr: ShortlistPageData['texts']['report'], outcome: ApiOutcome<unknown> & { ok: false }): string {
  if (outcome.kind === 'refused' && outcome.status === 429) {
    return outcome.retryAfterSeconds ? fill(mr.handoverTooMany, { minutes: Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60)) }) : mr.handoverTooManySoon;
  }
  return outcome.kind === 'invalid' ? mr.handoverInvalid : mr.handoverUnavailable;
}

function showCode(data: ShortlistPageData, result: HTMLElement, { code, expiresAt }: HandoverCode): void {
  const mr = data.texts.report;
  const time = new Intl.DateTimeFormat(data.locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'full', timeStyle: 'short' }).format(new Date(expiresAt));
  // Read aloud one character at a time ("K 7 M R, 4 Q X P"), as it is read over the phone.
  const spoken = code.split('-').map((group) => [...group].join(' ')).join(', ');
  replaceChildren(result,
    el('h3', { id: 'ww-handover-code-label', tabindex: '-1' }, mr.handoverCodeLabel),
    el('p', { class: 'ww-handover-code', 'aria-hidden': 'true', 'data-handover-code': true }, code),
    el('p', { class: 'ww-visually-hidden' }, fill(mr.handoverCodeSpoken, { letters: spoken })),
    el('p', {}, mr.handoverCodeHint),
    el('p', {}, fill(mr.handoverExpires, { time })),
    el('p', {}, mr.handoverOnce));
  result.hidden = false;
  result.querySelector<HTMLElement>('h3')?.focus();
}
