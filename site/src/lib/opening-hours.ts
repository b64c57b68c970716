// Opening hours in words for the help page: the days of a period in week order, three or more days
// in a row as a range ("maandag tot en met vrijdag"), so a person reads them as they would say them.
import { WEEKDAYS, type OpeningPeriod, type Weekday } from '../../../shared/domain/region.ts';
import { fill, t, type Locale } from '../../../shared/i18n/index.ts';

export function daysInWords(locale: Locale, days: readonly Weekday[]): string {
  const s = t(locale).support;
  const ordered = WEEKDAYS.filter((day) => days.includes(day));
  const runs: Weekday[][] = [];
  for (const day of ordered) {
    const run = runs.at(-1);
    const previous = run?.at(-1);
    if (run && previous !== undefined && WEEKDAYS.indexOf(previous) === WEEKDAYS.indexOf(day) - 1) run.push(day);
    else runs.push([day]);
  }
  return runs
    .flatMap((run) => (run.length >= 3
      ? [fill(s.dayRange, { first: s.days[run[0] as Weekday], last: s.days[run.at(-1) as Weekday] })]
      : run.map((day) => s.days[day])))
    .join(', ');
}

export function periodInWords(locale: Locale, period: OpeningPeriod): string {
  const text = fill(t(locale).support.openingTime, { days: daysInWords(locale, period.days), opens: period.opens, closes: period.closes });
  return text.charAt(0).toUpperCase() + text.slice(1);
}
