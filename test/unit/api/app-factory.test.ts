// The frame every API app is built in (createApiApp): an error thrown anywhere in a route becomes
// its status and the one error shape there, once for every app, including the staff apps to come
// (write routes will throw the store's conflicts). Pure: a small app over no store.
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, createResourceApp, type ApiAppEnv } from '../../../functions/api/app-factory.ts';
import { NotFoundError, UnusableFieldError } from '../../../functions/api/errors.ts';
import { apiRoute, json } from '../../../functions/api/openapi-route.ts';
import { log } from '../../../functions/platform/log.ts';
import { UnknownRegionError } from '../../../functions/search/embedded/unknown-region-error.ts';
import { BadCursorError, IdConflictError, VersionConflictError } from '../../../functions/store/store-errors.ts';

const failures: Record<string, () => Error> = {
  'unknown-region': () => new UnknownRegionError('atlantis'),
  'unknown-id': () => NotFoundError.of('Location "de-linde"'),
  'bad-cursor': () => new BadCursorError(),
  'unusable-postcode': () => new UnusableFieldError('postcode', 'Postcode area 1000 is not known.'),
  'id-conflict': () => new IdConflictError('de-linde', 'zorggroep-zuid'),
  'version-conflict': () => new VersionConflictError('organization', { organizationId: 'zorggroep-zuid' }, 3),
  fault: () => new Error('connect ECONNREFUSED 10.0.0.7:8000 (table woonwijzer-prod)'),
};

// The fault below is logged by design (log-privacy.test.ts checks what): kept off the test output,
// and the level put back, since the unit project shares a worker (and this logger) between files.
let level: ReturnType<typeof log.getLevelName>;
beforeAll(() => {
  level = log.getLevelName();
  log.setLogLevel('SILENT');
});
afterAll(() => log.setLogLevel(level));

type Env = ApiAppEnv<{ failures: typeof failures }>;
const failing = createResourceApp<Env>().openapi(
  apiRoute({
    method: 'get',
    path: '/{kind}',
    operationId: 'fail',
    summary: 'Throws the error named',
    request: { params: z.object({ kind: z.enum(Object.keys(failures) as [string, ...string[]]) }) },
    responses: { 200: json(z.object({}), 'Never.') },
  }),
  (c) => {
    throw c.var.deps.failures[c.req.valid('param').kind]!();
  },
);
const app = createApiApp<Env>({ failures }, { title: 'Test', description: 'A frame test.', security: [] }).route('/fail', failing);

async function answer(kind: string) {
  const res = await app.request(`/api/fail/${kind}`);
  return { status: res.status, body: await res.json() };
}

describe('the error mapping of every API app', () => {
  it('answers 404 for an unknown region or id, with the message naming it', async () => {
    expect(await answer('unknown-region')).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Region "atlantis" does not exist.' } } });
    expect(await answer('unknown-id')).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'Location "de-linde" does not exist.' } } });
  });

  it('answers 400 naming the field for a bad cursor or an unusable value', async () => {
    expect(await answer('bad-cursor')).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error', fields: [{ path: 'query.cursor', message: expect.stringContaining('first page') }] } },
    });
    expect(await answer('unusable-postcode')).toMatchObject({
      status: 400,
      body: { error: { code: 'validation_error', fields: [{ path: 'postcode', message: 'Postcode area 1000 is not known.' }] } },
    });
  });

  it('answers 409 for an id another organisation holds and for a change made meanwhile', async () => {
    expect(await answer('id-conflict')).toEqual({
      status: 409,
      body: { error: { code: 'id_conflict', message: 'Location id "de-linde" belongs to organisation "zorggroep-zuid". Choose another id.' } },
    });
    expect(await answer('version-conflict')).toMatchObject({ status: 409, body: { error: { code: 'version_conflict', message: expect.stringContaining('changed by someone else') } } });
  });

  it('answers 500 without internals for anything else, and validates with the one hook', async () => {
    const fault = await answer('fault');
    expect(fault).toEqual({ status: 500, body: { error: { code: 'internal_error', message: expect.any(String) } } });
    expect(JSON.stringify(fault.body)).not.toContain('ECONNREFUSED');
    expect(await answer('no-such-kind')).toMatchObject({ status: 400, body: { error: { code: 'validation_error', fields: [{ path: 'param.kind' }] } } });
    expect(await answer('../../nothing')).toMatchObject({ status: 404, body: { error: { code: 'not_found' } } });
  });
});
