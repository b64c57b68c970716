// requireMembership, the one way a staff route learns who is calling and whether they may act for
// an organisation or region: a 401 without a sign-in, a 403 without the membership, and otherwise
// the membership that allows it. Each role's scope is a field of its own, so a supporter whose
// support organisation shares a provider's id never passes as that provider.
import * as z from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiApp, createResourceApp } from '../../../functions/api/app-factory.ts';
import { apiRoute, json } from '../../../functions/api/openapi-route.ts';
import { requireMembership, type Identity, type RequiredMembership, type StaffEnv } from '../../../functions/api/staff/context.ts';
import { log } from '../../../functions/platform/log.ts';
import type { Membership } from '../../../functions/store/account-store.ts';

const person = (memberships: Membership[]): Identity => ({
  account: { id: 'acc-1', email: 'a@example.nl', name: 'A', createdAt: '2026-11-01T00:00:00.000Z' },
  memberships,
  sessionHash: '0'.repeat(64),
});
const editor = person([{ role: 'provider-editor', organizationId: 'zorggroep-zuid' }]);
const admin = person([{ role: 'provider-admin', organizationId: 'zorggroep-zuid' }]);
const supporter = person([{ role: 'supporter', supportOrganizationId: 'zorggroep-zuid' }]);
const both = person([{ role: 'coordinator', regionId: 'rotterdam' }, { role: 'provider-editor', organizationId: 'andere-zorg' }]);

const refusal = (identity: Identity | undefined, need: RequiredMembership) => {
  try {
    requireMembership(identity, need);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('requireMembership', () => {
  it('counts an admin and an editor as provider of their organisation, and only the admin as its admin', () => {
    expect(requireMembership(editor, { role: 'provider', organizationId: 'zorggroep-zuid' }).membership.role).toBe('provider-editor');
    expect(requireMembership(admin, { role: 'provider', organizationId: 'zorggroep-zuid' }).membership.role).toBe('provider-admin');
    expect(requireMembership(admin, { role: 'provider-admin', organizationId: 'zorggroep-zuid' }).membership.role).toBe('provider-admin');
    expect(refusal(editor, { role: 'provider-admin', organizationId: 'zorggroep-zuid' })).toMatchObject({ signedIn: true });
  });

  it('counts a supporter admin and a supporter as supporter of their organisation, and only the admin as its admin', () => {
    const supportAdmin = person([{ role: 'supporter-admin', supportOrganizationId: 'mee-zuid' }]);
    const plain = person([{ role: 'supporter', supportOrganizationId: 'mee-zuid' }]);
    expect(requireMembership(supportAdmin, { role: 'supporter', supportOrganizationId: 'mee-zuid' }).membership.role).toBe('supporter-admin');
    expect(requireMembership(plain, { role: 'supporter', supportOrganizationId: 'mee-zuid' }).membership.role).toBe('supporter');
    expect(refusal(plain, { role: 'supporter-admin', supportOrganizationId: 'mee-zuid' })).toMatchObject({ signedIn: true });
    expect(refusal(supportAdmin, { role: 'supporter-admin', supportOrganizationId: 'zorgbelang' })).toMatchObject({ signedIn: true });
    // A provider admin of an organisation with the same id is no supporter admin of it.
    expect(refusal(person([{ role: 'provider-admin', organizationId: 'mee-zuid' }]), { role: 'supporter-admin', supportOrganizationId: 'mee-zuid' }))
      .toMatchObject({ signedIn: true });
  });

  it('finds the one membership that fits among several', () => {
    expect(requireMembership(both, { role: 'coordinator', regionId: 'rotterdam' }).membership).toEqual({ role: 'coordinator', regionId: 'rotterdam' });
    expect(refusal(both, { role: 'coordinator', regionId: 'zuid-limburg' })).toMatchObject({ signedIn: true });
  });

  it('refuses nobody signed in as not signed in, and another role or scope as not allowed', () => {
    expect(refusal(undefined, { role: 'provider', organizationId: 'zorggroep-zuid' })).toMatchObject({ name: 'AccessDeniedError', signedIn: false });
    expect(refusal(supporter, { role: 'provider', organizationId: 'zorggroep-zuid' })).toMatchObject({
      name: 'AccessDeniedError', signedIn: true, message: 'Only a signed-in provider of organisation "zorggroep-zuid" may do this.',
    });
    expect(refusal(editor, { role: 'provider', organizationId: 'andere-zorg' })).toMatchObject({ signedIn: true });
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
    const { organizationId } = c.req.valid('param');
    requireMembership(c.var.identity, { role: 'provider', organizationId });
    return c.json({ edited: organizationId }, 200);
  },
);
const app = createApiApp<Env>({}, { title: 'Staff test', description: 'A staff frame test.', security: [] });
// Stands in for the staff app's session middleware: it sets the identity a session proved.
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

describe('a staff route behind requireMembership', () => {
  it('answers 401 to nobody signed in and 403 to a supporter of the same id, and lets the provider edit', async () => {
    expect(await edit(undefined)).toEqual({ status: 401, body: { error: { code: 'unauthorized', message: 'Sign in to do this.' } } });
    expect(await edit(supporter)).toEqual({
      status: 403, body: { error: { code: 'forbidden', message: 'Only a signed-in provider of organisation "zorggroep-zuid" may do this.' } },
    });
    expect(await edit(both)).toMatchObject({ status: 403 });
    expect(await edit(editor)).toEqual({ status: 200, body: { edited: 'zorggroep-zuid' } });
  });
});
