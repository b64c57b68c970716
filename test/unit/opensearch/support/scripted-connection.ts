// A real OpenSearch client whose connection answers from a script instead of the network: the
// tests see every HTTP request the adapter makes (method, path, query string, body) and decide the
// answer. It checks the adapter's glue (which endpoint, which body, how answers and errors are
// read), not OpenSearch; the answers follow the shapes of OpenSearch's REST API documentation.
import type http from 'node:http';
import { Readable } from 'node:stream';
import { Client, Connection } from '@opensearch-project/opensearch';

export interface Call {
  method: string;
  path: string;
  querystring: string;
  /** JSON bodies parsed; NDJSON bodies (_bulk, _msearch) as an array of lines. */
  body: unknown;
}

export type Responder = (call: Call) => { status?: number; body: unknown };

function parseBody(raw: unknown): unknown {
  if (raw === undefined || raw === null || raw === '') return undefined;
  const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
  if (text.endsWith('\n')) return text.trim().split('\n').map((line) => JSON.parse(line) as unknown);
  return JSON.parse(text) as unknown;
}

export function scriptedClient(responder: Responder): { client: Client; calls: Call[] } {
  const calls: Call[] = [];
  class ScriptedConnection extends Connection {
    override request(
      params: http.RequestOptions & { querystring?: string; body?: unknown },
      callback: (err: Error | null, response: http.IncomingMessage | null) => void,
    ): http.ClientRequest {
      const call: Call = { method: params.method ?? 'GET', path: params.path ?? '/', querystring: params.querystring ?? '', body: parseBody(params.body) };
      calls.push(call);
      const { status = 200, body } = responder(call);
      const response = new Readable({ read() {} });
      response.push(JSON.stringify(body));
      response.push(null);
      Object.assign(response, { statusCode: status, headers: { 'content-type': 'application/json; charset=UTF-8' } });
      process.nextTick(() => callback(null, response as unknown as http.IncomingMessage));
      return { abort() {} } as unknown as http.ClientRequest;
    }
  }
  return { client: new Client({ node: 'http://localhost:9200', Connection: ScriptedConnection, maxRetries: 0 }), calls };
}
