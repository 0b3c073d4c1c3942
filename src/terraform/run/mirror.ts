/**
 * The filesystem mirror Terraform installs the offline provider from, and the CLI config that points at it.
 *
 * - The mirror, in a new temp folder, holds
 *   `registry.terraform.io/aliyun/alicloud/1.289.0/<os>_<arch>/terraform-provider-alicloud_v1.289.0`,
 *   a shell script that execs node on the plugin (plugin-entry.ts says which file), and the same script
 *   under `registry.terraform.io/hashicorp/alicloud` ({@link IMPLICIT_PROVIDER_ADDRESS}): a module that
 *   uses `alicloud` without a `required_providers` entry (legacy HCL, most child modules) gets that
 *   address from Terraform. A mirror entry works in every module of the configuration; an override file
 *   in the working copy would reach the root module only.
 * - A CLI config of our own (`TF_CLI_CONFIG_FILE`) installs alicloud from that mirror only. The user's
 *   `~/.terraformrc` is never read nor written.
 *
 * The folder is a new `mkdtemp` folder (mode 0700, unpredictable name); the plugin script is 0700, the
 * config 0600. It is made once per process and plugin entry, and removed at exit (or by
 * {@link removeInstallations}).
 */
import * as fs from 'fs';
import * as path from 'path';
import { defaultPluginEntry } from './plugin-entry';
import { freshPrivateDir, writePrivateFile } from '../../core/private-dir';
import { PROVIDER_ADDRESS, PROVIDER_VERSION } from '../../schema/pack';

/** Terraform's platform name for this machine, e.g. `linux_amd64`. */
export function terraformPlatform(): string {
  const arch: Record<string, string> = { x64: 'amd64', arm64: 'arm64', ia32: '386', arm: 'arm' };
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  return `${platform}_${arch[process.arch] ?? process.arch}`;
}

/**
 * The address Terraform gives a provider named `alicloud` that no `required_providers` names (Terraform's
 * implied `hashicorp/` namespace). The mirror serves the same offline provider under it.
 */
export const IMPLICIT_PROVIDER_ADDRESS = 'registry.terraform.io/hashicorp/alicloud';

/** Every address the mirror serves the offline provider under. */
export const MIRRORED_ADDRESSES: readonly string[] = [PROVIDER_ADDRESS, IMPLICIT_PROVIDER_ADDRESS];

const shellQuote = (s: string) => `'${s.replace(/'/g, '\'\\\'\'')}'`;
const hclString = (s: string) => JSON.stringify(s);

/** The mirror and CLI config, made once per process and plugin entry (removed at exit). */
export interface Installation {
  readonly dir: string;
  readonly cliConfigFile: string;
  readonly executable: string;
  /** The same script under {@link IMPLICIT_PROVIDER_ADDRESS}. */
  readonly implicitExecutable: string;
}

const installations = new Map<string, Installation>();

/**
 * Writes (once per process) the filesystem mirror holding the plugin executable and a CLI config that
 * installs alicloud from it.
 */
export function offlineInstallation(pluginEntry: string = defaultPluginEntry()): Installation {
  const known = installations.get(pluginEntry);
  if (known && fs.existsSync(known.executable) && fs.existsSync(known.implicitExecutable)) return known;
  if (process.platform === 'win32') throw new Error('offline provider: the plugin executable is a shell script; Windows is not supported (use WSL)');
  const dir = freshPrivateDir('cdktf-alicloud-tf-');
  const mirror = path.join(dir, 'mirror');
  const script = `#!/bin/sh\n# cdktf-alicloud-ipv6: the offline, schema-only alicloud provider.\nexec ${shellQuote(process.execPath)} ${shellQuote(pluginEntry)} "$@"\n`;
  const executables = MIRRORED_ADDRESSES.map((address) => {
    const pkgDir = path.join(mirror, address, PROVIDER_VERSION, terraformPlatform());
    fs.mkdirSync(pkgDir, { recursive: true, mode: 0o700 });
    const file = path.join(pkgDir, `terraform-provider-alicloud_v${PROVIDER_VERSION}`);
    writePrivateFile(file, script, true);
    return file;
  });
  const executable = executables[0];
  const cliConfigFile = path.join(dir, 'terraform.rc');
  writePrivateFile(cliConfigFile, [
    '# Written by cdktf-alicloud-ipv6: install aliyun/alicloud (and hashicorp/alicloud, its implied address) from the offline provider mirror only.',
    'provider_installation {',
    // One block per address (same folder): each address is installed from the mirror, nothing from elsewhere.
    ...MIRRORED_ADDRESSES.flatMap((address) => [
      '  filesystem_mirror {',
      `    path    = ${hclString(mirror)}`,
      `    include = [${hclString(address)}]`,
      '  }',
    ]),
    '}',
    '',
  ].join('\n'));
  const inst = { dir, cliConfigFile, executable, implicitExecutable: executables[1] };
  installations.set(pluginEntry, inst);
  return inst;
}

/**
 * Serves the same plugin script under `version` too (both addresses), for a configuration that pins another
 * version than the bundled schema's (versions.ts picks it). The mirror only grows: a configuration without
 * a constraint still gets the newest, {@link PROVIDER_VERSION}, whenever that is not excluded.
 */
export function mirrorVersion(inst: Installation, version: string): void {
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`offline provider: not a provider version: ${JSON.stringify(version)}`);
  if (version === PROVIDER_VERSION) return;
  const script = fs.readFileSync(inst.executable, 'utf-8');
  for (const address of MIRRORED_ADDRESSES) {
    const pkgDir = path.join(inst.dir, 'mirror', address, version, terraformPlatform());
    const file = path.join(pkgDir, `terraform-provider-alicloud_v${version}`);
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(pkgDir, { recursive: true, mode: 0o700 });
    writePrivateFile(file, script, true);
  }
}

/** Removes every mirror and CLI config of this process now (also done at exit). */
export function removeInstallations(): void {
  for (const inst of installations.values()) fs.rmSync(inst.dir, { recursive: true, force: true });
  installations.clear();
}

process.once('exit', removeInstallations);
