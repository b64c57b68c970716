// Test helper: synthesises one stage the way `cdk synth` does (cdk.json context, the same
// createStacks), without esbuild (bundling skipped) and with a stand-in site build.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { REPO_ROOT } from '../../infra/bundling.ts';
import { type Stage, type StageConfig, readStageConfig } from '../../infra/config.ts';
import { type WoonwijzerStacks, createStacks } from '../../infra/create-stacks.ts';

export interface SynthesisedStage {
  readonly config: StageConfig;
  readonly stacks: WoonwijzerStacks;
  readonly templates: Record<keyof WoonwijzerStacks, Template>;
}

/** The stand-in build's 404 page: what the site's edge function must serve for a missing page. */
export const FAKE_NOT_FOUND_PAGE = '<!doctype html><title>Deze pagina bestaat niet</title><h1>Deze pagina bestaat niet</h1>';

/** A folder with an index.html and (unless told otherwise) a 404.html, standing in for the Astro build. */
export function fakeSiteDist({ notFoundPage = true }: { notFoundPage?: boolean } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'woonwijzer-site-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>woonwijzer</title>');
  if (notFoundPage) writeFileSync(path.join(dir, '404.html'), FAKE_NOT_FOUND_PAGE);
  return dir;
}

function cdkJsonContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, unknown> };
  return cdkJson.context ?? {};
}

export function synthStage(stage: Stage, context: Record<string, unknown> = {}): SynthesisedStage {
  const app = new App({
    context: {
      ...cdkJsonContext(),
      stage,
      siteDist: fakeSiteDist(),
      // Skip esbuild: the templates are what is asserted; bundle sizes have their own script.
      'aws:cdk:bundling-stacks': [],
      ...context,
    },
  });
  // No account from the machine running the tests: the templates must not depend on it.
  const config = readStageConfig(app.node, {});
  const stacks = createStacks(app, config);
  const templates = {
    data: Template.fromStack(stacks.data),
    search: Template.fromStack(stacks.search),
    api: Template.fromStack(stacks.api),
    waf: Template.fromStack(stacks.waf),
    site: Template.fromStack(stacks.site),
    ops: Template.fromStack(stacks.ops),
  };
  return { config, stacks, templates };
}

/** The one resource of a type whose properties match, or a failure naming what was found. */
export function onlyResource(template: Template, type: string, props: Record<string, unknown> = {}): { logicalId: string; resource: Record<string, unknown> } {
  const found = Object.entries(template.findResources(type, { Properties: props }));
  if (found.length !== 1) throw new Error(`Expected one ${type} matching, found ${found.length}`);
  const [logicalId, resource] = found[0] as [string, Record<string, unknown>];
  return { logicalId, resource };
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** A statement's actions, whether CloudFormation holds one or a list. */
export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/**
 * Every IAM statement the role of the named function holds: its own policies and the managed
 * policies it attaches, which may live in another stack of the stage (the data stack owns the
 * table and photo policies).
 */
export function functionStatements(stage: SynthesisedStage, stack: keyof WoonwijzerStacks, functionName: string): Statement[] {
  const template = stage.templates[stack];
  const fn = onlyResource(template, 'AWS::Lambda::Function', { FunctionName: functionName });
  const roleId = (fn.resource.Properties as { Role: { 'Fn::GetAtt': [string, string] } }).Role['Fn::GetAtt'][0];
  const documents = (policies: Record<string, unknown>) =>
    Object.values(policies).flatMap((p) => (p as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement);
  const own = documents(template.findResources('AWS::IAM::Policy', { Properties: { Roles: Match.arrayWith([{ Ref: roleId }]) } }));

  const statementsOf = (t: Template, logicalId: string): Statement[] =>
    (t.toJSON().Resources[logicalId] as { Properties: { PolicyDocument: { Statement: Statement[] } } }).Properties.PolicyDocument.Statement;
  const byStackName = new Map(Object.entries(stage.stacks).map(([key, s]) => [s.stackName, stage.templates[key as keyof WoonwijzerStacks]]));
  const role = template.toJSON().Resources[roleId] as { Properties: { ManagedPolicyArns?: unknown[] } };
  const attached = (role.Properties.ManagedPolicyArns ?? []).flatMap((arn) => {
    const ref = arn as { Ref?: string; 'Fn::GetStackOutput'?: { StackName: string; OutputName: string } };
    if (ref.Ref) return statementsOf(template, ref.Ref);
    const output = ref['Fn::GetStackOutput'];
    const producer = output && byStackName.get(output.StackName);
    const value = output && (producer?.toJSON().Outputs?.[output.OutputName] as { Value?: { Ref?: string } } | undefined)?.Value;
    if (!producer || !value?.Ref) throw new Error(`Cannot follow the managed policy ${JSON.stringify(arn)}`);
    return statementsOf(producer, value.Ref);
  });
  return [...own, ...attached];
}

/** Both stages, synthesised once per test file. */
export interface Stages {
  readonly dev: SynthesisedStage;
  readonly prod: SynthesisedStage;
}

/** Prod gets a custom email domain so the context path is covered; dev keeps the default. */
export function synthBothStages(): Stages {
  return { dev: synthStage('dev'), prod: synthStage('prod', { emailDomain: 'mail.example.nl' }) };
}
