import { createHash } from 'crypto';
import { TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { errorOf, ref, setup as baseSetup } from './util';
import {
  ContainerGroup, ContainerGroupBackend, DualStackVpc, InternetChargeType, Peer, Port,
} from '../../src';

function setup() {
  const s = baseSetup();
  s.securityGroup.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'http');
  return s;
}

const web = [{ name: 'web', image: 'nginx:alpine', ports: [{ port: 80 }] }];

function synth(stack: TerraformStack): any {
  const json = Testing.synth(stack);
  expect(json).toBeValidAlicloudPlan();
  return JSON.parse(json);
}

function only(tf: any, type: string, section = 'resource'): any {
  const all = Object.values(tf[section]?.[type] ?? {});
  expect(all).toHaveLength(1);
  return all[0];
}

describe('ContainerGroup without IPv6', () => {
  test('is a native alicloud_eci_container_group in the first vSwitch', () => {
    const { stack, vpc, securityGroup } = setup();
    const cg = new ContainerGroup(stack, 'Web', { vpc, securityGroup, containers: web, cpu: 1, memory: 2 });
    const tf = synth(stack);
    expect(cg.backend).toBe(ContainerGroupBackend.NATIVE);
    expect(cg.ipv6Address).toBeUndefined();
    expect(tf.resource.alicloud_ros_stack).toBeUndefined();
    const r = only(tf, 'alicloud_eci_container_group');
    expect(r).toMatchObject({ cpu: 1, memory: 2, restart_policy: 'Always' });
    expect(r.vswitch_id).toBe(ref((vpc as DualStackVpc).vSwitchResources[0]));
    expect(r.security_group_id).toMatch(/^\$\{alicloud_security_group\..*\.id\}$/);
    expect(r.containers).toEqual([expect.objectContaining({ name: 'web', image: 'nginx:alpine', ports: [{ port: 80, protocol: 'TCP' }] })]);
    expect(r.container_group_name).toMatch(/^test-web-[0-9a-f]{8}$/);
  });
});

describe('ContainerGroup with one IPv6 address', () => {
  function ipv6Stack(extra: Record<string, unknown> = {}) {
    const s = setup();
    const cg = new ContainerGroup(s.stack, 'Web', { vpc: s.vpc, securityGroup: s.securityGroup, containers: web, cpu: 1, memory: 2, ipv6AddressCount: 1, ...extra });
    return { ...s, cg, tf: synth(s.stack) };
  }

  test('goes through an alicloud_ros_stack holding ALIYUN::ECI::ContainerGroup with Ipv6AddressCount 1', () => {
    const { cg, tf } = ipv6Stack();
    expect(cg.backend).toBe(ContainerGroupBackend.ROS);
    expect(tf.resource.alicloud_eci_container_group).toBeUndefined();
    const rs = only(tf, 'alicloud_ros_stack');
    const template = JSON.parse(rs.template_body);
    expect(template.ROSTemplateFormatVersion).toBe('2015-09-01');
    const group = template.Resources.ContainerGroup;
    expect(group.Type).toBe('ALIYUN::ECI::ContainerGroup');
    expect(group.Properties).toMatchObject({
      Ipv6AddressCount: 1,
      Cpu: 1,
      Memory: 2,
      RestartPolicy: 'Always',
      VSwitchId: { Ref: 'VSwitchId' },
      SecurityGroupId: { Ref: 'SecurityGroupId' },
      ContainerGroupName: cg.containerGroupName,
    });
    expect(group.Properties.Container).toEqual([expect.objectContaining({ Name: 'web', Image: 'nginx:alpine', Port: [{ Port: 80, Protocol: 'TCP' }] })]);
    expect(group.Properties.Tag).toContainEqual({ Key: 'cdktf-id', Value: cg.node.addr });
  });

  test('passes every template parameter, including the template hash that makes ROS apply template edits', () => {
    const { tf } = ipv6Stack();
    const rs = only(tf, 'alicloud_ros_stack');
    const template = JSON.parse(rs.template_body);
    const passed = Object.fromEntries(rs.parameters.map((p: any) => [p.parameter_key, p.parameter_value]));
    expect(Object.keys(passed).sort()).toEqual(Object.keys(template.Parameters).sort());
    expect(passed.VSwitchId).toMatch(/^\$\{alicloud_vswitch\..*\.id\}$/);
    expect(passed.SecurityGroupId).toMatch(/^\$\{alicloud_security_group\..*\.id\}$/);
    expect(passed.TemplateRevision).toBe(createHash('sha256').update(JSON.stringify(template)).digest('hex'));
    expect(rs).toMatchObject({ replacement_option: 'Enabled', timeout_in_minutes: 30, timeouts: { create: '35m', update: '35m', delete: '15m' } });
    expect(rs.create_option).toBeUndefined();
  });

  test('a changed container changes the template revision', () => {
    const a = only(ipv6Stack().tf, 'alicloud_ros_stack').parameters.find((p: any) => p.parameter_key === 'TemplateRevision');
    const s = setup();
    new ContainerGroup(s.stack, 'Web', { vpc: s.vpc, securityGroup: s.securityGroup, containers: [{ ...web[0], image: 'nginx:1.27' }], cpu: 1, memory: 2, ipv6AddressCount: 1 });
    const b = only(synth(s.stack), 'alicloud_ros_stack').parameters.find((p: any) => p.parameter_key === 'TemplateRevision');
    expect(a.parameter_value).not.toEqual(b.parameter_value);
  });

  test('reads the group back by name and tag after the stack, and exposes its IPv6 address', () => {
    const { cg, tf } = ipv6Stack();
    const lookup = only(tf, 'alicloud_eci_container_groups', 'data');
    expect(lookup.container_group_name).toBe(cg.containerGroupName);
    expect(lookup.tags).toEqual({ 'cdktf-id': cg.node.addr });
    expect(lookup.depends_on).toEqual([expect.stringMatching(/^alicloud_ros_stack\./)]);
    expect(lookup.lifecycle.postcondition[0].condition).toBe('${length(self.groups) == 1}');
    const stack = Testing.synth(cg.node.scope as TerraformStack);
    expect(stack).toContain('groups[0].ipv6_address');
  });

  test('ipv6InternetBandwidth buys bandwidth on the IPv6 gateway for the address found at apply time', () => {
    const { vpc, tf } = ipv6Stack({ ipv6InternetBandwidth: { bandwidth: 10, internetChargeType: InternetChargeType.PAY_BY_TRAFFIC } });
    const bw = only(tf, 'alicloud_vpc_ipv6_internet_bandwidth');
    expect(bw.bandwidth).toBe(10);
    expect(bw.internet_charge_type).toBe('PayByTraffic');
    expect(bw.ipv6_gateway_id).toMatch(/^\$\{alicloud_vpc_ipv6_gateway\..*\.id\}$/);
    expect(bw.ipv6_address_id).toMatch(
      /^\$\{one\(\[for a in data\.alicloud_vpc_ipv6_addresses\.\S+\.addresses : a\.ipv6_address_id if a\.ipv6_address == try\(data\.alicloud_eci_container_groups\.\S+\.groups\[0\]\.ipv6_address, ""\)\]\)\}$/,
    );
    const addrs = only(tf, 'alicloud_vpc_ipv6_addresses', 'data');
    expect(addrs.vswitch_id).toBe(ref((vpc as DualStackVpc).vSwitchResources[0]));
  });

  test('values unknown until apply become template parameters, not broken JSON', () => {
    const s = setup();
    const image = new TerraformVariable(s.stack, 'image', { type: 'string' });
    new ContainerGroup(s.stack, 'Web', {
      vpc: s.vpc,
      securityGroup: s.securityGroup,
      ipv6AddressCount: 1,
      containers: [{ name: 'web', image: image.stringValue, environment: { GREETING: 'hello ${name}' } }],
    });
    const rs = only(synth(s.stack), 'alicloud_ros_stack');
    expect(rs.template_body).toContain('hello $${name}'); // a literal ${ is escaped for Terraform
    const template = JSON.parse(rs.template_body.replace(/\$\$\{/g, '${'));
    expect(template.Resources.ContainerGroup.Properties.Container[0].Image).toEqual({ Ref: 'Param1' });
    expect(template.Parameters.Param1).toEqual({ Type: 'String' });
    expect(rs.parameters).toContainEqual({ parameter_key: 'Param1', parameter_value: '${var.image}' });
  });
});

describe('ContainerGroup input errors', () => {
  function attempt(props: Record<string, unknown>, vpcFactory?: (stack: TerraformStack) => any) {
    const s = setup();
    const vpc = vpcFactory ? vpcFactory(s.stack) : s.vpc;
    return () => new ContainerGroup(s.stack, 'Web', { vpc, securityGroup: s.securityGroup, containers: web, ...props } as any);
  }

  test('ipv6InternetBandwidth without an IPv6 address names the path, the prop and the fix', () => {
    expect(attempt({ ipv6InternetBandwidth: { bandwidth: 10 } })).toThrow(
      /ContainerGroup at 'test\/Web'[\s\S]*ipv6InternetBandwidth: is set but the group has no IPv6 address \(ipv6AddressCount is 0\)\. Fix: set ipv6AddressCount: 1/,
    );
  });

  test('more than one IPv6 address per ECI is refused', () => {
    expect(attempt({ ipv6AddressCount: 2 })).toThrow(/ipv6AddressCount: must be an integer from 0 to 1, got 2/);
  });

  test('ipv6AddressCount: 2 with ipv6InternetBandwidth gives one bullet, not a second one claiming there is no IPv6 address', () => {
    const message = errorOf(attempt({ ipv6AddressCount: 2, ipv6InternetBandwidth: { bandwidth: 10 } }));
    expect(message).toMatch(/has 1 invalid prop:/);
    expect(message).toContain('ipv6AddressCount: must be an integer from 0 to 1, got 2');
    expect(message).not.toContain('ipv6InternetBandwidth');
  });

  test('ipv6AddressCount: 0 with ipv6InternetBandwidth says the count is 0', () => {
    expect(errorOf(attempt({ ipv6AddressCount: 0, ipv6InternetBandwidth: { bandwidth: 10 } })))
      .toContain('ipv6InternetBandwidth: is set but the group has no IPv6 address (ipv6AddressCount is 0). Fix: set ipv6AddressCount: 1, or remove ipv6InternetBandwidth.');
  });

  test('every problem comes in one error', () => {
    const message = errorOf(attempt({ containers: [], containerGroupName: 'Bad_Name', ipv6AddressCount: 3, cpu: -1 }));
    expect(message).toMatch(/has 4 invalid props/);
    expect(message).toMatch(/containers: needs at least one container/);
    expect(message).toMatch(/containerGroupName: 'Bad_Name' is not a valid container group name/);
    expect(message).toMatch(/cpu: must be a finite number greater than 0, got -1/);
  });

  test('a vSwitch without IPv6 cannot host an IPv6 ECI', () => {
    const fn = attempt({ ipv6AddressCount: 1 }, (stack) => DualStackVpc.fromVpcAttributes(stack, 'Old', {
      vpcId: 'vpc-123', vSwitches: [{ vSwitchId: 'vsw-1', zoneId: 'cn-huhehaote-a', ipv6Enabled: false }],
    }));
    expect(fn).toThrow(/vSwitch: has IPv6 disabled[\s\S]*Fix: use a vSwitch with IPv6 enabled/);
  });

  test('bandwidth out of range and instance type with cpu are refused', () => {
    expect(attempt({ ipv6AddressCount: 1, ipv6InternetBandwidth: { bandwidth: 6000 } })).toThrow(/ipv6InternetBandwidth\.bandwidth: must be an integer from 1 to 5000/);
    expect(attempt({ instanceType: 'ecs.g7.large', cpu: 2 })).toThrow(/instanceType: is set together with cpu\/memory/);
    expect(attempt({ instanceType: 'g7.large' })).toThrow(/'g7.large' is not an ECS instance type/);
  });

  test('container problems name the container index', () => {
    expect(attempt({ containers: [{ name: 'web', image: 'x', ports: [{ port: 70000 }] }, { name: 'web', image: '' }] })).toThrow(
      /containers\[0\]\.ports\[0\]\.port: must be an integer from 1 to 65535[\s\S]*containers\[1\]\.name: 'web' is used by another container[\s\S]*containers\[1\]\.image: is empty/,
    );
  });
});

describe('ContainerGroup ROS limits (IPv6 only)', () => {
  test('ROS takes one command item: the error shows how to move the rest into args', () => {
    const s = setup();
    const fn = () => new ContainerGroup(s.stack, 'Web', {
      vpc: s.vpc,
      securityGroup: s.securityGroup,
      ipv6AddressCount: 1,
      containers: [{ name: 'sh', image: 'busybox', commands: ['sh', '-c', 'echo hi'] }],
    });
    expect(fn).toThrow(/containers\[0\]\.commands: has 3 items; with IPv6 the group is deployed through ROS[\s\S]*commands: \['sh'\], args: \['-c', 'echo hi'\]/);
  });

  test('the same container without IPv6 is fine (the native resource has no such limit)', () => {
    const s = setup();
    new ContainerGroup(s.stack, 'Web', { vpc: s.vpc, securityGroup: s.securityGroup, containers: [{ name: 'sh', image: 'busybox', commands: ['sh', '-c', 'echo hi'] }] });
    expect(Testing.synth(s.stack)).toBeValidAlicloudPlan();
  });
});
