// The path prefixes the staff app answers under, declared once: the CDK app routes them (API
// Gateway) to the staff function and everything else under /api/ to the public one, and a test
// holds every route createStaffApp mounts to this list, so a new staff resource cannot land in
// the read-only public function by mistake. No imports: the CDK app reads it too.

/**
 * Every staff resource sits under one of these; `/api/staff` serves the staff OpenAPI document.
 * Each role's resources sit under its own prefix (the supporters' dossiers under /api/supporter).
 * `/api/handover` takes a citizen's answers for a supporter (a write without a session, so not
 * the read-only public function's).
 */
export const STAFF_PATH_PREFIXES = ['/api/auth', '/api/provider', '/api/supporter', '/api/coordinator', '/api/handover', '/api/staff'] as const;

/** Whether a request path belongs to the staff function (a prefix itself, or anything below it). */
export function isStaffPath(path: string): boolean {
  return STAFF_PATH_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}
