import { TerraformVariable } from 'cdktf';
import { errorOf, newStack, resources, synth } from './util';
import { DualStackVpc } from '../../src';

/**
 * Zone IDs have the form of their region: a region ending in a digit takes the zone letter directly
 * (ap-northeast-1a), one ending in a letter takes a hyphen first (cn-hangzhou-b).
 */
describe('DualStackVpc zone IDs in the form of their region', () => {
  test.each([
    ['cn-hangzhou', ['cn-hangzhou-b', 'cn-hangzhou-h']],
    ['ap-northeast-1', ['ap-northeast-1a', 'ap-northeast-1b']],
  ])('zones of %s in its form are accepted', (region, zones) => {
    const { stack } = newStack(region);
    new DualStackVpc(stack, 'Vpc', { zones });
    expect(resources(synth(stack), 'alicloud_vswitch').map((s) => s.zone_id)).toEqual(zones);
  });

  test('a zone of a digit-ending region written with a hyphen is rejected, with the right spelling as the fix', () => {
    const { stack } = newStack('ap-northeast-1');
    expect(errorOf(() => new DualStackVpc(stack, 'Vpc', { zones: ['ap-northeast-1a', 'ap-northeast-1-b'] }))).toBe([
      "DualStackVpc at 'test/Vpc' has 1 invalid prop:",
      "  - zones[1]: 'ap-northeast-1-b' is not in the form of region ap-northeast-1: its zone IDs are the region and the zone letter with no hyphen, like 'ap-northeast-1a'. Fix: write 'ap-northeast-1b'.",
    ].join('\n'));
  });

  test('a zone of a letter-ending region without its hyphen is no zone ID', () => {
    const { stack } = newStack('cn-hangzhou');
    expect(errorOf(() => new DualStackVpc(stack, 'Vpc', { zones: ['cn-hangzhoub'] })))
      .toContain("zones[0]: 'cn-hangzhoub' is not an Alibaba Cloud zone ID");
  });

  test('explicit vSwitches, addVSwitch and fromVpcAttributes check the form too', () => {
    const { stack } = newStack('us-east-1');
    expect(errorOf(() => new DualStackVpc(stack, 'A', { vSwitches: [{ zoneId: 'us-east-1-a' }] })))
      .toContain("vSwitches[0].zoneId: 'us-east-1-a' is not in the form of region us-east-1");
    const vpc = new DualStackVpc(stack, 'B', { zones: ['us-east-1a'] });
    expect(errorOf(() => vpc.addVSwitch({ zoneId: 'us-east-1-b' })))
      .toMatch(/^DualStackVpc.addVSwitch at 'test\/B' has 1 invalid prop:\n {2}- spec.zoneId: 'us-east-1-b' is not in the form of region us-east-1.*Fix: write 'us-east-1b'\.$/s);
    expect(errorOf(() => DualStackVpc.fromVpcAttributes(stack, 'C', { vpcId: 'vpc-1', vSwitches: [{ vSwitchId: 'vsw-1', zoneId: 'us-east-1-a' }] })))
      .toContain("DualStackVpc.fromVpcAttributes at 'test/C' has 1 invalid prop:\n  - vSwitches[0].zoneId: 'us-east-1-a' is not in the form of region us-east-1");
    expect(() => DualStackVpc.fromVpcAttributes(stack, 'D', { vpcId: 'vpc-1', vSwitches: [{ vSwitchId: 'vsw-1', zoneId: 'us-east-1a' }] })).not.toThrow();
  });

  test('a zone that is a token is accepted (known at apply)', () => {
    const { stack } = newStack('ap-northeast-1');
    const zone = new TerraformVariable(stack, 'zone', { type: 'string' });
    new DualStackVpc(stack, 'Vpc', { vSwitches: [{ zoneId: zone.stringValue, cidrBlock: '10.0.0.0/24' }] });
    DualStackVpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-1', vSwitches: [{ vSwitchId: 'vsw-1', zoneId: zone.stringValue }] });
    expect(resources(synth(stack), 'alicloud_vswitch')[0].zone_id).toBe('${var.zone}');
  });
});
