import * as fs from 'fs';
import * as path from 'path';
import { TerraformIterator, TerraformResource, TerraformStack, TerraformVariable, Testing, Token } from 'cdktf';
import { alicloud } from '../../src';
import { SchemaPack } from '../../src/schema/pack';
import { compileRe2 } from '../../src/schema/re2';
import { AlicloudPlanChecker, PlanFinding, PlanFindingCode, PlanFindingLevel } from '../../src/testing';

const pack = SchemaPack.load();
const providerSchema = pack.providerSchemaDocument().provider_schemas['registry.terraform.io/aliyun/alicloud'];
const constraintsOf = (kind: 'resource' | 'data', type: string): Record<string, any> => pack.entry(kind, type)!.constraints;

/** A stack with the alicloud provider, built by `build`, synthesized to JSON text. */
function synth(build: (stack: TerraformStack) => void): string {
  const stack = new TerraformStack(Testing.app(), 'test');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
  build(stack);
  return Testing.synth(stack);
}

function errorsOf(json: string): PlanFinding[] {
  return AlicloudPlanChecker.check(json).filter((f) => f.level === PlanFindingLevel.ERROR);
}

function eciGroup(stack: TerraformStack, id = 'eci'): alicloud.eciContainerGroup.EciContainerGroup {
  return new alicloud.eciContainerGroup.EciContainerGroup(stack, id, {
    containerGroupName: 'ipv6-web',
    securityGroupId: 'sg-123',
    vswitchId: 'vsw-123',
    cpu: 2,
    memory: 4,
    restartPolicy: 'Always',
    zoneId: 'cn-huhehaote-a',
    autoCreateEip: false,
    tags: { app: 'web', ipv6: 'true' },
    containers: [{
      name: 'nginx',
      image: 'nginx:1.27',
      cpu: 1,
      memory: 2,
      imagePullPolicy: 'IfNotPresent',
      commands: ['nginx'],
      args: ['-g', 'daemon off;'],
      ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }],
      environmentVars: [{ key: 'LISTEN', value: '[::]:80' }],
      volumeMounts: [{ name: 'data', mountPath: '/data', readOnly: false }],
      livenessProbe: [{ periodSeconds: 10, tcpSocket: [{ port: 80 }] }],
      readinessProbe: [{ httpGet: [{ path: '/', port: 80, scheme: 'HTTP' }] }],
    }],
    initContainers: [{ name: 'init', image: 'busybox', commands: ['true'] }],
    volumes: [{ name: 'data', type: 'EmptyDirVolume' }],
    hostAliases: [{ ip: '::1', hostnames: ['local6'] }],
    dnsConfig: { nameServers: ['2400:3200::1'], options: [{ name: 'ndots', value: '2' }] },
    securityContext: { sysctl: [{ name: 'net.ipv6.conf.all.disable_ipv6', value: '0' }] },
    timeouts: { create: '20m', delete: '5m' },
  });
}

function bandwidth(stack: TerraformStack, value: number): alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth {
  return new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(stack, 'bw', {
    bandwidth: value,
    ipv6AddressId: 'ipv6-addr-1',
    ipv6GatewayId: 'ipv6gw-1',
    internetChargeType: 'PayByBandwidth',
  });
}

function only(findings: PlanFinding[]): PlanFinding {
  expect(findings).toHaveLength(1);
  return findings[0];
}

describe('AlicloudPlanChecker: the deliberate faults', () => {
  test('fault 1: ipv6_address_count on alicloud_eci_container_group is an unknown attribute', () => {
    const json = synth((s) => eciGroup(s).addOverride('ipv6_address_count', 1));
    const f = only(errorsOf(json));
    expect(f).toMatchObject({
      level: PlanFindingLevel.ERROR,
      address: 'alicloud_eci_container_group.eci',
      path: 'ipv6_address_count',
      code: 'unknown-attribute',
    });
    expect(f.message).toMatch(/"ipv6_address_count" is not an argument or block of alicloud_eci_container_group\. Allowed: acr_registry_info, auto_create_eip,/);
    expect(f.message).not.toMatch(/eci_security_context|internet_ip/); // removed and computed-only names are not offered
  });

  test('fault 2: a missing required argument (vpc_id of alicloud_vpc_ipv6_gateway, stack_name of alicloud_ros_stack)', () => {
    const json = synth((s) => {
      new alicloud.vpcIpv6Gateway.VpcIpv6Gateway(s, 'gw', { vpcId: 'vpc-1' }).addOverride('vpc_id', undefined);
      new alicloud.rosStack.RosStack(s, 'ros', { stackName: 'x', templateBody: '{}' }).addOverride('stack_name', undefined);
    });
    const errors = errorsOf(json);
    expect(errors).toEqual([
      expect.objectContaining({ address: 'alicloud_ros_stack.ros', path: 'stack_name', code: 'missing-required' }),
      expect.objectContaining({ address: 'alicloud_vpc_ipv6_gateway.gw', path: 'vpc_id', code: 'missing-required' }),
    ]);
    expect(errors[1].message).toMatch(/"vpc_id" \(string\) of alicloud_vpc_ipv6_gateway is required/);
  });

  test('fault 2b: a missing required block (containers) and a missing required nested argument', () => {
    const noContainers = synth((s) => eciGroup(s).addOverride('containers', undefined));
    expect(only(errorsOf(noContainers))).toMatchObject({ path: 'containers', code: 'missing-required' });
    const noImage = synth((s) => eciGroup(s).addOverride('containers.0.image', undefined));
    expect(only(errorsOf(noImage))).toMatchObject({ path: 'containers[0].image', code: 'missing-required' });
  });

  test('fault 3: wrong literal types (bandwidth {} or "abc", enable_ipv6 "yes", a list for a string)', () => {
    for (const bad of [{}, 'abc', [1], true]) {
      const json = synth((s) => bandwidth(s, 10).addOverride('bandwidth', bad));
      const f = only(errorsOf(json));
      expect(f).toMatchObject({ address: 'alicloud_vpc_ipv6_internet_bandwidth.bw', path: 'bandwidth', code: 'wrong-type' });
      expect(f.message).toMatch(/"bandwidth" must be number/);
    }
    const vpc = synth((s) => new alicloud.vpc.Vpc(s, 'vpc', { vpcName: 'v' }).addOverride('enable_ipv6', 'yes'));
    expect(only(errorsOf(vpc))).toMatchObject({ path: 'enable_ipv6', code: 'wrong-type' });
    const list = synth((s) => new alicloud.vpc.Vpc(s, 'vpc', { vpcName: 'v' }).addOverride('cidr_block', ['10.0.0.0/8']));
    expect(only(errorsOf(list))).toMatchObject({ path: 'cidr_block', code: 'wrong-type' });
  });

  test('fault 3b: conversions Terraform performs are accepted ("5" for a number, "true" for a bool, 5 for a string)', () => {
    const json = synth((s) => {
      bandwidth(s, 10).addOverride('bandwidth', '5');
      const vpc = new alicloud.vpc.Vpc(s, 'vpc', { vpcName: 'v' });
      vpc.addOverride('enable_ipv6', 'true');
      vpc.addOverride('description', 5);
    });
    expect(AlicloudPlanChecker.check(json)).toEqual([]);
  });

  test('fault 4: bandwidth 0 and 5001 are out of range, 1 and 5000 pass', () => {
    for (const bad of [0, 5001]) {
      const f = only(errorsOf(synth((s) => bandwidth(s, bad))));
      expect(f).toMatchObject({ path: 'bandwidth', code: 'out-of-range' });
      expect(f.message).toBe(`"bandwidth" must be between 1 and 5000 (inclusive), got ${bad}`);
    }
    for (const good of [1, 5000]) expect(AlicloudPlanChecker.check(synth((s) => bandwidth(s, good)))).toEqual([]);
    expect(only(errorsOf(synth((s) => bandwidth(s, 1).addOverride('bandwidth', '5001'))))).toMatchObject({ code: 'out-of-range' });
    expect(only(errorsOf(synth((s) => bandwidth(s, 1.5))))).toMatchObject({ code: 'wrong-type' });
  });

  test('fault 5: unknown nested blocks and arguments are reported with their indexed path', () => {
    const json = synth((s) => {
      const g = eciGroup(s);
      g.addOverride('containers.0.ipv6', { enabled: true });
      g.addOverride('containers.0.ports.1.ipv6_port', 8080);
      g.addOverride('containers.0.liveness_probe.0.tcp_socket.0.host', '::1');
    });
    const errors = errorsOf(json);
    expect(errors.map((f) => [f.path, f.code])).toEqual([
      ['containers[0].ipv6', 'unknown-attribute'],
      ['containers[0].liveness_probe[0].tcp_socket[0].host', 'unknown-attribute'],
      ['containers[0].ports[1].ipv6_port', 'unknown-attribute'],
    ]);
    expect(errors[0].message).toMatch(/of alicloud_eci_container_group\.containers\./);
  });
});

describe('AlicloudPlanChecker: values and constraints', () => {
  test('a full valid dual-stack ECI stack has zero findings', () => {
    const json = synth((s) => {
      const vpc = new alicloud.vpc.Vpc(s, 'vpc', { vpcName: 'dual', cidrBlock: '10.0.0.0/8', enableIpv6: true });
      const vsw = new alicloud.vswitch.Vswitch(s, 'vsw', {
        vpcId: vpc.id, zoneId: 'cn-huhehaote-a', cidrBlock: '10.1.0.0/16', enableIpv6: true, ipv6CidrBlockMask: 1,
      });
      const sg = new alicloud.securityGroup.SecurityGroup(s, 'sg', { vpcId: vpc.id, securityGroupName: 'web' });
      new alicloud.securityGroupRule.SecurityGroupRule(s, 'http6', {
        securityGroupId: sg.id, type: 'ingress', ipProtocol: 'tcp', portRange: '80/80', ipv6CidrIp: '::/0', priority: 1,
      });
      const gw = new alicloud.vpcIpv6Gateway.VpcIpv6Gateway(s, 'gw', { vpcId: vpc.id, ipv6GatewayName: 'gw-web' });
      new alicloud.eciContainerGroup.EciContainerGroup(s, 'eci', {
        containerGroupName: 'web', securityGroupId: sg.id, vswitchId: vsw.id, containers: [{ name: 'web', image: 'nginx' }],
      });
      eciGroup(s, 'full');
      new alicloud.vpcIpv6EgressRule.VpcIpv6EgressRule(s, 'egress', {
        instanceId: 'ipv6-addr', ipv6GatewayId: gw.id, instanceType: 'Ipv6Address', ipv6EgressRuleName: 'egress-only',
      });
    });
    expect(AlicloudPlanChecker.check(json)).toEqual([]);
  });

  test('tokens pass wherever a value could stand: numbers, enums, lists, maps, meta-arguments, dynamic blocks', () => {
    const json = synth((s) => {
      const v = new TerraformVariable(s, 'bandwidth', { type: 'number' });
      const charge = new TerraformVariable(s, 'charge', { type: 'string' });
      const bw = bandwidth(s, 1);
      bw.addOverride('bandwidth', v.numberValue);
      bw.addOverride('internet_charge_type', charge.stringValue);
      const g = eciGroup(s);
      g.addOverride('volumes', undefined);
      g.addOverride('dynamic.volumes', { for_each: '${var.vols}', iterator: 'each', content: { name: '${each.value.name}', type: 'EmptyDirVolume' } });
      g.addOverride('cpu', '${var.cpu}');
      g.addOverride('auto_create_eip', '${var.eip}');
      g.addOverride('tags', '${var.tags}');
      g.addOverride('containers.0.commands', '${var.commands}');
      g.addOverride('containers.0.args', ['-c', '${var.arg}']);
      g.addOverride('count', '${var.n}');
    });
    expect(AlicloudPlanChecker.check(json)).toEqual([]);
    expect(json).toContain('${var.bandwidth}');
  });

  test('a token where a block is expected is a wrong-type error (HCL JSON needs an object or array there)', () => {
    const json = synth((s) => {
      const c = new TerraformVariable(s, 'containers', { type: 'list(any)' });
      new alicloud.eciContainerGroup.EciContainerGroup(s, 'eci', {
        containerGroupName: 'web',
        securityGroupId: 'sg',
        vswitchId: 'vsw',
        containers: Token.asAny(c.listValue), // what cdktf emits for a token passed to a block property
      }).addOverride('host_aliases', ['${var.alias}']);
    });
    expect(JSON.parse(json).resource.alicloud_eci_container_group.eci.containers).toBe('${var.containers}');
    const errors = errorsOf(json);
    expect(errors.map((f) => [f.path, f.code])).toEqual([['containers', 'wrong-type'], ['host_aliases[0]', 'wrong-type']]);
    expect(errors[0].message).toMatch(/"containers" is a block: .* dynamic block/);
  });

  test('dynamic blocks from a cdktf iterator are checked: content keys, unknown block names', () => {
    const json = synth((s) => {
      const vols = new TerraformVariable(s, 'vols', { type: 'list(any)' });
      const it = TerraformIterator.fromList(vols.listValue);
      new alicloud.eciContainerGroup.EciContainerGroup(s, 'eci', {
        containerGroupName: 'web',
        securityGroupId: 'sg',
        vswitchId: 'vsw',
        containers: [{ name: 'web', image: 'nginx' }],
        volumes: it.dynamic({ name: it.getString('name'), type: 'EmptyDirVolume' }),
      });
    });
    expect(json).toContain('"dynamic"');
    expect(AlicloudPlanChecker.check(json)).toEqual([]);
    const doc = JSON.parse(json);
    const eci = doc.resource.alicloud_eci_container_group.eci;
    eci.dynamic.volumes.content.bogus = 'x';
    eci.dynamic.nope = { for_each: '${var.vols}', content: {} };
    eci.dynamic.cpu = { for_each: '${var.vols}', content: {} };
    expect(AlicloudPlanChecker.checkObject(doc).map((f) => [f.path, f.code])).toEqual([
      ['dynamic.volumes.content.bogus', 'unknown-attribute'],
      ['dynamic.nope', 'unknown-attribute'],
      ['dynamic.cpu', 'unknown-attribute'],
    ]);
    delete eci.containers;
    eci.dynamic = { containers: { for_each: '${var.c}', content: { name: '${each.value}' } } };
    expect(AlicloudPlanChecker.checkObject(doc).map((f) => [f.path, f.code])).toEqual([
      ['dynamic.containers.content.image', 'missing-required'],
    ]);
  });

  test('enums: PayByTime is rejected with the allowed values; instance_type ignores case', () => {
    const json = synth((s) => bandwidth(s, 10).addOverride('internet_charge_type', 'PayByTime'));
    const f = only(errorsOf(json));
    expect(f).toMatchObject({ path: 'internet_charge_type', code: 'not-in-enum' });
    expect(f.message).toBe('"internet_charge_type" must be one of "PayByTraffic", "PayByBandwidth", got "PayByTime"');

    const egress = (instanceType: string) => synth((s) => new alicloud.vpcIpv6EgressRule.VpcIpv6EgressRule(s, 'egress', {
      instanceId: 'ipv6-1', ipv6GatewayId: 'gw-1', instanceType,
    }));
    expect(AlicloudPlanChecker.check(egress('ipv6address'))).toEqual([]);
    expect(AlicloudPlanChecker.check(egress('IPV6ADDRESS'))).toEqual([]);
    const bad = only(errorsOf(egress('Ipv4Address')));
    expect(bad).toMatchObject({ path: 'instance_type', code: 'not-in-enum' });
    expect(bad.message).toMatch(/\(case-insensitive\)/);
    // a case-sensitive enum: the security group rule's type
    const rule = synth((s) => new alicloud.securityGroupRule.SecurityGroupRule(s, 'r', {
      securityGroupId: 'sg', type: 'Ingress', ipProtocol: 'tcp', cidrIp: '0.0.0.0/0',
    }));
    expect(only(errorsOf(rule))).toMatchObject({ path: 'type', code: 'not-in-enum' });
  });

  test('conflicts_with, at_least_one_of and exactly_one_of', () => {
    const rule = (props: Partial<alicloud.securityGroupRule.SecurityGroupRuleConfig>) => synth((s) =>
      new alicloud.securityGroupRule.SecurityGroupRule(s, 'r', { securityGroupId: 'sg', type: 'ingress', ipProtocol: 'tcp', ...props }));
    const both = only(errorsOf(rule({ cidrIp: '0.0.0.0/0', ipv6CidrIp: '::/0' })));
    expect(both).toMatchObject({ path: 'ipv6_cidr_ip', code: 'conflict' });
    expect(both.message).toBe('"ipv6_cidr_ip" conflicts with "cidr_ip": set only one of them');
    const none = only(errorsOf(rule({})));
    expect(none).toMatchObject({ code: 'missing-one-of' });
    expect(none.message).toBe('at least one of "cidr_ip", "ipv6_cidr_ip", "prefix_list_id", "source_security_group_id" must be set');
    expect(errorsOf(rule({ ipv6CidrIp: '::/0' }))).toEqual([]);

    const vsw = (props: Partial<alicloud.vswitch.VswitchConfig>) => synth((s) =>
      new alicloud.vswitch.Vswitch(s, 'vsw', { vpcId: 'vpc', cidrBlock: '10.0.0.0/24', ...props }));
    expect(only(errorsOf(vsw({})))).toMatchObject({ path: 'zone_id', code: 'missing-one-of' });
    const two = AlicloudPlanChecker.check(vsw({ zoneId: 'a', availabilityZone: 'a' }));
    expect(two.map((f) => [f.level, f.path, f.code])).toEqual([
      ['warning', 'availability_zone', 'deprecated'],
      ['error', 'zone_id', 'conflict'],
    ]);
  });

  test('max_items and min_items: blocks (dns_config, timeouts) and lists of primitives from the constraints file', () => {
    const dns = synth((s) => eciGroup(s).addOverride('dns_config', [{ name_servers: ['::1'] }, { name_servers: ['::2'] }]));
    const f = only(errorsOf(dns));
    expect(f).toMatchObject({ path: 'dns_config', code: 'max-items' });
    expect(f.message).toBe('at most 1 "dns_config" block(s) allowed, got 2');
    const timeouts = synth((s) => eciGroup(s).addOverride('timeouts', [{ create: '1m' }, { create: '2m' }]));
    expect(only(errorsOf(timeouts))).toMatchObject({ path: 'timeouts', code: 'max-items' });

    const conf = (types: string[]) => synth((s) => new alicloud.essEciScalingConfiguration.EssEciScalingConfiguration(s, 'c', {
      scalingGroupId: 'sg-1', instanceTypes: types,
    }));
    expect(errorsOf(conf(['a', 'b', 'c', 'd', 'e']))).toEqual([]);
    expect(only(errorsOf(conf(['a', 'b', 'c', 'd', 'e', 'f'])))).toMatchObject({ path: 'instance_types', code: 'max-items' });

    const group = (props: Partial<alicloud.essScalingGroup.EssScalingGroupConfig>) => synth((s) =>
      new alicloud.essScalingGroup.EssScalingGroup(s, 'g', { minSize: 0, maxSize: 2, ...props }));
    expect(only(errorsOf(group({ vswitchIds: [] })))).toMatchObject({ path: 'vswitch_ids', code: 'min-items' });
    expect(only(errorsOf(group({ removalPolicies: ['a', 'b', 'c'] })))).toMatchObject({ path: 'removal_policies', code: 'max-items' });
    expect(only(errorsOf(group({ maxSize: 2001 })))).toMatchObject({ path: 'max_size', code: 'out-of-range' });
  });

  test('computed-only attributes cannot be set (vswitch ipv6_cidr_block, containers[0].ready)', () => {
    const vsw = synth((s) => new alicloud.vswitch.Vswitch(s, 'vsw', { vpcId: 'v', zoneId: 'z', cidrBlock: '10.0.0.0/24' })
      .addOverride('ipv6_cidr_block', '2408:4000::/64'));
    const f = only(errorsOf(vsw));
    expect(f).toMatchObject({ address: 'alicloud_vswitch.vsw', path: 'ipv6_cidr_block', code: 'computed-only' });
    expect(f.message).toMatch(/computed by the provider/);
    const ready = synth((s) => eciGroup(s).addOverride('containers.0.ready', true));
    expect(only(errorsOf(ready))).toMatchObject({ path: 'containers[0].ready', code: 'computed-only' });
  });

  test('removed, deprecated, regex, JSON and byte-length constraints', () => {
    const removed = synth((s) => eciGroup(s).addOverride('eci_security_context', [{ sysctls: [{ name: 'a', value: 'b' }] }]));
    expect(only(errorsOf(removed))).toMatchObject({ path: 'eci_security_context', code: 'removed' });

    const deprecated = synth((s) => new alicloud.vpc.Vpc(s, 'vpc', { name: 'old-name' }));
    expect(AlicloudPlanChecker.check(deprecated)).toEqual([expect.objectContaining({
      level: 'warning', path: 'name', code: 'deprecated', message: '"name" is deprecated since provider 1.119.0; use vpc_name instead',
    })]);
    expect(() => AlicloudPlanChecker.assertValid(deprecated)).not.toThrow();

    const gw = (name: string) => synth((s) => new alicloud.vpcIpv6Gateway.VpcIpv6Gateway(s, 'gw', { vpcId: 'v', ipv6GatewayName: name }));
    expect(errorsOf(gw('gw-ipv6_1'))).toEqual([]);
    expect(errorsOf(gw('网关-ipv6'))).toEqual([]);
    const bad = only(errorsOf(gw('1gateway')));
    expect(bad).toMatchObject({ path: 'ipv6_gateway_name', code: 'regex' });
    expect(bad.message).toContain('^[a-zA-Z一-龥][一-龥A-Za-z0-9_-]{1,128}$');

    const ros = (body: string) => synth((s) => new alicloud.rosStack.RosStack(s, 'ros', { stackName: 'eci', templateBody: body }));
    expect(errorsOf(ros('{"ROSTemplateFormatVersion":"2015-09-01"}'))).toEqual([]);
    expect(only(errorsOf(ros('{"ROSTemplateFormatVersion":')))).toMatchObject({ path: 'template_body', code: 'invalid-json' });

    const egress = (description: string) => synth((s) => new alicloud.vpcIpv6EgressRule.VpcIpv6EgressRule(s, 'e', {
      instanceId: 'i', ipv6GatewayId: 'g', description,
    }));
    expect(only(errorsOf(egress('a')))).toMatchObject({ path: 'description', code: 'out-of-range' });
    expect(errorsOf(egress('ab'))).toEqual([]);
    // Go's StringLenBetween counts bytes: 86 CJK characters are 258 bytes > 256
    expect(only(errorsOf(egress('出'.repeat(86))))).toMatchObject({ code: 'out-of-range', message: '"description" must be 2 to 256 bytes long, got 258' });

    const zones = (nameRegex: string) => synth((s) => new alicloud.dataAlicloudVpcIpv6Gateways.DataAlicloudVpcIpv6Gateways(s, 'gws', { nameRegex }));
    expect(errorsOf(zones('^gw-.*$'))).toEqual([]);
    expect(only(errorsOf(zones('^gw-(')))).toMatchObject({ address: 'data.alicloud_vpc_ipv6_gateways.gws', code: 'invalid-regex' });
  });

  test('the provider blocks are checked: unknown arguments, enums, aliases, nested required', () => {
    const json = synth((s) => {
      const p = new alicloud.provider.AlicloudProvider(s, 'hz', { region: 'cn-hangzhou', alias: 'hz', protocol: 'FTP' });
      p.addOverride('regionn', 'cn-hangzhou');
      const bw = bandwidth(s, 10);
      bw.addOverride('provider', 'alicloud.hz');
      new alicloud.vpc.Vpc(s, 'vpc', { vpcName: 'v' }).addOverride('provider', 'alicloud.shanghai');
    });
    const findings = AlicloudPlanChecker.check(json);
    expect(findings.map((f) => [f.address, f.path, f.code])).toEqual([
      ['provider.alicloud[1]', 'protocol', 'not-in-enum'],
      ['provider.alicloud[1]', 'regionn', 'unknown-attribute'],
      ['alicloud_vpc.vpc', 'provider', 'unknown-provider'],
    ]);
    expect(findings[1].message).toMatch(/Did you mean "region"\?/);

    const assume = synth((s) => new alicloud.provider.AlicloudProvider(s, 'ar', { alias: 'ar', assumeRole: { roleArn: 'acs:ram::1:role/r', sessionName: 'x' } })
      .addOverride('assume_role.role_arn', undefined));
    expect(AlicloudPlanChecker.check(assume)).toEqual([expect.objectContaining({
      level: 'warning', address: 'provider.alicloud[1]', path: 'assume_role.role_arn', code: 'missing-required',
    })]);
    const duplicate = synth((s) => new alicloud.provider.AlicloudProvider(s, 'again', { region: 'cn-beijing' }));
    expect(only(errorsOf(duplicate))).toMatchObject({ address: 'provider.alicloud[1]', code: 'conflict' });
  });

  test('meta-arguments are allowed and lightly checked', () => {
    const ok = synth((s) => {
      const vpc = new alicloud.vpc.Vpc(s, 'vpc', { vpcName: 'v', lifecycle: { ignoreChanges: ['tags', 'vpc_name'], createBeforeDestroy: true } });
      new alicloud.vswitch.Vswitch(s, 'vsw', { vpcId: vpc.id, zoneId: 'z', cidrBlock: '10.0.0.0/24', dependsOn: [vpc], count: 2 });
      new alicloud.dataAlicloudZones.DataAlicloudZones(s, 'zones', { availableResourceCreation: 'VSwitch', dependsOn: [vpc] });
    });
    expect(AlicloudPlanChecker.check(ok)).toEqual([]);
    const bad = synth((s) => {
      const vpc = new alicloud.vpc.Vpc(s, 'vpc', { vpcName: 'v', lifecycle: { ignoreChanges: ['tagz', 'status'] } });
      vpc.addOverride('count', 2);
      vpc.addOverride('for_each', '${var.m}');
      vpc.addOverride('lifecycle.prevent_destroi', true);
    });
    expect(AlicloudPlanChecker.check(bad).map((f) => [f.level, f.path, f.code])).toEqual([
      ['error', 'lifecycle.ignore_changes[0]', 'unknown-attribute'],
      ['warning', 'lifecycle.ignore_changes[1]', 'computed-only'],
      ['error', 'lifecycle.prevent_destroi', 'unknown-attribute'],
      ['error', 'count', 'conflict'],
    ]);
  });

  test('alicloud types not in 1.289.0 are warnings that name the version, with a "did you mean"; other providers\' types are ignored', () => {
    const json = synth((s) => {
      new TerraformResource(s, 'addr', { terraformResourceType: 'alicloud_vpc_ipv6_adress' });
      new TerraformResource(s, 'other', { terraformResourceType: 'null_resource' });
    });
    const f = only(AlicloudPlanChecker.check(json));
    expect(f).toMatchObject({ level: 'warning', address: 'alicloud_vpc_ipv6_adress.addr', code: 'unknown-type' });
    expect(f.message).toContain('is not in the alicloud provider 1.289.0 schema');
    expect(f.message).toContain('Did you mean "alicloud_vpc_ipv6_address"?');
    expect(() => AlicloudPlanChecker.assertValid(json)).not.toThrow();
    // a name far from every known type: no suggestion, still a warning
    const far = only(AlicloudPlanChecker.checkObject({ resource: { alicloud_quantum_teleporter: { q: { x: 1 } } } }));
    expect(far).toMatchObject({ level: 'warning', code: 'unknown-type' });
    expect(far.message).not.toContain('Did you mean');
    // a resource used as a data source (and the reverse) says where it belongs
    expect(only(AlicloudPlanChecker.checkObject({ data: { alicloud_nat_gateway: { n: {} } } })).message)
      .toContain('"alicloud_nat_gateway" is a resource in that release: declare it under "resource"');
    expect(only(AlicloudPlanChecker.checkObject({ resource: { alicloud_zones: { z: {} } } })).message)
      .toContain('"alicloud_zones" is a data source in that release: declare it under "data"');
  });

  test('cdk.tf.json: findings carry the construct path from //.metadata.path', () => {
    const stack = new TerraformStack(Testing.app(), 'meta');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
    bandwidth(stack, 0);
    const outdir = Testing.fullSynth(stack);
    const text = fs.readFileSync(path.join(outdir, 'stacks', 'meta', 'cdk.tf.json'), 'utf-8');
    expect(JSON.parse(text).resource.alicloud_vpc_ipv6_internet_bandwidth.bw['//'].metadata.path).toBe('meta/bw');
    expect(only(AlicloudPlanChecker.check(text))).toMatchObject({ code: 'out-of-range', constructPath: 'meta/bw' });
  });

  test('format and assertValid name the address, path, code, message and construct', () => {
    const findings: PlanFinding[] = [
      { level: PlanFindingLevel.ERROR, address: 'alicloud_vpc.v', path: 'vpc_nme', code: PlanFindingCode.UNKNOWN_ATTRIBUTE, message: 'bad', constructPath: 's/v' },
      { level: PlanFindingLevel.WARNING, address: 'alicloud_vpc.v', path: '', code: PlanFindingCode.DEPRECATED, message: 'old' },
    ];
    expect(AlicloudPlanChecker.format(findings)).toBe(
      'ERROR   alicloud_vpc.v vpc_nme [unknown-attribute] bad (construct s/v)\nWARNING alicloud_vpc.v [deprecated] old');
    expect(AlicloudPlanChecker.format([])).toBe('no findings');
    const json = synth((s) => bandwidth(s, 0));
    expect(() => AlicloudPlanChecker.assertValid(json)).toThrow(
      /1 error\(s\):\nERROR {3}alicloud_vpc_ipv6_internet_bandwidth\.bw bandwidth \[out-of-range\] "bandwidth" must be between 1 and 5000/);
    expect(() => AlicloudPlanChecker.check('{not json')).toThrow(/not JSON text/);
    expect(() => AlicloudPlanChecker.checkObject([])).toThrow(/must be a JSON object/);
  });
});

describe('the jest matcher toBeValidAlicloudPlan', () => {
  test('passes on a valid stack (text or parsed) and fails with the formatted findings', () => {
    const valid = synth((s) => eciGroup(s));
    expect(valid).toBeValidAlicloudPlan();
    expect(JSON.parse(valid)).toBeValidAlicloudPlan();
    const invalid = synth((s) => eciGroup(s).addOverride('ipv6_address_count', 1));
    expect(() => expect(invalid).toBeValidAlicloudPlan()).toThrow(
      /found 1 error\(s\):\nERROR {3}alicloud_eci_container_group\.eci ipv6_address_count \[unknown-attribute\]/);
    expect(invalid).not.toBeValidAlicloudPlan();
    expect(() => expect(valid).not.toBeValidAlicloudPlan()).toThrow(/found no errors/);
    expect(() => expect(42).toBeValidAlicloudPlan()).toThrow(/expected a synthesized Terraform JSON stack/);
  });
});

/** A placeholder literal of a schema type that satisfies the path's constraint facts. */
function placeholder(type: any, facts: any = {}): unknown {
  if (facts.enum) return facts.enum[0];
  if (facts.int_between) return facts.int_between[0];
  if (facts.int_at_least !== undefined) return facts.int_at_least;
  if (type === 'string') return facts.string_length_between ? 'x'.repeat(Math.max(1, facts.string_length_between[0])) : 'placeholder';
  if (type === 'number') return 1;
  if (type === 'bool') return true;
  const [kind, elem] = type;
  if (kind === 'list' || kind === 'set') return [placeholder(elem)];
  if (kind === 'map') return { key: placeholder(elem) };
  if (kind === 'object') return Object.fromEntries(Object.entries<any>(elem).map(([k, t]) => [k, placeholder(t)]));
  throw new Error(`no placeholder for ${JSON.stringify(type)}`);
}

/** The minimal valid body of a schema block: required arguments, required blocks, one member of each one-of group. */
function minimalBody(block: any, facts: Record<string, any>, prefix = ''): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, attr] of Object.entries<any>(block.attributes ?? {})) {
    const f = facts[prefix + name] ?? {};
    if (attr.required) body[name] = placeholder(attr.type, f);
  }
  for (const [name, attr] of Object.entries<any>(block.attributes ?? {})) {
    const f = facts[prefix + name] ?? {};
    for (const group of [f.exactly_one_of, f.at_least_one_of]) {
      if (group && !group.some((m: string) => m in body)) {
        const pick = [...group].sort().find((m: string) => !(facts[prefix + m]?.deprecated)) ?? group[0];
        body[pick] = placeholder(block.attributes[pick].type, facts[prefix + pick]);
      }
    }
    void attr;
  }
  for (const [name, bt] of Object.entries<any>(block.block_types ?? {})) {
    if ((bt.min_items ?? 0) > 0) {
      body[name] = Array.from({ length: bt.min_items }, () => minimalBody(bt.block, facts, `${prefix}${name}.`));
    }
  }
  return body;
}

describe('every resource and data source type in the schema', () => {
  const kinds = [
    ['resource', providerSchema.resource_schemas],
    ['data', providerSchema.data_source_schemas],
  ] as const;
  const cases = kinds.flatMap(([kind, schemas]) => Object.keys(schemas).map((type) => [kind, type] as const));

  test('the schema holds every type of provider 1.289.0: 1184 resources and 780 data sources', () => {
    expect(cases.filter(([k]) => k === 'resource')).toHaveLength(1184);
    expect(cases.filter(([k]) => k === 'data')).toHaveLength(780);
  });

  // The types the constructs use; test/schema/full-schema.test.ts covers all 1,964.
  const used = cases.filter(([, type]) => /^alicloud_(vpc|vswitch|vpc_ipv6_\w+|security_group(_rule)?|eci_\w+|ess_(scaling_group|eci_scaling_configuration)|ros_stack|zones|instance_types)$/.test(type));

  test.each(used)('%s %s: the minimal config passes; an unknown key and each missing required argument fail', (kind, type) => {
    const schemas = kind === 'resource' ? providerSchema.resource_schemas : providerSchema.data_source_schemas;
    const block = schemas[type].block;
    const body = minimalBody(block, constraintsOf(kind, type));
    const doc = (b: Record<string, unknown>) => ({ [kind]: { [type]: { x: b } } });
    const address = kind === 'resource' ? `${type}.x` : `data.${type}.x`;

    expect(AlicloudPlanChecker.checkObject(doc(body)).filter((f) => f.level === PlanFindingLevel.ERROR)).toEqual([]);

    expect(AlicloudPlanChecker.checkObject(doc({ ...body, not_an_argument: 'x' }))).toEqual([
      expect.objectContaining({ address, path: 'not_an_argument', code: 'unknown-attribute' }),
    ]);
    for (const [name, attr] of Object.entries<any>(block.attributes)) {
      if (!attr.required) continue;
      const { [name]: _removed, ...rest } = body;
      expect(AlicloudPlanChecker.checkObject(doc(rest))).toEqual([
        expect.objectContaining({ address, path: name, code: 'missing-required' }),
      ]);
    }
    for (const [name, attr] of Object.entries<any>(block.attributes)) {
      if (attr.required || attr.optional) continue; // computed-only
      expect(AlicloudPlanChecker.checkObject(doc({ ...body, [name]: placeholder(attr.type) }))).toEqual([
        expect.objectContaining({ address, path: name, code: 'computed-only' }),
      ]);
    }
  });
});

describe('RE2 patterns (re2js)', () => {
  test('every pattern in the schema compiles as RE2', () => {
    const patterns = pack.entries().flatMap((e) => Object.values<any>(e.constraints))
      .flatMap((f) => [f.regex, f.regex_not, ...(f.any_of ?? []).map((b: any) => b.regex)].filter((r) => r !== undefined));
    expect(patterns.length).toBeGreaterThanOrEqual(200);
    for (const r of patterns) expect(compileRe2(r)).toMatchObject({ kind: 'ok' });
  });

  test('patterns match as Go\'s regexp.MatchString does: RE2 syntax, unanchored search, Go\'s errors', () => {
    const re = (p: string) => {
      const t = compileRe2(p);
      if (t.kind !== 'ok') throw new Error(`${p}: ${t.reason}`);
      return t.pattern;
    };
    expect(re('(?P<x>a+)\\z').test('aa')).toBe(true);
    expect(re('(?i)^abc$').test('ABC')).toBe(true);
    expect(re('^[[:alpha:]_]+$').test('ab_c')).toBe(true);
    expect(re('^[[:alpha:]_]+$').test('ab1')).toBe(false);
    expect(re('^\\pL+$').test('网关')).toBe(true);
    expect(re('^\\p{Han}+$').test('网关')).toBe(true);
    expect(re('^\\x{4e00}$').test('一')).toBe(true);
    expect(re('^\\s$').test('\u00a0')).toBe(false); // RE2's \s is ASCII only
    expect(re('^[]a]+$').test(']a')).toBe(true);
    expect(re('\\Qa.b\\E').test('xa.by')).toBe(true); // unanchored, quoted
    expect(re('\\Qa.b\\E').test('axb')).toBe(false);
    expect(re('b').test('abc')).toBe(true); // MatchString searches; it does not anchor
    // the ESS pattern writes \\u4e00 in a raw string: a literal backslash, so CJK is not admitted (as in the provider)
    const ess = re(constraintsOf('resource', 'alicloud_ess_eci_scaling_configuration').scaling_configuration_name.regex);
    expect(ess.test('my-config')).toBe(true);
    expect(ess.test('配置')).toBe(false);
    // Go rejects lookaround and backreferences
    for (const p of ['a(?=b)', '(a)\\1', 'a(']) expect(compileRe2(p)).toMatchObject({ kind: 'invalid' });
  });
});

describe('speed', () => {
  test('the schema is indexed once: 1000 checks of a full ECI stack stay fast', () => {
    const doc = JSON.parse(synth((s) => eciGroup(s)));
    AlicloudPlanChecker.checkObject(doc);
    const start = process.hrtime.bigint();
    for (let i = 0; i < 1000; i++) AlicloudPlanChecker.checkObject(doc);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    expect(ms).toBeLessThan(3000);
  });
});
