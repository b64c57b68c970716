// Dutch full text over one region's housing forms, on Orama: the names of the housing form, its
// location and organisation, the city, and the descriptions (`searchText`), with Dutch stemming
// ('tuinen' finds 'tuin'), accents folded and Dutch stop words dropped, like the OpenSearch analyser.
//
// Orama alone would answer differently from OpenSearch in two ways: it matches a word as a prefix
// ('tuin' finds 'tuinhuis') and requires all words of a query within ONE field. The port promises
// one meaning on both engines: every word of the query, as a whole stemmed word, in any of the
// fields (OpenSearch's cross_fields with operator "and"). So Orama retrieves and scores (BM25 with
// the weights of the OpenSearch query: the housing form's own name most, the descriptions least, so
// a word in a name ranks above the same word in a description), and each hit is then checked against
// the document's own stemmed words, kept here per document.
//
// Orama's calls are synchronous with its default components; they are used that way, so a put or
// delete is atomic with respect to other requests.
import { create, insert, remove, search, type Results } from '@orama/orama';
import { language, stemmer } from '@orama/stemmers/dutch';
import { DUTCH_STOP_WORDS } from './dutch-stop-words.ts';

const SCHEMA = { name: 'string', locationName: 'string', organizationName: 'string', city: 'string', searchText: 'string' } as const;
const TEXT_FIELDS = ['name', 'locationName', 'organizationName', 'city', 'searchText'] as const;
/** The same weights as the OpenSearch query (build-search-query.ts: name^3, locationName^2, searchText^0.5). */
const BOOST = { name: 3, locationName: 2, searchText: 0.5 };
/**
 * Orama's tokenizer remembers every token it normalised, including those of queries: without a
 * bound, a long-running server would grow with every new word anyone typed.
 */
const TOKEN_CACHE_LIMIT = 50_000;

export type TextDocument = { id: string } & Record<(typeof TEXT_FIELDS)[number], string>;

function sync<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('Orama answered asynchronously; the embedded engine relies on its synchronous default components.');
  return value;
}

export class TextIndex {
  private readonly db = create({
    schema: SCHEMA,
    components: { tokenizer: { language, stemming: true, stemmer, stopWords: [...DUTCH_STOP_WORDS] } },
  });
  /** Per document, the set of its stemmed words over all text fields. */
  private readonly words = new Map<string, ReadonlySet<string>>();

  put(doc: TextDocument): void {
    if (this.words.has(doc.id)) sync(remove(this.db, doc.id));
    const fields = { name: doc.name, locationName: doc.locationName, organizationName: doc.organizationName, city: doc.city, searchText: doc.searchText };
    sync(insert(this.db, { id: doc.id, ...fields }));
    this.words.set(doc.id, new Set(TEXT_FIELDS.flatMap((field) => this.tokenize(fields[field]))));
  }

  delete(id: string): void {
    if (!this.words.delete(id)) return;
    sync(remove(this.db, id));
  }

  /**
   * The documents holding every word of `q` (each as a whole stemmed word, in any field), with
   * their relevance. A query of stop words only finds nothing, as on OpenSearch.
   */
  find(q: string): Map<string, number> {
    const found = new Map<string, number>();
    const queryWords = this.tokenize(q);
    if (queryWords.length === 0 || this.words.size === 0) return found;
    const results = sync(
      search(this.db, { term: q, properties: [...TEXT_FIELDS], boost: BOOST, limit: this.words.size }),
    ) as Results<TextDocument>;
    for (const hit of results.hits) {
      const words = this.words.get(hit.id);
      if (words && queryWords.every((w) => words.has(w))) found.set(hit.id, hit.score);
    }
    this.boundTokenCache();
    return found;
  }

  private tokenize(text: string): string[] {
    return this.db.tokenizer.tokenize(text, language);
  }

  private boundTokenCache(): void {
    const cache = (this.db.tokenizer as { normalizationCache?: Map<string, string> }).normalizationCache;
    if (cache && cache.size > TOKEN_CACHE_LIMIT) cache.clear();
  }
}
