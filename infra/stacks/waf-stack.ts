// AWS WAF for the distribution: match and search are open to anyone, so one IP address may send
// only so many API requests per five minutes, and AWS's managed rules turn away common exploits
// and known bad inputs before they reach the API function. A CloudFront web ACL must live in
// us-east-1, hence a stack of its own there; the site stack reads the ACL's ARN from it. The
// distribution's Lambda@Edge function (the site's 404 page) must live there too, so it is here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import { type IVersion } from 'aws-cdk-lib/aws-lambda';
import { CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import { type Construct } from 'constructs';
import { type StageConfig } from '../config.ts';
import { SiteNotFound, notFoundPageFile, siteBuildPath } from '../constructs/site-not-found.ts';
import { resourceName } from '../naming.ts';

export interface WafStackProps extends StackProps {
  readonly config: StageConfig;
}

/** The paths the rate rule counts: the API behind the distribution. */
export const RATE_LIMITED_PATH_PREFIX = '/api/';

/**
 * How WAF reads the path before matching the prefix: CloudFront and Hono resolve `/%61pi/health`
 * and `/x/../api/health` to `/api/health`, so the raw path would let them past the rate limit.
 * Decoded first, then normalised, so an encoded `..` (`%2e%2e`) is resolved too.
 */
export const RATE_LIMITED_PATH_TRANSFORMATIONS: CfnWebACL.TextTransformationProperty[] = [
  { priority: 0, type: 'URL_DECODE' },
  { priority: 1, type: 'NORMALIZE_PATH' },
];

/**
 * AWS managed rule groups in evaluation order, with the rules inside them that only count.
 * SizeRestrictions_BODY blocks bodies over 8 KB with a bare 403 that names no reason; the API has
 * its own body limit and answers 413 with a reason instead.
 */
export const MANAGED_RULE_GROUPS = [
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] },
] as const satisfies ReadonlyArray<{ name: string; countOnly: readonly string[] }>;

export class WafStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly webAclArn: string;
  /** The site's 404 page function (Lambda@Edge); undefined without a site build, when nothing is uploaded either. */
  readonly siteNotFound: IVersion | undefined;

  constructor(scope: Construct, id: string, props: WafStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = (purpose: string) => resourceName(config.stage, purpose);
    const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: name(metricName),
      // A sampled request keeps its query string for three hours, and a search's or match's query
      // holds the asker's filters and postcode (health data): metrics only.
      sampledRequestsEnabled: false,
    });

    const rateRule: CfnWebACL.RuleProperty = {
      name: 'api-requests-per-ip',
      priority: 0,
      // 429 says "too many requests" to scripts and people alike; a bare 403 says only "no".
      action: { block: { customResponse: { responseCode: 429 } } },
      statement: {
        rateBasedStatement: {
          limit: config.waf.apiRequestsPer5Minutes,
          evaluationWindowSec: 300,
          aggregateKeyType: 'IP',
          scopeDownStatement: {
            byteMatchStatement: {
              fieldToMatch: { uriPath: {} },
              positionalConstraint: 'STARTS_WITH',
              searchString: RATE_LIMITED_PATH_PREFIX,
              textTransformations: RATE_LIMITED_PATH_TRANSFORMATIONS,
            },
          },
        },
      },
      visibilityConfig: visibility('waf-api-rate'),
    };

    const managedRules: CfnWebACL.RuleProperty[] = MANAGED_RULE_GROUPS.map((group, i) => ({
      name: group.name,
      priority: i + 1,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: group.name,
          ruleActionOverrides: group.countOnly.length > 0 ? group.countOnly.map((rule) => ({ name: rule, actionToUse: { count: {} } })) : undefined,
        },
      },
      visibilityConfig: visibility(`waf-${group.name}`),
    }));

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: name('web-acl'),
      description: `Rate limit on ${RATE_LIMITED_PATH_PREFIX} and AWS managed rules for the woonwijzer ${config.stage} distribution.`,
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: [rateRule, ...managedRules],
      visibilityConfig: visibility('waf'),
    });
    this.webAclArn = this.webAcl.attrArn;

    new CfnOutput(this, 'WebAclArn', { value: this.webAclArn });

    // Without a build the site stack uploads nothing (and warns): no page to serve, no function.
    if (existsSync(siteBuildPath(config))) {
      const pageFile = notFoundPageFile(config);
      if (existsSync(pageFile)) {
        this.siteNotFound = new SiteNotFound(this, 'SiteNotFound', { config, pageFile }).version;
      } else {
        Annotations.of(this).addError(
          `The site build at ${config.siteDist} has no ${path.basename(pageFile)}: missing pages would get S3's bare 403. ` +
            'Build the whole site (`npm run build:site`, site/src/pages/404.astro) before `cdk deploy`.',
        );
      }
    }
  }
}
