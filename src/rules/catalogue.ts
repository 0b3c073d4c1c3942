/**
 * The rules of the pack with their default levels, for documentation and tooling: what `Ipv6Checks.rules()`
 * returns and the `check` command prints. Needs no CDK core.
 * @internal
 */
import { RULE_FAILURE } from './engine';
import { ALL_RULES } from './rules';
import { Ipv6CheckLevel, Ipv6RuleInfo } from './types';

/** Every rule, and the rule-failure pseudo rule last. @internal */
export function ruleCatalogue(): Ipv6RuleInfo[] {
  return [...ALL_RULES, { ...RULE_FAILURE, notVerifiableLevel: Ipv6CheckLevel.INFO }].map((r) => ({
    ruleId: r.id, name: r.name, level: r.level, notVerifiableLevel: r.notVerifiableLevel, summary: r.summary,
  }));
}
