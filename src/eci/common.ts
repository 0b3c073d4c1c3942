import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ContainerDefinition, RestartPolicy } from './container';
import { validateContainers } from './container-mapping';
import { AcrInstance, ImageRegistryCredential, validateRegistry } from './registry';
import { Volume } from './volume';
import { PropValidator, resolveToString } from '../core/validation';
import { ISecurityGroup } from '../security-group/interfaces';
import { IDualStackVpc } from '../vpc/interfaces';

const GROUP_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Checks an ECI container group name (2–128 lowercase letters, digits, hyphens). */
export function validateGroupName(v: PropValidator, prop: string, name: string | undefined): void {
  if (name === undefined || Token.isUnresolved(name)) return;
  if (name.length < 2 || name.length > 128 || !GROUP_NAME.test(name)) {
    v.add(prop, `'${name}' is not a valid container group name`, 'use 2–128 lowercase letters, digits and hyphens, starting and ending with a letter or digit');
  }
}

/**
 * A default container group name from the construct path: readable and unique in the app
 * (the path, lowercased, plus 8 hex digits of the construct's address).
 */
export function defaultGroupName(scope: IConstruct): string {
  const readable = scope.node.path.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 110).replace(/-+$/, '');
  return `${readable || 'eci'}-${scope.node.addr.slice(0, 8)}`;
}

/** Checks ECI sizing: either `instanceType(s)` or vCPU/memory, each a positive number. */
export function validateSizing(v: PropValidator, props: { cpu?: number; memory?: number }, instanceTypes: string[]): void {
  for (const key of ['cpu', 'memory'] as const) {
    const value = props[key];
    if (value !== undefined && !Token.isUnresolved(value) && !(Number.isFinite(value) && value > 0)) {
      v.add(key, `must be a finite number greater than 0, got ${value}`, `leave ${key} unset or give a positive number (${key === 'cpu' ? 'vCPUs' : 'GiB'})`);
    }
  }
  if (instanceTypes.length > 0 && (props.cpu !== undefined || props.memory !== undefined)) {
    v.add('instanceType', 'is set together with cpu/memory', 'size the group either by ECS instance type or by vCPU and memory, not both');
  }
  for (const t of instanceTypes) {
    if (!Token.isUnresolved(t) && !/^ecs\.[a-z0-9-]+\.[a-z0-9-]+$/.test(t.trim())) {
      v.add('instanceType', `'${t}' is not an ECS instance type`, "use names like 'ecs.g7.large' (see DescribeInstanceTypes)");
    }
  }
}

/** Splits `ecs.a.x,ecs.b.y` into its types (tokens are kept whole). */
export function splitInstanceTypes(value: string | undefined): string[] {
  if (value === undefined) return [];
  if (Token.isUnresolved(value)) return [value];
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * Whether two VPC IDs may be the same VPC. Literals are compared as they are; tokens are resolved to
 * their Terraform references (`${alicloud_vpc.A.id}` vs `${alicloud_vpc.B.id}` are two VPCs). A value
 * that cannot be resolved here counts as possibly the same.
 */
export function mayBeSameVpc(scope: IConstruct, a: string, b: string): boolean {
  if (a === b) return true;
  const ra = resolveToString(scope, a);
  const rb = resolveToString(scope, b);
  if (ra === undefined || rb === undefined) return true;
  const isRef = (x: string) => /^\$\{[^{}]+\}$/.test(x);
  // two literals, or two plain references, can be told apart; a literal vs a reference cannot
  if (isRef(ra) !== isRef(rb)) return true;
  return ra === rb;
}

/** Checks `restartPolicy` and `ipv6AddressCount` (a token cannot choose IPv6 at synth time). */
export function validateIpv6AndRestart(
  v: PropValidator, props: { ipv6AddressCount?: number; restartPolicy?: string }, allowedPolicies: string[],
): void {
  v.oneOf('restartPolicy', props.restartPolicy, allowedPolicies);
  v.check(props.ipv6AddressCount !== undefined && Token.isUnresolved(props.ipv6AddressCount), 'ipv6AddressCount',
    'is a token (unknown until apply), but it decides at synth time whether the group gets IPv6', 'pass a literal 0 or 1');
}

/** The props that ContainerGroup and ContainerGroupFleet share. */
interface GroupProps {
  readonly vpc: IDualStackVpc;
  readonly securityGroup: ISecurityGroup;
  readonly containers: ContainerDefinition[];
  readonly volumes?: Volume[];
  readonly containerGroupName?: string;
  readonly cpu?: number;
  readonly memory?: number;
  readonly ipv6AddressCount?: number;
  readonly restartPolicy?: RestartPolicy;
  readonly acrInstances?: AcrInstance[];
  readonly imageRegistryCredentials?: ImageRegistryCredential[];
  readonly ramRoleName?: string;
  readonly autoMatchImageCache?: boolean;
  readonly imageSnapshotId?: string;
}

/**
 * The checks ContainerGroup and ContainerGroupFleet share. Missing required props throw at once (JavaScript
 * callers have no compiler: they get an error naming the prop, not a TypeError further down); every other
 * problem is recorded on the returned validator, for the construct to add its own and throw them together.
 */
export function validateGroupProps(scope: IConstruct, constructName: string, props: GroupProps, instanceTypes: string[]): PropValidator {
  const required = new PropValidator(scope, constructName);
  required.check(!props.vpc, 'vpc', 'is missing', 'pass the VPC to run in, e.g. a DualStackVpc');
  required.check(!props.securityGroup, 'securityGroup', 'is missing', 'pass a SecurityGroup of the same VPC');
  required.check(!Array.isArray(props.containers), 'containers', 'is missing', "pass at least one container, e.g. [{ name: 'web', image: 'nginx:alpine' }]");
  required.throwIfAny();

  const v = new PropValidator(scope, constructName);
  validateContainers(v, 'containers', props.containers, props.volumes);
  validateRegistry(v, scope, props);
  validateGroupName(v, 'containerGroupName', props.containerGroupName);
  validateSizing(v, props, instanceTypes);
  v.integerInRange('ipv6AddressCount', props.ipv6AddressCount, 0, 1,
    'set ipv6AddressCount to 1 for an IPv6 address (one per ECI is the Alibaba limit) or 0 for none');
  validateIpv6AndRestart(v, props, Object.values(RestartPolicy));
  if (!mayBeSameVpc(scope, props.securityGroup.vpcId, props.vpc.vpcId)) {
    v.add('securityGroup', 'belongs to another VPC than vpc', 'use a security group created in the same VPC (new SecurityGroup(this, id, { vpc }))');
  }
  return v;
}
