import { TerraformStack, Testing } from 'cdktf';
import { Ipv6CheckFinding, Ipv6Checks, Ipv6ChecksProps } from '../../src';
import { evaluate } from '../../src/rules/stack-engine';

/**
 * Helpers for rule tests on hand-written Terraform JSON: the document the pack sees after synthesis,
 * without building constructs (fast, and able to hold values the bindings would not produce).
 */

/** Resource or data sections: type → name → body. */
export type Sections = Record<string, Record<string, any>>;

/** A Terraform JSON document: `resource`/`data` sections by type and name, and `provider.alicloud` (none when null). */
export function tfDoc(
  resource: Record<string, Record<string, any>> = {},
  data: Record<string, Record<string, any>> = {},
  provider: unknown = { region: 'cn-hangzhou' },
): Record<string, any> {
  return {
    ...(provider === null ? {} : { provider: { alicloud: provider } }),
    resource,
    ...(Object.keys(data).length > 0 ? { data } : {}),
  };
}

/** Runs the pack's rules (through the engine: levels, suppressions, messages) on a document. */
export function evaluateDoc(doc: Record<string, any>, props: Ipv6ChecksProps = {}, stack?: TerraformStack): Ipv6CheckFinding[] {
  const pack = new Ipv6Checks(props);
  return evaluate(doc, stack ?? new TerraformStack(Testing.app(), 'doc'), { facts: pack._facts, ruleLevels: pack._ruleLevels });
}

/** The findings of one rule on a document. */
export function docFindings(doc: Record<string, any>, ruleId: string, props?: Ipv6ChecksProps): Ipv6CheckFinding[] {
  return evaluateDoc(doc, props).filter((f) => f.ruleId === ruleId);
}

/** The one finding of a rule for `address` (fails when there is not exactly one). */
export function docFinding(doc: Record<string, any>, ruleId: string, address?: string, props?: Ipv6ChecksProps): Ipv6CheckFinding {
  const all = docFindings(doc, ruleId, props).filter((f) => address === undefined || f.address === address);
  if (all.length !== 1) throw new Error(`expected one ${ruleId} finding${address ? ` for ${address}` : ''}, got ${all.length}:\n${JSON.stringify(all, null, 2)}`);
  return all[0];
}

/** A ROS template body (JSON text) with one or more resources. */
export function rosBody(resources: Record<string, unknown>, parameters?: Record<string, unknown>): string {
  return JSON.stringify({ ROSTemplateFormatVersion: '2015-09-01', ...(parameters ? { Parameters: parameters } : {}), Resources: resources });
}

/** An `ALIYUN::ECI::ContainerGroup` template resource. */
export function rosEci(props: Record<string, unknown>): Record<string, unknown> {
  return { Type: 'ALIYUN::ECI::ContainerGroup', Properties: props };
}

/**
 * A small IPv6 network as raw resources: VPC `v` (IPv6), vSwitch `s` (IPv6, mask 0), security group `g`;
 * merge more resource types into the result.
 */
export function ipv6Net(extra: Record<string, Record<string, any>> = {}): Record<string, Record<string, any>> {
  const base: Record<string, Record<string, any>> = {
    alicloud_vpc: { v: { cidr_block: '10.0.0.0/16', enable_ipv6: true } },
    alicloud_vswitch: { s: { vpc_id: '${alicloud_vpc.v.id}', zone_id: 'cn-hangzhou-h', cidr_block: '10.0.0.0/24', enable_ipv6: true, ipv6_cidr_block_mask: 0 } },
    alicloud_security_group: { g: { vpc_id: '${alicloud_vpc.v.id}' } },
  };
  for (const [type, named] of Object.entries(extra)) base[type] = { ...(base[type] ?? {}), ...named };
  return base;
}

/** An `alicloud_ros_stack` body holding an IPv6 ECI in vSwitch `s` and group `g` (ECI properties merged in). */
export function rosStack(props: Record<string, unknown> = {}, stack: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    stack_name: 'eci',
    template_body: rosBody({ Eci: rosEci({ ContainerGroupName: 'eci', VSwitchId: '${alicloud_vswitch.s.id}', SecurityGroupId: '${alicloud_security_group.g.id}', Ipv6AddressCount: 1, ...props }) }),
    ...stack,
  };
}
