// API: the Hono app as a NodejsFunction (arm64, Node 20+, ESM bundle, shared settings), its
// environment from the stack, least-privilege IAM, the HTTP API and its logs.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { API_THROTTLE } from '../../../infra/stacks/api-stack.ts';
import { type Stages, type Statement, type SynthesisedStage, actionsOf, functionStatements, onlyResource } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

const apiStatements = () => functionStatements(prod, 'api', 'woonwijzer-prod-api');
const actions = actionsOf;

export function apiStackSuite(stages: () => Stages): void {
  describe('api stack', () => {
    beforeAll(() => {
      ({ dev, prod } = stages());
    });

    describe('the API function', () => {
      it('runs on arm64 with a Node.js 20+ runtime and an ESM bundle', () => {
        const fn = onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-api' });
        const props = fn.resource.Properties as { Runtime: string; Architectures: string[]; Handler: string };
        expect(props.Architectures).toEqual(['arm64']);
        expect(Number(/^nodejs(\d+)\.x$/.exec(props.Runtime)?.[1])).toBeGreaterThanOrEqual(20);
        expect(props.Handler).toBe('index.handler');
      });

      it('gets its environment from the stack', () => {
        prod.templates.api.hasResourceProperties('AWS::Lambda::Function', {
          FunctionName: 'woonwijzer-prod-api',
          Environment: {
            Variables: {
              STAGE: 'prod',
              TABLE_NAME: Match.anyValue(),
              SEARCH_ENGINE: 'opensearch',
              OPENSEARCH_URL: { 'Fn::Join': ['', ['https://', Match.anyValue()]] },
              OPENSEARCH_INDEX_PREFIX: 'woonwijzer-prod',
              AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
              NODE_OPTIONS: '--enable-source-maps',
            },
          },
        });
      });

      it('may only read table data: the public API never writes, whatever a route does', () => {
        const dynamo = apiStatements().flatMap(actions).filter((a) => a.startsWith('dynamodb:'));
        expect(dynamo).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
        expect(dynamo.filter((a) => /Put|Update|Delete|Write|Create|\*/.test(a))).toEqual([]);
      });

      it('may only search (GET and POST) the indexes of its stage', () => {
        const search = apiStatements().filter((s) => actions(s).some((a) => a.startsWith('es:')));
        expect(search).toHaveLength(1);
        expect(actions(search[0] as Statement).sort()).toEqual(['es:ESHttpGet', 'es:ESHttpPost']);
        expect(JSON.stringify(search[0]?.Resource)).toContain('/woonwijzer-prod*');
      });

      it('has no secret, photo or mail rights (those are the staff function\'s)', () => {
        const all = apiStatements().flatMap(actions);
        expect(all.filter((a) => /^(secretsmanager|s3|ses):/.test(a))).toEqual([]);
        expect(all.filter((a) => a.endsWith('*') && !a.startsWith('kms:'))).toEqual([]);
      });

      it('keeps its logs for the stage retention', () => {
        prod.templates.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
        dev.templates.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
        prod.templates.api.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
        dev.templates.api.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
      });
    });

    describe('the HTTP API', () => {
      it('sends every route to the function', () => {
        prod.templates.api.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
        prod.templates.api.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'woonwijzer-prod-api', ProtocolType: 'HTTP' });
        prod.templates.api.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: '$default' });
        prod.templates.api.hasResourceProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      });

      it('logs access and throttles on its default stage', () => {
        prod.templates.api.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
          StageName: '$default',
          AutoDeploy: true,
          DefaultRouteSettings: { ThrottlingRateLimit: API_THROTTLE.rateLimit, ThrottlingBurstLimit: API_THROTTLE.burstLimit },
          AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
        });
      });

      it('writes access-log lines with the route, never the path, query string or caller address', () => {
        for (const { templates } of [prod, dev]) {
          const stage = onlyResource(templates.api, 'AWS::ApiGatewayV2::Stage').resource.Properties as { AccessLogSettings: { Format: string } };
          // Exactly these fields: /api/postcodes/{postcode} ($context.path) and the query string
          // carry what the person typed, and the source IP identifies them.
          expect(JSON.parse(stage.AccessLogSettings.Format)).toEqual({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            httpMethod: '$context.httpMethod',
            routeKey: '$context.routeKey',
            status: '$context.status',
            responseLatency: '$context.responseLatency',
            responseLength: '$context.responseLength',
            integrationError: '$context.integrationErrorMessage',
          });
        }
      });
    });
  });
}
