// Reading the dates the listings carry, in a module of its own so the pages' scripts can use it
// without the message files.

/** "2026-11-12" is read as midday UTC, so the calendar day is the same in every time zone. */
export function parseDate(isoDate: string): Date {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? `${isoDate}T12:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) throw new Error(`Not a date: "${isoDate}"`);
  return date;
}

/**
 * A calendar date in words in a language ("nl-NL": "12 november 2026"), as the date in the
 * Netherlands. Accepts "2026-11-12" or an ISO date-time.
 */
export function formatDateIn(intlLocale: string, isoDate: string): string {
  return new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(parseDate(isoDate));
}
