/**
 * `check` on module-heavy Terraform: local modules (also in ../modules), nested calls, count and for_each,
 * module outputs, provider passing, registry modules of an initialised folder (.terraform/modules), and the
 * module calls that cannot be followed. Each finding is pinned to its file, line and module address.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli, json, tempFolder } from './check-cli';

const FIXTURES = path.join('test', 'check', 'fixtures', 'modules');
const fx = (...p: string[]) => path.join(FIXTURES, ...p);

/** The one finding of a rule on an address. */
function one(findings: any[], ruleId: string, address: string): any {
  const list = findings.filter((f) => f.ruleId === ruleId && f.address === address);
  expect(list.map((f) => `${f.ruleId} ${f.address}`)).toEqual([`${ruleId} ${address}`]);
  return list[0];
}

/** The 1-based line of the first line of a file that starts with `text` (after indentation). */
function lineOf(file: string, text: string): number {
  const n = fs.readFileSync(file, 'utf-8').split('\n').findIndex((l) => l.trimStart().startsWith(text));
  expect(n).toBeGreaterThanOrEqual(0);
  return n + 1;
}

const tmpDir = (files: Record<string, string>): string => tempFolder(files, 'check-modules-');

describe('local modules', () => {
  const root = fx('local');
  const main = fx('local', 'main.tf');
  const net = fx('local', 'modules', 'net', 'main.tf');
  const subnet = fx('local', 'modules', 'subnet', 'main.tf');
  let findings: any[];
  let code: number;
  beforeAll(async () => {
    ({ code, findings } = await json(root));
  });

  test('resources of child modules are checked, at their own file and line, with Terraform addresses', () => {
    expect(code).toBe(1);
    const vswitch = one(findings, 'ALI-IPV6-005', 'module.net.alicloud_vswitch.a');
    expect(vswitch).toMatchObject({ file: net, line: lineOf(net, 'resource "alicloud_vswitch" "a"') });
    expect(vswitch.via).toBe(`${main}:${lineOf(main, 'module "net"')} module "net" → ${net}:${lineOf(net, 'resource "alicloud_vswitch" "a"')}`);
    // no document names leak into the report
    expect(JSON.stringify(findings)).not.toMatch(/net__|zones__|pair__/);
  });

  test('a nested module call: module.net.module.extra, with the whole call chain', () => {
    const extra = one(findings, 'ALI-IPV6-005', 'module.net.module.extra.alicloud_vswitch.this');
    expect(extra).toMatchObject({ status: 'non-compliant', level: 'error', file: subnet, line: lineOf(subnet, 'resource "alicloud_vswitch" "this"') });
    expect(extra.message).toContain('is 300 but must be a whole number from 0 to 255');
    expect(extra.via).toBe(`${main}:${lineOf(main, 'module "net"')} module "net" → ${net}:${lineOf(net, 'module "extra"')} module "extra" → ${subnet}:${lineOf(subnet, 'resource "alicloud_vswitch"')}`);
    // the literal argument of the nested call decided it, and the finding says where
    expect(extra.message).toContain(`var.mask = 300 in module.net.module.extra, the argument at ${net}:${lineOf(net, 'mask   = 300')}`);
  });

  test('arguments bound to module variables: a root variable passed on, and module outputs traced across modules', () => {
    // module.net's mask is var.mask of the root (default 7); zones["b"] gets 7 too, and its vpc_id is
    // module.net.vpc_id: the rule sees both vSwitches in the same VPC
    const a = one(findings, 'ALI-IPV6-005', 'module.net.alicloud_vswitch.a');
    expect(a).toMatchObject({ status: 'non-compliant', level: 'error' });
    expect(a.message).toContain('ipv6_cidr_block_mask 7 of vSwitch module.net.alicloud_vswitch.a is also used by module.zones["b"].alicloud_vswitch.this in the same VPC');
    expect(a.message).toContain(`var.ipv6_mask = 7 in module.net, the argument at ${main}:${lineOf(main, 'ipv6_mask = var.mask')} (var.mask = 7, the default at ${fx('local', 'variables.tf')}:8)`);
    const b = one(findings, 'ALI-IPV6-005', 'module.zones["b"].alicloud_vswitch.this');
    expect(b).toMatchObject({ status: 'non-compliant', file: subnet, line: lineOf(subnet, 'resource "alicloud_vswitch"') });
    expect(b.message).toContain('is also used by module.net.alicloud_vswitch.a in the same VPC');
  });

  test('literal for_each and count are expanded: module.zones["b"], module.zones["c"], module.pair[0], module.pair[1]', () => {
    const c = one(findings, 'ALI-IPV6-005', 'module.zones["c"].alicloud_vswitch.this');
    expect(c).toMatchObject({ status: 'non-compliant', file: subnet, line: lineOf(subnet, 'resource "alicloud_vswitch"') });
    expect(c.message).toContain('is 400 but must be');
    expect(c.via).toBe(`${main}:${lineOf(main, 'module "zones"')} module "zones" → ${subnet}:${lineOf(subnet, 'resource "alicloud_vswitch"')}`);
    expect(one(findings, 'ALI-IPV6-005', 'module.pair[0].alicloud_vswitch.this')).toMatchObject({ status: 'compliant', message: expect.stringContaining('has IPv6 mask 0') });
    expect(one(findings, 'ALI-IPV6-005', 'module.pair[1].alicloud_vswitch.this')).toMatchObject({ status: 'compliant', message: expect.stringContaining('has IPv6 mask 1') });
    // (ALI-IPV6-015, the provider schema, adds one compliant finding per resource: left out here)
    expect(findings.filter((f) => /^module\.(pair|zones)\[/.test(f.address) && f.ruleId !== 'ALI-IPV6-015').map((f) => f.address.replace(/\.alicloud_.*$/, '')).sort())
      .toEqual(['module.pair[0]', 'module.pair[0]', 'module.pair[1]', 'module.pair[1]', 'module.zones["b"]', 'module.zones["b"]', 'module.zones["c"]', 'module.zones["c"]']);
  });

  test('a for_each known only at apply: one "cannot verify" warning at its line, and none of its resources', () => {
    const d = one(findings, 'ALI-IPV6-MOD', 'module.dynamic');
    expect(d).toMatchObject({ status: 'not-verifiable', level: 'warning', file: main, line: lineOf(main, 'for_each = toset(') });
    expect(d.message).toBe('Cannot verify the resources of module.dynamic: its for_each is the expression ${toset(data.alicloud_zones.all.ids)}, known only at apply time, so its instances and their resources were not checked');
    expect(d.fix).toContain('terraform show -json');
    expect(findings.some((f) => f.address.startsWith('module.dynamic') && f.ruleId !== 'ALI-IPV6-MOD')).toBe(false);
  });

  test('the region error is reported where terraform.tfvars sets it, listing the module resources it affects', () => {
    const roots = findings.filter((f) => f.ruleId === 'ALI-IPV6-001' && f.linkedTo === undefined && f.status !== 'compliant');
    expect(roots).toEqual([expect.objectContaining({ address: 'var.region', level: 'error', file: fx('local', 'terraform.tfvars'), line: 1, affects: ['module.net.alicloud_vpc.this'] })]);
    expect(roots[0].message).toContain(`provider "alicloud" at ${main}:${lineOf(main, 'region = var.region')}: region = var.region; var.region = "me-east-1", from ${fx('local', 'terraform.tfvars')}:1; it affects 1 resource: module.net.alicloud_vpc.this.`);
    expect(one(findings, 'ALI-IPV6-001', 'module.net.alicloud_vpc.this')).toMatchObject({ level: 'info', linkedTo: 'var.region', file: net, line: lineOf(net, 'resource "alicloud_vpc"') });
  });

  test('the text report shows the call chain under the finding', async () => {
    const r = await cli(root);
    expect(r.out).toContain(`  ${subnet}:${lineOf(subnet, 'resource "alicloud_vswitch"')}  error    ALI-IPV6-005  module.net.module.extra.alicloud_vswitch.this\n`);
    expect(r.out).toContain(`    via ${main}:${lineOf(main, 'module "net"')} module "net" → ${net}:${lineOf(net, 'module "extra"')} module "extra" → ${subnet}:`);
    expect(r.out).toContain(`  ${main}:${lineOf(main, 'for_each = toset(')}  warning  ALI-IPV6-MOD  module.dynamic\n`);
  });

  test('a config suppression on the module address covers the "cannot verify" finding', async () => {
    const dir = tmpDir({ 'ipv6.json': JSON.stringify({ suppressions: [{ address: 'module.dynamic', ruleId: '*', reason: 'zones are checked in the plan in CI' }] }) });
    const { findings: f } = await json(root, '--config', path.join(dir, 'ipv6.json'));
    expect(one(f, 'ALI-IPV6-MOD', 'module.dynamic')).toMatchObject({ status: 'suppressed', suppressionReason: 'zones are checked in the plan in CI' });
  });
});

describe('modules in ../modules, and provider configurations passed to modules', () => {
  test('the default provider (me-east-1) fails module.dubai at the provider\'s region line; module.hk gets the aliased provider', async () => {
    const main = fx('layout', 'live', 'main.tf');
    const net = fx('layout', 'modules', 'net', 'main.tf');
    const { code, findings } = await json(fx('layout', 'live'));
    expect(code).toBe(1);
    const root = one(findings, 'ALI-IPV6-001', 'provider.alicloud');
    expect(root).toMatchObject({ status: 'non-compliant', level: 'error', file: main, line: lineOf(main, 'region = "me-east-1"') });
    expect(root.affects).toEqual(['module.dubai.alicloud_vpc.this', 'module.dubai.alicloud_vpc_ipv6_gateway.this']);
    expect(root.message).toContain('it affects 2 resources: module.dubai.alicloud_vpc.this, module.dubai.alicloud_vpc_ipv6_gateway.this');
    for (const [address, line] of [['module.dubai.alicloud_vpc.this', 1], ['module.dubai.alicloud_vpc_ipv6_gateway.this', lineOf(net, 'resource "alicloud_vpc_ipv6_gateway"')]] as const) {
      expect(one(findings, 'ALI-IPV6-001', address)).toMatchObject({ level: 'info', linkedTo: 'provider.alicloud', file: net, line });
    }
    const hk = one(findings, 'ALI-IPV6-001', 'module.hk.alicloud_vpc.this');
    expect(hk).toMatchObject({ status: 'compliant', file: net, line: 1 });
    expect(hk.message).toContain('cn-hongkong (provider "alicloud" (alias "hk"))');
    expect(hk.via).toBe(`${main}:${lineOf(main, 'module "hk"')} module "hk" → ${net}:1`);
  });
});

describe('provider configurations inside modules', () => {
  test('a module with its own provider block (legacy): its region comes from the call\'s argument, reported at that argument', async () => {
    const dir = tmpDir({
      'main.tf': 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\nmodule "legacy" {\n  source = "./legacy"\n  region = "me-east-1"\n}\n',
      'legacy/main.tf': 'variable "region" {}\n\nprovider "alicloud" {\n  region = var.region\n}\n\nresource "alicloud_vpc" "this" {\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n',
    });
    const { findings } = await json(dir);
    const root = one(findings, 'ALI-IPV6-001', 'module.legacy.provider.alicloud');
    expect(root).toMatchObject({ status: 'non-compliant', level: 'error', file: path.join(dir, 'main.tf'), line: 7, affects: ['module.legacy.alicloud_vpc.this'] });
    expect(root.message).toContain(`provider "alicloud" in module.legacy at ${path.join(dir, 'legacy', 'main.tf')}:4: region = var.region; var.region = "me-east-1" in module.legacy, the argument at ${path.join(dir, 'main.tf')}:7`);
    expect(one(findings, 'ALI-IPV6-001', 'module.legacy.alicloud_vpc.this')).toMatchObject({ level: 'info', linkedTo: 'module.legacy.provider.alicloud', file: path.join(dir, 'legacy', 'main.tf'), line: 7 });
  });

  test('an aliased provider a module uses but its call does not pass: "cannot verify", on the resource', async () => {
    const dir = tmpDir({
      'main.tf': 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\nmodule "m" {\n  source = "./m"\n}\n',
      'm/main.tf': 'resource "alicloud_vpc" "this" {\n  provider    = alicloud.other\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n',
    });
    const { findings } = await json(dir);
    const f = one(findings, 'ALI-IPV6-001', 'module.m.alicloud_vpc.this');
    expect(f).toMatchObject({ status: 'not-verifiable', level: 'warning', file: path.join(dir, 'm', 'main.tf'), line: 1 });
    expect(f.message).toContain('no alicloud provider has alias "other (not passed to module.m)"');
  });

  test('a root resource with an alias no provider block has stays on its own line, "cannot verify"', async () => {
    const dir = tmpDir({ 'main.tf': 'provider "alicloud" {\n  region = "me-east-1"\n}\n\nresource "alicloud_vpc" "x" {\n  provider    = alicloud.nope\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n' });
    const { findings } = await json(dir);
    expect(one(findings, 'ALI-IPV6-001', 'alicloud_vpc.x')).toMatchObject({ status: 'not-verifiable', line: 5, message: expect.stringContaining('no alicloud provider has alias "nope"') });
  });
});

describe('registry and git modules', () => {
  test('an initialised folder: modules are read from .terraform/modules (modules.json Key, Source, Dir), nested ones too', async () => {
    const dir = fx('registry');
    const vpcDir = path.join(dir, '.terraform', 'modules', 'vpc');
    const { code, findings } = await json(dir);
    expect(code).toBe(1);
    expect(one(findings, 'ALI-IPV6-001', 'module.vpc.alicloud_vpc.this')).toMatchObject({ status: 'compliant', file: path.join(vpcDir, 'main.tf'), line: 6 });
    const subnet = path.join(vpcDir, 'modules', 'subnet', 'main.tf');
    const v = one(findings, 'ALI-IPV6-005', 'module.vpc.module.subnet.alicloud_vswitch.this');
    expect(v).toMatchObject({ status: 'non-compliant', level: 'error', file: subnet, line: 5 });
    expect(v.message).toContain('has enable_ipv6 = true but no ipv6_cidr_block_mask');
    expect(v.via).toBe(`${path.join(dir, 'main.tf')}:7 module "vpc" → ${path.join(vpcDir, 'main.tf')}:12 module "subnet" → ${subnet}:5`);
    expect(findings.some((f) => f.ruleId === 'ALI-IPV6-MOD')).toBe(false);
  });

  test('a folder that was not initialised: one info per registry or git module call, saying how to get it checked', async () => {
    const main = fx('remote-uninit', 'main.tf');
    const r = await cli(fx('remote-uninit'));
    expect(r.code).toBe(0); // infos do not fail the check
    const { findings } = await json(fx('remote-uninit'));
    const vpc = one(findings, 'ALI-IPV6-MOD', 'module.vpc');
    expect(vpc).toMatchObject({ status: 'not-verifiable', level: 'info', file: main, line: lineOf(main, 'module "vpc"') });
    expect(vpc.message).toBe('module.vpc (source "example/vpc/alicloud") was not followed: the folder was not initialised (no .terraform/modules/modules.json), so the resources of the module were not checked');
    expect(vpc.fix).toBe(`run terraform init in ${fx('remote-uninit')} and check again (check reads the modules terraform init downloads), or check the plan JSON (terraform plan -out plan.out && terraform show -json plan.out > plan.json)`);
    expect(one(findings, 'ALI-IPV6-MOD', 'module.network')).toMatchObject({ level: 'info', file: main, line: lineOf(main, 'module "network"') });
    expect(one(findings, 'ALI-IPV6-MOD', 'module.network').message).toContain('source "git::https://example.com/network.git?ref=v1.2.0"');
    // the root's own resources are still checked
    expect(one(findings, 'ALI-IPV6-001', 'alicloud_vpc.main')).toMatchObject({ status: 'compliant', line: lineOf(main, 'resource "alicloud_vpc"') });
    expect(r.out).toContain(`${main}:${lineOf(main, 'module "vpc"')}  info     ALI-IPV6-MOD  module.vpc`);
    // module calls are not counted as resources
    // (4 checks: ALI-IPV6-015 on the provider and the resource besides the two before)
    expect(r.out.trim().split('\n').pop()).toBe('0 errors, 0 warnings, 2 infos, 0 suppressed (4 checks passed on 1 resource in 1 input)');
  });

  test('an initialised folder where a call is missing from modules.json, or its folder is gone: an info each', async () => {
    const dir = tmpDir({
      'main.tf': 'module "a" {\n  source = "example/a/alicloud"\n}\n\nmodule "b" {\n  source = "example/b/alicloud"\n}\n',
      '.terraform/modules/modules.json': JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'b', Source: 'registry.terraform.io/example/b/alicloud', Dir: '.terraform/modules/b' }] }),
    });
    const { findings } = await json(dir);
    expect(one(findings, 'ALI-IPV6-MOD', 'module.a')).toMatchObject({ level: 'info', line: 1 });
    expect(one(findings, 'ALI-IPV6-MOD', 'module.a').message).toContain('it is not in .terraform/modules/modules.json');
    expect(one(findings, 'ALI-IPV6-MOD', 'module.b')).toMatchObject({ level: 'info', line: 5 });
    expect(one(findings, 'ALI-IPV6-MOD', 'module.b').message).toContain(`names the folder ${path.join(dir, '.terraform', 'modules', 'b')}, which does not exist`);
  });

  test('a modules.json that is not a module manifest is an input error (exit 2)', async () => {
    const dir = tmpDir({ 'main.tf': 'module "a" {\n  source = "example/a/alicloud"\n}\n', '.terraform/modules/modules.json': '{"modules": 1}' });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, '.terraform', 'modules', 'modules.json')}: is not a Terraform module manifest`);
  });
});

describe('module calls that cannot be read: exit 2 with the file and line of the call', () => {
  test('a missing local module folder', async () => {
    const dir = tmpDir({ 'main.tf': 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\nmodule "net" {\n  source = "./nowhere"\n}\n' });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, 'main.tf')}:5: module "net": cannot read its source folder ${path.join(dir, 'nowhere')} (ENOENT)`);
  });

  test('a module that calls itself, directly or through another', async () => {
    const self = tmpDir({ 'main.tf': 'module "again" {\n  source = "./"\n}\n' });
    const r = await cli(self);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(self, 'main.tf')}:1: module "again" (source "./") calls a module that is already on its own call chain (. → .)`);
    const loop = tmpDir({
      'root/main.tf': 'module "a" {\n  source = "../a"\n}\n',
      'a/main.tf': 'module "b" {\n  source = "../b"\n}\n',
      'b/main.tf': '# b calls a again\nmodule "a" {\n  source = "../a"\n}\n',
    });
    const r2 = await cli(path.join(loop, 'root'));
    expect(r2.code).toBe(2);
    expect(r2.err).toContain(`${path.join(loop, 'b', 'main.tf')}:2: module "a" (source "../a") calls a module that is already on its own call chain (. → ../a → ../b → ../a)`);
  });

  test('a count that expands to more than 2000 module instances', async () => {
    const dir = tmpDir({ 'main.tf': '# many\nmodule "many" {\n  source = "./m"\n  count  = 5000\n}\n', 'm/main.tf': 'variable "x" {\n  default = 1\n}\n' });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, 'main.tf')}:2: the configuration expands to more than 2000 module instances (at module.many[1999])`);
  });

  test('modules nested more than 32 levels deep', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`m${i}/main.tf`] = `module "next" {\n  source = "../m${i + 1}"\n}\n`;
    files['m40/main.tf'] = 'resource "alicloud_vpc" "deep" {\n  cidr_block = "10.0.0.0/16"\n}\n';
    const dir = tmpDir(files);
    const r = await cli(path.join(dir, 'm0'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/m32[/\\]main\.tf:1: module "next" nests modules more than 32 levels deep \(module\.next(\.module\.next){32}\)/);
  });
});

describe('conditions with known values', () => {
  test('`count = var.create ? 1 : 0` on a module call and on its resources follows the known values', async () => {
    const dir = tmpDir({
      'main.tf': [
        'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n',
        'variable "enabled" {\n  default = true\n}\n',
        'module "on" {\n  source = "./m"\n  count  = var.enabled ? 1 : 0\n  create = true\n}\n',
        'module "off" {\n  source = "./m"\n  count  = var.enabled ? 0 : 1\n  create = true\n}\n',
        'module "no_vswitch" {\n  source = "./m"\n  create = false\n}\n',
      ].join('\n'),
      'm/main.tf': 'variable "create" {\n  default = true\n}\n\nresource "alicloud_vswitch" "this" {\n  count                = var.create ? 1 : 0\n  vpc_id               = "vpc-123"\n  cidr_block           = "10.0.1.0/24"\n  zone_id              = "cn-hangzhou-j"\n  enable_ipv6          = true\n  ipv6_cidr_block_mask = 300\n}\n',
    });
    const { findings } = await json(dir);
    const masks = findings.filter((f) => f.ruleId === 'ALI-IPV6-005');
    expect(masks.map((f) => [f.address, f.status, f.line])).toEqual([['module.on[0].alicloud_vswitch.this', 'non-compliant', 5]]);
    expect(findings.filter((f) => f.ruleId === 'ALI-IPV6-MOD')).toEqual([]);
    // a condition on a value known only at apply stays "cannot verify"
    fs.appendFileSync(path.join(dir, 'main.tf'), '\nmodule "maybe" {\n  source = "./m"\n  count  = length(var.enabled) > 0 ? 1 : 0\n}\n');
    const again = await json(dir);
    expect(one(again.findings, 'ALI-IPV6-MOD', 'module.maybe')).toMatchObject({ level: 'warning', line: lineOf(path.join(dir, 'main.tf'), 'count  = length(') });
  });
});
