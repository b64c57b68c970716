// How many near misses a match answers with: its own module, so the site's results script can
// say when the list is full without bringing the matcher into the page.
/**
 * Near misses returned per request. Not paged: they are shown below the results as "almost", and
 * with a strict must at national scale they can number in the tens of thousands.
 */
export const DEFAULT_NEAR_MISS_LIMIT = 20;
