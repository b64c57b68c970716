// Which errors of a call out become a 503 with Retry-After (a dependency that did not answer) and
// which stay a 500 (our own fault), and what the settings every AWS client is built with do.
import { once } from 'node:events';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { ConditionalCheckFailedException, DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { DependencyUnavailableError, httpErrorFor } from '../../../functions/api/errors.ts';
import { CALL_LIMITS, isDependencyUnavailable } from '../../../functions/platform/outbound-calls.ts';
import { localDynamoDbClientConfig } from '../../../functions/store/create-store.ts';

const named = (name: string, extra: object = {}) => Object.assign(new Error('x'), { name }, extra);

describe('a dependency that does not answer', () => {
  it.each([
    ['a request past its deadline', named('TimeoutError')],
    ['a refused connection', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['DynamoDB throttling', named('ProvisionedThroughputExceededException', { $fault: 'client' })],
    ['an AWS service failing', named('InternalServerError', { $fault: 'server' })],
    ['OpenSearch unreachable', named('ConnectionError')],
    ['OpenSearch answering 503', named('ResponseError', { meta: { statusCode: 503 } })],
    ['a timeout wrapped as a cause', new Error('Store read failed', { cause: named('TimeoutError') })],
    ['the request deadline', new DependencyUnavailableError()],
  ])('is a 503 with Retry-After in the error shape: %s', (_, error) => {
    expect(isDependencyUnavailable(error) || error instanceof DependencyUnavailableError).toBe(true);
    const answer = httpErrorFor(error);
    expect(answer?.status).toBe(503);
    expect(answer?.headers?.['Retry-After']).toMatch(/^\d+$/);
    expect(answer?.body.error.code).toBe('service_unavailable');
  });

  it.each([
    ['a refused condition', new ConditionalCheckFailedException({ message: 'no', $metadata: {} })],
    ['a validation error of ours', named('ValidationException', { $fault: 'client', $metadata: { httpStatusCode: 400 } })],
    ['a bug', new TypeError('undefined is not a function')],
  ])('is not: %s', (_, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
    expect(httpErrorFor(error)?.status).not.toBe(503);
  });
});

describe('a DynamoDB client built with these settings, against a server that never answers', () => {
  it('gives up after its attempts, each cut at the request timeout on a fresh socket', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => void sockets.push(socket)); // accepts, reads, never answers
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = new DynamoDBClient(localDynamoDbClientConfig(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
    const started = performance.now();
    try {
      const error = await client.send(new ListTablesCommand({})).catch((e: unknown) => e as Error & { $metadata?: { attempts?: number } });
      const elapsed = performance.now() - started;
      const { requestTimeoutMs, maxAttempts } = CALL_LIMITS.interactive;
      expect(error).toMatchObject({ name: 'TimeoutError' });
      expect(error?.$metadata?.attempts).toBe(maxAttempts);
      expect(elapsed).toBeGreaterThanOrEqual(requestTimeoutMs * maxAttempts - 50);
      // The back-off between attempts is short and jittered; a slow machine gets a second of room.
      expect(elapsed).toBeLessThan(requestTimeoutMs * maxAttempts + 1_000);
      // A timed-out socket is destroyed, not handed to the next attempt.
      expect(sockets.length).toBe(maxAttempts);
    } finally {
      client.destroy();
      for (const socket of sockets) socket.destroy();
      server.close();
    }
  }, 10_000);
});
