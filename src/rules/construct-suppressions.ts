/**
 * Suppressions on a construct tree: `Ipv6Checks.suppress` stores one as node metadata (`SUPPRESSION_METADATA`)
 * on the construct it is added to, and the engine reads them back at synth. The record and the lookup
 * (`findSuppression`) are in suppressions.ts, which needs no construct.
 * @internal
 */
import { IConstruct } from 'constructs';
import { ALL_RULES_ID, KNOWN_IDS, MIN_REASON_LENGTH, Suppression, SUPPRESSION_METADATA } from './suppressions';

/** Validates and stores a suppression. @internal */
export function addSuppression(scope: IConstruct, ruleId: string, reason: string): void {
  const where = `Ipv6Checks.suppress at '${scope.node.path || '(app)'}'`;
  if (typeof ruleId !== 'string' || !KNOWN_IDS.has(ruleId.trim())) {
    throw new Error(`${where}: unknown rule ID '${ruleId}'. Fix: use one of ${[...KNOWN_IDS].filter((i) => i !== ALL_RULES_ID).join(', ')} (Ipv6RuleId), or Ipv6Checks.suppressAll for every rule.`);
  }
  const text = typeof reason === 'string' ? reason.trim() : '';
  if (text.length < MIN_REASON_LENGTH) {
    throw new Error(`${where}: the reason for suppressing ${ruleId} must be at least ${MIN_REASON_LENGTH} characters, got ${JSON.stringify(reason ?? '')}. Fix: say why the finding does not apply (it is shown in the report), for example 'vSwitch vsw-123 has IPv6 enabled, checked in the console'.`);
  }
  scope.node.addMetadata(SUPPRESSION_METADATA, { ruleId: ruleId.trim(), reason: text });
}

/** The suppressions of a construct tree: path → entries, read in one walk. @internal */
export function collectSuppressions(nodes: Iterable<IConstruct>): Map<string, Suppression[]> {
  const m = new Map<string, Suppression[]>();
  for (const node of nodes) {
    for (const entry of node.node.metadata) {
      if (entry.type !== SUPPRESSION_METADATA) continue;
      const data = entry.data as { ruleId: string; reason: string };
      let list = m.get(node.node.path);
      if (!list) m.set(node.node.path, list = []);
      list.push({ ruleId: data.ruleId, reason: data.reason, path: node.node.path });
    }
  }
  return m;
}
