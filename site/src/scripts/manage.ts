// The provider portal's one client script (no framework; the views live in ./manage/): asks who is
// signed in, shows the sign-in or the view the address names (?organisatie=…&locatie=…&woonvorm=…
// &weergave=wijzigen|geschiedenis|nieuw|spreadsheet|collegas|verslagen (&verslag=… for one report); English names on /en/manage/), follows Back and Forward,
// and moves focus to each new view's heading. Results are said in the status line (a live
// region), problems in the alert line; a session that ended mid-work leads to the sign-in and
// then back to the same view. `?terug=/path` (a page of this site that needs a signed-in person,
// such as together mode's way in) is where a sign-in returns to. Signing out, or a session
// found ended, also ends together mode in this tab: nothing of a client stays on the device.
import type { ApiOutcome } from './lib/api-fetch.ts';
import { forgetTogether } from './lib/together-keys.ts';
import { el, fill, replaceChildren } from './shortlist/dom.ts';
import { type Context, type Place, type ViewName, section } from './manage/context.ts';
import { setUpColleagues } from './manage/colleagues.ts';
import { setUpHistory } from './manage/history.ts';
import { setUpInbox } from './manage/inbox.ts';
import { setUpHousingFormEditor } from './manage/housing-form-editor.ts';
import { setUpLocationEditor } from './manage/location-editor.ts';
import { setUpOverview } from './manage/overview.ts';
import { setUpPasskeys } from './manage/passkeys.ts';
import { readPageData, type ManagePageData } from './manage/page-data.ts';
import { setUpSignIn } from './manage/sign-in.ts';
import { setUpSpreadsheet } from './manage/spreadsheet.ts';
import { staffApi, type Me } from './manage/staff-api.ts';
import { count } from './manage/words.ts';
import { sayIn } from './lib/live-region.ts';

const pageData = readPageData();
if (pageData) start(pageData);

function start(data: ManagePageData): void {
  const m = data.texts;
  const p = data.params;
  const statusLine = document.querySelector<HTMLElement>('[data-status]');
  const alertLine = document.querySelector<HTMLElement>('[data-alert]');
  const account = document.querySelector<HTMLElement>('[data-account]');
  const chooseOther = document.querySelector<HTMLAnchorElement>('[data-choose-other]');
  const views = [...document.querySelectorAll<HTMLElement>('[data-view]')];
  const titleSuffix = document.title.split(' | ').pop() ?? '';
  const viewOf: Record<string, ViewName> = { [p.edit]: 'edit', [p.history]: 'history', [p.create]: 'create', [p.spreadsheet]: 'spreadsheet', [p.colleagues]: 'colleagues', [p.inbox]: 'inbox' };

  function readPlace(): Place {
    const query = new URLSearchParams(location.search);
    const get = (name: string) => query.get(name) || undefined;
    return { organizationId: get(p.organization), locationId: get(p.location), housingFormId: get(p.housingForm), shareId: get(p.share), view: viewOf[query.get(p.view) ?? ''] ?? 'overview' };
  }

  function href(place: Place): string {
    const query = new URLSearchParams();
    if (place.organizationId) query.set(p.organization, place.organizationId);
    if (place.locationId) query.set(p.location, place.locationId);
    if (place.housingFormId) query.set(p.housingForm, place.housingFormId);
    if (place.shareId) query.set(p.share, place.shareId);
    if (place.view && place.view !== 'overview') query.set(p.view, p[place.view]);
    const search = query.toString();
    return `${location.pathname}${search ? `?${search}` : ''}`;
  }

  function announce(text: string): void {
    sayIn(statusLine, text);
  }

  function alert(text: string): void {
    if (alertLine) alertLine.textContent = text;
  }

  function showView(name: string, focus: boolean): void {
    for (const view of views) view.hidden = view.dataset.view !== name;
    const heading = section(name)?.querySelector<HTMLElement>('h1');
    document.title = heading?.textContent ? `${heading.textContent} | ${titleSuffix}` : document.title;
    if (!focus) return;
    // A new view starts at its top, however far down the last one was read (its button was pressed).
    window.scrollTo({ top: 0, behavior: 'instant' });
    heading?.focus({ preventScroll: true });
  }

  function failed(outcome: ApiOutcome<unknown> & { ok: false }): void {
    if (outcome.kind === 'refused' && outcome.status === 401) {
      signedOut();
      alert(m.signedOutByServer);
    } else if (outcome.kind === 'refused' && outcome.status === 403) {
      alert(m.forbidden);
    } else if (outcome.kind === 'not-found') {
      alert(m.notFound);
    } else {
      alert(m.unavailable);
    }
  }

  async function reload(): Promise<boolean> {
    const organizationId = ctx.place.organizationId;
    if (!organizationId) return false;
    const outcome = await staffApi.listing(organizationId);
    if (!outcome.ok) {
      failed(outcome);
      return false;
    }
    ctx.listing = outcome.value;
    return true;
  }

  const ctx: Context = {
    data, place: readPlace(), announce, alert, href, failed, reload,
    roleHere: () => ctx.organizations?.find((organization) => organization.id === ctx.place.organizationId)?.role,
    go(place, message) {
      history.pushState(null, '', href(place));
      void route(true, message);
    },
  };

  const signedIn = (me: Me) => {
    const back = returnPath();
    if (back) {
      location.assign(back);
      return;
    }
    ctx.me = me;
    alert('');
    void route(true, m.signIn.welcome);
  };
  const signIn = setUpSignIn(ctx, signedIn);
  const passkeys = setUpPasskeys(ctx, signedIn);
  const overview = setUpOverview(ctx);
  const housingFormEditor = setUpHousingFormEditor(ctx);
  const locationEditor = setUpLocationEditor(ctx);
  const historyView = setUpHistory(ctx);
  const spreadsheet = setUpSpreadsheet(ctx);
  const colleagues = setUpColleagues(ctx);
  const inbox = setUpInbox(ctx);

  function signedOut(): void {
    forgetTogether();
    ctx.me = undefined;
    ctx.organizations = undefined;
    ctx.listing = undefined;
    if (account) account.hidden = true;
    signIn.show();
    showView('sign-in', true);
  }

  function showAccount(): void {
    if (!account || !ctx.me) return;
    // The passkeys are read when the panel appears (after a sign-in or a reload), not on every view.
    if (account.hidden) void passkeys.showSettings();
    account.hidden = false;
    const name = account.querySelector('[data-account-name]');
    if (name) name.textContent = fill(m.accountLabel, { name: ctx.me.account.name });
    // A region's coordinator finds the hub (and the region's demand against supply) from here.
    const coordinator = ctx.me.memberships.some((membership) => membership.role === 'coordinator');
    for (const link of account.querySelectorAll<HTMLElement>('[data-coordination], [data-coordination-hub]')) link.hidden = !coordinator;
    // A client supporter finds their dossiers (/ondersteuner/) from here.
    const supporter = account.querySelector<HTMLElement>('[data-supporter]');
    if (supporter) supporter.hidden = !ctx.me.memberships.some((membership) => membership.role === 'supporter' || membership.role === 'supporter-admin');
    if (chooseOther) {
      chooseOther.hidden = (ctx.organizations?.length ?? 0) < 2 || !ctx.place.organizationId;
      chooseOther.href = href({});
    }
  }

  function showChooser(focus: boolean): void {
    const organizations = ctx.organizations ?? [];
    const list = section('choose')?.querySelector('[data-organizations]');
    if (list) {
      replaceChildren(list, ...organizations.map((organization) => el('li', { class: 'ww-card' },
        el('h2', { class: 'ww-card__title' }, el('a', { class: 'ww-card__link', href: href({ organizationId: organization.id }), 'data-nav': true }, organization.name)),
        el('p', {}, m.choose.roles[organization.role]))));
    }
    const intro = section('choose')?.querySelector<HTMLElement>('[data-choose-intro]');
    const none = section('choose')?.querySelector<HTMLElement>('[data-choose-none]');
    if (intro) intro.hidden = organizations.length === 0;
    if (none) none.hidden = organizations.length > 0;
    showView('choose', focus);
  }

  /** Shows the view the address names; `message` is announced once it is shown. */
  async function route(focus: boolean, message?: string): Promise<void> {
    ctx.place = readPlace();
    if (!ctx.me) {
      const me = await staffApi.me();
      if (!me.ok && me.kind === 'refused' && me.status === 401) {
        signIn.show();
        showView('sign-in', focus);
        return;
      }
      if (!me.ok) return failed(me);
      ctx.me = me.value;
    }
    if (!ctx.organizations) {
      const answer = await staffApi.organizations();
      if (!answer.ok) return failed(answer);
      ctx.organizations = answer.value.organizations;
    }
    const only = ctx.organizations.length === 1 ? ctx.organizations[0] : undefined;
    if (!ctx.place.organizationId && only) {
      history.replaceState(null, '', href({ organizationId: only.id }));
      ctx.place = readPlace();
    }
    showAccount();
    if (!ctx.place.organizationId) {
      showChooser(focus);
    } else {
      if (ctx.listing?.organization.id !== ctx.place.organizationId && !(await reload())) return;
      for (const back of document.querySelectorAll<HTMLAnchorElement>('[data-back]')) back.href = href({ organizationId: ctx.place.organizationId });
      const { view, locationId, housingFormId } = ctx.place;
      if (view === 'history' && housingFormId) {
        showView('history', false);
        await historyView.show();
        showView('history', focus);
      } else if ((view === 'edit' && housingFormId) || (view === 'create' && locationId)) {
        housingFormEditor.show();
        showView('housing-form', focus);
      } else if (view === 'edit' && locationId) {
        locationEditor.show();
        showView('location', focus);
      } else if (view === 'spreadsheet') {
        spreadsheet.show();
        showView('spreadsheet', focus);
      } else if (view === 'colleagues' && ctx.roleHere() === 'provider-admin') {
        showView('colleagues', false);
        await colleagues.show();
        showView('colleagues', focus);
      } else if (view === 'inbox') {
        const shown = await inbox.show();
        showView(shown, focus);
      } else {
        overview.show();
        showView('overview', focus);
        void inbox.showCount();
      }
    }
    if (message) announce(message);
  }

  document.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-nav], a[data-back], a[data-choose-other]');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    history.pushState(null, '', link.href);
    leaveView();
    void route(true);
  });
  window.addEventListener('popstate', () => {
    leaveView();
    void route(true);
  });

  /** What was said about the last view is not carried into the next. */
  function leaveView(): void {
    alert('');
    announce('');
  }

  async function leave(everywhere: boolean): Promise<void> {
    const outcome = everywhere ? await staffApi.signOutEverywhere() : await staffApi.signOut();
    if (!outcome.ok && !(outcome.kind === 'refused' && outcome.status === 401)) return failed(outcome);
    signedOut();
    alert('');
    announce(everywhere && outcome.ok ? count(data, m.signedOutEverywhere, outcome.value.endedSessions) : m.signedOut);
  }
  document.querySelector('[data-action="sign-out"]')?.addEventListener('click', () => void leave(false));
  document.querySelector('[data-action="sign-out-everywhere"]')?.addEventListener('click', () => void leave(true));

  void route(false);
}

/**
 * Where a sign-in goes back to: a path on this site only, never another site's address. Judged by
 * the address the browser would resolve, not by the text: a browser drops tabs and line breaks
 * first, so "/<tab>/evil.example" would otherwise pass a check on "//" and lead off the site.
 */
function returnPath(): string | undefined {
  const back = new URLSearchParams(location.search).get('terug');
  if (!back?.startsWith('/')) return undefined;
  try {
    const url = new URL(back, location.origin);
    return url.origin === location.origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
  } catch {
    return undefined;
  }
}
