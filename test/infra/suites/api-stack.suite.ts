// API: the public and the staff Hono apps as NodejsFunctions (arm64, Node 20+, ESM bundle, shared
// settings), their environment from the stack, least-privilege IAM (the public one reads, the
// staff one writes, reads its secret and mails), the HTTP API's routing between them and its logs.
import { beforeAll, describe, expect, it } from 'vitest';
import { Match } from 'aws-cdk-lib/assertions';
import { STAFF_PATH_PREFIXES } from '../../../functions/api/staff/paths.ts';
import { REQUEST_DEADLINE_MS } from '../../../functions/api/limits.ts';
import { API_THROTTLE } from '../../../infra/stacks/api-stack.ts';
import { ARM64_NPMRC, externalsOf, LAMBDA_NODE_MODULES } from '../../../infra/bundling.ts';
import { type Stages, type Statement, type SynthesisedStage, actionsOf, functionStatements, onlyResource, synthStage } from '../synth-stage.ts';

let dev: SynthesisedStage;
let prod: SynthesisedStage;

const apiStatements = () => functionStatements(prod, 'api', 'woonwijzer-prod-api');
const staffStatements = (stage: SynthesisedStage = prod) => functionStatements(stage, 'api', `woonwijzer-${stage.config.stage}-staff`);
const actions = actionsOf;

/**
 * The DynamoDB actions that change items. A TransactWriteItems call is authorised by the item
 * actions inside it (and ConditionCheckItem); the action is listed too, so a grant of it would show.
 */
const TABLE_WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:TransactWriteItems'];

/** The longest an HTTP API waits for an integration (API Gateway's quota, not adjustable). */
const HTTP_API_MAX_INTEGRATION_MS = 30_000;

/** The logical id of the Lambda function a route's integration invokes. */
function routeTargets(stage: SynthesisedStage): Record<string, string> {
  const resources = stage.templates.api.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
  const functionOf = (integrationId: string) => (resources[integrationId]?.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const logicalIdOf = (name: string) => onlyResource(stage.templates.api, 'AWS::Lambda::Function', { FunctionName: name }).logicalId;
  const names = { [logicalIdOf(`woonwijzer-${stage.config.stage}-api`)]: 'public', [logicalIdOf(`woonwijzer-${stage.config.stage}-staff`)]: 'staff' };
  return Object.fromEntries(
    Object.values(resources)
      .filter((r) => r.Type === 'AWS::ApiGatewayV2::Route')
      .map((r) => {
        const target = (r.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] })['Fn::Join'][1][1].Ref;
        return [r.Properties.RouteKey as string, names[functionOf(target)] ?? functionOf(target)];
      }),
  );
}

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

      it('may only read the listings: its one write is adding to the demand counters of the statistics table', () => {
        const dynamo = apiStatements().flatMap(actions).filter((a) => a.startsWith('dynamodb:'));
        expect(dynamo).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
        expect(dynamo.filter((a) => /Put|Update|Delete|Write|Create|\*/.test(a))).toEqual(['dynamodb:UpdateItem']);
        const counting = apiStatements().filter((s) => actions(s).includes('dynamodb:UpdateItem'));
        expect(counting).toHaveLength(1);
        expect(actions(counting[0] as Statement)).toEqual(['dynamodb:UpdateItem']);
        expect(JSON.stringify(counting[0]?.Resource)).toContain('StatisticsTable');
      });

      it('may only search (GET and POST) the indexes of its stage', () => {
        const search = apiStatements().filter((s) => actions(s).some((a) => a.startsWith('es:')));
        expect(search).toHaveLength(1);
        expect(actions(search[0] as Statement).sort()).toEqual(['es:ESHttpGet', 'es:ESHttpPost']);
        expect(JSON.stringify(search[0]?.Resource)).toContain('/woonwijzer-prod*');
      });

      it('has no secret, photo or mail rights (those are the staff function\'s)', () => {
        const all = apiStatements().flatMap(actions);
        expect(all.filter((a) => /^(secretsmanager|s3|ses|ssm):/.test(a))).toEqual([]);
        expect(all.filter((a) => a.endsWith('*') && !a.startsWith('kms:'))).toEqual([]);
      });

      it('may change no listing item: of PutItem, UpdateItem, DeleteItem, BatchWriteItem, TransactWriteItems only UpdateItem on the counters, in either stage', () => {
        for (const stage of [prod, dev]) {
          const statements = functionStatements(stage, 'api', `woonwijzer-${stage.config.stage}-api`);
          const writing = statements.filter((s) => actions(s).some((a) => TABLE_WRITES.includes(a) || a === 'dynamodb:*'));
          expect(writing.flatMap(actions)).toEqual(['dynamodb:UpdateItem']);
          expect(JSON.stringify(writing[0]?.Resource)).toContain('StatisticsTable');
        }
      });

      it('keeps its logs for the stage retention', () => {
        prod.templates.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
        dev.templates.api.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
        prod.templates.api.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
        dev.templates.api.allResources('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
      });
    });

    describe('the dossier table', () => {
      const dossierIds = () => [
        onlyResource(prod.templates.data, 'AWS::DynamoDB::Table', { TableName: 'woonwijzer-prod-dossiers' }).logicalId,
        onlyResource(prod.templates.data, 'AWS::KMS::Key', { Description: Match.stringLikeRegexp('woonwijzer-prod-dossiers ') }).logicalId,
      ];

      it('is named to the staff function, which may read and write its items through its key', () => {
        const [tableId, keyId] = dossierIds() as [string, string];
        const fn = onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-staff' });
        expect(JSON.stringify((fn.resource.Properties as { Environment: { Variables: Record<string, unknown> } }).Environment.Variables.DOSSIER_TABLE_NAME))
          .toContain(tableId);
        const onDossiers = staffStatements().filter((s) => JSON.stringify(s.Resource).includes(tableId));
        expect(onDossiers.flatMap(actions)).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:ConditionCheckItem']));
        const onKey = staffStatements().filter((s) => JSON.stringify(s.Resource).includes(keyId));
        expect(onKey.flatMap(actions)).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt']));
      });

      it('is out of reach of every other function: the public API, the indexer, the reindex task and the reminders have no right on it or its key', () => {
        const others = [
          functionStatements(prod, 'api', 'woonwijzer-prod-api'),
          functionStatements(prod, 'search', 'woonwijzer-prod-indexer'),
          functionStatements(prod, 'search', 'woonwijzer-prod-reindex'),
          functionStatements(prod, 'api', 'woonwijzer-prod-remind'),
        ];
        for (const statements of others) {
          expect(statements.length).toBeGreaterThan(0);
          const text = JSON.stringify(statements);
          for (const id of dossierIds()) expect(text).not.toContain(id);
          expect(text).not.toMatch(/dossier/i);
        }
        for (const name of ['woonwijzer-prod-api', 'woonwijzer-prod-remind']) {
          const fn = onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: name });
          expect(JSON.stringify(fn.resource.Properties)).not.toMatch(/DOSSIER/);
        }
      });
    });

    describe('the staff function', () => {
      it('runs the staff entry on arm64 with the shared settings', () => {
        const fn = onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-staff' });
        const props = fn.resource.Properties as { Runtime: string; Architectures: string[]; Handler: string; TracingConfig: unknown };
        expect(props.Architectures).toEqual(['arm64']);
        const publicFn = onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-api' });
        expect(props.Runtime).toBe((publicFn.resource.Properties as { Runtime: string }).Runtime);
        expect(props.TracingConfig).toEqual({ Mode: 'Active' });
      });

      it('gets the table, the sender, the secret and the origins parameter from the stack, and the extension to read them', () => {
        const secret = onlyResource(prod.templates.data, 'AWS::SecretsManager::Secret');
        const fn = onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-staff' });
        const props = fn.resource.Properties as { Environment: { Variables: Record<string, unknown> }; Layers: unknown[] };
        expect(props.Environment.Variables).toMatchObject({
          STAGE: 'prod',
          TABLE_NAME: expect.anything(),
          // The prod stage is synthesised with emailDomain mail.example.nl.
          MAIL_FROM: 'Woonwijzer <noreply@mail.example.nl>',
          SITE_ORIGINS_PARAMETER: '/woonwijzer/prod/site-origins',
        });
        expect(JSON.stringify(props.Environment.Variables.AUTH_SECRET_ID)).toContain(`PublishOutputRef${secret.logicalId}`);
        // No search: the stream indexer carries its changes to OpenSearch.
        expect(props.Environment.Variables).not.toHaveProperty('OPENSEARCH_URL');
        expect(JSON.stringify(props.Layers)).toMatch(/:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:\d+/);
      });

      it('may read and write table items, and nothing else of the table', () => {
        const dynamo = staffStatements().flatMap(actions).filter((a) => a.startsWith('dynamodb:'));
        expect(dynamo).toEqual(expect.arrayContaining(['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem', 'dynamodb:Query']));
        expect(dynamo.filter((a) => /Create|DeleteTable|UpdateTable|\*$/.test(a))).toEqual([]);
        expect(staffStatements().flatMap(actions)).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']));
      });

      it('may read the server secret, and only that secret', () => {
        const secret = onlyResource(prod.templates.data, 'AWS::SecretsManager::Secret');
        const grants = staffStatements().filter((s) => actions(s).some((a) => a.startsWith('secretsmanager:')));
        expect(grants).toHaveLength(1);
        expect(actions(grants[0] as Statement).sort()).toEqual(['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue']);
        expect(JSON.stringify(grants[0]?.Resource)).toContain(`PublishOutputRef${secret.logicalId}`);
      });

      it('may read the site origins parameter, and only that parameter', () => {
        const grants = staffStatements().filter((s) => actions(s).some((a) => a.startsWith('ssm:')));
        expect(grants.map((g) => [actions(g), JSON.stringify(g.Resource)])).toEqual([[['ssm:GetParameter'], expect.stringMatching(/:parameter\/woonwijzer\/prod\/site-origins"\]\]\}$/)]]);
      });

      it('may send mail as the stage\'s SES identity only (SendEmail, no other SES action)', () => {
        const grants = staffStatements().filter((s) => actions(s).some((a) => a.startsWith('ses:')));
        expect(grants.flatMap(actions)).toEqual(['ses:SendEmail']);
        expect(JSON.stringify(grants.map((g) => g.Resource))).toMatch(/^\[\{"Fn::Join":\["",\["arn:aws:ses:eu-west-1:",\{"Ref":"AWS::AccountId"\},":identity\/mail\.example\.nl"\]\]\}\]$/);
        // Dev: its own domain.
        expect(JSON.stringify(staffStatements(dev).filter((s) => actions(s).includes('ses:SendEmail')).map((g) => g.Resource))).toContain(':identity/dev.woonwijzer.nl"');
      });

      it('may also mail the verified recipients named for the SES sandbox, when context names them', { timeout: 120_000 }, () => {
        const sandbox = synthStage('dev', { sesSandboxRecipients: 'tester@example.nl, beheer@example.nl' });
        const resources = JSON.stringify(staffStatements(sandbox).filter((s) => actions(s).includes('ses:SendEmail')).map((g) => g.Resource));
        for (const identity of ['dev.woonwijzer.nl', 'tester@example.nl', 'beheer@example.nl']) expect(resources).toContain(`:identity/${identity}"`);
      });

      it('has no search or wildcard rights', () => {
        const all = staffStatements().flatMap(actions);
        expect(all.filter((a) => /^es:/.test(a))).toEqual([]);
        expect(all.filter((a) => a.endsWith('*') && !a.startsWith('kms:'))).toEqual([]);
      });

      it('may sign photo uploads only into incoming/, and writes web sizes under photos/ by its own requests only', () => {
        const photo = staffStatements().filter((s) => actions(s).some((a) => a.startsWith('s3:')));
        const prefixOf = (s: Statement) => /\/(incoming|photos)\/\*"/.exec(JSON.stringify(s.Resource))?.[1];
        // Nothing on the bucket itself or on all its objects: no list, no configuration, no other prefix.
        expect(photo.map(prefixOf).sort()).toEqual(['incoming', 'photos']);
        const incoming = photo.find((s) => prefixOf(s) === 'incoming') as Statement;
        expect(actions(incoming).sort()).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject']);
        const webSizes = photo.find((s) => prefixOf(s) === 'photos') as Statement & { Condition?: unknown };
        expect(actions(webSizes).sort()).toEqual(['s3:DeleteObject', 's3:PutObject']);
        // A presigned address authenticates by query string: refused for photos/.
        expect(webSizes.Condition).toEqual({ StringEquals: { 's3:authType': 'REST-HEADER' } });
        expect(onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-staff' }).resource)
          .toMatchObject({ Properties: { Environment: { Variables: { PHOTOS_BUCKET: expect.anything() } } } });
      });

      it('gets sharp as a node module installed for arm64 Linux, outside its bundle', () => {
        expect(LAMBDA_NODE_MODULES.staff).toEqual(['sharp']);
        expect(externalsOf('staff')).toContain('sharp');
        expect(ARM64_NPMRC.split('\n').filter(Boolean)).toEqual(['os=linux', 'cpu=arm64', 'libc=glibc']);
        expect(LAMBDA_NODE_MODULES.api).toBeUndefined();
      });

      it('logs into a log group of its own, kept for the stage retention', () => {
        const fn = onlyResource(prod.templates.api, 'AWS::Lambda::Function', { FunctionName: 'woonwijzer-prod-staff' });
        const logGroup = (fn.resource.Properties as { LoggingConfig: { LogGroup: { Ref: string } } }).LoggingConfig.LogGroup.Ref;
        expect(prod.templates.api.toJSON().Resources[logGroup]).toMatchObject({ Properties: { RetentionInDays: 90 }, DeletionPolicy: 'Retain' });
      });
    });

    describe('the HTTP API', () => {
      it('sends each staff prefix, and everything below it, to the staff function and every other path to the public one', () => {
        prod.templates.api.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
        prod.templates.api.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'woonwijzer-prod-api', ProtocolType: 'HTTP' });
        prod.templates.api.allResourcesProperties('AWS::ApiGatewayV2::Integration', { IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
        for (const stage of [prod, dev]) {
          expect(routeTargets(stage)).toEqual({
            $default: 'public',
            ...Object.fromEntries(STAFF_PATH_PREFIXES.flatMap((p) => [[`ANY ${p}`, 'staff'], [`ANY ${p}/{proxy+}`, 'staff']])),
          });
        }
        expect(STAFF_PATH_PREFIXES).toEqual(expect.arrayContaining(['/api/auth', '/api/provider', '/api/staff']));
      });

      it('gets an answer from each function before its own limit: function timeouts sit below it, above the API\'s deadline', () => {
        for (const stage of [prod, dev]) {
          const resources = stage.templates.api.toJSON().Resources as Record<string, { Type: string; Properties: Record<string, unknown> }>;
          const integrations = Object.values(resources).filter((r) => r.Type === 'AWS::ApiGatewayV2::Integration');
          expect(integrations.length).toBe(2);
          for (const integration of integrations) {
            // An HTTP API waits at most 30 s for an integration (its default when none is set).
            const limitMs = (integration.Properties.TimeoutInMillis as number | undefined) ?? HTTP_API_MAX_INTEGRATION_MS;
            expect(limitMs).toBeLessThanOrEqual(HTTP_API_MAX_INTEGRATION_MS);
            const target = (integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
            const timeoutS = resources[target]?.Properties.Timeout as number;
            // Below: a stalled function ends (and is logged as a timeout) before the gateway gives up with a bare 503.
            expect(timeoutS * 1000, target).toBeLessThan(limitMs);
            // Above: the public API answers 503 with Retry-After by its own deadline, before Lambda cuts it off.
            expect(timeoutS * 1000, target).toBeGreaterThan(REQUEST_DEADLINE_MS);
          }
        }
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
