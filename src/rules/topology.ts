/**
 * `ipv6-topology.md`: a Mermaid picture of what the Internet can reach over IPv6 in one stack, written beside
 * the rule pack's report. It is built from the same resolved document the rules read: the VPCs with IPv6, their
 * vSwitches (IPv4 block, IPv6 /64 mask), the ECIs and fleets with IPv6 in them, the IPv6 gateways, each IPv6
 * Internet bandwidth, and the security-group openings to `::/0`. An ECI is reachable from the Internet when its
 * address has Internet bandwidth (without an egress-only rule) and its security group admits some IPv6 ingress
 * from `::/0`.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { boolOf, numberOf, RuleContext, TfBlock } from './context';
import { EciSpec } from './eci-model';
import { isToken, show } from './references';
import { bandwidthsByEci, isEgressOnly } from './rules/public-eci-reachable';
import { rulesBySecurityGroup, SG_TYPES, sourceKind } from './security-groups';

/** File name of the picture. @internal */
export const TOPOLOGY_MD = 'ipv6-topology.md';

/** One opening of a security group to the whole IPv6 Internet. @internal */
export interface Opening {
  /** `tcp 80/80`, `all -1/-1`. */
  readonly ports: string;
  /** The security group rule's address. */
  readonly rule: string;
  /** The security group, for messages (construct path or address). */
  readonly securityGroup: string;
}

/** An ECI (or a fleet) with IPv6, and how the Internet sees it. @internal */
export interface TopologyEci {
  readonly id: string;
  readonly label: string;
  readonly kind: 'ECI' | 'fleet';
  /** Node IDs of the vSwitches it runs in (one for an ECI, each of a fleet's); empty when none is in this stack. */
  readonly vSwitchIds: string[];
  /** Mbit/s of each IPv6 Internet bandwidth of its address, with the bandwidth's node ID edge to the gateway. */
  readonly bandwidths: ReadonlyArray<{ readonly mbps: string; readonly gatewayId?: string; readonly address: string }>;
  readonly egressOnly: boolean;
  readonly openings: readonly Opening[];
  readonly reachable: boolean;
  /** Why it is (not) reachable, in words. */
  readonly why: string;
}

/** The picture's content, for the renderer and for tests. @internal */
export interface Topology {
  readonly stack: string;
  readonly vpcs: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly vSwitches: ReadonlyArray<{ readonly id: string; readonly label: string; readonly vpcId?: string }>;
  readonly gateways: ReadonlyArray<{ readonly id: string; readonly label: string; readonly vpcId?: string }>;
  readonly ecis: readonly TopologyEci[];
}

/** A Mermaid node ID for a Terraform address. */
function nodeId(address: string): string {
  return `n_${address.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** Where a block came from: its construct path (without a final `/Resource`), else its address. */
function where(b: TfBlock): string {
  return b.constructPath?.replace(/\/Resource$/, '') ?? b.address;
}

/** `3 ECIs` (or `2-5 ECIs`) from the scaling group of an ESS configuration, when its sizes are literals. */
function fleetSize(ctx: RuleContext, eci: EciSpec): string {
  const group = ctx.link(eci.owner.body.scaling_group_id, ['alicloud_ess_scaling_group']);
  if (group.kind !== 'resource') return 'ECIs';
  const [min, max, desired] = ['min_size', 'max_size', 'desired_capacity'].map((k) => numberOf(group.block.body[k]));
  if (typeof desired === 'number') return `${desired} ECIs`;
  if (typeof min === 'number' && typeof max === 'number') return min === max ? `${min} ECIs` : `${min}-${max} ECIs`;
  return 'ECIs';
}

function literal(value: unknown): string | undefined {
  return typeof value === 'string' && !isToken(value) ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The picture of a stack's document. @internal */
export function buildTopology(ctx: RuleContext, stackName: string): Topology {
  const vpcs = ctx.ofType('alicloud_vpc').filter((v) => ctx.vpcIpv6(v) === true).map((v) => {
    const name = literal(v.body.vpc_name);
    const v4 = literal(v.body.cidr_block);
    return {
      id: nodeId(v.address),
      label: `VPC ${name ? `${name} ` : ''}(${where(v)})<br/>IPv6 /56 allocated by Alibaba Cloud${v4 ? `<br/>IPv4 ${v4}` : ''}`,
    };
  });
  const vpcIds = new Set(vpcs.map((v) => v.id));
  const vpcOf = (value: unknown): string | undefined => {
    const l = ctx.link(value, ['alicloud_vpc']);
    const id = l.kind === 'resource' ? nodeId(l.block.address) : undefined;
    return id && vpcIds.has(id) ? id : undefined;
  };

  const vSwitches = ctx.ofType('alicloud_vswitch').map((s) => {
    const ipv6 = boolOf(s.body.enable_ipv6) === true;
    const mask = numberOf(s.body.ipv6_cidr_block_mask);
    const zone = literal(s.body.zone_id) ?? 'zone unknown at synth';
    const v4 = literal(s.body.cidr_block);
    const v6 = ipv6 ? `IPv6 /64 #${typeof mask === 'number' ? mask : show(s.body.ipv6_cidr_block_mask)} of the VPC /56` : 'no IPv6';
    return { id: nodeId(s.address), label: `vSwitch ${zone} (${where(s)})<br/>${v4 ? `${v4} · ` : ''}${v6}`, vpcId: vpcOf(s.body.vpc_id) };
  });
  const vSwitchIds = new Set(vSwitches.map((s) => s.id));

  const gateways = ctx.ofType('alicloud_vpc_ipv6_gateway').map((g) => ({
    id: nodeId(g.address),
    label: `IPv6 gateway (${where(g)})`,
    vpcId: vpcOf(g.body.vpc_id),
  }));

  const byEci = bandwidthsByEci(ctx);
  const sgRules = rulesBySecurityGroup(ctx);
  const ecis: TopologyEci[] = [];
  const seen = new Set<string>();
  for (const eci of ctx.ipv6Ecis) {
    const owner = ctx.ownerOf(eci.owner);
    const id = nodeId(eci.owner.address);
    if (seen.has(id)) continue; // one node per resource (a ROS template with several ECIs is one stack)
    seen.add(id);
    const fleet = eci.backend === 'ess';
    const vsw = eci.vSwitches.state === 'known'
      ? eci.vSwitches.value.map((v) => ctx.link(v, ['alicloud_vswitch'])).filter((l) => l.kind === 'resource').map((l) => nodeId((l as { block: TfBlock }).block.address)).filter((x) => vSwitchIds.has(x))
      : [];
    const bws = (byEci.get(eci) ?? []).map((bw) => {
      const gw = ctx.link(bw.body.ipv6_gateway_id, ['alicloud_vpc_ipv6_gateway']);
      const mbps = numberOf(bw.body.bandwidth);
      const charge = literal(bw.body.internet_charge_type);
      return {
        mbps: `${typeof mbps === 'number' ? `${mbps} Mbit/s` : show(bw.body.bandwidth)}${charge ? ` ${charge}` : ''}`,
        gatewayId: gw.kind === 'resource' ? nodeId(gw.block.address) : undefined,
        address: bw.address,
        egressOnly: isEgressOnly(ctx, bw),
      };
    });
    const openings = openingsOf(ctx, eci, sgRules);
    const outboundOnly = bws.length > 0 && bws.every((b) => b.egressOnly);
    const reachable = bws.length > 0 && !outboundOnly && openings.length > 0;
    const why = reachable
      ? `IPv6 Internet bandwidth, and ${openings.map((o) => `${o.ports} from ::/0`).join(', ')} allowed`
      : fleet && bws.length === 0 ? 'private IPv6: ESS cannot give fleet ECIs Internet bandwidth'
        : bws.length === 0 ? `private IPv6: no IPv6 Internet bandwidth${openings.length > 0 ? ` (though ${openings.map((o) => o.ports).join(', ')} is open to ::/0)` : ''}`
          : outboundOnly ? 'outbound only: an egress-only rule on its address'
            : 'no IPv6 ingress from ::/0 in its security group';
    const name = fleet ? 'Fleet' : 'ECI';
    const count = eci.ipv6Count.state === 'known' ? eci.ipv6Count.value : 1;
    ecis.push({
      id,
      label: `${name} ${owner ? owner.path : eci.label}<br/>${fleet ? `${fleetSize(ctx, eci)}, ` : ''}${count} IPv6 address${count === 1 ? '' : 'es'}${fleet ? ' each' : ''}<br/>${reachable ? 'REACHABLE from the Internet' : 'not reachable from the Internet'}`,
      kind: fleet ? 'fleet' : 'ECI',
      vSwitchIds: vsw,
      bandwidths: bws.map(({ mbps, gatewayId, address }) => ({ mbps, gatewayId, address })),
      egressOnly: outboundOnly,
      openings,
      reachable,
      why,
    });
  }
  return { stack: stackName, vpcs, vSwitches, gateways, ecis };
}

/** The ingress rules of an ECI's security group that admit IPv6 traffic from the whole Internet. */
function openingsOf(ctx: RuleContext, eci: EciSpec, sgRules: ReadonlyMap<string, readonly TfBlock[]>): Opening[] {
  if (eci.securityGroup.state !== 'known') return [];
  const key = ctx.keyOf(eci.securityGroup.value, SG_TYPES);
  const sg = ctx.link(eci.securityGroup.value, SG_TYPES);
  const sgText = sg.kind === 'resource' ? where(sg.block) : ctx.describe(sg);
  const out: Opening[] = [];
  for (const r of key === undefined ? [] : sgRules.get(key) ?? []) {
    const b = r.body;
    if ((b.type ?? 'ingress') !== 'ingress' || b.policy === 'drop' || b.ipv6_cidr_ip === undefined) continue;
    if (sourceKind(b.ipv6_cidr_ip) !== 'world') continue;
    const protocol = typeof b.ip_protocol === 'string' ? b.ip_protocol.toUpperCase() : show(b.ip_protocol);
    const range = typeof b.port_range === 'string' ? b.port_range : '-1/-1';
    const m = /^(\d+)\/(\d+)$/.exec(range);
    const ports = m && m[1] === m[2] ? `${protocol} ${m[1]}` : range === '-1/-1' ? `${protocol} (all ports)` : `${protocol} ${range}`;
    out.push({ ports, rule: r.address, securityGroup: sgText });
  }
  return out;
}

/** Text safe inside a Mermaid `["..."]` label. */
function esc(text: string): string {
  return text.replace(/"/g, '#quot;');
}

/** The Markdown file: a Mermaid flowchart, then the same facts as a table. @internal */
export function renderTopology(t: Topology): string {
  const lines: string[] = ['flowchart LR', '  internet(("Internet<br/>::/0"))'];
  const inVpc = (vpcId: string | undefined) => (x: { vpcId?: string }) => x.vpcId === vpcId;
  const eciLine = (e: TopologyEci, indent: string) => `${indent}${e.id}["${esc(e.label)}"]`;
  const placed = new Set<string>();
  const vSwitchIndent = (vpcId: string | undefined) => (vpcId ? '    ' : '  ');
  const renderVSwitches = (vpcId: string | undefined) => {
    for (const s of t.vSwitches.filter(inVpc(vpcId))) {
      const indent = vSwitchIndent(vpcId);
      lines.push(`${indent}subgraph ${s.id}["${esc(s.label)}"]`);
      for (const e of t.ecis.filter((x) => x.kind === 'ECI' && x.vSwitchIds[0] === s.id)) {
        lines.push(eciLine(e, `${indent}  `));
        placed.add(e.id);
      }
      lines.push(`${indent}end`);
    }
  };
  for (const v of t.vpcs) {
    lines.push(`  subgraph ${v.id}["${esc(v.label)}"]`);
    renderVSwitches(v.id);
    for (const g of t.gateways.filter(inVpc(v.id))) lines.push(`    ${g.id}{{"${esc(g.label)}"}}`);
    // a fleet spans vSwitches: it sits in the VPC, with an edge to each of its vSwitches
    for (const e of t.ecis.filter((x) => x.kind === 'fleet' && x.vSwitchIds.some((s) => t.vSwitches.find((w) => w.id === s)?.vpcId === v.id))) {
      if (placed.has(e.id)) continue;
      lines.push(eciLine(e, '    '));
      placed.add(e.id);
    }
    lines.push('  end');
  }
  renderVSwitches(undefined);
  for (const g of t.gateways.filter(inVpc(undefined))) lines.push(`  ${g.id}{{"${esc(g.label)}"}}`);
  for (const e of t.ecis) if (!placed.has(e.id)) lines.push(eciLine(e, '  '));

  for (const g of t.gateways) lines.push(`  internet --- ${g.id}`);
  for (const e of t.ecis) {
    if (e.kind === 'fleet') for (const s of e.vSwitchIds) lines.push(`  ${e.id} -.- ${s}`);
    for (const b of e.bandwidths) {
      lines.push(`  ${b.gatewayId ?? 'internet'} ==>|"${esc(`IPv6 Internet bandwidth ${b.mbps}${e.egressOnly ? ', egress only' : ''}`)}"| ${e.id}`);
    }
    for (const o of e.openings) {
      const text = `${o.ports} from ::/0 allowed by ${o.securityGroup}${e.reachable ? '' : ` (not reachable: ${e.why})`}`;
      lines.push(`  internet -.->|"${esc(text)}"| ${e.id}`);
    }
  }
  const reachable = t.ecis.filter((e) => e.reachable).map((e) => e.id);
  lines.push('  classDef reachable fill:#fde2e1,stroke:#c62828,stroke-width:2px');
  lines.push('  classDef private fill:#e8f5e9,stroke:#2e7d32');
  if (reachable.length > 0) lines.push(`  class ${reachable.join(',')} reachable`);
  const priv = t.ecis.filter((e) => !e.reachable).map((e) => e.id);
  if (priv.length > 0) lines.push(`  class ${priv.join(',')} private`);

  const table = [
    '| ECI or fleet | IPv6 Internet bandwidth | Open to `::/0` (IPv6) | Reachable from the Internet |',
    '| --- | --- | --- | --- |',
    ...t.ecis.map((e) => `| ${e.label.split('<br/>')[0]} | ${e.bandwidths.map((b) => b.mbps).join(', ') || 'none'} | ${e.openings.map((o) => `${o.ports} (${o.securityGroup})`).join(', ') || 'nothing'} | ${e.reachable ? '**yes**' : 'no'}: ${e.why} |`),
  ];
  return [
    `# IPv6 topology of stack \`${t.stack}\``,
    '',
    'Written by the `Ipv6Checks` rule pack (cdktf-alicloud-ipv6) beside `ipv6-checks-report.json`, from the synthesized plan.',
    'Red: reachable from the Internet over IPv6 (IPv6 Internet bandwidth on its address, and an ingress rule from `::/0`).',
    'Green: private IPv6 (inside the VPC only), or outbound only.',
    '',
    '```mermaid',
    ...lines,
    '```',
    '',
    ...(t.ecis.length > 0 ? table : ['No ECI or fleet of this stack has IPv6.']),
    '',
  ].join('\n');
}

/** Writes `ipv6-topology.md` into `dir`. @internal */
export function writeTopology(dir: string, ctx: RuleContext, stackName: string): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, TOPOLOGY_MD), renderTopology(buildTopology(ctx, stackName)));
}
