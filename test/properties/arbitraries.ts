/**
 * fast-check generators (arbitraries) for the props of every L2 construct of this package, valid ones and
 * deliberately broken ones. The property tests in this folder combine them; `harness.ts` builds and checks
 * the stacks.
 *
 * Valid generators only produce inputs that the constructs' docs (and Alibaba Cloud) accept, so that a
 * failure of a "valid" property is a bug in a construct, never in the generator.
 */
import * as fc from 'fast-check';
import {
  ContainerDefinition, ContainerProtocol, ImagePullPolicy, InternetChargeType, Peer, Port, Probe, ProbeOptions,
  ProbeScheme, RestartPolicy, SecurityGroupType, Volume,
} from '../../src';

// ---------------------------------------------------------------------------------------------------------
// Run counts
// ---------------------------------------------------------------------------------------------------------

/**
 * Cases per property: `FC_NUM_RUNS`, else `FC_NUM_RUNS_DEFAULT` (`npx projen test:props` sets it to 10000, so that
 * FC_NUM_RUNS still overrides it), else 100 for the default `npm test`: about 11 s for this folder on the 2-core
 * machine (200 took 21 s, which put `npx projen test` with eslint at 55 s).
 */
export const NUM_RUNS = (() => {
  const positive = (v: string | undefined) => {
    const n = Number(v);
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return positive(process.env.FC_NUM_RUNS) ?? positive(process.env.FC_NUM_RUNS_DEFAULT) ?? 100;
})();

/** True when FC_NUM_RUNS asks for a large run: the jest timeout is raised accordingly. */
export const LARGE_RUN = NUM_RUNS > 1000;

/** fast-check parameters for a property: `scale` < 1 for properties that cost much more per case. */
export function params(scale = 1): fc.Parameters<unknown> {
  return { numRuns: Math.max(5, Math.round(NUM_RUNS * scale)) };
}

/** A jest timeout (ms) that grows with the run count. */
export function timeout(scale = 1): number {
  return Math.max(60_000, Math.round(NUM_RUNS * scale * 50));
}

// ---------------------------------------------------------------------------------------------------------
// Regions and zones
// ---------------------------------------------------------------------------------------------------------

/** Regions with their zone IDs (the two zone ID spellings Alibaba uses). */
export const REGIONS: ReadonlyArray<{ readonly region: string; readonly zones: readonly string[] }> = [
  { region: 'cn-huhehaote', zones: 'abcde'.split('').map((l) => `cn-huhehaote-${l}`) },
  { region: 'cn-beijing', zones: 'abcdefghijkl'.split('').map((l) => `cn-beijing-${l}`) },
  { region: 'ap-southeast-1', zones: 'abc'.split('').map((l) => `ap-southeast-1${l}`) },
];

/** A region and 1-4 distinct zones of it, in random order. */
export const regionAndZones = fc.constantFrom(...REGIONS).chain((r) =>
  fc.uniqueArray(fc.constantFrom(...r.zones), { minLength: 1, maxLength: Math.min(4, r.zones.length) })
    .map((zones) => ({ region: r.region, zones })));

// ---------------------------------------------------------------------------------------------------------
// IPv4 / IPv6 text
// ---------------------------------------------------------------------------------------------------------

/** Formats an unsigned 32-bit integer as a dotted quad. */
export function ipv4Text(value: number): string {
  return [24, 16, 8, 0].map((s) => Math.floor(value / 2 ** s) % 256).join('.');
}

/** The private ranges a VPC may use, with the largest prefix allowed in this test (24). */
const PRIVATE_RANGES = [
  { base: 10 * 2 ** 24, basePrefix: 8 },
  { base: (172 * 256 + 16) * 2 ** 16, basePrefix: 12 },
  { base: (192 * 256 + 168) * 2 ** 16, basePrefix: 16 },
];

/** A VPC IPv4 block: a private /8-/24 with the host bits zero. */
export const vpcCidr = fc.constantFrom(...PRIVATE_RANGES).chain(({ base, basePrefix }) =>
  fc.integer({ min: basePrefix, max: 24 }).chain((prefix) =>
    fc.integer({ min: 0, max: 2 ** (prefix - basePrefix) - 1 }).map((i) => {
      const network = base + i * 2 ** (32 - prefix);
      return { cidr: `${ipv4Text(network)}/${prefix}`, network, prefix };
    })));

/** Any IPv4 CIDR block as `Peer.ipv4` takes it: any address, prefix 0-32, host bits allowed. */
export const ipv4PeerCidr = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 32 }))
  .map(([a, p]) => `${ipv4Text(a)}/${p}`);

/** Eight 16-bit groups; zero runs are common so that `::` compression is exercised. */
const ipv6Groups = fc.array(fc.oneof(
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }) },
), { minLength: 8, maxLength: 8 });

/** Renders IPv6 groups in one of the RFC 4291 text forms: full, leading zeros, `::`-compressed (any zero run), upper case, IPv4 tail. */
export function ipv6Text(groups: number[], form: number, upper: boolean): string {
  const hex = groups.map((g) => g.toString(16));
  let text: string;
  switch (form % 5) {
    case 0: text = hex.join(':'); break;
    case 1: text = groups.map((g) => g.toString(16).padStart(4, '0')).join(':'); break;
    case 2: case 3: {
      // compress the zero run starting at the first (form 2) or last (form 3) run of zeros, if any
      const runs: Array<[number, number]> = [];
      for (let i = 0; i < 8;) {
        if (groups[i] !== 0) { i++; continue; }
        let j = i;
        while (j < 8 && groups[j] === 0) j++;
        runs.push([i, j]);
        i = j;
      }
      if (runs.length === 0) { text = hex.join(':'); break; }
      const [s, e] = form % 5 === 2 ? runs[0] : runs[runs.length - 1];
      text = `${hex.slice(0, s).join(':')}::${hex.slice(e).join(':')}`;
      break;
    }
    default: {
      // IPv4 tail: the last 32 bits as a dotted quad
      const v4 = ipv4Text(groups[6] * 65536 + groups[7]);
      text = `${hex.slice(0, 6).join(':')}:${v4}`;
    }
  }
  return upper ? text.toUpperCase() : text;
}

/** Eight 16-bit groups (exported for the IPv6 text properties). */
export const ipv6GroupsArb = ipv6Groups;

/** The groups with every bit after `prefix` cleared (the block's network address). */
export function networkGroups(groups: number[], prefix: number): number[] {
  return groups.map((g, i) => {
    const keep = Math.max(0, Math.min(16, prefix - 16 * i));
    const host = 2 ** (16 - keep); // the group's host part: its last 16 - keep bits
    return Math.floor(g / host) * host;
  });
}

/**
 * The test's own RFC 5952 printer (independent of src/core/cidr and of ipaddr.js): lower-case hex without
 * leading zeros, the longest run of two or more zero groups (the first one on a tie) as `::`, and the
 * IPv4-mapped block ::ffff:0:0/96 in the mixed form of section 5.
 */
export function rfc5952Oracle(groups: number[]): string {
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${Math.floor(groups[6] / 256)}.${groups[6] % 256}.${Math.floor(groups[7] / 256)}.${groups[7] % 256}`;
  }
  let best = [-1, 0];
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i >= 2 && j - i > best[1]) best = [i, j - i];
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best[0] < 0) return hex.join(':');
  return `${hex.slice(0, best[0]).join(':')}::${hex.slice(best[0] + best[1]).join(':')}`;
}

/**
 * Any IPv6 CIDR block as `Peer.ipv6` takes it: any text form, prefix 0-128, host bits allowed; with `key`,
 * the block in one fixed form (its network's full groups, no compression), to tell distinct blocks apart,
 * and `canonical`, what the plan must say: the RFC 5952 text of the network (the oracle above).
 */
export const ipv6PeerCidrCase = fc.tuple(ipv6Groups, fc.nat(4), fc.boolean(), fc.integer({ min: 0, max: 128 }))
  .map(([g, form, upper, p]) => {
    const net = networkGroups(g, p);
    return {
      text: `${ipv6Text(g, form, upper)}/${p}`,
      key: `${net.map((x) => x.toString(16)).join(':')}/${p}`,
      canonical: `${rfc5952Oracle(net)}/${p}`,
      hostBits: net.some((x, i) => x !== g[i]),
    };
  });

/** Any IPv6 CIDR block as `Peer.ipv6` takes it. */
export const ipv6PeerCidr = ipv6PeerCidrCase.map((c) => c.text);

/** Strings that are neither IPv4 nor IPv6 CIDR blocks (each fails for a known reason). */
export const malformedCidr = fc.oneof(
  fc.constantFrom('', ' ', '10.0.0.0', '10.0.0.0/', '/16', '10.0.0/16', '10.0.0.0.0/16', '256.0.0.0/8',
    '10.0.0.0/33', '10.0.0.0/-1', '10.00.0.0/16', '010.0.0.0/8', '10.0.0.0/16 ', ' 10.0.0.0/16', '10.0.0.0/1a',
    '1.2.3.4/08x', 'a.b.c.d/8', '::/129', '::/', '2408:4000::/5a', ':::/64', '1::2::3/64', '12345::/16',
    'g::/16', '1:2:3:4:5:6:7:8:9/64', '1:2:3:4:5:6:7/64', '::1.2.3/96', '::256.1.1.1/96', 'fe80::1%eth0/64',
    '10.0.0.0\\16', '10.0.0.0/16/16', 'localhost', 'null', 'undefined', '0x0a000000/8'),
  // random junk around a slash (never a valid CIDR: a letter outside a-f is always in the address part)
  fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 3 })).map(([a, p]) => `z${a}/${p}`),
  // a valid address with a prefix that is too long
  fc.integer({ min: 33, max: 999 }).map((p) => `10.0.0.0/${p}`),
  fc.integer({ min: 129, max: 999 }).map((p) => `2408:4000::/${p}`),
);

// ---------------------------------------------------------------------------------------------------------
// Names and text
// ---------------------------------------------------------------------------------------------------------

const lowerDigit = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789'.split(''));

/** A DNS-label-like name (2-maxLen lowercase letters, digits and inner hyphens): valid for containers and groups. */
export function dnsName(maxLength = 20): fc.Arbitrary<string> {
  return fc.tuple(lowerDigit, fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'.split('')), maxLength: maxLength - 2 }), lowerDigit)
    .map(([a, mid, b]) => `${a}${mid}${b}`);
}

/** Plain text without Terraform template sequences (`${`, `%{`): descriptions, env values, commands. */
export const plainText = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 -_./:=,@#+'.split('')), maxLength: 24 });

/** Text that contains shell-style or Terraform-template-like sequences, as real commands do. */
export const templateLikeText = fc.tuple(plainText, fc.constantFrom('${HOME}', '${var.x}', '%{if}', '$${x}', '${', '%{', 'echo $HOME', '$(date)'), plainText)
  .map(([a, b, c]) => `${a}${b}${c}`);

/** A name for Alibaba gateways and egress rules: a letter, then letters, digits, `_`, `-` (3-30 chars). */
export const alibabaName = fc.tuple(fc.constantFrom(...'abcXYZ'.split('')),
  fc.string({ unit: fc.constantFrom(...'abcdefXYZ0123456789_-'.split('')), minLength: 2, maxLength: 29 }))
  .map(([a, b]) => `${a}${b}`);

export const tags = fc.dictionary(
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz-_'.split('')), minLength: 1, maxLength: 12 })
    .filter((k) => !k.startsWith('aliyun') && !k.startsWith('acs:') && k !== 'cdktf-id'),
  plainText, { maxKeys: 3 });

// ---------------------------------------------------------------------------------------------------------
// DualStackVpc
// ---------------------------------------------------------------------------------------------------------

/** Valid DualStackVpc props (zones form), and the region its provider must have. */
export interface VpcCase {
  readonly region: string;
  readonly zones: string[];
  readonly cidrBlock?: string;
  readonly vpcPrefix: number;
  readonly vSwitchCidrMask?: number;
  readonly vpcName?: string;
  readonly ipv6Gateway?: boolean;
  readonly description?: string;
  readonly tags?: { [key: string]: string };
}

/**
 * Valid `zones`-form props: a region, 1-4 of its zones, a private /8-/24 (or the default 10.0.0.0/16) and a
 * vSwitch mask from max(16, prefix) to 29 that leaves room for every zone.
 */
export const vpcCase: fc.Arbitrary<VpcCase> = fc.record({
  rz: regionAndZones,
  cidr: fc.option(vpcCidr, { freq: 4 }),
  maskOffset: fc.nat(13),
  useDefaultMask: fc.boolean(),
  vpcName: fc.option(alibabaName, { nil: undefined }),
  ipv6Gateway: fc.option(fc.boolean(), { nil: undefined }),
  description: fc.option(plainText, { nil: undefined }),
  tags: fc.option(tags, { nil: undefined }),
}).map(({ rz, cidr, maskOffset, useDefaultMask, vpcName, ipv6Gateway, description, tags: t }) => {
  const prefix = cidr?.prefix ?? 16;
  const minMask = Math.max(16, prefix, prefix + Math.ceil(Math.log2(rz.zones.length)));
  const mask = Math.min(29, minMask + maskOffset);
  const defaultOk = 24 >= minMask;
  return {
    region: rz.region,
    zones: rz.zones,
    cidrBlock: cidr?.cidr,
    vpcPrefix: prefix,
    vSwitchCidrMask: useDefaultMask && defaultOk ? undefined : mask,
    vpcName,
    ipv6Gateway,
    description,
    tags: t,
  };
});

/** Valid explicit `vSwitches` specs for a /16 VPC 10.0.0.0/16: some with explicit blocks and masks. */
export const explicitVSwitches = fc.constantFrom(...REGIONS).chain((r) =>
  fc.array(fc.record({
    zoneId: fc.constantFrom(...r.zones),
    block: fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
    mask: fc.option(fc.integer({ min: 0, max: 255 }), { nil: undefined }),
    ipv6Enabled: fc.option(fc.boolean(), { freq: 3, nil: undefined }),
  }), { minLength: 1, maxLength: 6 })
    // explicit /24 blocks and IPv6 masks must be unique
    .filter((specs) => unique(specs.map((s) => s.block).filter((b) => b !== undefined))
      && unique(specs.filter((s) => s.ipv6Enabled !== false).map((s) => s.mask).filter((m) => m !== undefined)))
    .map((specs) => ({
      region: r.region,
      vSwitches: specs.map((s) => ({
        zoneId: s.zoneId,
        cidrBlock: s.block === undefined ? undefined : `10.0.${s.block}.0/24`,
        ipv6CidrBlockMask: s.ipv6Enabled === false ? undefined : s.mask,
        ipv6Enabled: s.ipv6Enabled,
      })),
    })));

function unique<T>(xs: T[]): boolean {
  return new Set(xs).size === xs.length;
}

// ---------------------------------------------------------------------------------------------------------
// Security groups
// ---------------------------------------------------------------------------------------------------------

/** A peer, with the text it was made from (for the expected plan). */
export interface PeerCase {
  readonly peer: Peer;
  readonly ipv6: boolean;
  /** The text passed to the factory (what anyIpv4/anyIpv6 stand for). */
  readonly text: string;
  /** Equal for two peers that mean the same block, different otherwise (independent of the construct's own logic). */
  readonly key: string;
  /** What the plan must say (`cidr_ip` or `ipv6_cidr_ip`). */
  readonly emitted: string;
}

export const ipv6Peer: fc.Arbitrary<PeerCase> = fc.oneof(
  fc.constant(null).map(() => ({ peer: Peer.anyIpv6(), ipv6: true, text: '::/0', key: 'v6:0:0:0:0:0:0:0:0/0', emitted: '::/0' })),
  ipv6PeerCidrCase.map((c) => ({ peer: Peer.ipv6(c.text), ipv6: true, text: c.text, key: `v6:${c.key}`, emitted: c.canonical })),
);
export const ipv4Peer: fc.Arbitrary<PeerCase> = fc.oneof(
  fc.constant(null).map(() => ({ peer: Peer.anyIpv4(), ipv6: false, text: '0.0.0.0/0', key: 'v4:0.0.0.0/0', emitted: '0.0.0.0/0' })),
  ipv4PeerCidr.map((c) => ({ peer: Peer.ipv4(c), ipv6: false, text: c, key: `v4:${c}`, emitted: c })),
);

const portNumber = fc.integer({ min: 1, max: 65535 });
const portRange = fc.tuple(portNumber, portNumber).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

/** A port valid with any peer (TCP/UDP single or range, all TCP/UDP, all traffic). */
export const portAnyFamily: fc.Arbitrary<Port> = fc.oneof(
  portNumber.map((p) => Port.tcp(p)),
  portNumber.map((p) => Port.udp(p)),
  portRange.map(([a, b]) => Port.tcpRange(a, b)),
  portRange.map(([a, b]) => Port.udpRange(a, b)),
  fc.constantFrom(Port.allTcp(), Port.allUdp(), Port.allTraffic()),
);

/** A valid rule: IPv6 peers may use ICMPv6, IPv4 peers ICMP. */
export const sgRule = fc.record({
  direction: fc.constantFrom('ingress' as const, 'egress' as const),
  peerAndPort: fc.oneof(
    fc.tuple(ipv6Peer, fc.oneof({ weight: 4, arbitrary: portAnyFamily }, { weight: 1, arbitrary: fc.constant(null).map(() => Port.icmpv6()) })),
    fc.tuple(ipv4Peer, fc.oneof({ weight: 4, arbitrary: portAnyFamily }, { weight: 1, arbitrary: fc.constant(null).map(() => Port.icmp()) })),
  ),
  description: fc.option(plainText, { nil: undefined }),
}).map(({ direction, peerAndPort: [peer, port], description }) => ({ direction, peer, port, description }));

export type SgRuleCase = typeof sgRule extends fc.Arbitrary<infer T> ? T : never;

export const sgProps = fc.record({
  securityGroupName: fc.option(alibabaName, { nil: undefined }),
  description: fc.option(plainText, { nil: undefined }),
  securityGroupType: fc.option(fc.constantFrom(SecurityGroupType.NORMAL, SecurityGroupType.ENTERPRISE), { nil: undefined }),
  tags: fc.option(tags, { nil: undefined }),
});

// ---------------------------------------------------------------------------------------------------------
// Containers
// ---------------------------------------------------------------------------------------------------------

export const cpuValues = [0.25, 0.5, 1, 2, 4, 8, 16];
export const memoryValues = [0.5, 1, 2, 4, 8, 16, 32];

export const probeOptions: fc.Arbitrary<ProbeOptions> = fc.record({
  initialDelaySeconds: fc.integer({ min: 0, max: 600 }),
  periodSeconds: fc.integer({ min: 1, max: 600 }),
  timeoutSeconds: fc.integer({ min: 1, max: 60 }),
  successThreshold: fc.integer({ min: 1, max: 10 }),
  failureThreshold: fc.integer({ min: 1, max: 10 }),
}, { requiredKeys: [] });

const absPath = fc.array(dnsName(8), { minLength: 0, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);

export const probe: fc.Arbitrary<Probe> = fc.oneof(
  fc.record({
    port: portNumber,
    path: fc.option(absPath, { nil: undefined }),
    scheme: fc.option(fc.constantFrom(ProbeScheme.HTTP, ProbeScheme.HTTPS), { nil: undefined }),
    o: probeOptions,
  })
    .map(({ port, path, scheme, o }) => Probe.httpGet({ ...o, port, path, scheme })),
  fc.tuple(portNumber, probeOptions).map(([p, o]) => Probe.tcpSocket(p, o)),
  fc.tuple(fc.array(plainText.filter((s) => s.length > 0), { minLength: 1, maxLength: 3 }), probeOptions).map(([c, o]) => Probe.exec(c, o)),
);

export const volumes: fc.Arbitrary<Volume[]> = fc.uniqueArray(dnsName(10), { maxLength: 3 }).chain((names) =>
  fc.tuple(...names.map((n) => fc.oneof(
    fc.constant(Volume.emptyDir(n)),
    fc.record({ server: fc.constantFrom('0a1b2c.cn-huhehaote.nas.aliyuncs.com', '10.0.0.9'), path: absPath, readOnly: fc.option(fc.boolean(), { nil: undefined }) })
      .map((o) => Volume.nfs(n, o)),
  ))));

const envName = fc.tuple(fc.constantFrom(...'ABCXYZ_abc'.split('')), fc.string({ unit: fc.constantFrom(...'ABC_xyz019.-'.split('')), maxLength: 12 }))
  .map(([a, b]) => `${a}${b}`);

const images = fc.tuple(
  fc.constantFrom('nginx', 'busybox', 'registry.cn-huhehaote.aliyuncs.com/ns/app', 'docker.io/library/redis'),
  fc.option(fc.constantFrom('alpine', '1.27-alpine', 'latest', '1.0.0'), { nil: undefined }),
).map(([i, t]) => (t ? `${i}:${t}` : i));

/** Options for `container` (commands always have one item: the ROS backend's documented limit). */
export interface ContainerGenOptions {
  /** Strings for commands, args and env values. @default plainText */
  readonly text?: fc.Arbitrary<string>;
}

/** One container whose volume mounts refer to `volumeNames`. */
export function container(name: string, volumeNames: string[], opts: ContainerGenOptions = {}): fc.Arbitrary<ContainerDefinition> {
  const text = opts.text ?? plainText;
  return fc.record({
    image: images,
    cpu: fc.option(fc.constantFrom(...cpuValues), { nil: undefined }),
    memory: fc.option(fc.constantFrom(...memoryValues), { nil: undefined }),
    commands: fc.option(fc.array(text, { minLength: 1, maxLength: 1 }), { nil: undefined }),
    args: fc.option(fc.array(text, { maxLength: 3 }), { nil: undefined }),
    ports: fc.option(fc.uniqueArray(fc.record({
      port: portNumber,
      protocol: fc.option(fc.constantFrom(ContainerProtocol.TCP, ContainerProtocol.UDP), { nil: undefined }),
    }),
    { maxLength: 3, selector: (p) => `${p.port}/${p.protocol ?? 'TCP'}` }), { nil: undefined }),
    environment: fc.option(fc.dictionary(envName, text, { maxKeys: 4 }), { nil: undefined }),
    workingDir: fc.option(absPath, { nil: undefined }),
    imagePullPolicy: fc.option(fc.constantFrom(ImagePullPolicy.ALWAYS, ImagePullPolicy.IF_NOT_PRESENT, ImagePullPolicy.NEVER), { nil: undefined }),
    volumeMounts: volumeNames.length === 0 ? fc.constant(undefined)
      : fc.option(fc.uniqueArray(fc.record({
        name: fc.constantFrom(...volumeNames),
        mountPath: absPath,
        readOnly: fc.option(fc.boolean(), { nil: undefined }),
      }),
      { maxLength: 2, selector: (m) => m.mountPath }), { nil: undefined }),
    livenessProbe: fc.option(probe, { nil: undefined }),
    readinessProbe: fc.option(probe, { nil: undefined }),
  }, { requiredKeys: ['image'] }).map((c) => ({ name, ...c }));
}

/** 1-3 containers with unique names, and the volumes they may mount. */
export function containersAndVolumes(opts: ContainerGenOptions = {}): fc.Arbitrary<{ containers: ContainerDefinition[]; volumes?: Volume[] }> {
  return fc.tuple(fc.uniqueArray(dnsName(16), { minLength: 1, maxLength: 3 }), fc.option(volumes, { nil: undefined })).chain(([names, vols]) => {
    const volumeNames = (vols ?? []).map((v) => v.name);
    return fc.tuple(...names.map((n) => container(n, volumeNames, opts))).map((containers) => ({ containers, volumes: vols }));
  });
}

/** Sizing: vCPU and memory (either may be unset), or instance types (comma-separated for ContainerGroup). */
export const sizing = fc.oneof(
  fc.record({
    cpu: fc.option(fc.constantFrom(...cpuValues), { nil: undefined }),
    memory: fc.option(fc.constantFrom(...memoryValues), { nil: undefined }),
  })
    .map((s) => ({ ...s, instanceTypes: undefined as string[] | undefined })),
  fc.uniqueArray(fc.constantFrom('ecs.g7.large', 'ecs.c7.xlarge', 'ecs.r7.2xlarge', 'ecs.g6.large', 'ecs.c6.large', 'ecs.hfg7.large', 'ecs.u1-c1m2.large'), { minLength: 1, maxLength: 5 })
    .map((instanceTypes) => ({ cpu: undefined as number | undefined, memory: undefined as number | undefined, instanceTypes })),
);

export const bandwidth = fc.record({
  bandwidth: fc.integer({ min: 1, max: 5000 }),
  internetChargeType: fc.option(fc.constantFrom(InternetChargeType.PAY_BY_BANDWIDTH, InternetChargeType.PAY_BY_TRAFFIC), { nil: undefined }),
});

/** Valid ContainerGroup props apart from vpc, vSwitch and securityGroup. */
export function containerGroupCase(opts: ContainerGenOptions = {}) {
  return fc.record({
    cv: containersAndVolumes(opts),
    sizing,
    ipv6AddressCount: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
    withBandwidth: fc.boolean(),
    bandwidth,
    restartPolicy: fc.option(fc.constantFrom(RestartPolicy.ALWAYS, RestartPolicy.ON_FAILURE, RestartPolicy.NEVER), { nil: undefined }),
    containerGroupName: fc.option(dnsName(40), { nil: undefined }),
    tags: fc.option(tags, { nil: undefined }),
    stackTimeoutInMinutes: fc.option(fc.integer({ min: 5, max: 180 }), { nil: undefined }),
    vSwitchIndex: fc.nat(3),
  }).map((c) => ({
    containers: c.cv.containers,
    volumes: c.cv.volumes,
    cpu: c.sizing.cpu,
    memory: c.sizing.memory,
    instanceType: c.sizing.instanceTypes?.join(','),
    ipv6AddressCount: c.ipv6AddressCount,
    // bandwidth only makes sense (and is only allowed) with an IPv6 address
    ipv6InternetBandwidth: c.ipv6AddressCount === 1 && c.withBandwidth ? c.bandwidth : undefined,
    restartPolicy: c.restartPolicy,
    containerGroupName: c.containerGroupName,
    tags: c.tags,
    stackTimeoutInMinutes: c.stackTimeoutInMinutes,
    vSwitchIndex: c.vSwitchIndex,
  }));
}

export type ContainerGroupCase = ReturnType<typeof containerGroupCase> extends fc.Arbitrary<infer T> ? T : never;

/** Fleet sizes: 0 <= min <= desired <= max <= 2000 (desired optional). */
const fleetSize = fc.integer({ min: 0, max: 2000 });
export const fleetSizes = fc.tuple(fleetSize, fleetSize, fleetSize, fc.boolean())
  .map(([a, b, c, withDesired]) => {
    const [minSize, desired, maxSize] = [a, b, c].sort((x, y) => x - y);
    return { minSize, maxSize, desiredCapacity: withDesired ? desired : undefined };
  });

export function fleetCase(opts: ContainerGenOptions = {}) {
  return fc.record({
    cv: containersAndVolumes(opts),
    sizing,
    sizes: fleetSizes,
    ipv6AddressCount: fc.option(fc.constantFrom(0, 1), { nil: undefined }),
    restartPolicy: fc.option(fc.constantFrom(RestartPolicy.ALWAYS, RestartPolicy.ON_FAILURE, RestartPolicy.NEVER), { nil: undefined }),
    scalingGroupName: fc.option(alibabaName, { nil: undefined }),
    containerGroupName: fc.option(dnsName(40), { nil: undefined }),
    tags: fc.option(tags, { nil: undefined }),
    vSwitchMask: fc.nat(15),
  }).map((c) => ({
    containers: c.cv.containers,
    volumes: c.cv.volumes,
    cpu: c.sizing.cpu,
    memory: c.sizing.memory,
    instanceTypes: c.sizing.instanceTypes,
    ...c.sizes,
    ipv6AddressCount: c.ipv6AddressCount,
    restartPolicy: c.restartPolicy,
    scalingGroupName: c.scalingGroupName,
    containerGroupName: c.containerGroupName,
    tags: c.tags,
    vSwitchMask: c.vSwitchMask,
  }));
}

export type FleetCase = ReturnType<typeof fleetCase> extends fc.Arbitrary<infer T> ? T : never;

// ---------------------------------------------------------------------------------------------------------
// Invalid numbers and enum values
// ---------------------------------------------------------------------------------------------------------

/** Numbers outside [min, max] or not integers (NaN and infinities included). */
export function badInteger(min: number, max: number): fc.Arbitrary<number> {
  return fc.oneof(
    fc.integer({ min: -1_000_000, max: min - 1 }),
    fc.integer({ min: max + 1, max: max + 1_000_000 }),
    fc.double({ min: min, max: max, noNaN: true }).filter((d) => !Number.isInteger(d)),
    fc.constantFrom(NaN, Infinity, -Infinity, min - 0.5, max + 0.5, -0),
  ).filter((n) => !(Number.isInteger(n) && n >= min && n <= max));
}

/** Numbers that are not > 0, or not finite. */
export const badPositive = fc.oneof(
  fc.constantFrom(0, -0, -1, -0.25, NaN, Infinity, -Infinity),
  fc.double({ max: 0, noNaN: true }),
);

/** Strings that are not values of `e` (cast in where an enum is expected). */
export function notInEnum(e: object): fc.Arbitrary<string> {
  const values = new Set(Object.values(e).map(String));
  return fc.oneof(
    fc.constantFrom('', 'unknown', 'ALWAYS', 'always', 'tcp ', 'Pay_By_Traffic', 'null'),
    fc.string({ maxLength: 10 }),
    // a valid value in the wrong case
    fc.constantFrom(...[...values]).map((v) => (v === v.toUpperCase() ? v.toLowerCase() : v.toUpperCase())),
  ).filter((s) => !values.has(s));
}
