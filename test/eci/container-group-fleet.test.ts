import { Testing } from 'cdktf';
import { errorOf, ref, setup } from './util';
import { ContainerGroupFleet, DualStackVpc, Probe } from '../../src';


const worker = [{ name: 'worker', image: 'busybox', commands: ['sleep'], args: ['3600'], livenessProbe: Probe.exec(['true']) }];

describe('ContainerGroupFleet', () => {
  test('three IPv6 workers: an ECI scaling group over every vSwitch and an active configuration with one IPv6 address', () => {
    const { stack, vpc, securityGroup } = setup();
    const fleet = new ContainerGroupFleet(stack, 'Workers', {
      vpc, securityGroup, containers: worker, minSize: 3, maxSize: 3, desiredCapacity: 3, ipv6AddressCount: 1, cpu: 0.5, memory: 1,
    });
    const json = Testing.synth(stack);
    expect(json).toBeValidAlicloudPlan();
    const tf = JSON.parse(json);
    const group = Object.values(tf.resource.alicloud_ess_scaling_group)[0] as any;
    expect(group).toMatchObject({ group_type: 'ECI', min_size: 3, max_size: 3, desired_capacity: 3 });
    expect(group.vswitch_ids).toEqual(vpc.vSwitchResources.map(ref));
    const conf = Object.values(tf.resource.alicloud_ess_eci_scaling_configuration)[0] as any;
    expect(conf).toMatchObject({ active: true, ipv6_address_count: 1, cpu: 0.5, memory: 1, restart_policy: 'Always' });
    expect(conf.scaling_group_id).toBe(ref(fleet.scalingGroup));
    expect(conf.security_group_id).toBe(ref(securityGroup.resource));
    expect(conf.containers[0]).toMatchObject({ name: 'worker', image: 'busybox', commands: ['sleep'], args: ['3600'], liveness_probe_exec_commands: ['true'] });
  });

  test('without IPv6 the configuration sets no ipv6_address_count', () => {
    const { stack, vpc, securityGroup } = setup();
    new ContainerGroupFleet(stack, 'Workers', { vpc, securityGroup, containers: worker, minSize: 0, maxSize: 2 });
    const conf = Object.values(JSON.parse(Testing.synth(stack)).resource.alicloud_ess_eci_scaling_configuration)[0] as any;
    expect(conf.ipv6_address_count).toBeUndefined();
  });

  test('sizes out of order, two IPv6 addresses and six instance types are refused together', () => {
    const { stack, vpc, securityGroup } = setup();
    const fn = () => new ContainerGroupFleet(stack, 'Workers', {
      vpc,
      securityGroup,
      containers: worker,
      minSize: 5,
      maxSize: 2,
      desiredCapacity: 9,
      ipv6AddressCount: 2,
      instanceTypes: ['ecs.g7.large', 'ecs.g7.xlarge', 'ecs.c7.large', 'ecs.c7.xlarge', 'ecs.r7.large', 'ecs.r7.xlarge'],
    });
    const message = errorOf(fn);
    expect(message).toMatch(/ContainerGroupFleet at 'test\/Workers' has 4 invalid props/);
    expect(message).toMatch(/maxSize: \(2\) is below minSize \(5\)/);
    expect(message).toMatch(/desiredCapacity: \(9\) is outside minSize..maxSize/);
    expect(message).toMatch(/instanceTypes: has 6 types; ESS takes at most 5/);
    expect(message).toMatch(/ipv6AddressCount: must be an integer from 0 to 1, got 2/);
  });

  test('IPv6 fleets refuse vSwitches without IPv6', () => {
    const { stack, securityGroup } = setup();
    const old = DualStackVpc.fromVpcAttributes(stack, 'Old', { vpcId: 'vpc-1', vSwitches: [{ vSwitchId: 'vsw-1', zoneId: 'cn-huhehaote-a', ipv6Enabled: false }] });
    expect(() => new ContainerGroupFleet(stack, 'W', { vpc: old, securityGroup, containers: worker, minSize: 1, maxSize: 1, ipv6AddressCount: 1 }))
      .toThrow(/vSwitches\[0\]: \(cn-huhehaote-a\) has IPv6 disabled/);
  });
});
