import { Aspects, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  alicloud, ContainerGroup, ContainerGroupProps, DualStackVpc, Ipv6CheckFinding, Ipv6Checks, Ipv6ChecksProps, Ipv6CheckStatus,
  IDualStackVpc, ISecurityGroup, Peer, Port, SecurityGroup,
} from '../../src';

/**
 * Helpers for the rule-pack tests: stacks built with the library's constructs or with raw bindings, and
 * the findings of one rule.
 */

/** A stack with an alicloud provider in `region` (no provider block when null). */
export function newStack(region: string | null = 'cn-huhehaote', id = 'test'): TerraformStack {
  const app = Testing.app();
  const stack = new TerraformStack(app, id);
  if (region !== null) new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region });
  return stack;
}

/** A stack checked by an explicitly added pack (for raw-binding stacks). */
export function rawStack(region: string | null = 'cn-huhehaote', props?: Ipv6ChecksProps, id = 'test'): TerraformStack {
  const stack = newStack(region, id);
  Aspects.of(stack).add(new Ipv6Checks(props));
  return stack;
}

/** Synthesizes (Testing.synth runs the aspects) and returns every finding. */
export function findings(stack: TerraformStack): Ipv6CheckFinding[] {
  Testing.synth(stack);
  return Ipv6Checks.findingsOf(stack);
}

/** The findings of one rule. */
export function findingsOf(stack: TerraformStack, ruleId: string): Ipv6CheckFinding[] {
  return findings(stack).filter((f) => f.ruleId === ruleId);
}

/** The one finding of a rule for the resource whose construct path ends with `pathEnd` (fails when not exactly one). */
export function only(stack: TerraformStack, ruleId: string, pathEnd?: string): Ipv6CheckFinding {
  const all = findingsOf(stack, ruleId).filter((f) => pathEnd === undefined || f.constructPath.endsWith(pathEnd));
  if (all.length !== 1) throw new Error(`expected one ${ruleId} finding${pathEnd ? ` for ${pathEnd}` : ''}, got ${all.length}:\n${JSON.stringify(all, null, 2)}`);
  return all[0];
}

/** Statuses of a rule's findings, for compact assertions. */
export function statuses(stack: TerraformStack, ruleId: string): string[] {
  return findingsOf(stack, ruleId).map((f) => f.status);
}

/** Error annotations (`@cdktf/error`) in the tree, as `path: message`. */
export function annotations(stack: TerraformStack, type: 'error' | 'warn' | 'info' = 'error'): string[] {
  return stack.node.findAll()
    .flatMap((c) => c.node.metadata.filter((m) => m.type === `@cdktf/${type}`).map((m) => `${c.node.path}: ${String(m.data)}`));
}

/** A dual-stack VPC with a web security group (TCP 80 from ::/0) in cn-huhehaote. */
export function network(stack: Construct, zones: string[] = ['cn-huhehaote-a', 'cn-huhehaote-b']) {
  const vpc = new DualStackVpc(stack, 'Vpc', { zones });
  const securityGroup = new SecurityGroup(stack, 'Sg', { vpc });
  securityGroup.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'http');
  return { vpc, securityGroup };
}

/** An IPv6 ContainerGroup (ROS) serving TCP 80 in the network above. */
export function ipv6Eci(
  scope: Construct, id: string, net: { vpc: IDualStackVpc; securityGroup: ISecurityGroup }, extra: Partial<ContainerGroupProps> = {},
): ContainerGroup {
  return new ContainerGroup(scope, id, {
    vpc: net.vpc,
    securityGroup: net.securityGroup,
    containers: [{ name: 'web', image: 'nginx:alpine', ports: [{ port: 80 }] }],
    ipv6AddressCount: 1,
    ...(extra.instanceType === undefined ? { cpu: 1, memory: 2 } : {}),
    ...extra,
  });
}

/** A ROS template (JSON) with one ALIYUN::ECI::ContainerGroup whose properties are `props`. */
export function rosTemplate(props: Record<string, unknown>, parameters: Record<string, unknown> = {}): string {
  return JSON.stringify({
    ROSTemplateFormatVersion: '2015-09-01',
    Parameters: parameters,
    Resources: {
      Eci: {
        Type: 'ALIYUN::ECI::ContainerGroup',
        Properties: { ContainerGroupName: 'raw-eci', Container: [{ Name: 'web', Image: 'nginx', Port: [{ Port: 80, Protocol: 'TCP' }] }], ...props },
      },
    },
  });
}

/** Raw bindings: an IPv6 VPC with one IPv6 vSwitch (mask 0). */
export function rawNetwork(stack: TerraformStack, vswitch: Partial<alicloud.vswitch.VswitchConfig> = {}, vpc: Partial<alicloud.vpc.VpcConfig> = {}) {
  const v = new alicloud.vpc.Vpc(stack, 'RawVpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true, ...vpc });
  const sw = new alicloud.vswitch.Vswitch(stack, 'RawVsw', {
    vpcId: v.id, zoneId: 'cn-huhehaote-a', cidrBlock: '10.0.0.0/24', enableIpv6: true, ipv6CidrBlockMask: 0, ...vswitch,
  });
  const sg = new alicloud.securityGroup.SecurityGroup(stack, 'RawSg', { vpcId: v.id });
  return { vpc: v, vswitch: sw, sg };
}

/** Raw bindings: an alicloud_ros_stack holding one IPv6 ECI in `vswitchId`/`sgId` (passed as parameters). */
export function rawRosEci(
  stack: TerraformStack, id: string, vswitchId: string, sgId: string, props: Record<string, unknown> = {},
): alicloud.rosStack.RosStack {
  return new alicloud.rosStack.RosStack(stack, id, {
    stackName: `${id.toLowerCase()}-stack`,
    templateBody: rosTemplate({ VSwitchId: { Ref: 'VSwitchId' }, SecurityGroupId: { Ref: 'SecurityGroupId' }, Ipv6AddressCount: 1, Cpu: 1, Memory: 2, ...props },
      { VSwitchId: { Type: 'String' }, SecurityGroupId: { Type: 'String' } }),
    parameters: [
      { parameterKey: 'VSwitchId', parameterValue: vswitchId },
      { parameterKey: 'SecurityGroupId', parameterValue: sgId },
    ],
  });
}

export { Ipv6CheckStatus };
