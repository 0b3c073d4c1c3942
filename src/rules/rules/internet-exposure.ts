import { displayIp } from '../../core/cidr';
import { RuleContext, TfBlock } from '../context';
import { ContainerPort } from '../eci-model';
import { isToken, show } from '../references';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { ecisBySecurityGroup, SG_TYPES, sourceKind } from '../security-groups';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-008: an ingress security group rule open to the whole Internet (`::/0` or `0.0.0.0/0`, policy
 * accept) opens only ports that the containers in that security group declare. ICMP/ICMPv6 carry no ports
 * and pass.
 * @internal
 */
export const internetExposure: RuleDefinition = {
  id: Ipv6RuleId.INTERNET_EXPOSURE,
  name: 'internet-exposure',
  level: Ipv6CheckLevel.WARNING,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'Ingress rules open to ::/0 or 0.0.0.0/0 open only the ports the containers in that security group declare.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const rule of ctx.ofType('alicloud_security_group_rule')) {
      const b = rule.body;
      if (b.type !== undefined && b.type !== 'ingress' && !isToken(b.type)) continue;
      if (b.policy === 'drop') continue;
      const source = b.ipv6_cidr_ip !== undefined ? b.ipv6_cidr_ip : b.cidr_ip;
      const kind = sourceKind(source);
      if (kind === 'world' || kind === 'unknown') yield subject(rule, () => check(ctx, rule, source, kind));
    }
  },
};

const NO_PORTS = new Set(['icmp', 'icmpv6']);

function portRange(value: unknown): [number, number] | 'unknown' | undefined {
  const text = value === undefined ? '-1/-1' : value;
  if (typeof text !== 'string' || isToken(text)) return 'unknown';
  const m = /^\s*(-?\d+)\s*\/\s*(-?\d+)\s*$/.exec(text);
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return a === -1 && b === -1 ? [1, 65535] : [a, b];
}

function declaredText(ports: ReadonlyMap<string, ReadonlySet<number>>): string {
  const parts: string[] = [];
  for (const [protocol, set] of ports) parts.push(...[...set].sort((x, y) => x - y).map((p) => `${protocol} ${p}`));
  return parts.length > 0 ? parts.join(', ') : 'no port';
}

function check(ctx: RuleContext, rule: TfBlock, raw: unknown, kind: 'world' | 'unknown'): Verdict {
  const b = rule.body;
  const source = kind === 'world' ? displayIp(raw) : raw; // messages name IPv6 blocks in RFC 5952 form
  const label = `ingress rule ${rule.address}`;
  if (kind === 'unknown' || isToken(b.type) || isToken(b.policy)) {
    return notVerifiable(`Cannot verify at synth time whether ${label} opens ports to the whole Internet: its source or direction is the expression ${show(kind === 'unknown' ? source : isToken(b.type) ? b.type : b.policy)}`,
      'use literal CIDR blocks for ingress rules');
  }
  const protocol = typeof b.ip_protocol === 'string' ? b.ip_protocol.toLowerCase() : b.ip_protocol;
  if (typeof protocol !== 'string' || isToken(protocol)) {
    return notVerifiable(`Cannot verify at synth time what ${label} opens: ip_protocol is ${show(b.ip_protocol)}`, 'use a literal ip_protocol');
  }
  if (NO_PORTS.has(protocol)) return compliant(`${label} opens ${protocol} to ${source}; it carries no ports`);

  const sgKey = ctx.keyOf(b.security_group_id, SG_TYPES);
  const sgText = ctx.describe(ctx.link(b.security_group_id, SG_TYPES));
  const ecis = sgKey === undefined ? [] : ecisBySecurityGroup(ctx).get(sgKey) ?? [];
  if (ecis.length === 0) {
    const sgLink = ctx.link(b.security_group_id, SG_TYPES);
    const exported = sgLink.kind === 'resource' && ctx.isExported(sgLink.block);
    return notVerifiable(`Cannot verify at synth time that ${label} (${protocol} ${b.port_range ?? '-1/-1'} from ${source}) opens only ports containers listen on: no ECI of this stack is in security group ${sgText}`
      + (exported ? ', which another stack reads (a cross-stack output): its ECIs are in that stack\'s plan' : ''),
    'to have it verified at synth, create the ECIs that use the security group in the same stack as the security group and its rules; '
      + 'otherwise open only the ports your workloads serve, and suppress ALI-IPV6-008 on the rule with the reason');
  }
  const declared = new Map<string, Set<number>>();
  for (const eci of ecis) {
    if (eci.ports.state === 'unknown') {
      return notVerifiable(`Cannot verify at synth time the ports of ${eci.label}, which is in security group ${sgText}: ${eci.ports.why}`, 'declare the container ports as literals');
    }
    for (const p of eci.ports.state === 'known' ? eci.ports.value : [] as ContainerPort[]) {
      let set = declared.get(p.protocol);
      if (!set) declared.set(p.protocol, set = new Set());
      set.add(p.port);
    }
  }
  const fix = 'narrow port_range to the ports the containers declare, restrict the source to the clients\' CIDR block, or declare the port on the container';
  if (protocol !== 'tcp' && protocol !== 'udp') {
    return nonCompliant(`${label} opens ${protocol === 'all' ? 'every protocol and port' : `protocol ${protocol}`} to ${source}, but the containers in security group ${sgText} declare only ${declaredText(declared)}`, fix);
  }
  const range = portRange(b.port_range);
  if (range === 'unknown') return notVerifiable(`Cannot verify at synth time what ${label} opens: port_range is the expression ${show(b.port_range)}`, 'use a literal port_range');
  if (range === undefined) return compliant(`${label} has an unreadable port_range ${show(b.port_range)} (reported by ALI-IPV6-010 if the provider rejects it)`);
  const mine = declared.get(protocol) ?? new Set<number>();
  const extra: number[] = [];
  // At most mine.size ports of any run are declared, so this stops after mine.size + 3 steps.
  for (let p = range[0]; p <= range[1] && extra.length < 3; p++) {
    if (!mine.has(p)) extra.push(p);
  }
  if (extra.length === 0) return compliant(`${label} opens ${protocol} ${range[0]}/${range[1]} to ${source}, all declared by the containers in security group ${sgText}`);
  const count = range[1] - range[0] + 1 - [...mine].filter((p) => p >= range[0] && p <= range[1]).length;
  return nonCompliant(
    `${label} opens ${protocol} ${b.port_range ?? '-1/-1'} to ${source} (the whole Internet), but the containers in security group ${sgText} declare only ${declaredText(declared)}; ${count} port${count === 1 ? '' : 's'} (${extra.join(', ')}${count > extra.length ? ', ...' : ''}) ${count === 1 ? 'is' : 'are'} open with no container port behind ${count === 1 ? 'it' : 'them'}`,
    fix,
  );
}
