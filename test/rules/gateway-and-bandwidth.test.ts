import { TerraformVariable } from 'cdktf';
import { ipv6Eci, network, newStack, only, rawStack } from './util';
import {
  alicloud, DualStackVpc, InternetChargeType, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6EgressOnlyRule, Ipv6Gateway, Ipv6InternetBandwidth, Ipv6RuleId,
} from '../../src';

describe('ALI-IPV6-006 ipv6-gateway-same-vpc', () => {
  const ID = Ipv6RuleId.IPV6_GATEWAY_SAME_VPC;

  test('the bandwidth of an IPv6 ContainerGroup goes through its VPC\'s gateway: compliant', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack), { ipv6InternetBandwidth: { bandwidth: 10 } });
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('bandwidth and egress-only rule for an address of VPC A through the gateway of VPC B are errors', () => {
    const stack = newStack();
    const a = new DualStackVpc(stack, 'A', { zones: ['cn-huhehaote-a'] });
    const b = new DualStackVpc(stack, 'B', { zones: ['cn-huhehaote-b'], cidrBlock: '10.1.0.0/16' });
    const addresses = new alicloud.dataAlicloudVpcIpv6Addresses.DataAlicloudVpcIpv6Addresses(stack, 'Addr', { vswitchId: a.vSwitches[0].vSwitchId });
    const addressId = addresses.addresses.get(0).id;
    const bw = new Ipv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: addressId, ipv6Gateway: b.ipv6Gateway!, bandwidth: 5 });
    new Ipv6EgressOnlyRule(stack, 'Out', { ipv6AddressId: addressId, ipv6Gateway: b.ipv6Gateway!, internetBandwidth: bw });
    const f = only(stack, ID, 'Bw/Resource');
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toContain('which serves VPC alicloud_vpc.B_');
    expect(f.message).toContain('but the IPv6 address is in VPC alicloud_vpc.A_');
    expect(only(stack, ID, 'Out/Resource').status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
  });

  test('a gateway given by ID (imported) cannot be verified: info', () => {
    const stack = newStack();
    const gw = Ipv6Gateway.fromIpv6GatewayId(stack, 'Gw', 'ipv6gw-123');
    new Ipv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: 'ipv6-abc', ipv6Gateway: gw, bandwidth: 5 });
    expect(only(stack, ID)).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
  });

  test('an address ID that cannot be followed to a VPC cannot be verified', () => {
    const stack = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    const id = new TerraformVariable(stack, 'address', { type: 'string' });
    new Ipv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: id.stringValue, ipv6Gateway: vpc.ipv6Gateway!, bandwidth: 5 });
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
  });
});

describe('ALI-IPV6-007 ipv6-bandwidth-range', () => {
  const ID = Ipv6RuleId.IPV6_BANDWIDTH_RANGE;

  function bandwidth(value: number | undefined, charge?: InternetChargeType) {
    const stack = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    const bw = new Ipv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: 'ipv6-abc', ipv6Gateway: vpc.ipv6Gateway!, bandwidth: 5, internetChargeType: charge });
    if (value !== 5) bw.resource.addOverride('bandwidth', value);
    return only(stack, ID);
  }

  test('within 1-5000 and the per-address cap: compliant', () => {
    expect(bandwidth(5).status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(bandwidth(2000).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('above 5000 (escape hatch) is an error; the plan-checker rule does not report it twice', () => {
    const stack = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    new Ipv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: 'ipv6-abc', ipv6Gateway: vpc.ipv6Gateway!, bandwidth: 5 }).resource.addOverride('bandwidth', 6000);
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toContain('from 1 to 5000');
    expect(only(stack, Ipv6RuleId.PROVIDER_CONSTRAINTS, 'Bw/Resource').status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('above the per-address cap is a warning citing the source (2000 PayByBandwidth, 1000 PayByTraffic)', () => {
    const byBandwidth = bandwidth(2500);
    expect(byBandwidth).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.WARNING });
    expect(byBandwidth.message).toContain('per-address cap of 2000 Mbit/s for PayByBandwidth');
    expect(byBandwidth.message).toContain('AllocateIpv6InternetBandwidth / ModifyIpv6InternetBandwidth');
    expect(byBandwidth.message).not.toContain('disputed');
    const byTraffic = bandwidth(1500, InternetChargeType.PAY_BY_TRAFFIC);
    expect(byTraffic.message).toContain('cap of 1000 Mbit/s for PayByTraffic');
  });

  test('a bandwidth from a variable cannot be verified', () => {
    const stack = rawStack();
    const v = new TerraformVariable(stack, 'bw', { type: 'number' });
    new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(stack, 'Bw', { ipv6AddressId: 'ipv6-1', ipv6GatewayId: 'ipv6gw-1', bandwidth: v.numberValue });
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.NOT_VERIFIABLE);
  });
});
