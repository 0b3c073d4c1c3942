/**
 * The secret rule's accepted side, through real Terraform (offline provider): secrets built with functions, a
 * local and `sensitive()` (which the synth-time check accepts) are masked by `terraform plan` and marked sensitive
 * in `terraform show -json`, on all three backends; on ROS, a parameter that references a sensitive value only in
 * part (`--token=${var.api_key}`) is NoEcho and masked too.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Fn, TerraformLocal, TerraformStack, TerraformVariable } from 'cdktf';
import { describeWithTerraform, seconds } from './harness';
import { alicloud, ContainerGroup, ContainerGroupFleet, DualStackVpc, SecurityGroup } from '../../src';
import { runSequence, TerraformRun } from '../../src/terraform/run/runner';
import { OfflineTerraform } from '../../src/testing/terraform';

jest.setTimeout(300_000);

const PASSWORD = 'S3cret-expr-pw-41d2';
const USER_PASSWORD = 'plain-var-masked-by-sensitive-83be';
const API_KEY = 'api-key-expr-5e6f';
const REGION = 'cn-huhehaote';

function build(outdir: string): void {
  const app = new App({ outdir, stackTraces: false });
  const s = new TerraformStack(app, 'secret-expressions');
  new alicloud.provider.AlicloudProvider(s, 'alicloud', { region: REGION });
  const vpc = new DualStackVpc(s, 'Vpc', { zones: [`${REGION}-a`] });
  const securityGroup = new SecurityGroup(s, 'Sg', { vpc });
  const password = new TerraformVariable(s, 'registry_password', { type: 'string', sensitive: true });
  const other = new TerraformVariable(s, 'other_password', { type: 'string' });
  const apiKey = new TerraformVariable(s, 'api_key', { type: 'string', sensitive: true });
  const trimmed = new TerraformLocal(s, 'trimmed_password', Fn.trimspace(password.stringValue));
  const server = `registry.${REGION}.aliyuncs.com`;
  const image = `${server}/team/app:1.0`;
  const common = { vpc, securityGroup, cpu: 1, memory: 2 };
  new ContainerGroup(s, 'Native', {
    ...common,
    imageRegistryCredentials: [{ server, userName: 'deploy', password: trimmed.asString }],
    containers: [{ name: 'app', image, secretEnvironment: { API_KEY: Fn.upper(apiKey.stringValue), OTHER: Fn.sensitive(other.stringValue) } }],
  });
  new ContainerGroup(s, 'Ros', {
    ...common,
    ipv6AddressCount: 1,
    imageRegistryCredentials: [{ server, userName: 'deploy', password: Fn.trimspace(password.stringValue) }],
    containers: [{ name: 'app', image, commands: ['/app'], args: [`--token=${apiKey.stringValue}`] }],
  });
  new ContainerGroupFleet(s, 'Fleet', {
    ...common,
    minSize: 1,
    maxSize: 1,
    imageRegistryCredentials: [{ server, userName: 'deploy', password: Fn.sensitive(other.stringValue) }],
    containers: [{ name: 'app', image, secretEnvironment: { API_KEY: trimmed.asString } }],
  });
  app.synth();
}

/** A path is sensitive when it or one of its ancestors is `true` in after_sensitive (sets are marked whole). */
function isSensitive(marks: any, steps: Array<string | number>): boolean {
  let m = marks;
  for (const k of steps) {
    if (m === true) return true;
    if (m === undefined || m === null || typeof m !== 'object') return false;
    m = m[k];
  }
  return m === true;
}

describeWithTerraform('secrets built from expressions are masked by real Terraform (plan + show -json)', () => {
  let outdir: string;
  let stackDir: string;
  let runs: TerraformRun[];
  let plan: any;

  beforeAll(async () => {
    outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'tf-secret-expr-'));
    build(outdir);
    stackDir = OfflineTerraform.stackDirs(outdir)[0];
    const t0 = Date.now();
    runs = await runSequence(stackDir, [
      ['plan', '-input=false', '-no-color', `-var=registry_password=  ${PASSWORD}  `, `-var=other_password=${USER_PASSWORD}`, `-var=api_key=${API_KEY}`, '-out=secret.tfplan'],
      ['show', '-json', 'secret.tfplan'],
    ]);
    plan = runs[1] && runs[1].exitCode === 0 ? JSON.parse(runs[1].stdout) : undefined;
    // eslint-disable-next-line no-console
    console.log(`plan + show -json on the secret-expressions stack: ${seconds(t0)} s`);
  });

  afterAll(() => outdir && fs.rmSync(outdir, { recursive: true, force: true }));

  test('the plan succeeds and prints none of the values', () => {
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0]);
    for (const secret of [PASSWORD, USER_PASSWORD, API_KEY, API_KEY.toUpperCase()]) expect(runs[0].stdout).not.toContain(secret);
    expect(runs[0].stdout).toContain('(sensitive value)');
    expect(fs.readFileSync(path.join(stackDir, 'cdk.tf.json'), 'utf-8')).not.toMatch(/S3cret|plain-var|api-key/);
  });

  test('show -json marks every attribute that carries them sensitive, on the three backends', () => {
    const change = (type: string, name: RegExp) => plan.resource_changes.find((c: any) => c.type === type && name.test(c.address)).change;
    const native = change('alicloud_eci_container_group', /Native/);
    expect(isSensitive(native.after_sensitive, ['image_registry_credential', 0, 'password'])).toBe(true);
    const env = native.after.containers[0].environment_vars;
    expect(env.map((e: any) => e.key)).toEqual(['API_KEY', 'OTHER']);
    expect(isSensitive(native.after_sensitive, ['containers', 0, 'environment_vars', 0, 'value'])).toBe(true);
    expect(isSensitive(native.after_sensitive, ['containers', 0, 'environment_vars', 1, 'value'])).toBe(true);

    const ess = change('alicloud_ess_eci_scaling_configuration', /Fleet/);
    expect(isSensitive(ess.after_sensitive, ['image_registry_credentials', 0, 'password'])).toBe(true);
    expect(isSensitive(ess.after_sensitive, ['containers', 0, 'environment_vars', 0, 'value'])).toBe(true);

    const ros = change('alicloud_ros_stack', /Ros/);
    const template = JSON.parse(ros.after.template_body);
    const container = template.Resources.ContainerGroup.Properties.Container[0];
    const refs = [template.Resources.ContainerGroup.Properties.ImageRegistryCredential[0].Password.Ref, container.Arg[0].Ref];
    for (const ref of refs) {
      expect(template.Parameters[ref].NoEcho).toBe(true);
      const idx = ros.after.parameters.findIndex((p: any) => p.parameter_key === ref);
      expect(idx).toBeGreaterThanOrEqual(0);
      expect(isSensitive(ros.after_sensitive, ['parameters', idx, 'parameter_value'])).toBe(true);
    }
    expect(template.Parameters.VSwitchId.NoEcho).toBeUndefined();
  });
});
