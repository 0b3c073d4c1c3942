/**
 * Suppressions: stored as node metadata on the construct they are added to (a resource, a construct
 * around it, or a stack), each with its reason. A suppression on a scope covers every resource under it.
 * This file is the construct-free part (the record, the IDs, the lookup), which the `check` command shares;
 * adding and reading the metadata on a construct tree is construct-suppressions.ts.
 * @internal
 */
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
