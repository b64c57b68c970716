// requireRole, the one way a staff route learns who is calling: a 401 without a sign-in, a 403 for
// another role, and otherwise the identity narrowed to the role, whose scope field is its own. The
// route below is how a provider route will check that a listing is its caller's to edit.
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, createResourceApp } from '../../../functions/api/app-factory.ts';
import { AccessDeniedError } from '../../../functions/api/errors.ts';
import { apiRoute, json } from '../../../functions/api/openapi-route.ts';
import { requireRole, type Identity, type StaffEnv } from '../../../functions/api/staff/context.ts';
import { log } from '../../../functions/platform/log.ts';

const provider: Identity = { role: 'provider', accountId: 'acc-1', providerOrganizationId: 'zorggroep-zuid' };
// A supporter whose support organisation happens to share the provider's id.
const supporter: Identity = { role: 'supporter', accountId: 'acc-2', supportOrganizationId: 'zorggroep-zuid' };
const coordinator: Identity = { role: 'coordinator', accountId: 'acc-3', regionId: 'zuid-limburg' };

describe('requireRole', () => {
  it('returns the identity of the role asked for, narrowed to its scope', () => {
    expect(requireRole(provider, 'provider').providerOrganizationId).toBe('zorggroep-zuid');
    expect(requireRole(coordinator, 'coordinator').regionId).toBe('zuid-limburg');
  });

  it('refuses nobody signed in as not signed in, and another role as not allowed', () => {
    const refusal = (identity: Identity | undefined) => {
      try {
        requireRole(identity, 'provider');
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal(undefined)).toMatchObject({ name: 'AccessDeniedError', signedIn: false });
    expect(refusal(supporter)).toMatchObject({ name: 'AccessDeniedError', signedIn: true, message: 'Only a signed-in provider may do this.' });
    expect(refusal(coordinator)).toBeInstanceOf(AccessDeniedError);
  });
});

type Env = StaffEnv<Record<string, never>>;
let caller: Identity | undefined;
const listings = createResourceApp<Env>().openapi(
  apiRoute({
    method: 'put',
    path: '/{organizationId}',
    operationId: 'editListing',
    summary: 'Edits an organisation’s listing',
    request: { params: z.object({ organizationId: z.string() }) },
    responses: { 200: json(z.object({ edited: z.string() }), 'Edited.') },
  }),
  (c) => {
    const me = requireRole(c.var.identity, 'provider');
    const { organizationId } = c.req.valid('param');
    if (me.providerOrganizationId !== organizationId) throw AccessDeniedError.notFor(`provider of "${organizationId}"`);
    return c.json({ edited: organizationId }, 200);
  },
);
const app = createApiApp<Env>({}, { title: 'Staff test', description: 'A staff frame test.', security: [] });
// Stands in for the sign-in middleware the accounts issue adds: it sets the identity the sign-in proved.
app.use(async (c, next) => {
  if (caller) c.set('identity', caller);
  await next();
});
app.route('/listings', listings);

const edit = async (identity: Identity | undefined) => {
  caller = identity;
  const res = await app.request('/api/listings/zorggroep-zuid', { method: 'PUT' });
  return { status: res.status, body: await res.json() };
};

let level: ReturnType<typeof log.getLevelName>;
beforeAll(() => {
  level = log.getLevelName();
  log.setLogLevel('SILENT');
});
afterAll(() => log.setLogLevel(level));

describe('a staff route behind requireRole', () => {
  it('answers 401 to nobody signed in and 403 to a supporter of the same id, and lets the provider edit', async () => {
    expect(await edit(undefined)).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'Sign in to do this.' } } });
    expect(await edit(supporter)).toEqual({ status: 403, body: { error: { code: 'forbidden', message: 'Only a signed-in provider may do this.' } } });
    expect(await edit({ ...provider, providerOrganizationId: 'andere-zorg' })).toMatchObject({ status: 403 });
    expect(await edit(provider)).toEqual({ status: 200, body: { edited: 'zorggroep-zuid' } });
  });
});
