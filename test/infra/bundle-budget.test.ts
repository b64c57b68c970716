// Every Lambda bundle, built as the stacks build it, within its budget (infra/bundling.ts: 500 KB
// minified each, the budget of issue 5): a smaller bundle starts faster. The full OpenSearch Client alone is ~250 KB, so
// the functions use the slim client (functions/search/opensearch/opensearch-client.ts); a stray
// import of the package's entry would bring the Client back, which the second test names.
import { describe, expect, it } from 'vitest';
import { LAMBDA_NAMES, type BundleMeasure, measureBundle } from '../../infra/bundle-measure.ts';
import { BUNDLE_BUDGETS } from '../../infra/bundling.ts';

const measures = new Map<string, Promise<BundleMeasure>>();
const measured = (name: (typeof LAMBDA_NAMES)[number]) => {
  if (!measures.has(name)) measures.set(name, measureBundle(name));
  return measures.get(name)!;
};

describe('Lambda bundles', () => {
  it.each(LAMBDA_NAMES)('%s is within its budget (500 KB minified each)', async (name) => {
    const { bytes, byPackage } = await measured(name);
    expect(bytes, `${name}: largest packages ${JSON.stringify(byPackage.slice(0, 5))}`).toBeDefined();
    expect(bytes!, `${name}: largest packages ${JSON.stringify(byPackage.slice(0, 5))}`).toBeLessThanOrEqual(BUNDLE_BUDGETS[name]);
  });

  it('staff keeps the AWS SDK out of its bundle (SES comes from the Lambda runtime) and does not bundle search', async () => {
    const { inputs } = await measured('staff');
    expect(inputs.filter((input) => /@aws-sdk\/|@smithy\//.test(input))).toEqual([]);
    expect(inputs.filter((input) => /@opensearch-project|@orama/.test(input))).toEqual([]);
  });

  it('remind keeps the AWS SDK out of its bundle and does not bundle search (it reads listings from the table)', async () => {
    const { inputs } = await measured('remind');
    // X-Ray's SDK v3 patcher brings one small @smithy package of its own; the clients stay external.
    expect(inputs.filter((input) => /@aws-sdk\//.test(input))).toEqual([]);
    expect(inputs.filter((input) => /@opensearch-project|@orama/.test(input))).toEqual([]);
  });

  it.each(['siteChanges', 'siteBuildStarter'] as const)('%s calls SQS, CodeBuild and S3 through the runtime\'s SDK clients, none of it bundled', async (name) => {
    // Measured 2026-12-03: 161 KB each; 177 KB when they signed their calls by hand (32 @smithy files bundled).
    const { inputs } = await measured(name);
    expect(inputs.filter((input) => /@aws-sdk\/|@smithy\//.test(input))).toEqual([]);
  });

  it('api holds no store adapter of accounts, staff writes or dossiers: the public function reads listings and counts demand only', async () => {
    // Measured 2026-12-03: 502 KB when it built every store, 453 KB with its three.
    const { inputs } = await measured('api');
    expect(inputs.filter((input) => /^functions\/store\/dynamodb\/.*(dossier|account|handover|invitation|provider-listing)[^/]*\.ts$/.test(input))).toEqual([]);
  });

  it.each(['api', 'indexer', 'reindex'] as const)('%s does not bundle the OpenSearch Client and its API namespaces', async (name) => {
    const { inputs } = await measured(name);
    const clientFiles = inputs.filter((input) => /@opensearch-project\/opensearch\/(api\/|lib\/Client\.js|index\.m?js)/.test(input));
    expect(clientFiles).toEqual([]);
  });
});
