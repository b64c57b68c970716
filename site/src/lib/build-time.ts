// The moment the static pages are rendered: "now" for time-dependent texts such as the
// "possibly outdated" warning. Pages are built once, so the full site will refresh such warnings
// when it is rebuilt (or in the browser). WOONWIJZER_BUILD_DATE (an ISO date or date-time) fixes
// it for reproducible builds and tests; otherwise the project's one clock gives the time.
import process from 'node:process';
import { fixedClock, systemClock, type Clock } from '../../../shared/clock.ts';

export function buildClock(env: Record<string, string | undefined> = process.env): Clock {
  const fixed = env.WOONWIJZER_BUILD_DATE?.trim();
  if (!fixed) return systemClock;
  const clock = fixedClock(/^\d{4}-\d{2}-\d{2}$/.test(fixed) ? `${fixed}T12:00:00Z` : fixed);
  if (Number.isNaN(clock.now().getTime())) throw new Error(`WOONWIJZER_BUILD_DATE is not a date: "${fixed}"`);
  return clock;
}

export const BUILD_TIME: Date = buildClock().now();
