// The embedded engine rebuilds every candidate with all keys in toCandidate's order (one hidden
// class for the matcher), also when DynamoDB dropped the undefined ones.
import { describe, expect, it } from 'vitest';
import { normaliseCandidate } from '../../../functions/search/embedded/normalise-candidate.ts';
import { matchCandidates, toCandidate, type MatchCandidate } from '../../../shared/matching/index.ts';
import { AS_OF, MAASTRICHT, candidate, matchRequest } from '../../fixtures/candidates.ts';

/** What DynamoDB gives back: the candidate without its undefined keys. */
const asReadBack = (c: MatchCandidate) => JSON.parse(JSON.stringify(c)) as MatchCandidate;

describe('normaliseCandidate', () => {
  it('writes every key in the order toCandidate writes them, but the descriptions', () => {
    const built = toCandidate(
      'zuid-limburg',
      { id: 'org', name: 'Org', worldview: undefined },
      { id: 'loc', name: 'Loc', address: { street: 'Straat', houseNumber: '1', postcode: '6211 AB', city: 'Maastricht' }, facilities: undefined, publicTransport: undefined, shopsNearby: undefined },
      MAASTRICHT,
      { id: 'hf', name: 'Woonvorm', type: 'nursing-home', sectors: ['VV'], waitingList: { status: 'short', updatedAt: '2026-11-10' } },
    );
    expect(Object.keys(normaliseCandidate(asReadBack(built)))).toEqual(Object.keys(built).filter((key) => key !== 'searchText'));
  });

  it('leaves the descriptions to the full-text index: the candidates the matcher scans do not hold them', () => {
    const normalised = normaliseCandidate(candidate({ searchText: 'Een grote tuin met kippen.' }));
    expect(Object.hasOwn(normalised, 'searchText')).toBe(false);
  });

  it('restores the left-out keys as undefined and keeps every value', () => {
    const full = candidate({ facilities: ['garden'], groupSize: 6, pets: false });
    const readBack = asReadBack(full);
    expect(Object.keys(readBack)).not.toContain('careProfiles');
    const normalised = normaliseCandidate(readBack);
    expect(normalised).toEqual(full);
    expect(Object.hasOwn(normalised, 'careProfiles')).toBe(true);
    expect(normalised.point).not.toBe(readBack.point);
  });

  it('works out when the waiting list was confirmed for a candidate stored before that number existed', () => {
    const { waitingListConfirmedMs: _dropped, ...older } = candidate({ waitingList: { status: 'available', updatedAt: '2026-10-01' } });
    const normalised = normaliseCandidate(older as MatchCandidate);
    expect(normalised.waitingListConfirmedMs).toBe(Date.parse('2026-10-01T12:00:00Z'));
    // So an old "place free" stays stale in the engine, as it is for a freshly imported one.
    const request = matchRequest({ criteria: [{ criterion: 'availableSoon', importance: 'important' }] });
    expect(matchCandidates(request, [normalised], AS_OF).results[0]?.outcomes[0]).toBe('unknown');
  });

  it('reads a candidate stored when day activities were yes/no in today\'s codes, so its day activities still fit', () => {
    const older = { ...asReadBack(candidate()), dayActivities: true } as unknown as MatchCandidate;
    const normalised = normaliseCandidate(older);
    expect(normalised.dayActivities).toBe('on-site');
    expect(normaliseCandidate({ ...older, dayActivities: false } as unknown as MatchCandidate).dayActivities).toBe('none');
    const request = matchRequest({ criteria: [{ criterion: 'dayActivities', importance: 'must' }] });
    expect(matchCandidates(request, [normalised], AS_OF).results[0]).toMatchObject({ outcomes: ['match'], found: { 0: 'on-site' } });
  });

  it('gives the matcher the same answer as the candidate it was built from', () => {
    const candidates = [candidate({ facilities: ['garden'] }), candidate({ locationId: 'b', name: 'B', pets: true })];
    const request = matchRequest({ criteria: [{ criterion: 'garden', importance: 'must' }, { criterion: 'pets', importance: 'nice' }] });
    expect(matchCandidates(request, candidates.map((c) => normaliseCandidate(asReadBack(c))), AS_OF)).toEqual(matchCandidates(request, candidates, AS_OF));
  });
});
