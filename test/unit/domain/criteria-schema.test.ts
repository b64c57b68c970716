import { describe, expect, it } from 'vitest';
import { MatchRequestSchema, toFieldErrors } from '../../../shared/domain/index.ts';

const parse = (input: unknown) => MatchRequestSchema.safeParse(input);

describe('match request schema', () => {
  it('accepts criteria with and without values and fills paging defaults', () => {
    const result = parse({
      regionId: 'zuid-limburg',
      postcode: '6211ab',
      maxDistanceKm: 15,
      criteria: [
        { criterion: 'careProfile', importance: 'must', value: '5VV' },
        { criterion: 'garden', importance: 'important' },
        { criterion: 'age', importance: 'nice', value: 82 },
      ],
    });
    expect(result.success).toBe(true);
    expect(result.data?.postcode).toBe('6211 AB');
    expect(result.data?.limit).toBe(50);
  });

  it('refuses an unknown criterion and an unknown code, naming where', () => {
    const result = parse({
      regionId: 'zuid-limburg',
      criteria: [
        { criterion: 'sauna', importance: 'must' },
        { criterion: 'sector', importance: 'must', value: 'XX' },
      ],
    });
    expect(result.success).toBe(false);
    const paths = toFieldErrors(result.error!).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['criteria.0.criterion', 'criteria.1.value']));
  });

  it('refuses a value on a yes/no criterion and a missing importance', () => {
    const result = parse({ regionId: 'rotterdam', criteria: [{ criterion: 'pets', importance: 'must', value: true }, { criterion: 'garden' }] });
    expect(result.success).toBe(false);
    const paths = toFieldErrors(result.error!).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['criteria.0', 'criteria.1.importance']));
  });

  it('needs a postcode for a maximum distance and accepts 4-digit postcodes', () => {
    expect(toFieldErrors(parse({ regionId: 'rotterdam', maxDistanceKm: 10 }).error!)[0]?.path).toBe('postcode');
    expect(parse({ regionId: 'rotterdam', postcode: '3011' }).data?.postcode).toBe('3011');
    expect(parse({ regionId: 'rotterdam', postcode: '0123' }).success).toBe(false);
  });
});
