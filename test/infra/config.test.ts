// Stages and shared settings, without synthesis: stage names and sizes from context, the one
// naming function, and the one set of esbuild options behind every function.
import { describe, expect, it } from 'vitest';
import { App, RemovalPolicy } from 'aws-cdk-lib';
import { Tracing } from 'aws-cdk-lib/aws-lambda';
import { OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { ESBUILD_OPTIONS, LAMBDA_ENTRIES } from '../../infra/bundling.ts';
import { readStageConfig } from '../../infra/config.ts';
import { lambdaSettings } from '../../infra/constructs/lambda-settings.ts';
import { resourceName } from '../../infra/naming.ts';

const configFor = (context: Record<string, unknown>) => readStageConfig(new App({ context }).node, {});

describe('stages', () => {
  it('default to dev and name everything woonwijzer-<stage>-<purpose>', () => {
    const config = configFor({});
    expect(config.stage).toBe('dev');
    expect(resourceName(config.stage, 'api')).toBe('woonwijzer-dev-api');
  });

  it('keep stateful resources, protect them and stop termination in prod; not in dev', () => {
    const prod = configFor({ stage: 'prod' });
    const dev = configFor({ stage: 'dev' });
    expect([prod.statefulRemovalPolicy, prod.deletionProtection, prod.terminationProtection]).toEqual([RemovalPolicy.RETAIN, true, true]);
    expect([dev.statefulRemovalPolicy, dev.deletionProtection, dev.terminationProtection]).toEqual([RemovalPolicy.DESTROY, false, false]);
  });

  it('refuse an unknown stage instead of guessing', () => {
    expect(() => configFor({ stage: 'production' })).toThrow(/Unknown stage "production"/);
  });

  it('refuse an odd number of search nodes with zone awareness', () => {
    expect(() => configFor({ stage: 'prod', searchDataNodes: 3 })).toThrow(/must be even/);
  });

  it('limit each address to 1,000 API requests per five minutes unless context says otherwise, within WAF\'s bounds', () => {
    expect(configFor({ stage: 'prod' }).waf.apiRequestsPer5Minutes).toBe(1000);
    expect(configFor({ stage: 'prod', wafApiRequestsPer5Minutes: '300' }).waf.apiRequestsPer5Minutes).toBe(300);
    expect(() => configFor({ wafApiRequestsPer5Minutes: 5 })).toThrow(/between 10 and/);
  });

  it('take the site\'s own domain and the SES sandbox recipients from context, and refuse what is not one', () => {
    expect([configFor({}).siteDomain, configFor({}).sesSandboxRecipients]).toEqual([undefined, []]);
    const set = configFor({ siteDomain: 'woonwijzer.nl', sesSandboxRecipients: 'a@example.nl, b@example.nl' });
    expect([set.siteDomain, set.sesSandboxRecipients]).toEqual(['woonwijzer.nl', ['a@example.nl', 'b@example.nl']]);
    expect(configFor({ sesSandboxRecipients: ['c@example.nl'] }).sesSandboxRecipients).toEqual(['c@example.nl']);
    expect(() => configFor({ siteDomain: 'https://woonwijzer.nl' })).toThrow(/host name/);
    expect(() => configFor({ sesSandboxRecipients: 'a@example.nl,not-an-address' })).toThrow(/"not-an-address" is not valid/);
  });

  it('take the account from the CDK CLI and default to eu-west-1', () => {
    const config = readStageConfig(new App().node, { CDK_DEFAULT_ACCOUNT: '123456789012' });
    expect([config.account, config.region]).toEqual(['123456789012', 'eu-west-1']);
  });
});

describe('lambda settings', () => {
  it('bundle every function with the shared esbuild options: ESM, minified, source maps, SDK external', () => {
    const { bundling } = lambdaSettings(configFor({}));
    expect(bundling).toMatchObject({
      format: OutputFormat.ESM,
      target: ESBUILD_OPTIONS.target,
      minify: true,
      sourceMap: true,
      externalModules: ['@aws-sdk/*'],
      banner: ESBUILD_OPTIONS.banner,
      forceDockerBundling: false,
    });
  });

  it('trace every function with X-Ray and name its logs and metrics for Powertools', () => {
    const settings = lambdaSettings(configFor({ stage: 'prod' }));
    expect(settings.tracing).toBe(Tracing.ACTIVE);
    expect(settings.environment).toMatchObject({
      STAGE: 'prod',
      POWERTOOLS_SERVICE_NAME: 'woonwijzer',
      POWERTOOLS_METRICS_NAMESPACE: 'Woonwijzer',
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    // Metrics stay on in Lambda: nothing may switch them off there by default.
    expect(settings.environment).not.toHaveProperty('POWERTOOLS_METRICS_DISABLED');
  });

  it('name an entry for every function', () => {
    expect(Object.keys(LAMBDA_ENTRIES).sort()).toEqual(['api', 'indexer', 'reindex', 'remind', 'searchAccess', 'siteBuildStarter', 'siteChanges', 'siteNotFound', 'staff']);
  });
});
