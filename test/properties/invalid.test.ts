/**
 * Properties for invalid props: every one is rejected as a construct error (an Error naming the construct path
 * and the prop, never a TypeError or RangeError), an error annotation, or a plan-checker error naming the prop.
 * Never a crash of another kind, and never a silently valid plan.
 *
 * Each property takes a generated valid case and breaks exactly one prop in a generated way.
 *
 * Cases per property: FC_NUM_RUNS (default 100; `npx projen test:props` runs 10000).
 */
import { TerraformVariable, Token } from 'cdktf';
import * as fc from 'fast-check';
import {
  badInteger, badPositive, bandwidth, containerGroupCase, fleetCase, ipv4PeerCidr, ipv6PeerCidr, malformedCidr,
  ipv4Text, notInEnum, params, REGIONS, regionAndZones, timeout, vpcCase,
} from './arbitraries';
import { expectRejected, newStack, newVpc, synth } from './harness';
import {
  alicloud, ContainerGroup, ContainerGroupFleet, ContainerProtocol, DualStackVpc, ImagePullPolicy, InternetChargeType, Ipv6EgressOnlyRule,
  Ipv6Gateway, Ipv6InternetBandwidth, Peer, Port, Probe, ProbeScheme, RestartPolicy, SecurityGroup, SecurityGroupType, Volume,
} from '../../src';

// ---------------------------------------------------------------------------------------------------------
// DualStackVpc
// ---------------------------------------------------------------------------------------------------------

/** A reserved or non-private-range IPv4 block that Alibaba refuses as a VPC block (valid syntax, host bits zero). */
const reservedVpcCidr = fc.constantFrom(
  '0.0.0.0/8', '100.64.0.0/10', '100.64.0.0/16', '224.0.0.0/4', '230.1.0.0/16', '127.0.0.0/8', '127.1.0.0/16', '169.254.0.0/16', '96.0.0.0/3',
);

/** One broken DualStackVpc prop: [prop named in the error, props override]. */
const brokenVpc = fc.oneof(
  malformedCidr.map((cidr) => ['cidrBlock', { cidrBlock: cidr }] as const),
  ipv6PeerCidr.map((cidr) => ['cidrBlock', { cidrBlock: cidr }] as const),
  fc.integer({ min: 0, max: 32 }).filter((p) => p < 8 || p > 28).map((p) => ['cidrBlock', { cidrBlock: `10.0.0.0/${p}` }] as const),
  // host bits set: an address that is not the network address of its prefix
  fc.integer({ min: 8, max: 28 }).chain((p) => fc.integer({ min: 1, max: 2 ** (32 - p) - 1 })
    .map((offset) => ['cidrBlock', { cidrBlock: `${ipv4Text(10 * 2 ** 24 + offset)}/${p}` }] as const)),
  reservedVpcCidr.map((cidr) => ['cidrBlock', { cidrBlock: cidr }] as const),
  badInteger(16, 29).map((m) => ['vSwitchCidrMask', { vSwitchCidrMask: m }] as const),
  // a mask shorter than the VPC prefix
  fc.tuple(fc.integer({ min: 17, max: 24 }), fc.nat()).map(([p, d]) => ['vSwitchCidrMask', { cidrBlock: `10.0.0.0/${p}`, vSwitchCidrMask: 16 + (d % (p - 16)) }] as const),
  // no room: a /24 carved into /25s holds 2 vSwitches
  fc.constant(['vSwitchCidrMask', { cidrBlock: '10.0.0.0/24', vSwitchCidrMask: 25, zones: ['cn-huhehaote-a', 'cn-huhehaote-b', 'cn-huhehaote-c'] }] as const),
  fc.constant(['zones', { zones: [] as string[] }] as const),
  fc.constant(['zones', { zones: undefined }] as const),
  fc.constantFrom('cn-huhehaote-a', 'cn-huhehaote-b').map((z) => ['zones', { zones: [z, 'cn-huhehaote-c', z] }] as const),
  // zones of two regions
  fc.tuple(fc.constantFrom(...REGIONS[0].zones), fc.constantFrom(...REGIONS[1].zones, ...REGIONS[2].zones))
    .map(([a, b]) => ['zones', { zones: [a, b] }] as const),
  // a zone outside the provider's region (cn-huhehaote)
  fc.constantFrom(...REGIONS[1].zones, ...REGIONS[2].zones).map((z) => ['zones', { zones: [z] }] as const),
  // not a zone id
  fc.constantFrom('cn-huhehaote', 'huhehaote-a', 'CN-HUHEHAOTE-A', 'cn-huhehaote-', 'cn_huhehaote_a', ' cn-huhehaote-a', 'cn-huhehaote-aa', 'a', '1')
    .map((z) => ['zones', { zones: [z] }] as const),
  fc.constant(['zones', { vSwitches: [{ zoneId: 'cn-huhehaote-a' }] }] as const), // zones and vSwitches both
);

/** Broken explicit vSwitch specs (a 10.0.0.0/16 VPC in cn-huhehaote). */
const brokenVSwitches = fc.oneof(
  malformedCidr.map((cidr) => ['vSwitches[0].cidrBlock', [{ zoneId: 'cn-huhehaote-a', cidrBlock: cidr }]] as const),
  fc.integer({ min: 0, max: 32 }).filter((p) => p < 16 || p > 29).map((p) => ['vSwitches[0].cidrBlock', [{ zoneId: 'cn-huhehaote-a', cidrBlock: `10.0.0.0/${p}` }]] as const),
  fc.integer({ min: 1, max: 255 }).map((x) => ['vSwitches[0].cidrBlock', [{ zoneId: 'cn-huhehaote-a', cidrBlock: `10.1.${x}.0/24` }]] as const), // outside the VPC
  fc.integer({ min: 1, max: 255 }).map((x) => ['vSwitches[0].cidrBlock', [{ zoneId: 'cn-huhehaote-a', cidrBlock: `10.0.0.${x}/24` }]] as const), // host bits
  fc.integer({ min: 0, max: 255 }).map((x) => ['vSwitches[1].cidrBlock', [
    { zoneId: 'cn-huhehaote-a', cidrBlock: `10.0.${x}.0/24` }, { zoneId: 'cn-huhehaote-b', cidrBlock: `10.0.${x}.128/25` },
  ]] as const), // overlap
  badInteger(0, 255).map((m) => ['vSwitches[0].ipv6CidrBlockMask', [{ zoneId: 'cn-huhehaote-a', ipv6CidrBlockMask: m }]] as const),
  fc.integer({ min: 0, max: 255 }).map((m) => ['vSwitches[1].ipv6CidrBlockMask', [
    { zoneId: 'cn-huhehaote-a', ipv6CidrBlockMask: m }, { zoneId: 'cn-huhehaote-b', ipv6CidrBlockMask: m },
  ]] as const), // duplicate
  fc.integer({ min: 0, max: 255 }).map((m) => ['vSwitches[0].ipv6CidrBlockMask', [{ zoneId: 'cn-huhehaote-a', ipv6Enabled: false, ipv6CidrBlockMask: m }]] as const),
  fc.constant(['vSwitches', [] as any[]] as const),
  fc.constantFrom('', 'nowhere').map((z) => ['vSwitches[0].zoneId', [{ zoneId: z }]] as const),
);

describe('DualStackVpc with one invalid prop', () => {
  test('is rejected naming the path and the prop', () => {
    fc.assert(fc.property(vpcCase, brokenVpc, (valid, [prop, override]) => {
      const { stack } = newStack('cn-huhehaote');
      // a cidrBlock override comes with a vSwitch mask that fits any VPC prefix up to /29
      const mask = 'cidrBlock' in override && !('vSwitchCidrMask' in override) ? { vSwitchCidrMask: 29 } : {};
      const c = { ...valid, zones: ['cn-huhehaote-a'], ...mask, ...override };
      expectRejected(stack, () => new DualStackVpc(stack, 'Vpc', {
        zones: c.zones as string[] | undefined,
        vSwitches: (c as any).vSwitches,
        cidrBlock: c.cidrBlock,
        vSwitchCidrMask: c.vSwitchCidrMask,
        vpcName: c.vpcName,
      }), 'test/Vpc', prop);
    }), params());
  }, timeout());

  test('explicit vSwitches: malformed, misplaced, overlapping blocks and bad IPv6 masks are rejected naming the vSwitch', () => {
    fc.assert(fc.property(brokenVSwitches, ([prop, vSwitches]) => {
      const { stack } = newStack('cn-huhehaote');
      expectRejected(stack, () => new DualStackVpc(stack, 'Vpc', { vSwitches: vSwitches as any }), 'test/Vpc', prop);
    }), params());
  }, timeout());

  test('tokens where literals are needed (carving from a token block or with a token mask) are rejected', () => {
    fc.assert(fc.property(regionAndZones, fc.boolean(), (rz, tokenBlock) => {
      const { stack } = newStack(rz.region);
      const v = new TerraformVariable(stack, 'v', {});
      expectRejected(stack, () => new DualStackVpc(stack, 'Vpc', tokenBlock
        ? { zones: rz.zones, cidrBlock: v.stringValue }
        : { zones: rz.zones, vSwitchCidrMask: v.numberValue }), 'test/Vpc', tokenBlock ? 'cidrBlock' : 'vSwitchCidrMask');
    }), params(0.25));
  }, timeout(0.25));

  test('a provider in another region, added after the VPC, is caught at synth time', () => {
    fc.assert(fc.property(fc.constantFrom(...REGIONS[1].zones), (zone) => {
      const { stack } = newStack(undefined);
      expectRejected(stack, () => {
        new DualStackVpc(stack, 'Vpc', { zones: [zone] });
        new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
      }, 'test/Vpc', 'zones');
    }), params(0.1));
  }, timeout(0.1));
});

// ---------------------------------------------------------------------------------------------------------
// Security groups, Peer, Port
// ---------------------------------------------------------------------------------------------------------

/** Runs a factory that must throw an Error (not a TypeError/RangeError) naming the call and the offending value. */
function expectFactoryError(fn: () => unknown, call: string, value: string): void {
  expectRejected(undefined, fn, call, value);
}

describe('Peer and Port with invalid arguments', () => {
  test('Peer.ipv4 rejects malformed blocks and IPv6 blocks, naming the call and the value', () => {
    fc.assert(fc.property(fc.oneof(malformedCidr, ipv6PeerCidr), (cidr) => {
      expectFactoryError(() => Peer.ipv4(cidr), 'Peer.ipv4(', `'${cidr}'`);
    }), params());
  }, timeout());

  test('Peer.ipv6 rejects malformed blocks and IPv4 blocks, naming the call and the value', () => {
    fc.assert(fc.property(fc.oneof(malformedCidr, ipv4PeerCidr), (cidr) => {
      expectFactoryError(() => Peer.ipv6(cidr), 'Peer.ipv6(', `'${cidr}'`);
    }), params());
  }, timeout());

  test('Port factories reject out-of-range, fractional, NaN, infinite and reversed ports', () => {
    const bad = badInteger(1, 65535);
    const good = fc.integer({ min: 1, max: 65535 });
    fc.assert(fc.property(fc.oneof(
      bad.map((p) => ['Port.tcp(', 'port must be', () => Port.tcp(p)] as const),
      bad.map((p) => ['Port.udp(', 'port must be', () => Port.udp(p)] as const),
      fc.tuple(bad, good).map(([a, b]) => ['Port.tcpRange(', 'from port', () => Port.tcpRange(a, b)] as const),
      fc.tuple(good, bad).map(([a, b]) => ['Port.udpRange(', 'to port', () => Port.udpRange(a, b)] as const),
      fc.tuple(good, good).filter(([a, b]) => a !== b).map(([a, b]) => ['Port.tcpRange(', 'reversed', () => Port.tcpRange(Math.max(a, b), Math.min(a, b))] as const),
    ), ([call, what, fn]) => {
      expectFactoryError(fn, call, what);
    }), params());
  }, timeout());
});

describe('SecurityGroup with invalid props or rules', () => {
  test('ICMP with an IPv6 peer, ICMPv6 with an IPv4 peer, and unknown group types are rejected naming the path and the prop', () => {
    fc.assert(fc.property(fc.oneof(
      fc.tuple(ipv6PeerCidr, fc.boolean()).map(([c, any]) => ['port', (sg: SecurityGroup) => sg.addIngressRule(any ? Peer.anyIpv6() : Peer.ipv6(c), Port.icmp())] as const),
      fc.tuple(ipv4PeerCidr, fc.boolean()).map(([c, any]) => ['port', (sg: SecurityGroup) => sg.addEgressRule(any ? Peer.anyIpv4() : Peer.ipv4(c), Port.icmpv6())] as const),
      notInEnum(SecurityGroupType).map((t) => ['securityGroupType', t] as const),
    ), ([prop, action]) => {
      const { stack } = newStack('cn-huhehaote');
      const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
      expectRejected(stack, () => {
        const sg = new SecurityGroup(stack, 'Sg', { vpc, securityGroupType: typeof action === 'string' ? action as SecurityGroupType : undefined });
        if (typeof action === 'function') action(sg);
      }, 'test/Sg', prop);
    }), params());
  }, timeout());
});

describe('Ipv6Gateway, Ipv6InternetBandwidth and Ipv6EgressOnlyRule with one invalid prop', () => {
  test('are rejected naming the path and the prop', () => {
    const badName = fc.oneof(
      fc.constantFrom('', 'a', '1abc', '-abc', '_abc', 'has space', 'ab.c', 'http://x', 'a'.repeat(130)),
      fc.string({ maxLength: 12 }).filter((s) => !/^[a-zA-Z\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9_-]{2,128}$/.test(s)),
    );
    fc.assert(fc.property(fc.oneof(
      badInteger(1, 5000).map((b) => ['Bw', 'bandwidth', { bandwidth: b }] as const),
      notInEnum(InternetChargeType).map((t) => ['Bw', 'internetChargeType', { internetChargeType: t }] as const),
      fc.constant(['Bw', 'ipv6AddressId', { ipv6AddressId: '' }] as const),
      badName.filter((n) => !/^[a-zA-Z\u4e00-\u9fa5][\u4e00-\u9fa5A-Za-z0-9_-]{1,128}$/.test(n)).map((n) => ['Gw', 'ipv6GatewayName', { ipv6GatewayName: n }] as const),
      badName.map((n) => ['Egress', 'ipv6EgressRuleName', { ipv6EgressRuleName: n }] as const),
      fc.constantFrom('x', 'y'.repeat(257)).map((d) => ['Egress', 'description', { description: d }] as const),
      fc.constant(['Egress', 'internetBandwidth', { otherAddress: true }] as const),
    ), bandwidth, ([id, prop, override], bw) => {
      const { stack } = newStack('cn-huhehaote');
      expectRejected(stack, () => {
        const o = override as any;
        const gw = new Ipv6Gateway(stack, 'Gw', { vpcId: 'vpc-123', ipv6GatewayName: o.ipv6GatewayName });
        const b = new Ipv6InternetBandwidth(stack, 'Bw', {
          ipv6Gateway: gw,
          ipv6AddressId: o.ipv6AddressId ?? 'ipv6-abc',
          ...bw,
          ...(o.bandwidth !== undefined ? { bandwidth: o.bandwidth } : {}),
          ...(o.internetChargeType !== undefined ? { internetChargeType: o.internetChargeType } : {}),
        });
        new Ipv6EgressOnlyRule(stack, 'Egress', {
          ipv6Gateway: gw,
          ipv6AddressId: o.otherAddress ? 'ipv6-other' : 'ipv6-abc',
          internetBandwidth: b,
          ipv6EgressRuleName: o.ipv6EgressRuleName,
          description: o.description,
        });
      }, `test/${id}`, prop);
    }), params());
  }, timeout());
});

// ---------------------------------------------------------------------------------------------------------
// ContainerGroup and ContainerGroupFleet
// ---------------------------------------------------------------------------------------------------------

/** A name that is not a valid container (group) name. */
const badDnsName = fc.oneof(
  fc.constantFrom('', 'a', '-web', 'web-', 'Web', 'WEB', 'we_b', 'we.b', 'we b', 'x'.repeat(129), 'ünïcode'),
  fc.string({ maxLength: 10 }).filter((s) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(s) || s.length < 2),
);

const badEnvName = fc.oneof(
  fc.constantFrom('1ABC', 'A B', 'A=B', '', 'A$', 'A/B', 'x'.repeat(129)),
  fc.string({ maxLength: 8 }).filter((s) => !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s)),
).filter((k) => k !== '__proto__');

/** One broken container-spec prop, as [prop named in the error, change to the props]. Shared by both constructs. */
const brokenContainerSpec: fc.Arbitrary<readonly [string, (p: any, n: Net) => any]> = fc.oneof(
  fc.constant(['containers', (p: any) => ({ ...p, containers: [] })] as const),
  badDnsName.map((n) => ['containers[0].name', (p: any) => ({ ...p, containers: [{ ...p.containers[0], name: n }, ...p.containers.slice(1)] })] as const),
  fc.constant(['containers[1].name', (p: any) => ({ ...p, containers: [p.containers[0], { ...p.containers[0], image: 'busybox' }] })] as const),
  fc.constantFrom('', ' ', '\t').map((i) => ['containers[0].image', (p: any) => ({ ...p, containers: [{ ...p.containers[0], image: i }] })] as const),
  badInteger(1, 65535).map((port) => ['containers[0].ports[0].port', (p: any) => ({ ...p, containers: [{ ...p.containers[0], ports: [{ port }] }] })] as const),
  badEnvName.map((k) => ['containers[0].environment', (p: any) => ({ ...p, containers: [{ ...p.containers[0], environment: { [k]: 'v' } }] })] as const),
  badPositive.map((n) => ['containers[0].cpu', (p: any) => ({ ...p, containers: [{ ...p.containers[0], cpu: n }] })] as const),
  badPositive.map((n) => ['containers[0].memory', (p: any) => ({ ...p, containers: [{ ...p.containers[0], memory: n }] })] as const),
  notInEnum(ImagePullPolicy).map((x) => ['containers[0].imagePullPolicy', (p: any) => ({ ...p, containers: [{ ...p.containers[0], imagePullPolicy: x }] })] as const),
  notInEnum(ContainerProtocol).map((x) => ['containers[0].ports[0].protocol', (p: any) => ({
    ...p, containers: [{ ...p.containers[0], ports: [{ port: 80, protocol: x }] }],
  })] as const),
  notInEnum(ProbeScheme).map((x) => ['containers[0].readinessProbe.scheme', (p: any) => ({
    ...p, containers: [{ ...p.containers[0], readinessProbe: Probe.httpGet({ port: 80, scheme: x as ProbeScheme }) }],
  })] as const),
  notInEnum(RestartPolicy).map((x) => ['restartPolicy', (p: any) => ({ ...p, restartPolicy: x })] as const),
  fc.constant(['securityGroup', (p: any, n: Net) => ({ ...p, securityGroup: n.noGwSg })] as const),
  fc.constant(['vpc', (p: any) => ({ ...p, vpc: undefined })] as const),
  fc.constant(['securityGroup', (p: any) => ({ ...p, securityGroup: undefined })] as const),
  fc.tuple(fc.constantFrom('periodSeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold', 'initialDelaySeconds'), fc.boolean())
    .chain(([opt, live]) => badInteger(opt === 'initialDelaySeconds' ? 0 : 1, opt.endsWith('Threshold') ? 100 : 86400).map((n) => [
      `containers[0].${live ? 'liveness' : 'readiness'}Probe.${opt}`,
      (p: any) => ({ ...p, containers: [{ ...p.containers[0], [live ? 'livenessProbe' : 'readinessProbe']: Probe.tcpSocket(80, { [opt]: n }) }] }),
    ] as const)),
  badInteger(1, 65535).map((port) => ['containers[0].livenessProbe.port', (p: any) => ({ ...p, containers: [{ ...p.containers[0], livenessProbe: Probe.httpGet({ port }) }] })] as const),
  fc.constant(['containers[0].readinessProbe.commands', (p: any) => ({ ...p, containers: [{ ...p.containers[0], readinessProbe: Probe.exec([]) }] })] as const),
  fc.constant(['containers[0].volumeMounts[0].name', (p: any) => ({
    ...p, volumes: undefined, containers: [{ ...p.containers[0], volumeMounts: [{ name: 'nope', mountPath: '/data' }] }],
  })] as const),
  fc.constantFrom('data', './data', '', 'C:\\data').map((path) => ['containers[0].volumeMounts[0].mountPath', (p: any) => ({
    ...p, volumes: [Volume.emptyDir('scratch')], containers: [{ ...p.containers[0], volumeMounts: [{ name: 'scratch', mountPath: path }] }],
  })] as const),
  fc.constant(['volumes[1].name', (p: any) => ({ ...p, volumes: [Volume.emptyDir('dup'), Volume.emptyDir('dup')] })] as const),
  badDnsName.filter((n) => n !== '').map((n) => ['containerGroupName', (p: any) => ({ ...p, containerGroupName: n })] as const),
  badPositive.map((n) => ['cpu', (p: any) => ({ ...p, cpu: n, instanceType: undefined, instanceTypes: undefined })] as const),
  badPositive.map((n) => ['memory', (p: any) => ({ ...p, memory: n, instanceType: undefined, instanceTypes: undefined })] as const),
  badInteger(0, 1).map((n) => ['ipv6AddressCount', (p: any) => ({ ...p, ipv6AddressCount: n, ipv6InternetBandwidth: undefined })] as const),
  // a token: the count picks the backend (and the fleet's configuration) at synth time
  fc.constant(['ipv6AddressCount', (p: any, n: Net) => ({
    ...p, ipv6AddressCount: new TerraformVariable(n.stack, 'count', { type: 'number' }).numberValue, ipv6InternetBandwidth: undefined,
  })] as const),
);

/** A network in cn-huhehaote: a dual-stack VPC (one vSwitch without IPv6), a second VPC, and security groups of both. */
function network() {
  const { stack } = newStack('cn-huhehaote');
  const vpc = new DualStackVpc(stack, 'Vpc', { vSwitches: [{ zoneId: 'cn-huhehaote-a' }, { zoneId: 'cn-huhehaote-b', ipv6Enabled: false }] });
  const noGw = newVpc(stack, { region: 'cn-huhehaote', zones: ['cn-huhehaote-c'], vpcPrefix: 16, cidrBlock: '10.1.0.0/16', ipv6Gateway: false }, 'NoGw');
  const sg = new SecurityGroup(stack, 'Sg', { vpc });
  const noGwSg = new SecurityGroup(stack, 'NoGwSg', { vpc: noGw });
  return { stack, vpc, noGw, sg, noGwSg };
}

type Net = ReturnType<typeof network>;

describe('ContainerGroup with one invalid prop', () => {
  const brokenGroupOnly: fc.Arbitrary<readonly [string, (p: any, n: Net) => any]> = fc.oneof(
    badInteger(1, 5000).map((b) => ['ipv6InternetBandwidth.bandwidth', (p: any) => ({ ...p, ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: b } })] as const),
    notInEnum(InternetChargeType).map((t) => ['internetChargeType', (p: any) => ({ ...p, ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: 10, internetChargeType: t } })] as const),
    bandwidth.map((b) => ['ipv6InternetBandwidth', (p: any) => ({ ...p, ipv6AddressCount: 0, ipv6InternetBandwidth: b })] as const),
    bandwidth.map((b) => ['ipv6InternetBandwidth', (p: any, n: Net) => ({
      ...p, vpc: n.noGw, securityGroup: n.noGwSg, vSwitch: undefined, ipv6AddressCount: 1, ipv6InternetBandwidth: b,
    })] as const),
    badInteger(5, 180).map((m) => ['stackTimeoutInMinutes', (p: any) => ({ ...p, stackTimeoutInMinutes: m })] as const),
    fc.constant(['instanceType', (p: any) => ({ ...p, cpu: 1, memory: 2, instanceType: 'ecs.g7.large' })] as const),
    fc.constantFrom('g7.large', 'ecs.G7.large', 'ecs..large', 'ecs.g7.large, c7', 'ecs.g7.large,,x').map((t) => ['instanceType', (p: any) => ({ ...p, cpu: undefined, memory: undefined, instanceType: t })] as const),
    fc.constant(['vSwitch', (p: any, n: Net) => ({ ...p, vSwitch: n.noGw.vSwitches[0] })] as const),
    fc.constant(['vSwitch', (p: any, n: Net) => ({ ...p, ipv6AddressCount: 1, ipv6InternetBandwidth: undefined, vSwitch: n.vpc.vSwitches[1] })] as const),
  );

  test('is rejected naming the path and the prop', () => {
    fc.assert(fc.property(containerGroupCase(), fc.oneof(brokenContainerSpec, brokenGroupOnly), (valid, [prop, breakIt]) => {
      const n = network();
      const { vSwitchIndex, ...rest } = valid;
      const props = breakIt({ ...rest, vpc: n.vpc, securityGroup: n.sg, vSwitch: n.vpc.vSwitches[0] }, n);
      expectRejected(n.stack, () => new ContainerGroup(n.stack, 'Web', props), 'test/Web', prop);
    }), params());
  }, timeout());
});

describe('ContainerGroupFleet with one invalid prop', () => {
  const brokenFleetOnly: fc.Arbitrary<readonly [string, (p: any, n: Net) => any]> = fc.oneof(
    fc.tuple(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 0, max: 1999 })).filter(([a, b]) => a > b)
      .map(([min, max]) => ['maxSize', (p: any) => ({ ...p, minSize: min, maxSize: max, desiredCapacity: undefined })] as const),
    fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }))
      .filter(([a, b, d]) => Math.min(a, b) > d || Math.max(a, b) < d)
      .map(([a, b, d]) => ['desiredCapacity', (p: any) => ({ ...p, minSize: Math.min(a, b), maxSize: Math.max(a, b), desiredCapacity: d })] as const),
    badInteger(0, 2000).map((n) => ['minSize', (p: any) => ({ ...p, minSize: n, maxSize: 2000, desiredCapacity: undefined })] as const),
    badInteger(0, 2000).map((n) => ['maxSize', (p: any) => ({ ...p, minSize: 0, maxSize: n, desiredCapacity: undefined })] as const),
    badInteger(0, 2000).map((n) => ['desiredCapacity', (p: any) => ({ ...p, minSize: 0, maxSize: 2000, desiredCapacity: n })] as const),
    fc.uniqueArray(fc.stringMatching(/^ecs\.[a-z][a-z0-9]{0,4}\.large$/), { minLength: 6, maxLength: 8 })
      .map((types) => ['instanceTypes', (p: any) => ({ ...p, cpu: undefined, memory: undefined, instanceTypes: types })] as const),
    fc.constant(['instanceType', (p: any) => ({ ...p, cpu: 1, instanceTypes: ['ecs.g7.large'] })] as const),
    fc.constant(['vSwitches', (p: any) => ({ ...p, vSwitches: [] })] as const),
    fc.constant(['vSwitches[0]', (p: any, n: Net) => ({ ...p, vSwitches: [n.noGw.vSwitches[0]] })] as const),
    fc.constant(['vSwitches[1]', (p: any, n: Net) => ({ ...p, ipv6AddressCount: 1, vSwitches: n.vpc.vSwitches })] as const),
    fc.constantFrom('a', 'x'.repeat(65)).map((name) => ['scalingGroupName', (p: any) => ({ ...p, scalingGroupName: name })] as const),
  );

  test('is rejected naming the path and the prop', () => {
    fc.assert(fc.property(fleetCase(), fc.oneof(brokenContainerSpec, brokenFleetOnly), (valid, [prop, breakIt]) => {
      const n = network();
      const { vSwitchMask, ...rest } = valid;
      const props = breakIt({ ...rest, vpc: n.vpc, securityGroup: n.sg, vSwitches: [n.vpc.vSwitches[0]] }, n);
      expectRejected(n.stack, () => new ContainerGroupFleet(n.stack, 'Web', props), 'test/Web', prop);
    }), params());
  }, timeout());
});

describe('tokens in ContainerGroup props', () => {
  test('token sizes, names, bandwidths and images pass through unchecked, and the plan stays clean', () => {
    fc.assert(fc.property(containerGroupCase(), (c) => {
      const n = network();
      const v = new TerraformVariable(n.stack, 'v', { type: 'number' });
      const s = new TerraformVariable(n.stack, 's', { type: 'string' });
      const { vSwitchIndex, ...rest } = c;
      new ContainerGroup(n.stack, 'Web', {
        ...rest,
        vpc: n.vpc,
        securityGroup: n.sg,
        vSwitch: n.vpc.vSwitches[0],
        cpu: rest.instanceType ? undefined : v.numberValue,
        containerGroupName: s.stringValue,
        ipv6InternetBandwidth: rest.ipv6InternetBandwidth ? { bandwidth: v.numberValue } : undefined,
        containers: rest.containers.map((x, i) => (i === 0 ? { ...x, image: s.stringValue } : x)),
      });
      const out = synth(n.stack);
      expect(out.planErrors).toEqual([]);
      expect(out.annotations).toEqual([]);
      expect(Token.isUnresolved(s.stringValue)).toBe(true);
    }), params(0.25));
  }, timeout(0.25));
});
