import { ipv6CidrNetwork } from '../../core/cidr';
import { boolOf, numberOf, RuleContext, TfBlock } from '../context';
import { DEFAULT_VPC_IPV6_PREFIX, MASK_REQUIRED_SINCE } from '../facts/limits';
import { fix } from '../fix-text';
import { exactReference, isToken, show } from '../references';
import { compliant, FixText, joinFixes, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-005: a vSwitch with `enable_ipv6 = true` has an `ipv6_cidr_block_mask` (required since provider
 * 1.281.0; before, `MissingParam.Ipv6CidrBlock`), in range for its VPC's IPv6 prefix (0–255 for the default
 * /56), unique among the vSwitches of the VPC, and its VPC has IPv6.
 * @internal
 */
export const vSwitchIpv6Mask: RuleDefinition = {
  id: Ipv6RuleId.VSWITCH_IPV6_MASK,
  name: 'vswitch-ipv6-mask',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'An IPv6 vSwitch has an ipv6_cidr_block_mask that is set, in range (0-255 for a /56) and unique in its VPC, and its VPC has IPv6.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const vsw of ipv6VSwitches(ctx)) yield subject(vsw, () => check(ctx, vsw));
  },
};

function ipv6VSwitches(ctx: RuleContext): readonly TfBlock[] {
  return ctx.cached('ipv6VSwitches', () => ctx.ofType('alicloud_vswitch').filter((b) => {
    const e = boolOf(b.body.enable_ipv6);
    return e === true || e === 'unknown';
  }));
}

/** The prefix length of the VPC IPv6 block the vSwitch's /64 is carved from. */
function prefixOf(ctx: RuleContext, vsw: TfBlock): number {
  const block = vsw.body.vpc_ipv6_cidr_block;
  if (typeof block === 'string' && !isToken(block)) {
    const m = /\/(\d+)$/.exec(block.trim());
    if (m) return Number(m[1]);
  }
  const ref = exactReference(block);
  const cidr = ref ? ctx.get(ref.address) : undefined;
  if (cidr?.type === 'alicloud_vpc_ipv6_cidr_block') {
    const mask = numberOf(cidr.body.ipv6_cidr_mask);
    if (typeof mask === 'number' && Number.isInteger(mask)) return mask;
  }
  return DEFAULT_VPC_IPV6_PREFIX.value;
}

/** A key for a vSwitch's `vpc_ipv6_cidr_block`: one per block, however it is spelled ('' when unset). */
function blockKey(raw: unknown): string {
  if (raw === undefined) return '';
  return (typeof raw === 'string' ? ipv6CidrNetwork(raw.trim()) : undefined) ?? JSON.stringify(raw);
}

/** Groups literal masks by VPC (and VPC IPv6 block): key → vSwitches. */
function masksInVpc(ctx: RuleContext): ReadonlyMap<string, readonly TfBlock[]> {
  return ctx.groupBy('vswitchMasks', () => ipv6VSwitches(ctx), (b) => {
    const mask = numberOf(b.body.ipv6_cidr_block_mask);
    if (typeof mask !== 'number' || !Number.isInteger(mask) || boolOf(b.body.enable_ipv6) !== true) return undefined;
    const vpc = ctx.keyOf(b.body.vpc_id, ['alicloud_vpc']);
    if (vpc === undefined) return undefined;
    const block = blockKey(b.body.vpc_ipv6_cidr_block);
    return `${vpc}|${block}|${mask}`;
  });
}

function check(ctx: RuleContext, vsw: TfBlock): Verdict {
  const b = vsw.body;
  if (boolOf(b.enable_ipv6) === 'unknown') {
    return notVerifiable(`Cannot verify at synth time the IPv6 mask of vSwitch ${vsw.address}: enable_ipv6 is the expression ${show(b.enable_ipv6)}`,
      'when enable_ipv6 can be true, always set ipv6_cidr_block_mask too');
  }
  const problems: string[] = [];
  const fixes: FixText[] = [];
  const prefix = prefixOf(ctx, vsw);
  const max = prefix >= 48 && prefix <= 64 ? 2 ** (64 - prefix) - 1 : 255;
  const mask = numberOf(b.ipv6_cidr_block_mask);
  if (mask === undefined) {
    problems.push(`vSwitch ${vsw.address} has enable_ipv6 = true but no ipv6_cidr_block_mask, which the provider requires since ${MASK_REQUIRED_SINCE.date} (older releases failed with MissingParam.Ipv6CidrBlock)`);
    fixes.push(fix`set ipv6_cidr_block_mask to a free value from 0 to ${max}${{ cdktf: ' (DualStackVpc assigns one)', terraform: '' }}`);
  } else if (mask === 'unknown') {
    return notVerifiable(`Cannot verify at synth time the ipv6_cidr_block_mask of vSwitch ${vsw.address}: it is the expression ${show(b.ipv6_cidr_block_mask)}`,
      `use a literal mask from 0 to ${max}`);
  } else if (!Number.isInteger(mask) || mask < 0 || mask > max) {
    problems.push(`ipv6_cidr_block_mask of vSwitch ${vsw.address} is ${show(b.ipv6_cidr_block_mask)} but must be a whole number from 0 to ${max} (the last ${64 - prefix} bits of the vSwitch /64 in the VPC's /${prefix})`);
    fixes.push(`set ipv6_cidr_block_mask between 0 and ${max}`);
  } else {
    const vpc = ctx.keyOf(b.vpc_id, ['alicloud_vpc']);
    const block = blockKey(b.vpc_ipv6_cidr_block);
    const same = vpc === undefined ? [] : (masksInVpc(ctx).get(`${vpc}|${block}|${mask}`) ?? []).filter((o) => o !== vsw);
    if (same.length > 0) {
      problems.push(`ipv6_cidr_block_mask ${mask} of vSwitch ${vsw.address} is also used by ${same.map((o) => o.address).join(', ')} in the same VPC, so both would get the same IPv6 /64`);
      fixes.push('give each IPv6 vSwitch of a VPC its own ipv6_cidr_block_mask');
    }
  }
  const vpcLink = ctx.link(b.vpc_id, ['alicloud_vpc']);
  if (vpcLink.kind === 'resource' && ctx.vpcIpv6(vpcLink.block) === false) {
    problems.push(`vSwitch ${vsw.address} has enable_ipv6 = true but its VPC ${vpcLink.block.address} has IPv6 disabled`);
    fixes.push('set enable_ipv6 = true on the VPC (or attach an alicloud_vpc_ipv6_cidr_block)');
  }
  if (problems.length > 0) return nonCompliant(problems.join('; '), joinFixes(fixes));
  return compliant(`vSwitch ${vsw.address} has IPv6 mask ${mask}, within 0-${max} and unique in its VPC`);
}
