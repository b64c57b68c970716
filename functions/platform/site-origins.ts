// The site's origins as the site stack writes them into SSM (its CloudFront address, then its own
// domain when it has one): the staff function accepts unsafe requests from these only, and mails
// link to one of them. Apart from the staff app, so the reminder function reads them without it.

/** Origins as the site stack writes them: comma-separated `https://host` values. */
export function parseOrigins(value: string): string[] {
  const origins = value
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
  for (const origin of origins) {
    // Exactly an origin (scheme and host, no path): the request guard compares `Origin` to it as a string.
    if (new URL(origin).origin !== origin) throw new Error(`"${origin}" is not an origin (https://host, nothing after it).`);
  }
  if (origins.length === 0) throw new Error('No site origin is configured for the staff API.');
  return origins;
}

/**
 * The origin mails link to, of the site's origins as the site stack lists them (its CloudFront
 * address first, its own domain after when it has one): the last, so people see the domain they know.
 */
export function linkOrigin(origins: readonly string[]): string {
  const origin = origins.at(-1);
  if (!origin) throw new Error('No site origin to link to.');
  return origin;
}
