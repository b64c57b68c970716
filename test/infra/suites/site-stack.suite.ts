// Site: the Astro build in a private bucket behind CloudFront with origin access control, /api/*
// to the HTTP API uncached, security headers, long cache for fingerprinted assets, the site's 404
// page on the bucket's behaviours only (the API's answers pass unchanged), invalidation on
// deploy; and a clean-clone synth without a build.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import type { CloudFrontResponseEvent, CloudFrontResultResponse } from 'aws-lambda';
import { API_DOCS_CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY, IMMUTABLE_CACHE_CONTROL } from '../../../infra/constructs/security-headers.ts';
import { API_DOCS_INDEX_FUNCTION, DIRECTORY_INDEX_FUNCTION } from '../../../infra/stacks/site-stack.ts';
import { STAFF_PATH_PREFIXES } from '../../../functions/api/staff/paths.ts';
import { NOT_FOUND_CACHE_CONTROL } from '../../../infra/handlers/site-not-found.ts';
import { FAKE_NOT_FOUND_PAGE, type Stages, fakeSiteDist, type SynthesisedStage, onlyResource, synthStage } from '../synth-stage.ts';

// Managed policy ids, fixed by AWS.
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

let prod: SynthesisedStage;

interface Behavior {
  PathPattern?: string;
  LambdaFunctionAssociations?: Array<{ EventType: string; LambdaFunctionARN: unknown }>;
  FunctionAssociations?: unknown[];
  CachePolicyId: unknown;
  OriginRequestPolicyId?: unknown;
  ResponseHeadersPolicyId?: unknown;
  TargetOriginId: string;
  ViewerProtocolPolicy: string;
  AllowedMethods?: string[];
}
interface DistributionConfig {
  CustomErrorResponses?: unknown[];
  DefaultCacheBehavior: Behavior;
  CacheBehaviors: Behavior[];
  Origins: Array<{ Id: string; DomainName: unknown; OriginAccessControlId?: unknown; S3OriginConfig?: unknown }>;
}

function distributionConfig(stage: SynthesisedStage = prod): DistributionConfig {
  const distributions = Object.values(stage.templates.site.findResources('AWS::CloudFront::Distribution'));
  expect(distributions).toHaveLength(1);
  return (distributions[0] as { Properties: { DistributionConfig: DistributionConfig } }).Properties.DistributionConfig;
}
const behavior = (pattern: string) => {
  const found = distributionConfig().CacheBehaviors.find((b) => b.PathPattern === pattern);
  if (!found) throw new Error(`no behaviour for ${pattern}`);
  return found;
};

export function siteStackSuite(stages: () => Stages): void {
  describe('site stack', () => {
    beforeAll(() => {
      ({ prod } = stages());
    });

    describe('the site bucket', () => {
      it('is private and refuses plain HTTP', () => {
        prod.templates.site.hasResourceProperties('AWS::S3::Bucket', {
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        });
        prod.templates.site.hasResourceProperties('AWS::S3::BucketPolicy', {
          PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
        });
      });

      it('logs its access into a private log bucket of the stack', () => {
        const logs = onlyResource(prod.templates.site, 'AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90 })] } });
        prod.templates.site.hasResourceProperties('AWS::S3::Bucket', {
          LoggingConfiguration: { DestinationBucketName: { Ref: logs.logicalId }, LogFilePrefix: 'site/' },
        });
      });

      it('is read by CloudFront through origin access control only', () => {
        prod.templates.site.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
          OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
        });
        const s3Origin = distributionConfig().Origins.find((o) => o.S3OriginConfig !== undefined);
        expect(s3Origin?.OriginAccessControlId).toBeDefined();
        prod.templates.site.hasResourceProperties('AWS::S3::BucketPolicy', {
          PolicyDocument: {
            Statement: Match.arrayWith([
              Match.objectLike({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' }, Condition: { StringEquals: { 'AWS:SourceArn': Match.anyValue() } } }),
            ]),
          },
        });
      });
    });

    describe('the distribution', () => {
      it('routes /api/* to the HTTP API, uncached, with every viewer header but Host', () => {
        const api = behavior('/api/*');
        expect(api.CachePolicyId).toBe(CACHING_DISABLED);
        expect(api.OriginRequestPolicyId).toBe(ALL_VIEWER_EXCEPT_HOST_HEADER);
        expect(api.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE']));
        expect(api.ViewerProtocolPolicy).toBe('https-only');
        const origin = distributionConfig().Origins.find((o) => o.Id === api.TargetOriginId);
        expect(JSON.stringify(origin?.DomainName)).toContain('execute-api');
      });

      it('sends the staff paths with the rest of /api/ to the HTTP API, whose routes pick the staff function', () => {
        // CloudFront path patterns: * is any run of characters; behaviours are tried in order.
        const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);
        for (const prefix of STAFF_PATH_PREFIXES) {
          const first = distributionConfig().CacheBehaviors.find((b) => matches(b.PathPattern ?? '', `${prefix}/sign-in`));
          expect(first?.PathPattern, prefix).toBe('/api/*');
        }
      });

      it('tells the staff function which origins its pages come from: the distribution\'s, and the own domain when configured', { timeout: 120_000 }, () => {
        const distribution = onlyResource(prod.templates.site, 'AWS::CloudFront::Distribution');
        prod.templates.site.hasResourceProperties('AWS::SSM::Parameter', {
          Name: '/woonwijzer/prod/site-origins',
          Type: 'String',
          Value: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distribution.logicalId, 'DomainName'] }]] },
        });
        const own = synthStage('dev', { siteDomain: 'woonwijzer.example.nl' });
        const ownDistribution = onlyResource(own.templates.site, 'AWS::CloudFront::Distribution');
        own.templates.site.hasResourceProperties('AWS::SSM::Parameter', {
          Name: '/woonwijzer/dev/site-origins',
          Value: { 'Fn::Join': [',', [{ 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [ownDistribution.logicalId, 'DomainName'] }]] }, 'https://woonwijzer.example.nl']] },
        });
      });

      it('caches fingerprinted assets for a year, at the edge and in the browser', () => {
        const policy = onlyResource(prod.templates.site, 'AWS::CloudFront::CachePolicy', {
          CachePolicyConfig: Match.objectLike({ Name: 'woonwijzer-prod-immutable-assets', DefaultTTL: 31_536_000 }),
        });
        expect(behavior('/_astro/*').CachePolicyId).toEqual({ Ref: policy.logicalId });
        prod.templates.site.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
          ResponseHeadersPolicyConfig: Match.objectLike({
            Name: 'woonwijzer-prod-asset-headers',
            CustomHeadersConfig: { Items: Match.arrayWith([{ Header: 'Cache-Control', Value: IMMUTABLE_CACHE_CONTROL, Override: true }]) },
          }),
        });
      });

      it('caches pages until the next deploy and redirects plain HTTP', () => {
        const page = distributionConfig().DefaultCacheBehavior;
        expect(page.CachePolicyId).toBe(CACHING_OPTIMIZED);
        expect(page.ViewerProtocolPolicy).toBe('redirect-to-https');
      });

      it('sends HSTS, CSP, frame options DENY, a referrer policy and nosniff on every behaviour', () => {
        prod.templates.site.resourceCountIs('AWS::CloudFront::ResponseHeadersPolicy', 3);
        // The API reference has a policy of its own (data: fonts; it uploads nothing), on its behaviour.
        const byId = prod.templates.site.findResources('AWS::CloudFront::ResponseHeadersPolicy') as Record<string, {
          Properties: { ResponseHeadersPolicyConfig: { Name: string; SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } } } };
        }>;
        const docsId = Object.keys(byId).find((id) => byId[id]!.Properties.ResponseHeadersPolicyConfig.Name === 'woonwijzer-prod-api-docs-headers');
        expect(byId[docsId ?? '']?.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy)
          .toBe(API_DOCS_CONTENT_SECURITY_POLICY);
        expect(behavior('/api/docs*').ResponseHeadersPolicyId).toEqual({ Ref: docsId });
        prod.templates.site.allResourcesProperties('AWS::CloudFront::ResponseHeadersPolicy', {
          ResponseHeadersPolicyConfig: Match.objectLike({
            SecurityHeadersConfig: {
              StrictTransportSecurity: { AccessControlMaxAgeSec: 63_072_000, IncludeSubdomains: true, Override: true },
              ContentSecurityPolicy: { ContentSecurityPolicy: Match.anyValue(), Override: true },
              FrameOptions: { FrameOption: 'DENY', Override: true },
              ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
              ContentTypeOptions: { Override: true },
            },
          }),
        });
        const config = distributionConfig();
        for (const b of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) expect(b.ResponseHeadersPolicyId).toBeDefined();
        // Assets get the policy as it is; pages may also send a photo's bytes to the photos bucket's own origin.
        const policies = JSON.stringify(prod.templates.site.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
        expect(policies).toContain(JSON.stringify(CONTENT_SECURITY_POLICY));
        expect(policies).toContain(JSON.stringify(CONTENT_SECURITY_POLICY.split("connect-src 'self'")[0] + "connect-src 'self' https://").slice(0, -1));
      });

      it('serves /photos/* from the private photos bucket through origin access control, cached like assets', () => {
        const config = distributionConfig();
        const photos = behavior('/photos/*');
        const origin = config.Origins.find((o) => o.Id === photos.TargetOriginId) as Record<string, unknown>;
        // The data stack's photos bucket (its regional domain, handed over as a stack output).
        expect(JSON.stringify(origin.DomainName)).toMatch(/woonwijzer-prod-data.*Photos.*RegionalDomainName/);
        expect(origin.OriginAccessControlId).toBeDefined();
        expect(photos.LambdaFunctionAssociations).toBeUndefined();
        // The data stack's bucket: never public, read by CloudFront only, and only under photos/.
        prod.templates.data.hasResourceProperties('AWS::S3::BucketPolicy', {
          PolicyDocument: {
            Statement: Match.arrayWith([Match.objectLike({
              Effect: 'Allow', Principal: { Service: 'cloudfront.amazonaws.com' }, Action: 's3:GetObject',
              Resource: { 'Fn::Join': ['', [Match.anyValue(), '/photos/*']] },
            })]),
          },
        });
        prod.templates.data.hasResourceProperties('AWS::S3::Bucket', {
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
          CorsConfiguration: { CorsRules: [Match.objectLike({ AllowedMethods: ['PUT'] })] },
          LifecycleConfiguration: { Rules: Match.arrayWith([Match.objectLike({ Prefix: 'incoming/', ExpirationInDays: 1 })]) },
        });
      });

      it('rewrites /page and /page/ to page/index.html and leaves files alone', () => {
        // The function is plain JavaScript for CloudFront's runtime; run it here as it is.
        const handler = new Function(`${DIRECTORY_INDEX_FUNCTION}\nreturn handler;`)() as (e: { request: { uri: string } }) => { uri: string };
        const rewrite = (uri: string) => handler({ request: { uri } }).uri;
        expect(['/', '/en/', '/regio/zuid-limburg', '/_astro/app.1a2b.js', '/favicon.svg'].map(rewrite)).toEqual([
          '/index.html',
          '/en/index.html',
          '/regio/zuid-limburg/index.html',
          '/_astro/app.1a2b.js',
          '/favicon.svg',
        ]);
      });

      it('serves the API reference at /api/docs from the site build, before the rest of /api/* goes to the API', () => {
        const config = distributionConfig();
        const patterns = config.CacheBehaviors.map((b) => b.PathPattern);
        expect(patterns.indexOf('/api/docs*')).toBeLessThan(patterns.indexOf('/api/*'));
        const docs = behavior('/api/docs*');
        expect(config.Origins.find((o) => o.Id === docs.TargetOriginId)?.S3OriginConfig).toBeDefined();
        // Every address of the page's own routes is the page; its scripts are files.
        const handler = new Function(`${API_DOCS_INDEX_FUNCTION}\nreturn handler;`)() as (e: { request: { uri: string } }) => { uri: string };
        const rewrite = (uri: string) => handler({ request: { uri } }).uri;
        expect(['/api/docs', '/api/docs/', '/api/docs/other/getlocation', '/api/docs/hydrate.js'].map(rewrite)).toEqual([
          '/api/docs/index.html', '/api/docs/index.html', '/api/docs/index.html', '/api/docs/hydrate.js',
        ]);
      });

      it('serves Astro directory pages (page/index.html) through a viewer-request function', () => {
        prod.templates.site.hasResourceProperties('AWS::CloudFront::Function', { FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }) });
        prod.templates.site.hasResourceProperties('AWS::CloudFront::Distribution', {
          DistributionConfig: Match.objectLike({
            DefaultRootObject: 'index.html',
            DefaultCacheBehavior: Match.objectLike({ FunctionAssociations: [Match.objectLike({ EventType: 'viewer-request' })] }),
          }),
        });
      });
    });

    describe('a missing page', () => {
      /** The S3 origin's behaviours: the pages (default) and the fingerprinted assets. */
      const bucketBehaviors = (stage: SynthesisedStage = prod) => {
        const config = distributionConfig(stage);
        const s3Origins = new Set(config.Origins.filter((o) => o.S3OriginConfig !== undefined).map((o) => o.Id));
        // The site bucket's; /photos/* comes from the photos bucket and answers a missing photo with S3's own 403.
        return [config.DefaultCacheBehavior, ...config.CacheBehaviors].filter((b) => s3Origins.has(b.TargetOriginId) && b.PathPattern !== '/photos/*');
      };
      const edgeFunction = (stage: SynthesisedStage = prod) =>
        onlyResource(stage.templates.waf, 'AWS::Lambda::Function', { FunctionName: `woonwijzer-${stage.config.stage}-site-not-found` });

      it('has no distribution-wide error response, which would replace the API\'s answers too', () => {
        for (const stage of [prod, stages().dev]) expect(distributionConfig(stage).CustomErrorResponses).toBeUndefined();
      });

      it('is answered on the bucket\'s behaviours by an origin-response function from us-east-1', () => {
        const behaviors = bucketBehaviors();
        expect(behaviors.map((b) => b.PathPattern ?? '(default)')).toEqual(['(default)', '/_astro/*', '/api/docs*']);
        const version = onlyResource(prod.templates.waf, 'AWS::Lambda::Version', { FunctionName: { Ref: edgeFunction().logicalId } });
        const outputs = prod.templates.waf.toJSON().Outputs as Record<string, { Value: unknown }>;
        for (const b of behaviors) {
          expect(b.LambdaFunctionAssociations).toHaveLength(1);
          const [association] = b.LambdaFunctionAssociations ?? [];
          expect(association?.EventType).toBe('origin-response');
          const { StackName, Region, OutputName } = (association?.LambdaFunctionARN as { 'Fn::GetStackOutput': Record<string, string> })['Fn::GetStackOutput'];
          expect([StackName, Region]).toEqual(['woonwijzer-prod-waf', 'us-east-1']);
          // A numbered version: Lambda@Edge takes no $LATEST and no alias.
          expect(outputs[OutputName ?? '']?.Value).toEqual({ Ref: version.logicalId });
        }
      });

      it('leaves every /api/* answer to the API: no edge function on its behaviour', () => {
        const api = behavior('/api/*');
        expect(api.LambdaFunctionAssociations).toBeUndefined();
        expect(api.FunctionAssociations).toBeUndefined();
      });

      it('runs on a runtime and architecture Lambda@Edge accepts, without environment variables, trusted by edgelambda', () => {
        const props = edgeFunction().resource.Properties as Record<string, unknown> & { Role: { 'Fn::GetAtt': [string, string] } };
        expect(props).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['x86_64'] });
        expect(props.Environment).toBeUndefined();
        const role = prod.templates.waf.toJSON().Resources[props.Role['Fn::GetAtt'][0]] as {
          Properties: { AssumeRolePolicyDocument: { Statement: Array<{ Principal: { Service: string | string[] } }> } };
        };
        const services = role.Properties.AssumeRolePolicyDocument.Statement.flatMap((st) => [st.Principal.Service].flat());
        expect(services).toEqual(expect.arrayContaining(['lambda.amazonaws.com', 'edgelambda.amazonaws.com']));
      });

      it('may write only its own edge log groups', () => {
        const statements = Object.values(prod.templates.waf.findResources('AWS::IAM::Policy')).flatMap(
          (p) => (p as { Properties: { PolicyDocument: { Statement: Array<{ Action: string[]; Resource: unknown }> } } }).Properties.PolicyDocument.Statement,
        );
        expect(statements).toHaveLength(1);
        expect(statements[0]?.Action).toEqual(['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']);
        expect(JSON.stringify(statements[0]?.Resource)).toContain(':log-group:/aws/lambda/us-east-1.woonwijzer-prod-site-not-found:*');
      });

      it('gets the built 404 page in the deployed bundle, served with status 404 for S3\'s 403 and untouched otherwise', { timeout: 120_000 }, async () => {
        // Bundled for real (esbuild), as `cdk deploy` does, for the us-east-1 stack only.
        const bundled = synthStage('dev', { 'aws:cdk:bundling-stacks': ['woonwijzer-dev-waf'] });
        const code = (edgeFunction(bundled).resource.Properties as { Code: { S3Key: string } }).Code.S3Key;
        const assetDir = path.join((bundled.stacks.waf.node.root as App).outdir, `asset.${code.replace(/\.zip$/, '')}`);
        expect(readFileSync(path.join(assetDir, '404.html'), 'utf8')).toBe(FAKE_NOT_FOUND_PAGE);
        const { handler } = (await import(pathToFileURL(path.join(assetDir, 'index.mjs')).href)) as {
          handler: (event: CloudFrontResponseEvent) => Promise<CloudFrontResultResponse>;
        };
        const event = (status: string, uri: string): CloudFrontResponseEvent =>
          ({
            Records: [
              {
                cf: {
                  config: { distributionDomainName: 'd111111abcdef8.cloudfront.net', distributionId: 'EDFDVBD6EXAMPLE', eventType: 'origin-response', requestId: 'r' },
                  request: { clientIp: '203.0.113.1', method: 'GET', uri, querystring: '', headers: {} },
                  response: { status, statusDescription: status === '200' ? 'OK' : 'Forbidden', headers: { 'content-type': [{ key: 'Content-Type', value: 'application/xml' }] } },
                },
              },
            ],
          }) as CloudFrontResponseEvent;

        const missing = await handler(event('403', '/regio/bestaat-niet/index.html'));
        expect(missing.status).toBe('404');
        expect(missing.body).toBe(FAKE_NOT_FOUND_PAGE);
        expect(missing.headers?.['content-type']?.[0]?.value).toBe('text/html; charset=utf-8');
        expect(missing.headers?.['cache-control']?.[0]?.value).toBe(NOT_FOUND_CACHE_CONTROL);
        const found = await handler(event('200', '/index.html'));
        expect(found).toEqual(event('200', '/index.html').Records[0]?.cf.response);
      });
    });

    describe('deploying the build', () => {
      it('uploads the build and invalidates the whole distribution', () => {
        prod.templates.site.hasResourceProperties('Custom::CDKBucketDeployment', { DistributionPaths: ['/*'], Prune: true });
      });

      it('synthesises without a build, warning that nothing will be uploaded (and with no page, no 404 function)', { timeout: 120_000 }, () => {
        const clean = synthStage('dev', { siteDist: 'does-not-exist/dist' });
        clean.templates.site.resourceCountIs('Custom::CDKBucketDeployment', 0);
        Annotations.fromStack(clean.stacks.site).hasWarning('*', Match.stringLikeRegexp('No site build at does-not-exist/dist'));
        clean.templates.waf.resourceCountIs('AWS::Lambda::Function', 0);
        expect(distributionConfig(clean).DefaultCacheBehavior.LambdaFunctionAssociations).toBeUndefined();
      });

      it('refuses a build without its 404 page', { timeout: 120_000 }, () => {
        // The error annotation fails the synthesis, as `cdk synth` and `cdk deploy` would.
        expect(() => synthStage('dev', { siteDist: fakeSiteDist({ notFoundPage: false }) })).toThrow(/has no 404\.html/);
      });
    });
  });
}
