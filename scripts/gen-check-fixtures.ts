/**
 * Regenerates the plan JSON fixtures of the `check` command (test/check/fixtures/plans/) with real
 * Terraform, offline, through the schema-only provider (src/terraform/run/runner.ts):
 *
 * - region-var: a stack of this library whose provider region is a `TerraformVariable`, synthesized with
 *   `app.synth()` (its cdk.tf.json is kept beside the plans), then `terraform plan -var region=me-east-1 -out`
 *   and `terraform show -json`. At synth the region is "cannot verify"; the plan decides it.
 * - modules: the HCL folder test/check/fixtures/hcl-modules (a child module, a provider alias, a region
 *   variable), planned the same way.
 *
 * Run: `npx projen gen:check-fixtures` (Terraform >= 1.7 on PATH). The output is deterministic except for
 * Terraform's `timestamp`, which is replaced by a constant.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import { alicloud, ContainerGroup, DualStackVpc, Peer, Port, SecurityGroup } from '../src';
import { runSequence } from '../src/terraform/run/runner';

const FIXTURES = path.join(__dirname, '..', 'test', 'check', 'fixtures');
const PLANS = path.join(FIXTURES, 'plans');

/** The stack: the example's public ECI, with the region from a variable. */
function synthRegionVarStack(outdir: string): string {
  const app = new App({ outdir, stackTraces: false });
  const stack = new TerraformStack(app, 'region-var');
  const region = new TerraformVariable(stack, 'region', { type: 'string', default: 'cn-huhehaote', description: 'Alibaba Cloud region' });
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: region.stringValue });
  const vpc = new DualStackVpc(stack, 'Vpc', { vpcName: 'region-var', zones: ['me-east-1a', 'me-east-1b'] });
  const sg = new SecurityGroup(stack, 'WebSg', { vpc, description: 'nginx over IPv6' });
  sg.addIngressRule(Peer.anyIpv6(), Port.tcp(80), 'HTTP from the IPv6 Internet');
  const web = new ContainerGroup(stack, 'Web', {
    vpc,
    securityGroup: sg,
    cpu: 1,
    memory: 2,
    containers: [{ name: 'nginx', image: 'nginx:1.27-alpine', ports: [{ port: 80 }] }],
    ipv6AddressCount: 1,
    ipv6InternetBandwidth: { bandwidth: 10 },
  });
  new TerraformOutput(stack, 'web_ipv6_address', { value: web.ipv6Address });
  app.synth();
  return path.join(outdir, 'stacks', 'region-var');
}

async function plan(dir: string, name: string, vars: string[]): Promise<void> {
  const runs = await runSequence(dir, [
    ['plan', '-input=false', '-no-color', ...vars.map((v) => `-var=${v}`), '-out=fixture.tfplan'],
    ['show', '-json', 'fixture.tfplan'],
  ]);
  const last = runs[runs.length - 1];
  if (runs.length !== 2 || last.exitCode !== 0) {
    throw new Error(`terraform failed on ${name}:\n${runs.map((r) => r.stdout + r.stderr).join('\n')}`);
  }
  const json = JSON.parse(last.stdout);
  json.timestamp = '2026-12-01T00:00:00Z';
  fs.writeFileSync(path.join(PLANS, `${name}.plan.json`), `${JSON.stringify(json, null, 1)}\n`);
  process.stdout.write(`${name}: ${json.resource_changes?.length ?? 0} resource changes, terraform ${json.terraform_version}\n`);
}

async function main(): Promise<void> {
  fs.mkdirSync(PLANS, { recursive: true });
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-fixtures-'));
  try {
    const stackDir = synthRegionVarStack(outdir);
    const kept = path.join(FIXTURES, 'region-var');
    fs.mkdirSync(kept, { recursive: true });
    // cdktf's local backend holds an absolute path of this machine: keep only the file name.
    const synthesized = JSON.parse(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf-8'));
    const local = synthesized.terraform?.backend?.local;
    if (local?.path) local.path = path.basename(local.path);
    fs.writeFileSync(path.join(kept, 'cdk.tf.json'), `${JSON.stringify(synthesized, null, 2)}\n`);
    await plan(stackDir, 'region-var', ['region=me-east-1']);
    await plan(path.join(FIXTURES, 'hcl-modules'), 'modules', ['region=me-east-1']);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exitCode = 1;
});
