/**
 * Plain HCL folders (issue 20, item 7), without real Terraform: the mirror serves the implied
 * `hashicorp/alicloud` address too, and the working copy holds the local modules a folder reaches
 * (`../modules/x`) and its own `.terraform/modules`, never state, lock files or `.terraform/providers`.
 * The same cases under real Terraform: test/terraform-core/plain-hcl.test.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { permissionBits } from '../../../src/core/private-dir';
import { IMPLICIT_PROVIDER_ADDRESS, offlineInstallation, terraformPlatform } from '../../../src/terraform/run/mirror';
import { copyStackTree, disposeWorkspace, localModuleDirs, prepareWorkspace } from '../../../src/terraform/run/workspace';

const made: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plain-hcl-test-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Writes `files` (relative path to content) under a new temp folder and returns it. */
function tree(contents: Record<string, string>): string {
  const root = tmp();
  for (const [rel, text] of Object.entries(contents)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

/** Every file under `dir`, relative, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r); else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

const moduleCall = (source: string) => `module "m" {\n  source = "${source}"\n}\n`;

describe('the implied hashicorp/alicloud address', () => {
  test('the mirror serves the same plugin script under hashicorp/alicloud, and the CLI config installs it from the mirror only', () => {
    const inst = offlineInstallation(path.join(tmp(), 'plugin-main.js'));
    expect(IMPLICIT_PROVIDER_ADDRESS).toBe('registry.terraform.io/hashicorp/alicloud');
    expect(path.relative(inst.dir, inst.implicitExecutable).split(path.sep))
      .toEqual(['mirror', 'registry.terraform.io', 'hashicorp', 'alicloud', '1.289.0', terraformPlatform(), 'terraform-provider-alicloud_v1.289.0']);
    expect(fs.readFileSync(inst.implicitExecutable, 'utf-8')).toBe(fs.readFileSync(inst.executable, 'utf-8'));
    expect(permissionBits(inst.implicitExecutable)).toBe(0o700);
    const config = fs.readFileSync(inst.cliConfigFile, 'utf-8');
    expect(config).toContain('include = ["registry.terraform.io/hashicorp/alicloud"]');
    expect(config.match(/filesystem_mirror \{/g)).toHaveLength(2);
    expect(config.match(/path {4}= /g)).toHaveLength(2);
    expect(config).not.toMatch(/direct|dev_overrides|network_mirror/);
  });
});

describe('local modules outside the folder', () => {
  test('module sources are followed module by module, in .tf and .tf.json (object and list form); remote sources are not', () => {
    const root = tree({
      'live/root/main.tf': `${moduleCall('../../modules/net')}module "r" {\n  source  = "example/net/alicloud"\n  version = "1.0.0"\n}\n`,
      'live/root/extra.tf.json': JSON.stringify({ module: [{ a: { source: './local' } }, { b: { source: 'git::https://example.com/x.git' } }] }),
      'live/root/local/main.tf': '',
      'modules/net/main.tf': moduleCall('../sg'),
      'modules/sg/main.tf.json': JSON.stringify({ module: { leaf: { source: '../leaf' } } }),
      'modules/leaf/main.tf': '# source = "../../../etc" is a comment, not a module\n',
      'modules/unused/main.tf': '',
    });
    expect(localModuleDirs(path.join(root, 'live', 'root')).map((d) => path.relative(root, d)).sort())
      .toEqual(['live/root/local', 'modules/leaf', 'modules/net', 'modules/sg']);
  });

  test('the copy is the smallest tree holding the folder and its modules, with the same relative paths', () => {
    const root = tree({
      'proj/root/main.tf': moduleCall('../modules/net'),
      'proj/modules/net/main.tf': 'resource "alicloud_vpc" "v" {}\n',
      'proj/modules/net/terraform.tfstate': '{}',
      'proj/modules/net/.terraform.lock.hcl': '',
      'proj/modules/net/.terraform/providers/x': '',
      'proj/root/terraform.tfstate.backup': '{}',
      'proj/root/.terraform.lock.hcl': '',
      'proj/root/.terraform/terraform.tfstate': '{}',
      'proj/root/.terraform/providers/registry.terraform.io/aliyun/alicloud/p': '',
      'proj/root/.terraform/modules/modules.json': '{"Modules":[]}',
      'proj/.git/config': '',
      'outside.tf': '',
    });
    const copy = copyStackTree(path.join(root, 'proj', 'root'));
    made.push(copy.root);
    expect(path.relative(copy.root, copy.workDir)).toBe('root');
    expect(files(copy.root)).toEqual(['modules/net/main.tf', 'root/.terraform/modules/modules.json', 'root/main.tf', 'root/zz_cdktf_alicloud_offline_override.tf.json']);
  });

  test('a self-contained folder is copied alone; its .terraform/modules comes with it, .terraform/providers does not', () => {
    const root = tree({
      'main.tf': 'module "r" {\n  source = "example/net/alicloud"\n}\n',
      '.terraform/modules/modules.json': '{"Modules":[]}',
      '.terraform/modules/r/main.tf': '',
      '.terraform/providers/p': '',
    });
    const copy = copyStackTree(root);
    made.push(copy.root);
    expect(copy.workDir).toBe(copy.root);
    expect(files(copy.root)).toEqual(['.terraform/modules/modules.json', '.terraform/modules/r/main.tf', 'main.tf', 'zz_cdktf_alicloud_offline_override.tf.json']);
  });

  test('module sources that climb to the filesystem root are refused, loudly', () => {
    const root = tree({ 'main.tf': moduleCall(`${'../'.repeat(40)}`) });
    expect(() => copyStackTree(root)).toThrow(/local module sources of .* reach up to \/; refusing to copy the whole of it/);
  });

  test('the workspace runs in the stack folder of the copy and removes the whole copy', () => {
    const root = tree({ 'a/root/main.tf': moduleCall('../../b/net'), 'b/net/main.tf': '' });
    const tf = path.join(tmp(), 'terraform');
    fs.writeFileSync(tf, '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const ws = prepareWorkspace(path.join(root, 'a', 'root'), { terraformBinary: tf, pluginEntry: path.join(tmp(), 'p.js') });
    expect(path.relative(ws.copyRoot, ws.workDir)).toBe(path.join('a', 'root'));
    expect(fs.existsSync(path.join(ws.copyRoot, 'b', 'net', 'main.tf'))).toBe(true);
    expect(permissionBits(ws.copyRoot)).toBe(0o700);
    disposeWorkspace(ws);
    expect(fs.existsSync(ws.copyRoot)).toBe(false);
  });
});
