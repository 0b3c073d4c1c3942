import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Testing } from 'cdktf';
import { buildApp, Ipv6EciExampleStack } from '../../examples/ipv6-eci/main';
import { AlicloudPlanChecker } from '../../src';

/** Synthesizes the example exactly as `npm run synth:example` does, into a temp folder. */
function synthExample(env: Record<string, string> = {}): any {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-'));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    buildApp(outdir).synth();
    return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'ipv6-eci', 'cdk.tf.json'), 'utf-8'));
  } finally {
    process.env = saved;
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

const values = (o: Record<string, any> | undefined): any[] => Object.values(o ?? {});

describe('examples/ipv6-eci', () => {
  const tf = synthExample();

  test('the plan is valid for the alicloud 1.289.0 provider schema (no findings at all)', () => {
    expect(AlicloudPlanChecker.checkObject(tf)).toEqual([]);
  });

  test('pins the alicloud provider to the release the bindings were generated from', () => {
    expect(tf.terraform.required_providers.alicloud).toEqual({ source: 'aliyun/alicloud', version: '1.289.0' });
    expect(tf.provider.alicloud[0].region).toBe('cn-huhehaote');
  });

  test('a dual-stack VPC over two zones with unique IPv6 masks and an IPv6 gateway', () => {
    expect(values(tf.resource.alicloud_vpc)).toEqual([expect.objectContaining({ enable_ipv6: true, cidr_block: '10.0.0.0/16' })]);
    const vsw = values(tf.resource.alicloud_vswitch);
    expect(vsw.map((v) => [v.zone_id, v.cidr_block, v.enable_ipv6, v.ipv6_cidr_block_mask])).toEqual([
      ['cn-huhehaote-a', '10.0.0.0/24', true, 0],
      ['cn-huhehaote-b', '10.0.1.0/24', true, 1],
    ]);
    expect(values(tf.resource.alicloud_vpc_ipv6_gateway)).toHaveLength(1);
  });

  test('only TCP 80 from ::/0 is open, on the web security group', () => {
    const rules = values(tf.resource.alicloud_security_group_rule);
    expect(rules).toEqual([expect.objectContaining({ type: 'ingress', ip_protocol: 'tcp', port_range: '80/80', ipv6_cidr_ip: '::/0' })]);
    expect(rules[0].cidr_ip).toBeUndefined();
  });

  test('the public nginx ECI has one IPv6 address (ROS) and 10 Mbit/s of IPv6 Internet bandwidth', () => {
    const [rosStack] = values(tf.resource.alicloud_ros_stack);
    const template = JSON.parse(rosStack.template_body);
    expect(template.Resources.ContainerGroup.Properties).toMatchObject({ Ipv6AddressCount: 1, Container: [expect.objectContaining({ Image: 'nginx:1.27-alpine' })] });
    expect(values(tf.resource.alicloud_vpc_ipv6_internet_bandwidth)).toEqual([expect.objectContaining({ bandwidth: 10, internet_charge_type: 'PayByBandwidth' })]);
    // null (not an "Invalid index" error) when the lookup finds no group: its postcondition reports that (test/terraform-core).
    expect(tf.output.web_ipv6_address.value).toMatch(/^\$\{try\(data\.alicloud_eci_container_groups\.\S+\.groups\[0\]\.ipv6_address, null\)\}$/);
  });

  test('the private fleet runs three IPv6 workers and buys no bandwidth for them', () => {
    expect(values(tf.resource.alicloud_ess_scaling_group)).toEqual([expect.objectContaining({ group_type: 'ECI', min_size: 3, max_size: 3, desired_capacity: 3 })]);
    expect(values(tf.resource.alicloud_ess_eci_scaling_configuration)).toEqual([expect.objectContaining({ ipv6_address_count: 1, active: true })]);
    expect(values(tf.resource.alicloud_vpc_ipv6_internet_bandwidth)).toHaveLength(1);
  });

  test('state is local unless IPV6_ECI_STATE_BUCKET is set, then it goes to OSS with Tablestore locking', () => {
    expect(tf.terraform.backend).toEqual({ local: expect.anything() });
    const remote = synthExample({ IPV6_ECI_STATE_BUCKET: 'my-state', IPV6_ECI_LOCK_ENDPOINT: 'https://ots.example.com' });
    expect(remote.terraform.backend.oss).toMatchObject({ bucket: 'my-state', encrypt: true, tablestore_endpoint: 'https://ots.example.com', tablestore_table: 'terraform_lock' });
  });

  test('snapshot of the synthesized stack (read when it changes)', () => {
    const stack = new Ipv6EciExampleStack(Testing.app(), 'ipv6-eci');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });
});
