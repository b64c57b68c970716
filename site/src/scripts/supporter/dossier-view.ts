// One dossier (SupporterPage.astro, view "dossier"): its label, region and status (a colleague's
// change meanwhile is said plainly and what was typed stays), the newest answers in plain words
// with every saved version, the shortlist with the supporter's notes, free-text notes, the
// consents (record, see the state, withdraw after a confirm step, print the form), the report's
// shares with what each provider did, a citizen's hand-over code, a colleague hand-over, the
// export and the deletion (after a confirm step), and for the supporter admin the audit trail.
// Every refusal is said at its field; nothing typed is cleared by a refusal.
import { addMonths, dutchDate, type DossierStatus } from '../../../../shared/domain/dossier.ts';
import type { FieldError } from '../../../../shared/domain/views.ts';
import type { Answer } from '../../../../shared/questionnaire/answers.ts';
import type { ApiOutcome } from '../lib/api-fetch.ts';
import { oneAtATime, required } from '../manage/context.ts';
import { clearErrors, showErrors } from '../manage/form-data.ts';
import { count, dateInWords, dateTimeInWords } from '../manage/words.ts';
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { providerName, type PlainQuestion, type SupporterContext } from './page-data.ts';
import { normaliseCode, redeemInto, takePendingCode } from './redeem.ts';
import { supporterApi, type Consent, type Dossier, type DossierFile, type SavedAnswers, type Share, type Shortlist } from './supporter-api.ts';

const NO_WORDS = { messages: {}, labels: {} };
const isConflict = (outcome: ApiOutcome<unknown> & { ok: false }) => outcome.kind === 'refused' && outcome.status === 409;
/** The item as stored now, which a 409 carries. */
const currentOf = <T>(outcome: ApiOutcome<unknown> & { ok: false }): T | undefined =>
  outcome.kind === 'refused' ? (outcome.body.error as { current?: T }).current : undefined;

export function setUpDossierView(ctx: SupporterContext) {
  const s = ctx.data.texts;
  const view = required<HTMLElement>(document, '[data-view="dossier"]');
  const q = <T extends Element>(selector: string) => required<T>(view, selector);
  const forms = {
    details: q<HTMLFormElement>('form[data-form="details"]'),
    shortlist: q<HTMLFormElement>('form[data-form="shortlist"]'),
    note: q<HTMLFormElement>('form[data-form="note"]'),
    consent: q<HTMLFormElement>('form[data-form="consent"]'),
    share: q<HTMLFormElement>('form[data-form="share"]'),
    redeem: q<HTMLFormElement>('form[data-form="redeem"]'),
    handOver: q<HTMLFormElement>('form[data-form="hand-over"]'),
  };
  const once = oneAtATime(ctx);
  let file: DossierFile | undefined;
  let shares: Share[] = [];
  /** The dossier's version the details form was last based on: a conflict moves it on, keeping what was typed. */
  let basedOn = 0;
  let expiresTouched = false;

  const o = () => ctx.organization.id;
  const d = () => file?.dossier.id ?? '';
  const show = (selector: string, shown: boolean) => {
    const element = view.querySelector<HTMLElement>(selector);
    if (element) element.hidden = !shown;
  };
  const text = (selector: string, value: string) => {
    const element = view.querySelector<HTMLElement>(selector);
    if (element) element.textContent = value;
  };
  const regionName = (id: string) => ctx.data.regions[id]?.name ?? id;
  const refusedAt = (form: HTMLFormElement, errors: FieldError[]) => showErrors(form, errors, NO_WORDS, '');
  /** A message at a field whose box is a list (a select): showErrors marks only text boxes and choices. */
  function sayAtSelect(form: HTMLFormElement, path: string, message: string): void {
    const field = form.querySelector<HTMLElement>(`[data-field="${path}"]`);
    const error = field?.querySelector<HTMLElement>('[data-error]');
    const box = field?.querySelector<HTMLSelectElement>('select');
    if (!error || !box) return ctx.alert(message);
    error.textContent = message;
    error.hidden = false;
    box.setAttribute('aria-invalid', 'true');
    box.focus();
  }

  // ---- details ---------------------------------------------------------------------------------
  const labelBox = required<HTMLInputElement>(forms.details, 'input[name="label"]');
  const regionBox = required<HTMLSelectElement>(forms.details, 'select[name="regionId"]');
  const statusBox = required<HTMLSelectElement>(forms.details, 'select[name="status"]');
  const conflictLine = q<HTMLElement>('[data-conflict]');

  function renderHeader(dossier: Dossier): void {
    text('[data-title]', dossier.label);
    text('[data-summary]', [`${s.region}: ${regionName(dossier.regionId)}`, `${s.status}: ${s.statuses[dossier.status]}`, `${s.assignedTo}: ${dossier.assignedTo.name}`].join(' · '));
    q<HTMLAnchorElement>('[data-together]').href = `${ctx.data.together}?dossier=${encodeURIComponent(dossier.id)}`;
    q<HTMLAnchorElement>('[data-back]').href = ctx.href({ organizationId: o() });
    q<HTMLAnchorElement>('[data-print-export]').href = supporterApi.printUrl(o(), dossier.id);
  }

  function fillDetails(dossier: Dossier): void {
    replaceChildren(regionBox, ...ctx.organization.regionIds.map((id) => el('option', { value: id }, regionName(id))));
    labelBox.value = dossier.label;
    regionBox.value = dossier.regionId;
    statusBox.value = dossier.status;
    basedOn = dossier.version;
    conflictLine.hidden = true;
    clearErrors(forms.details);
  }

  async function saveDetails(): Promise<void> {
    if (!file) return;
    clearErrors(forms.details);
    const outcome = await supporterApi.updateDossier(o(), d(), {
      version: basedOn, label: labelBox.value.trim(), regionId: regionBox.value, status: statusBox.value as DossierStatus,
    });
    if (outcome.ok) {
      file.dossier = outcome.value;
      renderHeader(outcome.value);
      fillDetails(outcome.value);
      return ctx.announce(s.saved);
    }
    if (outcome.kind === 'invalid') return refusedAt(forms.details, outcome.fields);
    const current = isConflict(outcome) ? currentOf<Dossier>(outcome) : undefined;
    if (!current) return ctx.failed(outcome);
    // What was typed stays; the next save is based on the colleague's version.
    file.dossier = current;
    basedOn = current.version;
    renderHeader(current);
    conflictLine.textContent = fill(s.conflict, { label: current.label, region: regionName(current.regionId), status: s.statuses[current.status] });
    conflictLine.hidden = false;
    conflictLine.focus();
  }
  forms.details.addEventListener('submit', once.on(saveDetails));

  // ---- answers ---------------------------------------------------------------------------------
  function answerInWords(question: PlainQuestion | undefined, answer: Answer): string {
    const parts: string[] = [];
    if (answer.choice !== undefined) parts.push(question?.options?.[answer.choice] ?? answer.choice);
    if (answer.choices) parts.push(answer.choices.map((id) => question?.options?.[id] ?? id).join(', '));
    if (answer.yes !== undefined) parts.push(answer.yes ? s.yes : s.no);
    if (answer.number !== undefined) parts.push([String(answer.number), question?.unit].filter(Boolean).join(' '));
    if (answer.postcode) parts.push(answer.postcode);
    if (answer.maxDistanceKm !== undefined) parts.push(answer.maxDistanceKm === null ? s.noLimit : fill(s.distance, { km: answer.maxDistanceKm }));
    if (answer.text?.trim()) parts.push(answer.text.trim());
    const words = parts.join(', ');
    return answer.importance && words ? `${words} (${s.importance[answer.importance]})` : words;
  }

  function renderAnswers(saved: SavedAnswers): void {
    const questions = ctx.data.regions[file?.dossier.regionId ?? '']?.questions ?? [];
    const byId = new Map(questions.map((question) => [question.id, question]));
    // In the questionnaire's order; answers to questions it no longer has come last, by their id.
    const ids = [...questions.map((question) => question.id).filter((id) => id in saved.answers), ...Object.keys(saved.answers).filter((id) => !byId.has(id))];
    const rows = ids.flatMap((id) => {
      const words = answerInWords(byId.get(id), saved.answers[id] ?? {});
      return words ? [el('dt', {}, byId.get(id)?.text ?? id), el('dd', {}, words)] : [];
    });
    text('[data-answers-of]', fill(s.answersOf, { n: saved.answersVersion, date: dateTimeInWords(ctx.data, saved.savedAt), name: saved.savedBy.name }));
    replaceChildren(q('[data-answer-list]'), ...rows);
  }

  async function showVersion(n: number, announce: boolean): Promise<void> {
    const outcome = await supporterApi.answers(o(), d(), n);
    if (!outcome.ok) return ctx.failed(outcome);
    renderAnswers(outcome.value);
    if (announce) {
      q<HTMLElement>('[data-answers]').focus();
      ctx.announce(fill(s.versionShown, { n }));
    }
  }

  async function loadAnswers(): Promise<void> {
    const latest = file?.latestAnswers;
    show('[data-answers-none]', !latest);
    show('[data-answers]', Boolean(latest));
    show('[data-versions-title]', Boolean(latest));
    replaceChildren(q('[data-versions]'));
    if (!latest) return;
    const [versions] = await Promise.all([supporterApi.answersVersions(o(), d()), showVersion(latest.answersVersion, false)]);
    if (!versions.ok) return ctx.failed(versions);
    replaceChildren(q('[data-versions]'), ...[...versions.value.versions].reverse().map((version) => el('li', {},
      el('span', {}, fill(s.versionLine, { n: version.answersVersion, date: dateTimeInWords(ctx.data, version.savedAt), name: version.savedBy.name })), ' ',
      el('button', { type: 'button', class: 'ww-button ww-button--secondary ww-supporter__small', 'data-version': version.answersVersion }, fill(s.readVersion, { n: version.answersVersion })))));
  }
  q('[data-versions]').addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-version]');
    if (button) once(() => showVersion(Number(button.dataset.version), true));
  });

  // ---- shortlist and notes ---------------------------------------------------------------------
  const names = new Map<string, Promise<string | undefined>>();
  /** "Housing form, location (city)" from the public API; undefined when it is gone. */
  function placeName(locationId: string, housingFormId: string): Promise<string | undefined> {
    const key = `${locationId}/${housingFormId}`;
    let found = names.get(key);
    if (!found) {
      found = fetch(`/api/locations/${encodeURIComponent(locationId)}`, { headers: { accept: 'application/json' } })
        .then(async (response) => {
          if (!response.ok) return undefined;
          const detail = (await response.json()) as { location: { name: string; address?: { city?: string } }; housingForms: Array<{ id: string; name: string }> };
          const form = detail.housingForms.find((hf) => hf.id === housingFormId);
          return form ? `${form.name}, ${detail.location.name}` : undefined;
        })
        .catch(() => undefined);
      names.set(key, found);
    }
    return found;
  }

  async function renderShortlist(shortlist: Shortlist, typed: Map<string, string> = new Map()): Promise<void> {
    const list = q('[data-shortlist]');
    show('[data-shortlist-none]', shortlist.entries.length === 0);
    show('[data-save-notes]', shortlist.entries.length > 0);
    const items = await Promise.all(shortlist.entries.map(async (entry, i) => {
      const key = `${entry.locationId}/${entry.housingFormId}`;
      const name = await placeName(entry.locationId, entry.housingFormId);
      const id = `sp-shortlist-${i}`;
      return el('li', { class: 'ww-supporter__place' },
        el('h3', {}, name ?? key),
        name ? false : el('p', {}, s.shortlistGone),
        el('div', { class: 'ww-field' },
          el('label', { class: 'ww-label', for: id }, fill(s.shortlistNote, { name: name ?? key })),
          el('textarea', { class: 'ww-textarea', id, rows: 3, 'data-key': key }, typed.get(key) ?? entry.note ?? '')));
    }));
    replaceChildren(list, ...items);
  }

  async function saveNotes(): Promise<void> {
    if (!file) return;
    const typed = new Map([...forms.shortlist.querySelectorAll<HTMLTextAreaElement>('textarea[data-key]')].map((box) => [box.dataset.key ?? '', box.value.trim()]));
    const withNotes = (shortlist: Shortlist) => shortlist.entries.map((entry) => {
      const note = typed.get(`${entry.locationId}/${entry.housingFormId}`) ?? entry.note;
      return { locationId: entry.locationId, housingFormId: entry.housingFormId, ...(note ? { note } : {}) };
    });
    const outcome = await supporterApi.saveShortlist(o(), d(), file.shortlist.version, withNotes(file.shortlist));
    if (outcome.ok) {
      file.shortlist = outcome.value;
      return ctx.announce(s.notesSaved);
    }
    const current = isConflict(outcome) ? currentOf<Shortlist>(outcome) : undefined;
    if (outcome.kind === 'invalid') return refusedAt(forms.shortlist, outcome.fields);
    if (!current) return ctx.failed(outcome);
    file.shortlist = current;
    await renderShortlist(current, typed);
    ctx.alert(s.shortlistConflict);
  }
  forms.shortlist.addEventListener('submit', once.on(saveNotes));

  function renderNotes(): void {
    const notes = file?.notes ?? [];
    show('[data-notes-none]', notes.length === 0);
    replaceChildren(q('[data-notes]'), ...[...notes].reverse().map((note) => el('li', { class: 'ww-supporter__note' },
      el('p', { class: 'ww-hint' }, fill(s.noteBy, { date: dateTimeInWords(ctx.data, note.at), name: note.by.name })),
      el('p', { class: 'ww-supporter__text' }, note.text))));
  }

  const noteBox = required<HTMLTextAreaElement>(forms.note, 'textarea');
  async function addNote(): Promise<void> {
    if (!file) return;
    clearErrors(forms.note);
    if (!noteBox.value.trim()) return refusedAt(forms.note, [{ path: 'text', message: s.noteEmpty }]);
    const outcome = await supporterApi.addNote(o(), d(), noteBox.value);
    if (!outcome.ok) return outcome.kind === 'invalid' ? refusedAt(forms.note, outcome.fields) : ctx.failed(outcome);
    file.notes.push(outcome.value);
    noteBox.value = '';
    renderNotes();
    ctx.announce(s.noteAdded);
  }
  forms.note.addEventListener('submit', once.on(addNote));

  // ---- consents --------------------------------------------------------------------------------
  const providersOf = (consent: Consent) => consent.providers.map((id) => providerName(ctx.data, id));
  const validFor = (providerId: string) => (file?.consents ?? []).some((c) => c.validNow && c.providers.includes(providerId));

  function renderConsents(): void {
    const consents = file?.consents ?? [];
    show('[data-consents-none]', consents.length === 0);
    replaceChildren(q('[data-consents]'), ...[...consents].reverse().map((consent) => {
      const names = providersOf(consent).join(', ');
      const confirmId = `sp-withdraw-${consent.id}`;
      return el('li', { class: 'ww-supporter__consent', 'data-consent': consent.id },
        el('h3', {}, `${s.consentStates[consent.state]}: ${names}`),
        el('p', {}, fill(s.consentDetails, {
          givenOn: dateInWords(ctx.data, consent.givenOn), giver: s.givers[consent.givenBy].toLowerCase(), method: s.methods[consent.method],
          expiresOn: dateInWords(ctx.data, consent.expiresOn),
        })),
        consent.withdrawnAt ? el('p', {}, fill(s.consentWithdrawnOn, { date: dateTimeInWords(ctx.data, consent.withdrawnAt), name: consent.withdrawnBy?.name ?? '' })) : false,
        el('div', { class: 'ww-manage__actions' },
          el('a', { class: 'ww-button ww-button--secondary', href: ctx.href({ organizationId: o(), dossierId: d(), consentId: consent.id }), 'data-nav': true }, s.printForm),
          consent.withdrawnAt ? false : el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-withdraw': consent.id, 'aria-controls': confirmId }, s.withdraw)),
        el('div', { class: 'ww-manage__confirm', id: confirmId, tabindex: -1, hidden: true },
          el('p', {}, fill(s.withdrawQuestion, { providers: names })),
          el('div', { class: 'ww-manage__actions' },
            el('button', { type: 'button', class: 'ww-button', 'data-withdraw-yes': consent.id }, s.withdrawYes),
            el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-withdraw-no': consent.id }, s.withdrawNo))));
    }));
  }

  q('[data-consents]').addEventListener('click', (event) => {
    const target = event.target as Element;
    const ask = target.closest<HTMLButtonElement>('button[data-withdraw]');
    const yes = target.closest<HTMLButtonElement>('button[data-withdraw-yes]');
    const no = target.closest<HTMLButtonElement>('button[data-withdraw-no]');
    if (ask) {
      const box = document.getElementById(`sp-withdraw-${ask.dataset.withdraw ?? ''}`);
      if (box) {
        box.hidden = false;
        box.focus();
      }
    } else if (no) {
      const box = document.getElementById(`sp-withdraw-${no.dataset.withdrawNo ?? ''}`);
      if (box) box.hidden = true;
      view.querySelector<HTMLButtonElement>(`button[data-withdraw="${no.dataset.withdrawNo ?? ''}"]`)?.focus();
    } else if (yes) {
      once(() => withdraw(yes.dataset.withdrawYes ?? ''));
    }
  });

  async function withdraw(consentId: string): Promise<void> {
    const consent = file?.consents.find((c) => c.id === consentId);
    if (!file || !consent) return;
    const outcome = await supporterApi.withdrawConsent(o(), d(), consentId, consent.version);
    if (!outcome.ok && !isConflict(outcome)) return ctx.failed(outcome);
    // Withdrawn meanwhile by a colleague is withdrawn all the same: the list shows the first withdrawal.
    await reload();
    view.querySelector<HTMLElement>(`[data-consent="${consentId}"] h3`)?.setAttribute('tabindex', '-1');
    view.querySelector<HTMLElement>(`[data-consent="${consentId}"] h3`)?.focus();
    ctx.announce(s.withdrawn);
  }

  function providerChoices(form: HTMLFormElement, prefix: string, providers: Array<{ id: string; name: string }>, marks: boolean): void {
    replaceChildren(q<HTMLElement>(`form[data-form="${form.dataset.form ?? ''}"] [data-choices]`), ...providers.map((provider) => {
      const id = `${prefix}-${provider.id}`;
      return el('label', { class: 'ww-choice', for: id },
        el('input', { type: 'checkbox', id, name: 'providers', value: provider.id }),
        el('span', {}, provider.name, marks ? el('span', { class: 'ww-hint ww-supporter__mark' }, ` (${validFor(provider.id) ? s.withConsent : s.withoutConsent})`) : false));
    }));
  }
  const checkedProviders = (form: HTMLFormElement) => [...form.querySelectorAll<HTMLInputElement>('input[name="providers"]:checked')].map((box) => box.value);
  const radio = (form: HTMLFormElement, name: string) => form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  const givenOnBox = required<HTMLInputElement>(forms.consent, 'input[name="givenOn"]');
  const expiresOnBox = required<HTMLInputElement>(forms.consent, 'input[name="expiresOn"]');
  const isDate = (value: string) => /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value);

  function resetConsentForm(): void {
    forms.consent.reset();
    clearErrors(forms.consent);
    givenOnBox.value = dutchDate(new Date());
    expiresOnBox.value = addMonths(givenOnBox.value, 12);
    expiresTouched = false;
  }
  givenOnBox.addEventListener('change', () => {
    if (!expiresTouched && isDate(givenOnBox.value)) expiresOnBox.value = addMonths(givenOnBox.value, 12);
  });
  expiresOnBox.addEventListener('input', () => {
    expiresTouched = true;
  });

  async function recordConsent(): Promise<void> {
    if (!file) return;
    clearErrors(forms.consent);
    const providers = checkedProviders(forms.consent);
    const method = radio(forms.consent, 'method');
    const givenBy = radio(forms.consent, 'givenBy');
    const problems: FieldError[] = [];
    if (providers.length === 0) problems.push({ path: 'providers', message: s.consentProvidersEmpty });
    if (!method) problems.push({ path: 'method', message: s.chooseOne });
    if (!givenBy) problems.push({ path: 'givenBy', message: s.chooseOne });
    if (!isDate(givenOnBox.value)) problems.push({ path: 'givenOn', message: s.dateInvalid });
    if (!isDate(expiresOnBox.value)) problems.push({ path: 'expiresOn', message: s.dateInvalid });
    if (problems.length > 0 || !method || !givenBy) return refusedAt(forms.consent, problems);
    const outcome = await supporterApi.recordConsent(o(), d(), {
      providers, method: method as Consent['method'], givenBy: givenBy as Consent['givenBy'], givenOn: givenOnBox.value, expiresOn: expiresOnBox.value,
    });
    if (!outcome.ok) return outcome.kind === 'invalid' ? refusedAt(forms.consent, outcome.fields) : ctx.failed(outcome);
    file.consents.push(outcome.value);
    resetConsentForm();
    renderConsents();
    renderShareChoices();
    ctx.announce(s.recorded);
  }
  forms.consent.addEventListener('submit', once.on(recordConsent));

  // ---- shares ----------------------------------------------------------------------------------
  function renderShareChoices(): void {
    if (!file) return;
    // The region's providers, and any other a consent names: those with valid consent first.
    const ids = new Set([...file.consents.flatMap((c) => c.providers), ...(ctx.data.regions[file.dossier.regionId]?.providers ?? []).map((p) => p.id)]);
    const providers = [...ids].map((id) => ({ id, name: providerName(ctx.data, id) }))
      .sort((a, b) => Number(validFor(b.id)) - Number(validFor(a.id)) || a.name.localeCompare(b.name, ctx.data.locale));
    providerChoices(forms.share, 'sp-share', providers, true);
  }

  function answerLine(share: Share): string {
    const last = share.answers[share.answers.length - 1];
    if (!last) return s.shareNoAnswer;
    const response = last.response;
    const said = response.kind === 'meet' ? s.shareAnswers.meet
      : response.kind === 'place-from' ? fill(s.shareAnswers['place-from'], { date: dateInWords(ctx.data, response.date) })
        : fill(s.shareAnswers['no-fit'], { reason: response.reason });
    return `${said} (${fill(s.answeredBy, { date: dateTimeInWords(ctx.data, last.at), name: last.by.name })})`;
  }

  function renderShares(): void {
    show('[data-shares-none]', shares.length === 0);
    replaceChildren(q('[data-shares]'), ...[...shares].reverse().map((share) => el('li', { class: 'ww-supporter__share', 'data-share': share.organizationId },
      el('h4', {}, providerName(ctx.data, share.organizationId)),
      el('p', {}, fill(s.shareSent, { date: dateTimeInWords(ctx.data, share.sharedAt), name: share.sharedBy.name, reference: share.reference })),
      el('p', {}, share.openedAt ? fill(s.shareOpened, { date: dateTimeInWords(ctx.data, share.openedAt) }) : s.shareNotOpened),
      el('p', { 'data-share-answer': true }, answerLine(share)),
      share.readableNow ? false : el('p', {}, s.shareEnded))));
  }

  /** The server's refusal per provider (`providers.{i}`, or `providers` for a closed dossier) in the page's words, with the provider's name. */
  function refusalText(fields: FieldError[], providers: string[]): string {
    return fields.map((field) => {
      const index = /^providers\.([0-9]+)$/.exec(field.path)?.[1];
      const id = index === undefined ? undefined : providers[Number(index)];
      if (id === undefined) return s.shareRefusedClosed;
      const named = (file?.consents ?? []).some((c) => c.providers.includes(id));
      return fill(named ? s.shareRefusedNotValid : s.shareRefusedNotNamed, { provider: providerName(ctx.data, id) });
    }).join(' ');
  }

  async function share(): Promise<void> {
    if (!file) return;
    clearErrors(forms.share);
    const providers = checkedProviders(forms.share);
    if (providers.length === 0) return refusedAt(forms.share, [{ path: 'providers', message: s.shareProvidersEmpty }]);
    const outcome = await supporterApi.share(o(), d(), providers);
    if (!outcome.ok) {
      if (outcome.kind === 'refused' && outcome.status === 409) {
        return refusedAt(forms.share, [{ path: 'providers', message: refusalText(outcome.body.error.fields ?? [], providers) }]);
      }
      return outcome.kind === 'invalid' ? refusedAt(forms.share, outcome.fields) : ctx.failed(outcome);
    }
    shares.push(...outcome.value.shares);
    for (const box of forms.share.querySelectorAll<HTMLInputElement>('input[name="providers"]')) box.checked = false;
    renderShares();
    ctx.announce(count(ctx.data, s.sharedCount, outcome.value.shares.length));
  }
  forms.share.addEventListener('submit', once.on(share));

  // ---- hand-over code, colleague, rights, audit ------------------------------------------------
  const codeBox = required<HTMLInputElement>(forms.redeem, 'input[name="code"]');
  async function redeem(): Promise<void> {
    clearErrors(forms.redeem);
    if (!normaliseCode(codeBox.value)) return refusedAt(forms.redeem, [{ path: 'code', message: s.codeInvalid }]);
    const result = await redeemInto(ctx, d(), codeBox.value, false);
    if (!result.ok) {
      if (result.message) refusedAt(forms.redeem, [{ path: 'code', message: result.message }]);
      return;
    }
    codeBox.value = '';
    await reload();
    q<HTMLElement>('[data-answers]').focus();
    ctx.announce(result.message);
  }
  forms.redeem.addEventListener('submit', once.on(redeem));

  const colleagueBox = required<HTMLSelectElement>(forms.handOver, 'select');
  async function loadColleagues(): Promise<void> {
    const outcome = await supporterApi.colleagues(o());
    if (!outcome.ok) return ctx.failed(outcome);
    const others = outcome.value.colleagues.filter((c) => c.accountId !== file?.dossier.assignedTo.accountId);
    replaceChildren(colleagueBox, ...others.map((c) => el('option', { value: c.accountId }, c.name)));
    forms.handOver.hidden = others.length === 0;
    show('[data-no-colleagues]', others.length === 0);
  }
  function renderHandovers(): void {
    replaceChildren(q('[data-handovers]'), ...(file?.handovers ?? []).map((h) =>
      el('li', {}, fill(s.handoverLine, { date: dateTimeInWords(ctx.data, h.at), from: h.from.name, to: h.to.name }))));
  }
  async function handOver(): Promise<void> {
    if (!file) return;
    clearErrors(forms.handOver);
    if (!colleagueBox.value) return sayAtSelect(forms.handOver, 'toAccountId', s.colleagueEmpty);
    const name = colleagueBox.selectedOptions[0]?.textContent ?? '';
    const outcome = await supporterApi.handOver(o(), d(), file.dossier.version, colleagueBox.value);
    if (!outcome.ok) {
      if (outcome.kind === 'invalid') return sayAtSelect(forms.handOver, 'toAccountId', outcome.fields[0]?.message ?? s.colleagueEmpty);
      const current = isConflict(outcome) ? currentOf<Dossier>(outcome) : undefined;
      if (!current) return ctx.failed(outcome);
      file.dossier = current;
      renderHeader(current);
      return sayAtSelect(forms.handOver, 'toAccountId', fill(s.conflict, { label: current.label, region: regionName(current.regionId), status: s.statuses[current.status] }));
    }
    await reload();
    ctx.announce(fill(s.handedOver, { name }));
  }
  forms.handOver.addEventListener('submit', once.on(handOver));

  async function exportFile(): Promise<void> {
    const outcome = await supporterApi.exportDossier(o(), d());
    if (!outcome.ok) return outcome.kind === 'unavailable' ? ctx.alert(s.exportFailed) : ctx.failed(outcome);
    const url = URL.createObjectURL(new Blob([JSON.stringify(outcome.value, null, 2)], { type: 'application/json' }));
    const link = el('a', { href: url, download: `dossier-${d()}.json`, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
    ctx.announce(s.exported);
  }
  q('[data-action="export"]').addEventListener('click', () => once(exportFile));

  const removeBox = q<HTMLElement>('[data-remove-confirm]');
  q('[data-action="remove"]').addEventListener('click', () => {
    text('[data-remove-question]', fill(s.removeQuestion, { label: file?.dossier.label ?? '' }));
    removeBox.hidden = false;
    removeBox.focus();
  });
  q('[data-action="remove-no"]').addEventListener('click', () => {
    removeBox.hidden = true;
    q<HTMLButtonElement>('[data-action="remove"]').focus();
  });
  q('[data-action="remove-yes"]').addEventListener('click', () => once(async () => {
    const label = file?.dossier.label ?? '';
    const outcome = await supporterApi.deleteDossier(o(), d());
    if (!outcome.ok) return ctx.failed(outcome);
    file = undefined;
    ctx.go({ organizationId: o() }, fill(s.removed, { label }));
  }));

  async function loadAudit(): Promise<void> {
    const admin = ctx.organization.role === 'supporter-admin';
    show('[data-audit]', admin);
    if (!admin) return;
    const outcome = await supporterApi.audit(o(), d());
    if (!outcome.ok) return ctx.failed(outcome);
    show('[data-audit-none]', outcome.value.records.length === 0);
    replaceChildren(q('[data-audit-list]'), ...outcome.value.records.map((r) =>
      el('li', {}, fill(s.auditLine, { date: dateTimeInWords(ctx.data, r.at), name: r.by.name, kind: s.auditKinds[r.kind] }))));
  }

  // ---- reading it all --------------------------------------------------------------------------
  /** Reads the dossier and its shares again and shows them; false (after saying why) when that failed. */
  async function reload(): Promise<boolean> {
    const { organizationId, dossierId } = ctx.place;
    if (!organizationId || !dossierId) return false;
    const [read, shared] = await Promise.all([supporterApi.dossier(organizationId, dossierId), supporterApi.shares(organizationId, dossierId)]);
    if (!read.ok) {
      ctx.failed(read);
      return false;
    }
    file = read.value;
    shares = shared.ok ? shared.value.shares : [];
    if (!shared.ok) ctx.failed(shared);
    renderHeader(file.dossier);
    renderNotes();
    renderConsents();
    renderShareChoices();
    renderShares();
    renderHandovers();
    await Promise.all([loadAnswers(), renderShortlist(file.shortlist), loadColleagues(), loadAudit()]);
    return true;
  }

  return {
    async show(focus: boolean): Promise<void> {
      if (!(await reload()) || !file) return ctx.showView('start', focus);
      fillDetails(file.dossier);
      resetConsentForm();
      providerChoices(forms.consent, 'sp-consent', ctx.data.regions[file.dossier.regionId]?.providers ?? [], false);
      removeBox.hidden = true;
      for (const form of Object.values(forms)) clearErrors(form);
      ctx.showView('dossier', focus);
      const pendingCode = takePendingCode(file.dossier.id);
      if (pendingCode) {
        codeBox.value = pendingCode.code;
        refusedAt(forms.redeem, [{ path: 'code', message: pendingCode.message }]);
      }
    },
  };
}
