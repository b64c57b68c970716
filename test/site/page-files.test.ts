// What a listing change means in files: a location's ordinary and easy-read pages go together
// (both show its listing), in both languages, to be built again or taken away. Pure.
import { describe, expect, it } from 'vitest';
import { noChange, type SiteChange } from '../../functions/site/affected-pages.ts';
import { changedPages, pageFile } from '../../functions/site/page-files.ts';
import { emptyScope } from '../../functions/site/page-scope.ts';

const change = (build: Partial<SiteChange['build']>, removeLocations: string[] = []): SiteChange =>
  ({ ...noChange(), build: { ...emptyScope(), ...build }, removeLocations });

describe('the pages a change touches', () => {
  it('a changed location: its ordinary and its easy-read page, each in Dutch and English', () => {
    expect(changedPages(change({ location: ['de-linde'] }))).toEqual({
      build: ['/locatie/de-linde/', '/en/location/de-linde/', '/locatie/de-linde/makkelijk/', '/en/location/de-linde/easy/'],
      remove: [],
    });
  });

  it('a removed location: both its pages taken away, none built', () => {
    expect(changedPages(change({}, ['de-wilg']))).toEqual({
      build: [],
      remove: ['/locatie/de-wilg/', '/en/location/de-wilg/', '/locatie/de-wilg/makkelijk/', '/en/location/de-wilg/easy/'],
    });
  });

  it('a region\'s list leaves the easy-read pages alone: they show no listing data', () => {
    const { build } = changedPages(change({ region: ['rotterdam'], results: ['rotterdam'], home: true }));
    expect(build).toEqual(['/', '/en/', '/regio/rotterdam/', '/en/region/rotterdam/', '/regio/rotterdam/resultaten/', '/en/region/rotterdam/results/']);
  });

  it('serves each address from its folder\'s index.html', () => {
    expect(pageFile('/locatie/de-linde/makkelijk/')).toBe('locatie/de-linde/makkelijk/index.html');
  });
});
