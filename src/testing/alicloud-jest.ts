import { Ipv6FindingQuery } from './ipv6-finding-query';
import { matchesFinding } from './ipv6-findings';
import { setupAlicloudJest } from './jest';
import { Ipv6Checks } from '../rules/ipv6-checks';
import { Ipv6CheckFinding } from '../rules/types';

/**
 * The package's jest matchers for synthesized stacks, and their setup.
 *
 * Register them once from a jest `setupFilesAfterEnv` file, a `setup.js` as cdktf's own template uses, or a
 * `setup.ts`: `setupAlicloudJest()` (or `AlicloudJest.setup()`), next to cdktf's `Testing.setupJest()`.
 * TypeScript sees the matchers in every test file that imports `cdktf-alicloud-ipv6` (the package's
 * `index.d.ts` carries the `jest.Matchers` declarations); no other import is needed.
 *
 * - `expect(Testing.synth(stack)).toBeValidAlicloudConfig()`: fails where `cdktf synth` fails. It fails on
 *   an error-level IPv6 rule-pack finding that no `Ipv6Checks.suppress` covers (naming the rule ID, the
 *   construct path and the message), and on an error-level `AlicloudConfigChecker` finding (the alicloud
 *   1.289.0 provider schema). Warnings do not fail it. Its former name `toBeValidAlicloudPlan()` still works
 *   (deprecated): the same checks. `Testing.synth` itself does not throw on the
 *   pack's errors: they are annotations, which only `app.synth()` and the CLI turn into a failure.
 * - `expect(Testing.synth(stack)).toHaveIpv6Finding('ALI-IPV6-002', { path: 'Web', level: Ipv6CheckLevel.ERROR })`:
 *   the pack reported that finding (see `Ipv6FindingQuery`; the message may also be a RegExp). With
 *   `{ status: Ipv6CheckStatus.SUPPRESSED }` it checks a suppression; `.not` checks that a rule stays quiet.
 * - `expect(Testing.fullSynth(stack)).toPassTerraformValidate()`: real `terraform validate`, offline, with
 *   the package's schema-only alicloud provider (needs terraform on PATH), see `OfflineTerraform`.
 *
 * The matchers take the JSON text, the parsed object, a stack folder or a `cdk.tf.json` path. They read the
 * pack's findings recorded when the stack was synthesized in the same process; otherwise the pack judges the
 * document when the matcher runs, with the options and suppressions synth wrote beside `cdk.tf.json`
 * (`ipv6-checks-context.json`) for a path, and without them for text, which the failure message says
 * (`Ipv6Checks.findingsOfSynthesized`). When the pack cannot judge the input, a matcher fails, also with
 * `.not`. The synthesized text and a snapshot of it are unchanged.
 *
 * @example
 * // setup.js (jest setupFilesAfterEnv)
 * const { Testing } = require('cdktf');
 * const { setupAlicloudJest } = require('cdktf-alicloud-ipv6');
 * Testing.setupJest();
 * setupAlicloudJest();
 *
 * // web.test.ts
 * const synthesized = Testing.synth(stack);
 * expect(synthesized).toMatchSnapshot();
 * expect(synthesized).toBeValidAlicloudConfig();
 * expect(synthesized).not.toHaveIpv6Finding('ALI-IPV6-008');
 */
export class AlicloudJest {
  /**
   * Registers `toBeValidAlicloudConfig` (and its deprecated alias `toBeValidAlicloudPlan`), `toHaveIpv6Finding`
   * and `toPassTerraformValidate` with jest's global `expect`; the same as the function `setupAlicloudJest()`.
   * Call it from a `setupFilesAfterEnv` file.
   *
   * @throws when called outside jest (no global `expect.extend`)
   */
  public static setup(): void {
    setupAlicloudJest();
  }

  /**
   * The IPv6 rule-pack findings of a synthesized document that match a rule ID and a query: what
   * `toHaveIpv6Finding(ruleId, query)` looks for, for test runners other than jest.
   *
   * @param synthesized the JSON text of `Testing.synth(stack)` / `Testing.synthScope(...)` or of `cdk.tf.json`, or the path of a synthesized stack folder or `cdk.tf.json`
   * @param ruleId the rule's ID, for example `ALI-IPV6-002` (`Ipv6RuleId.INSTANCE_FAMILY`)
   * @param query path, level, status and message to match
   * @returns the matching findings (empty when there is none)
   * @throws when the rule pack cannot judge the input (see `Ipv6Checks.findingsOfSynthesized`)
   */
  public static findIpv6Findings(synthesized: string, ruleId: string, query: Ipv6FindingQuery = {}): Ipv6CheckFinding[] {
    return Ipv6Checks.findingsOfSynthesized(synthesized).filter((f) => matchesFinding(f, ruleId, query));
  }

  private constructor() {}
}
