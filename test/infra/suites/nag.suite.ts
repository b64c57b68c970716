// cdk-nag's AwsSolutions pack (issue 10): every finding on both stages is fixed or acknowledged on
// its construct with a reason, and `cdk synth` fails on one that is not.
import { beforeAll, describe, expect, it } from 'vitest';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addNagChecks } from '../../../infra/nag.ts';
import { type WoonwijzerStacks } from '../../../infra/create-stacks.ts';
import { type Stages, type SynthesisedStage } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

/** One line per unacknowledged finding: rule, construct path and what the rule says. */
function findings(stage: SynthesisedStage): string[] {
  const report = new AwsSolutionsChecks().validateScope(stage.stacks.data.node.root);
  return report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath ?? '?'}: ${v.description}`));
}

/** Every acknowledgment in the stage's construct tree: rule id and reason. */
function acknowledgments(stage: SynthesisedStage): Array<{ id: string; reason: string }> {
  return stage.stacks.data.node.root.node
    .findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY))
    .flatMap((m) => Object.entries(m.data as Record<string, string>).map(([id, reason]) => ({ id, reason })));
}

type StackKey = keyof WoonwijzerStacks;

/**
 * The only actions an identity policy may allow on `Resource: "*"`, and the stacks that may. The
 * IAM5 acknowledgements of `Resource::*` (acknowledgeTracing, the indexer, the site upload) cover
 * a whole role, so they would also hide the next `*` grant on it; this list does not.
 */
const STAR_RESOURCE_ACTIONS: Record<string, readonly StackKey[]> = {
  // Active tracing on every function (lambdaSettings); X-Ray has no resource-level permissions.
  'xray:PutTraceSegments': ['search', 'api', 'site'],
  'xray:PutTelemetryRecords': ['search', 'api', 'site'],
  // The DynamoDB event sources of the indexer and the site builder's collector: ListStreams takes
  // only "*"; the stream is read by its ARN.
  'dynamodb:ListStreams': ['search', 'site'],
  // CDK's Domain writes the slow-log group's resource policy (so OpenSearch may deliver to it)
  // through a custom resource; CloudWatch Logs resource policies are account-wide, not ARNs.
  'logs:PutResourcePolicy': ['search'],
  'logs:DeleteResourcePolicy': ['search'],
  // BucketDeployment invalidates the distribution after the upload and waits for it to finish;
  // aws-cdk-lib grants both on "*" itself, on the upload function's role only.
  'cloudfront:CreateInvalidation': ['site'],
  'cloudfront:GetInvalidation': ['site'],
};

interface RawStatement {
  Effect: string;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: unknown;
  NotResource?: unknown;
}

/**
 * Every action an identity policy (a role's inline, default or managed policy) of the stage
 * allows on all resources, as `<stack> <logical id> <action>`, that the list above does not
 * allow in that stack. Key policies are left out: their "*" means the key itself.
 */
function starGrantsOutsideAllowlist(stage: SynthesisedStage): string[] {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return (Object.keys(stage.templates) as StackKey[]).flatMap((stack) =>
    Object.entries(stage.templates[stack].toJSON().Resources as Record<string, { Type: string; Properties?: Record<string, unknown> }>).flatMap(([id, r]) => {
      const documents =
        r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy'
          ? [r.Properties?.PolicyDocument]
          : r.Type === 'AWS::IAM::Role'
            ? ((r.Properties?.Policies ?? []) as Array<{ PolicyDocument: unknown }>).map((p) => p.PolicyDocument)
            : [];
      return (documents as Array<{ Statement: RawStatement[] }>).flatMap((doc) =>
        doc.Statement.filter((s) => s.Effect === 'Allow' && (s.NotResource !== undefined || list(s.Resource as string | string[]).includes('*'))).flatMap((s) => [
          // NotAction or NotResource with an Allow grants almost everything: never on the list.
          ...list(s.NotAction).map((a) => `${stack} ${id} NotAction ${a}`),
          ...(s.NotResource !== undefined ? [`${stack} ${id} NotResource ${JSON.stringify(s.NotResource)}`] : []),
          ...list(s.Action)
            .filter((a) => !STAR_RESOURCE_ACTIONS[a]?.includes(stack))
            .map((a) => `${stack} ${id} ${a}`),
        ]),
      );
    }),
  );
}

export function nagSuite(stages: () => Stages): void {
  describe('cdk-nag AwsSolutions', () => {
    beforeAll(() => {
      ({ dev, prod } = stages());
    });

    it('leaves no unacknowledged finding on the prod stage', () => {
      expect(findings(prod)).toEqual([]);
    });

    it('leaves no unacknowledged finding on the dev stage', () => {
      expect(findings(dev)).toEqual([]);
    });

    it('acknowledges findings one by one, each with a reason of its own', () => {
      const acks = acknowledgments(prod).filter((a) => a.id.includes('AwsSolutions-'));
      expect(acks.length).toBeGreaterThan(0);
      for (const { id, reason } of acks) {
        expect(reason.length, id).toBeGreaterThan(40);
        // A wildcard rule acknowledged without naming the finding would hide the next wildcard.
        if (/AwsSolutions-(IAM4|IAM5|OS9)$/.test(id)) throw new Error(`${id} is acknowledged for every finding`);
      }
    });

    it('allows on Resource "*" only the actions that take no resource ARN, each in its own stack', () => {
      expect(starGrantsOutsideAllowlist(prod)).toEqual([]);
      expect(starGrantsOutsideAllowlist(dev)).toEqual([]);
    });

    it('fails the synthesis on a finding nobody acknowledged', () => {
      const app = new App();
      addNagChecks(app);
      new Bucket(new Stack(app, 'Probe'), 'Unlogged', { enforceSSL: true });
      expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    });
  });
}
