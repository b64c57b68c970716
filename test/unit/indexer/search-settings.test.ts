import { describe, expect, it } from 'vitest';
import { OpenSearchNotConfiguredError, openSearchSettings } from '../../../functions/indexer/search-settings.ts';
import { readConfig } from '../../../functions/platform/config.ts';

describe('OpenSearch settings', () => {
  it('come from the config the search stack sets', () => {
    const config = readConfig({ OPENSEARCH_URL: 'https://search-x.eu-west-1.es.amazonaws.com', OPENSEARCH_INDEX_PREFIX: 'woonwijzer-prod', AWS_REGION: 'eu-central-1' });
    expect(openSearchSettings(config)).toEqual({ url: 'https://search-x.eu-west-1.es.amazonaws.com', indexPrefix: 'woonwijzer-prod', awsRegion: 'eu-central-1' });
  });

  it('explain, without OPENSEARCH_URL, that the embedded engine needs no reindex', () => {
    expect(() => openSearchSettings(readConfig({}))).toThrow(OpenSearchNotConfiguredError);
    expect(() => openSearchSettings(readConfig({}))).toThrow(/embedded search engine needs no reindex/);
  });
});
