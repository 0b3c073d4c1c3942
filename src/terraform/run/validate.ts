/**
 * `terraform validate -json` on a copy of a stack, offline, read into {@link TerraformDiagnostic}s.
 */
import { fromTerraformJson, TerraformDiagnostic, TerraformDiagnosticSeverity } from './diagnostics';
import { runTerraform, runTerraformSync, TerraformRun } from './runner';
import { TerraformRunOptions } from './workspace';

/** What `terraform validate -json` found. */
export interface ValidateOutcome {
  readonly valid: boolean;
  readonly diagnostics: TerraformDiagnostic[];
  /** Raw output, for messages. */
  readonly run: TerraformRun;
}

/** An error diagnostic that carries Terraform's whole output. */
const failure = (summary: string, run: TerraformRun): TerraformDiagnostic => (
  { severity: TerraformDiagnosticSeverity.ERROR, summary, detail: (run.stderr + run.stdout).trim() });

/** Parses `terraform validate -json` (or an init failure) into diagnostics. */
export function parseValidate(run: TerraformRun): ValidateOutcome {
  if (run.initFailed) return { valid: false, diagnostics: [failure('terraform init failed', run)], run };
  let doc: any;
  try {
    doc = JSON.parse(run.stdout);
  } catch {
    return { valid: false, diagnostics: [failure('terraform validate did not print JSON', run)], run };
  }
  const diagnostics: TerraformDiagnostic[] = (doc.diagnostics ?? []).map(fromTerraformJson);
  return { valid: doc.valid === true && run.exitCode === 0, diagnostics, run };
}

const VALIDATE_ARGS = ['validate', '-json', '-no-color'];

/** `terraform validate -json` on a copy of the stack, offline. */
export async function validateStack(stackDir: string, options: TerraformRunOptions = {}): Promise<ValidateOutcome> {
  return parseValidate(await runTerraform(stackDir, VALIDATE_ARGS, options));
}

/** The synchronous {@link validateStack}. */
export function validateStackSync(stackDir: string, options: TerraformRunOptions = {}): ValidateOutcome {
  return parseValidate(runTerraformSync(stackDir, VALIDATE_ARGS, options));
}
