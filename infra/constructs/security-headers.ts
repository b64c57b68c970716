// The response headers every page and API answer carries (HSTS, CSP, frame options, referrer
// policy, content-type options), and the long browser cache for fingerprinted assets.
import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  type ResponseCustomHeader,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import { type Construct } from 'constructs';

/** The map's tile server: its images are the only thing the site loads from another origin. */
export const MAP_TILE_ORIGIN = 'https://tile.openstreetmap.org';

/**
 * Same-origin everything but map tiles: the site is static, its client scripts call the API at
 * /api/* on the same distribution (connect-src 'self'); photos are served from /photos/* on it too.
 * The one exception: the portal sends a photo's bytes straight to the photos bucket with a signed
 * address, so the page policy adds that bucket's own origin to connect-src (uploadOrigins).
 * Scripts: 'self' only, no 'unsafe-inline'. Astro bundles every <script> into /_astro/*.js, and
 * site/astro.config.mjs sets vite.build.assetsInlineLimit to 0 so it never inlines a small one;
 * the site stack refuses a build with inline scripts (infra/site-csp-check.ts). JSON data blocks
 * (<script type="application/json">) are not executed, so the policy does not apply to them.
 * Styles keep 'unsafe-inline': pages set widths in style attributes (progress bars), which
 * style-src governs; styles cannot run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: ${MAP_TILE_ORIGIN}`,
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  'upgrade-insecure-requests',
].join('; ');

/**
 * The API reference at /api/docs/ (site/integrations/api-docs.ts): the site's policy, but Redoc's
 * icon font comes as a data: URL inside its styles, so font-src also takes data: there (a font
 * cannot run code). Scripts stay 'self' only: the page's scripts are files beside it. Redoc's
 * "powered by" logo from its CDN is blocked by img-src, and hides itself.
 */
export const API_DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("font-src 'self'", "font-src 'self' data:");

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), payment=(), geolocation=(self)';

/** Fingerprinted build output (`/_astro/*`) never changes under the same name. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** A policy (the site's unless given) with `connect-src` widened to the given origins (the photo bucket's, for uploads). */
export function contentSecurityPolicyWith(connectOrigins: readonly string[], policy: string = CONTENT_SECURITY_POLICY): string {
  if (connectOrigins.length === 0) return policy;
  return policy.replace("connect-src 'self'", `connect-src 'self' ${connectOrigins.join(' ')}`);
}

const securityHeaders = (contentSecurityPolicy: string): ResponseSecurityHeadersBehavior => ({
  strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
  contentSecurityPolicy: { contentSecurityPolicy, override: true },
  frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
  referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
  contentTypeOptions: { override: true },
});

export function securityHeadersPolicy(
  scope: Construct,
  id: string,
  props: {
    name: string;
    comment: string;
    extraHeaders?: ResponseCustomHeader[];
    uploadOrigins?: readonly string[];
    /** The policy before upload origins are added: the site's unless given (the API reference has its own). */
    contentSecurityPolicy?: string;
  },
): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    responseHeadersPolicyName: props.name,
    comment: props.comment,
    securityHeadersBehavior: securityHeaders(contentSecurityPolicyWith(props.uploadOrigins ?? [], props.contentSecurityPolicy)),
    customHeadersBehavior: {
      customHeaders: [{ header: 'Permissions-Policy', value: PERMISSIONS_POLICY, override: true }, ...(props.extraHeaders ?? [])],
    },
  });
}
