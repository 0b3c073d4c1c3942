/**
 * The rule pack's options (`Ipv6ChecksProps`) checked and turned into what the engine uses: the facts with the
 * user's regions and families, and the level per rule. `new Ipv6Checks(...)` and the files that judge a
 * document without one (synthesized-findings.ts) share it.
 * @internal
 */
import { EffectiveFacts } from './context';
import { RULE_FAILURE } from './engine';
import { FamilyFact, IPV6_FAMILIES, IPV6_REGIONS, NON_IPV6_FAMILIES, normalizeFamily } from './facts';
import { ALL_RULES } from './rules';
import { Ipv6CheckLevel, Ipv6ChecksProps } from './types';

/** The options of a pack as the engine and the synth hook use them. @internal */
export interface PackOptions {
  readonly facts: EffectiveFacts;
  /** Rule ID (or '*') → level. */
  readonly ruleLevels: ReadonlyMap<string, Ipv6CheckLevel>;
  readonly reports: boolean;
}

/**
 * Checks the options and makes the facts and levels of a pack.
 * @throws `Ipv6Checks: <every problem>. Fix: ...` when a rule ID or level in `ruleLevels` is unknown, or a family
 * is declared both with and without IPv6
 * @internal
 */
export function packOptions(props: Ipv6ChecksProps): PackOptions {
  const problems: string[] = [];
  const regions = new Set(IPV6_REGIONS.map((r) => r.regionId));
  for (const r of props.additionalRegions ?? []) regions.add(r.trim().toLowerCase());

  const families = new Map<string, FamilyFact>();
  for (const f of [...IPV6_FAMILIES, ...NON_IPV6_FAMILIES]) families.set(f.family, f);
  const userSource = { url: 'Ipv6ChecksProps', date: 'given by the user' };
  const yes = new Set((props.additionalIpv6Families ?? []).map(normalizeFamily));
  const no = new Set((props.additionalNonIpv6Families ?? []).map(normalizeFamily));
  for (const f of yes) {
    if (no.has(f)) problems.push(`family '${f}' is in both additionalIpv6Families and additionalNonIpv6Families`);
    families.set(f, { family: f, ipv6: true, source: userSource });
  }
  for (const f of no) families.set(f, { family: f, ipv6: false, source: userSource });

  const known = new Set<string>([...ALL_RULES.map((r) => r.id), RULE_FAILURE.id, '*']);
  const levels = new Map<string, Ipv6CheckLevel>();
  const validLevels = new Set<string>(Object.values(Ipv6CheckLevel));
  for (const [id, level] of Object.entries(props.ruleLevels ?? {})) {
    if (!known.has(id)) problems.push(`ruleLevels: unknown rule ID '${id}' (known: ${[...known].join(', ')})`);
    else if (!validLevels.has(level)) problems.push(`ruleLevels['${id}']: '${level}' is not an Ipv6CheckLevel`);
    else levels.set(id, level);
  }
  if (problems.length > 0) {
    throw new Error(`Ipv6Checks: ${problems.join('; ')}. Fix: use the rule IDs and levels listed in RULES.md (Ipv6RuleId, Ipv6CheckLevel), and put each family in one list only.`);
  }
  return { facts: { regions, families }, ruleLevels: levels, reports: props.reports ?? true };
}
