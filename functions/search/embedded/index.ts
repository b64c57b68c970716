// The embedded search engine's public API.
export { EmbeddedSearchEngine } from './embedded-search-engine.ts';
export { loadEmbeddedEngine } from './load-embedded-engine.ts';
export { normaliseCandidate } from './normalise-candidate.ts';
export { UnknownRegionError } from './unknown-region-error.ts';
