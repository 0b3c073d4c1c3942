import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildApp } from '../../examples/ipv6-eci/main';

function synthExample(): any {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-'));
  try {
    buildApp(outdir).synth();
    return JSON.parse(fs.readFileSync(path.join(outdir, 'stacks', 'ipv6-eci', 'cdk.tf.json'), 'utf-8'));
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

describe('examples/ipv6-eci', () => {
  const tf = synthExample();

  test('pins the alicloud provider to the release the bindings were generated from', () => {
    expect(tf.terraform.required_providers.alicloud).toEqual({ source: 'aliyun/alicloud', version: '1.289.0' });
  });

  test('deploys to China (Hohhot) with an IPv6-enabled VPC', () => {
    expect(tf.provider.alicloud[0].region).toBe('cn-huhehaote');
    const vpcs = Object.values(tf.resource.alicloud_vpc) as any[];
    expect(vpcs.every((v) => v.enable_ipv6 === true)).toBe(true);
  });
});
