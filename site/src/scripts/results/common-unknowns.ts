// The unknowns that hold for (nearly) every place shown: said once above the list instead of on
// each card, so a card lists what sets it apart ("Leeftijd: 84 jaar – onbekend" on all twenty
// cards told the person nothing). Pure, for the results page and its unit test.
import type { Reason } from '../../../../shared/domain/criteria.ts';
import { criterionKey } from '../lib/browser-store.ts';

/** "Nearly all": the share of the places shown for which a wish must be unknown. */
export const COMMON_SHARE = 0.9;
/** With fewer places a shared unknown is no pattern, and the cards are few enough to read. */
export const COMMON_MIN_PLACES = 3;

export interface CommonUnknowns {
  /** One reason per wish, in the order the first place gives them (its importance included). */
  reasons: Reason[];
  /** Their keys (criterionKey), to leave them off the cards. */
  keys: Set<string>;
  /** Whether every place shown has them unknown ("alle" rather than "bijna alle"). */
  everywhere: boolean;
}

export function commonUnknowns(places: readonly { reasons: readonly Reason[] }[]): CommonUnknowns {
  const none = { reasons: [], keys: new Set<string>(), everywhere: false };
  if (places.length < COMMON_MIN_PLACES) return none;
  const counts = new Map<string, { reason: Reason; count: number }>();
  for (const place of places) {
    for (const reason of place.reasons) {
      if (reason.outcome !== 'unknown') continue;
      const key = criterionKey(reason);
      const seen = counts.get(key);
      if (seen) seen.count += 1;
      else counts.set(key, { reason, count: 1 });
    }
  }
  const common = [...counts.entries()].filter(([, { count }]) => count >= COMMON_SHARE * places.length);
  return {
    reasons: common.map(([, { reason }]) => reason),
    keys: new Set(common.map(([key]) => key)),
    everywhere: common.length > 0 && common.every(([, { count }]) => count === places.length),
  };
}
