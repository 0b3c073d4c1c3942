import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, RestartPolicy } from '../../src';
import { PropValidator } from '../../src/core/validation';
import { mayBeSameVpc, validateGroupProps, validateIpv6AndRestart } from '../../src/eci/validation';

function messageOf(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('mayBeSameVpc', () => {
  const stack = new TerraformStack(Testing.app(), 's');
  const a = new alicloud.vpc.Vpc(stack, 'A', { cidrBlock: '10.0.0.0/16' });
  const b = new alicloud.vpc.Vpc(stack, 'B', { cidrBlock: '10.1.0.0/16' });

  test('the same value is the same VPC; two literals or two references to different VPCs are not', () => {
    expect(mayBeSameVpc(stack, 'vpc-1', 'vpc-1')).toBe(true);
    expect(mayBeSameVpc(stack, 'vpc-1', 'vpc-2')).toBe(false);
    expect(mayBeSameVpc(stack, a.id, a.id)).toBe(true);
    expect(mayBeSameVpc(stack, a.id, b.id)).toBe(false);
    expect(mayBeSameVpc(stack, `${a.id}`, a.id)).toBe(true);
  });

  test('a literal ID and a reference cannot be told apart: possibly the same', () => {
    expect(mayBeSameVpc(stack, 'vpc-1', a.id)).toBe(true);
    expect(mayBeSameVpc(stack, a.id, 'vpc-1')).toBe(true);
    // literal text that merely contains ${...} is not a reference either
    expect(mayBeSameVpc(stack, 'vpc-${x}', a.id)).toBe(true);
    expect(mayBeSameVpc(stack, '${x}-vpc', a.id)).toBe(true);
  });

  test('a value that is not a plain reference after resolution is possibly the same', () => {
    expect(mayBeSameVpc(stack, `prefix-${a.id}`, a.id)).toBe(true);
  });

  test('outside a stack nothing can be resolved: possibly the same', () => {
    expect(mayBeSameVpc(new Construct(new App(), 'Loose'), 'vpc-1', 'vpc-2')).toBe(true);
  });
});

describe('validateIpv6AndRestart', () => {
  function problems(props: { ipv6AddressCount?: number; restartPolicy?: string }): string {
    const v = new PropValidator(new Construct(new App(), 'G'), 'Group');
    validateIpv6AndRestart(v, props, Object.values(RestartPolicy));
    return messageOf(() => v.throwIfAny());
  }

  test('a restart policy outside the enum and a token IPv6 count are refused', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const count = new TerraformVariable(stack, 'n', { type: 'number' }).numberValue;
    expect(problems({ restartPolicy: 'Sometimes', ipv6AddressCount: count })).toBe([
      "Group at 'G' has 2 invalid props:",
      "  - restartPolicy: must be one of 'Always', 'OnFailure', 'Never', got 'Sometimes'. Fix: set restartPolicy to one of 'Always', 'OnFailure', 'Never'.",
      '  - ipv6AddressCount: is a token (unknown until apply), but it decides at synth time whether the group gets IPv6. Fix: pass a literal 0 or 1.',
    ].join('\n'));
  });

  test('literal counts and known policies pass', () => {
    expect(problems({ restartPolicy: 'Never', ipv6AddressCount: 1 })).toBe('');
    expect(problems({})).toBe('');
  });
});

describe('validateGroupProps', () => {
  const scope = () => new Construct(new TerraformStack(Testing.app(), 's'), 'Web');
  const vpc = { vpcId: 'vpc-1' } as any;
  const containers = [{ name: 'web', image: 'nginx' }];

  test('missing required props throw at once, each named with its fix', () => {
    expect(messageOf(() => validateGroupProps(scope(), 'ContainerGroup', {} as any, []))).toBe([
      "ContainerGroup at 's/Web' has 3 invalid props:",
      '  - vpc: is missing. Fix: pass the VPC to run in, e.g. a DualStackVpc.',
      '  - securityGroup: is missing. Fix: pass a SecurityGroup of the same VPC.',
      "  - containers: is missing. Fix: pass at least one container, e.g. [{ name: 'web', image: 'nginx:alpine' }].",
    ].join('\n'));
  });

  test('the other problems are returned together, not thrown', () => {
    const v = validateGroupProps(scope(), 'ContainerGroup', { vpc, securityGroup: { vpcId: 'vpc-2' } as any, containers, ipv6AddressCount: 2 }, []);
    expect(messageOf(() => v.throwIfAny())).toBe([
      "ContainerGroup at 's/Web' has 2 invalid props:",
      '  - ipv6AddressCount: must be an integer from 0 to 1, got 2. Fix: set ipv6AddressCount to 1 for an IPv6 address (one per ECI is the Alibaba limit) or 0 for none.',
      '  - securityGroup: belongs to another VPC than vpc. Fix: use a security group created in the same VPC (new SecurityGroup(this, id, { vpc })).',
    ].join('\n'));
    expect(validateGroupProps(scope(), 'ContainerGroup', { vpc, securityGroup: { vpcId: 'vpc-1' } as any, containers }, []).ok).toBe(true);
  });
});
