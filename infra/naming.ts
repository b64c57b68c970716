// The one naming function: every stack and named resource is `woonwijzer-<stage>-<purpose>`,
// so two stages can live in one account and a name says where it belongs.
import { type Stage } from './config.ts';

export const PROJECT = 'woonwijzer';

export function resourceName(stage: Stage, purpose: string): string {
  return `${PROJECT}-${stage}-${purpose}`;
}

/**
 * The SSM parameter holding the site's origins (`https://<distribution domain>` and the site's
 * own domain), comma-separated: the site stack writes it, the staff function reads it. A fixed
 * name rather than a reference, since the site stack already depends on the api stack.
 */
export function siteOriginsParameterName(stage: Stage): string {
  return `/${PROJECT}/${stage}/site-origins`;
}

/**
 * The site builder's CodeBuild project (infra/constructs/site-builder.ts): a fixed name, so
 * `npm run rebuild-site -- --stage prod` can start it without reading the stack.
 */
export function siteBuilderProjectName(stage: Stage): string {
  return resourceName(stage, 'site-builder');
}
