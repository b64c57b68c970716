// The stage settings: what differs between dev and prod (sizes, removal policies, retention),
// read once from CDK context (`-c stage=prod`, see cdk.json for the defaults).
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { type Node } from 'constructs';

export const STAGES = ['dev', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

export interface SearchSizing {
  /** Data nodes; with zone awareness an even number spread over two availability zones. */
  readonly dataNodes: number;
  readonly instanceType: string;
  /** EBS gp3 volume per data node, GiB. */
  readonly volumeGiB: number;
  readonly zoneAwareness: boolean;
}

/** AWS WAF in front of the distribution (a CloudFront web ACL, so it lives in us-east-1). */
export interface WafSettings {
  /**
   * Requests one IP address may send to /api/* in any five minutes before WAF answers 429 for the
   * rest of the window. A person using the site sends a few dozen; a school or care home behind
   * one address a few hundred.
   */
  readonly apiRequestsPer5Minutes: number;
}

/** CloudFront takes web ACLs (and certificates) from this region only. */
export const EDGE_REGION = 'us-east-1';

export interface StageConfig {
  readonly stage: Stage;
  readonly region: string;
  /** Undefined offline: the stacks synthesise account-agnostic and `cdk deploy` fills it in. */
  readonly account: string | undefined;
  /** The Astro build output uploaded to the site bucket. */
  readonly siteDist: string;
  /** The domain SES sends from (verified by DKIM records the operator adds to DNS). */
  readonly emailDomain: string;
  /**
   * Verified recipient addresses the staff function may mail while the account is in the SES
   * sandbox: there SES also checks ses:SendEmail on each recipient's identity. Empty once the
   * account has production access.
   */
  readonly sesSandboxRecipients: readonly string[];
  /** The site's own domain once attached to the distribution (docs/deploy.md); its origin may use the staff API. */
  readonly siteDomain: string | undefined;
  /** Optional address subscribed to the alarm topic. */
  readonly alarmEmail: string | undefined;
  /** Stateful resources: kept on stack deletion in prod, removed with the stack in dev. */
  readonly statefulRemovalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
  readonly terminationProtection: boolean;
  readonly logRetention: RetentionDays;
  readonly search: SearchSizing;
  readonly waf: WafSettings;
  /** Yellow means unassigned replicas: normal on a single node, so only alarmed on a cluster. */
  readonly alarmOnSearchYellow: boolean;
}

const PER_STAGE: Record<Stage, Omit<StageConfig, 'stage' | 'region' | 'account' | 'siteDist' | 'emailDomain' | 'sesSandboxRecipients' | 'siteDomain' | 'alarmEmail'>> = {
  dev: {
    statefulRemovalPolicy: RemovalPolicy.DESTROY,
    deletionProtection: false,
    terminationProtection: false,
    logRetention: RetentionDays.ONE_WEEK,
    search: { dataNodes: 1, instanceType: 't3.small.search', volumeGiB: 10, zoneAwareness: false },
    waf: { apiRequestsPer5Minutes: 1000 },
    alarmOnSearchYellow: false,
  },
  prod: {
    statefulRemovalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
    terminationProtection: true,
    logRetention: RetentionDays.THREE_MONTHS,
    // A region is a few thousand documents; this holds the whole country. Grow by context
    // (searchInstanceType, searchDataNodes, searchVolumeGiB) without touching code.
    search: { dataNodes: 2, instanceType: 't3.medium.search', volumeGiB: 20, zoneAwareness: true },
    waf: { apiRequestsPer5Minutes: 1000 },
    alarmOnSearchYellow: true,
  },
};

function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

function optionalString(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context "${key}" must be a string.`);
  return value;
}

function optionalNumber(node: Node, key: string): number | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`Context "${key}" must be a positive whole number.`);
  return n;
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const EMAIL_ADDRESS = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;

/** A comma-separated list from context (or a JSON list in cdk.json), each item checked. */
function optionalList(node: Node, key: string, valid: RegExp): string[] {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : undefined;
  if (!items) throw new Error(`Context "${key}" must be a comma-separated string or a list.`);
  return items.map((item) => {
    const text = String(item).trim();
    if (!valid.test(text)) throw new Error(`Context "${key}": "${text}" is not valid.`);
    return text;
  });
}

function optionalHostName(node: Node, key: string): string | undefined {
  const value = optionalString(node, key);
  if (value !== undefined && !HOST_NAME.test(value)) throw new Error(`Context "${key}" must be a host name such as woonwijzer.nl, not "${value}".`);
  return value;
}

/** Reads the stage settings from context; throws on an unknown stage rather than guessing. */
export function readStageConfig(node: Node, env: Record<string, string | undefined> = process.env): StageConfig {
  const stage: unknown = node.tryGetContext('stage') ?? 'dev';
  if (!isStage(stage)) throw new Error(`Unknown stage "${String(stage)}": use -c stage=${STAGES.join(' or -c stage=')}.`);
  const base = PER_STAGE[stage];
  const search: SearchSizing = {
    ...base.search,
    instanceType: optionalString(node, 'searchInstanceType') ?? base.search.instanceType,
    dataNodes: optionalNumber(node, 'searchDataNodes') ?? base.search.dataNodes,
    volumeGiB: optionalNumber(node, 'searchVolumeGiB') ?? base.search.volumeGiB,
  };
  if (search.zoneAwareness && search.dataNodes % 2 !== 0) {
    throw new Error(`With zone awareness over two zones the number of search nodes must be even, not ${search.dataNodes}.`);
  }
  // WAF's own bounds for a rate-based rule over five minutes.
  const apiRequestsPer5Minutes = optionalNumber(node, 'wafApiRequestsPer5Minutes') ?? base.waf.apiRequestsPer5Minutes;
  if (apiRequestsPer5Minutes < 10 || apiRequestsPer5Minutes > 2_000_000_000) {
    throw new Error(`Context "wafApiRequestsPer5Minutes" must be between 10 and 2000000000, not ${apiRequestsPer5Minutes}.`);
  }
  return {
    ...base,
    stage,
    search,
    waf: { apiRequestsPer5Minutes },
    region: optionalString(node, 'region') ?? 'eu-west-1',
    account: env.CDK_DEFAULT_ACCOUNT,
    siteDist: optionalString(node, 'siteDist') ?? 'site/dist',
    emailDomain: optionalString(node, 'emailDomain') ?? (stage === 'prod' ? 'woonwijzer.nl' : 'dev.woonwijzer.nl'),
    sesSandboxRecipients: optionalList(node, 'sesSandboxRecipients', EMAIL_ADDRESS),
    siteDomain: optionalHostName(node, 'siteDomain'),
    alarmEmail: optionalString(node, 'alarmEmail'),
  };
}
