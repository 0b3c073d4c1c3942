/**
 * Reading the IPv6 rule pack's findings of a synthesized document, for the jest matchers.
 * @internal
 */
import type { Ipv6FindingMatcherOptions } from './jest-matchers';
import { annotationText, isReported } from '../rules/engine';
import { Ipv6CheckFinding, Ipv6CheckLevel, Ipv6CheckStatus } from '../rules/types';

/** A query whose message may be a regular expression (TypeScript callers): the matcher's options. @internal */
export type Ipv6FindingFilter = Ipv6FindingMatcherOptions;

/** The findings that fail `cdktf synth` (error annotations). @internal */
export function isSynthError(f: Ipv6CheckFinding): boolean {
  return isReported(f) && f.level === Ipv6CheckLevel.ERROR;
}

/** Whether a finding matches a rule ID and query. @internal */
export function matchesFinding(f: Ipv6CheckFinding, ruleId: string, query: Ipv6FindingFilter = {}): boolean {
  if (f.ruleId !== ruleId) return false;
  if (query.status !== undefined ? f.status !== query.status : !isReported(f)) return false;
  if (query.level !== undefined && f.level !== query.level) return false;
  if (query.path !== undefined && f.constructPath !== query.path && !f.constructPath.endsWith(`/${query.path}`)) return false;
  if (query.message !== undefined) {
    const text = annotationText(f);
    if (typeof query.message === 'string' ? !text.includes(query.message) : !query.message.test(text)) return false;
  }
  return true;
}

/** One line per finding: `ERROR   stack/Web [ALI-IPV6-002] <message>. Fix: <fix>.` @internal */
export function formatIpv6Findings(findings: readonly Ipv6CheckFinding[]): string {
  if (findings.length === 0) return '  (none)';
  return findings.map((f) => {
    const level = f.status === Ipv6CheckStatus.SUPPRESSED ? `SUPPRESSED ${f.level}` : f.level.toUpperCase().padEnd(7);
    const suppressed = f.status === Ipv6CheckStatus.SUPPRESSED ? ` (suppressed at ${f.suppressedAt}: ${f.suppressionReason})` : '';
    const notVerifiable = f.status === Ipv6CheckStatus.NOT_VERIFIABLE ? ' (cannot verify at synth)' : '';
    return `  ${level} ${f.constructPath} ${annotationText(f)}${notVerifiable}${suppressed}`;
  }).join('\n');
}
