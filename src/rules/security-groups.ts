/**
 * Security-group lookups shared by the exposure rules.
 * @internal
 */
import { RuleContext, TfBlock } from './context';
import { EciSpec } from './eci-model';
import { isToken } from './references';
import { parseIpv4Cidr, parseIpv6Cidr } from '../core/cidr';

/** The security group types a `security_group_id` may point at. @internal */
export const SG_TYPES = ['alicloud_security_group'];

/** ECIs (any backend) by the key of their security group. @internal */
export function ecisBySecurityGroup(ctx: RuleContext): ReadonlyMap<string, readonly EciSpec[]> {
  return ctx.cached('ecisBySg', () => {
    const m = new Map<string, EciSpec[]>();
    for (const eci of ctx.ecis) {
      if (eci.securityGroup.state !== 'known') continue;
      const key = ctx.keyOf(eci.securityGroup.value, SG_TYPES);
      if (key === undefined) continue;
      let list = m.get(key);
      if (!list) m.set(key, list = []);
      list.push(eci);
    }
    return m;
  });
}

/** `alicloud_security_group_rule`s by the key of their security group. @internal */
export function rulesBySecurityGroup(ctx: RuleContext): ReadonlyMap<string, readonly TfBlock[]> {
  return ctx.groupBy('sgRules', () => ctx.ofType('alicloud_security_group_rule'), (b) => ctx.keyOf(b.body.security_group_id, SG_TYPES));
}

/** 'world' for a /0 source, 'other' for any other literal CIDR, 'unknown' for an expression, undefined when unset. @internal */
export function sourceKind(cidr: unknown): 'world' | 'other' | 'unknown' | undefined {
  if (cidr === undefined || cidr === null || cidr === '') return undefined;
  if (typeof cidr !== 'string' || isToken(cidr)) return 'unknown';
  let kind = literalSourceKinds.get(cidr);
  if (kind === undefined) {
    const text = cidr.trim();
    const parsed = parseIpv6Cidr(text) ?? parseIpv4Cidr(text);
    kind = parsed !== undefined && parsed.prefix === 0 ? 'world' : 'other';
    if (literalSourceKinds.size < 10_000) literalSourceKinds.set(cidr, kind);
  }
  return kind;
}

/**
 * The answers for literal CIDRs (bounded): a stack has few distinct sources, asked for every ECI's security-group rules
 * (a thousand ECIs behind one `::/0` rule parsed it a thousand times: bench/).
 */
const literalSourceKinds = new Map<string, 'world' | 'other'>();
