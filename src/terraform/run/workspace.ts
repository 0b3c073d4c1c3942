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
import * as os from 'os';
import * as path from 'path';
import { mirrorVersion, offlineInstallation, Installation, removeInstallations } from './mirror';
import { defaultPluginEntry } from './plugin-entry';
import { InterruptedError, interruptedBy } from './processes';
import { requireTerraform } from './terraform-binary';
import { hclAlicloudConstraints, jsonAlicloudConstraints, versionToServe } from './versions';
import { freshPrivateDir, stripGroupOtherBits, writePrivateFile } from '../../core/private-dir';
import { PROVIDER_VERSION } from '../../schema/pack';

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

const isState = (name: string) => /\.tfstate(\.backup)?$/.test(name) || name === 'terraform.tfstate.d';

/** Whether a folder holds Terraform configuration (`*.tf.json` or `*.tf` entries). @internal */
export function hasTerraformConfig(dir: string): boolean {
  return fs.readdirSync(dir).some((n) => n.endsWith('.tf.json') || n.endsWith('.tf'));
}

/** A local module source: `./x` or `../x` (Terraform's own rule; anything else is a registry, Git, URL... source). */
const isLocalSource = (s: unknown): s is string => typeof s === 'string' && /^\.\.?\//.test(s);

/** The local module sources a `.tf` file names (`source = "../x"` on a line of its own; a careful match, not a parser). */
function hclLocalSources(text: string): string[] {
  return [...text.matchAll(/^[ \t]*source[ \t]*=[ \t]*"(\.\.?\/[^"\\]*)"/gm)].map((m) => m[1]);
}

/** The local module sources a `.tf.json` file names (`module.<name>.source`, object or list form). */
function jsonLocalSources(text: string): string[] {
  let doc: any;
  try {
    doc = JSON.parse(text);
  } catch {
    return []; // Terraform reports the file itself.
  }
  const calls = [doc?.module].flat().flatMap((m) => (m && typeof m === 'object' ? Object.values(m) : [])).flat();
  return calls.map((c: any) => c?.source).filter(isLocalSource);
}

/**
 * Every folder of local modules the configuration in `dir` reaches (`source = "../modules/x"`, followed
 * module by module), as absolute paths; folders that do not exist are left to Terraform to report.
 * @internal
 */
export function localModuleDirs(dir: string): string[] {
  const seen = new Set<string>([path.resolve(dir)]);
  const queue = [path.resolve(dir)];
  while (queue.length > 0) {
    const d = queue.shift()!;
    let names: string[];
    try {
      names = fs.readdirSync(d);
    } catch {
      continue;
    }
    for (const n of names) {
      const json = n.endsWith('.tf.json');
      if (!json && !n.endsWith('.tf')) continue;
      let text: string;
      try {
        text = fs.readFileSync(path.join(d, n), 'utf-8');
      } catch {
        continue;
      }
      for (const source of json ? jsonLocalSources(text) : hclLocalSources(text)) {
        const target = path.resolve(d, source);
        if (seen.has(target) || !fs.existsSync(target) || !fs.statSync(target).isDirectory()) continue;
        seen.add(target);
        queue.push(target);
      }
    }
  }
  seen.delete(path.resolve(dir));
  return [...seen];
}

/** The `version` constraints on alicloud in the folder and the local modules it reaches. @internal */
export function alicloudConstraints(dir: string): string[] {
  const out: string[] = [];
  for (const d of [path.resolve(dir), ...localModuleDirs(dir)]) {
    for (const n of fs.readdirSync(d)) {
      if (!n.endsWith('.tf') && !n.endsWith('.tf.json')) continue;
      let text: string;
      try {
        text = fs.readFileSync(path.join(d, n), 'utf-8');
      } catch {
        continue;
      }
      out.push(...(n.endsWith('.tf.json') ? jsonAlicloudConstraints(text) : hclAlicloudConstraints(text)));
    }
  }
  return out;
}

/** The deepest folder that holds `dir` and every one of `others`. */
function commonAncestor(dir: string, others: readonly string[]): string {
  let root = dir;
  for (const o of others) {
    const outside = () => {
      const r = path.relative(root, o);
      return r === '..' || r.startsWith(`..${path.sep}`) || path.isAbsolute(r);
    };
    while (outside() && root !== path.dirname(root)) root = path.dirname(root);
  }
  return root;
}

/** A working copy: the copied tree, and the stack folder inside it (where Terraform runs). */
export interface StackCopy {
  /** The temp folder: removed as a whole. */
  readonly root: string;
  /** The stack folder in it (the root itself unless local modules live outside the stack folder). */
  readonly workDir: string;
}

/**
 * Copies a stack folder to a new temp folder (no `.terraform/` but its `modules/`, no lock file or state),
 * adds the backend override and the extra files. When a local module source leaves the folder
 * (`../modules/net`), the smallest tree that holds the folder and every local module is copied, with the
 * same relative paths, so that Terraform finds them.
 */
export function copyStackTree(stackDir: string, extraFiles: Record<string, string> = {}): StackCopy {
  const src = path.resolve(stackDir);
  if (!fs.existsSync(src) || !fs.statSync(src).isDirectory()) throw new Error(`not a stack folder: ${stackDir}`);
  if (!hasTerraformConfig(src)) throw new Error(`no Terraform configuration (*.tf.json, *.tf) in ${stackDir}: pass a synthesized stack folder such as cdktf.out/stacks/<stack>`);
  const from = commonAncestor(src, localModuleDirs(src));
  if (from !== src && (from === path.parse(from).root || from === path.resolve(os.homedir()))) {
    throw new Error(`the local module sources of ${stackDir} reach up to ${from}; refusing to copy the whole of it: keep the modules beside the configuration (e.g. ../modules/<name>)`);
  }
  const rel = path.relative(from, src);
  const ownTf = path.join(rel, '.terraform');
  const ownModules = path.join(ownTf, 'modules');
  const hasModules = fs.existsSync(path.join(src, '.terraform', 'modules'));
  const copy = freshPrivateDir('cdktf-alicloud-stack-');
  fs.cpSync(from, copy, {
    recursive: true,
    filter: (file) => {
      const r = path.relative(from, file);
      if (r === '') return true;
      const parts = r.split(path.sep);
      const name = parts[parts.length - 1];
      if (name === '.terraform.lock.hcl' || isState(name) || name === '.git') return false;
      if (!parts.includes('.terraform')) return true;
      // Only the stack's own .terraform/modules (modules Terraform installed before): no providers, no state.
      return (r === ownTf && hasModules) || r === ownModules || r.startsWith(ownModules + path.sep);
    },
  });
  // The copy keeps the stack's modes: take the group/other bits away (the folder is 0700 all the same).
  stripGroupOtherBits(copy);
  const work = path.join(copy, rel);
  // Offline, the state lives in the copy whatever backend the stack names (OSS, S3, ...).
  writePrivateFile(path.join(work, BACKEND_OVERRIDE_FILE), JSON.stringify({ terraform: { backend: { local: { path: 'terraform.tfstate' } } } }, null, 2) + '\n');
  for (const [name, text] of Object.entries(extraFiles)) {
    fs.mkdirSync(path.dirname(path.join(work, name)), { recursive: true, mode: 0o700 });
    writePrivateFile(path.join(work, name), text);
  }
  return { root: copy, workDir: work };
}

/** {@link copyStackTree}, returning the stack folder of the copy (the copy itself for a self-contained stack). */
export function copyStack(stackDir: string, extraFiles: Record<string, string> = {}): string {
  return copyStackTree(stackDir, extraFiles).workDir;
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
  /** Where Terraform runs: the stack folder in the copy. */
  readonly workDir: string;
  /** The copy as a whole (the stack folder, or the tree that holds it and its local modules). */
  readonly copyRoot: string;
  readonly env: NodeJS.ProcessEnv;
  readonly keep: boolean;
  /** Said once when the configuration pins another alicloud version than the bundled schema's. */
  readonly versionNotice?: string;
}

/** Finds Terraform, writes the mirror and copies the stack. */
export function prepareWorkspace(stackDir: string, options: TerraformRunOptions = {}): Workspace {
  // Once interrupted, no new copy is made (the command line is about to remove them all and exit).
  const stopping = interruptedBy();
  if (stopping) throw new InterruptedError(stopping);
  const terraform = requireTerraform(options.terraformBinary);
  const inst = offlineInstallation(options.pluginEntry ?? defaultPluginEntry());
  const { root: copyRoot, workDir } = copyStackTree(stackDir, options.extraFiles);
  const served = versionToServe(alicloudConstraints(workDir));
  let versionNotice: string | undefined;
  if (served !== PROVIDER_VERSION) {
    mirrorVersion(inst, served);
    versionNotice = `the configuration asks for alicloud ${served}: the offline provider serves the ${PROVIDER_VERSION} schema under that version `
      + `(arguments that ${served} and ${PROVIDER_VERSION} do not share are checked as in ${PROVIDER_VERSION})`;
  }
  const keep = options.keepWorkDir === true;
  if (!keep) liveWorkDirs.add(copyRoot);
  if (!stackHasBackend(workDir)) fs.rmSync(path.join(workDir, BACKEND_OVERRIDE_FILE));
  return { terraform, workDir, copyRoot, env: terraformEnv(inst, options.env), keep, ...(versionNotice ? { versionNotice } : {}) };
}

/** Removes the working copy unless it is to be kept. */
export function disposeWorkspace(ws: Workspace): void {
  if (!ws.keep) fs.rmSync(ws.copyRoot, { recursive: true, force: true });
  liveWorkDirs.delete(ws.copyRoot);
}
