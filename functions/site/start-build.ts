// Starting the site builder's CodeBuild project, for the build starter (functions/site/
// build-starter-lambda.ts) and for `npm run rebuild-site`: one StartBuild call with the build's
// request in its environment, and how to tell "a build is running" from a real failure.
import {
  AccountLimitExceededException,
  CodeBuildClient,
  StartBuildCommand,
  type StartBuildCommandInput,
} from '@aws-sdk/client-codebuild';
import { awsClientSettings } from '../platform/outbound-calls.ts';
import { SITE_BUILD_REQUEST_ENV } from './site-build-request.ts';

export interface StartBuild {
  projectName: string;
  /** "full", or the key of a stored request (site-build-request.ts). */
  request: string;
}

export interface StartedBuild {
  id: string;
  arn: string;
}

/**
 * The CodeBuild client both callers use. 'batch': neither a person nor a page waits on it, and a
 * throttled StartBuild is better retried a few times than left to the queue's redelivery.
 */
export function codeBuildClient(region: string): CodeBuildClient {
  return new CodeBuildClient({ ...awsClientSettings('batch'), region });
}

/** The StartBuild request: the project's own settings, with this build's request as one variable. */
export function startBuildInput({ projectName, request }: StartBuild): StartBuildCommandInput {
  return {
    projectName,
    environmentVariablesOverride: [{ name: SITE_BUILD_REQUEST_ENV, value: request, type: 'PLAINTEXT' }],
  };
}

export async function startSiteBuild(codeBuild: CodeBuildClient, start: StartBuild): Promise<StartedBuild> {
  const { build } = await codeBuild.send(new StartBuildCommand(startBuildInput(start)));
  const { id, arn } = build ?? {};
  if (!id || !arn) throw new Error('CodeBuild started a build but did not say which.');
  return { id, arn };
}

/**
 * Whether StartBuild refused because the project's one build (concurrentBuildLimit 1) is running,
 * or the account's builds are at their limit: a reason to try again later, not a fault.
 */
export function isBuildRunning(error: unknown): boolean {
  return error instanceof AccountLimitExceededException;
}

/** The build's page in the AWS console, from its ARN (arn:aws:codebuild:<region>:<account>:build/<project>:<uuid>). */
export function buildConsoleUrl(arn: string): string {
  const match = /^arn:aws[a-z-]*:codebuild:([^:]+):(\d{12}):build\/([^:]+):(.+)$/.exec(arn);
  if (!match) throw new Error(`Not a CodeBuild build ARN: ${arn}`);
  const [, region, account, project, uuid] = match as unknown as [string, string, string, string, string];
  const buildId = encodeURIComponent(`${project}:${uuid}`);
  return `https://${region}.console.aws.amazon.com/codesuite/codebuild/${account}/projects/${project}/build/${buildId}/?region=${region}`;
}
