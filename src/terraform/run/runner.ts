/**
 * Runs real Terraform on a synthesized stack, offline, with the schema-only alicloud provider: in a working
 * copy of the stack (workspace.ts) that installs the provider from the offline mirror (mirror.ts),
 * `terraform init -input=false`, then the command. Output is collected in full (no maxBuffer cut).
 */
import { ChildProcess, SpawnSyncReturns } from 'child_process';
import { spawnTerraformProcess, spawnTerraformSync } from './processes';
import { disposeWorkspace, prepareWorkspace, TerraformRunOptions, Workspace } from './workspace';

/** The result of one Terraform command. */
export interface TerraformRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The init's output when init failed (then `exitCode` is init's). */
  readonly initFailed: boolean;
  /** The working copy (removed unless `keepWorkDir`). */
  readonly workDir: string;
  /** Set when the configuration pins another alicloud version: which schema was served under it. */
  readonly versionNotice?: string;
}

const INIT_ARGS = ['init', '-input=false', '-no-color'];
const MAX_BUFFER = 1024 * 1024 * 1024;

/** The output of one process. */
export interface ProcessOutput {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

function fromSync(r: SpawnSyncReturns<string>): ProcessOutput {
  if (r.error) throw r.error;
  return { exitCode: r.status ?? (r.signal ? 128 : 1), stdout: r.stdout ?? '', stderr: (r.stderr ?? '') + (r.signal ? `\nterraform was killed by ${r.signal}\n` : '') };
}

/** Runs Terraform in the workspace, synchronously, collecting all of its output (no maxBuffer cut). */
export function execSync(ws: Workspace, args: readonly string[]): ProcessOutput {
  return fromSync(spawnTerraformSync(ws.terraform, args, { cwd: ws.workDir, env: ws.env, encoding: 'utf-8', maxBuffer: MAX_BUFFER }));
}

/**
 * Runs Terraform in the workspace, collecting all of its output. Output is read until both pipes close,
 * so megabytes of stdout (`providers schema -json`) arrive whole.
 */
export function exec(ws: Workspace, args: readonly string[]): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawnTerraformProcess(ws.terraform, args, { cwd: ws.workDir, env: ws.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({
      exitCode: code ?? (signal ? 128 : 1),
      stdout: Buffer.concat(out).toString('utf-8'),
      stderr: Buffer.concat(err).toString('utf-8') + (signal ? `\nterraform was killed by ${signal}\n` : ''),
    }));
  });
}

/**
 * `terraform init`, then each command in turn in the same working copy (so `plan -out=p` then
 * `show -json p` work), stopping at the first that fails. One run per command that ran.
 */
export async function runSequence(
  stackDir: string, commands: ReadonlyArray<readonly string[]>, options: TerraformRunOptions = {},
): Promise<TerraformRun[]> {
  const ws = prepareWorkspace(stackDir, options);
  try {
    const init = await exec(ws, INIT_ARGS);
    const notice = ws.versionNotice ? { versionNotice: ws.versionNotice } : {};
    if (init.exitCode !== 0) return [{ ...init, initFailed: true, workDir: ws.workDir, ...notice }];
    const runs: TerraformRun[] = [];
    for (const args of commands) {
      const r = await exec(ws, args);
      runs.push({ ...r, initFailed: false, workDir: ws.workDir, ...notice });
      if (r.exitCode !== 0) break;
    }
    return runs;
  } finally {
    disposeWorkspace(ws);
  }
}

/** `terraform init` + `terraform <args>` on a copy of the stack, offline. */
export async function runTerraform(stackDir: string, args: readonly string[], options: TerraformRunOptions = {}): Promise<TerraformRun> {
  const runs = await runSequence(stackDir, [args], options);
  return runs[runs.length - 1];
}

/** The synchronous {@link runTerraform}. */
export function runTerraformSync(stackDir: string, args: readonly string[], options: TerraformRunOptions = {}): TerraformRun {
  const ws = prepareWorkspace(stackDir, options);
  try {
    const notice = ws.versionNotice ? { versionNotice: ws.versionNotice } : {};
    const init = execSync(ws, INIT_ARGS);
    if (init.exitCode !== 0) return { ...init, initFailed: true, workDir: ws.workDir, ...notice };
    return { ...execSync(ws, args), initFailed: false, workDir: ws.workDir, ...notice };
  } finally {
    disposeWorkspace(ws);
  }
}

/** `terraform init` in the workspace (output collected). */
export function initWorkspace(ws: Workspace): Promise<ProcessOutput> {
  return exec(ws, INIT_ARGS);
}
