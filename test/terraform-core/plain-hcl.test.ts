/**
 * `validate` on plain HCL folders (issue 20, item 7), with real Terraform and the offline provider:
 * no `required_providers` (Terraform's implied hashicorp/alicloud), local modules outside the folder
 * (`../modules/net`), modules Terraform installed before (`.terraform/modules`), and the schema's
 * deprecations as warnings. The fixtures are written by the test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeWithTerraform } from './harness';
import { runCli } from '../../src/cli/commands';
import { mapLimit } from '../../src/core/map-limit';
import { formatDiagnostic } from '../../src/terraform/run/diagnostics';
import { validateStack, ValidateOutcome } from '../../src/terraform/run/validate';

jest.setTimeout(300_000);

const made: string[] = [];

/** Writes `files` (relative path to content) under a new temp folder and returns it. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'plain-hcl-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const PROVIDER = 'provider "alicloud" {\n  region = "cn-huhehaote"\n}\n';
const vpc = (body: string) => `resource "alicloud_vpc" "v" {\n  cidr_block = "10.0.0.0/16"\n${body}}\n`;
const NET_MODULE = 'variable "cidr" {\n  type = string\n}\nresource "alicloud_vpc" "v" {\n  cidr_block  = var.cidr\n  enable_ipv6 = ENABLE\n}\noutput "id" {\n  value = alicloud_vpc.v.id\n}\n';
const ROOT_CALLING = (source: string) => `${PROVIDER}module "net" {\n  source = "${source}"\n  cidr   = "10.0.0.0/16"\n}\noutput "vpc" {\n  value = module.net.id\n}\n`;

describeWithTerraform('validate on plain HCL folders (real Terraform, offline provider)', () => {
  const dirs: Record<string, string> = {};
  const outcomes: Record<string, ValidateOutcome> = {};

  beforeAll(async () => {
    dirs.legacy = tree({ 'main.tf': PROVIDER + vpc('  vpc_name = "legacy"\n') });
    dirs.legacyInvalid = tree({ 'main.tf': PROVIDER + vpc('  enable_ipv6 = "maybe"\n') });
    dirs.deprecated = tree({ 'main.tf': PROVIDER + vpc('  name = "old-style"\n') });
    const project = tree({ 'root/main.tf': ROOT_CALLING('../modules/net'), 'modules/net/main.tf': NET_MODULE.replace('ENABLE', 'true') });
    dirs.modules = path.join(project, 'root');
    const broken = tree({ 'root/main.tf': ROOT_CALLING('../modules/net'), 'modules/net/main.tf': NET_MODULE.replace('ENABLE', '"maybe"') });
    dirs.brokenModule = path.join(broken, 'root');
    // A registry module that `terraform init` installed earlier: offline, only .terraform/modules has it.
    dirs.installed = tree({
      'main.tf': `${PROVIDER}module "net" {\n  source  = "example/net/alicloud"\n  version = "1.0.0"\n  cidr    = "10.0.0.0/16"\n}\n`,
      '.terraform/modules/modules.json': JSON.stringify({
        Modules: [
          { Key: '', Source: '', Dir: '.' },
          { Key: 'net', Source: 'registry.terraform.io/example/net/alicloud', Version: '1.0.0', Dir: '.terraform/modules/net' },
        ],
      }),
      '.terraform/modules/net/main.tf': NET_MODULE.replace('ENABLE', 'true'),
    });
    // Pinned to an older release (issue 20, item 8): served with the 1.289.0 schema under that version.
    dirs.pinned = tree({
      'versions.tf': 'terraform {\n  required_providers {\n    alicloud = {\n      source  = "aliyun/alicloud"\n      version = "1.263.0"\n    }\n  }\n}\n',
      'main.tf': PROVIDER + vpc('  vpc_name = "pinned"\n'),
    });
    const names = Object.keys(dirs);
    const all = await Promise.all(mapLimit(names.map((n) => dirs[n]), 2, (d) => validateStack(d)));
    names.forEach((n, i) => { outcomes[n] = all[i]; });
  });

  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

  const report = (o: ValidateOutcome) => ({ valid: o.valid, diagnostics: o.diagnostics.map(formatDiagnostic) });

  test('a folder without required_providers is valid (Terraform\'s implied hashicorp/alicloud is the offline provider)', () => {
    expect(report(outcomes.legacy)).toEqual({ valid: true, diagnostics: [] });
  });

  test('an invalid folder without required_providers still fails with Terraform\'s own message', () => {
    expect(outcomes.legacyInvalid.valid).toBe(false);
    expect(outcomes.legacyInvalid.diagnostics).toEqual([expect.objectContaining({
      severity: 'error', summary: 'Incorrect attribute value type', detail: 'Inappropriate value for attribute "enable_ipv6": a bool is required.', filename: 'main.tf',
    })]);
  });

  test('a root whose module lives in ../modules/net is valid (the module has no required_providers either)', () => {
    expect(report(outcomes.modules)).toEqual({ valid: true, diagnostics: [] });
  });

  test('an error in ../modules/net is reported with the module\'s path', () => {
    expect(outcomes.brokenModule.valid).toBe(false);
    expect(outcomes.brokenModule.diagnostics).toEqual([expect.objectContaining({
      severity: 'error', summary: 'Incorrect attribute value type', filename: '../modules/net/main.tf', line: 6,
    })]);
  });

  test('modules installed in .terraform/modules are used offline', () => {
    expect(report(outcomes.installed)).toEqual({ valid: true, diagnostics: [] });
  });

  test('a deprecated argument is valid, with the schema\'s deprecation as a warning', () => {
    expect(outcomes.deprecated.valid).toBe(true);
    expect(outcomes.deprecated.diagnostics).toEqual([expect.objectContaining({
      severity: 'warning', summary: expect.stringMatching(/^Deprecated: "name" is deprecated since provider 1\.119\.0; use vpc_name instead$/), filename: 'main.tf', line: 6,
    })]);
  });

  test('the command line shows the warning and reports the folder valid', async () => {
    let out = '';
    const code = await runCli(['validate', dirs.deprecated], { out: (t) => { out += t; }, err: (t) => { out += t; } });
    expect(code).toBe(0);
    expect(out).toContain(`${dirs.deprecated}: valid (1 warning)`);
    expect(out).toContain('Warning: Deprecated: "name" is deprecated since provider 1.119.0; use vpc_name instead [alicloud_vpc.v] (main.tf:6)');
  });

  test('a configuration that pins alicloud 1.263.0 is validated with the 1.289.0 schema, and says so once', async () => {
    expect(report(outcomes.pinned)).toEqual({ valid: true, diagnostics: [] });
    expect(outcomes.pinned.run.versionNotice).toMatch(/^the configuration asks for alicloud 1\.263\.0: the offline provider serves the 1\.289\.0 schema under that version/);
    expect(outcomes.legacy.run.versionNotice).toBeUndefined();
    let out = '';
    const code = await runCli(['validate', dirs.pinned], { out: (t) => { out += t; }, err: (t) => { out += t; } });
    expect(code).toBe(0);
    expect(out.match(/serves the 1\.289\.0 schema/g)).toHaveLength(1);
    expect(out).toContain(`${dirs.pinned}: valid, terraform validate`);
  });
});
