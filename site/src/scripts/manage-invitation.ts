// The invitation page's script: the token is read from the address's fragment (#token=…) and sent
// only in the body of POST /api/auth/invitations/accept. Accepted: who for and in which role, and
// on to the portal's sign-in with the invited address filled in. An expired, withdrawn or used
// invitation, or one for another address than the signed-in one, is said in plain words; for the
// latter the person can sign out here and accept again.
import type { Messages } from '../../../shared/i18n/nl.ts';
import { fill } from './shortlist/dom.ts';
import { rememberInvitedAddress } from './manage/sign-in.ts';
import { staffApi } from './manage/staff-api.ts';
import { readPageJson } from './lib/page-json.ts';

export interface InvitationPageData {
  texts: Messages['manage']['invitation'];
  roles: Messages['manage']['choose']['roles'];
  unavailable: string;
  /** The portal's address in the page's language. */
  portal: string;
}

function readData(): InvitationPageData | undefined {
  return readPageJson<InvitationPageData>('script[data-invitation-data]');
}

const data = readData();
if (data) start(data);

function start({ texts, roles, unavailable }: InvitationPageData): void {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  const find = <T extends HTMLElement>(selector: string) => document.querySelector<T>(selector);
  const ask = find('[data-ask]');
  const acceptButton = find<HTMLButtonElement>('[data-action="accept"]');
  const other = find('[data-other-address]');
  const accepted = find('[data-accepted]');
  const alertLine = find('[data-alert]');
  const statusLine = find('[data-status]');
  const alert = (text: string) => {
    if (alertLine) alertLine.textContent = text;
  };

  if (!token) {
    if (ask) ask.hidden = true;
    alert(texts.noToken);
    return;
  }

  let busy = false;
  acceptButton?.addEventListener('click', () => {
    if (busy) return;
    busy = true;
    alert('');
    void accept().finally(() => {
      busy = false;
    });
  });
  find('[data-action="sign-out"]')?.addEventListener('click', () => {
    void staffApi.signOut().then((outcome) => {
      if (!outcome.ok && !(outcome.kind === 'refused' && outcome.status === 401)) return alert(unavailable);
      if (other) other.hidden = true;
      alert('');
      if (statusLine) statusLine.textContent = texts.signedOut;
      acceptButton?.focus();
    });
  });

  async function accept(): Promise<void> {
    const outcome = await staffApi.acceptInvitation(token);
    if (outcome.ok) {
      const { organizationName, role, email } = outcome.value;
      // The token is spent: it leaves the address and this tab's history.
      history.replaceState(null, '', location.pathname);
      rememberInvitedAddress(email);
      if (ask) ask.hidden = true;
      if (other) other.hidden = true;
      const text = find('[data-accepted-text]');
      if (text) text.textContent = fill(texts.accepted, { organization: organizationName, role: roles[role] });
      const next = find('[data-next]');
      if (next) next.textContent = fill(texts.next, { email });
      if (accepted) {
        accepted.hidden = false;
        accepted.focus();
      }
      return;
    }
    if (outcome.kind === 'invalid' && outcome.code === 'invitation_unusable') {
      if (ask) ask.hidden = true;
      return alert(texts.unusable);
    }
    if (outcome.kind === 'refused' && outcome.code === 'invitation_for_other_address') {
      if (other) other.hidden = false;
      return alert(texts.otherAddress);
    }
    alert(unavailable);
  }
}
