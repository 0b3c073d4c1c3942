/**
 * `check` takes variable values as Terraform decides them: default < TF_VAR_ < terraform.tfvars <
 * terraform.tfvars.json < *.auto.tfvars(.json) in lexical order < --var / --var-file in command-line order.
 * A finding decided from such a value says where it came from, and a region finding is reported where the
 * region is decided.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli, json, tempFolder } from './check-cli';
import { CHECK_USAGE } from '../../src/cli/check';

const FIXTURES = path.join('test', 'check', 'fixtures');
const fx = (...p: string[]) => path.join(FIXTURES, ...p);

const tmpDir = (files: Record<string, string>): string => tempFolder(files, 'check-values-');

/** The ALI-IPV6-001 finding that reports the region's root cause (not a linked info). */
function regionRoot(findings: any[]): any {
  const roots = findings.filter((f) => f.ruleId === 'ALI-IPV6-001' && f.linkedTo === undefined && f.status !== 'compliant');
  expect(roots).toHaveLength(1);
  return roots[0];
}

// A VPC with IPv6 in the region of var.region; the region names say which source won (none has IPv6).
const MAIN = 'provider "alicloud" {\n  region = var.region\n}\n\nresource "alicloud_vpc" "main" {\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n';
const VARIABLES = 'variable "region" {\n  type    = string\n  default = "xx-default"\n}\n';

describe('precedence of variable values', () => {
  test('default < terraform.tfvars < terraform.tfvars.json < *.auto.tfvars(.json) in lexical order, each with its file and line', async () => {
    const dir = tmpDir({
      'main.tf': MAIN,
      'variables.tf': VARIABLES,
      'terraform.tfvars': '# the first definitions file\nregion = "xx-tfvars"\n',
      'terraform.tfvars.json': '{\n  "region": "xx-tfvars-json"\n}\n',
      'b.auto.tfvars': 'other  = 1\nregion = "xx-auto-b"\n',
      'a.auto.tfvars.json': '{\n  "region": "xx-auto-a"\n}\n',
    });
    const at = (file: string) => path.join(dir, file);
    const expectRegion = async (value: string, file: string, line: number) => {
      const root = regionRoot((await json(dir)).findings);
      expect(root).toMatchObject({ address: 'var.region', file: at(file), line, status: 'non-compliant', level: 'error', affects: ['alicloud_vpc.main'] });
      expect(root.message).toContain(`var.region = "${value}", ${file === 'variables.tf' ? 'the default at' : 'from'} ${at(file)}:${line}`);
      expect(root.message).toContain(`deploys to region ${value}`);
    };
    await expectRegion('xx-auto-b', 'b.auto.tfvars', 2); // b.auto.tfvars sorts after a.auto.tfvars.json
    fs.rmSync(at('b.auto.tfvars'));
    await expectRegion('xx-auto-a', 'a.auto.tfvars.json', 2);
    fs.rmSync(at('a.auto.tfvars.json'));
    await expectRegion('xx-tfvars-json', 'terraform.tfvars.json', 2);
    fs.rmSync(at('terraform.tfvars.json'));
    await expectRegion('xx-tfvars', 'terraform.tfvars', 2);
    fs.rmSync(at('terraform.tfvars'));
    await expectRegion('xx-default', 'variables.tf', 3);
  });

  test('--var and --var-file win over the files, in the order given; --var is located at the provider\'s region line', async () => {
    const dir = tmpDir({ 'main.tf': MAIN, 'variables.tf': VARIABLES, 'terraform.tfvars': 'region = "xx-tfvars"\n', 'prod.tfvars': '\nregion = "xx-var-file"\n' });
    const varFile = path.join(dir, 'prod.tfvars');
    let root = regionRoot((await json(dir, '--var-file', varFile, '--var', 'region=xx-flag')).findings);
    expect(root).toMatchObject({ address: 'var.region', file: path.join(dir, 'main.tf'), line: 2 });
    expect(root.message).toContain('var.region = "xx-flag", from --var region=xx-flag');
    root = regionRoot((await json(dir, '--var', 'region=xx-flag', '--var-file', varFile)).findings);
    expect(root).toMatchObject({ address: 'var.region', file: varFile, line: 2 });
    expect(root.message).toContain(`var.region = "xx-var-file", from ${varFile}:2`);
    root = regionRoot((await json(dir, '--var=region=xx-inline')).findings);
    expect(root.message).toContain('var.region = "xx-inline", from --var region=xx-inline');
  });

  test('TF_VAR_<name> is above the default and below terraform.tfvars', async () => {
    const dir = tmpDir({ 'main.tf': MAIN, 'variables.tf': VARIABLES });
    process.env.TF_VAR_region = 'xx-env';
    try {
      let root = regionRoot((await json(dir)).findings);
      expect(root.message).toContain('var.region = "xx-env", from the environment variable TF_VAR_region');
      expect(root).toMatchObject({ file: path.join(dir, 'main.tf'), line: 2 });
      fs.writeFileSync(path.join(dir, 'terraform.tfvars'), 'region = "xx-tfvars"\n');
      root = regionRoot((await json(dir)).findings);
      expect(root.message).toContain('var.region = "xx-tfvars"');
    } finally {
      delete process.env.TF_VAR_region;
    }
  });

  test('the local fixture: terraform.tfvars overrides the default, --var overrides terraform.tfvars', async () => {
    // default cn-hangzhou (IPv6), terraform.tfvars me-east-1 (none): an error from terraform.tfvars
    const fromFile = regionRoot((await json(fx('modules', 'local'))).findings);
    expect(fromFile).toMatchObject({ address: 'var.region', file: fx('modules', 'local', 'terraform.tfvars'), line: 1 });
    const { findings } = await json(fx('modules', 'local'), '--var', 'region=cn-hangzhou');
    expect(findings.filter((f) => f.ruleId === 'ALI-IPV6-001' && f.status !== 'compliant')).toEqual([]);
    const vpc = findings.find((f) => f.ruleId === 'ALI-IPV6-001' && f.address === 'module.net.alicloud_vpc.this');
    expect(vpc).toMatchObject({ status: 'compliant', file: fx('modules', 'local', 'modules', 'net', 'main.tf'), line: 13 });
    expect(vpc.message).toContain('deploys to cn-hangzhou (the default provider "alicloud")');
  });

  test('a variable with no default and no value: "cannot verify", at the variable\'s declaration', async () => {
    const dir = tmpDir({ 'main.tf': MAIN, 'variables.tf': '# the region of everything\nvariable "region" {\n  type = string\n}\n' });
    const { code, findings } = await json(dir);
    expect(code).toBe(0);
    const root = regionRoot(findings);
    expect(root).toMatchObject({ address: 'var.region', status: 'not-verifiable', level: 'warning', file: path.join(dir, 'variables.tf'), line: 2 });
    expect(root.message).toContain(`var.region has no default and no value (terraform.tfvars, *.auto.tfvars, --var, --var-file), declared at ${path.join(dir, 'variables.tf')}:2`);
    expect(root.message).toContain('${var.region}');
  });

  test('a set variable from --var is parsed as HCL and expands a module\'s for_each', async () => {
    const dir = tmpDir({
      'main.tf': 'variable "masks" {\n  type    = set(string)\n  default = []\n}\n\nmodule "sub" {\n  source   = "./sub"\n  for_each = toset(var.masks)\n  mask     = each.value\n}\n',
      'sub/main.tf': 'variable "mask" {}\n\nresource "alicloud_vswitch" "this" {\n  vpc_id               = "vpc-123"\n  cidr_block           = "10.0.1.0/24"\n  zone_id              = "cn-hangzhou-j"\n  enable_ipv6          = true\n  ipv6_cidr_block_mask = var.mask\n}\n',
    });
    // toset(var.masks) is a function of a variable: not a literal, so the call is "cannot verify"
    const before = await json(dir);
    expect(before.findings.filter((f) => f.ruleId === 'ALI-IPV6-MOD').map((f) => [f.address, f.line])).toEqual([['module.sub', 8]]);
    // for_each = var.masks directly takes the list given with --var
    fs.writeFileSync(path.join(dir, 'main.tf'), fs.readFileSync(path.join(dir, 'main.tf'), 'utf-8').replace('toset(var.masks)', 'var.masks'));
    const { findings } = await json(dir, '--var', 'masks=["3", "300"]');
    const masks = findings.filter((f) => f.ruleId === 'ALI-IPV6-005').map((f) => [f.address, f.status]);
    expect(masks).toEqual([['module.sub["3"].alicloud_vswitch.this', 'compliant'], ['module.sub["300"].alicloud_vswitch.this', 'non-compliant']]);
  });
});

describe('where values came from, in the findings', () => {
  test('an instance type from a variable\'s default: the finding names the variable, its value and the line', async () => {
    const file = fx('hcl-modules', 'main.tf');
    const { findings } = await json(fx('hcl-modules'));
    const f = findings.find((x) => x.ruleId === 'ALI-IPV6-002');
    expect(f).toMatchObject({ status: 'non-compliant', address: 'alicloud_ess_eci_scaling_configuration.workers' });
    expect(f.message).toContain(`(var.instance_type = "ecs.hfc5.xlarge", the default at ${file}:20)`);
    expect(fs.readFileSync(file, 'utf-8').split('\n')[19]).toBe('  default = "ecs.hfc5.xlarge"');
  });
});

describe('locals', () => {
  test('locals from several files and blocks, and a local that is an expression of a variable, are substituted', async () => {
    const dir = tmpDir({
      'locals.tf': 'locals {\n  region = var.region\n}\n',
      'main.tf': 'variable "region" {\n  default = "me-east-1"\n}\n\nlocals {\n  mask = 300\n}\n\nprovider "alicloud" {\n  region = local.region\n}\n\nresource "alicloud_vswitch" "a" {\n  vpc_id               = "vpc-123"\n  cidr_block           = "10.0.1.0/24"\n  zone_id              = "me-east-1a"\n  enable_ipv6          = true\n  ipv6_cidr_block_mask = local.mask\n}\n\nresource "alicloud_vpc" "v" {\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n',
    });
    const { findings } = await json(dir);
    // local.region is in locals.tf, read before main.tf's locals block: both are kept
    const root = regionRoot(findings);
    expect(root).toMatchObject({ address: 'provider.alicloud', file: path.join(dir, 'main.tf'), line: 10, affects: ['alicloud_vpc.v'] });
    expect(root.message).toContain(`region = local.region; local.region = "me-east-1" (var.region = "me-east-1", the default at ${path.join(dir, 'main.tf')}:2)`);
    const mask = findings.find((f) => f.ruleId === 'ALI-IPV6-005');
    expect(mask).toMatchObject({ status: 'non-compliant', address: 'alicloud_vswitch.a', file: path.join(dir, 'main.tf'), line: 13 });
    expect(mask.message).toContain('is 300 but must be');
    expect(mask.message).toContain('(local.mask = 300)');
  });
});

describe('--var and --var-file on the command line', () => {
  test('usage lists them', async () => {
    expect(CHECK_USAGE).toContain('[--var NAME=VALUE]... [--var-file FILE]...');
    const r = await cli('--var', 'nonsense', fx('hcl-me-east'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--var nonsense: expected NAME=VALUE, e.g. --var region=cn-hangzhou');
  });

  test('a --var for a variable the root module does not declare, a missing --var-file, and --var with a plan: exit 2', async () => {
    const dir = tmpDir({ 'main.tf': MAIN, 'variables.tf': VARIABLES });
    let r = await cli(dir, '--var', 'regoin=cn-hangzhou');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${dir}: --var regoin: the root module declares no variable "regoin" (Terraform rejects a value for an undeclared variable); it declares region`);
    r = await cli(dir, '--var-file', path.join(dir, 'missing.tfvars'));
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, 'missing.tfvars')}: does not exist (given with --var-file)`);
    r = await cli(fx('plans', 'region-var.plan.json'), '--var', 'region=cn-hangzhou');
    expect(r.code).toBe(2);
    expect(r.err).toContain('is a plan: it holds the values it was planned with, so --var and --var-file do not apply to it');
  });

  test('a variable definitions file that is not valid HCL names the file and line (exit 2)', async () => {
    const dir = tmpDir({ 'main.tf': MAIN, 'variables.tf': VARIABLES, 'terraform.tfvars': 'region = "cn-hangzhou"\nregion ==\n' });
    const r = await cli(dir);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, 'terraform.tfvars')}:2: is not a valid variable definitions file`);
  });
});
