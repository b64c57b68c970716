// The texts of the mails the sign-in sends: plain Dutch (B1) first, English below.
import type { Mail } from '../platform/mail.ts';

export function signInCodeMail(to: { email: string; name: string }, code: string, validMinutes: number): Mail {
  return {
    to: to.email,
    subject: 'Uw inlogcode voor Woonwijzer / Your Woonwijzer sign-in code',
    text: [
      `Beste ${to.name},`,
      '',
      'Uw inlogcode voor Woonwijzer is:',
      '',
      `    ${code}`,
      '',
      `Vul deze code in op de inlogpagina. De code werkt ${validMinutes} minuten en maar één keer.`,
      '',
      'Heeft u deze code niet aangevraagd? Dan hoeft u niets te doen. Zonder de code kan niemand inloggen.',
      '',
      'Met vriendelijke groet,',
      'Woonwijzer',
      '',
      '----',
      '',
      `Dear ${to.name},`,
      '',
      `Your sign-in code for Woonwijzer is ${code}. Enter it on the sign-in page. It works for ${validMinutes} minutes, once.`,
      '',
      'Did you not ask for this code? Then you need not do anything. Nobody can sign in without it.',
      '',
    ].join('\n'),
    localNotice: `Sign-in code for ${to.email}: ${code}`,
  };
}
