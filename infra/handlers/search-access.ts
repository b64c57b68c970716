// CloudFormation custom resource (behind the CDK Provider framework): creates an OpenSearch
// fine-grained-access role and maps one IAM role onto it. It runs as the domain's IAM master
// role, the only identity allowed to change the security configuration.
import type { CloudFormationCustomResourceEvent } from 'aws-lambda';
import { Client } from '@opensearch-project/opensearch';
import { AwsSigv4Signer } from '@opensearch-project/opensearch/aws-v3';
import { lambdaHandler } from '../../functions/platform/lambda-handler.ts';
import { errorSummary, log } from '../../functions/platform/log.ts';

/** The resource's properties, as set by infra/constructs/search-access.ts (strings on the wire). */
export interface SearchRoleProperties {
  readonly Endpoint: string;
  readonly RoleName: string;
  readonly BackendRoles: string[];
  readonly ClusterPermissions: string[];
  readonly IndexPatterns: string[];
  readonly AllowedActions: string[];
  /** Narrower grants on named indexes (the stream indexer's first index), if any. */
  readonly FirstIndexPatterns?: string[];
  readonly FirstIndexActions?: string[];
}

interface ProviderResponse {
  PhysicalResourceId: string;
  Data?: Record<string, string>;
}

function clientFor(endpoint: string): Client {
  return new Client({
    ...AwsSigv4Signer({ region: process.env.AWS_REGION ?? 'eu-west-1', service: 'es' }),
    node: endpoint,
  });
}

async function putRole(client: Client, props: SearchRoleProperties): Promise<void> {
  await client.security.createRole({
    role: props.RoleName,
    body: {
      cluster_permissions: props.ClusterPermissions,
      index_permissions: [
        { index_patterns: props.IndexPatterns, allowed_actions: props.AllowedActions },
        ...(props.FirstIndexPatterns?.length && props.FirstIndexActions?.length
          ? [{ index_patterns: props.FirstIndexPatterns, allowed_actions: props.FirstIndexActions }]
          : []),
      ],
    },
  });
  await client.security.createRoleMapping({ role: props.RoleName, body: { backend_roles: props.BackendRoles } });
}

async function deleteRole(client: Client, roleName: string): Promise<void> {
  // Best effort: on teardown the domain may already be gone, and a failing delete would leave
  // the stack stuck in DELETE_FAILED. What is left behind disappears with the domain.
  for (const remove of [() => client.security.deleteRoleMapping({ role: roleName }), () => client.security.deleteRole({ role: roleName })]) {
    try {
      await remove();
    } catch (error) {
      log.warn('search role cleanup failed', { roleName, error: errorSummary(error) });
    }
  }
}

export const handler = lambdaHandler(async (event: CloudFormationCustomResourceEvent): Promise<ProviderResponse> => {
  const props = event.ResourceProperties as unknown as SearchRoleProperties;
  const client = clientFor(props.Endpoint);
  if (event.RequestType === 'Delete') {
    await deleteRole(client, event.PhysicalResourceId);
    return { PhysicalResourceId: event.PhysicalResourceId };
  }
  // Create and Update both PUT the whole role and mapping (idempotent). A renamed role gets a new
  // physical id, so CloudFormation deletes the old one afterwards.
  await putRole(client, props);
  return { PhysicalResourceId: props.RoleName, Data: { RoleName: props.RoleName } };
}, { correlationId: (event) => event.RequestId });
