/**
 * The working copy Terraform runs in: a copy of the stack folder (without `.terraform/`, the lock file and
 * state files), with an override file that makes the backend local, and the environment that points
 * Terraform at the offline mirror (mirror.ts).
 *
 * The copy is a new `mkdtemp` folder (mode 0700, unpredictable name) and nothing in it has group/other
 * permission bits: the copy's modes are stripped, the files written are 0600, and Terraform runs with umask
 * 077 (processes.ts). It is removed when the run ends, and at the latest when the process exits (an
 * interrupted command line removes it before it exits: {@link removeTemporaryFiles}).
 */
import * as fs from 'fs';
import * as path from 'path';
import { offlineInstallation, Installation, removeInstallations } from './mirror';
import { defaultPluginEntry } from './plugin-entry';
import { InterruptedError, interruptedBy } from './processes';
import { requireTerraform } from './terraform-binary';
import { freshPrivateDir, stripGroupOtherBits, writePrivateFile } from '../../core/private-dir';

/**
 * Options of the offline runs (the driver's own; the testing API's options are `OfflineTerraformOptions`
 * in src/testing/terraform.ts).
 */
export interface TerraformRunOptions {
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

/** Working copies not yet disposed (removed at exit, unless kept). */
const liveWorkDirs = new Set<string>();

function removeWorkDirs(): void {
  for (const dir of liveWorkDirs) fs.rmSync(dir, { recursive: true, force: true });
  liveWorkDirs.clear();
}

/**
 * Removes every temporary folder of this process now: the mirrors and CLI configs, and the working copies
 * not asked to be kept. Also done at exit.
 */
export function removeTemporaryFiles(): void {
  removeInstallations();
  removeWorkDirs();
}

process.once('exit', removeWorkDirs);

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
export function prepareWorkspace(stackDir: string, options: TerraformRunOptions = {}): Workspace {
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

/** Removes the working copy unless it is to be kept. */
export function disposeWorkspace(ws: Workspace): void {
  if (!ws.keep) fs.rmSync(ws.workDir, { recursive: true, force: true });
  liveWorkDirs.delete(ws.workDir);
}
