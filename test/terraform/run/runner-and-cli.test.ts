/**
 * The offline wiring (mirror, CLI config, stack copy, finding Terraform) and the `cdktf-alicloud-ipv6`
 * command line, with a stand-in `terraform` script: no real Terraform needed.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../src/cli/commands';
import { snippetWindow } from '../../../src/terraform/run/diagnostics';
import { offlineInstallation, terraformPlatform } from '../../../src/terraform/run/mirror';
import { findTerraform, requireTerraform } from '../../../src/terraform/run/terraform-binary';
import { BACKEND_OVERRIDE_FILE, copyStack, prepareWorkspace } from '../../../src/terraform/run/workspace';

const made: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'runner-test-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function stackDir(doc: object = { resource: {} }): string {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(doc));
  return dir;
}

/**
 * A stand-in terraform: `init` prints a line; `validate -json` prints $FAKE_TF_JSON and exits $FAKE_TF_CODE;
 * anything else writes its arguments, $TF_CLI_CONFIG_FILE and its folder to $FAKE_TF_LOG and exits 3.
 */
function fakeTerraform(): string {
  const file = path.join(tmp(), 'terraform');
  fs.writeFileSync(file, [
    '#!/bin/sh',
    'case "$1" in',
    '  init) echo "init in $(pwd)"; exit 0 ;;',
    '  validate) printf "%s" "$FAKE_TF_JSON"; exit "${FAKE_TF_CODE:-0}" ;;',
    '  *) printf "args: %s\\nconfig: %s\\ncwd: %s\\n" "$*" "$TF_CLI_CONFIG_FILE" "$(pwd)" > "$FAKE_TF_LOG"; exit 3 ;;',
    'esac',
    '',
  ].join('\n'), { mode: 0o755 });
  return file;
}

function withEnv<T>(env: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = { ...process.env };
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k]; else process.env[k] = v;
  }
  return fn().finally(() => {
    process.env = saved;
  });
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

describe('offline wiring', () => {
  test('the mirror holds an executable plugin script at the provider path; the CLI config points at it, nothing else', () => {
    const inst = offlineInstallation(path.join(tmp(), 'plugin-main.js'));
    expect(path.relative(inst.dir, inst.executable).split(path.sep))
      .toEqual(['mirror', 'registry.terraform.io', 'aliyun', 'alicloud', '1.289.0', terraformPlatform(), 'terraform-provider-alicloud_v1.289.0']);
    expect(() => fs.accessSync(inst.executable, fs.constants.X_OK)).not.toThrow();
    expect(fs.readFileSync(inst.executable, 'utf-8')).toMatch(/^#!\/bin\/sh\n[^]*\nexec '[^']*node[^']*' '[^']*plugin-main\.js' "\$@"\n$/);
    const config = fs.readFileSync(inst.cliConfigFile, 'utf-8');
    expect(config).toContain(`path    = ${JSON.stringify(path.join(inst.dir, 'mirror'))}`);
    expect(config).toContain('include = ["registry.terraform.io/aliyun/alicloud"]');
    expect(config).not.toMatch(/direct|dev_overrides|terraformrc/);
  });

  test('the copy leaves out .terraform/, the lock file and state, and overrides a remote backend with a local one', () => {
    const src = stackDir({ terraform: { backend: { oss: { bucket: 'b' } } } });
    fs.mkdirSync(path.join(src, '.terraform', 'providers'), { recursive: true });
    for (const f of ['.terraform.lock.hcl', 'terraform.tfstate', 'terraform.ipv6-eci.tfstate.backup', 'extra.tf']) fs.writeFileSync(path.join(src, f), '');
    const copy = copyStack(src, { 'a.tftest.hcl': 'run "x" {}' });
    expect(fs.readdirSync(copy).sort()).toEqual(['a.tftest.hcl', 'cdk.tf.json', 'extra.tf', BACKEND_OVERRIDE_FILE].sort());
    expect(JSON.parse(fs.readFileSync(path.join(copy, BACKEND_OVERRIDE_FILE), 'utf-8'))).toEqual({ terraform: { backend: { local: { path: 'terraform.tfstate' } } } });
  });

  test('without a backend in the stack, no override file is left in the workspace', () => {
    const ws = prepareWorkspace(stackDir(), { terraformBinary: fakeTerraform(), pluginEntry: path.join(tmp(), 'p.js') });
    expect(fs.readdirSync(ws.workDir)).toEqual(['cdk.tf.json']);
    expect(ws.env.TF_CLI_CONFIG_FILE).toMatch(/terraform\.rc$/);
    expect(ws.env.TF_CLI_CONFIG_FILE).not.toContain('.terraformrc');
  });

  test('a folder without configuration is refused with a hint', () => {
    expect(() => copyStack(tmp())).toThrow(/no Terraform configuration \(\*\.tf\.json, \*\.tf\) in .*: pass a synthesized stack folder such as cdktf\.out\/stacks\/<stack>/);
  });

  test('terraform is found through TERRAFORM_BINARY_NAME or PATH; when missing, the error says what to install', () => {
    const fake = fakeTerraform();
    expect(findTerraform(undefined, { TERRAFORM_BINARY_NAME: fake })).toBe(fake);
    expect(findTerraform(undefined, { PATH: path.dirname(fake) })).toBe(fake);
    expect(findTerraform(undefined, { PATH: tmp() })).toBeUndefined();
    expect(() => requireTerraform(undefined, { PATH: tmp() })).toThrow(/^Terraform was not found \(looked for 'terraform' on PATH; TERRAFORM_BINARY_NAME is not set\)\. Install Terraform 1\.7 or later/);
  });
});

describe('snippetWindow', () => {
  test('a short line is shown whole; a long one around the highlighted range, cut with …', () => {
    expect(snippetWindow({ code: '"bandwidth": "ten",', highlight_start_offset: 13, highlight_end_offset: 18 })).toBe('"bandwidth": "ten",');
    const code = `{${'"a":1,'.repeat(100)}"bandwidth":"ten",${'"b":2,'.repeat(100)}}`;
    const at = code.indexOf('"ten"');
    const w = snippetWindow({ code, highlight_start_offset: at, highlight_end_offset: at + 5 });
    expect(w).toMatch(/^….*"bandwidth":"ten".*…$/);
    expect(w.length).toBeLessThanOrEqual(162);
  });
});

describe('the cdktf-alicloud-ipv6 command line', () => {
  test('no command: usage on stderr, exit 2; help: exit 0', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^Usage: cdktf-alicloud-ipv6 <command>[^]*validate <stack-dir>\.\.\.[^]*terraform <stack-dir>/);
    expect((await cli(['help'])).code).toBe(0);
  });

  test('an unknown command or a missing argument is a usage error (exit 2)', async () => {
    expect(await cli(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining("unknown command 'frobnicate'") });
    expect(await cli(['validate'])).toMatchObject({ code: 2, err: expect.stringContaining('usage: cdktf-alicloud-ipv6 validate <stack-dir>...') });
    expect(await cli(['terraform', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('give the terraform command after --') });
  });

  test('without terraform: says what to install, exit 2', async () => {
    const r = await withEnv({ TERRAFORM_BINARY_NAME: undefined, PATH: tmp() }, () => cli(['validate', stackDir()]));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Install Terraform 1.7 or later');
  });

  test('validate: exit 0 when all are valid, 1 otherwise, with Terraform\'s diagnostics', async () => {
    const fake = fakeTerraform();
    const valid = JSON.stringify({ valid: true, error_count: 0, warning_count: 0, diagnostics: [] });
    const ok = await withEnv({ TERRAFORM_BINARY_NAME: fake, FAKE_TF_JSON: valid, FAKE_TF_CODE: '0' }, () => cli(['validate', stackDir(), stackDir()]));
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/: valid, terraform validate [\d.]+ s\n[^]*: valid, [^]*2 of 2 stacks valid\n$/);
    const invalid = JSON.stringify({
      valid: false,
      error_count: 1,
      warning_count: 0,
      diagnostics: [{ severity: 'error', summary: 'Unsupported attribute', detail: 'This object has no argument named "x".', range: { filename: 'cdk.tf.json', start: { line: 7, column: 3 } }, snippet: { code: '"x": 1' } }],
    });
    const bad = await withEnv({ TERRAFORM_BINARY_NAME: fake, FAKE_TF_JSON: invalid, FAKE_TF_CODE: '1' }, () => cli(['validate', stackDir()]));
    expect(bad.code).toBe(1);
    expect(bad.out).toContain(': INVALID, 1 error\n');
    expect(bad.out).toContain('Error: Unsupported attribute (cdk.tf.json:7)\n  7: "x": 1\n  This object has no argument named "x".');
  });

  test('terraform: runs the command in the offline copy with our CLI config and returns its exit code', async () => {
    const fake = fakeTerraform();
    const log = path.join(tmp(), 'log');
    const dir = stackDir();
    const r = await withEnv({ TERRAFORM_BINARY_NAME: fake, FAKE_TF_LOG: log }, () => cli(['terraform', dir, '--', 'plan', '-no-color']));
    expect(r.code).toBe(3);
    const [args, config, cwd] = fs.readFileSync(log, 'utf-8').trim().split('\n');
    expect(args).toBe('args: plan -no-color');
    expect(config).toMatch(/^config: .*cdktf-alicloud-tf-[^/]+\/terraform\.rc$/);
    expect(cwd).not.toBe(`cwd: ${dir}`);
    expect(fs.existsSync(cwd.slice(5))).toBe(false); // the copy is removed afterwards
  });
});
