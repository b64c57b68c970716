// WAF: a CloudFront-scoped web ACL in us-east-1 with a per-IP rate limit on /api/* and AWS's
// managed rules, attached to the site's distribution in the stage's own region.
import { beforeAll, describe, expect, it } from 'vitest';
import { MANAGED_RULE_GROUPS, RATE_LIMITED_PATH_PREFIX } from '../../../infra/stacks/waf-stack.ts';
import { type Stages, type SynthesisedStage, onlyResource } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

interface Visible {
  VisibilityConfig: { MetricName: string; CloudWatchMetricsEnabled: boolean; SampledRequestsEnabled: boolean };
}
interface Rule extends Visible {
  Name: string;
  Priority: number;
  Action?: Record<string, unknown>;
  OverrideAction?: Record<string, unknown>;
  Statement: {
    RateBasedStatement?: Record<string, unknown>;
    ManagedRuleGroupStatement?: { VendorName: string; Name: string; RuleActionOverrides?: Array<{ Name: string; ActionToUse: Record<string, unknown> }> };
  };
}

interface WebAclProps extends Visible {
  Scope: string;
  DefaultAction: unknown;
  Rules: Rule[];
}

function webAcl(): { logicalId: string; props: WebAclProps } {
  const acl = onlyResource(prod.templates.waf, 'AWS::WAFv2::WebACL');
  return { logicalId: acl.logicalId, props: acl.resource.Properties as WebAclProps };
}

export function wafStackSuite(stages: () => Stages): void {
  describe('waf stack', () => {
    beforeAll(() => {
      ({ dev, prod } = stages());
    });

    it('holds a CloudFront-scoped web ACL in us-east-1 that lets through what no rule stops', () => {
      expect(prod.stacks.waf.region).toBe('us-east-1');
      expect(webAcl().props).toMatchObject({ Scope: 'CLOUDFRONT', DefaultAction: { Allow: {} } });
    });

    it('answers 429 to an address that sends more API requests in five minutes than the stage allows', () => {
      const rate = webAcl().props.Rules.find((r) => r.Statement.RateBasedStatement);
      expect(rate?.Priority).toBe(0);
      expect(rate?.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429 } } });
      expect(rate?.Statement.RateBasedStatement).toEqual({
        Limit: prod.config.waf.apiRequestsPer5Minutes,
        EvaluationWindowSec: 300,
        AggregateKeyType: 'IP',
        ScopeDownStatement: {
          ByteMatchStatement: {
            FieldToMatch: { UriPath: {} },
            PositionalConstraint: 'STARTS_WITH',
            SearchString: RATE_LIMITED_PATH_PREFIX,
            // Decoded, then normalised: `/%61pi/health` and `/x/../api/health` reach the API too.
            TextTransformations: [
              { Priority: 0, Type: 'URL_DECODE' },
              { Priority: 1, Type: 'NORMALIZE_PATH' },
            ],
          },
        },
      });
      expect(RATE_LIMITED_PATH_PREFIX).toBe('/api/');
      expect(prod.config.waf.apiRequestsPer5Minutes).toBe(1000);
    });

    it('applies the common rule set and known bad inputs after the rate limit, counting only oversized bodies', () => {
      const managed = webAcl().props.Rules.filter((r) => r.Statement.ManagedRuleGroupStatement);
      expect(managed.map((r) => [r.Priority, r.Statement.ManagedRuleGroupStatement?.VendorName, r.Statement.ManagedRuleGroupStatement?.Name])).toEqual([
        [1, 'AWS', 'AWSManagedRulesCommonRuleSet'],
        [2, 'AWS', 'AWSManagedRulesKnownBadInputsRuleSet'],
      ]);
      // The groups' own actions apply (block), except where a rule is set to count.
      for (const rule of managed) expect(rule.OverrideAction).toEqual({ None: {} });
      expect(managed[0]?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual([{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }]);
      expect(managed[1]?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toBeUndefined();
      expect(MANAGED_RULE_GROUPS.map((g) => g.name)).toEqual(managed.map((r) => r.Name));
    });

    it('is attached to the distribution, read across regions from the waf stack', () => {
      const distribution = onlyResource(prod.templates.site, 'AWS::CloudFront::Distribution');
      const reference = (distribution.resource.Properties as { DistributionConfig: { WebACLId: unknown } }).DistributionConfig.WebACLId as {
        'Fn::GetStackOutput': { StackName: string; Region: string; OutputName: string };
      };
      const { StackName, Region, OutputName } = reference['Fn::GetStackOutput'];
      expect([StackName, Region]).toEqual(['woonwijzer-prod-waf', 'us-east-1']);
      const outputs = prod.templates.waf.toJSON().Outputs as Record<string, { Value: unknown }>;
      expect(outputs[OutputName]?.Value).toEqual({ 'Fn::GetAtt': [webAcl().logicalId, 'Arn'] });
    });

    it('publishes metrics for the ACL and each rule', () => {
      const { props } = webAcl();
      const names = [props, ...props.Rules].map((r: Visible) => r.VisibilityConfig);
      expect(names.every((v) => v.CloudWatchMetricsEnabled && v.MetricName.startsWith('woonwijzer-prod-waf'))).toBe(true);
      expect(new Set(names.map((v) => v.MetricName)).size).toBe(names.length);
    });

    it('keeps no sampled requests, whose query strings hold search filters and postcodes', () => {
      for (const { templates } of [prod, dev]) {
        const props = onlyResource(templates.waf, 'AWS::WAFv2::WebACL').resource.Properties as WebAclProps;
        const configs = [props, ...props.Rules].map((r: Visible) => r.VisibilityConfig);
        expect(configs).toHaveLength(1 + 1 + MANAGED_RULE_GROUPS.length);
        expect(configs.map((v) => v.SampledRequestsEnabled)).toEqual(configs.map(() => false));
      }
    });
  });
}
