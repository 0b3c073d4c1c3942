import { TerraformVariable } from 'cdktf';
import { alicloud, ContainerGroupFleet, DualStackVpc, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId, SecurityGroup } from '../../../src';
import { ipv6Eci, network, newStack, only, rawNetwork, rawRosEci, rawStack } from '../util';

const ID = Ipv6RuleId.IPV6_VSWITCH;

describe('ALI-IPV6-004 ipv6-vswitch', () => {
  test('an IPv6 ECI in a DualStackVpc vSwitch is compliant', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack));
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('a raw ROS ECI in a vSwitch without IPv6 is an error (Ipv6AddressNotSupportVsw)', () => {
    const stack = rawStack();
    const net = rawNetwork(stack, { enableIpv6: false, ipv6CidrBlockMask: undefined });
    rawRosEci(stack, 'Eci', net.vswitch.id, net.sg.id);
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toContain('has IPv6 disabled (enable_ipv6 = false)');
    expect(f.message).toContain('Ipv6AddressNotSupportVsw');
  });

  test('an IPv6 vSwitch in a VPC without IPv6 is an error', () => {
    const stack = rawStack();
    const net = rawNetwork(stack, {}, { enableIpv6: false });
    rawRosEci(stack, 'Eci', net.vswitch.id, net.sg.id);
    expect(only(stack, ID).message).toMatch(/VPC alicloud_vpc\.RawVpc \(test\/RawVpc\) of vSwitch alicloud_vswitch\.RawVsw has IPv6 disabled/);
  });

  test('a VPC with IPv6 through alicloud_vpc_ipv6_cidr_block counts as IPv6-enabled', () => {
    const stack = rawStack();
    const net = rawNetwork(stack, {}, { enableIpv6: undefined });
    new alicloud.vpcIpv6CidrBlock.VpcIpv6CidrBlock(stack, 'Cidr', { vpcId: net.vpc.id });
    rawRosEci(stack, 'Eci', net.vswitch.id, net.sg.id);
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('a ROS ECI without VSwitchId is an error: ROS would use the default vSwitch', () => {
    const stack = rawStack();
    const net = rawNetwork(stack);
    rawRosEci(stack, 'Eci', net.vswitch.id, net.sg.id, { VSwitchId: undefined });
    expect(only(stack, ID).message).toContain('sets no VSwitchId');
  });

  test('every vswitch_ids entry of an ESS fleet is checked (an override adds a vSwitch without IPv6)', () => {
    const stack = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    const sg = new SecurityGroup(stack, 'Sg', { vpc });
    const plain = new alicloud.vswitch.Vswitch(stack, 'Plain', { vpcId: vpc.vpcId, zoneId: 'cn-huhehaote-b', cidrBlock: '10.0.9.0/24' });
    const fleet = new ContainerGroupFleet(stack, 'Fleet', {
      vpc, securityGroup: sg, minSize: 1, maxSize: 2, ipv6AddressCount: 1, containers: [{ name: 'worker', image: 'busybox' }],
    });
    fleet.scalingGroup.addOverride('vswitch_ids', [vpc.vSwitches[0].vSwitchId, plain.id]);
    const f = only(stack, ID);
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toContain('alicloud_vswitch.Plain');
    expect(f.message).toContain('enable_ipv6 not set');
  });

  test('an imported vSwitch ID cannot be verified: info, no crash', () => {
    const stack = newStack();
    const vpc = DualStackVpc.fromVpcAttributes(stack, 'Existing', { vpcId: 'vpc-123', vSwitches: [{ vSwitchId: 'vsw-456', zoneId: 'cn-huhehaote-a' }] });
    const sg = SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-1', 'vpc-123');
    ipv6Eci(stack, 'Web', { vpc, securityGroup: sg });
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(f.message).toContain("vSwitch 'vsw-456' is not created in this stack");
  });

  test('a vSwitch whose enable_ipv6 is a variable cannot be verified', () => {
    const stack = rawStack();
    const on = new TerraformVariable(stack, 'on', { type: 'bool' });
    const net = rawNetwork(stack, { enableIpv6: on.booleanValue });
    rawRosEci(stack, 'Eci', net.vswitch.id, net.sg.id);
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
  });
});
