// Whether there is a place, in easy-read words, and since when the provider said so: the one
// reading for the location page (at build time and again in the browser), the results' cards and
// "Mijn keuzes". A state older than 30 days (the shared rule) is not trusted: it reads "we do not
// know", with the day it was said. No DOM here, so the pages can call it while they are built.
import type { WaitingList } from '../../../../shared/domain/listing.ts';
import { isWaitingListStale } from '../../../../shared/domain/waiting-list-age.ts';
import { formatDateIn } from '../../../../shared/i18n/dates.ts';
import type { Messages } from '../../../../shared/i18n/nl.ts';

export interface EasyPlace {
  /** "Er is nu plek." or, when too old, "Dat weten we niet. Vraag of er plek is." */
  text: string;
  /** "Dat zei de aanbieder op 12 november 2026." */
  since: string;
  stale: boolean;
}

type Texts = Pick<Messages['easyRead'], 'waitingList' | 'placeSince' | 'placeStaleSince'>;

export function easyPlace(texts: Texts, waitingList: Pick<WaitingList, 'status' | 'updatedAt'>, asOf: Date, intlLocale: string): EasyPlace {
  const stale = isWaitingListStale(waitingList.updatedAt, asOf);
  const date = formatDateIn(intlLocale, waitingList.updatedAt);
  return {
    text: stale ? texts.waitingList.stale : texts.waitingList[waitingList.status],
    since: (stale ? texts.placeStaleSince : texts.placeSince).replace('{date}', date),
    stale,
  };
}
