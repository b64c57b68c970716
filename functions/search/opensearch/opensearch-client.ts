// The OpenSearch client: signed with SigV4 for an Amazon OpenSearch Service domain (the functions'
// IAM role is the identity fine-grained access control maps), plain for any other URL, e.g. an
// OpenSearch a developer runs on their own machine.
//
// Built on the package's Transport, ConnectionPool and Connection (retries, timeouts, error
// types, SigV4 as the package does it) rather than on its Client: the Client loads every API
// namespace of the project (~250 KB minified) and would put the API Lambda over its bundle
// budget. We use nine endpoints; each is one line below, written as the package writes it
// (api/_core/*.js, api/indices/*.js), and typed with the package's own signatures so callers and
// tests can hand in a full Client where they like.
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import Connection from '@opensearch-project/opensearch/lib/Connection.js';
import { ConnectionPool } from '@opensearch-project/opensearch/lib/pool/index.js';
import Serializer from '@opensearch-project/opensearch/lib/Serializer.js';
import Transport, { type TransportRequestOptions } from '@opensearch-project/opensearch/lib/Transport.js';
import { openSearchCallSettings, type CallProfile } from '../../platform/outbound-calls.ts';

type IndexEndpoints = 'create' | 'delete' | 'refresh' | 'putSettings' | 'get' | 'updateAliases';

/** The part of the OpenSearch client this service calls. */
export type OpenSearchClient = Pick<Client, 'search' | 'msearch' | 'bulk'> & {
  readonly indices: Pick<Client['indices'], IndexEndpoints>;
  readonly transport: Transport;
};

/** Domain endpoints look like `https://search-<name>-<id>.<region>.es.amazonaws.com`. */
export function isAwsDomain(url: string): boolean {
  const host = new URL(url).hostname;
  return /\.(es|aos)\.amazonaws\.com(\.cn)?$/.test(host);
}

export function createOpenSearchClient(url: string, awsRegion = process.env.AWS_REGION ?? 'eu-west-1', profile: CallProfile = 'batch'): OpenSearchClient {
  const limits = openSearchCallSettings(profile);
  if (!isAwsDomain(url)) return openSearchClient({ node: url, ...limits });
  return openSearchClient({ node: url, ...limits, sigv4: { region: awsRegion, getCredentials: defaultProvider() } });
}

export interface OpenSearchClientOptions {
  node: string;
  /** Sign every request (SigV4, service `es`) with these credentials. */
  sigv4?: { region: string; getCredentials: () => Promise<AwsCredentials> };
  /** Retries after a connection error or a 502/503/504 (the Client's default is 3). */
  maxRetries?: number;
  /** One attempt's time limit (the Client's default is 30 s). */
  requestTimeoutMs?: number;
}

interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

interface Params {
  index?: string | string[];
  body?: unknown;
  [querystring: string]: unknown;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export function openSearchClient(options: OpenSearchClientOptions): OpenSearchClient {
  // The signer hands back a Connection that signs each request and a Transport that fetches
  // (and refreshes) the credentials before it; without it, the package's plain pair.
  const signer = options.sigv4 ? AwsSigv4Signer({ region: options.sigv4.region, service: 'es', getCredentials: options.sigv4.getCredentials }) : undefined;
  const SignedOrPlainTransport = (signer?.Transport ?? Transport) as typeof Transport;
  const emit = () => true;
  const connectionPool = new ConnectionPool({
    Connection: (signer?.Connection ?? Connection) as typeof Connection,
    emit,
    pingTimeout: 3_000,
    resurrectStrategy: 'ping',
  });
  connectionPool.addConnection(options.node);
  // The Client's defaults, so behaviour matches what the full Client did here before.
  const transport = new SignedOrPlainTransport({
    emit,
    connectionPool,
    serializer: new Serializer(),
    maxRetries: options.maxRetries ?? 3,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    sniffEndpoint: '_nodes/_all/http',
    name: 'opensearch-js',
  });

  const call = (method: (p: Params) => Method, path: (index: string | null) => string, body: 'body' | 'bulkBody' = 'body') =>
    (params: Params, requestOptions: TransportRequestOptions = {}) => {
      const { body: content, index, ...querystring } = params;
      const m = method(params);
      const request = { method: m, path: path(index == null || index === '' ? null : encodeURIComponent(String(index))), querystring: querystring as Record<string, string> };
      // As the package does: a request without a body sends an empty one.
      return transport.request(body === 'bulkBody' ? { ...request, bulkBody: content as object[] } : { ...request, body: (content ?? '') as object }, requestOptions);
    };
  const at = (suffix: string) => (index: string | null) => ['', index, suffix].filter((c) => c != null).join('/');
  const bodyPost = (p: Params): Method => (p.body ? 'POST' : 'GET');

  const client = {
    transport,
    search: call(bodyPost, at('_search')),
    msearch: call(bodyPost, at('_msearch'), 'bulkBody'),
    bulk: call((p) => (p.index == null ? 'POST' : 'PUT'), at('_bulk'), 'bulkBody'),
    indices: {
      create: call(() => 'PUT', (index) => `/${index}`),
      delete: call(() => 'DELETE', (index) => `/${index}`),
      get: call(() => 'GET', (index) => `/${index}`),
      refresh: call(bodyPost, at('_refresh')),
      putSettings: call(() => 'PUT', at('_settings')),
      updateAliases: call(() => 'POST', () => '/_aliases'),
    },
  };
  // The runtime functions are the package's endpoints restated; their callback overloads are
  // not offered (nothing here uses them), which is the one difference the cast hides.
  return client as unknown as OpenSearchClient;
}
