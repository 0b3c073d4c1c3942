/**
 * Jest matcher `toBeValidAlicloudPlan()` for synthesized stacks. Not part of the jsii API (jsii cannot
 * express jest types); TypeScript users import it from `cdktf-alicloud-ipv6/lib/testing/jest`:
 *
 *   // jest setupFilesAfterEnv file
 *   import { setupAlicloudJest } from 'cdktf-alicloud-ipv6/lib/testing/jest';
 *   setupAlicloudJest();
 *
 *   // a test
 *   expect(Testing.synth(stack)).toBeValidAlicloudPlan();
 *   expect(Testing.fullSynth(stack)).toPassTerraformValidate();   // real Terraform, offline
 */
import { AlicloudPlanChecker } from './plan-checker';
import { OfflineTerraform, TerraformDiagnosticSeverity, TerraformValidateResult } from './terraform';
import { PlanFinding, PlanFindingLevel } from '../schema/findings';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    // Type parameters must match @types/jest's `Matchers<R, T = {}>` for the declarations to merge.
    // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
    interface Matchers<R, T = {}> {
      /**
       * Passes when the synthesized stack (JSON text from `Testing.synth`, or the parsed object) has no
       * error-level findings from `AlicloudPlanChecker`; fails with the formatted findings.
       */
      toBeValidAlicloudPlan(): R;
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

/** What jest's `expect.extend` needs back from a matcher. */
export interface AlicloudMatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/**
 * The matcher function: `expect(received).toBeValidAlicloudPlan()`. `received` is the synthesized
 * JSON text or the parsed document.
 */
export function toBeValidAlicloudPlan(this: { readonly isNot?: boolean } | void, received: unknown): AlicloudMatcherResult {
  let findings: PlanFinding[];
  try {
    findings = typeof received === 'string' ? AlicloudPlanChecker.check(received) : AlicloudPlanChecker.checkObject(received);
  } catch (e) {
    return { pass: false, message: () => `expected a synthesized Terraform JSON stack: ${(e as Error).message}` };
  }
  const errors = findings.filter((f) => f.level === PlanFindingLevel.ERROR);
  return errors.length === 0
    ? { pass: true, message: () => 'expected the stack to violate the alicloud provider schema, but the plan checker found no errors' }
    : {
      pass: false,
      message: () => `expected a valid alicloud plan, but the plan checker found ${errors.length} error(s):\n${AlicloudPlanChecker.format(errors)}`,
    };
}

/**
 * The matcher function: `expect(dir).toPassTerraformValidate()`. `dir` is a synthesized stack folder
 * (`cdktf.out/stacks/<stack>`) or a synth output folder (what `Testing.fullSynth` returns).
 */
export function toPassTerraformValidate(this: { readonly isNot?: boolean } | void, received: unknown): AlicloudMatcherResult {
  if (typeof received !== 'string') {
    return { pass: false, message: () => `expected a stack folder or a synth output folder (a path), got ${typeof received}` };
  }
  let results: TerraformValidateResult[];
  try {
    results = OfflineTerraform.validateSynthOutput(received);
  } catch (e) {
    return { pass: false, message: () => `could not run terraform validate on ${received}: ${(e as Error).message}` };
  }
  if (results.length === 0) return { pass: false, message: () => `no stack folder found in ${received}` };
  const failed = results.filter((r) => !r.valid);
  const names = results.map((r) => r.stackDir).join(', ');
  return failed.length === 0
    ? { pass: true, message: () => `expected terraform validate to fail, but ${names} ${results.length === 1 ? 'is' : 'are'} valid` }
    : {
      pass: false,
      message: () => failed.map((r) => {
        const errors = r.diagnostics.filter((d) => d.severity === TerraformDiagnosticSeverity.ERROR);
        return `terraform validate found ${errors.length} error(s) in ${r.stackDir}:\n${OfflineTerraform.format(r.diagnostics)}`;
      }).join('\n\n'),
    };
}

/**
 * Registers `toBeValidAlicloudPlan` and `toPassTerraformValidate` with jest's global `expect`. Call it once from a
 * `setupFilesAfterEnv` file.
 */
export function setupAlicloudJest(): void {
  const jestExpect = (globalThis as { expect?: { extend?: (matchers: object) => void } }).expect;
  if (typeof jestExpect?.extend !== 'function') {
    throw new Error('setupAlicloudJest() must run inside jest (for example from a setupFilesAfterEnv file): no global expect.extend');
  }
  jestExpect.extend({ toBeValidAlicloudPlan, toPassTerraformValidate });
}
