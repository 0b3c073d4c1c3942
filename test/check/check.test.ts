/**
 * `cdktf-alicloud-ipv6 check`: HCL folders, synthesized stacks, plan JSON (made with real Terraform by
 * scripts/gen-check-fixtures.ts), options, config file, inline skips, exit codes and input errors.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import { cli } from './check-cli';
import { runCheck } from '../../src/cli/check';

const FIXTURES = path.join('test', 'check', 'fixtures');
const fx = (...p: string[]) => path.join(FIXTURES, ...p);

async function json(...args: string[]): Promise<{ code: number; report: any }> {
  const r = await cli(...args, '--format', 'json');
  return { code: r.code, report: JSON.parse(r.out) };
}

const find = (report: any, ruleId: string, address: string) => report.findings.filter((f: any) => f.ruleId === ruleId && f.address === address);

function tmpDir(files: Record<string, string | Buffer>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-test-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('HCL folders', () => {
  test('a VPC with IPv6 in me-east-1 (no IPv6 gateway there): exit 1, the file, the line and ALI-IPV6-001', async () => {
    const r = await cli(fx('hcl-me-east'));
    expect(r.code).toBe(1);
    const file = fx('hcl-me-east', 'main.tf');
    // `resource "alicloud_vpc" "main"` is on line 15 of the fixture
    expect(fs.readFileSync(file, 'utf-8').split('\n')[14]).toBe('resource "alicloud_vpc" "main" {');
    // the region's error is reported where the region is set (the provider's region line), the VPC links to it
    expect(fs.readFileSync(file, 'utf-8').split('\n')[11]).toBe('  region = "me-east-1"');
    expect(r.out).toContain(`${file}:12  error    ALI-IPV6-001  provider.alicloud`);
    expect(r.out).toContain(`provider "alicloud" at ${file}:12: region = "me-east-1"; it affects 1 resource: alicloud_vpc.main.`);
    expect(r.out).toContain(`${file}:15  info     ALI-IPV6-001  alicloud_vpc.main`);
    expect(r.out).toContain('deploys to region me-east-1');
    // the vSwitch's mask 300 is out of range: ALI-IPV6-005 on its own line
    expect(r.out).toContain(`${file}:21  error    ALI-IPV6-005  alicloud_vswitch.a`);
    // 5 checks: ALI-IPV6-015 on the provider, the VPC and the vSwitch besides the two before (the provider is no resource)
    expect(r.out.trim().split('\n').pop()).toBe('2 errors, 0 warnings, 1 info, 0 suppressed (5 checks passed on 2 resources in 1 input)');
    expect(r.out).not.toContain('\u001b[');
  });

  test('the HCL copy of the library example passes every rule, links included (ROS ECI, lookups, bandwidth, ESS)', async () => {
    const { code, report } = await json(fx('hcl-example'), '--fail-on', 'warning');
    expect(code).toBe(0);
    expect(report.findings.filter((f: any) => f.status !== 'compliant')).toEqual([]);
    const ids = new Set(report.findings.map((f: any) => f.ruleId));
    for (let n = 1; n <= 10; n++) expect(ids).toContain(`ALI-IPV6-${String(n).padStart(3, '0')}`);
    expect(find(report, 'ALI-IPV6-006', 'alicloud_vpc_ipv6_internet_bandwidth.web')[0].status).toBe('compliant');
    expect(find(report, 'ALI-IPV6-009', 'alicloud_ros_stack.web')[0]).toMatchObject({ status: 'compliant', line: 69 });
  });

  test('an inline skip with a reason suppresses the finding and shows where and why', async () => {
    const text = fs.readFileSync(fx('hcl-me-east', 'main.tf'), 'utf-8')
      .replace('  enable_ipv6 = true\n}', '  enable_ipv6 = true\n  # ipv6-checks:skip=ALI-IPV6-001 Dubai IPv6 confirmed by ticket 4711\n}');
    const dir = tmpDir({ 'main.tf': text });
    const r = await cli(dir);
    expect(r.out).toMatch(/main\.tf:15 {2}suppressed {2}ALI-IPV6-001 {2}alicloud_vpc\.main/);
    expect(r.out).toContain('suppressed at');
    expect(r.out).toContain('main.tf:19: Dubai IPv6 confirmed by ticket 4711');
    expect(r.code).toBe(1); // ALI-IPV6-005 is still there
    const { report } = await json(dir);
    expect(find(report, 'ALI-IPV6-001', 'alicloud_vpc.main')[0]).toMatchObject({ status: 'suppressed', suppressionReason: 'Dubai IPv6 confirmed by ticket 4711' });
  });

  test('an inline skip with a short reason or an unknown rule ID is an error with the line (exit 2)', async () => {
    const base = fs.readFileSync(fx('hcl-me-east', 'main.tf'), 'utf-8');
    const short = tmpDir({ 'main.tf': base.replace('  enable_ipv6 = true\n}', '  enable_ipv6 = true\n  # ipv6-checks:skip=ALI-IPV6-001 ok\n}') });
    const r = await cli(short);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(short, 'main.tf')}:19: the reason for skipping ALI-IPV6-001 must be at least 10 characters`);
    const unknownId = tmpDir({ 'main.tf': base.replace('  enable_ipv6 = true\n}', '  enable_ipv6 = true\n  # ipv6-checks:skip=ALI-IPV6-099 a long enough reason\n}') });
    expect((await cli(unknownId)).err).toContain("unknown rule ID 'ALI-IPV6-099'");
  });

  test('provider aliases and depends_on written as HCL references are read like Terraform JSON', async () => {
    const { report } = await json(fx('hcl-modules'));
    expect(find(report, 'ALI-IPV6-001', 'alicloud_vpc.hk')[0]).toMatchObject({ status: 'compliant', line: 37 });
    expect(find(report, 'ALI-IPV6-001', 'alicloud_vpc.hk')[0].message).toContain('cn-hongkong (provider "alicloud" (alias "hk"))');
    // the region is a variable: its default decides it, as in Terraform, and the finding says so
    expect(find(report, 'ALI-IPV6-001', 'alicloud_ess_eci_scaling_configuration.workers')[0]).toMatchObject({ status: 'compliant', line: 56 });
    expect(find(report, 'ALI-IPV6-001', 'alicloud_ess_eci_scaling_configuration.workers')[0].message).toContain('deploys to cn-huhehaote');
  });
});

describe('plan JSON (terraform show -json, made offline from our own stacks)', () => {
  test('a region from a variable: its default on the synthesized stack, --var as in the plan, and the plan', async () => {
    const synth = await json(fx('region-var'));
    const plan = await json(fx('plans', 'region-var.plan.json'));
    const vpc = 'alicloud_vpc.Vpc_8378EB38';
    // one finding per root cause (the provider's region): the first resource reports it, the others link to it
    const roots = (report: any) => report.findings.filter((f: any) => f.ruleId === 'ALI-IPV6-001' && f.status !== 'compliant' && f.linkedTo === undefined);
    // nothing sets var.region: Terraform takes its default, cn-huhehaote, which has IPv6
    expect(roots(synth.report)).toEqual([]);
    expect(find(synth.report, 'ALI-IPV6-001', vpc)[0]).toMatchObject({ status: 'compliant' });
    expect(find(synth.report, 'ALI-IPV6-001', vpc)[0].message).toContain('deploys to cn-huhehaote');
    expect(synth.code).toBe(0);
    // the plan was made with -var region=me-east-1: with the same --var, the stack has the plan's error, at the provider's region line
    const withVar = await json(fx('region-var'), '--var', 'region=me-east-1');
    const stack = fx('region-var', 'cdk.tf.json');
    const regionLine = fs.readFileSync(stack, 'utf-8').split('\n').findIndex((l) => l.includes('"region": "${var.region}"')) + 1;
    expect(roots(withVar.report)).toEqual([expect.objectContaining({ status: 'non-compliant', level: 'error', address: 'var.region', file: stack, line: regionLine })]);
    expect(roots(withVar.report)[0].message).toContain('var.region = "me-east-1", from --var region=me-east-1; it affects 3 resources: alicloud_ros_stack.Web_Stack_6C75521F, alicloud_vpc.Vpc_8378EB38, alicloud_vpc_ipv6_gateway.Vpc_Ipv6Gateway_7377DBC9');
    expect(find(withVar.report, 'ALI-IPV6-001', vpc)[0]).toMatchObject({ status: 'non-compliant', level: 'info', linkedTo: 'var.region' });
    expect(withVar.code).toBe(1);
    expect(roots(plan.report)).toEqual([expect.objectContaining({ status: 'non-compliant', level: 'error' })]);
    expect(roots(plan.report)[0].message).toContain('deploys to region me-east-1');
    expect(find(plan.report, 'ALI-IPV6-001', vpc)[0]).toMatchObject({ status: 'non-compliant', level: 'info', linkedTo: 'alicloud_ros_stack.Web_Stack_6C75521F' });
    expect(find(plan.report, 'ALI-IPV6-001', vpc)[0].fix).toContain("the same cause as [ALI-IPV6-001] at 'alicloud_ros_stack.Web_Stack_6C75521F'");
    // the root finding lists the resources its cause also affects
    expect(roots(plan.report)[0].message).toContain(`the same cause also affects '${vpc}'`);
    expect(find(plan.report, 'ALI-IPV6-001', vpc)[0].message).toContain('deploys to region me-east-1');
    expect(plan.code).toBe(1);
    expect(plan.report.inputs).toEqual([{ input: fx('plans', 'region-var.plan.json'), kind: 'plan' }]);
    // the links survive the unknown IDs: vSwitch of the ROS ECI, gateway and address of the bandwidth, ingress
    for (const id of ['ALI-IPV6-004', 'ALI-IPV6-006', 'ALI-IPV6-009']) {
      expect(plan.report.findings.filter((f: any) => f.ruleId === id).map((f: any) => f.status)).toEqual(['compliant']);
    }
  });

  test('child modules, provider aliases, a variable instance type and a vSwitch from a module output', async () => {
    const { code, report } = await json(fx('plans', 'modules.plan.json'));
    expect(code).toBe(1);
    const ess = 'alicloud_ess_eci_scaling_configuration.workers';
    // the module's VPC shares the root cause (the default provider in me-east-1) reported on the ECI configuration
    expect(find(report, 'ALI-IPV6-001', ess)[0]).toMatchObject({ status: 'non-compliant', level: 'error' });
    expect(find(report, 'ALI-IPV6-001', 'module.net.alicloud_vpc.this')[0]).toMatchObject({ status: 'non-compliant', level: 'info' });
    expect(find(report, 'ALI-IPV6-001', 'module.net.alicloud_vpc.this')[0].message).toContain('VPC module.net.alicloud_vpc.this (IPv6 enabled)');
    expect(find(report, 'ALI-IPV6-001', 'alicloud_vpc.hk')[0].status).toBe('compliant');
    expect(find(report, 'ALI-IPV6-002', ess)[0]).toMatchObject({ status: 'non-compliant' });
    expect(find(report, 'ALI-IPV6-002', ess)[0].message).toContain('ecs.hfc5.xlarge');
    expect(find(report, 'ALI-IPV6-004', ess)[0]).toMatchObject({ status: 'compliant' });
    expect(find(report, 'ALI-IPV6-004', ess)[0].message).toContain('module.net.alicloud_vswitch.a');
    expect(find(report, 'ALI-IPV6-005', 'module.net.alicloud_vswitch.a')[0].status).toBe('compliant');
  });

  test('instances with count and prior state: addresses with their index, literal IDs linked to known blocks', async () => {
    const plan = {
      format_version: '1.2',
      variables: { region: { value: 'cn-hangzhou' } },
      prior_state: {
        format_version: '1.0',
        values: {
          root_module: {
            resources: [
              { address: 'alicloud_vpc.old', mode: 'managed', type: 'alicloud_vpc', name: 'old', values: { id: 'vpc-old', enable_ipv6: false } },
            ],
          },
        },
      },
      planned_values: {
        root_module: {
          resources: [
            { address: 'alicloud_vpc.old', mode: 'managed', type: 'alicloud_vpc', name: 'old', values: { id: 'vpc-old', enable_ipv6: false } },
            ...[0, 1].map((i) => ({
              address: `alicloud_vswitch.s[${i}]`,
              mode: 'managed',
              type: 'alicloud_vswitch',
              name: 's',
              index: i,
              values: { vpc_id: 'vpc-old', enable_ipv6: true, ipv6_cidr_block_mask: 7 },
            })),
          ],
        },
      },
      configuration: {
        provider_config: { alicloud: { name: 'alicloud', expressions: { region: { references: ['var.region'] } } } },
        root_module: { resources: [{ address: 'alicloud_vswitch.s', mode: 'managed', type: 'alicloud_vswitch', name: 's', provider_config_key: 'alicloud', expressions: {} }] },
      },
    };
    const dir = tmpDir({ 'plan.json': JSON.stringify(plan) });
    const { report } = await json(path.join(dir, 'plan.json'));
    const masks = report.findings.filter((f: any) => f.ruleId === 'ALI-IPV6-005');
    expect(masks.map((f: any) => f.address).sort()).toEqual(['alicloud_vswitch.s[0]', 'alicloud_vswitch.s[1]']);
    // the same mask twice in one VPC, and that VPC (found by its literal ID in the prior state) has no IPv6
    expect(masks.every((f: any) => f.status === 'non-compliant')).toBe(true);
    expect(masks.map((f: any) => f.message).join('\n')).toContain('alicloud_vpc.old');
    expect(masks.map((f: any) => f.message).join('\n')).not.toContain('__');
  });
});

describe('SARIF 2.1.0', () => {
  // The OASIS SARIF 2.1.0 (rtm.5) JSON schema as shipped by @microsoft/jest-sarif (MIT).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
  // The schema's language pattern is not valid in Unicode mode (`...]?$`), so ajv reads patterns without the u flag.
  const validate = new Ajv({
    allErrors: true,
    strict: false,
    unicodeRegExp: false,
    formats: {
      'uri': (s: string) => { try { return new URL(s).protocol.length > 1; } catch { return false; } },
      'uri-reference': (s: string) => !/\s/.test(s),
      'date-time': (s: string) => !Number.isNaN(Date.parse(s)),
    },
  }).compile(schema);

  test('the output passes the SARIF 2.1.0 schema, with rules, help from RULES.md, levels, fixes and locations', async () => {
    const dir = tmpDir({});
    const out = path.join(dir, 'sub', 'ipv6.sarif');
    const r = await cli(fx('hcl-me-east'), fx('plans', 'region-var.plan.json'), '--format', 'sarif', '--output', out);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^3 errors, 0 warnings, 3 infos/); // one error per root cause; the same cause elsewhere is a linked info
    const sarif = JSON.parse(fs.readFileSync(out, 'utf-8'));
    const ok = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    const rule1 = run.tool.driver.rules.find((x: any) => x.id === 'ALI-IPV6-001');
    expect(rule1.help.markdown).toContain('Ipv6AddressNotSupport');
    expect(rule1.defaultConfiguration.level).toBe('error');
    // the region's error is at the provider's region line, with the VPC it affects as a related location
    const vpc = run.results.find((x: any) => x.ruleId === 'ALI-IPV6-001' && x.locations[0].logicalLocations[0].fullyQualifiedName === 'provider.alicloud');
    expect(vpc.level).toBe('error');
    expect(vpc.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'test/check/fixtures/hcl-me-east/main.tf' }, region: { startLine: 12 } });
    expect(vpc.relatedLocations).toEqual([{ id: 0, physicalLocation: { artifactLocation: { uri: 'test/check/fixtures/hcl-me-east/main.tf' }, region: { startLine: 15 } }, message: { text: 'alicloud_vpc.main' } }]);
    expect(vpc.properties.affects).toEqual(['alicloud_vpc.main']);
    const linked = run.results.find((x: any) => x.ruleId === 'ALI-IPV6-001' && x.locations[0].logicalLocations[0].fullyQualifiedName === 'alicloud_vpc.main');
    expect(linked).toMatchObject({ level: 'note', locations: [{ physicalLocation: { region: { startLine: 15 } } }] });
    expect(vpc.message.text).toContain('Fix: deploy to a region with an IPv6 gateway');
    expect(vpc.properties.fix).toContain('deploy to a region with an IPv6 gateway');
    expect(run.tool.driver.rules[vpc.ruleIndex].id).toBe('ALI-IPV6-001');
  });

  test('suppressed findings carry a SARIF suppression with the justification, and still validate', async () => {
    const dir = tmpDir({
      'main.tf': fs.readFileSync(fx('hcl-me-east', 'main.tf'), 'utf-8'),
      '.ipv6-checks.json': JSON.stringify({ suppressions: [{ address: 'alicloud_vswitch.a', ruleId: 'ALI-IPV6-005', reason: 'mask is fixed by the network team' }] }),
    });
    const r = await cli(dir, '--format', 'sarif');
    const sarif = JSON.parse(r.out);
    expect(validate(sarif)).toBe(true);
    const s = sarif.runs[0].results.find((x: any) => x.ruleId === 'ALI-IPV6-005');
    expect(s.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'mask is fixed by the network team' }]);
  });
});

describe('options and the config file', () => {
  test('--fail-on decides the exit code; warnings only fail with --fail-on warning', async () => {
    // a region variable without a default or a value: "cannot verify" (a warning)
    const noValue = tmpDir({ 'main.tf': 'variable "region" {\n  type = string\n}\n\nprovider "alicloud" {\n  region = var.region\n}\n\nresource "alicloud_vpc" "main" {\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n' });
    expect((await cli(noValue)).code).toBe(0);
    expect((await cli(noValue, '--fail-on', 'warning')).code).toBe(1);
    expect((await cli(fx('hcl-me-east'), '--fail-on', 'never')).code).toBe(0);
  });

  test('.ipv6-checks.json: facts, levels and suppressions by address (a module covers what is in it)', async () => {
    const dir = tmpDir({
      'plan.json': fs.readFileSync(fx('plans', 'modules.plan.json')),
      '.ipv6-checks.json': JSON.stringify({
        additionalRegions: ['me-east-1'],
        ruleLevels: { 'ALI-IPV6-002': 'warning' },
        suppressions: [{ address: 'module.net', ruleId: '*', reason: 'the network module is checked by its own pipeline' }],
      }),
    });
    const { code, report } = await json(path.join(dir, 'plan.json'));
    expect(code).toBe(0);
    expect(find(report, 'ALI-IPV6-001', 'alicloud_ess_eci_scaling_configuration.workers')[0].status).toBe('compliant');
    expect(find(report, 'ALI-IPV6-002', 'alicloud_ess_eci_scaling_configuration.workers')[0]).toMatchObject({ status: 'non-compliant', level: 'warning' });
    expect(report.findings.filter((f: any) => f.address.startsWith('module.net.') && f.status !== 'compliant')).toEqual([]);
  });

  test('a bad config file is an input error naming the file (exit 2)', async () => {
    for (const [config, message] of [
      [{ suppressions: [{ address: 'x.y', ruleId: 'ALI-IPV6-001', reason: 'short' }] }, 'suppressions[0].reason must be at least 10 characters'],
      [{ ruleLevels: { 'ALI-IPV6-042': 'error' } }, "unknown rule ID 'ALI-IPV6-042'"],
      [{ regions: [] }, 'unknown key regions'],
    ] as const) {
      const dir = tmpDir({ 'main.tf': '', '.ipv6-checks.json': JSON.stringify(config) });
      const r = await cli(dir);
      expect(r.code).toBe(2);
      expect(r.err).toContain(path.join(dir, '.ipv6-checks.json'));
      expect(r.err).toContain(message);
    }
  });

  test('--input forces the kind; colour only on a TTY (and never with --no-color)', async () => {
    const asPlan = await cli(fx('region-var', 'cdk.tf.json'), '--input', 'plan');
    expect(asPlan.code).toBe(2);
    expect(asPlan.err).toContain('has plan format_version undefined');
    const jsonOnly = await cli(fx('hcl-modules'), '--input', 'json');
    expect(jsonOnly.err).toContain('has no Terraform files (*.tf.json)');
    expect((await cli(fx('hcl-example'), '--input', 'plan')).err).toContain('--input plan needs a plan JSON file');
    const run = async (isTty: boolean, ...extra: string[]) => {
      let out = '';
      await runCheck([fx('hcl-me-east'), ...extra], { out: (t) => { out += t; }, err: () => undefined, isTty });
      return out;
    };
    expect(await run(true)).toContain('\u001b[31m');
    expect(await run(false)).not.toContain('\u001b[');
    expect(await run(true, '--no-color')).not.toContain('\u001b[');
  });

  test('usage errors: exit 2 with the usage line', async () => {
    for (const args of [[], ['--format', 'xml', 'x'], ['--bogus', 'x'], ['--fail-on']]) {
      const r = await cli(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('usage: cdktf-alicloud-ipv6 check <path>...');
    }
  });
});

describe('bad input: a clear error with exit 2, never a stack trace', () => {
  const cases: Array<[string, Record<string, string | Buffer>, string, string]> = [
    ['an empty folder', {}, '', 'has no Terraform files'],
    ['malformed HCL', { 'main.tf': 'resource "alicloud_vpc" "a" {\n  cidr_block = \n}\n' }, 'main.tf:2', 'is not valid HCL'],
    ['malformed JSON', { 'main.tf.json': '{\n "resource": {\n  "x": 1,\n }\n}\n' }, 'main.tf.json:4', 'is not valid JSON'],
    ['an unknown plan format version', { 'plan.json': '{"format_version": "2.0", "planned_values": {}}' }, 'plan.json', 'has plan format_version "2.0"'],
    ['a binary file', { 'plan.json': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]) }, 'plan.json', 'is a binary file'],
    ['a state, not a plan', { 'plan.json': '{"format_version": "1.0", "values": {}}' }, 'plan.json', 'is terraform show -json of a state, not of a plan: it holds what is deployed'],
    ['a format_version without plan or state parts', { 'plan.json': '{"format_version": "1.0"}' }, 'plan.json', 'has a format_version but is not a plan'],
  ];
  test.each(cases)('%s', async (_name, files, where, message) => {
    const dir = tmpDir(files);
    const target = Object.keys(files).find((f) => f.endsWith('plan.json')) ? path.join(dir, 'plan.json') : dir;
    const r = await cli(target);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`${path.join(dir, where)}`.replace(/\/$/, ''));
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.out).toBe('');
  });
});
