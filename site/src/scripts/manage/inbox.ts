// "Gedeelde verslagen", the provider's inbox (issue 14): the reports client supporters shared with
// the organisation (date, region, read or not, answered or not), one report in the words of the
// citizen's "my report", and the structured answer (meet; a place from a date; no fit, with a
// reason). The API leaves out a report whose access ended, and reading one that ended is a 404:
// the page then says that the access ended, rather than that something is missing. Reading a
// report records it as opened, which is why the list is read again on the way back.
import type { ReportContent } from '../../../../shared/report/report-content.ts';
import { el, fill, replaceChildren } from '../shortlist/dom.ts';
import { type Context, oneAtATime, required, section } from './context.ts';
import { clearErrors, showErrors } from './form-data.ts';
import { type InboxEntry, type InboxShare, type ShareResponse, staffApi } from './staff-api.ts';
import { count, dateInWords } from './words.ts';

export function setUpInbox(ctx: Context): { show(): Promise<string>; showCount(): Promise<void> } {
  const list = required<HTMLElement>(document, '[data-view="inbox"]');
  const one = required<HTMLElement>(document, '[data-view="share"]');
  const form = required<HTMLFormElement>(one, 'form[data-form="answer"]');
  const m = ctx.data.texts.inbox;
  const r = ctx.data.report;
  const organizationId = () => ctx.place.organizationId ?? '';
  const inboxHref = () => ctx.href({ organizationId: organizationId(), view: 'inbox' });
  let current: InboxShare | undefined;

  function entry(item: InboxEntry): HTMLElement {
    const title = fill(m.entry, { reference: item.reference });
    return el('li', { class: 'ww-card', 'data-share-entry': item.id },
      el('h2', { class: 'ww-card__title' }, title),
      el('p', {}, fill(m.sharedOn, { date: dateInWords(ctx.data, item.sharedAt) }), el('br'),
        fill(m.region, { region: ctx.data.regions[item.regionId] ?? item.regionId })),
      // In words, never by colour or weight alone.
      el('p', { 'data-share-state': true }, el('strong', {}, item.openedAt ? m.opened : m.notOpened), ', ', item.answered ? m.answered : m.notAnswered),
      el('a', { class: 'ww-manage__link', 'data-nav': true, 'aria-label': fill(m.readLabel, { reference: item.reference }),
        href: ctx.href({ organizationId: organizationId(), view: 'inbox', shareId: item.id }) }, m.read));
  }

  const group = (title: string, ...content: Array<HTMLElement | string | false>) => el('div', { class: 'ww-report-group' }, el('h3', {}, title), ...content);
  const items = (texts: string[]) => el('ul', {}, ...texts.map((text) => el('li', {}, text)));
  const answers = (written: ReportContent['ownWords'], none: string) =>
    (written.length === 0 ? [el('p', {}, none)] : written.map(({ question, answer }) => group(question, el('p', { class: 'ww-report-own-words' }, answer))));
  const part = (id: string, title: string, ...content: HTMLElement[]) =>
    el('section', { class: 'ww-report-section', 'aria-labelledby': `share-${id}` }, el('h2', { id: `share-${id}` }, title), ...content);

  /** The report in the same parts and words as the citizen's "my report" (ReportPage.astro). */
  function reportParts(report: ReportContent): HTMLElement[] {
    const { place } = report;
    return [
      ...(report.filledBy ? [el('p', {}, fill(r.filledBy, { who: report.filledBy }))] : []),
      part('wishes', r.wishesTitle, ...(report.wishes.length === 0 ? [el('p', {}, r.noWishes)]
        : report.wishes.map((wishes) => group(r.wishGroups[wishes.importance], items(wishes.items))))),
      part('place', r.placeTitle, place ? items([fill(r.place, { postcode: place.postcode }),
        place.maxDistanceKm !== undefined ? fill(r.maxDistance, { km: place.maxDistanceKm }) : r.noMaxDistance]) : el('p', {}, r.noPlace)),
      part('situation', r.situationTitle, ...answers(report.situation, r.noSituation)),
      part('own-words', r.ownWordsTitle, ...answers(report.ownWords, r.noOwnWords)),
      part('shortlist', r.shortlistTitle, ...(report.shortlist.length === 0 ? [el('p', {}, r.noShortlist)] : report.shortlist.map((item) =>
        el('article', { class: 'ww-report-item' },
          el('h3', {}, item.name),
          el('p', {}, el('strong', {}, `${item.locationName}, ${item.city}`), el('br'), item.organizationName,
            item.distanceKm !== undefined && el('br'), item.distanceKm !== undefined && fill(m.distance, { km: item.distanceKm })),
          ...([['match', r.fits, item.fits], ['mismatch', r.doesNotFit, item.doesNotFit], ['unknown', r.askProvider, item.askProvider]] as const)
            .filter(([, , texts]) => texts.length > 0)
            .map(([outcome, title, texts]) => el('div', { class: `ww-report-reasons ww-report-reasons--${outcome}` }, el('h4', {}, title), items([...texts]))))))),
    ];
  }

  function responseInWords(response: ShareResponse): string {
    if (response.kind === 'place-from') return fill(m.given['place-from'], { date: dateInWords(ctx.data, response.date) });
    if (response.kind === 'no-fit') return fill(m.given['no-fit'], { reason: response.reason });
    return m.given.meet;
  }

  function showGiven(share: InboxShare): void {
    const last = share.answers.at(-1);
    replaceChildren(required(one, '[data-given]'), ...(last ? [el('p', { class: 'ww-manage__done', 'data-given-answer': true },
      el('strong', {}, responseInWords(last.response)), ' ', fill(m.givenBy, { name: last.by.name, date: dateInWords(ctx.data, last.at) }))] : []));
  }

  /** Only the box the chosen answer needs is shown; what was typed in the other stays. */
  function showBoxes(): void {
    const kind = new FormData(form).get('kind');
    required<HTMLElement>(form, '[data-field="date"]').hidden = kind !== 'place-from';
    required<HTMLElement>(form, '[data-field="reason"]').hidden = kind !== 'no-fit';
  }

  async function showList(): Promise<string> {
    const outcome = await staffApi.inbox(organizationId());
    if (!outcome.ok) {
      ctx.failed(outcome);
      return 'inbox';
    }
    const shares = outcome.value.shares;
    replaceChildren(required(list, '[data-inbox-list]'), ...shares.map(entry));
    required<HTMLElement>(list, '[data-inbox-none]').hidden = shares.length > 0;
    return 'inbox';
  }

  async function showShare(shareId: string): Promise<string> {
    required<HTMLAnchorElement>(one, '[data-inbox-back]').href = inboxHref();
    const outcome = await staffApi.sharedReport(organizationId(), shareId);
    const body = required<HTMLElement>(one, '[data-share-body]');
    const ended = required<HTMLElement>(one, '[data-share-ended]');
    const title = required<HTMLElement>(one, '[data-title]');
    current = outcome.ok ? outcome.value : undefined;
    body.hidden = !current;
    // Gone from this organisation's reach (90 days, consent withdrawn, dossier closed): said as such.
    ended.hidden = !(outcome.ok === false && outcome.kind === 'not-found');
    title.textContent = current ? fill(m.entry, { reference: current.reference }) : m.title;
    if (!outcome.ok && outcome.kind !== 'not-found') ctx.failed(outcome);
    if (!current) return 'share';
    required(one, '[data-sent-by]').textContent = fill(m.sentBy, { name: current.sharedBy.name, date: dateInWords(ctx.data, current.sharedAt), reference: current.reference });
    replaceChildren(required(one, '[data-report-parts]'), ...reportParts(current.report));
    showGiven(current);
    form.reset();
    clearErrors(form);
    showBoxes();
    return 'share';
  }

  const words = { messages: { kind: m.kindMissing, date: m.dateMissing, reason: m.reasonMissing }, labels: {} };

  async function answer(): Promise<void> {
    const share = current;
    if (!share) return;
    clearErrors(form);
    const data = new FormData(form);
    const kind = data.get('kind');
    const date = String(data.get('date') ?? '');
    const reason = String(data.get('reason') ?? '').trim();
    const response: ShareResponse | undefined = kind === 'meet' ? { kind }
      : kind === 'place-from' && date !== '' ? { kind, date }
        : kind === 'no-fit' && reason !== '' ? { kind, reason } : undefined;
    if (!response) return showErrors(form, [{ path: kind === 'place-from' ? 'date' : kind === 'no-fit' ? 'reason' : 'kind', message: '' }], words, '');
    const outcome = await staffApi.answerShare(organizationId(), share.id, share.version, response);
    if (outcome.ok) {
      current = outcome.value;
      showGiven(outcome.value);
      required<HTMLElement>(one, '#share-answer-title').focus();
      ctx.announce(m.sent);
    } else if (outcome.kind === 'invalid') {
      showErrors(form, outcome.fields, words, 'response.');
    } else if (outcome.kind === 'refused' && outcome.status === 409) {
      // A colleague answered meanwhile: their answer is shown, what was chosen here stays for a second press.
      const again = await staffApi.sharedReport(organizationId(), share.id);
      if (!again.ok) return ctx.failed(again);
      current = again.value;
      showGiven(again.value);
      ctx.alert(m.changedMeanwhile);
    } else if (outcome.kind === 'not-found') {
      required<HTMLElement>(one, '[data-share-body]').hidden = true;
      required<HTMLElement>(one, '[data-share-ended]').hidden = false;
      required<HTMLElement>(one, 'h1').focus();
    } else {
      ctx.failed(outcome);
    }
  }

  const once = oneAtATime(ctx);
  form.addEventListener('submit', once.on(answer));
  form.addEventListener('change', showBoxes);

  return {
    show: () => (ctx.place.shareId ? showShare(ctx.place.shareId) : showList()),
    /** The overview's link, with how many reports there are to read. */
    async showCount() {
      const link = section('overview')?.querySelector<HTMLAnchorElement>('a[data-tool="inbox"]');
      if (!link) return;
      const outcome = await staffApi.inbox(organizationId());
      link.closest('li')?.toggleAttribute('hidden', !outcome.ok);
      if (!outcome.ok) return;
      link.href = inboxHref();
      link.textContent = count(ctx.data, m.link, outcome.value.shares.length);
    },
  };
}
