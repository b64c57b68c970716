// "Collega's", for an organisation's admins: who works on its listing, the open invitations (each
// can be withdrawn, after a confirmation step), and a form to invite a colleague as editor or
// admin. An editor never gets here (manage.ts shows the overview instead; the API refuses too).
// A refused invitation says why at its box and keeps what was typed.
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { type Context, oneAtATime, required } from './context.ts';
import { clearErrors, showErrors } from './form-data.ts';
import { staffApi, type Invitation, type Member, type ProviderRole } from './staff-api.ts';
import { count, dateInWords, inPageLanguage } from './words.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function setUpColleagues(ctx: Context): { show(): Promise<void> } {
  const view = required<HTMLElement>(document, '[data-view="colleagues"]');
  const form = required<HTMLFormElement>(view, 'form[data-form="invite"]');
  const membersList = required<HTMLElement>(view, '[data-members]');
  const invitationsList = required<HTMLElement>(view, '[data-invitations]');
  const none = required<HTMLElement>(view, '[data-invitations-none]');
  const m = ctx.data.texts.colleagues;
  const roles = ctx.data.texts.choose.roles;
  const words = { messages: {}, labels: {} };
  const organizationId = () => ctx.place.organizationId ?? '';
  let invitations: Invitation[] = [];

  function member(person: Member): HTMLElement {
    const you = person.accountId === ctx.me?.account.id;
    return el('li', { class: 'ww-manage__person' },
      el('strong', {}, person.name), you ? ` ${m.you}` : '', el('br'),
      person.email, ', ', person.roles.map((role) => roles[role]).join(', '));
  }

  function invitation(item: Invitation): HTMLElement {
    return el('li', { class: 'ww-manage__person', 'data-invitation': item.id },
      el('p', {}, fill(m.invitationLine, { name: item.name, email: item.email, role: roles[item.role], date: dateInWords(ctx.data, item.expiresAt) })),
      el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-action': 'withdraw', 'aria-label': fill(m.withdrawLabel, { name: item.name }) }, m.withdraw),
      el('div', { class: 'ww-manage__confirm', 'data-withdraw-confirm': true, tabindex: '-1', hidden: true },
        el('p', {}, fill(m.withdrawQuestion, { email: item.email })),
        el('div', { class: 'ww-manage__actions' },
          el('button', { type: 'button', class: 'ww-button', 'data-action': 'withdraw-yes' }, m.withdrawYes),
          el('button', { type: 'button', class: 'ww-button ww-button--secondary', 'data-action': 'withdraw-no' }, m.withdrawNo))),
    );
  }

  /** Reads both lists again; false (after saying why) if that failed. */
  async function load(): Promise<boolean> {
    const [members, open] = await Promise.all([staffApi.members(organizationId()), staffApi.invitations(organizationId())]);
    if (!members.ok) return (ctx.failed(members), false);
    if (!open.ok) return (ctx.failed(open), false);
    invitations = open.value.invitations;
    replaceChildren(membersList, ...members.value.members.map(member));
    replaceChildren(invitationsList, ...invitations.map(invitation));
    none.hidden = invitations.length > 0;
    return true;
  }

  const say = (path: string, message: string) => showErrors(form, [{ path, message }], words, '');

  async function invite(): Promise<void> {
    clearErrors(form);
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const name = String(data.get('name') ?? '').trim();
    const role = data.get('role') as ProviderRole | null;
    const wrong = [
      !EMAIL.test(email) && { path: 'email', message: m.emailInvalid },
      name === '' && { path: 'name', message: m.nameMissing },
      !role && { path: 'role', message: m.roleMissing },
    ].filter((problem) => problem !== false);
    if (wrong.length > 0 || !role) return showErrors(form, wrong, words, '');
    const outcome = await staffApi.invite(organizationId(), { email, name, role });
    if (outcome.ok) {
      form.reset();
      await load();
      const text = fill(m.invited, { email: outcome.value.email });
      form.querySelector('.ww-manage__done')?.remove();
      form.append(el('p', { class: 'ww-manage__done' }, text));
      ctx.announce(text);
    } else if (outcome.kind === 'invalid') {
      const mine: Record<string, string> = { email: m.emailInvalid, name: m.nameMissing, role: m.roleMissing };
      showErrors(form, outcome.fields.map((field) => ({ path: field.path, message: mine[field.path] ?? inPageLanguage(ctx.data, field.message) })), words, '');
    } else if (outcome.kind === 'refused' && outcome.status === 409) {
      say('email', m.alreadyMember);
    } else if (outcome.kind === 'refused' && outcome.status === 429) {
      say('email', count(ctx.data, m.tooMany, Math.ceil((outcome.retryAfterSeconds ?? 60) / 60)));
    } else {
      ctx.failed(outcome);
    }
  }

  async function withdraw(id: string): Promise<void> {
    const item = invitations.find((candidate) => candidate.id === id);
    if (!item) return;
    const outcome = await staffApi.withdrawInvitation(organizationId(), id);
    // Gone already (withdrawn by a colleague, or used): the list says how it is now.
    if (!outcome.ok && outcome.kind !== 'not-found') return ctx.failed(outcome);
    if (!(await load())) return;
    required<HTMLElement>(view, '#invitations-title').focus();
    ctx.announce(fill(m.withdrawn, { email: item.email }));
  }

  const once = oneAtATime(ctx);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    once(invite);
  });
  invitationsList.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const item = button?.closest<HTMLElement>('[data-invitation]');
    if (!button || !item) return;
    const confirm = required<HTMLElement>(item, '[data-withdraw-confirm]');
    const action = button.dataset.action;
    if (action === 'withdraw') {
      confirm.hidden = false;
      confirm.focus();
    } else if (action === 'withdraw-no') {
      confirm.hidden = true;
      item.querySelector<HTMLElement>('[data-action="withdraw"]')?.focus();
    } else if (action === 'withdraw-yes') {
      once(() => withdraw(item.dataset.invitation ?? ''));
    }
  });

  return {
    async show() {
      form.querySelector('.ww-manage__done')?.remove();
      await load();
    },
  };
}
