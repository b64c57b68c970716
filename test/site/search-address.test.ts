// The search page's address: only the search's own names reach the API, the page number becomes
// an offset, and the page links keep the search. Pure.
import { describe, expect, it } from 'vitest';
import { apiQuery, pageHref, pagesAround, readAddress } from '../../site/src/scripts/search/search-address.ts';

const NAMES = new Set(['q', 'housingType', 'garden']);

describe('search address', () => {
  it('keeps the words and ticked filters, drops empty values and names the API would refuse', () => {
    const address = readAddress('?q=+groepen+&housingType=care-farm&housingType=nursing-home&garden=&utm_source=mail&page=3', NAMES);
    expect([...address.query]).toEqual([['q', 'groepen'], ['housingType', 'care-farm'], ['housingType', 'nursing-home']]);
    expect(address.page).toBe(3);
    expect(apiQuery('zuid-limburg', address)).toEqual(
      { regionId: 'zuid-limburg', q: 'groepen', housingType: ['care-farm', 'nursing-home'], limit: '10', offset: '20' },
    );
  });

  it('reads a missing or odd page number as the first page, and stays within the API’s offsets', () => {
    expect(readAddress('?page=0', NAMES).page).toBe(1);
    expect(readAddress('?page=twee', NAMES).page).toBe(1);
    expect(readAddress('', NAMES).page).toBe(1);
    expect(apiQuery('r', readAddress('?page=999999', NAMES)).offset).toBe('10000');
  });

  it('links to the pages before and after with the same search, page 1 without a number', () => {
    const address = readAddress('?q=tuin&page=2', NAMES);
    expect(pageHref('/regio/r/zoeken/', address, 3, 'resultaten')).toBe('/regio/r/zoeken/?q=tuin&page=3#resultaten');
    expect(pageHref('/regio/r/zoeken/', address, 1, 'resultaten')).toBe('/regio/r/zoeken/?q=tuin#resultaten');
    expect(pagesAround(1, 19)).toEqual({ previous: false, next: true });
    expect(pagesAround(2, 19)).toEqual({ previous: true, next: false });
    expect(pagesAround(1, 10)).toEqual({ previous: false, next: false });
  });
});
