// The region's questionnaire versions page (QuestionnaireVersionsPage.astro): asks who is signed in,
// reads the region's versions and draft, and lets a coordinator make a draft, edit its question and
// help texts (nothing else: the draft's structure is sent back as it came), check it, see it as a
// resident reads it, publish it or throw it away, each of the last two after a confirm step. A save
// someone else beat keeps what was typed and offers the saved draft; the API's field errors are put
// at their fields by path (questionnaire.themes.0.questions.0.text.nl).
import type { Messages } from '../../../shared/i18n/nl.ts';
// Types only: the questionnaire module's values would bring zod into the page (budget).
import type { Question, Questionnaire } from '../../../shared/questionnaire/schema.ts';
import type { ApiOutcome } from './lib/api-fetch.ts';
import { el, fill, replaceChildren } from './shortlist/dom.ts';
import { showFieldErrors } from './manage/field-errors.ts';
import { call } from './manage/staff-api.ts';
import { coordinationData, openAsCoordinator, pageLines } from './manage/page-lines.ts';

export interface QuestionnairePageData {
  intlLocale: string;
  texts: Messages['coordination']['questionnaire'];
  refusals: Pick<Messages['coordination'], 'unavailable' | 'forbidden' | 'invalid'>;
  regions: Array<{ id: string; name: string }>;
}

interface VersionSummary { version: number; publishedAt: string }
interface Draft { basedOnVersion: number; version: number; updatedAt: string; questionnaire: Questionnaire }
interface Overview { regionId: string; published: VersionSummary; versions: VersionSummary[]; draft: Draft | null }

const data = coordinationData<QuestionnairePageData>('questionnaire');
if (data) start(data);

/** The edited texts of a question, by the API's path under `questionnaire.`. */
const TEXT_FIELDS = [['text', 'nl'], ['text', 'en'], ['help', 'nl'], ['help', 'en']] as const;

function start(data: QuestionnairePageData): void {
  const s = data.texts;
  const q = <T extends Element>(selector: string) => document.querySelector<T>(selector);
  const editor = q<HTMLElement>('[data-editor]');
  const form = q<HTMLFormElement>('form[data-form="questionnaire"]');
  const themes = q<HTMLElement>('[data-themes]');
  const regionBox = q<HTMLSelectElement>('#questionnaire-region');
  const conflictPanel = q<HTMLElement>('[data-conflict]');
  if (!editor || !form || !themes || !regionBox || !conflictPanel) return;

  const dateName = new Intl.DateTimeFormat(data.intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  const day = (date: string) => dateName.format(new Date(date.length === 10 ? `${date}T12:00:00Z` : date));

  let regionId = '';
  let draft: Draft | null = null;
  /** The draft as it is now, after a save someone else beat (undefined when it was thrown away). */
  let current: Draft | undefined;

  const { announce, alert, show } = pageLines();
  const base = () => `/api/coordinator/regions/${encodeURIComponent(regionId)}/questionnaire`;

  /** Says a failed call in the page's words; false when it failed. */
  function handled<T>(outcome: ApiOutcome<T>): outcome is { ok: true; value: T } {
    if (outcome.ok) return true;
    if (outcome.kind === 'refused' && outcome.status === 401) signedOut();
    else if (outcome.kind === 'refused' && outcome.status === 403) alert(data.refusals.forbidden);
    else if (outcome.kind === 'invalid') alert(data.refusals.invalid);
    else alert(data.refusals.unavailable);
    return false;
  }

  // ---- the draft's texts --------------------------------------------------------------------

  function textField(name: string, label: string, value: string): HTMLElement {
    const id = `questionnaire-${name.replace(/\./g, '-')}`;
    const box = el('textarea', { class: 'ww-textarea', rows: 2, id, name, 'aria-describedby': `${id}-error` });
    box.value = value;
    return el('div', { class: 'ww-field', 'data-path': name },
      el('label', { class: 'ww-label', for: id }, label),
      el('p', { class: 'ww-field-error', id: `${id}-error`, 'data-error': true, hidden: true }),
      box);
  }

  function render(questionnaire: Questionnaire): void {
    const labels = { 'text.nl': s.textNl, 'text.en': s.textEn, 'help.nl': s.helpNl, 'help.en': s.helpEn };
    replaceChildren(themes!, ...questionnaire.themes.map((theme, t) => el('fieldset', { class: 'ww-manage__group', 'data-path': `questionnaire.themes.${t}` },
      el('legend', {}, fill(s.theme, { number: t + 1, title: theme.title.nl })),
      el('p', { class: 'ww-field-error', 'data-error': true, hidden: true }),
      ...theme.questions.map((question, i) => {
        const at = `questionnaire.themes.${t}.questions.${i}`;
        return el('fieldset', { class: 'ww-manage__group', 'data-path': at, 'data-question': `${t}.${i}` },
          el('legend', {}, fill(s.question, { number: i + 1 })),
          el('p', { class: 'ww-field-error', 'data-error': true, hidden: true }),
          ...TEXT_FIELDS.map(([key, language]) => textField(`${at}.${key}.${language}`, labels[`${key}.${language}`], question[key][language])));
      }))));
  }

  /** The draft with the texts as typed; everything else exactly as the API gave it. */
  function collect(): Questionnaire {
    const edited = structuredClone(draft!.questionnaire);
    edited.themes.forEach((theme, t) => theme.questions.forEach((question, i) => {
      for (const [key, language] of TEXT_FIELDS) {
        const box = form!.elements.namedItem(`questionnaire.themes.${t}.questions.${i}.${key}.${language}`) as HTMLTextAreaElement | null;
        if (box) question[key] = { ...question[key], [language]: box.value.trim() };
      }
    }));
    return edited;
  }
  const dirty = () => draft !== null && JSON.stringify(collect()) !== JSON.stringify(draft.questionnaire);
  const fieldErrors = (fields: Array<{ path: string; message: string }>) => showFieldErrors(form!, fields);

  // ---- the preview: the draft as a resident reads it (in Dutch) --------------------------------

  function answers(question: Question): HTMLElement {
    switch (question.kind) {
      case 'single-choice':
      case 'multi-choice':
        return el('ul', {}, ...question.options.map((option) => el('li', {}, option.text.nl)));
      case 'place':
        return el('ul', {}, ...question.distanceOptions.map((option) => el('li', {}, option.text.nl)));
      case 'yes-no-wish':
        return el('p', {}, s.yesNo);
      case 'number':
        return el('p', {}, fill(s.numberAnswer, { min: question.min, max: question.max }));
      case 'free-text':
        return el('p', {}, fill(s.freeText, { max: question.maxLength }));
    }
  }

  function renderPreview(): void {
    const questionnaire = collect();
    const box = q<HTMLElement>('[data-preview-themes]');
    if (!box) return;
    replaceChildren(box, ...questionnaire.themes.map((theme) => el('section', { class: 'ww-manage__group' },
      el('h4', {}, theme.title.nl),
      theme.intro ? el('p', {}, theme.intro.nl) : undefined,
      ...theme.questions.map((question) => el('div', { 'data-preview-question': question.id },
        el('h5', {}, question.text.nl),
        el('p', { class: 'ww-hint' }, question.help.nl),
        answers(question))))));
  }

  // ---- the page from the API ------------------------------------------------------------------

  function closeConfirms(): void {
    for (const kind of ['publish', 'discard']) {
      show(`[data-confirm="${kind}"]`, false);
      q(`[data-action="${kind}"]`)?.setAttribute('aria-expanded', 'false');
    }
  }

  function showDraft(value: Draft | null): void {
    draft = value;
    current = undefined;
    conflictPanel!.hidden = true;
    closeConfirms();
    show('[data-preview]', false);
    q('[data-action="preview"]')?.setAttribute('aria-expanded', 'false');
    const previewButton = q<HTMLElement>('[data-action="preview"]');
    if (previewButton) previewButton.textContent = s.previewShow;
    const state = q<HTMLElement>('[data-draft-state]');
    if (state) {
      state.textContent = value
        ? fill(s.draftState, { next: value.questionnaire.version, basedOn: value.basedOnVersion, date: day(value.updatedAt) })
        : s.noDraft;
    }
    show('[data-no-draft-actions]', !value);
    show('[data-draft]', Boolean(value));
    if (value) render(value.questionnaire);
    else replaceChildren(themes!);
  }

  function loaded(overview: Overview): void {
    const versions = q<HTMLElement>('[data-versions]');
    if (versions) {
      replaceChildren(versions, ...overview.versions.map((v) => el('li', { 'data-version': v.version },
        fill(s.versionLine, { version: v.version, date: day(v.publishedAt) }),
        v.version === overview.published.version ? ` ${s.current}` : '')));
    }
    showDraft(overview.draft);
  }

  async function loadRegion(): Promise<boolean> {
    regionId = regionBox!.value;
    const outcome = await call<Overview>('GET', base());
    if (!handled(outcome)) return false;
    loaded(outcome.value);
    return true;
  }

  // ---- actions ------------------------------------------------------------------------------

  /** A save the API refused because the draft changed (409) or is gone (404): what was typed stays. */
  function beaten(now: Draft | undefined): void {
    current = now;
    show('[data-needs-current]', Boolean(now));
    closeConfirms();
    conflictPanel!.hidden = false;
    conflictPanel!.focus();
  }

  /** Saves the typed texts; true when they are saved. */
  async function save(): Promise<boolean> {
    if (!draft) return false;
    alert('');
    const outcome = await call<Draft>('PUT', `${base()}/draft`, { questionnaire: collect(), version: draft.version });
    if (!outcome.ok && outcome.kind === 'invalid') {
      alert(data.refusals.invalid);
      fieldErrors(outcome.fields);
      return false;
    }
    if (!outcome.ok && outcome.kind === 'refused' && outcome.status === 409) {
      beaten((outcome.body.error as { current?: Draft }).current);
      return false;
    }
    if (!outcome.ok && outcome.kind === 'not-found') {
      beaten(undefined);
      return false;
    }
    if (!handled(outcome)) return false;
    fieldErrors([]);
    const typed = collect();
    draft = outcome.value;
    // The form already shows what was saved; drawing it again would lose the focus.
    if (JSON.stringify(typed) !== JSON.stringify(draft.questionnaire)) render(draft.questionnaire);
    const state = q<HTMLElement>('[data-draft-state]');
    if (state) state.textContent = fill(s.draftState, { next: draft.questionnaire.version, basedOn: draft.basedOnVersion, date: day(draft.updatedAt) });
    return true;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save().then((ok) => ok && announce(s.saved));
  });

  q('[data-action="create"]')?.addEventListener('click', async () => {
    alert('');
    const outcome = await call<Draft>('POST', `${base()}/draft`);
    if (!outcome.ok && outcome.kind === 'refused' && outcome.status === 409) {
      // Someone made one meanwhile: show theirs.
      await loadRegion();
    } else if (!handled(outcome)) {
      return;
    } else {
      showDraft(outcome.value);
    }
    q<HTMLElement>('form[data-form="questionnaire"] textarea')?.focus();
    announce(s.created);
  });

  q('[data-action="check"]')?.addEventListener('click', async () => {
    if (!draft) return;
    alert('');
    const outcome = await call<{ valid: true; version: number }>('POST', `${base()}/validate`, { questionnaire: collect() });
    if (!outcome.ok && outcome.kind === 'invalid') {
      alert(data.refusals.invalid);
      fieldErrors(outcome.fields);
      return;
    }
    if (!handled(outcome)) return;
    fieldErrors([]);
    announce(fill(s.checked, { version: outcome.value.version }));
  });

  q('[data-action="preview"]')?.addEventListener('click', (event) => {
    const button = event.currentTarget as HTMLElement;
    const open = button.getAttribute('aria-expanded') !== 'true';
    if (open) renderPreview();
    show('[data-preview]', open);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? s.previewHide : s.previewShow;
    if (open) q<HTMLElement>('#questionnaire-preview-title')?.scrollIntoView({ block: 'start' });
  });

  /** Opens one confirm step and closes the other. */
  function confirmStep(kind: 'publish' | 'discard'): void {
    if (!draft) return;
    closeConfirms();
    if (kind === 'publish') {
      const question = q<HTMLElement>('[data-publish-question]');
      if (question) question.textContent = fill(s.publishConfirm, { version: draft.questionnaire.version });
      const yes = q<HTMLElement>('[data-action="publish-yes"]');
      if (yes) yes.textContent = fill(s.publishYes, { version: draft.questionnaire.version });
    }
    q(`[data-action="${kind}"]`)?.setAttribute('aria-expanded', 'true');
    const panel = q<HTMLElement>(`[data-confirm="${kind}"]`);
    if (!panel) return;
    panel.hidden = false;
    panel.focus();
  }
  q('[data-action="publish"]')?.addEventListener('click', () => confirmStep('publish'));
  q('[data-action="discard"]')?.addEventListener('click', () => confirmStep('discard'));
  for (const button of document.querySelectorAll<HTMLElement>('[data-confirm] [data-action="cancel"]')) {
    button.addEventListener('click', () => {
      const kind = button.closest<HTMLElement>('[data-confirm]')?.dataset.confirm;
      closeConfirms();
      q<HTMLElement>(`[data-action="${kind ?? ''}"]`)?.focus();
    });
  }

  q('[data-action="publish-yes"]')?.addEventListener('click', async () => {
    if (!draft) return;
    if (dirty() && !(await save())) return;
    const outcome = await call<VersionSummary>('POST', `${base()}/publish`, { version: draft.version });
    if (!outcome.ok && outcome.kind === 'invalid') {
      closeConfirms();
      alert(data.refusals.invalid);
      fieldErrors(outcome.fields);
      return;
    }
    if (!outcome.ok && outcome.kind === 'refused' && outcome.status === 409) {
      beaten((outcome.body.error as { current?: Draft }).current);
      return;
    }
    if (!handled(outcome)) return;
    if (await loadRegion()) {
      q<HTMLElement>('h1')?.focus();
      announce(fill(s.published, { version: outcome.value.version }));
    }
  });

  q('[data-action="discard-yes"]')?.addEventListener('click', async () => {
    if (!draft) return;
    alert('');
    const outcome = await call<null>('DELETE', `${base()}/draft`, { version: draft.version });
    if (!outcome.ok && outcome.kind === 'refused' && outcome.status === 409) {
      beaten((outcome.body.error as { current?: Draft }).current);
      return;
    }
    if (!outcome.ok && outcome.kind !== 'not-found' && !handled(outcome)) return;
    if (await loadRegion()) {
      q<HTMLElement>('[data-action="create"]')?.focus();
      announce(s.discarded);
    }
  });

  q('[data-action="save-mine"]')?.addEventListener('click', () => {
    if (current && draft) draft = { ...draft, version: current.version };
    conflictPanel.hidden = true;
    void save().then((ok) => ok && announce(s.saved));
  });
  q('[data-action="use-current"]')?.addEventListener('click', async () => {
    if (await loadRegion()) q<HTMLElement>('h1')?.focus();
  });

  // ---- start --------------------------------------------------------------------------------

  function signedOut(): void {
    editor!.hidden = true;
    show('[data-sign-in-needed]', true);
  }

  async function begin(): Promise<void> {
    const opened = await openAsCoordinator({ alert, show }, { regions: data.regions, regionBox: regionBox!, regionField: '[data-region-field]', signedOut, unavailable: data.refusals.unavailable });
    if (!opened) return;
    editor!.hidden = false;
    await loadRegion();
  }

  regionBox.addEventListener('change', () => void loadRegion());
  void begin();
}
