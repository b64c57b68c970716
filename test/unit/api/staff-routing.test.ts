// Which function answers which path in AWS: every route the staff app mounts lies under a staff
// prefix (so API Gateway sends it to the staff function, which may write), and no public route
// does (so nothing public lands in the function with write rights, or goes missing from the
// read-only one). A new staff resource under a new prefix fails here until the prefix is declared.
import { describe, expect, it } from 'vitest';
import { createPublicApp } from '../../../functions/api/public/app.ts';
import type { ApiDeps } from '../../../functions/api/context.ts';
import { createStaffApp } from '../../../functions/api/staff/app.ts';
import type { StaffDeps } from '../../../functions/api/staff/context.ts';
import { isStaffPath, STAFF_PATH_PREFIXES } from '../../../functions/api/staff/paths.ts';

/** The concrete routes of an app (its middleware on `/api/*` left out), method and path. */
const routesOf = (app: { routes: Array<{ method: string; path: string }> }) =>
  app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);

describe('staff routing', () => {
  it('finds every staff route under a staff prefix, the staff OpenAPI document included', () => {
    const routes = routesOf(createStaffApp({} as StaffDeps));
    expect(routes).toEqual(expect.arrayContaining(['POST /api/auth/code', 'GET /api/staff/openapi.json']));
    expect(routes.filter((route) => !isStaffPath(route.split(' ')[1] as string))).toEqual([]);
  });

  it('finds no public route under a staff prefix', () => {
    const routes = routesOf(createPublicApp({} as ApiDeps));
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((route) => isStaffPath(route.split(' ')[1] as string))).toEqual([]);
  });

  it('takes a prefix and what is below it, not a path that merely starts alike', () => {
    expect(STAFF_PATH_PREFIXES.every((p) => p.startsWith('/api/') && !p.endsWith('/'))).toBe(true);
    expect(['/api/auth', '/api/auth/code', '/api/provider/organizations/x'].map(isStaffPath)).toEqual([true, true, true]);
    expect(['/api/authors', '/api/regions', '/api', '/auth/code'].map(isStaffPath)).toEqual([false, false, false, false]);
  });
});
