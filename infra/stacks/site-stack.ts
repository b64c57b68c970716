// The site: the Astro build in a private bucket behind CloudFront (origin access control) and
// AWS WAF, /photos/* from the private photos bucket (origin access control too), /api/* forwarded
// uncached to the HTTP API (but the API reference at /api/docs/, a page of the build), security
// headers on every answer, a
// year-long cache for fingerprinted assets, the site's 404 page for a missing page (on the bucket's
// behaviours only), and an invalidation on every deploy.
import { existsSync } from 'node:fs';
import { Annotations, CfnOutput, DefaultStackSynthesizer, Duration, Fn, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  type EdgeLambda,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  LambdaEdgeEventType,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  PriceClass,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { type ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IVersion } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { type Construct } from 'constructs';
import { siteCspViolations } from '../site-csp-check.ts';
import { type StageConfig } from '../config.ts';
import { resourceName, siteOriginsParameterName } from '../naming.ts';
import { accessLogsBucket } from '../constructs/access-logs.ts';
import { siteBuildPath } from '../constructs/site-not-found.ts';
import { executionRole, stageLogGroup } from '../constructs/lambda-settings.ts';
import { SiteBuilder } from '../constructs/site-builder.ts';
import { acknowledge, nagResource } from '../nag.ts';
import { API_DOCS_CONTENT_SECURITY_POLICY, IMMUTABLE_CACHE_CONTROL, securityHeadersPolicy } from '../constructs/security-headers.ts';

export interface SiteStackProps extends StackProps {
  readonly config: StageConfig;
  /** The HTTP API's host name, the origin of /api/*. */
  readonly apiOriginDomainName: string;
  /** The photos bucket (data stack): /photos/* is served from it, and the portal uploads to it. */
  readonly photos: { readonly bucketName: string; readonly regionalDomainName: string };
  /** The WAF web ACL (CloudFront scope, from the us-east-1 stack) in front of every path. */
  readonly webAclArn: string;
  /**
   * The Lambda@Edge version (from the us-east-1 stack) that answers a missing page with the site's
   * 404 page; undefined without a site build.
   */
  readonly siteNotFound: IVersion | undefined;
  /** The table (data stack): its stream drives the site builder. */
  readonly table: ITable;
}

/** Astro writes `page/index.html`; the bucket has no index documents, so the edge adds them. */
export const DIRECTORY_INDEX_FUNCTION = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.endsWith('/')) {
    request.uri = uri + 'index.html';
  } else if (uri.split('/').pop().indexOf('.') === -1) {
    request.uri = uri + '/index.html';
  }
  return request;
}`;

/**
 * The API reference (site/integrations/api-docs.ts) is one page whose script routes by path
 * (/api/docs/other/getlocation): every address under it without a file extension is that page.
 */
export const API_DOCS_INDEX_FUNCTION = `function handler(event) {
  var request = event.request;
  if (request.uri.split('/').pop().indexOf('.') === -1) {
    request.uri = '/api/docs/index.html';
  }
  return request;
}`;

export class SiteStack extends Stack {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://` and the distribution's domain, and the site's own domain when configured. */
  readonly origins: string[];
  /** Rebuilds the pages a change touches (constructs/site-builder.ts). */
  readonly builder: SiteBuilder;

  constructor(scope: Construct, id: string, props: SiteStackProps) {
    super(scope, id, props);
    const { config } = props;
    const name = (purpose: string) => resourceName(config.stage, purpose);

    const accessLogs = accessLogsBucket(this, 'AccessLogs', config);
    // Rebuilt from the repository on every deploy, so never retained.
    this.bucket = new Bucket(this, 'SiteBucket', {
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'site/',
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: true,
    });
    const siteOrigin = S3BucketOrigin.withOriginAccessControl(this.bucket);

    // Imported, not passed as the construct: OAC would otherwise write the distribution's id into the
    // data stack's bucket policy, and the stacks would depend on each other both ways. The data
    // stack grants CloudFront read access to photos/ itself.
    const photosBucket = Bucket.fromBucketAttributes(this, 'PhotosBucket', {
      bucketName: props.photos.bucketName,
      bucketRegionalDomainName: props.photos.regionalDomainName,
    });
    const photosOrigin = S3BucketOrigin.withOriginAccessControl(photosBucket);
    const pageHeaders = securityHeadersPolicy(this, 'PageHeaders', {
      name: name('site-headers'),
      comment: 'Security headers for pages and API answers.',
      uploadOrigins: [`https://${props.photos.regionalDomainName}`],
    });
    const assetHeaders = securityHeadersPolicy(this, 'AssetHeaders', {
      name: name('asset-headers'),
      comment: 'Security headers plus a year-long browser cache for fingerprinted assets.',
      extraHeaders: [{ header: 'Cache-Control', value: IMMUTABLE_CACHE_CONTROL, override: true }],
    });
    const apiDocsHeaders = securityHeadersPolicy(this, 'ApiDocsHeaders', {
      name: name('api-docs-headers'),
      comment: 'Security headers for the API reference: the page policy, with data: fonts (Redoc inlines its icon font).',
      contentSecurityPolicy: API_DOCS_CONTENT_SECURITY_POLICY,
    });
    const assetCache = new CachePolicy(this, 'AssetCache', {
      cachePolicyName: name('immutable-assets'),
      comment: 'Fingerprinted build output: cached for a year at the edge.',
      defaultTtl: Duration.days(365),
      minTtl: Duration.days(1),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const directoryIndex = new CloudFrontFunction(this, 'DirectoryIndex', {
      functionName: name('directory-index'),
      comment: 'Serves page/index.html for /page and /page/.',
      code: FunctionCode.fromInline(DIRECTORY_INDEX_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
    });

    const apiDocsIndex = new CloudFrontFunction(this, 'ApiDocsIndex', {
      functionName: name('api-docs-index'),
      comment: 'Serves the API reference page for every /api/docs address but its files.',
      code: FunctionCode.fromInline(API_DOCS_INDEX_FUNCTION),
      runtime: FunctionRuntime.JS_2_0,
    });

    // S3 answers 403 for a missing key (the distribution may not list the bucket). The function
    // turns that into the 404 page on the bucket's behaviours; no distribution-wide error
    // response, which would also replace the API's own answers (a staff 403 is JSON with a reason).
    const missingPage: EdgeLambda[] | undefined = props.siteNotFound
      ? [{ functionVersion: props.siteNotFound, eventType: LambdaEdgeEventType.ORIGIN_RESPONSE }]
      : undefined;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: name('site'),
      webAclId: props.webAclArn,
      defaultRootObject: 'index.html',
      priceClass: PriceClass.PRICE_CLASS_100,
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: pageHeaders,
        functionAssociations: [{ function: directoryIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
        edgeLambdas: missingPage,
        compress: true,
      },
      additionalBehaviors: {
        '/_astro/*': {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: assetCache,
          responseHeadersPolicy: assetHeaders,
          edgeLambdas: missingPage,
          compress: true,
        },
        // Web sizes have unique keys and never change (functions/photos/photo-storage.ts).
        '/photos/*': {
          origin: photosOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: assetCache,
          responseHeadersPolicy: assetHeaders,
          compress: false,
        },
        // Before /api/*, which it would otherwise fall under: the API reference is a static page of
        // the site build, under the site's Content-Security-Policy but for data: fonts.
        '/api/docs*': {
          origin: siteOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          cachePolicy: CachePolicy.CACHING_OPTIMIZED,
          responseHeadersPolicy: apiDocsHeaders,
          functionAssociations: [{ function: apiDocsIndex, eventType: FunctionEventType.VIEWER_REQUEST }],
          edgeLambdas: missingPage,
          compress: true,
        },
        '/api/*': {
          origin: new HttpOrigin(props.apiOriginDomainName, { protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY }),
          // A redirect would turn a POST into a GET: refuse plain HTTP instead.
          viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: pageHeaders,
        },
      },
    });
    acknowledge(
      this.distribution,
      'CFR3',
      'CloudFront access logs record every request\'s path and query string, and the site\'s search filters and postcode look-ups ' +
        'carry care needs and places (health data, never logged). Requests and errors are counted by CloudFront\'s and WAF\'s metrics.',
    );
    acknowledge(
      this.distribution,
      'CFR1',
      'No country is blocked: families and carers living abroad look for care housing in the Netherlands too.',
    );
    acknowledge(
      this.distribution,
      'CFR4',
      'Served on the default *.cloudfront.net certificate, with which CloudFront accepts TLSv1. Attaching the woonwijzer.nl domain with an ' +
        'ACM certificate (us-east-1) and the TLSv1.2_2021 policy removes this (docs/deploy.md).',
    );

    // Only pages served from these origins may send the staff API a state-changing request (its
    // CSRF guard); the staff function reads the list on its first request.
    this.origins = [`https://${this.distribution.distributionDomainName}`, ...(config.siteDomain ? [`https://${config.siteDomain}`] : [])];
    new StringParameter(this, 'SiteOrigins', {
      parameterName: siteOriginsParameterName(config.stage),
      description: 'The origins of the woonwijzer site, comma-separated: the staff API accepts unsafe requests from these only.',
      stringValue: Fn.join(',', this.origins),
    });

    const siteDist = siteBuildPath(config);
    if (existsSync(siteDist)) {
      // A page whose script the CSP blocks would ship broken: refuse the synth instead.
      const violations = siteCspViolations(siteDist);
      if (violations.length > 0) {
        Annotations.of(this).addError(
          `The site build at ${config.siteDist} has ${violations.length} inline script(s) the Content-Security-Policy ` +
            `(script-src 'self') would block, e.g. ${violations.slice(0, 3).map((v) => `${v.file}: ${v.problem}`).join('; ')}. ` +
            'Keep scripts in <script> tags Astro bundles (never is:inline), and keep vite.build.assetsInlineLimit at 0 in site/astro.config.mjs.',
        );
      }
      const deploymentLogs = stageLogGroup(this, 'DeploymentLogs', config);
      const deploymentRole = executionRole(this, 'DeploymentRole', deploymentLogs);
      new BucketDeployment(this, 'Deployment', {
        sources: [Source.asset(siteDist)],
        destinationBucket: this.bucket,
        distribution: this.distribution,
        distributionPaths: ['/*'],
        memoryLimit: 512,
        logGroup: deploymentLogs,
        role: deploymentRole,
      });
      acknowledge(
        deploymentRole,
        'IAM5',
        'CDK\'s BucketDeployment grants: read the build from the CDK asset bucket, replace the site bucket\'s objects (pruning old ones) ' +
          'and invalidate the distribution (CloudFront invalidations take no resource ARN).',
        [
          'Action::s3:GetBucket*',
          'Action::s3:GetObject*',
          'Action::s3:List*',
          'Action::s3:Abort*',
          'Action::s3:DeleteObject*',
          // The bootstrap's asset bucket, as the default synthesizer names it.
          `Resource::${nagResource(this, `arn:${this.partition}:s3:::cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-${this.account}-${this.region}/*`)}`,
          `Resource::${nagResource(this, this.bucket.arnForObjects('*'))}`,
          'Resource::*',
        ],
      );
      // The upload function is a singleton of the stack, created by BucketDeployment.
      for (const child of this.node.children.filter((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'))) {
        acknowledge(child, 'L1', 'BucketDeployment\'s upload function (Python) and its runtime come with aws-cdk-lib; they move with its updates.');
      }
    } else {
      // Synth must work on a clean clone; deploying without a build would publish nothing.
      Annotations.of(this).addWarningV2(
        'woonwijzer:site-dist-missing',
        `No site build at ${config.siteDist}: the site is not uploaded. Run \`npm run build:site\` before \`cdk deploy\`.`,
      );
    }

    this.builder = new SiteBuilder(this, 'Builder', {
      config,
      table: props.table,
      siteBucket: this.bucket,
      distribution: this.distribution,
      apiOriginDomainName: props.apiOriginDomainName,
      accessLogs,
    });
    new CfnOutput(this, 'SiteBuildProject', { value: this.builder.project.projectName, description: 'npm run rebuild-site starts a full build of it.' });

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.distribution.distributionDomainName}` });
  }
}
