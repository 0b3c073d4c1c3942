import { App, Testing } from 'cdktf';
import { annotations, findingsOf, ipv6Eci, network, newStack, only } from './util';
import { ContainerGroupFleet, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

/**
 * Findings about resources that the library's constructs made are reported at the construct's path, in
 * the construct's words (issue 12).
 */
describe('findings about a construct\'s resources', () => {
  test('IPv6 ECIs of ecs.g8i.large in ap-northeast-1 synthesize with no error and no family warning', () => {
    const stack = newStack('ap-northeast-1', 'tokyo');
    const net = network(stack, ['ap-northeast-1a', 'ap-northeast-1b']);
    ipv6Eci(stack, 'Web', net, { instanceType: 'ecs.g8i.large' });
    new ContainerGroupFleet(stack, 'Workers', {
      vpc: net.vpc,
      securityGroup: net.securityGroup,
      minSize: 1,
      maxSize: 3,
      ipv6AddressCount: 1,
      instanceTypes: ['ecs.g8i.large', 'ecs.c8i.large'],
      containers: [{ name: 'worker', image: 'busybox' }],
    });
    expect(() => (stack.node.root as App).synth()).not.toThrow();
    Testing.synth(stack);
    expect(annotations(stack)).toEqual([]);
    expect(annotations(stack, 'warn').filter((a) => a.includes('ALI-IPV6-002') || a.includes('ALI-IPV6-001'))).toEqual([]);
    expect(findingsOf(stack, Ipv6RuleId.INSTANCE_FAMILY).map((f) => [f.constructPath, f.status])).toEqual([
      ['tokyo/Web', Ipv6CheckStatus.COMPLIANT],
      ['tokyo/Workers', Ipv6CheckStatus.COMPLIANT],
    ]);
    const region = findingsOf(stack, Ipv6RuleId.REGION);
    expect(region.length).toBeGreaterThan(0);
    expect(region.every((f) => f.status === Ipv6CheckStatus.COMPLIANT)).toBe(true);
  });

  test('ecs.hfc5.xlarge fails synthesis with an error at the ContainerGroup\'s path that names instanceType', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.hfc5.xlarge' });
    expect(() => (stack.node.root as App).synth()).toThrow(/\[test\/Web\] \[ALI-IPV6-002\] ContainerGroup 'test\/Web' asks for an IPv6 address but instanceType has ecs\.hfc5\.xlarge/);
    const f = only(stack, Ipv6RuleId.INSTANCE_FAMILY);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR, constructPath: 'test/Web' });
    expect(f.message).toMatch(/^ContainerGroup 'test\/Web' asks for an IPv6 address but instanceType has ecs\.hfc5\.xlarge \(family hfc5\), which does not support IPv6/);
    expect(f.message).not.toMatch(/\bInstanceType\b/); // the ROS field; the API error code Ipv6AddressNotSupportInstanceType stays
    expect(annotations(stack)).toEqual([
      expect.stringMatching(/^test\/Web: \[ALI-IPV6-002\] ContainerGroup 'test\/Web' .* instanceType has ecs\.hfc5\.xlarge/),
      // and the failed stack leaves no cdk.tf.json (test/rules/stale-output.test.ts)
      expect.stringMatching(/^test\/Ipv6ChecksReport\/StackFileRemoved: the IPv6 rule pack found 1 error\(s\) in stack 'test', so no configuration was written/),
    ]);
  });

  test('a fleet\'s finding is reported at the fleet, naming instanceTypes and vSwitches', () => {
    const stack = newStack();
    const net = network(stack);
    const fleet = new ContainerGroupFleet(stack, 'Fleet', {
      vpc: net.vpc,
      securityGroup: net.securityGroup,
      minSize: 1,
      maxSize: 2,
      ipv6AddressCount: 1,
      instanceTypes: ['ecs.c7.large', 'ecs.sn1.medium'],
      containers: [{ name: 'worker', image: 'busybox' }],
    });
    const f = only(stack, Ipv6RuleId.INSTANCE_FAMILY);
    expect(f).toMatchObject({ constructPath: 'test/Fleet', status: Ipv6CheckStatus.NON_COMPLIANT });
    expect(f.message).toMatch(/^ContainerGroupFleet 'test\/Fleet' asks for an IPv6 address but instanceTypes has ecs\.sn1\.medium \(family sn1\)/);
    fleet.scalingGroup.addOverride('vswitch_ids', '${var.ids}');
    const v = only(stack, Ipv6RuleId.IPV6_VSWITCH);
    expect(v.constructPath).toBe('test/Fleet');
    expect(v.message).toContain('vSwitches vswitch_ids is the expression ${var.ids}');
  });

  test('resources not made by the ECI constructs keep their own path', () => {
    const stack = newStack('me-east-1');
    network(stack, ['me-east-1a']);
    expect(findingsOf(stack, Ipv6RuleId.REGION).map((f) => f.constructPath).sort()).toEqual(['test/Vpc/Ipv6Gateway/Resource', 'test/Vpc/Resource']);
  });
});
