import { TerraformVariable } from 'cdktf';
import {
  ContainerGroupFleet, Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId,
} from '../../../src';
import { familyOf } from '../../../src/rules/facts';
import { annotations, ipv6Eci, network, newStack, only, rawNetwork, rawRosEci, rawStack } from '../util';

const ID = Ipv6RuleId.INSTANCE_FAMILY;

describe('ALI-IPV6-002 ipv6-instance-family', () => {
  test('the family key of a type is the longest known family that starts its middle segment, else the part before the first hyphen', () => {
    expect(familyOf('ecs.sgn7i-vws-m2.xlarge')).toBe('sgn7i-vws'); // issue 12: this came out as sgn7i
    expect(familyOf('ecs.vgn7i-vws-m4.xlarge')).toBe('vgn7i-vws');
    expect(familyOf('ecs.sgn7i-vws.xlarge')).toBe('sgn7i-vws');
    expect(familyOf('ecs.sgn7i-xyz-m2.xlarge')).toBe('sgn7i'); // not a known family: up to the first hyphen
    expect(familyOf('ecs.abc-def-m2.large', new Set(['abc-def']))).toBe('abc-def'); // the user's families count
    expect(familyOf('ecs.abc-def-m2.large')).toBe('abc');
    expect(familyOf('ecs.g7.large')).toBe('g7');
    expect(familyOf('ecs.gn6i-c4g1.xlarge')).toBe('gn6i');
    expect(familyOf('ecs.re6p-redis.large')).toBe('re6p');
    expect(familyOf(' ECS.C7.2XLARGE ')).toBe('c7');
    expect(familyOf('g7.large')).toBeUndefined();
  });

  test('an IPv6 ECI sized by vCPU and memory always passes', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack));
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('IPv6-capable families (comma-separated list, GPU type with a hyphen) pass', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.g7.large,ecs.gn6i-c4g1.xlarge' });
    expect(only(stack, ID).status).toBe(Ipv6CheckStatus.COMPLIANT);
  });

  test('ecs.ic5.large on an IPv6 ECI is an error naming the type, the family, the API error and the fix', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.g7.large,ecs.ic5.large' });
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NON_COMPLIANT, level: Ipv6CheckLevel.ERROR });
    expect(f.message).toContain('ecs.ic5.large (family ic5)');
    expect(f.message).toContain('Ipv6AddressNotSupportInstanceType');
    expect(f.message).not.toContain('ecs.g7.large (family');
    expect(annotations(stack)).toEqual([expect.stringMatching(/^test\/Web: \[ALI-IPV6-002\] ContainerGroup 'test\/Web' asks for an IPv6 address but instanceType has ecs\.ic5\.large .*\. Fix: use instance types of an IPv6 family/)]);
  });

  test('every entry of an ESS fleet\'s instance_types is checked', () => {
    const stack = newStack();
    const net = network(stack);
    new ContainerGroupFleet(stack, 'Fleet', {
      vpc: net.vpc,
      securityGroup: net.securityGroup,
      minSize: 1,
      maxSize: 2,
      ipv6AddressCount: 1,
      instanceTypes: ['ecs.c7.large', 'ecs.gn5-c4g1.xlarge'],
      containers: [{ name: 'worker', image: 'busybox' }],
    });
    const f = only(stack, ID);
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toContain('ecs.gn5-c4g1.xlarge (family gn5)');
  });

  test('ecs.sgn7i-vws-m2.xlarge is of the IPv6 family sgn7i-vws (compliant, no warning)', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.sgn7i-vws-m2.xlarge' });
    expect(only(stack, ID)).toMatchObject({ status: Ipv6CheckStatus.COMPLIANT });
    expect(annotations(stack, 'warn')).toEqual([]);
  });

  test('a hyphenated family added by the user is matched whole', () => {
    const stack = rawStack('cn-huhehaote', { additionalNonIpv6Families: ['ecs.gn7i-xyz'] });
    const net = rawNetwork(stack);
    rawRosEci(stack, 'Eci', net.vswitch.id, net.sg.id, { InstanceType: 'ecs.gn7i-xyz-c8.2xlarge', Cpu: undefined, Memory: undefined });
    const f = only(stack, ID, 'Eci');
    expect(f.status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
    expect(f.message).toContain('(family gn7i-xyz)');
  });

  test('an unknown family is a warning (cannot verify), not an error', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.g9a.large' });
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.WARNING });
    expect(f.fix).toContain('additionalIpv6Families');
    expect(annotations(stack)).toEqual([]);
    expect(annotations(stack, 'warn')).toEqual([expect.stringContaining('[ALI-IPV6-002] Cannot verify at synth time that ecs.g9a.large (family g9a)')]);
  });

  test('additionalIpv6Families and additionalNonIpv6Families override the built-in facts', () => {
    const stack = rawStack('cn-huhehaote', { additionalIpv6Families: ['ecs.g9a', 'ic5'], additionalNonIpv6Families: ['g7'] });
    const net = rawNetwork(stack);
    rawRosEci(stack, 'New', net.vswitch.id, net.sg.id, { InstanceType: 'ecs.g9a.large,ecs.ic5.large', Cpu: undefined, Memory: undefined });
    rawRosEci(stack, 'Old', net.vswitch.id, net.sg.id, { InstanceType: 'ecs.g7.large', Cpu: undefined, Memory: undefined });
    expect(only(stack, ID, 'New').status).toBe(Ipv6CheckStatus.COMPLIANT);
    expect(only(stack, ID, 'Old').status).toBe(Ipv6CheckStatus.NON_COMPLIANT);
  });

  test('an ECI without IPv6 is not checked', () => {
    const stack = newStack();
    const net = network(stack);
    ipv6Eci(stack, 'Web', net, { ipv6AddressCount: 0, instanceType: 'ecs.ic5.large' });
    expect(() => only(stack, ID)).toThrow(/got 0/);
  });

  test('an instance type from a variable (template parameter) cannot be verified: info, no crash', () => {
    const stack = newStack();
    const type = new TerraformVariable(stack, 'type', { type: 'string' });
    ipv6Eci(stack, 'Web', network(stack), { instanceType: type.stringValue });
    const f = only(stack, ID);
    expect(f).toMatchObject({ status: Ipv6CheckStatus.NOT_VERIFIABLE, level: Ipv6CheckLevel.INFO });
    expect(f.message).toContain('var.type');
  });
});
