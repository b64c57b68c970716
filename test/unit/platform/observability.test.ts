// The logger, the metrics and the Lambda handler wrapper as an operator meets them: which lines
// appear where, what they carry, and what the switches (LOG_LEVEL, POWERTOOLS_METRICS_DISABLED)
// do. Each case loads the modules afresh, since Powertools reads its environment when the
// instances are made.
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorSummary, logLevelFrom } from '../../../functions/platform/log.ts';
import { httpCorrelationId } from '../../../functions/platform/lambda-handler.ts';
import { captureOutput, type CapturedOutput } from '../../support/output-capture.ts';

let output: CapturedOutput;
beforeEach(() => {
  vi.resetModules();
  // A clean slate whatever the shell running the tests has set.
  for (const name of ['AWS_LAMBDA_FUNCTION_NAME', 'POWERTOOLS_METRICS_DISABLED', 'POWERTOOLS_LOG_LEVEL', 'LOG_LEVEL', 'POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_DEV', 'AWS_LAMBDA_LOG_LEVEL']) {
    vi.stubEnv(name, undefined);
  }
  vi.stubEnv('STAGE', 'test');
  output = captureOutput();
});
afterEach(() => {
  output.restore();
  vi.unstubAllEnvs();
});

const freshLog = async () => (await import('../../../functions/platform/log.ts')).log;
const freshMetrics = () => import('../../../functions/platform/metrics.ts');
const freshWrapper = () => import('../../../functions/platform/lambda-handler.ts');

const lambdaContext = (awsRequestId: string) =>
  ({
    awsRequestId,
    functionName: 'woonwijzer-test-indexer',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:woonwijzer-test-indexer',
    memoryLimitInMB: '512',
  }) as Context;

describe('the log', () => {
  it('writes one JSON line per call, with level, time, service and the fields given', async () => {
    const log = await freshLog();
    log.warn('stream poller: reading the stream failed; retrying', { shard: 'a' });
    const lines = output.jsonLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'WARN', message: 'stream poller: reading the stream failed; retrying', service: 'woonwijzer', shard: 'a' });
    expect(Date.parse(String(lines[0]?.timestamp))).not.toBeNaN();
  });

  it('is silent with LOG_LEVEL=silent, in any case, as the README says', async () => {
    vi.stubEnv('LOG_LEVEL', 'silent');
    const log = await freshLog();
    log.error('request failed');
    expect(output.text()).toBe('');
  });

  it('takes POWERTOOLS_LOG_LEVEL before LOG_LEVEL, and INFO for a level it does not know', () => {
    expect(logLevelFrom({ POWERTOOLS_LOG_LEVEL: 'error', LOG_LEVEL: 'silent' })).toBe('ERROR');
    expect(logLevelFrom({ LOG_LEVEL: 'Debug' })).toBe('DEBUG');
    expect(logLevelFrom({ LOG_LEVEL: 'loud' })).toBe('INFO');
    expect(logLevelFrom({})).toBe('INFO');
  });

  it('names the service from POWERTOOLS_SERVICE_NAME when it is set', async () => {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'woonwijzer-api');
    (await freshLog()).info('started');
    expect(output.jsonLines()[0]).toMatchObject({ service: 'woonwijzer-api' });
  });
});

describe('errorSummary', () => {
  it('keeps name, message, stack and cause, and drops what an error carries besides', () => {
    const error = Object.assign(new Error('Store read failed', { cause: Object.assign(new TypeError('socket hang up'), { request: 'postcode=6211AB' }) }), {
      input: { postcode: '6211AB' },
    });
    const summary = errorSummary(error);
    expect(summary).toMatchObject({ name: 'Error', message: 'Store read failed', cause: { name: 'TypeError', message: 'socket hang up' } });
    expect(summary.stack).toContain('Store read failed');
    expect(JSON.stringify(summary)).not.toContain('6211AB');
  });

  it("keeps only name, status and error types of an error holding a server's answer, whose message quotes the query", () => {
    // As the OpenSearch client's ResponseError builds it: the message from each root cause's reason.
    const body = {
      error: { type: 'search_phase_execution_exception', root_cause: [{ type: 'query_shard_exception', reason: 'For input string: "6211AB"' }] },
      status: 400,
    };
    const answer = Object.assign(new Error('search_phase_execution_exception: [query_shard_exception] Reason: For input string: "6211AB"'), {
      name: 'ResponseError',
      meta: { body, statusCode: 400, meta: { request: { params: { body: '{"postcode":"6211AB"}' } } } },
    });
    expect(errorSummary(answer)).toEqual({ name: 'ResponseError', statusCode: 400, errorTypes: ['search_phase_execution_exception', 'query_shard_exception'] });
    // A connection error carries `meta` (with the request) too, and no answer.
    const connection = Object.assign(new Error('connect ECONNREFUSED while sending {"postcode":"6211AB"}'), { name: 'ConnectionError', meta: { body: null } });
    expect(errorSummary(connection)).toEqual({ name: 'ConnectionError' });
  });

  it('says what was thrown when it is not an Error, without its content', () => {
    expect(errorSummary({ postcode: '6211AB' })).toEqual({ name: 'object', message: 'A value that is not an Error was thrown.' });
  });
});

describe('metrics', () => {
  it('are not written outside Lambda, yet kept for whoever reads them before the flush', async () => {
    const { flushMetrics, metrics, recordMetric } = await freshMetrics();
    recordMetric('matchLatency', 12);
    expect(metrics.hasStoredMetrics()).toBe(true);
    flushMetrics();
    expect(output.text()).toBe('');
    expect(metrics.hasStoredMetrics()).toBe(false);
  });

  it('are written in Lambda as one EMF line: namespace Woonwijzer, dimensions service and stage', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'woonwijzer-test-api');
    const { flushMetrics, recordMetric } = await freshMetrics();
    recordMetric('matchLatency', 12.5);
    recordMetric('matchLatency', 30);
    recordMetric('matchResults', 7);
    flushMetrics();
    const lines = output.jsonLines();
    expect(lines).toHaveLength(1);
    const emf = lines[0] as { _aws: { CloudWatchMetrics: unknown[] } } & Record<string, unknown>;
    expect(emf._aws.CloudWatchMetrics).toEqual([
      {
        Namespace: 'Woonwijzer',
        Dimensions: [['service', 'stage']],
        Metrics: [
          { Name: 'MatchLatency', Unit: 'Milliseconds' },
          { Name: 'MatchResults', Unit: 'Count' },
        ],
      },
    ]);
    expect(emf).toMatchObject({ service: 'woonwijzer', stage: 'test', MatchLatency: [12.5, 30], MatchResults: 7 });
  });

  it('are written outside Lambda when POWERTOOLS_METRICS_DISABLED=false asks for them', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    const { flushMetrics, recordMetric } = await freshMetrics();
    recordMetric('serverErrors', 1);
    flushMetrics();
    expect(output.jsonLines()[0]).toMatchObject({ ServerErrors: 1 });
  });

  it('write nothing, not even a warning, for an invocation that measured nothing', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'woonwijzer-test-api');
    (await freshMetrics()).flushMetrics();
    expect(output.text()).toBe('');
  });
});

describe('the correlation id of an API request', () => {
  const event = (header?: string) => ({ headers: header ? { 'x-correlation-id': header } : {}, requestContext: { requestId: 'gateway-1' } });

  it("is the caller's x-correlation-id when it is a UUID", () => {
    expect(httpCorrelationId(event('1B4E28BA-2FA1-41D2-883F-0016D3CCA427'))).toBe('1B4E28BA-2FA1-41D2-883F-0016D3CCA427');
  });

  it("is API Gateway's request id otherwise: a header is user input and could carry anything", () => {
    expect(httpCorrelationId(event('6211AB dementie'))).toBe('gateway-1');
    expect(httpCorrelationId(event())).toBe('gateway-1');
    expect(httpCorrelationId({})).toBeUndefined();
  });
});

describe('a Lambda handler wrapped by lambdaHandler', () => {
  it('logs with request id, cold start and correlation id, and forgets the correlation id afterwards', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'woonwijzer-test-indexer');
    // What Lambda sets in an environment started for a request (not provisioned ahead).
    vi.stubEnv('AWS_LAMBDA_INITIALIZATION_TYPE', 'on-demand');
    const log = await freshLog();
    const { lambdaHandler } = await freshWrapper();
    const handler = lambdaHandler(
      async (event: { id?: string }) => {
        log.info('working');
        return event.id;
      },
      { correlationId: (event) => event.id },
    );
    await handler({ id: 'first' }, lambdaContext('request-1'));
    await handler({}, lambdaContext('request-2'));
    const [first, second] = output.jsonLines().filter((line) => line.message === 'working');
    expect(first).toMatchObject({ function_request_id: 'request-1', cold_start: true, correlation_id: 'first', function_name: 'woonwijzer-test-indexer' });
    expect(second).toMatchObject({ function_request_id: 'request-2', cold_start: false });
    expect(second).not.toHaveProperty('correlation_id');
  });

  it('flushes the metrics of an invocation that throws, and throws on', async () => {
    vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'woonwijzer-test-indexer');
    const { recordMetric } = await freshMetrics();
    const { lambdaHandler } = await freshWrapper();
    const handler = lambdaHandler(async () => {
      recordMetric('indexerRecordsProcessed', 3);
      throw new Error('OpenSearch is down');
    });
    await expect(handler({}, lambdaContext('request-3'))).rejects.toThrow('OpenSearch is down');
    expect(output.jsonLines()).toEqual([expect.objectContaining({ IndexerRecordsProcessed: 3, stage: 'test' })]);
  });
});
