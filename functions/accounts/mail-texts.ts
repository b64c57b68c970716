// The texts of the mails the sign-in sends: plain Dutch (B1) first, English below.
import type { Mail } from '../platform/mail.ts';

/** A mail's text: the Dutch lines under a greeting and above the sign-off, a rule, then the English lines. */
function bilingualText(name: string, nl: readonly string[], en: readonly string[]): string {
  return [`Beste ${name},`, '', ...nl, '', 'Met vriendelijke groet,', 'Woonwijzer', '', '----', '', `Dear ${name},`, '', ...en, ''].join('\n');
}

export function signInCodeMail(to: { email: string; name: string }, code: string, validMinutes: number): Mail {
  return {
    to: to.email,
    subject: 'Uw inlogcode voor Woonwijzer / Your Woonwijzer sign-in code',
    text: bilingualText(to.name, [
      'Uw inlogcode voor Woonwijzer is:',
      '',
      `    ${code}`,
      '',
      `Vul deze code in op de inlogpagina. De code werkt ${validMinutes} minuten en maar één keer.`,
      '',
      'Heeft u deze code niet aangevraagd? Dan hoeft u niets te doen. Zonder de code kan niemand inloggen.',
    ], [
      `Your sign-in code for Woonwijzer is ${code}. Enter it on the sign-in page. It works for ${validMinutes} minutes, once.`,
      '',
      'Did you not ask for this code? Then you need not do anything. Nobody can sign in without it.',
    ]),
    localNotice: `Sign-in code for ${to.email}: ${code}`,
  };
}

const ROLE_WORDS = {
  'provider-admin': { nl: 'beheerder', nlDoes: 'u kunt de gegevens bijwerken en collega\'s uitnodigen', en: 'administrator', enDoes: 'you can update the listings and invite colleagues' },
  'provider-editor': { nl: 'redacteur', nlDoes: 'u kunt de gegevens en wachtlijsten bijwerken', en: 'editor', enDoes: 'you can update the listings and waiting lists' },
  'supporter-admin': { nl: 'beheerder', nlDoes: 'u begeleidt cliënten en nodigt collega-ondersteuners uit', en: 'administrator', enDoes: 'you support clients and invite fellow supporters' },
} as const;

export interface InvitationMailContent {
  inviterName: string;
  organizationName: string;
  role: keyof typeof ROLE_WORDS;
  validDays: number;
  /** The portal's invitation page with the token in the fragment, in Dutch and in English. */
  links: { nl: string; en: string };
}

export function invitationMail(to: { email: string; name: string }, content: InvitationMailContent): Mail {
  const role = ROLE_WORDS[content.role];
  return {
    to: to.email,
    subject: `Uitnodiging voor ${content.organizationName} op Woonwijzer / Invitation to ${content.organizationName} on Woonwijzer`,
    text: bilingualText(to.name, [
      `${content.inviterName} nodigt u uit om ${role.nl} te worden van ${content.organizationName} op Woonwijzer. Als ${role.nl} ${role.nlDoes}.`,
      '',
      'Open deze link om de uitnodiging aan te nemen:',
      '',
      `    ${content.links.nl}`,
      '',
      `De link werkt ${content.validDays} dagen en maar één keer. Daarna logt u in met een code die we u mailen. U hoeft geen wachtwoord te onthouden.`,
      '',
      'Kent u deze persoon of organisatie niet? Dan hoeft u niets te doen.',
    ], [
      `${content.inviterName} invites you to become ${role.en} of ${content.organizationName} on Woonwijzer: ${role.enDoes}.`,
      '',
      `Open this link to accept (it works for ${content.validDays} days, once):`,
      '',
      `    ${content.links.en}`,
      '',
      'Afterwards you sign in with a code we email you: no password to remember. Do you not know this person or organisation? Then you need not do anything.',
    ]),
    localNotice: `Invitation for ${to.email} (${content.role} of ${content.organizationName}): ${content.links.nl}`,
  };
}

/** One housing form whose waiting list awaits confirmation, as a reminder lists it. */
export interface StaleWaitingListLine {
  housingFormName: string;
  locationName: string;
  city: string;
  organizationName: string;
  /** Whole days since the waiting list was last confirmed. */
  days: number;
}

export function freshnessReminderMail(to: { email: string; name: string }, stale: readonly StaleWaitingListLine[], portalLinks: { nl: string; en: string }): Mail {
  const one = stale.length === 1;
  const line = (s: StaleWaitingListLine, days: string) => `  - ${s.housingFormName}, ${s.locationName} (${s.city}), ${s.organizationName}: ${days}`;
  return {
    to: to.email,
    subject: one
      ? 'Klopt de wachtlijst nog? / Is the waiting list still right?'
      : `Kloppen ${stale.length} wachtlijsten nog? / Are ${stale.length} waiting lists still right?`,
    text: bilingualText(to.name, [
      one
        ? 'De wachtlijst van deze woonvorm is al een tijd niet bevestigd:'
        : `De wachtlijsten van deze ${stale.length} woonvormen zijn al een tijd niet bevestigd:`,
      '',
      ...stale.map((s) => line(s, `${s.days} dagen geleden`)),
      '',
      'Mensen die een woonplek zoeken, kijken naar de wachtlijst. Wilt u nagaan of die nog klopt?',
      'Klopt alles nog? Dan is één klik op "Klopt nog" genoeg. Is er iets veranderd? Pas het dan aan.',
      '',
      `    ${portalLinks.nl}`,
    ], [
      one
        ? 'The waiting list of this housing form has not been confirmed for a while:'
        : `The waiting lists of these ${stale.length} housing forms have not been confirmed for a while:`,
      '',
      ...stale.map((s) => line(s, `${s.days} days ago`)),
      '',
      'People looking for a place to live go by the waiting list. Please check whether it is still right: one click on "Still correct" is enough, or update it.',
      '',
      `    ${portalLinks.en}`,
    ]),
    localNotice: `Freshness reminder for ${to.email}: ${stale.length} waiting list(s) to confirm at ${portalLinks.nl}`,
  };
}

/** One item a coordinator's reminder names: where it is and what to update, in both languages. */
export interface ListingUpdateLine {
  where: string;
  nl: string;
  en: string;
}

/**
 * A region's coordinator asks an organisation's staff to bring its listing up to date, naming
 * each item and what it lacks (a waiting list to confirm, facts left unknown, a description, a photo).
 */
export function listingUpdateMail(
  to: { email: string; name: string },
  content: { coordinatorName: string; regionName: string; organizationName: string; lines: readonly ListingUpdateLine[]; portalLinks: { nl: string; en: string } },
): Mail {
  const { coordinatorName, regionName, organizationName, lines, portalLinks } = content;
  return {
    to: to.email,
    subject: `Wilt u het aanbod van ${organizationName} bijwerken? / Please update ${organizationName}'s listing`,
    text: bilingualText(to.name, [
      `${coordinatorName}, coördinator van de regio ${regionName}, vraagt u het aanbod van ${organizationName} op Woonwijzer bij te werken:`,
      '',
      ...lines.map((l) => `  - ${l.where}: ${l.nl}`),
      '',
      'Mensen die een woonplek zoeken, gaan uit van wat er staat. Klopt iets nog? Dan is één klik op "Klopt nog" genoeg.',
      '',
      `    ${portalLinks.nl}`,
    ], [
      `${coordinatorName}, coordinator of the region ${regionName}, asks you to update ${organizationName}'s listing on Woonwijzer:`,
      '',
      ...lines.map((l) => `  - ${l.where}: ${l.en}`),
      '',
      'People looking for a place to live go by what it says. Is something still right? One click on "Still correct" is enough.',
      '',
      `    ${portalLinks.en}`,
    ]),
    localNotice: `Listing update request for ${to.email}: ${lines.length} item(s) at ${portalLinks.nl}`,
  };
}

export interface RetentionWarningLine {
  /** The dossier's id: the mail names no client, the supporter portal shows who it is. */
  dossierId: string;
  /** YYYY-MM-DD: when the dossier was made, to recognise it by. */
  createdOn: string;
  /** YYYY-MM-DD: the day it will be deleted unless someone opens it. */
  deleteOn: string;
}

const longDate = (locale: 'nl-NL' | 'en-GB', isoDate: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T12:00:00Z`));

/** To a supporter: dossiers of theirs that will be deleted after 12 months untouched. No client label goes into a mail. */
export function retentionWarningMail(to: { email: string; name: string }, dossiers: readonly RetentionWarningLine[], portalLinks: { nl: string; en: string }): Mail {
  const one = dossiers.length === 1;
  const line = (d: RetentionWarningLine, locale: 'nl-NL' | 'en-GB') => locale === 'nl-NL'
    ? `  - dossier ${d.dossierId.slice(0, 8)}, gemaakt op ${longDate(locale, d.createdOn)}: wordt verwijderd op ${longDate(locale, d.deleteOn)}`
    : `  - dossier ${d.dossierId.slice(0, 8)}, made on ${longDate(locale, d.createdOn)}: to be deleted on ${longDate(locale, d.deleteOn)}`;
  return {
    to: to.email,
    subject: one
      ? 'Een dossier wordt binnenkort verwijderd / A dossier will be deleted soon'
      : `${dossiers.length} dossiers worden binnenkort verwijderd / ${dossiers.length} dossiers will be deleted soon`,
    text: bilingualText(to.name, [
      one
        ? 'Niemand heeft dit dossier 11 maanden bekeken of veranderd:'
        : `Niemand heeft deze ${dossiers.length} dossiers 11 maanden bekeken of veranderd:`,
      '',
      ...dossiers.map((d) => line(d, 'nl-NL')),
      '',
      'Gegevens van cliënten bewaren we niet langer dan nodig. Een dossier dat 12 maanden niet gebruikt is, verwijderen we.',
      'Heeft de cliënt het dossier nog nodig? Open het dan voor die datum. Dan blijft het bewaard.',
      'Is het niet meer nodig? Dan hoeft u niets te doen.',
      '',
      `    ${portalLinks.nl}`,
    ], [
      one
        ? 'Nobody has viewed or changed this dossier for 11 months:'
        : `Nobody has viewed or changed these ${dossiers.length} dossiers for 11 months:`,
      '',
      ...dossiers.map((d) => line(d, 'en-GB')),
      '',
      'We keep clients\' data no longer than needed: a dossier unused for 12 months is deleted. If the client still needs it, open it before that date and it is kept. If not, you need not do anything.',
      '',
      `    ${portalLinks.en}`,
    ]),
    localNotice: `Retention warning for ${to.email}: ${dossiers.length} dossier(s) to be deleted`,
  };
}
