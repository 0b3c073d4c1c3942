import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import { annotations, findings, rosTemplate } from './util';
import { alicloud, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId } from '../../src';

/**
 * A stack written with the generated bindings only (no construct of this library, so nothing adds the
 * pack automatically): the pack is added with Aspects.of(stack).add(new Ipv6Checks()) and checks the
 * Terraform resources, ROS template included.
 */
function rawEciStack(app: App, options: { instanceType?: string; region?: string } = {}): TerraformStack {
  const stack = new TerraformStack(app, 'raw');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: options.region ?? 'cn-shanghai' });
  const vpc = new alicloud.vpc.Vpc(stack, 'vpc', { cidrBlock: '192.168.0.0/16', enableIpv6: true });
  const vsw = new alicloud.vswitch.Vswitch(stack, 'vsw', {
    vpcId: vpc.id, zoneId: 'cn-shanghai-b', cidrBlock: '192.168.1.0/24', enableIpv6: true, ipv6CidrBlockMask: 12,
  });
  const gw = new alicloud.vpcIpv6Gateway.VpcIpv6Gateway(stack, 'gw', { vpcId: vpc.id });
  const sg = new alicloud.securityGroup.SecurityGroup(stack, 'sg', { vpcId: vpc.id });
  new alicloud.securityGroupRule.SecurityGroupRule(stack, 'https', {
    securityGroupId: sg.id, type: 'ingress', ipProtocol: 'tcp', portRange: '443/443', ipv6CidrIp: '::/0',
  });
  const eci = new alicloud.rosStack.RosStack(stack, 'eci', {
    stackName: 'raw-eci',
    templateBody: rosTemplate({
      VSwitchId: { Ref: 'Vsw' },
      SecurityGroupId: { Ref: 'Sg' },
      Ipv6AddressCount: 1,
      ...(options.instanceType ? { InstanceType: options.instanceType } : { Cpu: 2, Memory: 4 }),
      Container: [{ Name: 'api', Image: 'api:1', Port: [{ Port: 443, Protocol: 'TCP' }] }],
    }, { Vsw: { Type: 'String' }, Sg: { Type: 'String' } }),
    parameters: [{ parameterKey: 'Vsw', parameterValue: vsw.id }, { parameterKey: 'Sg', parameterValue: sg.id }],
  });
  const lookup = new alicloud.dataAlicloudEciContainerGroups.DataAlicloudEciContainerGroups(stack, 'lookup', {
    containerGroupName: 'raw-eci', vswitchId: vsw.id, dependsOn: [eci],
  });
  const addresses = new alicloud.dataAlicloudVpcIpv6Addresses.DataAlicloudVpcIpv6Addresses(stack, 'addresses', { vswitchId: vsw.id, dependsOn: [eci] });
  new alicloud.vpcIpv6InternetBandwidth.VpcIpv6InternetBandwidth(stack, 'bw', {
    ipv6AddressId: `\${one([for a in ${addresses.fqn}.addresses : a.ipv6_address_id if a.ipv6_address == ${lookup.fqn}.groups[0].ipv6_address])}`,
    ipv6GatewayId: gw.id,
    bandwidth: 50,
  });
  Aspects.of(stack).add(new Ipv6Checks());
  return stack;
}

describe('stacks written with raw bindings', () => {
  test('a correct raw stack passes every rule that applies, each followed through references and the ROS template', () => {
    const stack = rawEciStack(Testing.app());
    const found = findings(stack);
    expect(found.filter((f) => f.status !== Ipv6CheckStatus.COMPLIANT)).toEqual([]);
    const checked = new Set(found.map((f) => f.ruleId));
    // ALI-IPV6-011 has subjects only in an app of several stacks (test/rules/cross-stack.test.ts)
    // ALI-IPV6-012..014 have subjects only for ECIs with private images or registry logins (test/rules/private-images.test.ts)
    const registryRules: string[] = [Ipv6RuleId.PRIVATE_IMAGE_ACCESS, Ipv6RuleId.ACR_INSTANCE_REGION, Ipv6RuleId.UNUSED_REGISTRY_CREDENTIAL];
    // ALI-IPV6-015 runs only in the check command, ALI-IPV6-016 only when a version constraint excludes 1.289.0 (test/rules/rules/)
    const checkOnly: string[] = [Ipv6RuleId.PROVIDER_SCHEMA, Ipv6RuleId.PROVIDER_VERSION];
    const applicable = Object.values(Ipv6RuleId)
      .filter((i) => i !== Ipv6RuleId.RULE_FAILURE && i !== Ipv6RuleId.CROSS_STACK_REGION && !registryRules.includes(i) && !checkOnly.includes(i));
    for (const id of applicable) expect(checked).toContain(id);
    expect(found.find((f) => f.ruleId === Ipv6RuleId.PUBLIC_ECI_REACHABLE)!.message).toContain('alicloud_security_group_rule.https');
  });

  test('the same stack with an ic5 instance type in the template fails app.synth', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'raw-')), stackTraces: false });
    const stack = rawEciStack(app, { instanceType: 'ecs.ic5.large' });
    expect(() => app.synth()).toThrow(/\[raw\/eci\] \[ALI-IPV6-002\]/);
    expect(annotations(stack)).toEqual([
      expect.stringMatching(/^raw\/eci: \[ALI-IPV6-002\]/),
      expect.stringMatching(/^raw\/Ipv6ChecksReport\/StackFileRemoved: the IPv6 rule pack found 1 error\(s\) in stack 'raw', so no configuration was written/),
    ]);
  });
});
