import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { alicloud, Ipv6Checks } from '../../src';
import { FLAVOUR } from '../../src/core/flavour';

/**
 * A synth that the rule pack fails leaves no cdk.tf.json to deploy (`terraform -chdir=cdktf.out/stacks/<stack> apply`
 * would apply it): neither the one of an earlier good synth nor, under the cdktf CLI (which lets the synthesizer
 * write despite error annotations), the failing one. The report that says why stays, and the error says so.
 */
const CONTINUE = 'CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS';

afterEach(() => {
  delete process.env[CONTINUE];
});

/** An app with one IPv6 VPC; the provider's region decides whether the rule pack passes it. */
function vpcApp() {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-stale-'));
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'net');
  const provider = new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-hangzhou' });
  new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
  Ipv6Checks.applyTo(stack);
  const dir = path.join(outdir, 'stacks', 'net');
  return { app, provider, dir, stackFile: path.join(dir, 'cdk.tf.json') };
}

test('a good synth, then one the rule pack fails: the earlier cdk.tf.json is removed, the report stays, the error says so', () => {
  const { app, provider, dir, stackFile } = vpcApp();
  app.synth();
  expect(fs.existsSync(stackFile)).toBe(true);

  provider.region = 'me-east-1'; // no IPv6 there: ALI-IPV6-001 is an error
  expect(() => app.synth()).toThrow(/\[net\/Vpc\] \[ALI-IPV6-001\][^]*the IPv6 rule pack found 1 error\(s\) in stack 'net', so no configuration was written to stacks\/net\/cdk\.tf\.json \(nothing stale to deploy/);
  expect(fs.existsSync(stackFile)).toBe(false);
  const report = JSON.parse(fs.readFileSync(path.join(dir, 'ipv6-checks-report.json'), 'utf-8'));
  expect(report.findings.some((f: any) => f.ruleId === 'ALI-IPV6-001' && f.status === 'non-compliant')).toBe(true);

});

test('under the cdktf CLI (errors do not throw in the app), the stack file is a placeholder Terraform refuses to run', () => {
  process.env[CONTINUE] = 'true';
  const { app, provider, dir, stackFile } = vpcApp();
  provider.region = 'me-east-1';
  expect(() => app.synth()).not.toThrow();
  // the CLI reads every stack file before it prints the errors: a placeholder, with no resource and no provider
  const stub = JSON.parse(fs.readFileSync(stackFile, 'utf-8'));
  expect(Object.keys(stub).sort()).toEqual(['//', 'terraform']);
  expect(stub['//']).toMatch(new RegExp(`^${FLAVOUR.packageName}: NOT A CONFIGURATION\\. the IPv6 rule pack found 1 error\\(s\\) in stack 'net'`));
  // Terraform refuses it before it reads any state (so neither apply nor destroy can run), quoting the reason
  const tf = spawnSync(process.env.TERRAFORM_BINARY_NAME ?? 'terraform', [`-chdir=${dir}`, 'validate', '-no-color'], {
    encoding: 'utf-8', env: { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1' },
  });
  if (tf.error) throw new Error(`terraform is needed for this test (on PATH, or TERRAFORM_BINARY_NAME): ${tf.error.message}`);
  expect(tf.stderr).toContain('Unsupported Terraform Core version');
  expect(tf.stderr).toContain('NOT A CONFIGURATION');
  // the CLI fails on the manifest's error annotations, which carry the rule's error and the removal
  const manifest = JSON.parse(fs.readFileSync(path.join(app.outdir, 'manifest.json'), 'utf-8'));
  const errors = manifest.stacks.net.annotations.filter((a: any) => a.level === '@cdktf/error').map((a: any) => a.message);
  expect(errors).toEqual([
    expect.stringContaining('[ALI-IPV6-001]'),
    expect.stringMatching(/^the IPv6 rule pack found 1 error\(s\) in stack 'net', so no configuration was written to stacks\/net\/cdk\.tf\.json/),
  ]);
});

test('a stack the rule pack passes is written as before', () => {
  process.env[CONTINUE] = 'true';
  const { app, stackFile } = vpcApp();
  app.synth();
  expect(fs.existsSync(stackFile)).toBe(true);
});
