/**
 * Wrong JavaScript types: what a JavaScript user or a jsii binding can pass (a number for a string, a string
 * for a list, null, an object, a function...), at any depth of the props. Every construct, static import
 * method, add*Rule method and factory must answer with its own error, naming where (the construct path, or the
 * factory) and the prop, or accept the value; never a TypeError, RangeError or other crash, never a silent
 * acceptance of a value of another type than the valid one it replaced, and never an echo of a secret.
 *
 * Each case takes generated valid props, picks one place in them (a prop, an item of a list, a field of a
 * nested plain object, or an optional prop that was not set) and puts a generated wrong value there.
 *
 * Cases per target: FC_NUM_RUNS / 5 (20 for the default `npm test`).
 */
import { Testing, TerraformStack, TerraformVariable } from 'cdktf';
import * as fc from 'fast-check';
import { containerGroupCase, fleetCase, explicitVSwitches, params, probeOptions, sgProps, sgRule, timeout, vpcCase } from './arbitraries';
import { newStack } from './harness';
import {
  ContainerGroup, ContainerGroupFleet, DualStackVpc, InternetChargeType, Ipv6CheckLevel, Ipv6Checks, Ipv6EgressOnlyRule,
  Ipv6Gateway, Ipv6InternetBandwidth, Peer, Port, Probe, SecurityGroup, Volume,
} from '../../src';

const SCALE = 0.2;

// ---------------------------------------------------------------------------------------------------------
// Wrong values and where to put them
// ---------------------------------------------------------------------------------------------------------

/** A value of any JavaScript kind (the kind decides whether it was wrong for the place). */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(NaN, Infinity, -0),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.string({ maxLength: 4 }), fc.constant(null)), { maxKeys: 3 }),
  fc.constant(() => 'a function'),
  fc.constant({ toString: 'not callable' }),
  fc.constant(Object.create(null)),
  fc.bigInt(),
  fc.constant(Symbol('wrong')),
);

/** The kind of a value, for "was the replacement of another type": class instances by their class. */
function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value !== 'object') return typeof value;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null ? 'object' : `instance:${proto.constructor?.name}`;
}

function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype;
}

type Key = string | number;

/** Every place in the plain data of `props` (plain objects and arrays; class instances and constructs are leaves). */
function places(props: Record<string, unknown>, optional: readonly string[]): Key[][] {
  const out: Key[][] = [];
  const walk = (value: unknown, path: Key[]) => {
    if (!isPlain(value)) return;
    const entries: Array<[Key, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    for (const [k, v] of entries) {
      out.push([...path, k]);
      walk(v, [...path, k]);
    }
  };
  walk(props, []);
  for (const key of optional) if (props[key] === undefined) out.push([key]);
  return out;
}

/** `containers[0].ports[1].port`, the way the constructs name props. */
function propName(path: Key[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** A deep copy of the plain data of `props` with `value` at `path` (instances and constructs are shared). */
function withValue(props: Record<string, unknown>, path: Key[], value: unknown): Record<string, unknown> {
  const copy = (x: unknown): unknown => {
    if (!isPlain(x)) return x;
    if (Array.isArray(x)) return x.map(copy);
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, copy(v)]));
  };
  const root = copy(props) as Record<string, unknown>;
  let at: any = root;
  for (const k of path.slice(0, -1)) at = at[k];
  at[path[path.length - 1]] = value;
  return root;
}

function get(props: Record<string, unknown>, path: Key[]): unknown {
  let at: any = props;
  for (const k of path) at = at?.[k];
  return at;
}

// ---------------------------------------------------------------------------------------------------------
// The check
// ---------------------------------------------------------------------------------------------------------

/** What to build: the stack (undefined for factories), where errors must point, and the call. */
interface Target {
  readonly stack?: TerraformStack;
  /** The construct path or the factory (`Peer.ipv4`) that errors must name. */
  readonly where: string;
  readonly props: Record<string, unknown>;
  /** Optional props not always set by the valid generator (so that they get wrong values too). */
  readonly optional?: readonly string[];
  /** The props object is one argument (a constructor's props): it may be replaced whole, named `whole`. */
  readonly whole?: string;
  readonly build: (props: any) => unknown;
}

const CRASH = /is not a function|Cannot read propert|Cannot convert|is not iterable|undefined is not|null is not|Maximum call stack|TfToken/;

/** Puts `wrong` at one place of the target's props, builds and synthesizes; asserts the outcome. */
function check(t: Target, pick: number, wrong: unknown): void {
  const all = [...places(t.props, t.optional ?? []), ...(t.whole ? [[]] : [])];
  const path = all[pick % all.length];
  const before = path.length === 0 ? t.props : get(t.props, path);
  const props = path.length === 0 ? wrong : withValue(t.props, path, wrong);
  const prop = path.length === 0 ? t.whole! : propName(path);
  const root = path.length === 0 ? t.whole! : String(path[0]);
  const secret = /\.password$|\.secretEnvironment\./.test(prop);
  let caught: unknown;
  try {
    t.build(props);
    if (t.stack) Testing.synth(t.stack, true);
  } catch (e) {
    caught = e;
  }
  const what = `${t.where}: ${prop} = ${show(wrong)} (was ${show(before)})`;
  if (caught === undefined) {
    // accepted: only right when the value is of the kind the valid props had there (or unset)
    if (before !== undefined && wrong !== undefined && kind(before) !== kind(wrong)) {
      throw new Error(`${what} was accepted silently`);
    }
    return;
  }
  if (!(caught instanceof Error) || caught instanceof TypeError || caught instanceof RangeError || caught instanceof ReferenceError) {
    throw new Error(`${what} crashed with ${(caught as any)?.constructor?.name}: ${(caught as any)?.message ?? String(caught)}`);
  }
  const message = caught.message;
  if (CRASH.test(message)) throw new Error(`${what} crashed: ${message}`);
  // A factory's message may name its one argument in upper case ("Peer.ipv4('x'): not an IPv4 CIDR block").
  // Props replaced whole by another object are reported by the props it lacks.
  const names = path.length === 0 && kind(wrong) === 'object' ? /\n {2}- \w/.test(message)
    : t.stack ? message.includes(root) : message.toLowerCase().includes(root.toLowerCase());
  if (!message.includes(t.where) || !names) {
    throw new Error(`${what}: the error does not name ${JSON.stringify(t.where)} and ${JSON.stringify(root)}:\n${message}`);
  }
  if (secret && (typeof wrong === 'string' || typeof wrong === 'number') && String(wrong).length >= 3 && message.includes(String(wrong))) {
    throw new Error(`${what}: the error echoes the secret value:\n${message}`);
  }
}

function show(v: unknown): string {
  if (typeof v === 'function') return 'a function';
  if (typeof v === 'symbol' || typeof v === 'bigint') return `${typeof v} ${String(v)}`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return kind(v);
  }
}

/**
 * One property per target: a generated target, a place, a wrong value. With WRONG_TYPES_TALLY=1 every case
 * runs (seed 17) and the failures are counted by kind and printed instead (to report what a version does).
 */
function fuzz(name: string, target: fc.Arbitrary<() => Target>): void {
  test(name, () => {
    if (process.env.WRONG_TYPES_TALLY) {
      const tally: Record<string, number> = {};
      const cases = fc.sample(fc.tuple(target, fc.nat(), wrongValue), { numRuns: params(SCALE).numRuns, seed: 17 });
      for (const [make, pick, wrong] of cases) {
        try {
          check(make(), pick, wrong);
          tally.ok = (tally.ok ?? 0) + 1;
        } catch (e) {
          const m = /crashed with (\w+)|(accepted silently)|(does not name)|(echoes)|(crashed):/.exec((e as Error).message);
          const k = m ? (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]) : 'other';
          tally[k] = (tally[k] ?? 0) + 1;
        }
      }
      // eslint-disable-next-line no-console
      console.log(`TALLY ${name}: ${JSON.stringify(tally)}`);
      return;
    }
    fc.assert(fc.property(target, fc.nat(), wrongValue, (make, pick, wrong) => check(make(), pick, wrong)), params(SCALE));
  }, timeout(SCALE));
}

// ---------------------------------------------------------------------------------------------------------
// Targets
// ---------------------------------------------------------------------------------------------------------

function network(stack: TerraformStack) {
  const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a', 'cn-huhehaote-b'] });
  const sg = new SecurityGroup(stack, 'Sg', { vpc });
  return { vpc, sg };
}

const VPC_OPTIONAL = ['vpcName', 'cidrBlock', 'zones', 'vSwitches', 'vSwitchCidrMask', 'ipv6Gateway', 'description', 'tags', 'resourceGroupId'];

describe('every construct answers wrong types with its own error', () => {
  fuzz('DualStackVpc (zones form)', vpcCase.map((c) => () => {
    const { stack } = newStack(c.region);
    const { region, vpcPrefix, ...props } = c;
    return { stack, where: 'test/Vpc', props, optional: VPC_OPTIONAL, whole: 'props', build: (p) => new DualStackVpc(stack, 'Vpc', p) };
  }));

  fuzz('DualStackVpc (vSwitches form)', explicitVSwitches.map((c) => () => {
    const { stack } = newStack(c.region);
    return { stack, where: 'test/Vpc', props: { vSwitches: c.vSwitches }, optional: VPC_OPTIONAL, build: (p) => new DualStackVpc(stack, 'Vpc', p) };
  }));

  fuzz('DualStackVpc.addVSwitch', fc.constantFrom('cn-huhehaote-c', 'cn-huhehaote-d').map((zoneId) => () => {
    const { stack } = newStack('cn-huhehaote');
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    return { stack, where: 'test/Vpc', props: { spec: { zoneId, cidrBlock: '10.0.9.0/24', vSwitchName: 'extra' } }, optional: [], build: (p) => vpc.addVSwitch(p.spec) };
  }));

  fuzz('DualStackVpc.fromVpcAttributes', fc.boolean().map((withGateway) => () => {
    const { stack } = newStack('cn-huhehaote');
    const props = {
      vpcId: 'vpc-1',
      ipv6CidrBlock: '2408:4000:1000::/56',
      vSwitches: [{ vSwitchId: 'vsw-1', zoneId: 'cn-huhehaote-a', cidrBlock: '10.0.0.0/24', ipv6CidrBlock: '2408:4000:1000:1::/64', ipv6Enabled: true }],
      ipv6GatewayId: withGateway ? 'ipv6gw-1' : undefined,
    };
    return { stack, where: 'test/Imported', props, optional: ['ipv6GatewayId'], whole: 'attrs', build: (p) => DualStackVpc.fromVpcAttributes(stack, 'Imported', p) };
  }));

  fuzz('Ipv6Gateway', fc.boolean().map((byId) => () => {
    const { stack } = newStack('cn-huhehaote');
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'], ipv6Gateway: false });
    const props = { ...(byId ? { vpcId: 'vpc-1' } : { vpc }), ipv6GatewayName: 'edge', description: 'gateway-for-web', tags: { team: 'web' }, resourceGroupId: 'rg-1' };
    return { stack, where: 'test/Gw', props, optional: ['vpc', 'vpcId'], whole: 'props', build: (p) => new Ipv6Gateway(stack, 'Gw', p) };
  }));

  fuzz('Ipv6Gateway.fromIpv6GatewayId', fc.constant(() => {
    const { stack } = newStack('cn-huhehaote');
    return { stack, where: 'test/Gw', props: { ipv6GatewayId: 'ipv6gw-1' }, build: (p) => Ipv6Gateway.fromIpv6GatewayId(stack, 'Gw', p.ipv6GatewayId) };
  }));

  fuzz('Ipv6InternetBandwidth', fc.constantFrom(...Object.values(InternetChargeType)).map((charge) => () => {
    const { stack } = newStack('cn-huhehaote');
    const { vpc } = network(stack);
    const props = { ipv6AddressId: 'ipv6-1', ipv6Gateway: vpc.ipv6Gateway, bandwidth: 10, internetChargeType: charge };
    return { stack, where: 'test/Bw', props, whole: 'props', build: (p) => new Ipv6InternetBandwidth(stack, 'Bw', p) };
  }));

  fuzz('Ipv6EgressOnlyRule', fc.boolean().map((withBandwidth) => () => {
    const { stack } = newStack('cn-huhehaote');
    const { vpc } = network(stack);
    const gw = vpc.ipv6Gateway!;
    const bw = withBandwidth ? new Ipv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: 'ipv6-1', ipv6Gateway: gw }) : undefined;
    const props = { ipv6Gateway: gw, ipv6AddressId: 'ipv6-1', internetBandwidth: bw, ipv6EgressRuleName: 'web-egress', description: 'egress only' };
    return { stack, where: 'test/Rule', props, optional: ['internetBandwidth'], whole: 'props', build: (p) => new Ipv6EgressOnlyRule(stack, 'Rule', p) };
  }));

  fuzz('SecurityGroup', sgProps.map((c) => () => {
    const { stack } = newStack('cn-huhehaote');
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    return {
      stack,
      where: 'test/Web',
      props: { vpc, ...c },
      optional: ['securityGroupName', 'description', 'tags', 'securityGroupType', 'resourceGroupId'],
      whole: 'props',
      build: (p) => new SecurityGroup(stack, 'Web', p),
    };
  }));

  fuzz('SecurityGroup.addIngressRule / addEgressRule', sgRule.map((r) => () => {
    const { stack } = newStack('cn-huhehaote');
    const { sg } = network(stack);
    return {
      stack,
      where: 'test/Sg',
      props: { peer: r.peer.peer, port: r.port, description: r.description },
      optional: ['description'],
      build: (p) => (r.direction === 'ingress' ? sg.addIngressRule(p.peer, p.port, p.description) : sg.addEgressRule(p.peer, p.port, p.description)),
    };
  }));

  fuzz('SecurityGroup.fromSecurityGroupId', fc.constant(() => {
    const { stack } = newStack('cn-huhehaote');
    return {
      stack,
      where: 'test/Imported',
      props: { securityGroupId: 'sg-1', vpcId: 'vpc-1' },
      build: (p) => SecurityGroup.fromSecurityGroupId(stack, 'Imported', p.securityGroupId, p.vpcId),
    };
  }));

  fuzz('Peer and Port factories', fc.constantFrom<Array<() => Target>>(
    () => ({ where: 'Peer.ipv4', props: { cidr: '10.0.0.0/8' }, build: (p) => Peer.ipv4(p.cidr) }),
  () => ({ where: 'Peer.ipv6', props: { cidr: '2408:4000::/56' }, build: (p) => Peer.ipv6(p.cidr) }),
  () => ({ where: 'Port.tcp', props: { port: 443 }, build: (p) => Port.tcp(p.port) }),
  () => ({ where: 'Port.udp', props: { port: 53 }, build: (p) => Port.udp(p.port) }),
  () => ({ where: 'Port.tcpRange', props: { from: 80, to: 90 }, build: (p) => Port.tcpRange(p.from, p.to) }),
  () => ({ where: 'Port.udpRange', props: { from: 80, to: 90 }, build: (p) => Port.udpRange(p.from, p.to) }),
  ));

  fuzz('Probe and Volume factories', probeOptions.chain((o) => fc.constantFrom<Array<() => Target>>(
    () => ({ where: 'Probe.httpGet', props: { options: { ...o, port: 80, path: '/healthz' } }, build: (p) => Probe.httpGet(p.options) }),
  () => ({ where: 'Probe.tcpSocket', props: { port: 80, options: o }, optional: ['options'], build: (p) => Probe.tcpSocket(p.port, p.options) }),
  () => ({ where: 'Probe.exec', props: { commands: ['cat', '/tmp/ok'], options: o }, optional: ['options'], build: (p) => Probe.exec(p.commands, p.options) }),
  () => ({ where: 'Volume.emptyDir', props: { name: 'scratch' }, build: (p) => Volume.emptyDir(p.name) }),
  () => ({ where: 'Volume.nfs', props: { name: 'share', options: { server: 'nas.example.com', path: '/', readOnly: true } }, build: (p) => Volume.nfs(p.name, p.options) }),
  )));

  for (const ipv6 of [0, 1]) {
    fuzz(`ContainerGroup (${ipv6 ? 'IPv6, ROS' : 'native'})`, fc.tuple(containerGroupCase(), fc.boolean()).map(([c, privateImages]) => () => {
      const { stack } = newStack('cn-huhehaote');
      const { vpc, sg } = network(stack);
      const password = new TerraformVariable(stack, 'Password', { type: 'string', sensitive: true });
      const { vSwitchIndex, ...rest } = c;
      const containers = privateImages
        ? rest.containers.map((x, i) => (i === 0 ? { ...x, secretEnvironment: { API_KEY: password.stringValue } } : x))
        : rest.containers;
      const props = {
        ...rest,
        containers,
        ipv6AddressCount: ipv6,
        ipv6InternetBandwidth: ipv6 ? rest.ipv6InternetBandwidth : undefined,
        vpc,
        securityGroup: sg,
        vSwitch: vpc.vSwitches[vSwitchIndex % 2],
        ...(privateImages ? {
          acrInstances: [{ instanceId: 'cri-1', instanceName: 'acr', regionId: 'cn-huhehaote', domains: ['acr-registry.cn-huhehaote.cr.aliyuncs.com'] }],
          imageRegistryCredentials: [{ server: 'registry.example.com', userName: 'deploy', password: password.stringValue }],
          ramRoleName: 'eci-role',
          autoMatchImageCache: true,
        } : {}),
      };
      return {
        stack,
        where: 'test/Group',
        props,
        whole: 'props',
        optional: ['cpu', 'memory', 'instanceType', 'instanceTypeGuard', 'restartPolicy', 'ipv6InternetBandwidth', 'volumes', 'tags', 'acrInstances',
          'imageRegistryCredentials', 'ramRoleName', 'autoMatchImageCache', 'imageSnapshotId', 'stackTimeoutInMinutes', 'containerGroupName'],
        build: (p) => new ContainerGroup(stack, 'Group', p),
      };
    }));
  }

  fuzz('ContainerGroupFleet', fleetCase().map((c) => () => {
    const { stack } = newStack('cn-huhehaote');
    const { vpc, sg } = network(stack);
    const { vSwitchMask, ...rest } = c;
    const props = { ...rest, vpc, securityGroup: sg, vSwitches: vSwitchMask % 2 ? [vpc.vSwitches[0]] : undefined };
    return {
      stack,
      where: 'test/Fleet',
      props,
      whole: 'props',
      optional: ['vSwitches', 'desiredCapacity', 'cpu', 'memory', 'instanceTypes', 'instanceTypeGuard', 'restartPolicy', 'volumes', 'scalingGroupName',
        'containerGroupName', 'acrInstances', 'imageRegistryCredentials', 'ramRoleName', 'autoMatchImageCache', 'imageSnapshotId', 'tags'],
      build: (p) => new ContainerGroupFleet(stack, 'Fleet', p),
    };
  }));

  fuzz('Ipv6Checks props', fc.boolean().map((reports) => () => ({
    where: 'Ipv6Checks',
    whole: 'props',
    props: {
      additionalRegions: ['cn-zhongwei'],
      additionalIpv6Families: ['g9a'],
      additionalNonIpv6Families: ['t5'],
      ruleLevels: { 'ALI-IPV6-001': Ipv6CheckLevel.WARNING },
      reports,
    },
    build: (p) => new Ipv6Checks(p),
  })));
});
