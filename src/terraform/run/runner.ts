/**
 * Runs real Terraform on a synthesized stack, offline, with the schema-only alicloud provider.
 *
 * - A filesystem mirror in a temp folder holds
 *   `registry.terraform.io/aliyun/alicloud/1.289.0/<os>_<arch>/terraform-provider-alicloud_v1.289.0`,
 *   a shell script that execs node on the plugin (plugin-entry.ts says which file).
 * - A CLI config of our own (`TF_CLI_CONFIG_FILE`) installs alicloud from that mirror only. The user's
 *   `~/.terraformrc` is never read nor written.
 * - Terraform runs in a copy of the stack folder (without `.terraform/`, the lock file and state files),
 *   with an override file that makes the backend local: `terraform init -input=false`, then the command.
 * - Terraform is `TERRAFORM_BINARY_NAME` (as for cdktf) or `terraform` on PATH.
 * Output is collected in full (no maxBuffer cut) or passed straight through.
 *
 * Both temp folders are new `mkdtemp` folders (mode 0700, unpredictable names) and nothing in them has
 * group/other permission bits: the plugin script is 0700, the other files 0600, the copy's modes are
 * stripped, and Terraform runs with umask 077 (processes.ts). They are removed when the run ends, and at
 * the latest when the process exits (an interrupted command line removes them before it exits).
 */
import { ChildProcess, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { defaultPluginEntry } from './plugin-entry';
import { InterruptedError, interruptedBy, spawnTerraformProcess, spawnTerraformSync } from './processes';
import { freshPrivateDir, stripGroupOtherBits, writePrivateFile } from '../../core/private-dir';
import { PROVIDER_ADDRESS, PROVIDER_VERSION } from '../../schema/pack';

/** Raised when no Terraform binary can be found. */
export class TerraformNotFoundError extends Error {
  constructor(public readonly looked: string) {
    super(`Terraform was not found (${looked}). Install Terraform 1.7 or later (this project uses 1.11.4) `
      + 'from the HashiCorp releases or your package manager and put it on PATH, or set TERRAFORM_BINARY_NAME to its path.');
    this.name = 'TerraformNotFoundError';
  }
}

/** Options of the offline runs. */
export interface OfflineTerraformOptions {
  /** The Terraform binary: a path, or a name looked up on PATH. Default: `TERRAFORM_BINARY_NAME`, else `terraform`. */
  readonly terraformBinary?: string;
  /** The plugin's JavaScript entry point. Default: see plugin-entry.ts. */
  readonly pluginEntry?: string;
  /** Extra environment for Terraform (and so the plugin). */
  readonly env?: Record<string, string>;
  /** Keep the working copy (for debugging); its path is in the result. */
  readonly keepWorkDir?: boolean;
  /** Files to write into the working copy before init, by name (e.g. a `*.tftest.hcl`). */
  readonly extraFiles?: Record<string, string>;
}

/** The result of one Terraform command. */
export interface TerraformRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The init's output when init failed (then `exitCode` is init's). */
  readonly initFailed: boolean;
  /** The working copy (removed unless `keepWorkDir`). */
  readonly workDir: string;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The Terraform binary's path, or undefined when there is none. */
export function findTerraform(binary?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const name = binary ?? (env.TERRAFORM_BINARY_NAME || 'terraform');
  if (name.includes('/') || name.includes(path.sep)) return isExecutable(name) ? path.resolve(name) : undefined;
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir && isExecutable(path.join(dir, name))) return path.join(dir, name);
  }
  return undefined;
}

/** Like {@link findTerraform}, or throws {@link TerraformNotFoundError}. */
export function requireTerraform(binary?: string, env: NodeJS.ProcessEnv = process.env): string {
  const found = findTerraform(binary, env);
  if (!found) {
    const name = binary ?? (env.TERRAFORM_BINARY_NAME || 'terraform');
    throw new TerraformNotFoundError(binary || env.TERRAFORM_BINARY_NAME ? `looked for '${name}'` : 'looked for \'terraform\' on PATH; TERRAFORM_BINARY_NAME is not set');
  }
  return found;
}

/** Terraform's platform name for this machine, e.g. `linux_amd64`. */
export function terraformPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `${platform}_${arch[process.arch] ?? process.arch}`;
}

const shellQuote = (s: string) => `'${s.replace(/'/g, '\'\\\'\'')}'`;
const hclString = (s: string) => JSON.stringify(s);

/** The mirror and CLI config, made once per process and plugin entry (removed at exit). */
interface Installation {
  readonly dir: string;
  readonly cliConfigFile: string;
  readonly executable: string;
}

const installations = new Map<string, Installation>();

/**
 * Writes (once per process) the filesystem mirror holding the plugin executable and a CLI config that
 * installs alicloud from it.
 */
export function offlineInstallation(pluginEntry: string = defaultPluginEntry()): Installation {
  const known = installations.get(pluginEntry);
  if (known && fs.existsSync(known.executable)) return known;
  if (process.platform === 'win32') throw new Error('offline provider: the plugin executable is a shell script; Windows is not supported (use WSL)');
  const dir = freshPrivateDir('cdktf-alicloud-tf-');
  const mirror = path.join(dir, 'mirror');
  const pkgDir = path.join(mirror, PROVIDER_ADDRESS, PROVIDER_VERSION, terraformPlatform());
  fs.mkdirSync(pkgDir, { recursive: true, mode: 0o700 });
  const executable = path.join(pkgDir, `terraform-provider-alicloud_v${PROVIDER_VERSION}`);
  writePrivateFile(executable, `#!/bin/sh\n# cdktf-alicloud-ipv6: the offline, schema-only alicloud provider.\nexec ${shellQuote(process.execPath)} ${shellQuote(pluginEntry)} "$@"\n`, true);
  const cliConfigFile = path.join(dir, 'terraform.rc');
  writePrivateFile(cliConfigFile, [
    '# Written by cdktf-alicloud-ipv6: install aliyun/alicloud from the offline provider mirror only.',
    'provider_installation {',
    '  filesystem_mirror {',
    `    path    = ${hclString(mirror)}`,
    `    include = [${hclString(PROVIDER_ADDRESS)}]`,
    '  }',
    '}',
    '',
  ].join('\n'));
  const inst = { dir, cliConfigFile, executable };
  installations.set(pluginEntry, inst);
  return inst;
}

/** Working copies not yet disposed (removed at exit, unless kept). */
const liveWorkDirs = new Set<string>();

/**
 * Removes every temporary folder of this process now: the mirrors and CLI configs, and the working copies
 * not asked to be kept. Also done at exit.
 */
export function removeTemporaryFiles(): void {
  for (const inst of installations.values()) fs.rmSync(inst.dir, { recursive: true, force: true });
  installations.clear();
  for (const dir of liveWorkDirs) fs.rmSync(dir, { recursive: true, force: true });
  liveWorkDirs.clear();
}

process.once('exit', removeTemporaryFiles);

/** The name of the override file written into the working copy. */
export const BACKEND_OVERRIDE_FILE = 'zz_cdktf_alicloud_offline_override.tf.json';

const SKIPPED = new Set(['.terraform', '.terraform.lock.hcl']);
const isState = (name: string) => /\.tfstate(\.backup)?$/.test(name) || name === 'terraform.tfstate.d';

/** Whether a folder holds Terraform configuration (`*.tf.json` or `*.tf` entries). @internal */
export function hasTerraformConfig(dir: string): boolean {
  return fs.readdirSync(dir).some((n) => n.endsWith('.tf.json') || n.endsWith('.tf'));
}

/**
 * Copies a stack folder to a new temp folder (no `.terraform/`, lock file or state), adds the backend
 * override and the extra files, and returns the copy's path.
 */
export function copyStack(stackDir: string, extraFiles: Record<string, string> = {}): string {
  const src = path.resolve(stackDir);
  if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) throw new Error(`not a stack folder: ${stackDir}`);
  if (!hasTerraformConfig(src)) throw new Error(`no Terraform configuration (*.tf.json, *.tf) in ${stackDir}: pass a synthesized stack folder such as cdktf.out/stacks/<stack>`);
  const work = freshPrivateDir('cdktf-alicloud-stack-');
  fs.cpSync(src, work, {
    recursive: true,
    filter: (from) => {
      const rel = path.relative(src, from);
      const top = rel.split(path.sep)[0];
      return rel === '' || (!SKIPPED.has(top) && !isState(path.basename(from)));
    },
  });
  // The copy keeps the stack's modes: take the group/other bits away (the folder is 0700 all the same).
  stripGroupOtherBits(work);
  // Offline, the state lives in the copy whatever backend the stack names (OSS, S3, ...).
  writePrivateFile(path.join(work, BACKEND_OVERRIDE_FILE), JSON.stringify({ terraform: { backend: { local: { path: 'terraform.tfstate' } } } }, null, 2) + '\n');
  for (const [name, text] of Object.entries(extraFiles)) {
    fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true, mode: 0o700 });
    writePrivateFile(path.join(work, name), text);
  }
  return work;
}

/** Whether the stack names a backend (then the override file replaces it; otherwise it must not be written). */
function stackHasBackend(workDir: string): boolean {
  return fs.readdirSync(workDir).filter((n) => n.endsWith('.tf.json') && n !== BACKEND_OVERRIDE_FILE).some((n) => {
    try {
      return !!JSON.parse(fs.readFileSync(path.join(workDir, n), 'utf-8'))?.terraform?.backend;
    } catch {
      return false;
    }
  });
}

/** The environment Terraform runs with. */
export function terraformEnv(inst: Installation, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) {
    // The user's plugin cache and extra CLI arguments would change what runs here.
    if (k === 'TF_PLUGIN_CACHE_DIR' || k.startsWith('TF_CLI_ARGS') || k === 'TF_DATA_DIR' || k === 'TF_WORKSPACE') delete env[k];
  }
  return { ...env, TF_CLI_CONFIG_FILE: inst.cliConfigFile, CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0', ...extra };
}

/** A prepared working copy: where to run, and how. */
export interface Workspace {
  readonly terraform: string;
  readonly workDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly keep: boolean;
}

/** Finds Terraform, writes the mirror and copies the stack. */
export function prepareWorkspace(stackDir: string, options: OfflineTerraformOptions = {}): Workspace {
  // Once interrupted, no new copy is made (the command line is about to remove them all and exit).
  const stopping = interruptedBy();
  if (stopping) throw new InterruptedError(stopping);
  const terraform = requireTerraform(options.terraformBinary);
  const inst = offlineInstallation(options.pluginEntry ?? defaultPluginEntry());
  const workDir = copyStack(stackDir, options.extraFiles);
  const keep = options.keepWorkDir === true;
  if (!keep) liveWorkDirs.add(workDir);
  if (!stackHasBackend(workDir)) fs.rmSync(path.join(workDir, BACKEND_OVERRIDE_FILE));
  return { terraform, workDir, env: terraformEnv(inst, options.env), keep };
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

/** Removes the working copy unless it is to be kept. */
export function disposeWorkspace(ws: Workspace): void {
  if (!ws.keep) fs.rmSync(ws.workDir, { recursive: true, force: true });
  liveWorkDirs.delete(ws.workDir);
}

/**
 * `terraform init`, then each command in turn in the same working copy (so `plan -out=p` then
 * `show -json p` work), stopping at the first that fails. One run per command that ran.
 */
export async function runSequence(
  stackDir: string, commands: ReadonlyArray<readonly string[]>, options: OfflineTerraformOptions = {},
): Promise<TerraformRun[]> {
  const ws = prepareWorkspace(stackDir, options);
  try {
    const init = await exec(ws, INIT_ARGS);
    if (init.exitCode !== 0) return [{ ...init, initFailed: true, workDir: ws.workDir }];
    const runs: TerraformRun[] = [];
    for (const args of commands) {
      const r = await exec(ws, args);
      runs.push({ ...r, initFailed: false, workDir: ws.workDir });
      if (r.exitCode !== 0) break;
    }
    return runs;
  } finally {
    disposeWorkspace(ws);
  }
}

/** `terraform init` + `terraform <args>` on a copy of the stack, offline. */
export async function runTerraform(stackDir: string, args: readonly string[], options: OfflineTerraformOptions = {}): Promise<TerraformRun> {
  const runs = await runSequence(stackDir, [args], options);
  return runs[runs.length - 1];
}

/** The synchronous {@link runTerraform}. */
export function runTerraformSync(stackDir: string, args: readonly string[], options: OfflineTerraformOptions = {}): TerraformRun {
  const ws = prepareWorkspace(stackDir, options);
  try {
    const init = execSync(ws, INIT_ARGS);
    if (init.exitCode !== 0) return { ...init, initFailed: true, workDir: ws.workDir };
    return { ...execSync(ws, args), initFailed: false, workDir: ws.workDir };
  } finally {
    disposeWorkspace(ws);
  }
}

/** `terraform init` in the workspace (output collected). */
export function initWorkspace(ws: Workspace): Promise<ProcessOutput> {
  return exec(ws, INIT_ARGS);
}

/** A diagnostic of `terraform validate -json`. */
export interface ValidateDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly summary: string;
  readonly detail?: string;
  readonly address?: string;
  readonly range?: { readonly filename: string; readonly start: { readonly line: number; readonly column: number } };
  /** The source line Terraform points at, when it gives one. */
  readonly snippet?: string;
}

/** What `terraform validate -json` found. */
export interface ValidateOutcome {
  readonly valid: boolean;
  readonly diagnostics: ValidateDiagnostic[];
  /** Raw output, for messages. */
  readonly run: TerraformRun;
}

/** Parses `terraform validate -json` (or an init failure) into diagnostics. */
export function parseValidate(run: TerraformRun): ValidateOutcome {
  if (run.initFailed) {
    return {
      valid: false,
      diagnostics: [{ severity: 'error', summary: 'terraform init failed', detail: (run.stderr + run.stdout).trim() }],
      run,
    };
  }
  let doc: any;
  try {
    doc = JSON.parse(run.stdout);
  } catch {
    return { valid: false, diagnostics: [{ severity: 'error', summary: 'terraform validate did not print JSON', detail: (run.stderr + run.stdout).trim() }], run };
  }
  const diagnostics: ValidateDiagnostic[] = (doc.diagnostics ?? []).map((d: any) => ({
    severity: d.severity === 'warning' ? 'warning' : 'error',
    summary: d.summary,
    detail: d.detail || undefined,
    address: d.address || undefined,
    range: d.range ? { filename: d.range.filename, start: { line: d.range.start?.line, column: d.range.start?.column } } : undefined,
    snippet: typeof d.snippet?.code === 'string' ? snippetWindow(d.snippet) : undefined,
  }));
  return { valid: doc.valid === true && run.exitCode === 0, diagnostics, run };
}

/** `terraform validate -json` on a copy of the stack, offline. */
export async function validateStack(stackDir: string, options: OfflineTerraformOptions = {}): Promise<ValidateOutcome> {
  return parseValidate(await runTerraform(stackDir, ['validate', '-json', '-no-color'], options));
}

/** The synchronous {@link validateStack}. */
export function validateStackSync(stackDir: string, options: OfflineTerraformOptions = {}): ValidateOutcome {
  return parseValidate(runTerraformSync(stackDir, ['validate', '-json', '-no-color'], options));
}

/**
 * The source line Terraform points at; for a long line (synthesized JSON is often one line), only the part
 * around the highlighted range, with `…` where it was cut.
 */
export function snippetWindow(snippet: { code: string; highlight_start_offset?: number; highlight_end_offset?: number }, max = 160): string {
  const code = snippet.code;
  if (code.length <= max) return code;
  const start = Math.max(0, Math.min(snippet.highlight_start_offset ?? 0, code.length));
  const end = Math.max(start, Math.min(snippet.highlight_end_offset ?? start, code.length));
  const pad = Math.max(20, Math.floor((max - (end - start)) / 2));
  const from = Math.max(0, start - pad);
  const to = Math.min(code.length, Math.max(end + pad, from + max));
  return `${from > 0 ? '…' : ''}${code.slice(from, to)}${to < code.length ? '…' : ''}`;
}

/** A diagnostic as Terraform prints it, in one block of text. */
export function formatDiagnostic(d: ValidateDiagnostic): string {
  const where = d.range ? ` (${d.range.filename}:${d.range.start.line})` : '';
  const addr = d.address ? ` [${d.address}]` : '';
  const snippet = d.snippet ? `\n  ${d.range?.start.line ?? ''}: ${d.snippet.trim()}` : '';
  return `${d.severity === 'error' ? 'Error' : 'Warning'}: ${d.summary}${addr}${where}${snippet}${d.detail ? `\n  ${d.detail.split('\n').join('\n  ')}` : ''}`;
}
