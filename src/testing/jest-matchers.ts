/**
 * The TypeScript declarations of the package's jest matchers, merged into `jest.Matchers` (from
 * `@types/jest`). This module has no code. The package's main `index.d.ts` imports it, so any test file that
 * imports `cdktf-alicloud-ipv6` sees the matchers, with the matchers registered from a plain `setup.js`.
 * A test that does not import the package can add `import 'cdktf-alicloud-ipv6';` (or name the module in
 * tsconfig `types`).
 */
import type { Ipv6FindingQuery } from './ipv6-finding-query';
import type { Ipv6CheckLevel, Ipv6CheckStatus } from '../rules/types';

/**
 * Options of `toHaveIpv6Finding`: an `Ipv6FindingQuery` whose `message` may also be a regular expression, and
 * whose level and status may be given as the enum or as its string (`'error'`, `'suppressed'`).
 */
export type Ipv6FindingMatcherOptions = Omit<Ipv6FindingQuery, 'message' | 'level' | 'status'> & {
  /** A substring of the finding's message (or fix), or a regular expression tested against `[ID] message. Fix: fix.` */
  readonly message?: string | RegExp;
  /** The finding's level. */
  readonly level?: Ipv6CheckLevel | `${Ipv6CheckLevel}`;
  /** The finding's status; by default non-compliant or not verifiable. */
  readonly status?: Ipv6CheckStatus | `${Ipv6CheckStatus}`;
};

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // Type parameters must match @types/jest's `Matchers<R, T = {}>` for the declarations to merge.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /**
       * Passes when the synthesized stack (the JSON text of `Testing.synth` / `Testing.synthScope`, the text
       * of `cdk.tf.json`, the parsed object, or the path of a stack folder or `cdk.tf.json`) would pass
       * `cdktf synth` and the provider schema: no error-level IPv6 rule-pack finding (`ALI-IPV6-*`, not
       * suppressed) and no error-level `AlicloudConfigChecker` finding. Warnings do not fail it. The failure
       * message names each rule ID, the construct path and the message. A stack synthesized in another
       * process is judged when the matcher runs (see `AlicloudJest`); when it cannot be judged, the matcher
       * fails, also with `.not`.
       */
      toBeValidAlicloudConfig(): R;
      /**
       * Passes when the synthesized stack (the JSON text of `Testing.synth` / `Testing.synthScope`, the text
       * of `cdk.tf.json`, the parsed object, or the path of a stack folder or `cdk.tf.json`) would pass
       * `cdktf synth` and the provider schema: no error-level IPv6 rule-pack finding (`ALI-IPV6-*`, not
       * suppressed) and no error-level `AlicloudPlanChecker` finding. Warnings do not fail it. The failure
       * message names each rule ID, the construct path and the message. A stack synthesized in another
       * process is judged when the matcher runs (see `AlicloudJest`); when it cannot be judged, the matcher
       * fails, also with `.not`.
       * The same checks as `toBeValidAlicloudConfig()`, its new name; the failure message keeps the old
       * wording ("a valid alicloud plan").
       *
       * @deprecated use `toBeValidAlicloudConfig()`: it checks the synthesized configuration, not a
       * `terraform show -json` plan.
       */
      toBeValidAlicloudPlan(): R;
      /**
       * Passes when the IPv6 rule pack reported a finding of `ruleId` (for example `ALI-IPV6-002`) on the
       * synthesized stack, matching `options`. By default only reported findings match (non-compliant or
       * "cannot verify", at error, warning or info level); set `status: Ipv6CheckStatus.SUPPRESSED` to
       * expect a suppressed one. Takes the same inputs as `toBeValidAlicloudConfig`; when the input cannot be
       * judged, the matcher fails, also with `.not`.
       */
      toHaveIpv6Finding(ruleId: string, options?: Ipv6FindingMatcherOptions): R;
      /**
       * Passes when `terraform validate` (real Terraform, offline, with the package's schema-only
       * alicloud provider) finds no errors in the stack folder, or in every stack of the synth output
       * folder that `Testing.fullSynth` returns; fails with Terraform's diagnostics. Needs terraform on
       * PATH (or TERRAFORM_BINARY_NAME).
       */
      toPassTerraformValidate(): R;
    }
  }
}
