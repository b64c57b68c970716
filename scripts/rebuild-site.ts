// `npm run rebuild-site -- --stage prod [--region eu-west-1] [--dry-run]`: a full build of the site in
// AWS on demand (after a change to the questionnaire, the texts or the design), through the same
// CodeBuild project the stream starts. Prints the build's id and its page in the console; with
// --dry-run prints what it would start and calls nothing. Uses the caller's AWS credentials
// (AWS_PROFILE, ...), which need codebuild:StartBuild on the project.
import { parseArgs } from 'node:util';
import { STAGES, type Stage } from '../infra/config.ts';
import { siteBuilderProjectName } from '../infra/naming.ts';
import { FULL_BUILD } from '../functions/site/site-build-request.ts';
import { buildConsoleUrl, codeBuildClient, isBuildRunning, startBuildInput, startSiteBuild } from '../functions/site/start-build.ts';

const USAGE = `Usage: npm run rebuild-site -- --stage ${STAGES.join('|')} [--region <region>] [--dry-run]\n`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

const { values } = (() => {
  try {
    return parseArgs({
      args: process.argv.slice(2).filter((a) => a !== '--'),
      options: { stage: { type: 'string' }, region: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
      strict: true,
    });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
})();
const stage = values.stage;
if (!stage || !(STAGES as readonly string[]).includes(stage)) fail(`Give the stage: --stage ${STAGES.join(' or --stage ')}.`);
const region = values.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? 'eu-west-1';
const projectName = siteBuilderProjectName(stage as Stage);

if (values['dry-run']) {
  process.stdout.write(`Would start a full site build in ${region}:\n${JSON.stringify(startBuildInput({ projectName, request: FULL_BUILD }), null, 2)}\n`);
  process.exit(0);
}

try {
  const build = await startSiteBuild(codeBuildClient(region), { projectName, request: FULL_BUILD });
  process.stdout.write(`Started a full site build: ${build.id}\n${buildConsoleUrl(build.arn)}\n`);
} catch (error) {
  if (isBuildRunning(error)) {
    process.stderr.write(`A build of ${projectName} is running; start the full build again when it has finished.\n`);
    process.exit(1);
  }
  process.stderr.write(`Could not start the build of ${projectName}: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
