/**
 * Through the offline provider: `terraform providers schema -json` gives back the schema pack exactly,
 * and `terraform plan -out` + `terraform show -json` work on the example (a first plan, no cloud).
 */
import * as fs from 'fs';
import { describeWithTerraform, seconds } from './harness';
import { synthExample, SynthesizedApp } from './stacks';
import { PROVIDER_ADDRESS, SchemaPack } from '../../src/schema/pack';
import { runSequence, TerraformRun } from '../../src/terraform/run/runner';

jest.setTimeout(300_000);

describeWithTerraform('terraform providers schema -json, plan and show (offline provider)', () => {
  let example: SynthesizedApp;
  let schemaRun: TerraformRun;
  let planRuns: TerraformRun[];

  beforeAll(async () => {
    example = synthExample();
    const t0 = Date.now();
    [[schemaRun], planRuns] = await Promise.all([
      runSequence(example.stackDirs[0], [['providers', 'schema', '-json']]),
      runSequence(example.stackDirs[0], [['plan', '-input=false', '-no-color', '-out=example.tfplan'], ['show', '-json', 'example.tfplan']]),
    ]);
    // eslint-disable-next-line no-console
    console.log(`providers schema -json (${schemaRun.stdout.length} bytes of stdout) and plan + show on the example: ${seconds(t0)} s`);
  });

  afterAll(() => example && fs.rmSync(example.outdir, { recursive: true, force: true }));

  test('terraform providers schema -json equals the schema pack, type by type', () => {
    expect(schemaRun.exitCode).toBe(0);
    const got = JSON.parse(schemaRun.stdout); // megabytes: a cut stdout would not parse
    const want = SchemaPack.load().providerSchemaDocument();
    expect(got.format_version).toBe(want.format_version);
    const g = got.provider_schemas[PROVIDER_ADDRESS];
    const w = want.provider_schemas[PROVIDER_ADDRESS];
    expect(Object.keys(g).sort()).toEqual(['data_source_schemas', 'provider', 'resource_schemas']);
    expect(g.provider).toEqual(w.provider);
    expect(Object.keys(g.resource_schemas).sort()).toEqual(Object.keys(w.resource_schemas).sort());
    expect(Object.keys(g.data_source_schemas).sort()).toEqual(Object.keys(w.data_source_schemas).sort());
    expect(Object.keys(g.resource_schemas).length + Object.keys(g.data_source_schemas).length).toBe(1964);
    const differing: string[] = [];
    for (const kind of ['resource_schemas', 'data_source_schemas'] as const) {
      for (const type of Object.keys(w[kind])) {
        // toEqual compares parsed JSON; descriptions, description_kind, deprecated, sensitive, min/max items included.
        if (!deepEquals(g[kind][type], w[kind][type])) differing.push(`${kind}.${type}`);
      }
    }
    expect(differing).toEqual([]);
  });

  test('terraform plan -out succeeds on the example: 12 to add', () => {
    expect(planRuns.map((r) => r.exitCode)).toEqual([0, 0]);
    expect(planRuns[0].stdout).toContain('Plan: 12 to add, 0 to change, 0 to destroy.');
  });

  test('terraform show -json lists the expected resources, with unknowns and the provider defaults', () => {
    const plan = JSON.parse(planRuns[1].stdout);
    expect(plan.format_version).toBe('1.2');
    const changes: any[] = plan.resource_changes;
    const created = changes.filter((c) => c.change.actions.join() === 'create').map((c) => c.type).sort();
    expect(created).toEqual([
      'alicloud_eci_container_group', 'alicloud_ess_eci_scaling_configuration', 'alicloud_ess_scaling_group', 'alicloud_ros_stack', 'alicloud_security_group', 'alicloud_security_group',
      'alicloud_security_group_rule', 'alicloud_vpc', 'alicloud_vpc_ipv6_gateway', 'alicloud_vpc_ipv6_internet_bandwidth', 'alicloud_vswitch', 'alicloud_vswitch',
    ]);
    // The lookups depend on the ROS stack, which is pending: Terraform defers them to apply.
    const reads = changes.filter((c) => c.mode === 'data').map((c) => [c.type, c.change.actions.join()]).sort();
    expect(reads).toEqual([['alicloud_eci_container_groups', 'read'], ['alicloud_vpc_ipv6_addresses', 'read']]);
    const ros = changes.find((c) => c.type === 'alicloud_ros_stack').change;
    expect(ros.after).toMatchObject({ deletion_protection: 'Disabled', disable_rollback: false, timeout_in_minutes: 30, timeouts: { create: '35m', update: '35m', delete: '15m' } });
    expect(ros.after_unknown).toMatchObject({ id: true, status: true });
    const bw = changes.find((c) => c.type === 'alicloud_vpc_ipv6_internet_bandwidth').change;
    expect(bw.after).toMatchObject({ bandwidth: 10, internet_charge_type: 'PayByBandwidth' });
    expect(bw.after_unknown).toMatchObject({ ipv6_address_id: true, ipv6_gateway_id: true, id: true });
    const vpc = changes.find((c) => c.type === 'alicloud_vpc').change;
    expect(vpc.after).toMatchObject({ enable_ipv6: true, cidr_block: '10.0.0.0/16' });
    expect(vpc.after_unknown).toMatchObject({ ipv6_cidr_block: true, id: true });
    expect(Object.keys(plan.planned_values.outputs).sort()).toEqual(['vpc_ipv6_cidr_block', 'web_container_group_id', 'web_ipv6_address', 'workers_scaling_group_id']);
  });
});

function deepEquals(a: unknown, b: unknown): boolean {
  try {
    expect(a).toEqual(b);
    return true;
  } catch {
    return false;
  }
}
