// cdk-nag's AwsSolutions rule pack over the whole app (a policy-validation plugin: `cdk synth`
// fails on an unacknowledged finding), and the one way to acknowledge a finding in the code, on
// the construct it concerns and with its reason.
import { type App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
// How the pack itself flattens references in finding ids (not re-exported by its index).
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import { type IConstruct } from 'constructs';

/** Registers the AwsSolutions pack on the app; infra/app.ts and the infra tests both call this. */
export function addNagChecks(app: App): AwsSolutionsChecks {
  const checks = new AwsSolutionsChecks(app);
  Validations.of(app).addPlugins(checks);
  return checks;
}

/**
 * Acknowledges an AwsSolutions rule on a construct and everything under it. Rules that report one
 * finding per wildcard or log type (IAM5, IAM4, OS9) are acknowledged finding by finding: pass
 * the exact findings (e.g. `Resource::<Table.Arn>/index/*`), so a new wildcard is still reported.
 */
export function acknowledge(scope: IConstruct, rule: string, reason: string, findings: readonly string[] = []): void {
  const ids = findings.length === 0 ? [`AwsSolutions-${rule}`] : findings.map((finding) => `AwsSolutions-${rule}[${finding}]`);
  for (const id of ids) Validations.of(scope).acknowledge({ id, reason });
}

/**
 * How cdk-nag writes a resource ARN in an IAM5 finding (`<Table1234.Arn>/index/*`,
 * `arn:aws:es:eu-west-1:<AWS::AccountId>:domain/...`), resolved in the stack of `scope`: for
 * acknowledging exactly the wildcard a grant of that stack needs. Cross-stack values cannot be
 * named this way; grant them in the stack that owns the resource.
 */
export function nagResource(scope: IConstruct, arn: string): string {
  return flattenCfnReference(Stack.of(scope).resolve(arn));
}
