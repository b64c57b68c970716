// Random and hostile input for the staff API's property tests (fast-check): text and values an
// attacker would try, bodies near a valid one (any field at any depth replaced, or one more field)
// and far from it, and a route's path with one id replaced. Shared by the suites that fuzz write
// routes (staff-write-properties, coordinator-hub-api).
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { OTHER_ORG } from './test-provider-app.ts';

export const hostileText = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '', ' ', '../..', '%00', '#', 'ORG#zorggroep-test', 'INVITE#x', "' OR 1=1 --", '<script>', '\u0000', 'a'.repeat(300), '__proto__',
    'constructor', 'rotterdam', 'zuid-limburg', OTHER_ORG, 'Zorggroep-Test', '00000000-0000-0000-0000-000000000000',
  ),
);
export const hostileValue = fc.oneof(
  hostileText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.constantFrom(-1, 2 ** 53, 1e308, 'x@example.nl', 'provider-admin', 'owner'), fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

/** Every path to a value in `value`, the empty path (the whole) first. */
export function pathsOf(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (value === null || typeof value !== 'object') return [path];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return [path, ...entries.flatMap(([key, v]) => pathsOf(v, [...path, key]))];
}

/** `value` with the value at `path` replaced by `replacement`. */
export function replaced(value: unknown, path: Array<string | number>, replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, replacement);
  return copy;
}

/**
 * Bodies near the valid one (a field at any depth replaced by anything, or one more field) and far
 * from it (anything at all, or text that is not JSON: a string is sent as it is).
 */
export const bodyFor = (body: Record<string, unknown> | undefined) => {
  const valid = body ?? {};
  const fields = pathsOf(valid).filter((p) => p.length > 0);
  const near = fields.length === 0 ? [] : [
    fc.record({ path: fc.constantFrom(...fields), value: hostileValue }).map(({ path, value }) => replaced(valid, path, value)),
  ];
  return fc.oneof(
    ...near,
    fc.record({ key: hostileText, value: hostileValue }).map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.anything().map((a) => JSON.stringify(a) ?? ''),
    fc.dictionary(hostileText, hostileValue, { maxKeys: 4 }).map((d) => JSON.stringify(d)),
    fc.string(),
  ).filter((sent) => !isDeepStrictEqual(sent, body));
};

/** The route's path with one of its ids (past `/api/{area}/`) replaced by something hostile. */
export const hostilePath = (path: string) =>
  fc.oneof(hostileText.map(encodeURIComponent), fc.uuid()).map((segment) => {
    const parts = path.split('/');
    const at = 4 + (segment.length % Math.max(1, parts.length - 4));
    return parts.map((p, i) => (i === at ? segment : p)).join('/');
  });

