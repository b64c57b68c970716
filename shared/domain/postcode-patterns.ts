// The shapes of Dutch postcodes, as plain patterns: the zod schemas check with them, and so do the
// site's scripts, which carry no zod (page budget).

/** A postcode area: 4 digits, not starting with 0 ("6211"). */
export const PC4_PATTERN = /^[1-9][0-9]{3}$/;
/** A full postcode: 4 digits and 2 letters, with or without a space ("6211 AB", "6211ab"). */
export const POSTCODE_PATTERN = /^[1-9][0-9]{3} ?[A-Za-z]{2}$/;
/** A place to search from: either of the two. */
export const PLACE_POSTCODE_PATTERN = /^[1-9][0-9]{3}( ?[A-Za-z]{2})?$/;
