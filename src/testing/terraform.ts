/**
 * Real Terraform on synthesized stacks, offline: `terraform validate` through the package's schema-only
 * alicloud 1.289.0 provider (src/terraform/plugin, run by src/terraform/run). Terraform core decodes the
 * configuration against the provider's schema and checks every expression, reference, type conversion,
 * meta-argument and block.
 */
import * as fs from 'fs';
import * as path from 'path';
import { formatDiagnostic, TerraformDiagnostic } from '../terraform/run/diagnostics';
import { findTerraform } from '../terraform/run/terraform-binary';

/**
 * The Terraform runner and its workspace (mirror, plugin entry, processes), loaded when a Terraform command runs, not
 * when the library loads: a user who only synthesizes does not pay for them (bench:startup).
 */
function runner(): typeof import('../terraform/run/validate') & typeof import('../terraform/run/workspace') {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return { ...require('../terraform/run/validate'), ...require('../terraform/run/workspace') };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

// The driver's diagnostics are the testing API's: one shape, passed through as Terraform reported them.
export { TerraformDiagnosticSeverity } from '../terraform/run/diagnostics';
export type { TerraformDiagnostic } from '../terraform/run/diagnostics';

/** What `terraform validate` said about one stack folder. */
export interface TerraformValidateResult {
  /** The stack folder that was validated. */
  readonly stackDir: string;
  /** True when Terraform found no errors. */
  readonly valid: boolean;
  /** Every error and warning. */
  readonly diagnostics: TerraformDiagnostic[];
}

/** Options of {@link OfflineTerraform}. */
export interface OfflineTerraformOptions {
  /**
   * The Terraform binary: a path, or a name looked up on PATH.
   * @default - `TERRAFORM_BINARY_NAME`, else `terraform` on PATH
   */
  readonly terraformBinary?: string;
}

/**
 * `terraform validate` on synthesized stacks, offline, with the package's schema-only alicloud provider.
 * Needs Terraform 1.7 or later on PATH (or `TERRAFORM_BINARY_NAME`); never touches `~/.terraformrc`.
 *
 * @example
 * const outdir = Testing.fullSynth(stack);
 * const results = OfflineTerraform.validateSynthOutput(outdir);
 */
export class OfflineTerraform {
  /**
   * Whether a Terraform binary can be found.
   * @param options the Terraform binary to look for
   */
  public static isAvailable(options: OfflineTerraformOptions = {}): boolean {
    return findTerraform(options.terraformBinary) !== undefined;
  }

  /**
   * Runs `terraform init` and `terraform validate` on a copy of one synthesized stack folder
   * (`cdktf.out/stacks/<stack>`, the folder holding `cdk.tf.json`).
   * @param stackDir the synthesized stack folder
   * @param options the Terraform binary to use
   */
  public static validate(stackDir: string, options: OfflineTerraformOptions = {}): TerraformValidateResult {
    const outcome = runner().validateStackSync(stackDir, { terraformBinary: options.terraformBinary });
    return { stackDir, valid: outcome.valid, diagnostics: outcome.diagnostics };
  }

  /**
   * The stack folders of a synth output folder (`cdktf.out`, or the folder `Testing.fullSynth` returns):
   * `stacks/<name>` for every stack. A folder that is itself a stack folder is returned as it is.
   * @param dir a synth output folder, or a stack folder
   */
  public static stackDirs(dir: string): string[] {
    const { hasTerraformConfig } = runner();
    if (hasTerraformConfig(dir)) return [dir];
    const stacks = path.join(dir, 'stacks');
    if (!fs.existsSync(stacks)) throw new Error(`${dir} is neither a stack folder (no *.tf.json) nor a synth output folder (no stacks/)`);
    return fs.readdirSync(stacks).sort().map((n) => path.join(stacks, n)).filter((d) => fs.statSync(d).isDirectory() && hasTerraformConfig(d));
  }

  /**
   * {@link OfflineTerraform.validate} on every stack of a synth output folder (or on one stack folder).
   * @param dir a synth output folder (what `Testing.fullSynth` returns), or a stack folder
   * @param options the Terraform binary to use
   */
  public static validateSynthOutput(dir: string, options: OfflineTerraformOptions = {}): TerraformValidateResult[] {
    return OfflineTerraform.stackDirs(dir).map((d) => OfflineTerraform.validate(d, options));
  }

  /**
   * The diagnostics as Terraform words them, one block each, with file and line.
   * @param diagnostics diagnostics from `validate` or `validateSynthOutput`
   */
  public static format(diagnostics: TerraformDiagnostic[]): string {
    return diagnostics.map(formatDiagnostic).join('\n\n');
  }
}

/** `terraform validate` on one synthesized stack folder, offline: its diagnostics (empty when it is valid and clean). */
export function terraformValidate(stackDir: string, options: OfflineTerraformOptions = {}): TerraformDiagnostic[] {
  return OfflineTerraform.validate(stackDir, options).diagnostics;
}
