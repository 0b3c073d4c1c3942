/**
 * Suppressions: stored as node metadata on the construct they are added to (a resource, a construct
 * around it, or a stack), each with its reason. A suppression on a scope covers every resource under it.
 * @internal
 */
import { IConstruct } from 'constructs';
import { Ipv6RuleId } from './types';

/** Metadata type of a suppression entry. @internal */
export const SUPPRESSION_METADATA = 'cdktf-alicloud-ipv6/ipv6-checks-suppression';
/** The rule ID that suppresses every rule. @internal */
export const ALL_RULES_ID = '*';
/** Shortest accepted reason, trimmed. @internal */
export const MIN_REASON_LENGTH = 10;

/** One suppression, as stored. @internal */
export interface Suppression {
  readonly ruleId: string;
  readonly reason: string;
  /** Path of the construct it was added on. */
  readonly path: string;
}

/** The rule IDs a suppression may name, and `*` (every rule). @internal */
export const KNOWN_IDS: ReadonlySet<string> = new Set<string>([...Object.values(Ipv6RuleId), ALL_RULES_ID]);

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

/** The suppression covering `ruleId` on the construct at `path` (the nearest scope wins), if any. @internal */
export function findSuppression(index: ReadonlyMap<string, Suppression[]>, path: string, ruleId: string): Suppression | undefined {
  if (index.size === 0) return undefined;
  const parts = path.split('/');
  for (let i = parts.length; i >= 0; i--) {
    const list = index.get(parts.slice(0, i).join('/'));
    const hit = list?.find((s) => s.ruleId === ruleId) ?? list?.find((s) => s.ruleId === ALL_RULES_ID);
    if (hit) return hit;
  }
  return undefined;
}
