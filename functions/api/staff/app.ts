// The staff API: sign-in, the providers' listings, a region coordinator's invitations and imports, and the client supporters' dossiers. Built with
// createApiApp like the public app; before any route, the CSRF guard (request-guard.ts) checks
// every unsafe request, and the session middleware turns the session cookie into the caller's
// identity: the account and its memberships, read from the store on every request, so a withdrawn
// membership or ended session counts at once.
import { resumeSession } from '../../accounts/sign-in.ts';
import { createApiApp } from '../app-factory.ts';
import { authApp } from './auth.ts';
import { providerApp } from './provider/app.ts';
import { PHOTO_UPLOAD_PATH } from './provider/photos.ts';
import { supporterApp } from './supporter/app.ts';
import { invitationsApp } from './invitations.ts';
import { handoverCodesApp } from './handover-codes.ts';
import { coordinatorDemandApp } from './coordinator/demand.ts';
import { coordinatorListingsApp } from './coordinator/listings.ts';
import { coordinatorQuestionnaireApp } from './coordinator/questionnaire.ts';
import { coordinatorSupportApp } from './coordinator/support-list.ts';
import { coordinatorOrganizationsApp } from './coordinator/organizations.ts';
import { coordinatorAttentionApp } from './coordinator/attention.ts';
import { coordinatorAuditApp } from './coordinator/audit.ts';
import type { StaffDeps, StaffEnv } from './context.ts';
import { sameOriginOnly, staffRequestGuard, type AllowedOrigins } from './request-guard.ts';
import { passkeysApp } from './passkeys.ts';
import { readSessionCookie } from './session-cookie.ts';

export const SESSION_SCHEME = 'sessionCookie';
export const STAFF_DOCUMENT_PATH = '/staff/openapi.json';

export interface StaffAppOptions {
  /** The origins the staff pages are served from; by default the request's own. */
  allowedOrigins?: AllowedOrigins;
}

export function createStaffApp(deps: StaffDeps, options: StaffAppOptions = {}) {
  const app = createApiApp<StaffEnv>(deps, {
    title: 'Woonwijzer staff API',
    description:
      'For the staff of care providers, support organisations and regions: sign-in by emailed code, keeping a provider\'s listing, ' +
      'a region coordinator\'s organisations, invitations, listing imports, reminders and audit trail, and client supporters\' dossiers (their field errors in Dutch). ' +
      'A session cookie carries the sign-in; every POST, PUT, PATCH and DELETE must come from a Woonwijzer page (`Origin`) ' +
      'with a JSON body (`Content-Type: application/json`). Errors share one shape: { error: { code, message, fields? } }.',
    security: [{ [SESSION_SCHEME]: [] }],
    // /api/openapi.json is the public document; both apps answer on one origin.
    documentPath: STAFF_DOCUMENT_PATH,
    ownBodyLimit: PHOTO_UPLOAD_PATH,
  });
  app.openAPIRegistry.registerComponent('securitySchemes', SESSION_SCHEME, {
    type: 'apiKey',
    in: 'cookie',
    name: 'woonwijzer-session',
    description: 'The session cookie set by signIn (named `__Secure-woonwijzer-session` over https).',
  });
  const allowedOrigins = options.allowedOrigins ?? sameOriginOnly;
  app.use(...staffRequestGuard(allowedOrigins, PHOTO_UPLOAD_PATH));
  app.use(async (c, next) => {
    // Passkeys are bound to these origins' hosts (functions/accounts/passkeys.ts).
    c.set('allowedOrigins', allowedOrigins(c));
    await next();
  });
  app.use(async (c, next) => {
    const sessionId = readSessionCookie(c);
    const session = sessionId ? await resumeSession(c.var.deps, sessionId) : undefined;
    if (session) c.set('identity', { account: session.account, memberships: session.memberships, sessionHash: session.sessionHash });
    await next();
  });
  return app
    .route('/auth', authApp)
    .route('/auth', passkeysApp)
    .route('/provider', providerApp)
    .route('/supporter', supporterApp)
    .route('/', invitationsApp)
    .route('/', coordinatorListingsApp)
    .route('/', coordinatorDemandApp)
    .route('/', coordinatorSupportApp)
    .route('/', coordinatorQuestionnaireApp)
    .route('/', coordinatorOrganizationsApp)
    .route('/', coordinatorAttentionApp)
    .route('/', coordinatorAuditApp)
    .route('/', handoverCodesApp);
}

export type StaffApiApp = ReturnType<typeof createStaffApp>;
