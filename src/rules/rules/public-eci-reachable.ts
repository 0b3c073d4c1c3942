import { RuleContext, TfBlock } from '../context';
import { EciSpec } from '../eci-model';
import { referencesIn, isToken } from '../references';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { rulesBySecurityGroup, SG_TYPES } from '../security-groups';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-009: an ECI whose IPv6 address has Internet bandwidth admits some IPv6 ingress in its security
 * group; otherwise nothing on the Internet can reach it (and the bandwidth only serves outbound traffic,
 * which an egress-only rule says explicitly). The bandwidth is linked to the ECI through the lookups in its
 * `ipv6_address_id` (`data.alicloud_eci_container_groups` → `depends_on` the ROS stack, or the group name).
 * @internal
 */
export const publicEciReachable: RuleDefinition = {
  id: Ipv6RuleId.PUBLIC_ECI_REACHABLE,
  name: 'public-eci-reachable',
  level: Ipv6CheckLevel.WARNING,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'An ECI with IPv6 Internet bandwidth has an IPv6 ingress rule in its security group (or an egress-only rule).',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const [eci, bandwidths] of bandwidthsByEci(ctx)) yield subject(eci.owner, () => check(ctx, eci, bandwidths));
  },
};

/**
 * Links each `alicloud_vpc_ipv6_internet_bandwidth` to the ECIs its address ID is looked up from (also for the
 * topology); built once per synth.
 * @internal
 */
export function bandwidthsByEci(ctx: RuleContext): ReadonlyMap<EciSpec, readonly TfBlock[]> {
  return ctx.cached('bandwidthsByEci', () => linkBandwidths(ctx));
}

/** Whether an IPv6 Internet bandwidth's address has an egress-only rule (outbound only, by design). @internal */
export function isEgressOnly(ctx: RuleContext, bandwidth: TfBlock): boolean {
  const egressOnly = ctx.groupBy('egressByInstance', () => ctx.ofType('alicloud_vpc_ipv6_egress_rule'),
    (b) => typeof b.body.instance_id === 'string' ? b.body.instance_id : undefined);
  return typeof bandwidth.body.ipv6_address_id === 'string' && egressOnly.has(bandwidth.body.ipv6_address_id);
}

function linkBandwidths(ctx: RuleContext): Map<EciSpec, TfBlock[]> {
  const byOwner = new Map<string, EciSpec[]>();
  const byName = new Map<string, EciSpec[]>();
  for (const eci of ctx.ecis) {
    if (eci.backend === 'ess') continue; // ESS cannot declare per-address bandwidth
    push(byOwner, eci.owner.address, eci);
    if (eci.name !== undefined) push(byName, eci.name, eci);
  }
  const result = new Map<EciSpec, TfBlock[]>();
  for (const bw of ctx.ofType('alicloud_vpc_ipv6_internet_bandwidth')) {
    const found = new Set<EciSpec>();
    for (const ref of referencesIn(bw.body.ipv6_address_id)) {
      const block = ctx.get(ref.address);
      if (!block) continue;
      if (block.type === 'alicloud_ros_stack' || block.type === 'alicloud_eci_container_group') {
        for (const e of byOwner.get(block.address) ?? []) found.add(e);
      } else if (block.kind === 'data' && block.type === 'alicloud_eci_container_groups') {
        const name = typeof block.body.container_group_name === 'string' && !isToken(block.body.container_group_name) ? block.body.container_group_name : undefined;
        const deps: unknown[] = Array.isArray(block.body.depends_on) ? block.body.depends_on : [];
        let candidates = deps.flatMap((d) => typeof d === 'string' ? byOwner.get(d) ?? [] : []);
        if (candidates.length === 0 && name !== undefined) candidates = byName.get(name) ?? [];
        for (const e of candidates) if (name === undefined || e.name === undefined || e.name === name) found.add(e);
      }
    }
    for (const e of found) push(result, e, bw);
  }
  return result;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  let list = m.get(k);
  if (!list) m.set(k, list = []);
  list.push(v);
}

function check(ctx: RuleContext, eci: EciSpec, bandwidths: readonly TfBlock[]): Verdict {
  const bwText = bandwidths.map((b) => b.address).join(', ');
  if (bandwidths.every((bw) => isEgressOnly(ctx, bw))) {
    return compliant(`${eci.label} has IPv6 Internet bandwidth with an egress-only rule: outbound only, by design`);
  }
  const sg = eci.securityGroup;
  if (sg.state !== 'known') {
    return notVerifiable(`Cannot verify at synth time that ${eci.label} (IPv6 Internet bandwidth ${bwText}) admits IPv6 ingress: its security group ${sg.state === 'unknown' ? sg.why : 'is not set'}`,
      'give the ECI a security group of this stack with an IPv6 ingress rule');
  }
  const link = ctx.link(sg.value, SG_TYPES);
  const key = ctx.keyOf(sg.value, SG_TYPES);
  const rules = key === undefined ? [] : rulesBySecurityGroup(ctx).get(key) ?? [];
  let uncertain = false;
  for (const r of rules) {
    const b = r.body;
    if (isToken(b.type) || isToken(b.policy)) {
      uncertain = true;
      continue;
    }
    if ((b.type ?? 'ingress') !== 'ingress' || b.policy === 'drop') continue;
    if (b.ipv6_cidr_ip !== undefined && b.ipv6_cidr_ip !== null && b.ipv6_cidr_ip !== '') {
      return compliant(`${eci.label} has IPv6 Internet bandwidth and its security group admits IPv6 ingress (${r.address})`);
    }
  }
  const other = link.kind !== 'resource' ? ctx.crossStackOf(sg.value) : undefined;
  if (other) {
    return notVerifiable(`Cannot verify at synth time that ${eci.label} (IPv6 Internet bandwidth ${bwText}) admits IPv6 ingress: its security group '${other.constructPath}' is in stack '${other.stack}' (a cross-stack reference), and its rules are in that stack's plan`,
      `to have it verified at synth, create the security group and its rules in this stack, or the ECI in stack '${other.stack}'; or check that stack's rules (its report lists them under ALI-IPV6-008) and suppress ALI-IPV6-009 here with the reason`);
  }
  if (uncertain || link.kind !== 'resource') {
    return notVerifiable(`Cannot verify at synth time that ${eci.label} (IPv6 Internet bandwidth ${bwText}) admits IPv6 ingress: its security group ${ctx.describe(link)} ${link.kind !== 'resource' ? 'is not created in this stack' : 'has rules with expressions'}`,
      'add an IPv6 ingress rule for the ports the containers serve');
  }
  return nonCompliant(
    `${eci.label} has IPv6 Internet bandwidth (${bwText}) but its security group ${ctx.describe(link)} admits no IPv6 ingress, so nothing on the Internet can reach it`,
    {
      cdktf: 'add an IPv6 ingress rule for the ports the containers serve (sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80))), or add an egress-only rule (Ipv6EgressOnlyRule) if outbound-only is intended',
      terraform: 'add an IPv6 ingress rule for the ports the containers serve (resource "alicloud_security_group_rule" "http6" { type = "ingress", '
        + 'ip_protocol = "tcp", port_range = "80/80", ipv6_cidr_ip = "::/0", security_group_id = <the ECI\'s security group>.id }), '
        + 'or add an egress-only rule (resource "alicloud_vpc_ipv6_egress_rule") if outbound-only is intended',
    },
  );
}
