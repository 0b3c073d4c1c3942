import { TerraformVariable } from 'cdktf';
import { errorOf, expectValidPlan, newStack, resources, synth } from './util';
import { InternetChargeType, Ipv6Gateway, Ipv6InternetBandwidth } from '../../src';

function setup() {
  const { stack } = newStack();
  const ipv6Gateway = new Ipv6Gateway(stack, 'Gateway', { vpcId: 'vpc-123' });
  return { stack, ipv6Gateway };
}

describe('Ipv6InternetBandwidth', () => {
  test('defaults to 1 Mbit/s pay-by-bandwidth through the gateway', () => {
    const { stack, ipv6Gateway } = setup();
    const bw = new Ipv6InternetBandwidth(stack, 'Bandwidth', { ipv6AddressId: 'ipv6-abc', ipv6Gateway });
    const [body] = resources(synth(stack), 'alicloud_vpc_ipv6_internet_bandwidth');
    expect(body).toEqual({
      ipv6_address_id: 'ipv6-abc',
      ipv6_gateway_id: expect.stringMatching(/^\$\{alicloud_vpc_ipv6_gateway\.\w+\.id\}$/),
      bandwidth: 1,
      internet_charge_type: 'PayByBandwidth',
    });
    expect(bw.bandwidth).toBe(1);
    expect(bw.internetChargeType).toBe(InternetChargeType.PAY_BY_BANDWIDTH);
    expect(bw.internetBandwidthId).toMatch(/TfToken/);
    expectValidPlan(stack);
  });

  test('takes the bandwidth and the charge type enum', () => {
    const { stack, ipv6Gateway } = setup();
    new Ipv6InternetBandwidth(stack, 'Bandwidth', { ipv6AddressId: 'ipv6-abc', ipv6Gateway, bandwidth: 5000, internetChargeType: InternetChargeType.PAY_BY_TRAFFIC });
    expect(resources(synth(stack), 'alicloud_vpc_ipv6_internet_bandwidth')[0]).toMatchObject({ bandwidth: 5000, internet_charge_type: 'PayByTraffic' });
    expectValidPlan(stack);
  });

  test.each([0, 5001, 2.5, -1])('rejects bandwidth %p with the allowed range', (bandwidth) => {
    const { stack, ipv6Gateway } = setup();
    expect(errorOf(() => new Ipv6InternetBandwidth(stack, 'Bandwidth', { ipv6AddressId: 'ipv6-abc', ipv6Gateway, bandwidth })))
      .toContain(`Ipv6InternetBandwidth at 'test/Bandwidth' has 1 invalid prop:\n  - bandwidth: must be an integer from 1 to 5000, got ${bandwidth}. Fix: set bandwidth to a whole number of Mbit/s from 1 to 5000.`);
  });

  test('accepts tokens for bandwidth and address', () => {
    const { stack, ipv6Gateway } = setup();
    const bandwidth = new TerraformVariable(stack, 'bandwidth', { type: 'number' });
    const address = new TerraformVariable(stack, 'address', { type: 'string' });
    new Ipv6InternetBandwidth(stack, 'Bandwidth', { ipv6AddressId: address.stringValue, ipv6Gateway, bandwidth: bandwidth.numberValue });
    expect(resources(synth(stack), 'alicloud_vpc_ipv6_internet_bandwidth')[0]).toMatchObject({ bandwidth: '${var.bandwidth}', ipv6_address_id: '${var.address}' });
    expectValidPlan(stack);
  });

  test('rejects an unknown charge type and an empty address id in one error', () => {
    const { stack, ipv6Gateway } = setup();
    const msg = errorOf(() => new Ipv6InternetBandwidth(stack, 'Bandwidth', { ipv6AddressId: '', ipv6Gateway, internetChargeType: 'PayByHour' as InternetChargeType }));
    expect(msg).toMatch(/has 2 invalid props/);
    expect(msg).toContain("internetChargeType: must be one of 'PayByBandwidth', 'PayByTraffic', got 'PayByHour'");
    expect(msg).toContain('ipv6AddressId: is empty');
  });
});
