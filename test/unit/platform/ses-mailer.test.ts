// The SES v2 mailer with the client's `send` replaced: the message SES is asked to send (sender,
// one recipient, subject and a UTF-8 plain-text body) and what an operator sees when SES refuses
// it, sent as every caller sends (sendMail): an error and log line naming SES's reason, never the
// address or the code.
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorSummary, log } from '../../../functions/platform/log.ts';
import { MailDeliveryError, sendMail } from '../../../functions/platform/mail.ts';
import { SesMailer, type SesSender } from '../../../functions/platform/ses-mailer.ts';
import { captureOutput, type CapturedOutput } from '../../support/output-capture.ts';

const FROM = 'Woonwijzer <noreply@mail.example.nl>';
const TO = 'j.de.vries@zorgaanbieder.example';
const CODE = '481516';
const mail = {
  to: TO,
  subject: 'Uw inlogcode voor Woonwijzer – één keer te gebruiken',
  text: `Uw code is:\n\n    ${CODE}\n\nDe code is 10 minuten geldig.\n\nYour code is valid for 10 minutes.`,
  localNotice: `Inlogcode voor ${TO}: ${CODE}`,
};

/** A stand-in for SESv2Client: records each command, answers or fails as told. */
function fakeSes(fail?: Error) {
  const sent: SendEmailCommand[] = [];
  const ses: SesSender = {
    send: ((command: SendEmailCommand) => {
      sent.push(command);
      return fail ? Promise.reject(fail) : Promise.resolve({ MessageId: 'm-1', $metadata: { httpStatusCode: 200 } });
    }) as SesSender['send'],
  };
  return { ses, sent };
}

/** An error shaped as the SDK throws it for a refused message. */
function sesError(name: string, message: string, httpStatusCode: number): Error {
  return Object.assign(new Error(message), { name, $fault: 'client', $metadata: { httpStatusCode, requestId: 'r-1' } });
}

let output: CapturedOutput;
beforeEach(() => {
  output = captureOutput();
});
afterEach(() => output.restore());

describe('the SES mailer', () => {
  it('sends one SendEmail with the configured sender, the one recipient, the subject and a UTF-8 text body', async () => {
    const { ses, sent } = fakeSes();
    await new SesMailer(ses, FROM).send(mail);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toBeInstanceOf(SendEmailCommand);
    expect(sent[0]?.input).toEqual({
      FromEmailAddress: FROM,
      Destination: { ToAddresses: [TO] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('keeps the terminal notice out of the message and writes nothing to the output', async () => {
    const { ses, sent } = fakeSes();
    await new SesMailer(ses, FROM).send(mail);
    expect(JSON.stringify(sent[0]?.input)).not.toContain('Inlogcode voor');
    expect(output.text()).toBe('');
  });

  it('fails with SES\'s reason, without the address SES names in its message', async () => {
    const refusal = sesError('MessageRejected', `Email address is not verified. The following identities failed the check in region EU-WEST-1: ${TO}`, 400);
    const { ses } = fakeSes(refusal);
    const error = await sendMail(new SesMailer(ses, FROM), mail).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MailDeliveryError);
    expect((error as Error).message).toBe('Sending a mail failed (MessageRejected).');
    expect((error as Error).cause).toBeUndefined();
  });

  it('leaves no address or code in the log line the API writes for the failure', async () => {
    const { ses } = fakeSes(sesError('AccessDeniedException', `User is not authorized to perform ses:SendEmail on resource arn:aws:ses:eu-west-1:123456789012:identity/${TO}`, 403));
    const error = await sendMail(new SesMailer(ses, FROM), mail).catch((e: unknown) => e);
    // As the app's error handler logs an unexpected error (functions/api/app-factory.ts).
    log.error('request failed', { method: 'POST', route: '/api/auth/code', error: errorSummary(error) });
    const written = output.text();
    expect(output.jsonLines()).toEqual([expect.objectContaining({ message: 'request failed', error: expect.objectContaining({ name: 'MailDeliveryError' }) })]);
    expect(written).toContain('AccessDeniedException');
    for (const secret of [TO, CODE, 'zorgaanbieder']) expect(written).not.toContain(secret);
  });
});
