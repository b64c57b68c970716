// A sign-in code and a session id are keys to an account: neither may reach a log line, nor may
// an account's address (personal data). The staff API is driven through every sign-in path (code
// sent, wrong, right, reused, too many tries, throttled, and a mailer that fails or refuses) with
// everything written to stdout and stderr captured. The one line allowed to show a code is the
// local outbox's terminal line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { log } from '../../functions/platform/log.ts';
import type { Mail, Mailer } from '../../functions/platform/mail.ts';
import { captureOutput, type CapturedOutput } from '../support/output-capture.ts';
import { codeIn, cookieOf, createStaffTestApp, movableClock } from '../support/test-staff-app.ts';

const EMAIL = 'editor@zorggroep-zuid.example';
let output: CapturedOutput;

beforeEach(() => {
  log.setLogLevel('INFO');
  output = captureOutput();
});
afterEach(() => output.restore());

describe('sign-in codes and session ids never reach a log line', () => {
  it('through a whole sign-in with wrong, reused and throttled tries', async () => {
    const clock = movableClock('2026-12-01T09:00:00Z');
    // The terminal as `npm start` has it, so the terminal line is in the captured output.
    const t = await createStaffTestApp({ clock, say: (line) => void process.stdout.write(`${line}\n`) });
    await t.createAccount(EMAIL, [{ role: 'provider-editor', organizationId: 'zorggroep-zuid' }]);

    expect((await t.post('/api/auth/code', { email: EMAIL })).status).toBe(202);
    const code = codeIn((await t.mails())[0] as string);
    const wrong = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
    expect((await t.post('/api/auth/sign-in', { email: EMAIL, code: wrong })).status).toBe(400);
    const signedIn = await t.post('/api/auth/sign-in', { email: EMAIL, code });
    expect(signedIn.status).toBe(200);
    const sessionId = cookieOf(signedIn).split('=')[1] as string;
    expect((await t.get('/api/auth/me', cookieOf(signedIn))).status).toBe(200);
    expect((await t.post('/api/auth/sign-in', { email: EMAIL, code })).status).toBe(400);
    for (let i = 0; i < 5; i++) await t.post('/api/auth/code', { email: EMAIL });
    expect((await t.post('/api/auth/code', { email: EMAIL })).status).toBe(429);
    expect((await t.post('/api/auth/sign-out', {}, { cookie: cookieOf(signedIn) })).status).toBe(200);

    const codes = (await t.mails()).map((mail) => codeIn(mail));
    const lines = output.text().split('\n');
    for (const each of codes) {
      const showing = lines.filter((line) => line.includes(each));
      expect(showing.every((line) => line === `Sign-in code for ${EMAIL}: ${each}`), `code ${each} outside its terminal line`).toBe(true);
    }
    expect(lines.filter((line) => line.startsWith('Sign-in code for '))).toHaveLength(codes.length);
    expect(output.text()).not.toContain(sessionId);
    expect(output.text()).not.toContain(wrong);
  });

  it('when sending the mail fails inside, the 500 is logged without the code', async () => {
    const sent: Mail[] = [];
    const failing: Mailer = {
      send: (mail) => {
        sent.push(mail);
        // An SMTP-like client keeps what it failed to send on the error.
        return Promise.reject(Object.assign(new Error('Mail server unreachable'), { mail, cause: Object.assign(new Error('ECONNREFUSED'), { mail }) }));
      },
    };
    const t = await createStaffTestApp({ clock: movableClock('2026-12-01T09:00:00Z'), mailer: failing });
    await t.createAccount(EMAIL, [{ role: 'provider-editor', organizationId: 'zorggroep-zuid' }]);
    const res = await t.post('/api/auth/code', { email: EMAIL });
    expect(res.status).toBe(500);
    const failures = output.jsonLines().filter((line) => line.message === 'request failed');
    expect(failures).toHaveLength(1);
    const code = /[0-9]{6}/.exec(sent[0]?.text ?? '')?.[0] as string;
    expect(code).toMatch(/^[0-9]{6}$/);
    expect(output.text()).not.toContain(code);
  });

  it('when the mail service refuses, the 500 is logged without the address its message names', async () => {
    // Worded as SES words a refusal of an address (MessageRejected in its sandbox).
    const refusing: Mailer = {
      send: (mail) => Promise.reject(Object.assign(
        new Error(`Email address is not verified. The following identities failed the check in region EU-WEST-1: ${mail.to}`),
        { name: 'MessageRejected' },
      )),
    };
    const t = await createStaffTestApp({ clock: movableClock('2026-12-01T09:00:00Z'), mailer: refusing });
    await t.createAccount(EMAIL, [{ role: 'provider-editor', organizationId: 'zorggroep-zuid' }]);
    expect((await t.post('/api/auth/code', { email: EMAIL })).status).toBe(500);
    const failures = output.jsonLines().filter((line) => line.message === 'request failed');
    expect(failures).toHaveLength(1);
    // What failed is still told: the kind of refusal, not whom it was for.
    expect(JSON.stringify(failures[0])).toContain('MessageRejected');
    expect(output.text()).not.toContain(EMAIL);
  });
});
