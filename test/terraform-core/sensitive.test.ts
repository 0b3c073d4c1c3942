/**
 * Secrets through real Terraform (offline provider): the registry password and the secret environment value
 * of the `private-images` stack are sensitive variables; `terraform plan` must not print them, and
 * `terraform show -json` must mark every attribute that carries them sensitive, on all three backends.
 */
import * as fs from 'fs';
import { describeWithTerraform, seconds } from './harness';
import { synthBuilder, SynthesizedApp } from './stacks';
import { runSequence, TerraformRun } from '../../src/terraform/run/runner';

jest.setTimeout(300_000);

const PASSWORD = 'S3cret-registry-pw-7f1c';
const API_KEY = 'api-key-9a8b7c6d';

describeWithTerraform('sensitive registry passwords and secret environment values (plan + show -json)', () => {
  let built: SynthesizedApp;
  let runs: TerraformRun[];
  let plan: any;

  beforeAll(async () => {
    built = synthBuilder('private-images');
    const t0 = Date.now();
    runs = await runSequence(built.stackDirs[0], [
      ['plan', '-input=false', '-no-color', `-var=registry_password=${PASSWORD}`, `-var=api_key=${API_KEY}`, '-out=secret.tfplan'],
      ['show', '-json', 'secret.tfplan'],
    ]);
    plan = runs[1] && runs[1].exitCode === 0 ? JSON.parse(runs[1].stdout) : undefined;
    // eslint-disable-next-line no-console
    console.log(`plan + show -json on the private-images stack: ${seconds(t0)} s`);
  });

  afterAll(() => built && fs.rmSync(built.outdir, { recursive: true, force: true }));

  test('the synthesized files never hold the secrets (they are passed at plan time only)', () => {
    const text = fs.readFileSync(`${built.stackDirs[0]}/cdk.tf.json`, 'utf-8');
    expect(text).not.toContain(PASSWORD);
    expect(text).toContain('${var.registry_password}');
    for (const f of fs.readdirSync(built.stackDirs[0])) {
      if (fs.statSync(`${built.stackDirs[0]}/${f}`).isFile()) expect(fs.readFileSync(`${built.stackDirs[0]}/${f}`, 'utf-8')).not.toContain(PASSWORD);
    }
  });

  test('terraform plan succeeds and prints neither secret', () => {
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(runs[0].stdout).not.toContain(PASSWORD);
    expect(runs[0].stdout).not.toContain(API_KEY);
    expect(runs[0].stdout).toContain('(sensitive value)');
  });

  test('show -json: the variables are sensitive and every carrying attribute is in after_sensitive', () => {
    const vars = plan.configuration.root_module.variables;
    expect(vars.registry_password.sensitive).toBe(true);
    expect(vars.api_key.sensitive).toBe(true);
    const change = (type: string, name: RegExp) => plan.resource_changes.find((c: any) => c.type === type && name.test(c.address)).change;

    // Sets (image_registry_credential is one) are marked sensitive as a whole: a path is sensitive when it or
    // any of its ancestors is `true` in after_sensitive.
    const isSensitive = (marks: any, path: Array<string | number>): boolean => {
      let m = marks;
      for (const k of path) {
        if (m === true) return true;
        if (m === undefined || m === null || typeof m !== 'object') return false;
        m = m[k];
      }
      return m === true;
    };

    const native = change('alicloud_eci_container_group', /Native/);
    expect(native.after.image_registry_credential[0].server).toBe('registry.cn-huhehaote.aliyuncs.com');
    expect(isSensitive(native.after_sensitive, ['image_registry_credential', 0, 'password'])).toBe(true);
    expect(isSensitive(native.after_sensitive, ['containers', 0, 'environment_vars', 0, 'value'])).toBe(true);
    expect(isSensitive(native.after_sensitive, ['ram_role_name'])).toBe(false);

    const ess = change('alicloud_ess_eci_scaling_configuration', /Fleet/);
    expect(isSensitive(ess.after_sensitive, ['image_registry_credentials', 0, 'password'])).toBe(true);
    expect(isSensitive(ess.after_sensitive, ['containers', 0, 'environment_vars', 0, 'value'])).toBe(true);

    // ROS: the password is a NoEcho parameter; Terraform marks the parameters that carry it.
    const ros = change('alicloud_ros_stack', /Ros/);
    const template = JSON.parse(ros.after.template_body);
    const props = template.Resources.ContainerGroup.Properties;
    const pwKey = props.ImageRegistryCredential[0].Password.Ref;
    expect(template.Parameters[pwKey].NoEcho).toBe(true);
    const idx = ros.after.parameters.findIndex((p: any) => p.parameter_key === pwKey);
    expect(idx).toBeGreaterThanOrEqual(0);
    expect(isSensitive(ros.after_sensitive, ['parameters', idx, 'parameter_value'])).toBe(true);
    expect(ros.after.template_body).not.toContain(PASSWORD);
  });
});
