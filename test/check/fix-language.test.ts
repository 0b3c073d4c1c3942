/**
 * Fixes in the input's language (issue 20, item 6): for each rule whose fix shows cdktf code, an HCL input gets a
 * Terraform fix (an HCL snippet, the argument to change, `.ipv6-checks.json`, `# ipv6-checks:skip=`), and a stack
 * synthesized by cdktf (`cdk.tf.json`) keeps the cdktf code.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli, tempFolder } from './check-cli';

const EXAMPLE = fs.readFileSync(path.join('test', 'check', 'fixtures', 'hcl-example', 'main.tf'), 'utf-8');

/** What only cdktf code (or the library's constructs and options) looks like. */
const CDKTF = /new [A-Z]\w*\(|Ipv6Checks|DualStackVpc|TerraformVariable|addIngressRule|Ipv6EgressOnlyRule|this construct|instanceTypeGuard|ContainerGroup/;

const folder = (files: Record<string, string>): string => tempFolder(files, 'fix-language-');

async function reportOf(dir: string): Promise<any> {
  return JSON.parse((await cli(dir, '--format', 'json')).out);
}

/** The example with one change: `[from, to]` replaced (each `from` must be in it). */
function example(...edits: Array<[string, string]>): string {
  let text = EXAMPLE;
  for (const [from, to] of edits) {
    expect(text).toContain(from);
    text = text.replace(from, to);
  }
  return text;
}

const cases: Array<[string, string, string, string]> = [
  ['ALI-IPV6-001', 'a region from a variable', example(['region = "cn-huhehaote"', 'region = var.region']) + 'variable "region" {}\n',
    'provider "alicloud" { region = "cn-hangzhou" }'],
  ['ALI-IPV6-001', 'a region without IPv6', example(['region = "cn-huhehaote"', 'region = "me-east-1"']), '"additionalRegions": ["me-east-1"] in .ipv6-checks.json'],
  ['ALI-IPV6-002', 'an instance family the facts do not know', example(['  ipv6_address_count = 1\n', '  ipv6_address_count = 1\n  instance_types     = ["ecs.zz9.large"]\n']),
    'data "alicloud_instance_types"'],
  ['ALI-IPV6-004', 'a vSwitch not made here', example(['vswitch_ids        = [alicloud_vswitch.a.id, alicloud_vswitch.b.id]', 'vswitch_ids        = ["vsw-existing"]']),
    '# ipv6-checks:skip=ALI-IPV6-004'],
  ['ALI-IPV6-005', 'an IPv6 vSwitch without a mask', example(['  ipv6_cidr_block_mask = 0\n', '']), 'set ipv6_cidr_block_mask to a free value from 0 to 255'],
  ['ALI-IPV6-006', 'a gateway not made here', example(['ipv6_gateway_id      = alicloud_vpc_ipv6_gateway.main.id', 'ipv6_gateway_id      = "ipv6gw-existing"']),
    'resource "alicloud_vpc_ipv6_gateway" "gw" { vpc_id = alicloud_vpc.<the VPC>.id }'],
  ['ALI-IPV6-009', 'an ECI with IPv6 bandwidth and no IPv6 ingress', example(['ipv6_cidr_ip      = "::/0"', 'cidr_ip           = "0.0.0.0/0"']),
    'resource "alicloud_security_group_rule" "http6"'],
  ['ALI-IPV6-012', 'a private image without a login', example(['image    = "busybox:1.36"', 'image    = "registry.cn-huhehaote.aliyuncs.com/ns/worker:1"']),
    'for server "registry.cn-huhehaote.aliyuncs.com" with a user name and a password from a sensitive variable (var.registry_password)'],
  ['ALI-IPV6-015', 'a provider alias no block declares', example(['  vpc_name    = "ipv6-eci-example"\n', '  vpc_name    = "ipv6-eci-example"\n  provider    = alicloud.hk\n']),
    'provider "alicloud" { alias = "hk"'],
  ['ALI-IPV6-016', 'a version constraint that excludes 1.289.0', example(['version = "1.289.0"', 'version = "~> 1.263.0"']), 'version = "~> 1.289.0"'],
];

describe('fixes in the input\'s language', () => {
  test.each(cases)('%s, %s: an HCL input gets a Terraform fix', async (ruleId, _what, text, expected) => {
    const report = await reportOf(folder({ 'main.tf': text }));
    const found = report.findings.filter((f: any) => f.ruleId === ruleId && f.status !== 'compliant' && f.linkedTo === undefined);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0].fix).toContain(expected);
    for (const f of found) expect(f.fix).not.toMatch(CDKTF);
  });

  test('a stack synthesized by cdktf keeps cdktf code; the same JSON without cdktf\'s metadata is Terraform', async () => {
    // the region-var stack without its variable's default: the region is unknown, ALI-IPV6-001 cannot verify it
    const stack = JSON.parse(fs.readFileSync(path.join('test', 'check', 'fixtures', 'region-var', 'cdk.tf.json'), 'utf-8'));
    delete stack.variable.region.default;
    const synthesized = JSON.stringify(stack, null, 2);
    const region = (report: any) => report.findings.find((f: any) => f.ruleId === 'ALI-IPV6-001' && f.status === 'not-verifiable' && f.linkedTo === undefined);
    const cdk = region(await reportOf(folder({ 'cdk.tf.json': synthesized })));
    expect(cdk.fix).toContain("new AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' })");
    const { '//': _metadata, ...plain } = JSON.parse(synthesized);
    const tf = region(await reportOf(folder({ 'main.tf.json': JSON.stringify(plain, null, 2) })));
    expect(tf.fix).toContain('provider "alicloud" { region = "cn-hangzhou" }');
    expect(tf.fix).not.toMatch(CDKTF);
  });
});

describe('the version constraint in check (ALI-IPV6-016)', () => {
  test('an HCL module with required_providers in versions.tf and another terraform block in a later file: one warning at the constraint\'s line', async () => {
    const dir = folder({
      'main.tf': example(['version = "1.289.0"', 'version = "~> 1.263.0"']).replace(/^terraform \{[\s\S]*?\n\}\n/m, ''),
      'versions.tf': 'terraform {\n  required_providers {\n    alicloud = {\n      source  = "aliyun/alicloud"\n      version = "~> 1.263.0"\n    }\n  }\n}\n',
      'zz-backend.tf': 'terraform {\n  backend "local" {}\n}\n',
    });
    const found = (await reportOf(dir)).findings.filter((f: any) => f.ruleId === 'ALI-IPV6-016');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ level: 'warning', status: 'non-compliant', file: path.join(dir, 'versions.tf'), line: 5 });
    expect(found[0].message).toBe('the configuration requires aliyun/alicloud ~> 1.263.0; these checks use the 1.289.0 schema, so arguments added or removed since may be misjudged');
  });

  test('a plan: the provider\'s version_constraint, one warning at the plan file', async () => {
    const plan = JSON.parse(fs.readFileSync(path.join('test', 'check', 'fixtures', 'plans', 'region-var.plan.json'), 'utf-8'));
    expect(plan.configuration.provider_config.alicloud.version_constraint).toBe('1.289.0');
    const dir = folder({ 'plan.json': JSON.stringify(plan) });
    expect((await reportOf(path.join(dir, 'plan.json'))).findings.filter((f: any) => f.ruleId === 'ALI-IPV6-016')).toEqual([]);
    plan.configuration.provider_config.alicloud.version_constraint = '< 1.280.0';
    fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify(plan));
    const found = (await reportOf(path.join(dir, 'plan.json'))).findings.filter((f: any) => f.ruleId === 'ALI-IPV6-016');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: path.join(dir, 'plan.json') });
    expect(found[0].message).toContain('requires aliyun/alicloud < 1.280.0');
    expect(found[0].fix).not.toMatch(CDKTF);
  });
});
