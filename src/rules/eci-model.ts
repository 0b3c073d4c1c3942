/**
 * One model of an ECI, whatever resource carries it: an `ALIYUN::ECI::ContainerGroup` inside an
 * `alicloud_ros_stack` template (values followed through `{Ref}` to the stack's `parameters`), an
 * `alicloud_ess_eci_scaling_configuration` (vSwitches from its scaling group), or a native
 * `alicloud_eci_container_group` (never IPv6: the provider has no IPv6 argument).
 * @internal
 */
import { ABSENT, Known, known, Link, numberOf, TfBlock, unknown } from './document';
import { ConstructOwner, ownerLabel, propName } from './owner-names';
import { isToken, show } from './references';
import { isJsonObject as isObject } from '../core/terraform-json';
import { ESS_ECI, ESS_GROUP, NATIVE_ECI, ROS_ECI, terraformName as tf } from '../schema/eci-fields';

/** A port a container declares. @internal */
export interface ContainerPort {
  /** Lower case: `tcp` or `udp`. */
  readonly protocol: string;
  readonly port: number;
}

/** One ECI (or, for ESS, the template of every ECI of a scaling group). @internal */
export interface EciSpec {
  /** The Terraform block that carries it. */
  readonly owner: TfBlock;
  readonly backend: 'ros' | 'ess' | 'native';
  /** For messages: `ECI 'ContainerGroup' in the ROS template of alicloud_ros_stack.X`. */
  readonly label: string;
  /** The container group name when it is a literal. */
  readonly name?: string;
  /** Requested IPv6 addresses: absent = none. */
  readonly ipv6Count: Known<number>;
  /** Where the IPv6 count is set, for messages (`Ipv6AddressCount`, `ipv6_address_count`). */
  readonly ipv6CountField: string;
  /** ECS instance types; absent = sized by vCPU and memory. */
  readonly instanceTypes: Known<string[]>;
  readonly instanceTypesField: string;
  /** The Terraform values naming its vSwitches (absent = not set). */
  readonly vSwitches: Known<unknown[]>;
  readonly vSwitchesField: string;
  /** The Terraform value naming its security group. */
  readonly securityGroup: Known<unknown>;
  /** The ports its containers declare. */
  readonly ports: Known<ContainerPort[]>;
  /** Where its images come from and how it logs in to their registries. */
  readonly registry: RegistryAccess;
}

/** An ACR Enterprise Edition instance an ECI pulls from. @internal */
export interface AcrInstanceRef {
  /** The instance ID when literal. */
  readonly instanceId?: string;
  /** Its region: absent = the ECI's region. */
  readonly region: Known<unknown>;
  /** Literal domain names. */
  readonly domains: string[];
}

/** Registry access of an ECI. @internal */
export interface RegistryAccess {
  /** The literal images of its containers. */
  readonly images: string[];
  /** Whether some image (or the container list) is not a literal. */
  readonly unknownImages: boolean;
  /** Servers of its registry logins: literal strings, or undefined for an expression. */
  readonly credentialServers: Array<string | undefined>;
  readonly acrInstances: AcrInstanceRef[];
  /** Whether a RAM role is set (a literal or an expression). */
  readonly ramRole: boolean;
  /** Field names for messages (the construct's prop names when a construct made it). */
  readonly credentialsField: string;
  readonly acrField: string;
  readonly ramRoleField: string;
}

function literalString(v: unknown): string | undefined {
  return typeof v === 'string' && !isToken(v) ? v : undefined;
}

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Registry access from Terraform blocks (native and ESS: the field names differ, `fields` is the backend's table). */
function tfRegistry(b: Record<string, any>, made: ConstructOwner | undefined, fields: typeof NATIVE_ECI | typeof ESS_ECI): RegistryAccess {
  const credentials = tf(fields.group.imageRegistryCredentials);
  const acr = tf(fields.group.acrInstances);
  const ramRole = tf(fields.group.ramRoleName);
  const containers = b[tf(fields.group.containers)];
  const images: string[] = [];
  let unknownImages = !Array.isArray(containers) && containers !== undefined && containers !== null;
  for (const c of listOf(containers)) {
    const image = isObject(c) ? literalString(c[tf(fields.container.image)]) : undefined;
    if (image === undefined) unknownImages = true;
    else images.push(image.replace(/\$\$\{/g, '${'));
  }
  return {
    images,
    unknownImages,
    credentialServers: listOf(b[credentials]).map((c) => (isObject(c) ? literalString(c[tf(fields.credential.server)]) : undefined)),
    acrInstances: listOf(b[acr]).filter(isObject).map((a) => {
      const region = a[tf(fields.acr.regionId)];
      return {
        instanceId: literalString(a[tf(fields.acr.instanceId)]),
        region: region === undefined || region === null ? ABSENT : known(region),
        domains: listOf(a[tf(fields.acr.domains)]).map(literalString).filter((d): d is string => d !== undefined),
      };
    }),
    ramRole: b[ramRole] !== undefined && b[ramRole] !== null && b[ramRole] !== '',
    credentialsField: propName(made, credentials),
    acrField: propName(made, acr),
    ramRoleField: propName(made, ramRole),
  };
}

function rosRegistry(props: Record<string, any>, r: RosResolver, made: ConstructOwner | undefined): RegistryAccess {
  const lit = (v: unknown) => {
    const k = r.value(v);
    return k.state === 'known' ? literalString(k.value) : undefined;
  };
  const list = (v: unknown) => {
    const k = r.value(v);
    return k.state === 'known' ? listOf(k.value) : [];
  };
  const { group, container, credential, acr } = ROS_ECI;
  const containers = r.value(props[group.containers]);
  const images: string[] = [];
  let unknownImages = containers.state === 'unknown';
  for (const c of list(props[group.containers])) {
    const image = isObject(c) ? lit(c[container.image]) : undefined;
    if (image === undefined) unknownImages = true;
    else images.push(image);
  }
  const ram = r.value(props[group.ramRoleName]);
  return {
    images,
    unknownImages,
    credentialServers: list(props[group.imageRegistryCredentials]).map((c) => (isObject(c) ? lit(c[credential.server]) : undefined)),
    acrInstances: list(props[group.acrInstances]).filter(isObject).map((a) => ({
      instanceId: lit(a[acr.instanceId]),
      region: r.value(a[acr.regionId]),
      domains: list(a[acr.domains]).map((d) => lit(d)).filter((d): d is string => d !== undefined),
    })),
    ramRole: ram.state !== 'absent' && !(ram.state === 'known' && ram.value === ''),
    credentialsField: propName(made, group.imageRegistryCredentials),
    acrField: propName(made, group.acrInstances),
    ramRoleField: propName(made, group.ramRoleName),
  };
}

/** An `alicloud_ros_stack` whose template cannot be read at synth time. @internal */
export interface OpaqueRosStack {
  readonly owner: TfBlock;
  readonly why: string;
}

const ECI_TYPE = ROS_ECI.resourceType;

/** Splits a literal comma-separated list; a token stays whole. */
function splitList(value: string): string[] {
  return value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
}

function countOf(raw: Known<unknown>): Known<number> {
  if (raw.state !== 'known') return raw;
  const n = numberOf(raw.value);
  if (n === undefined) return ABSENT;
  if (n === 'unknown') return unknown(`it is the expression ${show(raw.value)}, known only at apply time`);
  return known(n);
}

function stringListOf(raw: Known<unknown>, commaSeparated: boolean): Known<string[]> {
  if (raw.state !== 'known') return raw;
  const v = raw.value;
  if (v === undefined || v === null || v === '') return ABSENT;
  if (isToken(v)) return unknown(`it is the expression ${show(v)}, known only at apply time`);
  const items = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const item of items) {
    if (isToken(item)) return unknown(`it contains the expression ${show(item)}, known only at apply time`);
    if (typeof item !== 'string' && typeof item !== 'number') return unknown(`it is not a list of strings (${show(item)})`);
    out.push(...(commaSeparated ? splitList(String(item)) : [String(item).trim()]));
  }
  return out.length > 0 ? known(out) : ABSENT;
}

/** Ports of containers given as Terraform blocks (`containers[].ports[]`, native and ESS). */
function tfPorts(body: Record<string, any>, fields: typeof NATIVE_ECI | typeof ESS_ECI): Known<ContainerPort[]> {
  const containersField = tf(fields.group.containers);
  const portsField = tf(fields.container.ports);
  const { port: portField, protocol: protocolField } = fields.port;
  if (isObject(body.dynamic) && body.dynamic[containersField] !== undefined) return unknown('its containers are a dynamic block');
  const containers = body[containersField];
  if (containers === undefined || containers === null) return known([]);
  if (!Array.isArray(containers)) return unknown(`its containers are ${isToken(containers) ? `the expression ${show(containers)}` : 'not a list'}`);
  const out: ContainerPort[] = [];
  for (const c of containers) {
    if (!isObject(c)) return unknown('a container is an expression');
    if (isObject(c.dynamic) && c.dynamic[portsField] !== undefined) return unknown('a container\'s ports are a dynamic block');
    const ports = c[portsField];
    if (ports === undefined || ports === null) continue;
    if (!Array.isArray(ports)) return unknown('a container\'s ports are an expression');
    for (const p of ports) {
      if (!isObject(p)) return unknown('a port is an expression');
      const n = numberOf(p[portField]);
      const protocol = p[protocolField];
      if (n === 'unknown' || (protocol !== undefined && isToken(protocol))) return unknown(`a port is the expression ${show(p[portField])}`);
      if (typeof n === 'number' && Number.isFinite(n)) out.push({ port: n, protocol: String(protocol ?? 'TCP').toLowerCase() });
    }
  }
  return known(out);
}

/** The template parameters passed by an `alicloud_ros_stack`: key → Terraform value. */
function rosParameters(body: Record<string, any>): Known<Map<string, unknown>> {
  const params = body.parameters;
  if (isObject(body.dynamic) && body.dynamic.parameters !== undefined) return unknown('its parameters are a dynamic block');
  if (params === undefined || params === null) return known(new Map());
  if (!Array.isArray(params)) return unknown(`its parameters are ${isToken(params) ? `the expression ${show(params)}` : 'not a list of blocks'}`);
  const m = new Map<string, unknown>();
  for (const p of params) {
    if (!isObject(p) || typeof p.parameter_key !== 'string' || isToken(p.parameter_key)) return unknown('a parameter key is not a literal');
    m.set(p.parameter_key, p.parameter_value);
  }
  return known(m);
}

/** Resolves a template property to the Terraform value behind it (following `{Ref}` to the stack's parameters). */
class RosResolver {
  constructor(
    private readonly params: Known<Map<string, unknown>>,
    private readonly declared: Record<string, any>,
  ) {}

  public value(v: unknown): Known<unknown> {
    if (v === undefined || v === null) return ABSENT;
    if (isObject(v)) {
      if (typeof v.Ref === 'string' && Object.keys(v).length === 1) return this.ref(v.Ref);
      const fn = Object.keys(v).find((k) => k.startsWith('Fn::'));
      if (fn) return unknown(`it is the ROS function ${fn}, evaluated by ROS at deploy time`);
    }
    return known(v);
  }

  private ref(name: string): Known<unknown> {
    if (name.startsWith('ALIYUN::')) return unknown(`it is the ROS pseudo parameter ${name}`);
    if (this.params.state !== 'known') return unknown(this.params.state === 'unknown' ? this.params.why : 'the stack passes no parameters');
    if (this.params.value.has(name)) return known(this.params.value.get(name));
    const def = this.declared[name];
    if (isObject(def) && def.Default !== undefined) return known(def.Default);
    if (isObject(def)) return unknown(`the template parameter ${name} is neither passed in parameters nor has a Default`);
    return unknown(`{Ref: ${name}} names no template parameter (a resource of the template, known only at deploy time)`);
  }
}

function rosPorts(containers: unknown, r: RosResolver): Known<ContainerPort[]> {
  const list = r.value(containers);
  if (list.state === 'absent') return known([]);
  if (list.state === 'unknown') return list;
  if (!Array.isArray(list.value)) return unknown(`Container is ${show(list.value)}`);
  const out: ContainerPort[] = [];
  for (const c of list.value) {
    if (!isObject(c)) return unknown('a Container is not an object');
    const ports = r.value(c[ROS_ECI.container.ports]);
    if (ports.state === 'absent') continue;
    if (ports.state === 'unknown' || !Array.isArray(ports.value)) return unknown('a container\'s Port list is not a literal');
    for (const p of ports.value) {
      if (!isObject(p)) return unknown('a Port is not an object');
      const portValue = r.value(p[ROS_ECI.port.port]);
      const protocolValue = r.value(p[ROS_ECI.port.protocol]);
      if (portValue.state === 'unknown' || protocolValue.state === 'unknown') return unknown('a Port is a template parameter known only at apply time');
      if (portValue.state !== 'known') continue;
      const n = numberOf(portValue.value);
      if (n === 'unknown') return unknown(`a Port is the expression ${show(portValue.value)}`);
      const protocol = protocolValue.state === 'known' ? protocolValue.value : 'TCP';
      if (isToken(protocol)) return unknown(`a Protocol is the expression ${show(protocol)}`);
      if (typeof n === 'number' && Number.isFinite(n)) out.push({ port: n, protocol: String(protocol).toLowerCase() });
    }
  }
  return known(out);
}

function fromRosStack(ctx: EciSource, owner: TfBlock, ecis: EciSpec[], opaque: OpaqueRosStack[]): void {
  const made = ctx.ownerOf(owner);
  const body = owner.body.template_body;
  if (body === undefined || body === null) {
    const url = owner.body.template_url;
    opaque.push({ owner, why: url !== undefined ? `its template comes from template_url ${show(url)}` : 'it has no template_body' });
    return;
  }
  if (typeof body !== 'string') {
    opaque.push({ owner, why: 'its template_body is not a string' });
    return;
  }
  // A whole-value expression (jsonencode(...), file(...)) is known only at apply time; a JSON text with
  // `${...}` interpolations inside string values is still readable.
  if (/^\s*\$\{/.test(body) && !/^\s*\{/.test(body)) {
    opaque.push({ owner, why: `its template_body is the expression ${show(body)}, known only at apply time` });
    return;
  }
  let template: unknown;
  try {
    template = JSON.parse(body);
  } catch (e) {
    opaque.push({ owner, why: `its template_body is not valid JSON (${(e as Error).message})` });
    return;
  }
  if (!isObject(template) || !isObject(template.Resources)) return;
  const resolver = new RosResolver(rosParameters(owner.body), isObject(template.Parameters) ? template.Parameters : {});
  const fields = ROS_ECI.group;
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    if (!isObject(resource) || resource.Type !== ECI_TYPE) continue;
    const props = isObject(resource.Properties) ? resource.Properties : {};
    const name = resolver.value(props[fields.containerGroupName]);
    const vSwitch = resolver.value(props[fields.vSwitch]);
    let vSwitches: Known<unknown[]>;
    if (vSwitch.state !== 'known') {
      vSwitches = vSwitch;
    } else if (typeof vSwitch.value === 'string' && !isToken(vSwitch.value)) {
      vSwitches = known(splitList(vSwitch.value)); // the ECI API takes up to 10 comma-separated vSwitch IDs
    } else {
      vSwitches = known([vSwitch.value]);
    }
    ecis.push({
      owner,
      backend: 'ros',
      label: made ? ownerLabel(made) : `ECI '${logicalId}' (${ECI_TYPE}) in the ROS template of ${owner.address}`,
      name: name.state === 'known' && typeof name.value === 'string' && !isToken(name.value) ? name.value : undefined,
      ipv6Count: countOf(resolver.value(props[fields.ipv6AddressCount])),
      ipv6CountField: propName(made, fields.ipv6AddressCount),
      instanceTypes: stringListOf(resolver.value(props[fields.instanceType]), true),
      instanceTypesField: propName(made, fields.instanceType),
      vSwitches,
      vSwitchesField: propName(made, fields.vSwitch),
      securityGroup: resolver.value(props[fields.securityGroup]),
      ports: rosPorts(props[fields.containers], resolver),
      registry: rosRegistry(props, resolver, made),
    });
  }
}

function fromEssConfiguration(ctx: EciSource, owner: TfBlock): EciSpec {
  const b = owner.body;
  const f = ESS_ECI.group;
  const vSwitchIds = tf(ESS_GROUP.group.vSwitches);
  const group = ctx.link(b[tf(f.scalingGroup)], [ESS_GROUP.resourceType]);
  let vSwitches: Known<unknown[]>;
  let field: string;
  if (group.kind === 'resource') {
    const g = group.block.body;
    field = `vswitch_ids of ${group.block.address}`;
    const ids = g[vSwitchIds] ?? (g.vswitch_id !== undefined ? [g.vswitch_id] : undefined); // vswitch_id: deprecated, one vSwitch
    if (ids === undefined || ids === null) vSwitches = ABSENT;
    else if (Array.isArray(ids)) vSwitches = known(ids);
    else vSwitches = unknown(`vswitch_ids is the expression ${show(ids)}, known only at apply time`);
  } else {
    field = 'vswitch_ids of its scaling group';
    vSwitches = unknown(`its scaling group is ${ctx.describe(group)}, not a scaling group of this stack`);
  }
  const name = b[tf(f.containerGroupName)];
  const made = ctx.ownerOf(owner);
  if (made?.props[vSwitchIds]) field = made.props[vSwitchIds];
  return {
    owner,
    backend: 'ess',
    label: made ? ownerLabel(made) : `ECI scaling configuration ${owner.address}`,
    name: typeof name === 'string' && !isToken(name) ? name : undefined,
    ipv6Count: countOf(known(b[tf(f.ipv6AddressCount)])),
    ipv6CountField: propName(made, tf(f.ipv6AddressCount)),
    instanceTypes: stringListOf(known(b[tf(f.instanceTypes)]), true),
    instanceTypesField: propName(made, tf(f.instanceTypes)),
    vSwitches,
    vSwitchesField: field,
    securityGroup: optional(b[tf(f.securityGroup)]),
    ports: tfPorts(b, ESS_ECI),
    registry: tfRegistry(b, made, ESS_ECI),
  };
}

/** A Terraform value that may be left out: absent when undefined. */
function optional(value: unknown): Known<unknown> {
  return value === undefined ? ABSENT : known(value);
}

function fromNative(ctx: EciSource, owner: TfBlock): EciSpec {
  const b = owner.body;
  const f = NATIVE_ECI.group;
  const name = b[tf(f.containerGroupName)];
  const vSwitch = b[tf(f.vSwitch)];
  const made = ctx.ownerOf(owner);
  return {
    owner,
    backend: 'native',
    label: made ? ownerLabel(made) : `ECI ${owner.address}`,
    name: typeof name === 'string' && !isToken(name) ? name : undefined,
    ipv6Count: ABSENT, // alicloud_eci_container_group has no IPv6 argument (provider 1.289.0)
    ipv6CountField: '(none)',
    instanceTypes: stringListOf(known(b[tf(f.instanceType)]), true),
    instanceTypesField: propName(made, tf(f.instanceType)),
    vSwitches: vSwitch === undefined ? ABSENT : known([vSwitch]),
    vSwitchesField: propName(made, tf(f.vSwitch)),
    securityGroup: optional(b[tf(f.securityGroup)]),
    ports: tfPorts(b, NATIVE_ECI),
    registry: tfRegistry(b, made, NATIVE_ECI),
  };
}

/**
 * What the ECI model reads of the rule context: blocks by type and what values link to. RuleContext
 * implements it, so this module does not import the context (no import circle).
 * @internal
 */
export interface EciSource {
  ofType(type: string): readonly TfBlock[];
  link(value: unknown, types: readonly string[]): Link;
  describe(l: Link): string;
  ownerOf(block: TfBlock): ConstructOwner | undefined;
}

/** Every ECI of the document, and the ROS stacks that cannot be read. @internal */
export function extractEcis(ctx: EciSource): { ecis: EciSpec[]; opaque: OpaqueRosStack[] } {
  const ecis: EciSpec[] = [];
  const opaque: OpaqueRosStack[] = [];
  for (const b of ctx.ofType('alicloud_ros_stack')) fromRosStack(ctx, b, ecis, opaque);
  for (const b of ctx.ofType(ESS_ECI.resourceType)) ecis.push(fromEssConfiguration(ctx, b));
  for (const b of ctx.ofType(NATIVE_ECI.resourceType)) ecis.push(fromNative(ctx, b));
  return { ecis, opaque };
}
