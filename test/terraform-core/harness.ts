/**
 * Shared by the Terraform suites (npx projen test:terraform): find Terraform, or skip VISIBLY when it is
 * missing locally. Under CI (CI=true) a missing Terraform fails the suite instead.
 */
import { findTerraform } from '../../src/terraform/run/terraform-binary';

export const TERRAFORM = findTerraform();

/** `describe` when Terraform is there; otherwise a skipped describe and a warning on the console. */
export function describeWithTerraform(name: string, fn: () => void): void {
  if (TERRAFORM) {
    describe(name, fn);
    return;
  }
  if (process.env.CI) {
    describe(name, () => {
      test('terraform is on PATH (CI requires it)', () => {
        throw new Error('terraform was not found on PATH (nor TERRAFORM_BINARY_NAME): CI runs the Terraform suites, install Terraform 1.11.4');
      });
    });
    return;
  }
  // Straight to stderr: jest prints no console output for a suite whose tests are all skipped.
  process.stderr.write(`\nSKIPPED "${name}": terraform was not found on PATH (nor TERRAFORM_BINARY_NAME). `
    + 'Install Terraform >= 1.7 to run the Terraform suites (CI=true makes this a failure).\n');
  describe.skip(name, fn);
}

/** Seconds since `t0`, one decimal. */
export const seconds = (t0: number) => ((Date.now() - t0) / 1000).toFixed(1);
