/**
 * The commands of the `cdktf-alicloud-ipv6` executable. Each is one entry of {@link COMMANDS}: a new
 * command is a new entry (main.ts only dispatches).
 */
import { CHECK_USAGE, CheckUsageError, runCheck } from './check';
import { mapLimit } from '../core/map-limit';
import { formatDiagnostic, TerraformDiagnosticSeverity } from '../terraform/run/diagnostics';
import { spawnTerraformProcess } from '../terraform/run/processes';
import { initWorkspace } from '../terraform/run/runner';
import { TerraformNotFoundError } from '../terraform/run/terraform-binary';
import { validateStack } from '../terraform/run/validate';
import { disposeWorkspace, prepareWorkspace } from '../terraform/run/workspace';

/** Exit codes. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
/** A usage error, or Terraform is missing. */
export const EXIT_USAGE = 2;

/** What a command writes to. */
export interface CliIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/** One command. */
export interface CliCommand {
  /** `validate <stack-dir>...` */
  readonly usage: string;
  readonly summary: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** Raised for a bad command line: printed with the command's usage, exit 2. */
export class UsageError extends Error {}

async function validate(args: string[], io: CliIo): Promise<number> {
  const dirs = args.filter((a) => a !== '--');
  const flag = dirs.find((a) => a.startsWith('-'));
  if (flag) throw new UsageError(`unknown option ${flag}`);
  if (dirs.length === 0) throw new UsageError('give at least one synthesized stack folder, e.g. cdktf.out/stacks/ipv6-eci');
  let failed = 0;
  // Two stacks at a time (Terraform and its provider plugins are the work); reports in the order given.
  const outcomes = mapLimit(dirs, 2, async (dir) => {
    const started = Date.now();
    return { outcome: await validateStack(dir), seconds: (Date.now() - started) / 1000 };
  });
  for (const [i, dir] of dirs.entries()) {
    const { outcome, seconds } = await outcomes[i];
    const errors = outcome.diagnostics.filter((d) => d.severity === TerraformDiagnosticSeverity.ERROR);
    const warnings = outcome.diagnostics.length - errors.length;
    const w = warnings ? `${warnings} warning${warnings > 1 ? 's' : ''}` : '';
    if (outcome.valid) {
      io.out(`${dir}: valid${w ? ` (${w})` : ''}, terraform validate ${seconds.toFixed(1)} s\n`);
    } else {
      failed++;
      io.out(`${dir}: INVALID, ${errors.length} error${errors.length === 1 ? '' : 's'}${w ? `, ${w}` : ''}\n`);
    }
    if (outcome.run.versionNotice) io.out(`  note: ${outcome.run.versionNotice}\n`);
    for (const d of outcome.diagnostics) io.out(`\n${formatDiagnostic(d)}\n`);
    if (outcome.diagnostics.length > 0) io.out('\n');
  }
  if (dirs.length > 1) io.out(`${dirs.length - failed} of ${dirs.length} stacks valid\n`);
  return failed === 0 ? EXIT_OK : EXIT_FAILED;
}

async function terraform(args: string[], io: CliIo): Promise<number> {
  const sep = args.indexOf('--');
  const before = sep < 0 ? args : args.slice(0, sep);
  const tfArgs = sep < 0 ? [] : args.slice(sep + 1);
  const keep = before.includes('--keep');
  const dirs = before.filter((a) => a !== '--keep');
  const flag = dirs.find((a) => a.startsWith('-'));
  if (flag) throw new UsageError(`unknown option ${flag}`);
  if (dirs.length !== 1) throw new UsageError('give one synthesized stack folder');
  if (sep < 0 || tfArgs.length === 0) throw new UsageError('give the terraform command after --, e.g. -- plan');
  const ws = prepareWorkspace(dirs[0], { keepWorkDir: keep });
  try {
    if (ws.versionNotice) io.err(`note: ${ws.versionNotice}\n`);
    const init = await initWorkspace(ws);
    if (init.exitCode !== 0) {
      io.err(init.stdout + init.stderr);
      io.err(`terraform init failed in the offline copy of ${dirs[0]}\n`);
      return init.exitCode;
    }
    // Terraform's own output, straight through (megabytes of `providers schema -json` included).
    const code = await new Promise<number>((resolve, reject) => {
      const child = spawnTerraformProcess(ws.terraform, tfArgs, { cwd: ws.workDir, env: ws.env, stdio: ['inherit', 'inherit', 'inherit'] });
      child.on('error', reject);
      child.on('close', (c, signal) => resolve(c ?? (signal ? 128 : 1)));
    });
    if (keep) io.err(`working copy kept: ${ws.workDir}\n`);
    return code;
  } finally {
    disposeWorkspace(ws);
  }
}

/** Every command, by name. */
export const COMMANDS: Record<string, CliCommand> = {
  check: {
    usage: CHECK_USAGE,
    summary: 'the IPv6 rule pack on any Terraform: .tf/.tf.json folders, synthesized stacks, plan JSON (exit 0: clean, 1: findings at --fail-on, 2: usage or parse error)',
    run: async (args, io) => {
      try {
        return await runCheck(args, { ...io, isTty: process.stdout.isTTY === true });
      } catch (e) {
        if (e instanceof CheckUsageError) throw new UsageError(e.message);
        throw e;
      }
    },
  },
  validate: {
    usage: 'validate <stack-dir>...',
    summary: 'terraform validate each synthesized stack folder offline (exit 0: all valid, 1: not)',
    run: validate,
  },
  terraform: {
    usage: 'terraform <stack-dir> [--keep] -- <terraform args>',
    summary: 'run any terraform command (plan, test, providers schema -json, ...) on an offline copy of the stack; --keep keeps the copy',
    run: terraform,
  },
};

/** The help text. */
export function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  return [
    'Usage: cdktf-alicloud-ipv6 <command> [arguments]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    '',
    'Terraform runs offline with a schema-only aliyun/alicloud 1.289.0 provider (this package): it is found',
    'on PATH or through TERRAFORM_BINARY_NAME. Your ~/.terraformrc is not used.',
    '',
  ].join('\n');
}

/** Runs a command line (without the program name) and resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    (name ? io.out : io.err)(usage());
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`unknown command '${name}'\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\nusage: cdktf-alicloud-ipv6 ${command.usage}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof TerraformNotFoundError) {
      io.err(`${e.message}\n`);
      return EXIT_USAGE;
    }
    io.err(`cdktf-alicloud-ipv6 ${name}: ${(e as Error).message}\n`);
    return EXIT_FAILED;
  }
}
