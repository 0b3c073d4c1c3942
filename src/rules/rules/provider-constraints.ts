import { PlanWalker } from '../../testing/checks';
import { PlanFinding } from '../../testing/findings';
import { loadSchemaIndex } from '../../testing/schema-index';
import { RuleContext } from '../context';
import { compliant, nonCompliant, RuleDefinition, Subject, subject } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/** The resource types the library's constructs create. @internal */
export const TOUCHED_TYPES: readonly string[] = [
  'alicloud_vpc', 'alicloud_vswitch', 'alicloud_vpc_ipv6_cidr_block', 'alicloud_vpc_ipv6_gateway',
  'alicloud_vpc_ipv6_internet_bandwidth', 'alicloud_vpc_ipv6_egress_rule', 'alicloud_security_group',
  'alicloud_security_group_rule', 'alicloud_eci_container_group', 'alicloud_ros_stack',
  'alicloud_ess_scaling_group', 'alicloud_ess_eci_scaling_configuration',
];

/** Paths another rule reports with a more specific message. */
const OWNED_ELSEWHERE = new Set(['alicloud_vpc_ipv6_internet_bandwidth bandwidth']);

/**
 * ALI-IPV6-010: literal values on the resources the library uses are inside the provider's enums, ranges
 * and patterns (schema/alicloud-constraints.json). Reuses the offline plan checker (src/testing) on those
 * resources only; expressions are skipped by the checker.
 * @internal
 */
export const providerConstraints: RuleDefinition = {
  id: Ipv6RuleId.PROVIDER_CONSTRAINTS,
  name: 'provider-constraints',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'Literal values of the resources the library uses are within the provider\'s enums, ranges and patterns.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const type of TOUCHED_TYPES) {
      for (const block of ctx.ofType(type)) {
        yield subject(block, () => {
          const found = findingsByAddress(ctx).get(block.address) ?? [];
          if (found.length === 0) return compliant(`${block.address}: literal values are within the provider's constraints`);
          return nonCompliant(
            `${block.address} has values the provider rejects at plan time: ${found.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
            'change the values to ones the provider accepts (see the allowed values in the message)',
          );
        });
      }
    }
  },
};

function findingsByAddress(ctx: RuleContext): ReadonlyMap<string, PlanFinding[]> {
  return ctx.cached('providerConstraints', () => {
    const resource: Record<string, unknown> = {};
    for (const type of TOUCHED_TYPES) {
      const section = ctx.doc.resource?.[type];
      if (section !== undefined) resource[type] = section;
    }
    const m = new Map<string, PlanFinding[]>();
    // runLimits reports only literal values outside enums, ranges and patterns (LIMIT_CODES)
    for (const f of new PlanWalker(loadSchemaIndex()).runLimits({ resource })) {
      const type = f.address.split('.')[0];
      if (OWNED_ELSEWHERE.has(`${type} ${f.path}`)) continue;
      let list = m.get(f.address);
      if (!list) m.set(f.address, list = []);
      list.push(f);
    }
    return m;
  });
}
