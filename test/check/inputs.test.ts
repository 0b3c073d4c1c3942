/**
 * `check` reads its inputs as Terraform reads them (issue 20, item 5): duplicate keys in Terraform JSON are
 * never last-wins, an unreadable file or folder is exit 2 with the OS reason, a state file is named as
 * one, and deep nesting is refused by name rather than as "Maximum call stack size exceeded".
 *
 * The robustness inputs run the real executable as a child process (node + ts-node, as the installed bin
 * would run the compiled one), all at once in beforeAll. Tests run as root here, where `chmod 000` does
 * not stop a read: the unreadable folder and file are run as the user `nobody` (spawn's uid/gid) when the
 * tests are root, and a path under a file (ENOTDIR) fails for root too.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseTerraformJson } from '../../src/check/tfjson';
import { runCli } from '../../src/cli/commands';

interface Run { code: number | null; out: string; err: string }

const NOBODY = 65534;
const asRoot = process.getuid?.() === 0;

function runBin(args: string[], opts: { unprivileged?: boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', path.join(__dirname, '..', 'ts-register.js'), path.join('src', 'cli', 'main.ts'), 'check', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', TS_NODE_TRANSPILE_ONLY: '1' },
      ...(opts.unprivileged && asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

async function cli(...args: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(['check', ...args], { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

/** A temporary folder readable by everyone (mkdtemp makes it 0700; the unprivileged runs must reach it). */
function tmpDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-inputs-'));
  fs.chmodSync(dir, 0o755);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const PROVIDER = '  "provider": {"alicloud": [{"region": "me-east-1"}]},\n';
/** A vSwitch with an out-of-range IPv6 mask: ALI-IPV6-005 on it, wherever it is read. */
const vsw = (cidr: string) => `{"vpc_id": "vpc-123", "cidr_block": "${cidr}", "zone_id": "me-east-1a", "enable_ipv6": true, "ipv6_cidr_block_mask": 300}`;

const DUPLICATE_NAME = `{
${PROVIDER}  "resource": {
    "alicloud_vswitch": {
      "a": ${vsw('10.0.1.0/24')},
      "a": ${vsw('10.0.2.0/24')}
    }
  }
}
`;

const NEST = 100_000;
const STATE = JSON.stringify({ version: 4, terraform_version: '1.11.4', serial: 1, lineage: 'b6f3c1de-0000-0000-0000-000000000000', outputs: {}, resources: [], check_results: null }, null, 2);

describe('robustness inputs, run as the executable', () => {
  const runs: Record<string, Run> = {};
  const paths: Record<string, string> = {};

  beforeAll(async () => {
    const dup = tmpDir({ 'main.tf.json': DUPLICATE_NAME });
    const locked = tmpDir({ 'main.tf': 'locals {}\n' });
    const lockedFile = tmpDir({ 'main.tf': 'locals {}\n' });
    fs.chmodSync(path.join(lockedFile, 'main.tf'), 0o000);
    const state = tmpDir({ 'terraform.tfstate': STATE });
    const deep = tmpDir({
      'deep.tf.json': `{"locals": {"x": ${'['.repeat(NEST)}${']'.repeat(NEST)}}}`,
      'objects.json': `${'{"a":'.repeat(NEST)}1${'}'.repeat(NEST)}`,
      'hcl/main.tf': `locals {\n  x = ${'['.repeat(NEST)}${']'.repeat(NEST)}\n}\n`,
    });
    Object.assign(paths, {
      dup: path.join(dup, 'main.tf.json'),
      locked: path.join(locked, 'sub'),
      lockedFile: path.join(lockedFile, 'main.tf'),
      notDir: path.join(dup, 'main.tf.json', 'main.tf'),
      state: path.join(state, 'terraform.tfstate'),
      deepJson: path.join(deep, 'deep.tf.json'),
      deepObjects: path.join(deep, 'objects.json'),
      deepHcl: path.join(deep, 'hcl'),
    });
    fs.mkdirSync(paths.locked);
    fs.writeFileSync(path.join(paths.locked, 'main.tf'), 'locals {}\n');
    fs.chmodSync(paths.locked, 0o000);
    const [a, b, c, d, e, f, g, h, i] = await Promise.all([
      runBin([dup]),
      runBin([paths.locked], { unprivileged: true }),
      runBin([path.join(paths.locked, 'main.tf')], { unprivileged: true }),
      runBin([paths.lockedFile], { unprivileged: true }),
      runBin([paths.notDir]),
      runBin([paths.state]),
      runBin([paths.deepJson]),
      runBin([paths.deepObjects]),
      runBin([paths.deepHcl]),
    ]);
    Object.assign(runs, { dup: a, locked: b, inLocked: c, lockedFile: d, notDir: e, state: f, deepJson: g, deepObjects: h, deepHcl: i });
  }, 120_000);

  const noStack = (r: Run) => {
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.err).not.toContain('Maximum call stack size exceeded');
  };

  test('a resource name given twice in a .tf.json: exit 2, the file, the line and the key (as terraform validate: "Duplicate resource")', () => {
    const r = runs.dup;
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${paths.dup}:6: Duplicate resource "alicloud_vswitch" configuration: "a" is already declared at line 5; Terraform rejects a key given twice here. Fix: rename or remove one\n`);
    expect(r.out).toBe('');
  });

  test('an unreadable folder: exit 2 with the OS reason (EACCES), not findings', () => {
    const r = runs.locked;
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${paths.locked}: cannot read the folder: EACCES: permission denied, scandir\n`);
    noStack(r);
  });

  test('a file inside an unreadable folder: exit 2 with the OS reason, not "does not exist"', () => {
    const r = runs.inLocked;
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${path.join(paths.locked, 'main.tf')}: cannot be read: EACCES: permission denied, stat\n`);
  });

  test('an unreadable file: exit 2 with the OS reason', () => {
    const r = runs.lockedFile;
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${paths.lockedFile}: cannot read the file: EACCES: permission denied, open\n`);
  });

  test('a path under a file (ENOTDIR, unreadable for root too): exit 2 with the OS reason', () => {
    const r = runs.notDir;
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${paths.notDir}: cannot be read: ENOTDIR: not a directory, stat\n`);
  });

  test('a state file is named as one, with what to give instead (exit 2)', () => {
    const r = runs.state;
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${paths.state}: is a Terraform state file (state version 4, Terraform 1.11.4): it holds what is deployed, not the configuration to check. `
      + 'Fix: give the configuration folder (the .tf or .tf.json files), or a plan JSON: terraform plan -out plan.out && terraform show -json plan.out > plan.json\n');
  });

  test.each([
    ['100,000 nested arrays in a .tf.json', 'deepJson'],
    ['100,000 nested objects in a JSON file', 'deepObjects'],
    ['100,000 nested lists in an HCL folder', 'deepHcl'],
  ])('%s: exit 2, named as too deep, never "Maximum call stack size exceeded"', (_what, key) => {
    const r = runs[key];
    expect(r.code).toBe(2);
    const file = key === 'deepHcl' ? path.join(paths.deepHcl, 'main.tf') : paths[key];
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${file}: nests objects or lists more than 1000 levels deep; Terraform configurations and plans never do. Fix: give the real configuration or plan\n`);
    noStack(r);
  });
});

describe('duplicate keys in Terraform JSON, as Terraform reads them', () => {
  const ids = (out: string) => (JSON.parse(out).findings as any[])
    .filter((f) => f.ruleId === 'ALI-IPV6-005' && f.status !== 'compliant').map((f) => `${f.address}:${f.line}`).sort();

  test('a block type given twice (top level "resource", or a resource type): both blocks are checked', async () => {
    const dir = tmpDir({
      'main.tf.json': `{
${PROVIDER}  "resource": {"alicloud_vswitch": {"a": ${vsw('10.0.1.0/24')}}},
  "resource": {
    "alicloud_vswitch": {"b": ${vsw('10.0.2.0/24')}},
    "alicloud_vswitch": {"c": ${vsw('10.0.3.0/24')}}
  }
}
`,
    });
    const r = await cli(dir, '--format', 'json');
    expect(r.code).toBe(1);
    expect(ids(r.out)).toEqual(['alicloud_vswitch.a:3', 'alicloud_vswitch.b:5', 'alicloud_vswitch.c:6']);
  });

  test('a resource name given twice across two "resource" keys: exit 2 naming the first', async () => {
    const dir = tmpDir({
      'main.tf.json': `{
  "resource": {"alicloud_vswitch": {"a": ${vsw('10.0.1.0/24')}}},
  "resource": {"alicloud_vswitch": {"a": ${vsw('10.0.2.0/24')}}}
}
`,
    });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('main.tf.json:3: Duplicate resource "alicloud_vswitch" configuration: "a" is already declared at line 2');
  });

  test('an argument given twice in a body, or a local value: exit 2, "Duplicate argument" with both lines', async () => {
    const arg = tmpDir({ 'main.tf.json': '{\n  "resource": {"alicloud_vswitch": {"a": {\n    "cidr_block": "10.0.1.0/24",\n    "cidr_block": "10.0.2.0/24"\n  }}}\n}\n' });
    const r = await cli(arg);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${path.join(arg, 'main.tf.json')}:4: Duplicate argument "cidr_block": already set at line 3; Terraform rejects a key given twice here. Fix: rename or remove one\n`);
    const local = tmpDir({ 'main.tf.json': '{\n  "locals": {"region": "cn-hangzhou"},\n  "locals": {"region": "me-east-1"}\n}\n' });
    const l = await cli(local);
    expect(l.code).toBe(2);
    expect(l.err).toContain('main.tf.json:3: Duplicate argument "region": already set at line 2');
  });

  test('a variable or output given twice: exit 2 (as terraform validate)', async () => {
    const dir = tmpDir({ 'main.tf.json': '{\n  "variable": {"region": {"default": "cn-hangzhou"}, "region": {"default": "me-east-1"}}\n}\n' });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain('main.tf.json:2: Duplicate variable "region": already defined at line 2');
  });

  test('a nested block given twice in a body and a provider given twice: both kept', async () => {
    const dir = tmpDir({
      'main.tf.json': `{
  "provider": {"alicloud": {"region": "me-east-1"}, "alicloud": {"alias": "hz", "region": "cn-hangzhou"}},
  "resource": {
    "alicloud_vswitch": {"a": ${vsw('10.0.1.0/24')}},
    "alicloud_security_group": {"sg": {"vpc_id": "vpc-123", "timeouts": {"create": "5m"}, "timeouts": {"delete": "5m"}}}
  }
}
`,
    });
    const r = await cli(dir, '--format', 'json');
    expect(r.code).toBe(1);
    // the default provider (me-east-1) is still read: the vSwitch's mask is checked there
    expect(ids(r.out)).toEqual(['alicloud_vswitch.a:4']);
  });

  test('a resource declared in two files of a module, or twice in one HCL file: exit 2 naming the first (not the last one read)', async () => {
    const hcl = (cidr: string) => `resource "alicloud_vswitch" "a" {\n  vpc_id = "vpc-123"\n  cidr_block = "${cidr}"\n}\n`;
    const two = tmpDir({ 'a.tf': hcl('10.0.1.0/24'), 'b.tf.json': `{"resource": {"alicloud_vswitch": {"a": ${vsw('10.0.2.0/24')}}}}\n` });
    const r = await cli(two);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`cdktf-alicloud-ipv6 check: ${path.join(two, 'b.tf.json')}: Duplicate resource "alicloud_vswitch" configuration: "a" is already declared at ${path.join(two, 'a.tf')}:1; `
      + 'Terraform rejects a name declared twice in a module. Fix: rename or remove one\n');
    const one = tmpDir({ 'main.tf': `${hcl('10.0.1.0/24')}\n${hcl('10.0.2.0/24')}` });
    const o = await cli(one);
    expect(o.code).toBe(2);
    expect(o.err).toContain(`main.tf: Duplicate resource "alicloud_vswitch" configuration: "a" is already declared at ${path.join(one, 'main.tf')}:1`);
  });

  test('an unlabelled block type given twice (two "moved" blocks) is both blocks, not an error', () => {
    const parsed = parseTerraformJson('{\n  "moved": {"from": "a.b", "to": "a.c"},\n  "moved": {"from": "a.d", "to": "a.e"}\n}\n', 'm.tf.json') as any;
    expect(parsed.moved).toEqual([{ from: 'a.b', to: 'a.c' }, { from: 'a.d', to: 'a.e' }]);
  });

  test('JSON escapes, numbers and a "__proto__" key read as JSON.parse reads them', () => {
    const text = '{"a\\u0062": [1, -2.5e3, true, false, null, "x\\"y"], "__proto__": {"p": 1}, "e": {}, "l": []}';
    const parsed = parseTerraformJson(text, 'x.json') as any;
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(JSON.parse(text)));
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
  });
});
