// cdk-nag's AwsSolutions pack (issue 10): every finding on both stages is fixed or acknowledged on
// its construct with a reason, and `cdk synth` fails on one that is not.
import { beforeAll, describe, expect, it } from 'vitest';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { addNagChecks } from '../../../infra/nag.ts';
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

    it('fails the synthesis on a finding nobody acknowledged', () => {
      const app = new App();
      addNagChecks(app);
      new Bucket(new Stack(app, 'Probe'), 'Unlogged', { enforceSSL: true });
      expect(() => app.synth()).toThrow(/AwsSolutions-S1/);
    });
  });
}
