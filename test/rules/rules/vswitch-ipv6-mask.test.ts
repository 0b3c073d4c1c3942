import { TerraformVariable } from 'cdktf';
import { alicloud, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../../src';
import { findingsOf, network, newStack, only, rawNetwork, rawStack } from '../util';

const ID = Ipv6RuleId.VSWITCH_IPV6_MASK;

describe('ALI-IPV6-005 vswitch-ipv6-mask', () => {
  test('DualStackVpc vSwitches (masks 0, 1) are compliant', () => {
    const stack = newStack();
    network(stack);
    expect(findingsOf(stack, ID).map((f) => f.status)).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
  });

  test('enable_ipv6 without ipv6_cidr_block_mask is an error (required since provider 1.281.0)', () => {
    const stack = rawStack();
    rawNetwork(stack, { ipv6CidrBlockMask: undefined });
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toContain('no ipv6_cidr_block_mask');
    expect(f.message).toContain('MissingParam.Ipv6CidrBlock');
  });

  test('a mask outside 0-255 (the default /56) is an error; an escape hatch on a DualStackVpc vSwitch is seen', () => {
    const stack = newStack();
    const { vpc } = network(stack);
    vpc.vSwitchResources[1].addOverride('ipv6_cidr_block_mask', 256);
    const f = only(stack, ID, 'VSwitch-cn-huhehaote-b');
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toContain('must be a whole number from 0 to 255');
  });

  test('the range follows the VPC IPv6 block prefix (/60 → 0-15)', () => {
    const stack = rawStack();
    rawNetwork(stack, { ipv6CidrBlockMask: 16, vpcIpv6CidrBlock: '2408:4000:1000:1000::/60' });
    expect(only(stack, ID).message).toContain('from 0 to 15');
  });

  test('two vSwitches of one VPC with the same mask are both errors', () => {
    const stack = rawStack();
    const net = rawNetwork(stack, { ipv6CidrBlockMask: 7 });
    new alicloud.vswitch.Vswitch(stack, 'Twin', { vpcId: net.vpc.id, zoneId: 'cn-huhehaote-b', cidrBlock: '10.0.1.0/24', enableIpv6: true, ipv6CidrBlockMask: 7 });
    const found = findingsOf(stack, ID);
    expect(found.map((f) => f.status)).toEqual([Ipv6CheckStatus.NON_COMPLIANT, Ipv6CheckStatus.NON_COMPLIANT]);
    expect(found[0].message).toContain('also used by alicloud_vswitch.Twin');
  });

  test('the same mask in two different VPCs is fine', () => {
    const stack = rawStack();
    rawNetwork(stack, { ipv6CidrBlockMask: 3 });
    const other = new alicloud.vpc.Vpc(stack, 'Other', { cidrBlock: '10.1.0.0/16', enableIpv6: true });
    new alicloud.vswitch.Vswitch(stack, 'Elsewhere', { vpcId: other.id, zoneId: 'cn-huhehaote-b', cidrBlock: '10.1.1.0/24', enableIpv6: true, ipv6CidrBlockMask: 3 });
    expect(findingsOf(stack, ID).map((f) => f.status)).toEqual([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.COMPLIANT]);
  });

  test('an IPv6 vSwitch in a VPC without IPv6 is an error', () => {
    const stack = rawStack();
    rawNetwork(stack, {}, { enableIpv6: false });
    expect(only(stack, ID).message).toContain('its VPC alicloud_vpc.RawVpc');
  });

  test('a mask from a variable cannot be verified; a vSwitch without IPv6 is not checked', () => {
    const stack = rawStack();
    const mask = new TerraformVariable(stack, 'mask', { type: 'number' });
    const net = rawNetwork(stack, { ipv6CidrBlockMask: mask.numberValue });
    new alicloud.vswitch.Vswitch(stack, 'V4only', { vpcId: net.vpc.id, zoneId: 'cn-huhehaote-b', cidrBlock: '10.0.2.0/24' });
    expect(findingsOf(stack, ID)).toEqual([expect.objectContaining({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO })]);
  });
});
