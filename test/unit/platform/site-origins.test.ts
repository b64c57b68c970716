// The site's origins as the staff and reminder functions read them from SSM, and the one mails link to.
import { describe, expect, it } from 'vitest';
import { linkOrigin, parseOrigins } from '../../../functions/platform/site-origins.ts';

describe('site origins', () => {
  it('reads the comma-separated origins and links mails to the last: the site\'s own domain when it has one', () => {
    const origins = parseOrigins('https://d111111abcdef8.cloudfront.net, https://woonwijzer.nl');
    expect(origins).toEqual(['https://d111111abcdef8.cloudfront.net', 'https://woonwijzer.nl']);
    expect(linkOrigin(origins)).toBe('https://woonwijzer.nl');
    expect(linkOrigin(parseOrigins('https://d111111abcdef8.cloudfront.net'))).toBe('https://d111111abcdef8.cloudfront.net');
  });

  it('refuses a value with a path, or none at all', () => {
    expect(() => parseOrigins('https://woonwijzer.nl/beheer')).toThrow('is not an origin');
    expect(() => parseOrigins(' , ')).toThrow('No site origin');
    expect(() => linkOrigin([])).toThrow('No site origin');
  });
});
