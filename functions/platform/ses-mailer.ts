// The Mailer port (./mail.ts) in AWS: one plain-text message per mail through Amazon SES's v2
// API, from the sender identity the stack configures. The client comes from the Lambda runtime
// (@aws-sdk/* is external in every bundle, see infra/bundling.ts).
//
// A mail holds a sign-in code or an invitation link and goes to a person's address: nothing here
// logs, and a refusal is left to sendMail (./mail.ts), which keeps only SES's error name, since
// SES's own messages name the recipient.
import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Mail, Mailer } from './mail.ts';

/** What this adapter needs of the SES v2 client: only `send`, so a test can stand in for it. */
export type SesSender = Pick<SESv2Client, 'send'>;

const UTF8 = 'UTF-8';

export class SesMailer implements Mailer {
  constructor(
    private readonly ses: SesSender,
    /** The sender, e.g. `Woonwijzer <noreply@woonwijzer.nl>`: an address of the verified SES identity. */
    private readonly from: string,
  ) {}

  async send(mail: Mail): Promise<void> {
    // `localNotice` is for a developer's terminal only: it never leaves this process in AWS.
    const command = new SendEmailCommand({
      FromEmailAddress: this.from,
      Destination: { ToAddresses: [mail.to] },
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: UTF8 },
          Body: { Text: { Data: mail.text, Charset: UTF8 } },
        },
      },
    });
    await this.ses.send(command);
  }
}
