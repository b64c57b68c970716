// The one settings object every function starts from (runtime, architecture, bundling, shared
// environment), spread into each NodejsFunction, the log group and execution role each function
// gets, and the Parameters and Secrets extension for those that read a secret or parameter; the
// esbuild options come from ../bundling.ts.
import path from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { Architecture, ParamsAndSecretsLayerVersion, ParamsAndSecretsLogLevel, ParamsAndSecretsVersions, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type NodejsFunction, type NodejsFunctionProps, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type ILogGroup, LogGroup } from 'aws-cdk-lib/aws-logs';
import { type Construct } from 'constructs';
import { ESBUILD_OPTIONS, NODE_MAJOR, REPO_ROOT } from '../bundling.ts';
import { acknowledge } from '../nag.ts';
import { type StageConfig } from '../config.ts';
import { METRICS_NAMESPACE, SERVICE_NAME } from '../../functions/platform/telemetry-names.ts';

const RUNTIMES: Record<number, Runtime> = { 22: Runtime.NODEJS_22_X, 24: Runtime.NODEJS_24_X };

function runtimeFor(major: number): Runtime {
  const runtime = RUNTIMES[major];
  if (!runtime) throw new Error(`No Lambda runtime mapped for Node.js ${major}.`);
  return runtime;
}

export type LambdaSettings = Required<
  Pick<NodejsFunctionProps, 'runtime' | 'architecture' | 'memorySize' | 'timeout' | 'bundling' | 'projectRoot' | 'depsLockFilePath' | 'environment' | 'tracing'>
>;

export function lambdaSettings(config: StageConfig): LambdaSettings {
  return {
    runtime: runtimeFor(NODE_MAJOR),
    architecture: Architecture.ARM_64,
    memorySize: 512,
    timeout: Duration.seconds(10),
    // X-Ray records every invocation; the functions that bundle Powertools' Tracer add their calls.
    tracing: Tracing.ACTIVE,
    projectRoot: REPO_ROOT,
    depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
    bundling: {
      // Local esbuild only: Docker is not available where this is built.
      forceDockerBundling: false,
      target: ESBUILD_OPTIONS.target,
      format: OutputFormat.ESM,
      minify: ESBUILD_OPTIONS.minify,
      sourceMap: ESBUILD_OPTIONS.sourcemap,
      sourcesContent: ESBUILD_OPTIONS.sourcesContent,
      externalModules: [...ESBUILD_OPTIONS.external],
      mainFields: [...ESBUILD_OPTIONS.mainFields],
      banner: ESBUILD_OPTIONS.banner,
      esbuildArgs: { '--alias:zod': ESBUILD_OPTIONS.alias.zod },
    },
    environment: {
      STAGE: config.stage,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      NODE_OPTIONS: '--enable-source-maps',
      // Read by Powertools (functions/platform): one service and namespace for logs and metrics.
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
      POWERTOOLS_LOG_LEVEL: 'INFO',
    },
  };
}

/** A log group with the stage's retention and removal policy. CloudFormation names it, so a
 *  group retained in prod never blocks a redeploy. */
export function stageLogGroup(scope: Construct, id: string, config: StageConfig): LogGroup {
  return new LogGroup(scope, id, { retention: config.logRetention, removalPolicy: config.statefulRemovalPolicy });
}

/**
 * An execution role that may write to its function's own log group and nothing else until it is
 * granted more. CDK's default role carries the managed AWSLambdaBasicExecutionRole, which may
 * create and write every log group in the account.
 */
export function executionRole(scope: Construct, id: string, logGroup: ILogGroup): Role {
  const role = new Role(scope, id, { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
  logGroup.grantWrite(role);
  return role;
}

/**
 * Active tracing (in lambdaSettings) gives the function's role X-Ray's PutTraceSegments and
 * PutTelemetryRecords on `*`: X-Ray has no resource-level permissions. Acknowledged on that role
 * alone, for every function built from these settings.
 */
export function acknowledgeTracing(fn: NodejsFunction): void {
  if (!fn.role) return;
  acknowledge(fn.role, 'IAM5', 'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords take no resource ARN.', ['Resource::*']);
}

/**
 * The AWS Parameters and Secrets Lambda Extension (functions/platform/secrets-extension.ts reads
 * through it), for a function's `paramsAndSecrets`.
 */
export function paramsAndSecretsExtension(): ParamsAndSecretsLayerVersion {
  return ParamsAndSecretsLayerVersion.fromVersion(ParamsAndSecretsVersions.V1_0_103, {
    // Read once per environment by the function itself; the extension's own cache would only
    // keep a second copy of the secret.
    cacheEnabled: false,
    logLevel: ParamsAndSecretsLogLevel.WARN,
  });
}
