/**
 * Real Terraform core (`terraform validate`) on every stack the suite synthesizes, through the offline
 * alicloud provider: expressions, references, meta-arguments, lifecycle blocks and types are checked by
 * Terraform itself, not by our plan checker.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeWithTerraform, seconds } from './harness';
import { BUILDERS, synthBuilder, synthExample, SynthesizedApp } from './stacks';
import { mapLimit } from '../../src/core/map-limit';
import { formatDiagnostic } from '../../src/terraform/run/diagnostics';
import { validateStack, ValidateOutcome } from '../../src/terraform/run/validate';
import { OfflineTerraform, terraformValidate } from '../../src/testing/terraform';

jest.setTimeout(300_000);

describeWithTerraform('terraform validate (real Terraform, offline provider)', () => {
  let apps: SynthesizedApp[];
  let stacks: Array<{ label: string; dir: string }>;
  let broken: Record<'expression' | 'type' | 'unknownAttribute', string>;
  let outcomes: ValidateOutcome[];
  let brokenOutcomes: Record<keyof typeof broken, ValidateOutcome>;

  beforeAll(async () => {
    apps = [synthExample(), synthExample({ ossBackend: true }), ...Object.keys(BUILDERS).map(synthBuilder)];
    stacks = apps.flatMap((a) => a.stackDirs.map((dir) => ({ label: `${a.name}: ${path.basename(dir)}`, dir })));
    // Hand-broken copies of the example: Terraform itself must reject each, with its own words.
    const exampleDir = apps[0].stackDirs[0];
    broken = {
      // The for expression that picks the IPv6 address ID, over a misspelt attribute of the address lookup.
      // (A typo in the for's BODY is not caught by validate: the lookup's list is unknown then, and HCL does
      // not evaluate a for body over an unknown collection. terraform-test.test.ts covers the body under mocks.)
      expression: breakExample(exampleDir, (doc) => {
        const bw: any = Object.values(doc.resource.alicloud_vpc_ipv6_internet_bandwidth)[0];
        expect(bw.ipv6_address_id).toMatch(/\[for a in data\.alicloud_vpc_ipv6_addresses\.\S+\.addresses : a\.ipv6_address_id if /);
        bw.ipv6_address_id = bw.ipv6_address_id.replace('.addresses :', '.adresses :');
      }),
      type: breakExample(exampleDir, (doc) => {
        (Object.values(doc.resource.alicloud_vpc_ipv6_internet_bandwidth)[0] as any).bandwidth = 'ten';
      }),
      unknownAttribute: breakExample(exampleDir, (doc) => {
        (Object.values(doc.resource.alicloud_vpc)[0] as any).enable_ipv7 = true;
      }),
    };
    const t0 = Date.now();
    const all = await Promise.all(mapLimit([...stacks.map((s) => s.dir), ...Object.values(broken)], 3, (dir) => validateStack(dir)));
    outcomes = all.slice(0, stacks.length);
    const [expression, type, unknownAttribute] = all.slice(stacks.length);
    brokenOutcomes = { expression, type, unknownAttribute };
    // eslint-disable-next-line no-console
    console.log(`terraform validate: ${outcomes.filter((o) => o.valid).length} of ${stacks.length} synthesized stacks valid (${apps.length} apps), ${seconds(t0)} s`);
  });

  test('the suite synthesizes the example, every construct, raw bindings and a cross-stack app', () => {
    expect(apps.map((a) => a.name)).toEqual(expect.arrayContaining([
      'example', 'dual-stack-vpc', 'security-group', 'container-group-native', 'container-group-ipv6-ros', 'container-group-fleet',
      'ipv6-internet-bandwidth', 'ipv6-egress-only-rule', 'raw-bindings', 'cross-stack', 'provider-alias', 'literal-text',
      'instance-type-guard', 'private-images',
    ]));
    expect(apps.find((a) => a.name === 'cross-stack')!.stackDirs.map((d) => path.basename(d))).toEqual(['apps', 'network']);
    expect(stacks.length).toBe(17);
  });

  test('every synthesized stack passes terraform validate with no errors and no warnings', () => {
    const report = stacks.map((s, i) => ({ stack: s.label, valid: outcomes[i].valid, diagnostics: outcomes[i].diagnostics.map(formatDiagnostic) }));
    expect(report.filter((r) => !r.valid || r.diagnostics.length > 0)).toEqual([]);
  });

  test('a broken expression fails with Terraform\'s own message', () => {
    expect(brokenOutcomes.expression.valid).toBe(false);
    expect(brokenOutcomes.expression.diagnostics).toEqual([expect.objectContaining({
      severity: 'error', summary: 'Unsupported attribute', detail: 'This object has no argument, nested block, or exported attribute named "adresses". Did you mean "addresses"?',
    })]);
  });

  test('a wrong attribute type fails with Terraform\'s own message', () => {
    expect(brokenOutcomes.type.valid).toBe(false);
    expect(brokenOutcomes.type.diagnostics).toEqual([expect.objectContaining({
      severity: 'error', summary: 'Incorrect attribute value type', detail: 'Inappropriate value for attribute "bandwidth": a number is required.',
    })]);
  });

  test('an unknown attribute fails with Terraform\'s own message', () => {
    expect(brokenOutcomes.unknownAttribute.valid).toBe(false);
    expect(brokenOutcomes.unknownAttribute.diagnostics).toEqual([expect.objectContaining({
      severity: 'error', summary: 'Extraneous JSON object property', detail: 'No argument or block type is named "enable_ipv7".',
    })]);
  });

  test('the cross-stack consumer reads the VPC through terraform_remote_state', () => {
    const apps_ = apps.find((a) => a.name === 'cross-stack')!.stackDirs.find((d) => d.endsWith('apps'))!;
    const doc = JSON.parse(fs.readFileSync(path.join(apps_, 'cdk.tf.json'), 'utf-8'));
    expect(Object.keys(doc.data.terraform_remote_state)).toHaveLength(1);
    expect(JSON.stringify(doc.resource.alicloud_ros_stack)).toMatch(/data\.terraform_remote_state\.[\w-]+\.outputs\./);
  });

  test('the jest matcher and terraformValidate agree (one stack, synchronous API)', () => {
    const example = apps[0];
    expect(example.outdir).toPassTerraformValidate();
    expect(example.stackDirs[0]).toPassTerraformValidate();
    expect(terraformValidate(example.stackDirs[0])).toEqual([]);
    expect(OfflineTerraform.isAvailable()).toBe(true);
    expect(broken.type).not.toPassTerraformValidate();
  });

  afterAll(() => {
    for (const a of apps ?? []) fs.rmSync(a.outdir, { recursive: true, force: true });
    for (const d of Object.values(broken ?? {})) fs.rmSync(d, { recursive: true, force: true });
  });
});

/** A copy of the stack folder with its cdk.tf.json changed by `edit`. */
function breakExample(stackDir: string, edit: (doc: any) => void): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-broken-'));
  const doc = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf-8'));
  edit(doc);
  fs.writeFileSync(path.join(dir, 'cdk.tf.json'), JSON.stringify(doc, null, 2));
  return dir;
}
