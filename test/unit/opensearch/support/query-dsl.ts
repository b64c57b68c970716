// A test oracle for the query JSON the OpenSearch adapter builds: OpenSearch's documented
// semantics for exactly the subset the builders use (term, terms, range, bool with
// minimum_should_match, constant_score, match_all, geo_distance, function_score with a linear geo
// decay; sort; from/size; post_filter; filter + terms aggregations), evaluated over documents in
// memory. It is not a search engine: no text analysis, no multi_match. It lets the tests check what
// the JSON MEANS (which candidates it keeps, what score it gives) against the shared matcher,
// instead of only its shape. Scores can be summed in float32, as Lucene does.
import { haversineKm, type Point } from '../../../../shared/geo/distance.ts';

type Json = Record<string, unknown>;
export type Doc = Record<string, unknown>;

export interface Evaluation {
  matches: boolean;
  score: number;
}

const obj = (v: unknown): Json => v as Json;
const single = (clause: Json): [string, Json] => {
  const entries = Object.entries(clause);
  if (entries.length !== 1) throw new Error(`Expected one query type in ${JSON.stringify(clause)}`);
  return entries[0] as [string, Json];
};

/** A field's values: a path like `waitingList.status`; arrays spread; missing → []. */
export function valuesOf(doc: Doc, path: string): unknown[] {
  let value: unknown = doc;
  for (const part of path.split('.')) value = value === undefined || value === null ? undefined : obj(value)[part];
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

const parseKm = (distance: unknown): number => {
  const m = /^([0-9.]+)km$/.exec(String(distance));
  if (!m) throw new Error(`Unsupported distance ${String(distance)}`);
  return Number(m[1]);
};

export interface DslOptions {
  /** Sum scores in float32, as Lucene does. */
  float32?: boolean;
}

export function evaluate(query: Json, doc: Doc, options: DslOptions = {}): Evaluation {
  const add = (a: number, b: number) => (options.float32 ? Math.fround(Math.fround(a) + Math.fround(b)) : a + b);
  const [type, body] = single(query);
  switch (type) {
    case 'match_all':
      return { matches: true, score: 1 };
    case 'term': {
      const [field, value] = Object.entries(body)[0] as [string, unknown];
      return { matches: valuesOf(doc, field).some((v) => v === value), score: 1 };
    }
    case 'terms': {
      const [field, values] = Object.entries(body)[0] as [string, unknown[]];
      return { matches: valuesOf(doc, field).some((v) => values.includes(v)), score: 1 };
    }
    case 'range': {
      const [field, bounds] = Object.entries(body)[0] as [string, Record<string, number>];
      const ok = valuesOf(doc, field).some((raw) => {
        const v = raw as number;
        return (
          (bounds.gt === undefined || v > bounds.gt) &&
          (bounds.gte === undefined || v >= bounds.gte) &&
          (bounds.lt === undefined || v < bounds.lt) &&
          (bounds.lte === undefined || v <= bounds.lte)
        );
      });
      return { matches: ok, score: 1 };
    }
    case 'geo_distance': {
      const { distance, ...rest } = body;
      const [field, origin] = Object.entries(rest)[0] as [string, Point];
      const point = valuesOf(doc, field)[0] as Point | undefined;
      return { matches: point !== undefined && haversineKm(origin, point) <= parseKm(distance), score: 1 };
    }
    case 'constant_score': {
      const inner = evaluate(obj(body.filter), doc, options);
      return { matches: inner.matches, score: inner.matches ? ((body.boost as number | undefined) ?? 1) : 0 };
    }
    case 'bool':
      return evaluateBool(body, doc, options, add);
    case 'function_score':
      return evaluateFunctionScore(body, doc, options);
    default:
      throw new Error(`The oracle does not know query type "${type}"`);
  }
}

function evaluateBool(body: Json, doc: Doc, options: DslOptions, add: (a: number, b: number) => number): Evaluation {
  const list = (key: string) => ((body[key] as Json[] | undefined) ?? []).map((q) => evaluate(q, doc, options));
  const filter = list('filter');
  const must = list('must');
  const mustNot = list('must_not');
  const should = list('should');
  if (!filter.every((e) => e.matches) || !must.every((e) => e.matches) || mustNot.some((e) => e.matches)) {
    return { matches: false, score: 0 };
  }
  const defaultMsm = filter.length + must.length === 0 && should.length > 0 ? 1 : 0;
  const msm = (body.minimum_should_match as number | undefined) ?? defaultMsm;
  const matchingShould = should.filter((e) => e.matches);
  if (matchingShould.length < msm) return { matches: false, score: 0 };
  let score = 0;
  for (const e of [...must, ...matchingShould]) score = add(score, e.score);
  return { matches: true, score };
}

/** Only the form the match builder uses: match_all + one linear geo decay with a weight, replace. */
function evaluateFunctionScore(body: Json, doc: Doc, options: DslOptions): Evaluation {
  const inner = evaluate(obj(body.query), doc, options);
  if (!inner.matches) return { matches: false, score: 0 };
  if (body.boost_mode !== 'replace') throw new Error('The oracle knows boost_mode "replace" only');
  let total = 0;
  for (const fn of body.functions as Json[]) {
    const weight = (fn.weight as number | undefined) ?? 1;
    const [field, params] = Object.entries(obj(fn.linear))[0] as [string, Json];
    const point = valuesOf(doc, field)[0] as Point;
    const origin = params.origin as Point;
    const scale = parseKm(params.scale);
    const offset = parseKm(params.offset);
    const decay = params.decay as number;
    // OpenSearch docs, linear decay: max(0, (s − max(0, |d − origin| − offset)) / s), s = scale / (1 − decay).
    const s = scale / (1 - decay);
    const d = Math.max(0, haversineKm(origin, point) - offset);
    total += weight * Math.max(0, (s - d) / s);
  }
  return { matches: true, score: options.float32 ? Math.fround(total) : total };
}

export interface Hit {
  doc: Doc;
  score: number;
}

type SortClause = Record<string, { order?: string; point?: Point }>;

/** Runs a search body over documents: query, sort, from/size, total (post_filter narrows hits). */
export function search(body: Json, docs: readonly Doc[], options: DslOptions = {}): { hits: Hit[]; total: number } {
  const scored: Hit[] = [];
  for (const doc of docs) {
    const e = evaluate(obj(body.query), doc, options);
    if (!e.matches) continue;
    if (body.post_filter && !evaluate(obj(body.post_filter), doc, options).matches) continue;
    scored.push({ doc, score: e.score });
  }
  const sort = (body.sort as SortClause[] | undefined) ?? [{ _score: { order: 'desc' } }];
  scored.sort((a, b) => {
    for (const clause of sort) {
      const [key, spec] = Object.entries(clause)[0] as [string, { order?: string; point?: Point }];
      const dir = spec.order === 'desc' ? -1 : 1;
      let av: number | string;
      let bv: number | string;
      if (key === '_score') [av, bv] = [a.score, b.score];
      else if (key === '_geo_distance') {
        const origin = spec.point as Point;
        [av, bv] = [haversineKm(origin, a.doc.point as Point), haversineKm(origin, b.doc.point as Point)];
      } else [av, bv] = [String(valuesOf(a.doc, key)[0]), String(valuesOf(b.doc, key)[0])];
      if (av !== bv) return (av < bv ? -1 : 1) * dir;
    }
    return 0;
  });
  const from = (body.from as number | undefined) ?? 0;
  const size = (body.size as number | undefined) ?? 10;
  return { hits: scored.slice(from, from + size), total: scored.length };
}

/** The filter + terms aggregations of the search builder: bucket counts per aggregation name. */
export function aggregate(body: Json, docs: readonly Doc[]): Record<string, Record<string, number>> {
  const inQuery = docs.filter((doc) => evaluate(obj(body.query), doc).matches);
  const out: Record<string, Record<string, number>> = {};
  for (const [name, agg] of Object.entries(obj(body.aggs))) {
    const a = obj(agg);
    const filtered = inQuery.filter((doc) => evaluate(obj(a.filter), doc).matches);
    const field = obj(obj(obj(a.aggs).codes).terms).field as string;
    const counts: Record<string, number> = {};
    for (const doc of filtered) for (const v of new Set(valuesOf(doc, field))) counts[String(v)] = (counts[String(v)] ?? 0) + 1;
    out[name] = counts;
  }
  return out;
}
