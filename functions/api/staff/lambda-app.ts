// The staff app as a Lambda handler behind API Gateway's HTTP API (payload 2.0): what the entry
// (../staff-lambda.ts) wires, apart so a test can drive it with its own stores, mailer and reads.
//
// The server secret and the site's origins are read once per execution environment, on its first
// request (the Parameters and Secrets extension does not answer during init), and the app is
// built then. A failed read is not kept: the next request tries again.
import { handle, type LambdaContext, type LambdaEvent } from 'hono/aws-lambda';
import type { Context } from 'hono';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { linkOrigin } from '../../platform/site-origins.ts';
import { createStaffApp } from './app.ts';
import type { StaffDeps } from './context.ts';

type Handler = (event: LambdaEvent, context: LambdaContext) => Promise<unknown>;

/**
 * The caller's address for throttling: the address API Gateway saw the connection come from
 * (`requestContext.http.sourceIp`), never a header, since a caller writes its own headers
 * (`X-Forwarded-For` included) when it calls the execute-api address directly. Behind CloudFront
 * this is the address of the CloudFront edge server that forwarded the request, not the
 * person's: people reaching the same edge server share one count (docs/deploy.md, "Sign-in
 * throttling behind CloudFront"); WAF limits each person's own address before that.
 */
export function lambdaClientAddress(c: Context): string | undefined {
  const event = (c.env as { event?: Partial<APIGatewayProxyEventV2> } | undefined)?.event;
  const address = event?.requestContext?.http?.sourceIp;
  return typeof address === 'string' && address !== '' ? address : undefined;
}

export interface StaffLambdaOptions {
  /**
   * Everything but the secret and the caller's address, which are only known at the first request;
   * the site's origin for links in mails is SITE_URL when given, else taken from the allowed origins.
   */
  deps: Omit<StaffDeps, 'secret' | 'clientAddress' | 'siteUrl'> & { siteUrl?: string | undefined };
  readSecret: () => Promise<Buffer>;
  /** The origins the staff pages are served from (the site's CloudFront domain, its own domain). */
  readAllowedOrigins: () => Promise<readonly string[]>;
}

export function createStaffLambdaHandler(options: StaffLambdaOptions): Handler {
  let ready: Promise<Handler> | undefined;
  const build = async (): Promise<Handler> => {
    const [secret, origins] = await Promise.all([options.readSecret(), options.readAllowedOrigins()]);
    const siteUrl = options.deps.siteUrl ?? linkOrigin(origins);
    const app = createStaffApp({ ...options.deps, siteUrl, secret, clientAddress: lambdaClientAddress }, { allowedOrigins: () => origins });
    return handle(app) as Handler;
  };
  return async (event, context) => {
    ready ??= build().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    return (await ready)(event, context);
  };
}
