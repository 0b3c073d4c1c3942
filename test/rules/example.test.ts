import { Testing } from 'cdktf';
import { annotations } from './util';
import { Ipv6EciExampleStack } from '../../examples/ipv6-eci/main';
import { Ipv6Checks, Ipv6CheckStatus } from '../../src';

describe('examples/ipv6-eci', () => {
  test('the example stack has no error finding: every rule that applies is compliant', () => {
    const stack = new Ipv6EciExampleStack(Testing.app(), 'ipv6-eci');
    Testing.synth(stack);
    const found = Ipv6Checks.findingsOf(stack);
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((f) => f.status !== Ipv6CheckStatus.COMPLIANT)).toEqual([]);
    expect(annotations(stack)).toEqual([]);
    expect(annotations(stack, 'warn')).toEqual([]);
  });
});
