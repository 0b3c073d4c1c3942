import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ContainerDefinition, Probe, RestartPolicy } from './container';
import { validateContainers } from './container-mapping';
import { AcrInstance, ImageRegistryCredential, validateRegistry } from './registry';
import { Volume } from './volume';
import { PropValidator, quote, resolveToString, SECURITY_GROUP_MEMBERS, VPC_MEMBERS } from '../core/validation';
import { ISecurityGroup } from '../security-group/interfaces';
import { IDualStackVpc } from '../vpc/interfaces';

const GROUP_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Checks an ECI container group name (2–128 lowercase letters, digits, hyphens). */
export function validateGroupName(v: PropValidator, prop: string, name: string | undefined): void {
  if (name === undefined || Token.isUnresolved(name)) return;
  if (name.length < 2 || name.length > 128 || !GROUP_NAME.test(name)) {
    v.add(prop, `${quote(name)} is not a valid container group name`, 'use 2–128 lowercase letters, digits and hyphens, starting and ending with a letter or digit');
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

/**
 * Checks ECI sizing: either `instanceType(s)` or vCPU/memory, each a positive number. `typesProp` is the
 * prop that names the types: `instanceType` (one string, comma-separated) or `instanceTypes` (a list).
 */
export function validateSizing(v: PropValidator, props: { cpu?: number; memory?: number }, instanceTypes: string[], typesProp = 'instanceType'): void {
  for (const key of ['cpu', 'memory'] as const) {
    const value = props[key];
    if (value !== undefined && !Token.isUnresolved(value) && !(Number.isFinite(value) && value > 0)) {
      v.add(key, `must be a finite number greater than 0, got ${value}`, `leave ${key} unset or give a positive number (${key === 'cpu' ? 'vCPUs' : 'GiB'})`);
    }
  }
  if (instanceTypes.length > 0 && (props.cpu !== undefined || props.memory !== undefined)) {
    v.add(typesProp, 'is set together with cpu/memory', 'size the group either by ECS instance type or by vCPU and memory, not both');
  }
  instanceTypes.forEach((t, i) => {
    if (!Token.isUnresolved(t) && !/^ecs\.[a-z0-9-]+\.[a-z0-9-]+$/.test(t.trim())) {
      v.add(typesProp === 'instanceType' ? typesProp : `${typesProp}[${i}]`, `${quote(t)} is not an ECS instance type`, "use names like 'ecs.g7.large' (see DescribeInstanceTypes)");
    }
  });
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
export function validateGroupProps(scope: IConstruct, constructName: string, props: GroupProps, instanceTypes: string[], typesProp = 'instanceType'): PropValidator {
  const required = new PropValidator(scope, constructName);
  required.check(!props.vpc, 'vpc', 'is missing', 'pass the VPC to run in, e.g. a DualStackVpc');
  required.check(!props.securityGroup, 'securityGroup', 'is missing', 'pass a SecurityGroup of the same VPC');
  required.check(!Array.isArray(props.containers), 'containers', 'is missing', "pass at least one container, e.g. [{ name: 'web', image: 'nginx:alpine' }]");
  required.throwIfAny();

  const v = new PropValidator(scope, constructName);
  validateContainers(v, 'containers', props.containers, props.volumes);
  validateRegistry(v, scope, props);
  validateGroupName(v, 'containerGroupName', props.containerGroupName);
  validateSizing(v, props, instanceTypes, typesProp);
  v.integerInRange('ipv6AddressCount', props.ipv6AddressCount, 0, 1,
    'set ipv6AddressCount to 1 for an IPv6 address (one per ECI is the Alibaba limit) or 0 for none');
  validateIpv6AndRestart(v, props, Object.values(RestartPolicy));
  if (!mayBeSameVpc(scope, props.securityGroup.vpcId, props.vpc.vpcId)) {
    v.add('securityGroup', 'belongs to another VPC than vpc', 'use a security group created in the same VPC (new SecurityGroup(this, id, { vpc }))');
  }
  return v;
}

// ---------------------------------------------------------------------------------------------------------
// Type checks (JavaScript callers and jsii bindings can pass anything): before any other check.
// ---------------------------------------------------------------------------------------------------------

const CONTAINER_EXAMPLE = "{ name: 'web', image: 'nginx:alpine' }";

/**
 * Checks the types of a ContainerGroup's or ContainerGroupFleet's props, the shared ones and (with `own`) the
 * construct's own, at any depth, and throws them together. `vpc`, `securityGroup` and `containers` left
 * unset are for `validateGroupProps` to report.
 */
export function checkGroupPropTypes(
  scope: IConstruct, constructName: string, props: unknown, own: (v: PropValidator, props: Record<string, unknown>) => void,
): void {
  const v = new PropValidator(scope, constructName);
  if (v.isObject('props', props, { required: true, example: `{ vpc, securityGroup, containers: [${CONTAINER_EXAMPLE}] }` })) {
    const set = (x: unknown) => x !== undefined && x !== null;
    if (set(props.vpc)) v.isReference('vpc', props.vpc, VPC_MEMBERS, 'a VPC (IDualStackVpc)', { required: true, example: 'a DualStackVpc' });
    if (set(props.securityGroup)) {
      v.isReference('securityGroup', props.securityGroup, SECURITY_GROUP_MEMBERS, 'a security group (ISecurityGroup)', { required: true, example: 'a SecurityGroup' });
    }
    if (set(props.containers) && v.isArray('containers', props.containers, { required: true, example: `[${CONTAINER_EXAMPLE}]` })) {
      props.containers.forEach((c, i) => checkContainerTypes(v, `containers[${i}]`, c));
    }
    if (v.isArray('volumes', props.volumes, { example: "[Volume.emptyDir('scratch')]" })) {
      (props.volumes ?? []).forEach((vol, i) => v.isInstance(`volumes[${i}]`, vol, Volume, 'a Volume', { required: true, example: "Volume.emptyDir('scratch')" }));
    }
    v.isString('containerGroupName', props.containerGroupName);
    v.isNumber('cpu', props.cpu, { example: '1' });
    v.isNumber('memory', props.memory, { example: '2' });
    v.isNumber('ipv6AddressCount', props.ipv6AddressCount, { example: '1' });
    v.isString('restartPolicy', props.restartPolicy, { example: 'RestartPolicy.ON_FAILURE' });
    checkRegistryTypes(v, props);
    v.isStringMap('tags', props.tags);
    own(v, props);
  }
  v.throwIfAny();
}

function checkContainerTypes(v: PropValidator, p: string, c: unknown): void {
  if (!v.isObject(p, c, { required: true, example: CONTAINER_EXAMPLE })) return;
  v.isString(`${p}.name`, c.name, { required: true, example: "'web'" });
  v.isString(`${p}.image`, c.image, { required: true, example: "'nginx:alpine'" });
  v.isNumber(`${p}.cpu`, c.cpu, { example: '0.5' });
  v.isNumber(`${p}.memory`, c.memory, { example: '1' });
  v.isStringList(`${p}.commands`, c.commands, { example: "['nginx']" });
  v.isStringList(`${p}.args`, c.args, { example: "['-g', 'daemon off;']" });
  if (v.isArray(`${p}.ports`, c.ports, { example: '[{ port: 80 }]' })) {
    (c.ports ?? []).forEach((port, j) => {
      if (!v.isObject(`${p}.ports[${j}]`, port, { required: true, example: '{ port: 80 }' })) return;
      v.isNumber(`${p}.ports[${j}].port`, port.port, { required: true, example: '80' });
      v.isString(`${p}.ports[${j}].protocol`, port.protocol, { example: 'ContainerProtocol.UDP' });
    });
  }
  v.isStringMap(`${p}.environment`, c.environment);
  // Shape only (a string or a token): whether a value may be a literal is for registry.ts to say.
  v.isStringMap(`${p}.secretEnvironment`, c.secretEnvironment, { secret: true });
  v.isString(`${p}.workingDir`, c.workingDir, { example: "'/app'" });
  v.isString(`${p}.imagePullPolicy`, c.imagePullPolicy, { example: 'ImagePullPolicy.ALWAYS' });
  if (v.isArray(`${p}.volumeMounts`, c.volumeMounts, { example: "[{ name: 'scratch', mountPath: '/tmp' }]" })) {
    (c.volumeMounts ?? []).forEach((m, j) => {
      const q = `${p}.volumeMounts[${j}]`;
      if (!v.isObject(q, m, { required: true, example: "{ name: 'scratch', mountPath: '/tmp' }" })) return;
      v.isString(`${q}.name`, m.name, { required: true, example: "'scratch'" });
      v.isString(`${q}.mountPath`, m.mountPath, { required: true, example: "'/tmp'" });
      v.isBoolean(`${q}.readOnly`, m.readOnly);
    });
  }
  v.isInstance(`${p}.livenessProbe`, c.livenessProbe, Probe, 'a Probe', { example: 'Probe.httpGet({ port: 80 })' });
  v.isInstance(`${p}.readinessProbe`, c.readinessProbe, Probe, 'a Probe', { example: 'Probe.tcpSocket(80)' });
}

/**
 * The shape of the private-registry props. A field left unset (or null) is for registry.ts to report, and a
 * password is described by its type only.
 */
function checkRegistryTypes(v: PropValidator, props: Record<string, unknown>): void {
  const setString = (prop: string, value: unknown, secret = false) => {
    if (value !== undefined && value !== null) v.isString(prop, value, { required: true, secret });
  };
  if (v.isArray('acrInstances', props.acrInstances, { example: "[{ instanceId: 'cri-xxxxxxxx' }]" })) {
    (props.acrInstances ?? []).forEach((acr, i) => {
      const p = `acrInstances[${i}]`;
      if (!v.isObject(p, acr, { required: true, example: "{ instanceId: 'cri-xxxxxxxx' }" })) return;
      setString(`${p}.instanceId`, acr.instanceId);
      v.isString(`${p}.instanceName`, acr.instanceName);
      v.isString(`${p}.regionId`, acr.regionId, { example: "'cn-hangzhou'" });
      v.isStringList(`${p}.domains`, acr.domains, { example: "['myacr-registry.cn-hangzhou.cr.aliyuncs.com']" });
    });
  }
  if (v.isArray('imageRegistryCredentials', props.imageRegistryCredentials, { example: '[{ server, userName, password }]' })) {
    (props.imageRegistryCredentials ?? []).forEach((c, i) => {
      const p = `imageRegistryCredentials[${i}]`;
      if (!v.isObject(p, c, { required: true, example: '{ server, userName, password }' })) return;
      setString(`${p}.server`, c.server);
      setString(`${p}.userName`, c.userName);
      setString(`${p}.password`, c.password, true);
    });
  }
  v.isString('ramRoleName', props.ramRoleName);
  v.isBoolean('autoMatchImageCache', props.autoMatchImageCache);
  v.isString('imageSnapshotId', props.imageSnapshotId, { example: "'imc-xxxxxxxx'" });
}
