import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { errorOf, setup } from './util';
import { AlicloudPlanChecker, ContainerGroup, ContainerGroupFleet, ContainerGroupProps, DualStackVpc, SecurityGroup } from '../../src';

type Net = ReturnType<typeof setup>;

const group = (net: Net, id: string, extra: Partial<ContainerGroupProps> = {}) => new ContainerGroup(net.stack, id, {
  vpc: net.vpc,
  securityGroup: net.securityGroup,
  ipv6AddressCount: 1,
  instanceType: 'ecs.g8i.large',
  containers: [{ name: 'web', image: 'nginx:alpine' }],
  ...extra,
});

const fleet = (net: Net, id: string, extra: Record<string, unknown> = {}) => new ContainerGroupFleet(net.stack, id, {
  vpc: net.vpc,
  securityGroup: net.securityGroup,
  minSize: 1,
  maxSize: 2,
  ipv6AddressCount: 1,
  instanceTypes: ['ecs.g8i.large', 'ecs.c8i.large'],
  containers: [{ name: 'worker', image: 'busybox' }],
  ...extra,
});

/** The synthesized `data.alicloud_instance_types` blocks, by name. */
function lookups(stack: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack)).data?.alicloud_instance_types ?? {};
}

describe('plan-time instance-type guard', () => {
  test('an IPv6 ContainerGroup with instanceType gets a lookup in its vSwitch zone, with minimum_eni_ipv6_address_quantity = 1 and a postcondition', () => {
    const net = setup();
    const web = group(net, 'Web');
    const all = Object.values(lookups(net.stack));
    expect(all).toHaveLength(1);
    const [lookup] = all;
    expect(lookup).toMatchObject({ instance_type: 'ecs.g8i.large', availability_zone: 'cn-huhehaote-a', minimum_eni_ipv6_address_quantity: 1 });
    const [post] = lookup.lifecycle.postcondition;
    expect(post.condition).toBe('${anytrue([for t in self.instance_types : t.id == "ecs.g8i.large" && coalesce(t.eni_ipv6_address_quantity, 0) >= 1])}');
    expect(post.error_message).toContain('Instance type ecs.g8i.large cannot give an IPv6 address in zone cn-huhehaote-a');
    expect(post.error_message).toContain("Used for IPv6 by ContainerGroup 'test/Web' (instanceType)");
    expect(post.error_message).toContain('Fix: use an instance type with IPv6 that is sold in cn-huhehaote-a (for example ecs.c8i.large)');
    expect(post.error_message).toContain('instanceTypeGuard: false');
    expect(web.instanceTypeLookups).toHaveLength(1);
    expect(web.instanceTypeLookups[0].node.path).toBe('test/Ipv6InstanceTypeGuard/ecs-g8i-large-cn-huhehaote-a');
  });

  test('two groups with the same type and zone share one lookup, whose message names both', () => {
    const net = setup();
    const a = group(net, 'A');
    const b = group(net, 'B');
    const all = Object.values(lookups(net.stack));
    expect(all).toHaveLength(1);
    expect(all[0].lifecycle.postcondition[0].error_message).toContain("ContainerGroup 'test/A' (instanceType), ContainerGroup 'test/B' (instanceType)");
    expect(a.instanceTypeLookups[0]).toBe(b.instanceTypeLookups[0]);
  });

  test('another zone or another type is another lookup; each type of a comma-separated list is looked up', () => {
    const net = setup();
    group(net, 'A');
    group(net, 'B', { vSwitch: net.vpc.vSwitches[1] });
    group(net, 'C', { instanceType: 'ecs.g8i.large, ecs.c8i.large' });
    const keys = Object.values(lookups(net.stack)).map((l) => `${l.instance_type}@${l.availability_zone}`).sort();
    expect(keys).toEqual(['ecs.c8i.large@cn-huhehaote-a', 'ecs.g8i.large@cn-huhehaote-a', 'ecs.g8i.large@cn-huhehaote-b']);
  });

  test('a fleet gets one lookup per (type, zone of each vSwitch), shared with groups', () => {
    const net = setup();
    group(net, 'Web');
    const f = fleet(net, 'Workers');
    const all = Object.values(lookups(net.stack));
    expect(all.map((l) => `${l.instance_type}@${l.availability_zone}`).sort()).toEqual([
      'ecs.c8i.large@cn-huhehaote-a', 'ecs.c8i.large@cn-huhehaote-b', 'ecs.g8i.large@cn-huhehaote-a', 'ecs.g8i.large@cn-huhehaote-b',
    ]);
    expect(f.instanceTypeLookups).toHaveLength(4);
    const shared = all.find((l) => l.instance_type === 'ecs.g8i.large' && l.availability_zone === 'cn-huhehaote-a')!;
    expect(shared.lifecycle.postcondition[0].error_message).toContain("ContainerGroup 'test/Web' (instanceType), ContainerGroupFleet 'test/Workers' (instanceTypes)");
  });

  test('the plan with the lookups is valid against the provider schema', () => {
    const net = setup();
    group(net, 'Web');
    fleet(net, 'Workers');
    expect(AlicloudPlanChecker.check(Testing.synth(net.stack))).toEqual([]);
  });

  test('instanceTypeGuard: false emits no lookup', () => {
    const net = setup();
    const web = group(net, 'Web', { instanceTypeGuard: false });
    const f = fleet(net, 'Workers', { instanceTypeGuard: false });
    expect(lookups(net.stack)).toEqual({});
    expect(web.instanceTypeLookups).toEqual([]);
    expect(f.instanceTypeLookups).toEqual([]);
    expect(net.stack.node.tryFindChild('Ipv6InstanceTypeGuard')).toBeUndefined();
  });

  test('no lookup without IPv6, or for ECIs sized by vCPU and memory', () => {
    const net = setup();
    group(net, 'NoIpv6', { ipv6AddressCount: 0 });
    group(net, 'Sized', { instanceType: undefined, cpu: 1, memory: 2 });
    fleet(net, 'Fleet', { ipv6AddressCount: 0 });
    expect(lookups(net.stack)).toEqual({});
  });

  test('a zone that is a token leaves availability_zone out (region-wide lookup); a type that is a token is not guarded; no crash', () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, 'test');
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' });
    const type = new TerraformVariable(stack, 'type', { type: 'string' });
    const vpc = DualStackVpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-1', ipv6GatewayId: 'ipv6gw-1', vSwitches: [{ vSwitchId: 'vsw-1', zoneId: zone.stringValue }],
    });
    const securityGroup = SecurityGroup.fromSecurityGroupId(stack, 'Sg', 'sg-1', vpc.vpcId);
    new ContainerGroup(stack, 'Web', { vpc, securityGroup, ipv6AddressCount: 1, instanceType: 'ecs.g8i.large', containers: [{ name: 'web', image: 'nginx' }] });
    const tokenType = new ContainerGroup(stack, 'Var', { vpc, securityGroup, ipv6AddressCount: 1, instanceType: type.stringValue, containers: [{ name: 'web', image: 'nginx' }] });
    const all = Object.values(lookups(stack));
    expect(all).toHaveLength(1);
    expect(all[0].instance_type).toBe('ecs.g8i.large');
    expect(all[0]).not.toHaveProperty('availability_zone');
    expect(all[0].lifecycle.postcondition[0].error_message).toContain('in the region of the alicloud provider (the vSwitch zone is unknown at synth time)');
    expect(tokenType.instanceTypeLookups).toEqual([]);
  });

  test('a non-boolean instanceTypeGuard (JavaScript) is an error naming the construct, the prop and the fix', () => {
    const net = setup();
    const message = errorOf(() => group(net, 'Web', { instanceTypeGuard: 'no' as unknown as boolean }));
    expect(message).toContain("ContainerGroup at 'test/Web'");
    expect(message).toContain('instanceTypeGuard: must be true or false, got "no"');
    expect(message).toContain('Fix: leave it out');
    expect(errorOf(() => fleet(net, 'Fleet', { instanceTypeGuard: 1 }))).toContain('instanceTypeGuard: must be true or false, got 1');
  });
});
