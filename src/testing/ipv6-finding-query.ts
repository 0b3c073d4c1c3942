import { Ipv6CheckLevel, Ipv6CheckStatus } from '../rules/types';

/**
 * Which IPv6 rule-pack findings `toHaveIpv6Finding(ruleId, query)` (and `AlicloudJest.findIpv6Findings`)
 * looks for, besides the rule ID. Every field that is set must match.
 */
export interface Ipv6FindingQuery {
  /**
   * The construct path the finding is reported at (`Ipv6CheckFinding.constructPath`), in full
   * (`stack/Web`) or as its trailing segments (`Web`, `Vpc/Resource`).
   * @default - any path
   */
  readonly path?: string;
  /**
   * The finding's level.
   * @default - any level except `off`
   */
  readonly level?: Ipv6CheckLevel;
  /**
   * The finding's status. `SUPPRESSED` finds a finding covered by `Ipv6Checks.suppress`.
   * @default - non-compliant or not verifiable (what `cdktf synth` reports)
   */
  readonly status?: Ipv6CheckStatus;
  /**
   * A substring of the finding's message or fix.
   * @default - any message
   */
  readonly message?: string;
}
