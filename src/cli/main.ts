#!/usr/bin/env node
/**
 * The `cdktf-alicloud-ipv6` executable (package.json `bin`). Commands: commands.ts.
 * The exit code is set, not forced with process.exit(): Terraform's output may be megabytes on a pipe,
 * and exiting early would cut it.
 *
 * SIGINT or SIGTERM: Terraform is stopped (and its plugins with it), the temporary copies are removed,
 * one line says so on stderr, and the exit code is 128 + the signal's number (130, 143). A second signal
 * while stopping kills Terraform at once.
 */
import { runCli } from './commands';
import { interruptedBy, killTerraformProcesses, stopTerraformProcesses } from '../terraform/run/processes';
import { removeTemporaryFiles } from '../terraform/run/workspace';

const EXIT_BY_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (interruptedBy()) {
      killTerraformProcesses();
      return;
    }
    void stopTerraformProcesses(sig).finally(() => {
      removeTemporaryFiles();
      process.stderr.write(`cdktf-alicloud-ipv6: interrupted by ${sig}: Terraform stopped, temporary files removed\n`);
      process.exit(EXIT_BY_SIGNAL[sig]);
    });
  });
}

// Once interrupted, what the command would still print (a stack reported as failed because its Terraform
// was stopped) is left out: the interrupt line is the last word.
const unlessInterrupted = (write: (t: string) => void) => (t: string) => {
  if (!interruptedBy()) write(t);
};

runCli(process.argv.slice(2), {
  out: unlessInterrupted((t) => process.stdout.write(t)),
  err: unlessInterrupted((t) => process.stderr.write(t)),
}).then((code) => {
  if (!interruptedBy()) process.exitCode = code;
}, (e) => {
  if (interruptedBy()) return;
  process.stderr.write(`cdktf-alicloud-ipv6: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
