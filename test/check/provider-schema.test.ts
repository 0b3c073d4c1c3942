/**
 * `check` walks the whole alicloud provider schema on HCL and Terraform JSON inputs (issue 20, item 4:
 * ALI-IPV6-015 with the config checker's walker): each problem a finding with its file, the line of its argument
 * (or of its block) and its address; schema errors exit 1.
 */
import * as fs from 'fs';
import * as path from 'path';
import { cli, tempFolder } from './check-cli';

const folder = (files: Record<string, string>): string => tempFolder(files, 'provider-schema-');
const check = cli;

const HCL = `provider "alicloud" {
  region = "cn-hangzhou"
  regoin = "cn-hangzhou"
}

resource "alicloud_vpc" "main" {
  vpc_name    = "v"
  cidr_block  = "10.0.0.0/16"
  enable_ipv6 = "sometimes"
  bogus_attr  = 1
}

resource "alicloud_vswich" "a" {
  vpc_id = alicloud_vpc.main.id
}

resource "alicloud_security_group_rule" "r" {
  type        = "ingress"
  ip_protocol = "tcp"
  cidr_ip     = "0.0.0.0/0"
}

resource "alicloud_eci_container_group" "g" {
  container_group_name = "g"
  security_group_id    = var.sg
  vswitch_id           = var.vsw
  containers {
    name  = "c"
    image = "nginx"
  }
  dns_config {
    name_servers = ["1.1.1.1"]
  }
  dns_config {
    name_servers = ["8.8.8.8"]
  }
}

resource "alicloud_vswitch" "b" {
  vpc_id      = alicloud_vpc.main.id
  zone_id     = "cn-hangzhou-h"
  cidr_block  = "10.0.1.0/24"
  enable_ipv6 = var.ipv6
}

resource "random_pet" "p" {
  whatever = 1
}
`;

describe('ALI-IPV6-015 in check', () => {
  test('an HCL folder: each schema problem at the line of its argument (or block), exit 1; expressions and other providers left alone', async () => {
    const dir = folder({ 'main.tf': HCL });
    const { code, out } = await check(dir, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(out);
    const found = report.findings.filter((f: any) => f.ruleId === 'ALI-IPV6-015' && f.status !== 'compliant')
      .map((f: any) => [f.line, f.level, f.address, f.message.replace(/ Allowed: .*$/, '').slice(0, 120)])
      .sort((a: any[], b: any[]) => a[0] - b[0] || a[3].localeCompare(b[3]));
    const file = path.join(dir, 'main.tf');
    expect(report.findings.filter((f: any) => f.ruleId === 'ALI-IPV6-015').every((f: any) => f.file === file)).toBe(true);
    expect(found).toEqual([
      [3, 'error', 'provider.alicloud', 'provider.alicloud regoin: "regoin" is not an argument or block of provider "alicloud". Did you mean "region"?'],
      [9, 'error', 'alicloud_vpc.main', expect.stringContaining('alicloud_vpc.main enable_ipv6: "enable_ipv6" must be bool, got string "sometimes"')],
      [10, 'error', 'alicloud_vpc.main', 'alicloud_vpc.main bogus_attr: "bogus_attr" is not an argument or block of alicloud_vpc.'],
      [13, 'warning', 'alicloud_vswich.a', expect.stringContaining('Cannot verify alicloud_vswich.a: resource type "alicloud_vswich" is not in the alicloud provider 1.289.0 schema')],
      [17, 'error', 'alicloud_security_group_rule.r', expect.stringContaining('alicloud_security_group_rule.r security_group_id: the argument "security_group_id" (string) of alicloud_security_group_r')],
      [31, 'error', 'alicloud_eci_container_group.g', expect.stringMatching(/^alicloud_eci_container_group\.g dns_config: .*at most 1/)],
    ]);
    expect(report.findings.find((f: any) => f.address === 'alicloud_vswich.a' && f.ruleId === 'ALI-IPV6-015').message).toContain('Did you mean "alicloud_vswitch"?');
    // var.sg, var.vsw, var.ipv6: unknown, never flagged; alicloud_vswitch.b follows the schema
    expect(report.findings.find((f: any) => f.address === 'alicloud_vswitch.b' && f.ruleId === 'ALI-IPV6-015').status).toBe('compliant');
    expect(report.findings.filter((f: any) => f.address.startsWith('random_pet'))).toEqual([]);
  });

  test('the text report: file:line, level, rule and address, the message and a fix', async () => {
    const dir = folder({ 'main.tf': HCL });
    const { out } = await check(dir);
    expect(out).toContain(`${path.join(dir, 'main.tf')}:10  error    ALI-IPV6-015  alicloud_vpc.main`);
    expect(out).toContain('Fix: remove the argument or block, or correct its name (see the suggestion and the allowed names).');
  });

  test('Terraform JSON: the line of the key; a bool given as "true" converts and passes', async () => {
    const doc = {
      provider: { alicloud: { region: 'cn-hangzhou' } },
      resource: {
        alicloud_vpc: {
          main: { vpc_name: 'v', cidr_block: '10.0.0.0/16', enable_ipv6: 'true' },
          other: { vpc_name: 'w', cidr_block: '10.1.0.0/16', enable_ipv6: 'sometimes' },
        },
      },
    };
    const dir = folder({ 'main.tf.json': JSON.stringify(doc, null, 2) });
    const { code, out } = await check(dir, '--format', 'json');
    expect(code).toBe(1);
    const lines = JSON.stringify(doc, null, 2).split('\n');
    const found = JSON.parse(out).findings.filter((f: any) => f.ruleId === 'ALI-IPV6-015' && f.status !== 'compliant');
    expect(found).toHaveLength(1);
    expect(found[0].address).toBe('alicloud_vpc.other');
    expect(lines[found[0].line - 1]).toContain('"enable_ipv6": "sometimes"');
  });

  test('a configuration that follows the schema passes, and --fail-on warning still exits 0 (the HCL copy of the example)', async () => {
    const { code } = await check(path.join('test', 'check', 'fixtures', 'hcl-example'), '--fail-on', 'warning');
    expect(code).toBe(0);
  });

  test('turned off in .ipv6-checks.json, a schema error no longer fails the check', async () => {
    const dir = folder({
      'main.tf': 'provider "alicloud" {\n  region = "cn-hangzhou"\n}\n\nresource "alicloud_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n  bogus_attr = 1\n}\n',
      '.ipv6-checks.json': JSON.stringify({ ruleLevels: { 'ALI-IPV6-015': 'off' } }),
    });
    expect((await check(dir)).code).toBe(0);
    fs.rmSync(path.join(dir, '.ipv6-checks.json'));
    expect((await check(dir)).code).toBe(1);
  });
});
