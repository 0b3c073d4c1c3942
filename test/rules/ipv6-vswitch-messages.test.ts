import { docFinding, ipv6Net, rosStack, Sections, tfDoc } from './doc';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

const ID = Ipv6RuleId.IPV6_VSWITCH;
const LABEL = "ECI 'Eci' (ALIYUN::ECI::ContainerGroup) in the ROS template of alicloud_ros_stack.eci";
const FIX = 'use vSwitches with enable_ipv6 = true and an ipv6_cidr_block_mask, in a VPC with enable_ipv6 = true (DualStackVpc makes both), or drop the IPv6 address';
const ESS_LABEL = 'ECI scaling configuration alicloud_ess_eci_scaling_configuration.c';

/** The network of doc.ts with the vSwitch/VPC bodies changed, and a ROS ECI in `vswitch`. */
function ros(vswitch: unknown, change: { vsw?: Record<string, unknown>; vpc?: Record<string, unknown>; more?: Sections } = {}) {
  const net = ipv6Net(change.more);
  net.alicloud_vswitch.s = { ...net.alicloud_vswitch.s, ...change.vsw };
  net.alicloud_vpc.v = { ...net.alicloud_vpc.v, ...change.vpc };
  return tfDoc({ ...net, alicloud_ros_stack: { eci: rosStack({ VSwitchId: vswitch }) } });
}

function ess(group: Record<string, unknown> | undefined, groupRef = '${alicloud_ess_scaling_group.sg.id}') {
  return tfDoc(ipv6Net({
    ...(group ? { alicloud_ess_scaling_group: { sg: group } } : {}),
    alicloud_ess_eci_scaling_configuration: { c: { scaling_group_id: groupRef, ipv6_address_count: 1 } },
  }));
}

describe('ALI-IPV6-004 messages', () => {
  test('an IPv6 vSwitch of an IPv6 VPC is compliant, and the message names it', () => {
    expect(docFinding(ros('${alicloud_vswitch.s.id}'), ID)).toMatchObject({
      status: Ipv6CheckStatus.COMPLIANT,
      message: `${LABEL} runs in IPv6-enabled vSwitches of IPv6-enabled VPCs (alicloud_vswitch.s)`,
    });
  });

  test('a ROS ECI without VSwitchId (or an empty one) is an error: the default vSwitch has no IPv6', () => {
    for (const value of [undefined, '', ' , ']) {
      const f = docFinding(ros(value), ID);
      expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
      expect(f.message).toBe(`${LABEL} asks for an IPv6 address but sets no VSwitchId, so ROS uses the default vSwitch of the default VPC, which has no IPv6 (Ipv6AddressNotSupportVsw)`);
      expect(f.fix).toBe('set VSwitchId to an IPv6-enabled vSwitch');
    }
  });

  test('an ESS scaling group without vSwitches is an error naming the group', () => {
    for (const group of [{}, { vswitch_ids: [] }, { vswitch_ids: null }]) {
      const f = docFinding(ess(group), ID);
      expect(f.message).toBe(`${ESS_LABEL} asks for an IPv6 address but vswitch_ids of alicloud_ess_scaling_group.sg is empty`);
      expect(f.fix).toBe('give the scaling group IPv6-enabled vswitch_ids');
    }
  });

  test('an ESS scaling group with the older vswitch_id is read too', () => {
    expect(docFinding(ess({ vswitch_id: '${alicloud_vswitch.s.id}' }), ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('ESS vswitch_ids that are an expression, or a scaling group outside the stack, cannot be verified', () => {
    const expr = docFinding(ess({ vswitch_ids: '${var.ids}' }), ID);
    expect(expr).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, fix: FIX });
    expect(expr.message).toBe(`Cannot verify at synth time that the vSwitches of ${ESS_LABEL} have IPv6: vswitch_ids of alicloud_ess_scaling_group.sg vswitch_ids is the expression \${var.ids}, known only at apply time`);
    expect(docFinding(ess(undefined, 'asg-123'), ID).message)
      .toBe(`Cannot verify at synth time that the vSwitches of ${ESS_LABEL} have IPv6: vswitch_ids of its scaling group its scaling group is 'asg-123', not a scaling group of this stack`);
  });

  test('a vSwitch with IPv6 disabled or unset is an error that says which', () => {
    const off = docFinding(ros('${alicloud_vswitch.s.id}', { vsw: { enable_ipv6: false } }), ID);
    expect(off.message).toBe(`${LABEL} asks for an IPv6 address but vSwitch alicloud_vswitch.s has IPv6 disabled (enable_ipv6 = false), so the ECI cannot get an IPv6 address there (Ipv6AddressNotSupportVsw)`);
    expect(off.fix).toBe(FIX);
    expect(docFinding(ros('${alicloud_vswitch.s.id}', { vsw: { enable_ipv6: undefined } }), ID).message).toContain('(enable_ipv6 not set)');
  });

  test('an IPv6 vSwitch in a VPC without IPv6 is an error naming the VPC', () => {
    expect(docFinding(ros('${alicloud_vswitch.s.id}', { vpc: { enable_ipv6: false } }), ID).message)
      .toBe(`${LABEL} asks for an IPv6 address but VPC alicloud_vpc.v of vSwitch alicloud_vswitch.s has IPv6 disabled`);
  });

  test('what cannot be followed is not verifiable, each reason listed', () => {
    const IMPORTED = 'to have it verified at synth, create the vSwitch (with enable_ipv6 = true, as DualStackVpc does) in this stack; for an existing vSwitch, check its IPv6 with DescribeVSwitchAttributes and suppress ALI-IPV6-004 on this construct with the result';
    const nv = (vswitch: unknown, change: Parameters<typeof ros>[1] = {}) => {
      const f = docFinding(ros(vswitch, change), ID);
      const notHere = f.message.includes('is not created in this stack');
      expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO, fix: notHere ? IMPORTED : FIX });
      return f.message.replace(`Cannot verify at synth time that ${LABEL} is in IPv6-enabled vSwitches: `, '');
    };
    expect(nv('vsw-123')).toBe("vSwitch 'vsw-123' is not created in this stack");
    expect(nv('${var.vsw}')).toBe('vSwitch the expression ${var.vsw} is not created in this stack');
    expect(nv('${alicloud_vswitch.s.id}', { vsw: { enable_ipv6: '${var.on}' } })).toBe('enable_ipv6 of vSwitch alicloud_vswitch.s is the expression ${var.on}');
    expect(nv('${alicloud_vswitch.s.id}', { vsw: { vpc_id: 'vpc-1' } })).toBe("the VPC of vSwitch alicloud_vswitch.s is 'vpc-1', not created in this stack");
    expect(nv('${alicloud_vswitch.s.id}', { vpc: { enable_ipv6: '${var.on}' } })).toBe('enable_ipv6 of VPC alicloud_vpc.v is an expression');
    expect(nv('vsw-1,vsw-2')).toBe("vSwitch 'vsw-1' is not created in this stack; vSwitch 'vsw-2' is not created in this stack");
  });

  test('a VPC with IPv6 through an alicloud_vpc_ipv6_cidr_block passes even when enable_ipv6 is an expression', () => {
    const doc = ros('${alicloud_vswitch.s.id}', { vpc: { enable_ipv6: '${var.on}' }, more: { alicloud_vpc_ipv6_cidr_block: { c: { vpc_id: '${alicloud_vpc.v.id}' } } } });
    expect(docFinding(doc, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('a problem wins over what cannot be verified; every problem is listed (ESS vswitch_ids)', () => {
    const doc = ess({ vswitch_ids: ['vsw-outside', '${alicloud_vswitch.s.id}', '${alicloud_vswitch.t.id}'] });
    doc.resource.alicloud_vswitch.s.enable_ipv6 = false;
    doc.resource.alicloud_vswitch.t = { vpc_id: '${alicloud_vpc.v.id}', enable_ipv6: false };
    const f = docFinding(doc, ID);
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toBe(`${ESS_LABEL} asks for an IPv6 address but vSwitch alicloud_vswitch.s has IPv6 disabled (enable_ipv6 = false), so the ECI cannot get an IPv6 address there (Ipv6AddressNotSupportVsw); vSwitch alicloud_vswitch.t has IPv6 disabled (enable_ipv6 = false), so the ECI cannot get an IPv6 address there (Ipv6AddressNotSupportVsw)`);
  });

  test('a ROS VSwitchId with an expression is one value, not split at commas', () => {
    expect(docFinding(ros('vsw-1,${alicloud_vswitch.s.id}'), ID).message).toContain('vSwitch the expression vsw-1,${alicloud_vswitch.s.id} is not created in this stack');
  });

  test('a vSwitch reference to another attribute, or to a resource of another type, is not followed', () => {
    expect(docFinding(ros('${alicloud_vswitch.s.zone_id}'), ID).status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
    expect(docFinding(ros('${alicloud_vpc.v.id}'), ID).message).toContain('vSwitch the expression ${alicloud_vpc.v.id} is not created in this stack');
  });
});
