import { parseAddress } from '../../core/terraform-json';
import { ConfigWalker } from '../../schema/config-walker';
import { ConfigFinding } from '../../schema/findings';
import { loadSchemaIndex } from '../../schema/schema-index';
import { RuleContext } from '../context';
import { compliant, nonCompliant, RuleDefinition, Subject, subject } from '../rule';
import { Ipv6CheckLevel, Ipv6RuleId } from '../types';

/**
 * The alicloud resource types of the stack that the provider 1.289.0 schema knows (every one of its 1,184
 * resource types can be checked; types it does not know are left to the config checker's warning).
 */
function checkedTypes(ctx: RuleContext): string[] {
  const index = loadSchemaIndex();
  return Object.keys(ctx.doc.resource ?? {}).filter((t) => t.startsWith('alicloud_') && index.resources.has(t)).sort();
}

/** Paths another rule reports with a more specific message. */
const OWNED_ELSEWHERE = new Set(['alicloud_vpc_ipv6_internet_bandwidth bandwidth']);

/**
 * ALI-IPV6-010: literal values on the stack's alicloud resources (ours and the user's own, of any of the
 * provider's types) are inside the provider's enums, ranges and patterns (schema/alicloud-1.289.0.jsonl).
 * Reuses the config walker's limits-only walk (src/schema); expressions are skipped.
 * @internal
 */
export const providerConstraints: RuleDefinition = {
  id: Ipv6RuleId.PROVIDER_CONSTRAINTS,
  name: 'provider-constraints',
  level: Ipv6CheckLevel.ERROR,
  notVerifiableLevel: Ipv6CheckLevel.INFO,
  summary: 'Literal values of the stack\'s alicloud resources are within the provider\'s enums, ranges and patterns.',
  *subjects(ctx: RuleContext): Iterable<Subject> {
    for (const type of checkedTypes(ctx)) {
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

function findingsByAddress(ctx: RuleContext): ReadonlyMap<string, ConfigFinding[]> {
  return ctx.cached('providerConstraints', () => {
    const resource: Record<string, unknown> = {};
    for (const type of checkedTypes(ctx)) {
      const section = ctx.doc.resource?.[type];
      if (section !== undefined) resource[type] = section;
    }
    const m = new Map<string, ConfigFinding[]>();
    // runLimits reports only literal values outside enums, ranges and patterns (LIMIT_CODES)
    for (const f of new ConfigWalker(loadSchemaIndex()).runLimits({ resource })) {
      const type = parseAddress(f.address).type;
      if (OWNED_ELSEWHERE.has(`${type} ${f.path}`)) continue;
      let list = m.get(f.address);
      if (!list) m.set(f.address, list = []);
      list.push(f);
    }
    return m;
  });
}
