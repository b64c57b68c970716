// The OpenSearch client: signed with SigV4 for an Amazon OpenSearch Service domain (the functions'
// IAM role is the identity fine-grained access control maps), plain for any other URL, e.g. an
// OpenSearch a developer runs on their own machine.
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';

/** Domain endpoints look like `https://search-<name>-<id>.<region>.es.amazonaws.com`. */
export function isAwsDomain(url: string): boolean {
  const host = new URL(url).hostname;
  return /\.(es|aos)\.amazonaws\.com(\.cn)?$/.test(host);
}

export function createOpenSearchClient(url: string, awsRegion = process.env.AWS_REGION ?? 'eu-west-1'): Client {
  if (!isAwsDomain(url)) return new Client({ node: url });
  return new Client({
    ...AwsSigv4Signer({ region: awsRegion, service: 'es', getCredentials: defaultProvider() }),
    node: url,
  });
}
