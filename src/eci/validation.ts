/**
 * Every check of the props of ContainerGroup and ContainerGroupFleet, in one place. A construct checks in this order:
 *
 * 1. the types of every prop, at any depth (JavaScript callers and jsii bindings can pass anything), thrown together:
 *    {@link checkContainerGroupTypes}, {@link checkFleetTypes};
 * 2. the required props (thrown at once), then the shared checks ({@link validateGroupProps}: containers, private
 *    registries and secrets, name, sizing, IPv6, restart policy, VPC of the security group);
 * 3. the construct's own checks, thrown together with the shared ones: {@link validateContainerGroupOwnProps},
 *    {@link validateFleetOwnProps}.
 *
 * The specialised pure checkers stay in their modules: the container spec (container-validation.ts), image
 * references (image-reference.ts), secret values (registry.ts `validateSecret`, over secret-expression.ts).
 */
import { Token } from 'cdktf';
import { IConstruct } from 'constructs';
import { ContainerDefinition, Probe, RestartPolicy } from './container';
import { validateContainers } from './container-validation';
import { AcrInstance, ImageRegistryCredential, MAX_REGISTRY_CREDENTIALS, RegistryProps, StackSecretLookups, validateSecret } from './registry';
import { Volume } from './volume';
import {
  describeValue, isBlank, PropValidator, quote, resolveToString, SECURITY_GROUP_MEMBERS, VPC_MEMBERS, VSWITCH_MEMBERS,
} from '../core/validation';
import { ISecurityGroup } from '../security-group/interfaces';
import { IDualStackVpc, IVSwitch } from '../vpc/interfaces';

// ---------------------------------------------------------------------------------------------------------
// Checks that ContainerGroup and ContainerGroupFleet share
// ---------------------------------------------------------------------------------------------------------

const GROUP_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** Checks an ECI container group name (2–128 lowercase letters, digits, hyphens). */
export function validateGroupName(v: PropValidator, prop: string, name: string | undefined): void {
  if (name === undefined || Token.isUnresolved(name)) return;
  if (name.length < 2 || name.length > 128 || !GROUP_NAME.test(name)) {
    v.add(prop, `${quote(name)} is not a valid container group name`, 'use 2–128 lowercase letters, digits and hyphens, starting and ending with a letter or digit');
  }
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
  // Shape only (a string or a token): whether a value may be a literal is for validateRegistry to say.
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
 * The shape of the private-registry props. A field left unset (or null) is for validateRegistry to report, and a
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

// ---------------------------------------------------------------------------------------------------------
// Private registries and secrets (the rule for a secret value is registry.ts validateSecret), the guard prop
// ---------------------------------------------------------------------------------------------------------

/** Records every problem of the private-registry props on `v`. @internal */
export function validateRegistry(v: PropValidator, scope: IConstruct, props: RegistryProps): void {
  const lookups = new StackSecretLookups(scope);
  (props.acrInstances ?? []).forEach((acr, i) => {
    const p = `acrInstances[${i}]`;
    if (!acr || isBlank(acr.instanceId)) {
      v.add(`${p}.instanceId`, 'is missing', "give the ACR Enterprise Edition instance ID, e.g. 'cri-xxxxxxxx' (ACR console, Instances)");
    }
    (acr?.domains && !Token.isUnresolved(acr.domains) ? acr.domains : []).forEach((d, j) => {
      if (!Token.isUnresolved(d) && (d.trim() === '' || /^[a-z]+:\/\//i.test(d) || d.includes('/'))) {
        v.add(`${p}.domains[${j}]`, `'${d}' is not a domain name`, "give the bare domain, e.g. 'myacr-registry.cn-hangzhou.cr.aliyuncs.com'");
      }
    });
  });
  const creds = props.imageRegistryCredentials ?? [];
  if (!Token.isUnresolved(creds) && creds.length > MAX_REGISTRY_CREDENTIALS) {
    v.add('imageRegistryCredentials', `has ${creds.length} items; ECI takes at most ${MAX_REGISTRY_CREDENTIALS}`, 'keep one login per registry server, or use acrInstances with a RAM role');
  }
  const servers = new Set<string>();
  (Token.isUnresolved(creds) ? [] : creds).forEach((c, i) => {
    const p = `imageRegistryCredentials[${i}]`;
    if (!c) return;
    if (isBlank(c.server)) {
      v.add(`${p}.server`, 'is missing', "give the registry address, e.g. 'registry.cn-hangzhou.aliyuncs.com'");
    } else if (!Token.isUnresolved(c.server)) {
      if (/^[a-z]+:\/\//i.test(c.server)) v.add(`${p}.server`, `'${c.server}' has a scheme`, `give the address without it: '${c.server.replace(/^[a-z]+:\/\//i, '')}'`);
      if (servers.has(c.server)) v.add(`${p}.server`, `'${c.server}' has another login in imageRegistryCredentials`, 'give one login per registry server');
      servers.add(c.server);
    }
    if (isBlank(c.userName)) {
      v.add(`${p}.userName`, 'is missing', 'give the registry user name (for ACR, the login name shown with docker login)');
    }
    validateSecret(v, scope, `${p}.password`, c.password, 'the registry password', lookups);
  });
  (props.containers ?? []).forEach((c, i) => {
    if (!c || !c.secretEnvironment || Token.isUnresolved(c.secretEnvironment)) return;
    for (const [key, value] of Object.entries(c.secretEnvironment)) {
      validateSecret(v, scope, `containers[${i}].secretEnvironment.${key}`, value, 'the secret', lookups);
      if (c.environment && Object.prototype.hasOwnProperty.call(c.environment, key)) {
        v.add(`containers[${i}].secretEnvironment.${key}`, 'is also in environment', 'set each variable in environment or in secretEnvironment, not both');
      }
    }
  });
}

/** `instanceTypeGuard` must be a boolean (JavaScript callers have no compiler). @internal */
export function checkGuardProp(v: PropValidator, value: unknown): void {
  v.check(value !== undefined && typeof value !== 'boolean', 'instanceTypeGuard', `must be true or false, got ${shown(value)}`,
    'leave it out (the plan-time guard is on), or pass false to plan without Alibaba Cloud credentials');
}

/** A value as JSON (`"no"`, `1`), or described when it has no JSON form (a function, a bigint, a symbol). */
function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? describeValue(value);
  } catch {
    return describeValue(value);
  }
}

// ---------------------------------------------------------------------------------------------------------
// ContainerGroup
// ---------------------------------------------------------------------------------------------------------

/** The props of a ContainerGroup that only it checks (ContainerGroupProps, structurally: this module imports no construct). */
interface ContainerGroupOwnProps extends GroupProps {
  readonly vSwitch?: IVSwitch;
  readonly instanceType?: string;
  readonly instanceTypeGuard?: boolean;
  readonly ipv6InternetBandwidth?: { readonly bandwidth: number; readonly internetChargeType?: string };
  readonly stackTimeoutInMinutes?: number;
}

/** Step 1 of ContainerGroup: the types of every prop, thrown together. */
export function checkContainerGroupTypes(scope: IConstruct, props: unknown): void {
  checkGroupPropTypes(scope, 'ContainerGroup', props, (t, p) => {
    t.isReference('vSwitch', p.vSwitch, VSWITCH_MEMBERS, 'a vSwitch (IVSwitch)', { example: 'vpc.vSwitches[1]' });
    t.isString('instanceType', p.instanceType, { example: "'ecs.g7.large'" });
    if (t.isObject('ipv6InternetBandwidth', p.ipv6InternetBandwidth, { example: '{ bandwidth: 10 }' }) && p.ipv6InternetBandwidth !== undefined) {
      t.isNumber('ipv6InternetBandwidth.bandwidth', p.ipv6InternetBandwidth.bandwidth, { required: true, example: '10' });
      t.isString('ipv6InternetBandwidth.internetChargeType', p.ipv6InternetBandwidth.internetChargeType, { example: 'InternetChargeType.PAY_BY_TRAFFIC' });
    }
    t.isNumber('stackTimeoutInMinutes', p.stackTimeoutInMinutes, { example: '30' });
    // instanceTypeGuard: checkGuardProp, in validateContainerGroupOwnProps
  });
}

/**
 * Step 3 of ContainerGroup: its own checks (vSwitch, IPv6, Internet bandwidth, the ROS backend's limits, image
 * snapshot, stack timeout, guard), recorded on `v` with the shared ones (validateGroupProps), and all of them thrown.
 */
export function validateContainerGroupOwnProps(v: PropValidator, props: ContainerGroupOwnProps): void {
  const ipv6Count = props.ipv6AddressCount ?? 0;
  const vSwitch = props.vSwitch ?? props.vpc.vSwitches[0];
  v.check(!vSwitch, 'vSwitch', 'is missing and the VPC has no vSwitches', 'pass vSwitch, or give the VPC zones or vSwitches');
  if (props.vSwitch && !props.vpc.vSwitches.includes(props.vSwitch)) {
    v.add('vSwitch', `${quote(props.vSwitch.zoneId)} vSwitch is not one of vpc.vSwitches`, 'pass a vSwitch of the same VPC, e.g. vpc.vSwitches[1]');
  }
  if (ipv6Count === 1 && vSwitch && !vSwitch.ipv6Enabled) {
    v.add('vSwitch', 'has IPv6 disabled, so the ECI cannot get an IPv6 address (Ipv6AddressNotSupportVsw)', 'use a vSwitch with IPv6 enabled, or set ipv6AddressCount to 0');
  }
  if (ipv6Count === 1 && !props.vpc.ipv6Enabled) {
    v.add('vpc', 'has IPv6 disabled', 'use a DualStackVpc (IPv6 on), or set ipv6AddressCount to 0');
  }
  const bw = props.ipv6InternetBandwidth;
  if (bw) {
    // Only for a valid count of 0: an invalid count (2, 1.5, a token) has its own bullet, and the group it
    // asks for does have an IPv6 address.
    v.check(ipv6Count === 0, 'ipv6InternetBandwidth', 'is set but the group has no IPv6 address (ipv6AddressCount is 0)', 'set ipv6AddressCount: 1, or remove ipv6InternetBandwidth');
    v.check(!props.vpc.ipv6Gateway, 'ipv6InternetBandwidth', 'needs an IPv6 gateway but the VPC has none', 'create the VPC with ipv6Gateway: true (the default), or pass ipv6GatewayId to DualStackVpc.fromVpcAttributes');
    v.integerInRange('ipv6InternetBandwidth.bandwidth', bw.bandwidth, 1, 5000, 'give Mbit/s between 1 and 5000');
  }
  if (ipv6Count === 1) validateRosLimits(v, props.containers ?? []);
  v.check(props.imageSnapshotId !== undefined && ipv6Count !== 1, 'imageSnapshotId',
    'is set, but without IPv6 the group is an alicloud_eci_container_group, which has no image snapshot argument (provider 1.289.0)',
    'use autoMatchImageCache: true instead, or deploy through ROS with ipv6AddressCount: 1');
  v.integerInRange('stackTimeoutInMinutes', props.stackTimeoutInMinutes, 5, 180);
  checkGuardProp(v, props.instanceTypeGuard);
  v.throwIfAny();
}

/** Limits of ALIYUN::ECI::ContainerGroup that the native resource does not have (ros-eci-containergroup.md §4.2). */
function validateRosLimits(v: PropValidator, containers: ContainerDefinition[]): void {
  containers.forEach((c, i) => {
    if (c.commands && !Token.isUnresolved(c.commands) && c.commands.length > 1) {
      const [first, ...rest] = c.commands;
      v.add(`containers[${i}].commands`, `has ${c.commands.length} items; with IPv6 the group is deployed through ROS, whose Container.Command takes at most 1`,
        `put the program in commands and the rest in args, e.g. commands: [${quote(first)}], args: [${rest.map((a) => quote(a)).join(', ')}${c.args?.length ? ', ...' : ''}]`);
    }
    if (c.args && !Token.isUnresolved(c.args) && c.args.length > 10) {
      v.add(`containers[${i}].args`, `has ${c.args.length} items; ROS takes at most 10`, 'join arguments, or move them into a script in the image');
    }
  });
}

// ---------------------------------------------------------------------------------------------------------
// ContainerGroupFleet
// ---------------------------------------------------------------------------------------------------------

/** The props of a ContainerGroupFleet that only it checks (ContainerGroupFleetProps, structurally). */
interface FleetOwnProps extends GroupProps {
  readonly vSwitches?: IVSwitch[];
  readonly minSize: number;
  readonly maxSize: number;
  readonly desiredCapacity?: number;
  readonly scalingGroupName?: string;
  readonly instanceTypeGuard?: boolean;
}

/** Step 1 of ContainerGroupFleet: the types of every prop, thrown together. */
export function checkFleetTypes(scope: IConstruct, props: unknown): void {
  checkGroupPropTypes(scope, 'ContainerGroupFleet', props, (t, p) => {
    if (t.isArray('vSwitches', p.vSwitches, { example: 'vpc.vSwitches' })) {
      (p.vSwitches ?? []).forEach((sw, i) => t.isReference(`vSwitches[${i}]`, sw, VSWITCH_MEMBERS, 'a vSwitch (IVSwitch)', { required: true, example: 'vpc.vSwitches[0]' }));
    }
    t.isNumber('minSize', p.minSize, { required: true, example: '1' });
    t.isNumber('maxSize', p.maxSize, { required: true, example: '3' });
    t.isNumber('desiredCapacity', p.desiredCapacity, { example: '2' });
    t.isStringList('instanceTypes', p.instanceTypes, { example: "['ecs.g7.large']" });
    t.isString('scalingGroupName', p.scalingGroupName);
    // instanceTypeGuard: checkGuardProp, in validateFleetOwnProps
  });
}

/**
 * Step 3 of ContainerGroupFleet: its own checks (instance types, sizes, vSwitches, scaling group name, guard), recorded
 * on `v` with the shared ones (validateGroupProps), and all of them thrown.
 */
export function validateFleetOwnProps(v: PropValidator, props: FleetOwnProps, instanceTypes: string[], vSwitches: IVSwitch[]): void {
  const ipv6Count = props.ipv6AddressCount ?? 0;
  v.check(instanceTypes.length > 5, 'instanceTypes', `has ${instanceTypes.length} types; ESS takes at most 5`, 'keep the 5 you prefer most');
  v.integerInRange('minSize', props.minSize, 0, 2000);
  v.integerInRange('maxSize', props.maxSize, 0, 2000);
  v.integerInRange('desiredCapacity', props.desiredCapacity, 0, 2000);
  if (isNum(props.minSize) && isNum(props.maxSize) && props.minSize > props.maxSize) {
    v.add('maxSize', `(${props.maxSize}) is below minSize (${props.minSize})`, 'raise maxSize or lower minSize');
  }
  const desired = props.desiredCapacity;
  const belowMin = isNum(desired) && isNum(props.minSize) && desired < props.minSize;
  const aboveMax = isNum(desired) && isNum(props.maxSize) && desired > props.maxSize;
  if (belowMin || aboveMax) {
    v.add('desiredCapacity', `(${props.desiredCapacity}) is outside minSize..maxSize (${props.minSize}..${props.maxSize})`, 'pick a value between minSize and maxSize');
  }
  v.check(vSwitches.length === 0, 'vSwitches', 'is empty and the VPC has no vSwitches', 'pass vSwitches, or give the VPC zones or vSwitches');
  vSwitches.forEach((sw, i) => {
    if (!props.vpc.vSwitches.includes(sw)) v.add(`vSwitches[${i}]`, 'is not one of vpc.vSwitches', 'pass vSwitches of the same VPC');
    if (ipv6Count === 1 && !sw.ipv6Enabled) {
      v.add(`vSwitches[${i}]`, `(${sw.zoneId}) has IPv6 disabled, so its ECIs cannot get an IPv6 address`, 'use vSwitches with IPv6 enabled, or set ipv6AddressCount to 0');
    }
  });
  const sgName = props.scalingGroupName;
  if (sgName !== undefined && !Token.isUnresolved(sgName) && (sgName.length < 2 || sgName.length > 64)) {
    v.add('scalingGroupName', `${quote(sgName)} is not 2–64 characters long`, 'shorten or lengthen the name');
  }
  checkGuardProp(v, props.instanceTypeGuard);
  v.throwIfAny();
}

function isNum(n: number | undefined): n is number {
  return n !== undefined && !Token.isUnresolved(n);
}
