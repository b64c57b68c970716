// The site's 404 page at the edge: a Lambda@Edge function (infra/handlers/site-not-found.ts) that
// CloudFront runs on the S3 behaviours' origin responses, with the built 404.html bundled beside
// it. Lambda@Edge takes functions from us-east-1 only, so the stack there (the WAF stack) holds
// it and the site stack attaches its version.
import path from 'node:path';
import { Duration, Stack } from 'aws-cdk-lib';
import { CompositePrincipal, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type IVersion, Runtime } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ESBUILD_OPTIONS, REPO_ROOT, entryPath } from '../bundling.ts';
import { type StageConfig } from '../config.ts';
import { NOT_FOUND_PAGE_FILE } from '../handlers/site-not-found.ts';
import { resourceName } from '../naming.ts';
import { acknowledge, nagResource } from '../nag.ts';

/** The Astro build the site stack uploads, as an absolute path. */
export const siteBuildPath = (config: StageConfig): string => path.resolve(REPO_ROOT, config.siteDist);

/** Where the build keeps the 404 page (site/src/pages/404.astro). */
export const notFoundPageFile = (config: StageConfig): string => path.join(siteBuildPath(config), NOT_FOUND_PAGE_FILE);

/**
 * Lambda@Edge runs a subset of Lambda's runtimes; Node.js 22 is the newest on its list (the
 * stack's other functions run 24). Edge functions must run on x86_64.
 */
export const EDGE_RUNTIME = Runtime.NODEJS_22_X;

export interface SiteNotFoundProps {
  readonly config: StageConfig;
  /** The built 404.html, bundled beside the handler. */
  readonly pageFile: string;
}

export class SiteNotFound extends Construct {
  readonly function: NodejsFunction;
  /** The published version CloudFront runs (Lambda@Edge takes no $LATEST and no alias). */
  readonly version: IVersion;

  constructor(scope: Construct, id: string, props: SiteNotFoundProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const functionName = resourceName(props.config.stage, 'site-not-found');

    // Lambda@Edge writes its logs in the region that ran it, to /aws/lambda/us-east-1.<name>.
    const role = new Role(this, 'Role', {
      assumedBy: new CompositePrincipal(new ServicePrincipal('lambda.amazonaws.com'), new ServicePrincipal('edgelambda.amazonaws.com')),
    });
    const logGroups = `arn:${stack.partition}:logs:*:${stack.account}:log-group:/aws/lambda/us-east-1.${functionName}:*`;
    role.addToPolicy(new PolicyStatement({ actions: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroups] }));
    acknowledge(
      role,
      'IAM5',
      'Lambda@Edge runs the function in the regions nearest the viewers and writes its logs there: the region is any, the log group is this function\'s only.',
      [`Resource::${nagResource(this, logGroups)}`],
    );

    this.function = new NodejsFunction(this, 'Function', {
      functionName,
      description: 'Origin response of the site bucket: S3\'s answer for a missing key becomes the site\'s 404 page with status 404.',
      entry: entryPath('siteNotFound'),
      runtime: EDGE_RUNTIME,
      architecture: Architecture.X86_64,
      // Origin-response functions may take 30 s; this one returns a page it already holds.
      memorySize: 128,
      timeout: Duration.seconds(5),
      role,
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      // Lambda@Edge takes no environment variables; the page is a file of the bundle instead.
      awsSdkConnectionReuse: false,
      bundling: {
        forceDockerBundling: false,
        target: 'node22',
        format: OutputFormat.ESM,
        minify: ESBUILD_OPTIONS.minify,
        sourceMap: false,
        externalModules: [...ESBUILD_OPTIONS.external],
        mainFields: [...ESBUILD_OPTIONS.mainFields],
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => [copyCommand(props.pageFile, path.join(outputDir, NOT_FOUND_PAGE_FILE))],
        },
      },
    });
    acknowledge(
      this.function,
      'L1',
      'Lambda@Edge supports fewer runtimes than Lambda: Node.js 22 is the newest it runs (CloudFront developer guide, "Restrictions on Lambda@Edge").',
    );
    // CDK's own group (/aws/lambda/<name>, us-east-1) only gets invocations from the Lambda
    // console; it keeps them as long as the stage's other logs.
    const consoleLogs = this.function.node.tryFindChild('LogGroup')?.node.defaultChild;
    if (consoleLogs instanceof CfnLogGroup) {
      consoleLogs.retentionInDays = props.config.logRetention;
      consoleLogs.applyRemovalPolicy(props.config.statefulRemovalPolicy);
    }
    this.version = this.function.currentVersion;
  }
}

/** A shell copy that survives spaces in either path (the hooks run through the shell). */
export function copyCommand(from: string, to: string): string {
  const quote = (p: string) => `'${p.replaceAll("'", "'\\''")}'`;
  return `cp ${quote(from)} ${quote(to)}`;
}
