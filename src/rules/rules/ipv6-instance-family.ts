import { RuleContext } from '../context';
import { EciSpec } from '../eci-model';
import { familyOf } from '../facts/instance-families';
import { additionalFactsFix, fix } from '../fix-text';
import { compliant, FixText, nonCompliant, notVerifiable, RuleDefinition, Subject, subject, Verdict } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * ALI-IPV6-002: every ECS instance type of an IPv6 ECI belongs to a family that supports IPv6 (ECIs sized
 * by vCPU and memory always do). Catches `Ipv6AddressNotSupportInstanceType`. A family that is in neither
 * facts table is a warning (cannot verify).
 * @internal
 */
export const ipv6InstanceFamily: RuleDefinition = {
  id: Ipv6RuleId.INSTANCE_FAMILY,
  name: 'ipv6-instance-family',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'Every instance type given for an IPv6 ECI (ROS InstanceType, ESS instance_types) is of an IPv6-capable family.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const eci of ctx.ipv6Ecis) yield subject(eci.owner, () => check(ctx, eci));
  },
};


/** The plan-time lookup that asks the live API: the constructs add it; in Terraform, write it. */
const GUARD: FixText = {
  cdktf: 'the plan-time guard of ContainerGroup / ContainerGroupFleet (data.alicloud_instance_types with minimum_eni_ipv6_address_quantity = 1, on unless instanceTypeGuard: false)',
  terraform: 'a plan-time guard (data "alicloud_instance_types" with instance_type = the type, minimum_eni_ipv6_address_quantity = 1 and a lifecycle postcondition that its instance_types is not empty)',
};
function check(ctx: RuleContext, eci: EciSpec): Verdict {
  const types = eci.instanceTypes;
  if (types.state === 'absent') return compliant(`${eci.label} is sized by vCPU and memory, which always supports IPv6`);
  if (types.state === 'unknown') {
    return notVerifiable(`Cannot verify at synth time the instance families of ${eci.label}: ${eci.instanceTypesField} ${types.why}`,
      'use literal instance types of IPv6 families, or size the ECI by vCPU and memory');
  }
  const bad: string[] = [];
  const unknownFamilies: string[] = [];
  const unknownFamilyKeys: string[] = [];
  const sources = new Set<string>();
  for (const t of types.value) {
    const family = familyOf(t, ctx.facts.families);
    const fact = family !== undefined ? ctx.facts.families.get(family) : undefined;
    if (fact?.ipv6 === false) {
      bad.push(`${t} (family ${family})`);
      sources.add(`${fact.source.url}, ${fact.source.date}`);
    } else if (!fact) {
      unknownFamilies.push(family === undefined ? `${t} (not an ecs.<family>.<size> name)` : `${t} (family ${family})`);
      if (family !== undefined && !unknownFamilyKeys.includes(family)) unknownFamilyKeys.push(family);
    }
  }
  if (bad.length > 0) {
    return nonCompliant(
      `${eci.label} asks for an IPv6 address but ${eci.instanceTypesField} has ${bad.join(', ')}, which do${bad.length === 1 ? 'es' : ''} not support IPv6; the API would fail with Ipv6AddressNotSupportInstanceType (source: ${[...sources].join('; ')})`,
      'use instance types of an IPv6 family (for example ecs.g8i.large, ecs.c8i.large, ecs.r8i.large, ecs.g7.large), or size the ECI by cpu and memory, which always supports IPv6',
    );
  }
  if (unknownFamilies.length > 0) {
    return notVerifiable(
      `Cannot verify at synth time that ${unknownFamilies.join(', ')} of ${eci.label} support${unknownFamilies.length === 1 ? 's' : ''} IPv6: the family is not in the pack's facts`,
      fix`confirm it before deploying: DescribeInstanceTypes returns EniIpv6AddressQuantity (IPv6 addresses per ENI; 0 means no IPv6) for the type, and ${GUARD} fails terraform plan when the type has no IPv6; then declare the family with ${additionalFactsFix('additionalIpv6Families', unknownFamilyKeys)} (or additionalNonIpv6Families)`,
      Ipv6CheckLevel.WARNING,
    );
  }
  return compliant(`${eci.label}: every instance type (${types.value.join(', ')}) is of a family with IPv6`);
}
