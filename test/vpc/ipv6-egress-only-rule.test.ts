import { errorOf, expectValidPlan, logicalIds, newStack, resources, synth } from './util';
import { Ipv6EgressOnlyRule, Ipv6Gateway, Ipv6InternetBandwidth } from '../../src';

function setup() {
  const { stack } = newStack();
  const ipv6Gateway = new Ipv6Gateway(stack, 'Gateway', { vpcId: 'vpc-123' });
  return { stack, ipv6Gateway };
}

describe('Ipv6EgressOnlyRule', () => {
  test('creates an egress rule for the IPv6 address, after its Internet bandwidth', () => {
    const { stack, ipv6Gateway } = setup();
    const internetBandwidth = new Ipv6InternetBandwidth(stack, 'Bandwidth', { ipv6AddressId: 'ipv6-abc', ipv6Gateway });
    const rule = new Ipv6EgressOnlyRule(stack, 'EgressOnly', {
      ipv6Gateway, ipv6AddressId: 'ipv6-abc', internetBandwidth, ipv6EgressRuleName: 'web-egress', description: 'outbound only',
    });
    const tf = synth(stack);
    const [bwId] = logicalIds(tf, 'alicloud_vpc_ipv6_internet_bandwidth');
    const [body] = resources(tf, 'alicloud_vpc_ipv6_egress_rule');
    expect(body).toEqual({
      ipv6_gateway_id: expect.stringMatching(/^\$\{alicloud_vpc_ipv6_gateway\.\w+\.id\}$/),
      instance_id: 'ipv6-abc',
      instance_type: 'Ipv6Address',
      ipv6_egress_rule_name: 'web-egress',
      description: 'outbound only',
      depends_on: [`alicloud_vpc_ipv6_internet_bandwidth.${bwId}`],
    });
    expect(rule.ipv6EgressRuleId).toMatch(/TfToken/);
    expectValidPlan(stack);
  });

  test('has no depends_on without internetBandwidth', () => {
    const { stack, ipv6Gateway } = setup();
    new Ipv6EgressOnlyRule(stack, 'EgressOnly', { ipv6Gateway, ipv6AddressId: 'ipv6-abc' });
    expect(resources(synth(stack), 'alicloud_vpc_ipv6_egress_rule')[0]).not.toHaveProperty('depends_on');
    expectValidPlan(stack);
  });

  test('rejects a bandwidth of another address, a bad name and a short description in one error', () => {
    const { stack, ipv6Gateway } = setup();
    const internetBandwidth = new Ipv6InternetBandwidth(stack, 'Bandwidth', { ipv6AddressId: 'ipv6-other', ipv6Gateway });
    const msg = errorOf(() => new Ipv6EgressOnlyRule(stack, 'EgressOnly', {
      ipv6Gateway, ipv6AddressId: 'ipv6-abc', internetBandwidth, ipv6EgressRuleName: 'no spaces please', description: 'x',
    }));
    expect(msg).toMatch(/^Ipv6EgressOnlyRule at 'test\/EgressOnly' has 3 invalid props:/);
    expect(msg).toContain("internetBandwidth: is for address 'ipv6-other', not 'ipv6-abc'. Fix: pass the Internet bandwidth of the same IPv6 address");
    expect(msg).toContain("ipv6EgressRuleName: 'no spaces please' is not accepted by the provider");
    expect(msg).toContain('description: must be 2 to 256 characters long, got 1');
  });
});
