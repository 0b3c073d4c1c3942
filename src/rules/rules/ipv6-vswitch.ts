import { boolOf, RuleContext } from '../context';
import { EciSpec } from '../eci-model';
import { fix, suppressHereFix } from '../fix-text';
import { show } from '../references';
import { compliant, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-004: an IPv6 ECI runs in IPv6-enabled vSwitches (`enable_ipv6 = true`) of an IPv6-enabled VPC
 * (for ESS: every entry of the scaling group's `vswitch_ids`). Catches `Ipv6AddressNotSupportVsw`.
 * vSwitches not created in this stack (imported IDs, variables) cannot be verified.
 * @internal
 */
export const ipv6VSwitch: RuleDefinition = {
  id: Ipv6RuleId.IPV6_VSWITCH,
  name: 'ipv6-vswitch',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'An IPv6 ECI runs in IPv6-enabled vSwitches of an IPv6-enabled VPC.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const eci of ctx.ipv6Ecis) yield subject(eci.owner, () => check(ctx, eci));
  },
};

const FIX = fix`use vSwitches with enable_ipv6 = true and an ipv6_cidr_block_mask, in a VPC with enable_ipv6 = true${{ cdktf: ' (DualStackVpc makes both)', terraform: '' }}, or drop the IPv6 address`;

function check(ctx: RuleContext, eci: EciSpec): Verdict {
  const vs = eci.vSwitches;
  if (vs.state === 'absent' || (vs.state === 'known' && vs.value.length === 0)) {
    return eci.backend === 'ros'
      ? nonCompliant(`${eci.label} asks for an IPv6 address but sets no VSwitchId, so ROS uses the default vSwitch of the default VPC, which has no IPv6 (Ipv6AddressNotSupportVsw)`,
        'set VSwitchId to an IPv6-enabled vSwitch')
      : nonCompliant(`${eci.label} asks for an IPv6 address but ${eci.vSwitchesField} is empty`, 'give the scaling group IPv6-enabled vswitch_ids');
  }
  if (vs.state === 'unknown') {
    return notVerifiable(`Cannot verify at synth time that the vSwitches of ${eci.label} have IPv6: ${eci.vSwitchesField} ${vs.why}`, FIX);
  }
  const problems: string[] = [];
  const unverifiable: string[] = [];
  const fine: string[] = [];
  const elsewhere = new Set<string>();
  let notHere = false;
  for (const value of vs.value) {
    const l = ctx.link(value, ['alicloud_vswitch']);
    if (l.kind !== 'resource') {
      const other = ctx.crossStackOf(value);
      if (other) {
        elsewhere.add(other.stack);
        unverifiable.push(`vSwitch '${other.constructPath}' is in stack '${other.stack}' (a cross-stack reference), and the pack checks one stack's plan at a time`);
      } else {
        notHere = true;
        unverifiable.push(`vSwitch ${ctx.describe(l)} is not created in this stack`);
      }
      continue;
    }
    const vsw = l.block;
    const enabled = boolOf(vsw.body.enable_ipv6);
    if (enabled === 'unknown') {
      unverifiable.push(`enable_ipv6 of vSwitch ${vsw.address} is the expression ${show(vsw.body.enable_ipv6)}`);
      continue;
    }
    if (enabled !== true) {
      problems.push(`vSwitch ${ctx.describe(l)} has IPv6 disabled (enable_ipv6 ${enabled === false ? '= false' : 'not set'}), so the ECI cannot get an IPv6 address there (Ipv6AddressNotSupportVsw)`);
      continue;
    }
    const vpc = ctx.link(vsw.body.vpc_id, ['alicloud_vpc']);
    if (vpc.kind !== 'resource') {
      unverifiable.push(`the VPC of vSwitch ${vsw.address} is ${ctx.describe(vpc)}, not created in this stack`);
      continue;
    }
    const vpcIpv6 = ctx.vpcIpv6(vpc.block);
    if (vpcIpv6 === 'unknown') unverifiable.push(`enable_ipv6 of VPC ${vpc.block.address} is an expression`);
    else if (!vpcIpv6) problems.push(`VPC ${ctx.describe(vpc)} of vSwitch ${vsw.address} has IPv6 disabled`);
    else fine.push(vsw.address);
  }
  if (problems.length > 0) return nonCompliant(`${eci.label} asks for an IPv6 address but ${problems.join('; ')}`, FIX);
  if (unverifiable.length > 0) {
    const stacks = [...elsewhere].map((x) => `'${x}'`).join(', ');
    const advice = elsewhere.size > 0
      ? `to have it verified at synth, create the ECI in stack ${stacks}, next to its VPC (there ALI-IPV6-005 already checks that the vSwitch has IPv6, and ALI-IPV6-011 checks here that both stacks deploy to one region); `
        + 'or, when the other stack\'s report is enough, suppress ALI-IPV6-004 on this construct with that reason'
      : notHere
        ? fix`to have it verified at synth, create the vSwitch (with enable_ipv6 = true${{ cdktf: ', as DualStackVpc does', terraform: '' }}) in this stack; for an existing vSwitch, check its IPv6 with DescribeVSwitchAttributes and ${suppressHereFix('ALI-IPV6-004', 'the result')}`
        : FIX;
    return notVerifiable(`Cannot verify at synth time that ${eci.label} is in IPv6-enabled vSwitches: ${unverifiable.join('; ')}`, advice);
  }
  return compliant(`${eci.label} runs in IPv6-enabled vSwitches of IPv6-enabled VPCs (${fine.join(', ')})`);
}
