// The search-engine contract on the embedded engine: always runs.
import { EmbeddedSearchEngine } from '../../functions/search/embedded/embedded-search-engine.ts';
import { describeSearchEngineContract } from './search-engine.contract.ts';

describeSearchEngineContract('embedded', async () => ({ engine: new EmbeddedSearchEngine() }));
