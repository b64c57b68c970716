// A phone number as a tel: link. Apart from labels.ts, which pulls in every text of both languages,
// so the pages' scripts (result cards, the report) take this one function alone.

/** A phone number for a tel: link: digits and a leading +. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
