// Mail through a port. Locally the outbox adapter writes each mail as a text file (.eml: headers,
// a blank line, the body) into DATA_DIR/outbox and prints its `localNotice` in the terminal, so the
// product works offline and a developer sees a sign-in code at once. That line is the only place
// a code is ever printed: it goes to the terminal directly, never through the logger. In AWS the
// SES v2 adapter (ses-mailer.ts) implements the same port.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Mail {
  to: string;
  subject: string;
  /** Plain text, Dutch first, English below. */
  text: string;
  /** One line for a developer's terminal (e.g. the code); shown by the local adapter only. */
  localNotice?: string;
}

/** A mail service. Callers send through sendMail, not `send` itself. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * A mail that could not be sent, told by the kind of failure only: a mail service's message may
 * name the recipient (SES: "...failed the check in region EU-WEST-1: a@b.nl"), and the message of
 * an error that ends a request is logged.
 */
export class MailDeliveryError extends Error {
  constructor(failure: unknown) {
    super(`Sending a mail failed (${failure instanceof Error ? failure.name : typeof failure}).`);
    this.name = 'MailDeliveryError';
  }
}

/** Sends a mail; a failure becomes a MailDeliveryError, so no log line shows whom it was for. */
export async function sendMail(mailer: Mailer, mail: Mail): Promise<void> {
  try {
    await mailer.send(mail);
  } catch (error) {
    throw new MailDeliveryError(error);
  }
}

/** Header values come from our own texts and a validated address; a line break would still forge headers. */
const headerValue = (value: string) => value.replace(/[\r\n]+/g, ' ');

/** RFC 2047 encoded-word for a subject with letters beyond ASCII. */
const encodedWord = (value: string) =>
  /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;

export class OutboxMailer implements Mailer {
  /** Orders the files of one process by sending, also within one millisecond (or under a fixed clock). */
  private sent = 0;

  constructor(
    private readonly dir: string,
    private readonly from: string,
    private readonly say: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
    private readonly now: () => Date = () => new Date(),
  ) {}

  async send(mail: Mail): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const date = this.now();
    this.sent += 1;
    const name = `${date.toISOString().replace(/[:.]/g, '-')}-${String(this.sent).padStart(6, '0')}-${randomBytes(4).toString('hex')}.eml`;
    const message = [
      `From: ${headerValue(this.from)}`,
      `To: ${headerValue(mail.to)}`,
      `Subject: ${encodedWord(headerValue(mail.subject))}`,
      `Date: ${date.toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      mail.text,
    ].join('\r\n');
    await writeFile(join(this.dir, name), message, 'utf8');
    if (mail.localNotice) this.say(mail.localNotice);
  }
}
