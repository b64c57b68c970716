// Fine-grained access to the search domain for one function: the IAM permissions (which HTTP
// methods on which index paths) and the matching OpenSearch role, mapped to the function's role
// by a custom resource. Both layers say the same thing, so neither can be the loose one.
import { ArnFormat, CustomResource, Duration, Stack } from 'aws-cdk-lib';
import { Grant, type IRole } from 'aws-cdk-lib/aws-iam';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { type IDomain } from 'aws-cdk-lib/aws-opensearchservice';
import { Provider } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import { entryPath } from '../bundling.ts';
import { aliasName, firstVersionName } from '../../functions/search/opensearch/index-names.ts';
import { type StageConfig } from '../config.ts';
import { resourceName } from '../naming.ts';
import { acknowledge, nagResource } from '../nag.ts';
import { acknowledgeTracing, executionRole, lambdaSettings, stageLogGroup } from './lambda-settings.ts';

export type SearchHttpAction = 'es:ESHttpGet' | 'es:ESHttpHead' | 'es:ESHttpPost' | 'es:ESHttpPut' | 'es:ESHttpDelete';

/** What one kind of caller may do, in IAM terms and in OpenSearch terms. */
export interface SearchAccessLevel {
  /** IAM: HTTP methods allowed on the index paths (`<domain>/<prefix>*`). */
  readonly httpActions: SearchHttpAction[];
  /** IAM: extra root paths, e.g. `_bulk`. */
  readonly rootPaths: string[];
  /** OpenSearch security plugin: cluster-level action groups. */
  readonly clusterPermissions: string[];
  /** OpenSearch security plugin: index-level action groups on the prefix. */
  readonly indexActions: string[];
  /**
   * OpenSearch security plugin: actions allowed only on the first index version and its alias
   * (`<prefix>-housing-forms-v0`, `<prefix>-housing-forms`), not on the whole prefix.
   */
  readonly firstIndexActions?: string[];
}

export const SEARCH_ACCESS = {
  /** The API searches and reads documents, nothing else. */
  read: {
    httpActions: ['es:ESHttpGet', 'es:ESHttpPost'],
    rootPaths: [],
    clusterPermissions: ['cluster_composite_ops_ro'],
    indexActions: ['read'],
  },
  /**
   * The stream indexer upserts and deletes documents (POST /_bulk, deletes included). Its one
   * index operation: creating the first version with the alias when a new deployment has none
   * (PUT /<prefix>-housing-forms-v0). The security plugin asks `indices:admin/aliases` for a
   * create-index request that names an alias, so that right is granted on those two names only:
   * the indexer cannot move the alias to another version, delete an index or change settings.
   */
  write: {
    httpActions: ['es:ESHttpPost', 'es:ESHttpPut'],
    rootPaths: ['_bulk'],
    clusterPermissions: ['cluster_composite_ops'],
    indexActions: ['crud'],
    firstIndexActions: ['create_index', 'indices:admin/aliases'],
  },
  /** The reindex task also creates, replaces and aliases indexes. */
  manage: {
    httpActions: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost', 'es:ESHttpPut', 'es:ESHttpDelete'],
    rootPaths: ['_bulk', '_aliases'],
    clusterPermissions: ['cluster_composite_ops', 'cluster_monitor'],
    indexActions: ['crud', 'manage'],
  },
} as const satisfies Record<string, SearchAccessLevel>;

/** The function that applies role mappings, running as the domain's master role. */
export class SearchAccessProvider extends Construct {
  readonly serviceToken: string;

  constructor(scope: Construct, id: string, props: { config: StageConfig; masterRole: IRole }) {
    super(scope, id);
    const settings = lambdaSettings(props.config);
    const logGroup = stageLogGroup(this, 'Logs', props.config);
    const handler = new NodejsFunction(this, 'Handler', {
      ...settings,
      functionName: resourceName(props.config.stage, 'search-access'),
      description: 'Maps IAM roles to OpenSearch fine-grained-access roles (custom resource).',
      entry: entryPath('searchAccess'),
      role: props.masterRole,
      timeout: Duration.minutes(1),
      logGroup,
    });
    acknowledgeTracing(handler);
    logGroup.grantWrite(props.masterRole);
    const providerLogs = stageLogGroup(this, 'ProviderLogs', props.config);
    const providerRole = executionRole(this, 'ProviderRole', providerLogs);
    this.serviceToken = new Provider(this, 'Provider', { onEventHandler: handler, logGroup: providerLogs, frameworkOnEventRole: providerRole }).serviceToken;
    acknowledge(
      providerRole,
      'IAM5',
      'CDK\'s provider framework may invoke the handler function and its versions (<function ARN>:*), that one function only.',
      [`Resource::${nagResource(this, `${handler.functionArn}:*`)}`],
    );
  }
}

export interface SearchAccessProps {
  readonly config: StageConfig;
  readonly domain: IDomain;
  /** The domain's fixed name: the IAM grant is built from it in the caller's own stack. */
  readonly domainName: string;
  /** `https://` + the domain endpoint. */
  readonly endpointUrl: string;
  readonly indexPrefix: string;
  readonly serviceToken: string;
  /** The caller's execution role. */
  readonly role: IRole;
  /** Names the OpenSearch role: `woonwijzer-<stage>-<caller>`. */
  readonly caller: string;
  readonly level: SearchAccessLevel;
}

/** Grants one caller its level of access, in IAM and in the domain's security plugin. */
export class SearchAccess extends Construct {
  readonly resource: CustomResource;

  constructor(scope: Construct, id: string, props: SearchAccessProps) {
    super(scope, id);
    const { domain, indexPrefix, level } = props;
    // Formatted from the fixed name rather than read from the domain, so the grant reads the same
    // in every stack (no cross-stack token) and its wildcard can be acknowledged exactly.
    const path = (subPath: string) =>
      Stack.of(this).formatArn({ service: 'es', resource: 'domain', resourceName: `${props.domainName}/${subPath}`, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    const indexes = path(`${indexPrefix}*`);
    Grant.addToPrincipal({
      grantee: props.role,
      actions: [...level.httpActions],
      resourceArns: [indexes, ...level.rootPaths.map(path)],
    });
    acknowledge(
      props.role,
      'IAM5',
      `Index names are versioned (${firstVersionName(indexPrefix)}, then -v1, ...) behind an alias; the grant covers this stage's ` +
        `indexes (${indexPrefix}*) and only the HTTP methods of this caller, and the domain's security plugin checks the same again.`,
      [`Resource::${nagResource(this, indexes)}`],
    );
    this.resource = new CustomResource(this, 'RoleMapping', {
      serviceToken: props.serviceToken,
      resourceType: 'Custom::SearchRoleMapping',
      properties: {
        Endpoint: props.endpointUrl,
        RoleName: resourceName(props.config.stage, props.caller),
        BackendRoles: [props.role.roleArn],
        ClusterPermissions: [...level.clusterPermissions],
        IndexPatterns: [`${indexPrefix}*`],
        AllowedActions: [...level.indexActions],
        ...(level.firstIndexActions
          ? { FirstIndexPatterns: [firstVersionName(indexPrefix), aliasName(indexPrefix)], FirstIndexActions: [...level.firstIndexActions] }
          : {}),
      },
    });
    // The mapping is useless before the domain (and its access policy) exists.
    if (Stack.of(this) === Stack.of(domain)) this.resource.node.addDependency(domain);
  }
}
