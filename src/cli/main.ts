#!/usr/bin/env node
/**
 * The `cdktf-alicloud-ipv6` executable (package.json `bin`). Commands: commands.ts.
 * The exit code is set, not forced with process.exit(): Terraform's output may be megabytes on a pipe,
 * and exiting early would cut it.
 */
import { runCli } from './commands';

runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}).then((code) => {
  process.exitCode = code;
}, (e) => {
  process.stderr.write(`cdktf-alicloud-ipv6: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
