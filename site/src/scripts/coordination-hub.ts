// The coordinators' hub (HubPage.astro): asks who is signed in (the portal's session), offers the
// regions the person coordinates, and for the region chosen shows its organisations (admit a provider
// or a support organisation by inviting its first admin, withdraw an invitation, remove a provider
// from the region after a typed confirmation), its stale and incomplete listings with a reminder
// per organisation (the button then says when it went), and the audit trail, filtered and paged.
// Every call is the staff API's (/api/coordinator/regions/{regionId}/...); a refusal is said in the
// page's words.
import type { Messages } from '../../../shared/i18n/nl.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import { parseDate } from '../../../shared/i18n/dates.ts';
import type { ApiOutcome } from './lib/api-fetch.ts';
import { el, fill, pluralForm, replaceChildren } from './shortlist/dom.ts';
import { call, type Invitation } from './manage/staff-api.ts';
import { coordinationData, openAsCoordinator, pageLines } from './manage/page-lines.ts';

export interface HubPageData {
  locale: Locale;
  intlLocale: string;
  texts: Messages['coordination'];
  /** Field name → its label in the portal, for "not filled in". */
  fieldLabels: Record<string, string>;
  regions: Array<{ id: string; name: string }>;
  /** The portal, where one signs in. */
  portal: string;
}

interface Staff { name: string; role: string; lastSignInAt?: string }
interface Provider {
  id: string; name: string; staff: Staff[]; lastSignInAt?: string;
  openInvitations: OpenInvitation[];
  locations: Array<{ id: string; name: string }>; housingForms: number;
  freshness: { oldestConfirmation?: string; oldestDays?: number; stale: number };
}
type OpenInvitation = Pick<Invitation, 'id' | 'name' | 'email' | 'createdAt' | 'expiresAt'>;
interface SupportOrganization { id: string; name: string; lastSignInAt?: string; openInvitations: OpenInvitation[] }
interface Organizations { regionName: string; providers: Provider[]; supportOrganizations: SupportOrganization[] }
/** The two kinds of organisation a coordinator admits, by their API path. */
type Kind = 'organizations' | 'support-organizations';
type AttentionKind = keyof Messages['coordination']['attention']['kinds'];
interface Attention { kind: AttentionKind; days?: number; fields?: string[] }
interface AttentionItem { organizationId: string; organizationName: string; locationId: string; locationName: string; city: string; housingFormId?: string; housingFormName?: string; attention: Attention[] }
interface Reminder { organizationId: string; sentAt: string; by: { name: string }; nextAllowedAt: string }
interface AuditRecord {
  changeId: string; at: string; by: { name: string }; action: keyof Messages['coordination']['audit']['actions'];
  organizationId: string; organizationName: string; locationId?: string; locationName?: string; housingFormId?: string; housingFormName?: string; fields: string[];
}

const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const data = coordinationData<HubPageData>('hub');
if (data) start(data);

function start(data: HubPageData): void {
  const d = data.texts;
  const q = <T extends Element>(selector: string) => document.querySelector<T>(selector);
  const hub = q<HTMLElement>('[data-hub]');
  const regionBox = q<HTMLSelectElement>('#hub-region');
  const admitForm = q<HTMLFormElement>('form[data-form="admit"]');
  const admitSupportForm = q<HTMLFormElement>('form[data-form="admit-support"]');
  const removeForm = q<HTMLFormElement>('form[data-form="remove"]');
  const removePanel = q<HTMLElement>('[data-remove-panel]');
  const attentionForm = q<HTMLFormElement>('form[data-form="attention"]');
  const auditForm = q<HTMLFormElement>('form[data-form="audit"]');
  const moreAudit = q<HTMLButtonElement>('[data-action="more-audit"]');
  if (!hub || !regionBox || !admitForm || !admitSupportForm || !removeForm || !removePanel || !attentionForm || !auditForm || !moreAudit) return;
  const dateName = new Intl.DateTimeFormat(data.intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' });
  const dateTimeName = new Intl.DateTimeFormat(data.intlLocale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' });
  const date = (iso: string) => dateName.format(parseDate(iso));
  const dateTime = (iso: string) => dateTimeName.format(parseDate(iso));
  const plural = (forms: { one: string; other: string }, n: number, values: Record<string, string | number> = {}) =>
    fill(pluralForm(data.intlLocale, forms, n), { ...values, count: n });

  let regionId = '';
  let organizations: Organizations | undefined;
  let attention: { items: AttentionItem[]; reminders: Reminder[] } = { items: [], reminders: [] };
  let removing: Provider | undefined;
  let auditNext: string | undefined;

  const { announce, alert, show } = pageLines();
  const path = (rest: string) => `/api/coordinator/regions/${encodeURIComponent(regionId)}${rest}`;

  /** Says a failed call in the page's words; false when it failed. */
  function handled<T>(outcome: ApiOutcome<T>): outcome is { ok: true; value: T } {
    if (outcome.ok) return true;
    if (outcome.kind === 'refused' && outcome.status === 401) signedOut();
    else if (outcome.kind === 'refused' && outcome.status === 403) alert(d.forbidden);
    else if (outcome.kind === 'invalid') alert(d.invalid);
    else alert(d.unavailable);
    return false;
  }

  /** Field errors at their boxes (`fields` paths as the API names them, e.g. `organization.id`). */
  function fieldErrors(form: HTMLFormElement, errors: Record<string, string>): void {
    for (const field of form.querySelectorAll<HTMLElement>('[data-field]')) {
      const name = field.dataset.field ?? '';
      const message = errors[name];
      const box = field.querySelector<HTMLInputElement>('input');
      const error = field.querySelector<HTMLElement>('[data-error]');
      if (error) {
        error.textContent = message ?? '';
        error.hidden = !message;
      }
      if (message) box?.setAttribute('aria-invalid', 'true');
      else box?.removeAttribute('aria-invalid');
    }
    const first = Object.keys(errors)[0];
    if (first) form.querySelector<HTMLInputElement>(`[data-field="${first}"] input`)?.focus();
  }
  const value = (form: HTMLFormElement, name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null)?.value.trim() ?? '';

  // ---- organisations ------------------------------------------------------------------------

  /** An organisation's open invitations, each with its withdraw button. */
  function invitationLines(kind: Kind, organizationId: string, invitations: readonly OpenInvitation[]): HTMLElement[] {
    const o = d.organizations;
    return invitations.flatMap((i) => [
      el('span', { class: 'ww-hub__invitation' }, fill(o.invited, { name: i.name, email: i.email, date: date(i.expiresAt) })),
      el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-withdraw': `${kind}/${organizationId}/${i.id}`, 'aria-label': fill(o.withdrawLabel, { name: i.name }) }, o.withdraw),
    ]);
  }

  function renderOrganizations(): void {
    if (!organizations) return;
    const o = d.organizations;
    const body = q<HTMLTableSectionElement>('[data-table="providers"] tbody');
    if (body) {
      replaceChildren(body, ...organizations.providers.map((p) => el('tr', {},
        el('th', { scope: 'row' }, el('span', {}, p.name), ...invitationLines('organizations', p.id, p.openInvitations)),
        el('td', {}, p.lastSignInAt ? dateTime(p.lastSignInAt) : o.never),
        el('td', {}, p.freshness.oldestConfirmation ? fill(o.oldest, { date: date(p.freshness.oldestConfirmation), days: p.freshness.oldestDays ?? 0 }) : o.none),
        el('td', {}, String(p.freshness.stale)),
        el('td', {}, String(p.locations.length)),
        el('td', {}, el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-remove': p.id, 'aria-label': fill(o.removeLabel, { name: p.name }) }, o.remove)))));
    }
    const support = organizations.supportOrganizations;
    const supportBody = q<HTMLTableSectionElement>('[data-table="support"] tbody');
    if (supportBody) {
      replaceChildren(supportBody, ...support.map((s) => el('tr', {},
        el('th', { scope: 'row' }, el('span', {}, s.name), ...invitationLines('support-organizations', s.id, s.openInvitations)),
        el('td', {}, s.lastSignInAt ? dateTime(s.lastSignInAt) : o.never))));
    }
    show('[data-support-none]', support.length === 0);
    show('[data-support-wrap]', support.length > 0);
    fillOrganizationChoices();
  }

  function fillOrganizationChoices(): void {
    const providers = organizations?.providers ?? [];
    for (const [selector, all] of [['#hub-attention-organization', d.attention.allOrganizations], ['#hub-audit-organization', d.attention.allOrganizations]] as const) {
      const box = q<HTMLSelectElement>(selector);
      if (!box) continue;
      const kept = box.value;
      replaceChildren(box, el('option', { value: '' }, all), ...providers.map((p) => el('option', { value: p.id }, p.name)));
      box.value = providers.some((p) => p.id === kept) ? kept : '';
    }
    fillLocationChoices();
  }

  function fillLocationChoices(): void {
    const box = q<HTMLSelectElement>('#hub-audit-location');
    if (!box) return;
    const chosen = value(auditForm!, 'organizationId');
    const locations = (organizations?.providers ?? []).filter((p) => !chosen || p.id === chosen).flatMap((p) => p.locations);
    replaceChildren(box, el('option', { value: '' }, d.audit.allLocations), ...locations.map((l) => el('option', { value: l.id }, l.name)));
  }

  async function loadOrganizations(): Promise<void> {
    const outcome = await call<Organizations>('GET', path('/organizations'));
    if (!handled(outcome)) return;
    organizations = outcome.value;
    renderOrganizations();
  }

  // A care provider or a support organisation, admitted alike: the API names its fields by `entity`.
  const admissions = [
    { form: admitForm, kind: 'organizations', entity: 'organization' },
    { form: admitSupportForm, kind: 'support-organizations', entity: 'supportOrganization' },
  ] as const;
  for (const { form, kind, entity } of admissions) {
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void (async () => {
        alert('');
        const a = d.admit;
        const name = value(form, `${entity}.name`);
        const body = {
          [entity]: { id: value(form, `${entity}.id`), name },
          admin: { name: value(form, 'admin.name'), email: value(form, 'admin.email') },
        };
        const outcome = await call<{ invitation: { email: string } }>('POST', path(`/${kind}`), body);
        if (!outcome.ok && outcome.kind === 'invalid') {
          fieldErrors(form, Object.fromEntries(outcome.fields.map((f) => [f.path, f.message])));
          return;
        }
        if (!outcome.ok && outcome.kind === 'refused' && outcome.status === 409) return fieldErrors(form, { [`${entity}.id`]: a.taken });
        if (!outcome.ok && outcome.kind === 'refused' && outcome.status === 429) return alert(a.tooMany);
        if (!handled(outcome)) return;
        fieldErrors(form, {});
        form.reset();
        announce(fill(a.done, { name, email: outcome.value.invitation.email }));
        await loadOrganizations();
      })();
    });
  }

  hub.addEventListener('click', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-withdraw], [data-remove], [data-remind]');
    if (!target) return;
    if (target.dataset.withdraw) void withdraw(target.dataset.withdraw);
    else if (target.dataset.remove) openRemoval(target.dataset.remove);
    else if (target.dataset.remind) void remind(target as HTMLButtonElement, target.dataset.remind);
  });

  async function withdraw(ids: string): Promise<void> {
    const [kind = '', organizationId = '', invitationId = ''] = ids.split('/');
    const owners = kind === 'support-organizations' ? organizations?.supportOrganizations : organizations?.providers;
    const invitation = owners?.find((o) => o.id === organizationId)?.openInvitations.find((i) => i.id === invitationId);
    const outcome = await call('DELETE', path(`/${kind}/${encodeURIComponent(organizationId)}/invitations/${encodeURIComponent(invitationId)}`));
    if (!handled(outcome)) return;
    announce(fill(d.organizations.withdrawn, { name: invitation?.name ?? '' }));
    await loadOrganizations();
    q<HTMLElement>(kind === 'support-organizations' ? '#hub-support-title' : '#hub-providers-title')?.focus();
  }

  function openRemoval(organizationId: string): void {
    const o = d.organizations;
    removing = organizations?.providers.find((p) => p.id === organizationId);
    if (!removing) return;
    const explain = q<HTMLElement>('[data-remove-explain]');
    if (explain) explain.textContent = plural(o.removeExplain, removing.locations.length, { name: removing.name });
    const label = q<HTMLElement>('[data-remove-label]');
    if (label) label.textContent = fill(o.removeConfirmLabel, { id: removing.id });
    const submit = q<HTMLElement>('[data-remove-submit]');
    if (submit) submit.textContent = fill(o.removeConfirm, { name: removing.name });
    removeForm!.reset();
    fieldErrors(removeForm!, {});
    removePanel!.hidden = false;
    q<HTMLInputElement>('#hub-remove-confirm')?.focus();
  }

  function closeRemoval(): void {
    const id = removing?.id;
    removing = undefined;
    removePanel!.hidden = true;
    if (id) q<HTMLElement>(`[data-remove="${CSS.escape(id)}"]`)?.focus();
  }
  q('[data-action="cancel-remove"]')?.addEventListener('click', closeRemoval);
  removePanel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeRemoval();
  });

  removeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void (async () => {
      if (!removing) return;
      const o = d.organizations;
      const confirm = value(removeForm, 'confirm');
      if (confirm !== removing.id) return fieldErrors(removeForm, { confirm: fill(o.removeMismatch, { id: removing.id }) });
      const outcome = await call('DELETE', path(`/organizations/${encodeURIComponent(removing.id)}`), { confirm });
      if (!handled(outcome)) return;
      const name = removing.name;
      removing = undefined;
      removePanel!.hidden = true;
      announce(fill(o.removed, { name }));
      await Promise.all([loadOrganizations(), loadAttention()]);
      q<HTMLElement>('#hub-providers-title')?.focus();
    })();
  });

  // ---- stale and incomplete listings --------------------------------------------------------

  function whatOf(a: Attention): string {
    const at = d.attention;
    if (a.kind === 'waiting-list-stale') return fill(at.stale, { days: a.days ?? 0 });
    if (a.kind === 'unknown-fields') return fill(at.unknown, { fields: (a.fields ?? []).map((f) => data.fieldLabels[f] ?? f).join(', ') });
    return at.kinds[a.kind];
  }

  function renderAttention(): void {
    const at = d.attention;
    const sort = value(attentionForm!, 'sort');
    const items = [...attention.items];
    if (sort === 'organization') items.sort((a, b) => a.organizationName.localeCompare(b.organizationName, data.intlLocale) || a.locationName.localeCompare(b.locationName, data.intlLocale));
    const body = q<HTMLTableSectionElement>('[data-table="attention"] tbody');
    if (body) {
      replaceChildren(body, ...items.map((item) => el('tr', {},
        el('td', {}, item.organizationName),
        el('th', { scope: 'row' }, [item.housingFormName, `${item.locationName} (${item.city})`].filter(Boolean).join(', ')),
        el('td', {}, el('ul', { class: 'ww-hub__what' }, ...item.attention.map((a) => el('li', {}, whatOf(a))))))));
    }
    const countLine = q<HTMLElement>('[data-attention-count]');
    if (countLine) countLine.textContent = items.length === 0 ? at.none : plural(at.count, items.length);
    show('[data-attention-wrap]', items.length > 0);
    renderReminders();
  }

  /** One button per organisation with something to update: says when the last reminder went, and is off until the next may go. */
  function renderReminders(): void {
    const at = d.attention;
    const list = q<HTMLElement>('[data-reminders]');
    if (!list) return;
    const names = new Map(attention.items.map((i) => [i.organizationId, i.organizationName]));
    const now = Date.now();
    replaceChildren(list, ...[...names].map(([organizationId, name]) => {
      const last = attention.reminders.find((r) => r.organizationId === organizationId);
      const waiting = last !== undefined && Date.parse(last.nextAllowedAt) > now;
      return el('li', {},
        el('button', { type: 'button', class: 'ww-button', 'data-remind': organizationId, ...(waiting ? { disabled: '' } : {}) },
          waiting ? fill(at.reminded, { date: dateTime(last.sentAt) }) : fill(at.remind, { name })),
        ...(last ? [el('span', { class: 'ww-hint' }, ` ${fill(at.remindedBy, { date: dateTime(last.sentAt), name: last.by.name })}`)] : []));
    }));
  }

  async function loadAttention(): Promise<void> {
    const search = new URLSearchParams();
    for (const name of ['organizationId', 'kind']) if (value(attentionForm!, name)) search.set(name, value(attentionForm!, name));
    const outcome = await call<typeof attention>('GET', `${path('/attention')}?${search.toString()}`);
    if (!handled(outcome)) return;
    attention = outcome.value;
    renderAttention();
  }

  attentionForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadAttention();
  });

  async function remind(button: HTMLButtonElement, organizationId: string): Promise<void> {
    const at = d.attention;
    const name = attention.items.find((i) => i.organizationId === organizationId)?.organizationName ?? organizationId;
    button.disabled = true;
    const outcome = await call<{ sentAt: string; nextAllowedAt: string; recipients: number }>('POST', path(`/organizations/${encodeURIComponent(organizationId)}/reminder`), {});
    if (!outcome.ok && outcome.kind === 'refused' && outcome.status === 409 && outcome.code === 'no_staff') {
      button.disabled = false;
      return alert(fill(at.noStaff, { name }));
    }
    // Sent a moment ago (another tab, a colleague): the list below says when.
    const sentAlready = !outcome.ok && outcome.kind === 'refused' && outcome.status === 429;
    if (!sentAlready && !handled(outcome)) {
      button.disabled = false;
      return;
    }
    if (outcome.ok) announce(plural(at.sent, outcome.value.recipients, { name }));
    await loadAttention();
    q<HTMLElement>(`[data-remind="${CSS.escape(organizationId)}"]`)?.focus();
  }

  // ---- audit trail --------------------------------------------------------------------------

  function auditRows(records: AuditRecord[]): HTMLTableRowElement[] {
    const au = d.audit;
    return records.map((r) => el('tr', {},
      el('td', {}, dateTime(r.at)),
      el('td', {}, r.by.name),
      el('td', {}, r.organizationName),
      el('td', {}, [r.housingFormName ?? r.housingFormId, r.locationName ?? r.locationId].filter(Boolean).join(', ')),
      el('td', {}, au.actions[r.action] ?? r.action),
      el('td', {}, r.fields.map((f) => data.fieldLabels[f] ?? f).join(', '))));
  }

  async function loadAudit(more: boolean): Promise<void> {
    const au = d.audit;
    const example = new Date().toISOString().slice(0, 10);
    const wrong: Record<string, string> = {};
    for (const name of ['from', 'to']) if (value(auditForm!, name) && !DATE.test(value(auditForm!, name))) wrong[name] = fill(au.dateInvalid, { example });
    fieldErrors(auditForm!, wrong);
    if (Object.keys(wrong).length > 0) return;
    const search = new URLSearchParams();
    for (const name of ['organizationId', 'locationId', 'action', 'from', 'to']) if (value(auditForm!, name)) search.set(name, value(auditForm!, name));
    if (more && auditNext) search.set('cursor', auditNext);
    const outcome = await call<{ records: AuditRecord[]; next?: string }>('GET', `${path('/audit')}?${search.toString()}`);
    if (!outcome.ok && outcome.kind === 'invalid') {
      return fieldErrors(auditForm!, Object.fromEntries(outcome.fields.map((f) => [f.path.replace(/^query\./, ''), f.message])));
    }
    if (!handled(outcome)) return;
    const body = q<HTMLTableSectionElement>('[data-table="audit"] tbody');
    if (!body) return;
    const rows = auditRows(outcome.value.records);
    if (more) body.append(...rows);
    else replaceChildren(body, ...rows);
    auditNext = outcome.value.next;
    moreAudit!.hidden = auditNext === undefined;
    const shown = body.children.length;
    const countLine = q<HTMLElement>('[data-audit-count]');
    if (countLine) countLine.textContent = shown === 0 ? au.none : plural(au.loaded, shown);
    show('[data-audit-wrap]', shown > 0);
    if (more) (rows[0]?.querySelector('td') as HTMLElement | null)?.setAttribute('tabindex', '-1');
    if (more) (rows[0]?.querySelector('td') as HTMLElement | null)?.focus();
  }

  auditForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadAudit(false).then(() => announce(q<HTMLElement>('[data-audit-count]')?.textContent ?? ''));
  });
  q('#hub-audit-organization')?.addEventListener('change', fillLocationChoices);
  moreAudit.addEventListener('click', () => void loadAudit(true));

  // ---- start --------------------------------------------------------------------------------

  function signedOut(): void {
    hub!.hidden = true;
    show('[data-sign-in-needed]', true);
  }

  async function loadRegion(): Promise<void> {
    regionId = regionBox!.value;
    auditNext = undefined;
    await loadOrganizations();
    await Promise.all([loadAttention(), loadAudit(false)]);
  }

  async function begin(): Promise<void> {
    const opened = await openAsCoordinator({ alert, show }, { regions: data.regions, regionBox: regionBox!, regionField: '[data-field="region"]', signedOut, unavailable: d.unavailable });
    if (!opened) return;
    const example = new Date().toISOString().slice(0, 10);
    for (const hint of auditForm!.querySelectorAll('[data-date-hint]')) hint.textContent = fill(d.audit.dateHint, { example });
    hub!.hidden = false;
    await loadRegion();
  }

  regionBox.addEventListener('change', () => void loadRegion());
  void begin();
}
