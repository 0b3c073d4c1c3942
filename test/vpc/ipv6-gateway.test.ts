import { errorOf, expectValidPlan, newStack, resources, synth } from './util';
import { DualStackVpc, Ipv6Gateway } from '../../src';

describe('Ipv6Gateway', () => {
  test('creates alicloud_vpc_ipv6_gateway for a VPC id, without the deprecated spec', () => {
    const { stack } = newStack();
    const gw = new Ipv6Gateway(stack, 'Gateway', {
      vpcId: 'vpc-123', ipv6GatewayName: 'edge-gw', description: 'IPv6-gateway-for-web', tags: { env: 'prod' }, resourceGroupId: 'rg-1',
    });
    const [body] = resources(synth(stack), 'alicloud_vpc_ipv6_gateway');
    expect(body).toEqual({ vpc_id: 'vpc-123', ipv6_gateway_name: 'edge-gw', description: 'IPv6-gateway-for-web', tags: { env: 'prod' }, resource_group_id: 'rg-1' });
    expect(gw.vpcId).toBe('vpc-123');
    expect(gw.resource.terraformResourceType).toBe('alicloud_vpc_ipv6_gateway');
    expectValidPlan(stack);
  });

  test('needs exactly one of vpc and vpcId', () => {
    const { stack } = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'], ipv6Gateway: false });
    expect(errorOf(() => new Ipv6Gateway(stack, 'None', {}))).toContain("Ipv6Gateway at 'test/None' has 1 invalid prop:\n  - vpc: neither vpc nor vpcId is given. Fix:");
    expect(errorOf(() => new Ipv6Gateway(stack, 'Both', { vpc, vpcId: 'vpc-1' }))).toContain('vpcId: both vpc and vpcId are given');
  });

  test('refuses a second gateway for a VPC that has one', () => {
    const { stack } = newStack();
    const vpc = new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    expect(errorOf(() => new Ipv6Gateway(stack, 'Second', { vpc })))
      .toContain("vpc: VPC 'test/Vpc' already has an IPv6 gateway ('test/Vpc/Ipv6Gateway') and a VPC can have only one. Fix: use `vpc.ipv6Gateway`");
  });

  test('checks the provider\'s name and description patterns (no spaces in descriptions)', () => {
    const { stack } = newStack();
    const msg = errorOf(() => new Ipv6Gateway(stack, 'Gateway', { vpcId: 'vpc-1', ipv6GatewayName: '1gw', description: 'IPv6 gateway for web' }));
    expect(msg).toMatch(/has 2 invalid props/);
    expect(msg).toContain("ipv6GatewayName: '1gw' is not accepted by the provider");
    expect(msg).toContain("description: 'IPv6 gateway for web' is not accepted by the provider: it must be 3-257 characters: a letter or Chinese character, then letters, digits, Chinese characters, `_` or `-` (no spaces)");
  });

  test('a VPC name the gateway pattern rejects leaves the default gateway unnamed', () => {
    const { stack } = newStack();
    new DualStackVpc(stack, 'Vpc', { vpcName: 'web.prod', zones: ['cn-huhehaote-a'] });
    expect(resources(synth(stack), 'alicloud_vpc_ipv6_gateway')[0]).not.toHaveProperty('ipv6_gateway_name');
    expectValidPlan(stack);
  });

  test('fromIpv6GatewayId creates nothing', () => {
    const { stack } = newStack();
    const gw = Ipv6Gateway.fromIpv6GatewayId(stack, 'Existing', 'ipv6gw-123');
    expect(gw.ipv6GatewayId).toBe('ipv6gw-123');
    expect(synth(stack).resource).toBeUndefined();
    expect(errorOf(() => Ipv6Gateway.fromIpv6GatewayId(stack, 'Empty', ''))).toContain('ipv6GatewayId: is empty');
  });
});
