import { App, TerraformStack, TerraformVariable, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { PropValidator } from '../../src/core/validation';
import { defaultGroupName, splitInstanceTypes } from '../../src/eci/common';
import { validateGroupName, validateSizing } from '../../src/eci/validation';

function problems(fill: (v: PropValidator) => void): string {
  const scope = new Construct(new App(), 'Scope');
  const v = new PropValidator(scope, 'Thing');
  fill(v);
  try {
    v.throwIfAny();
  } catch (e) {
    return (e as Error).message;
  }
  return '';
}

describe('container group names', () => {
  test.each(['ab', 'a'.repeat(128), 'web-1', '0x'])('%s is valid', (name) => {
    expect(problems((v) => validateGroupName(v, 'containerGroupName', name))).toBe('');
  });

  test.each(['a', 'a'.repeat(129), 'Web', '-web', 'web-', 'we_b'])('%s is refused with the rule', (name) => {
    expect(problems((v) => validateGroupName(v, 'containerGroupName', name))).toBe(
      `Thing at 'Scope' has 1 invalid prop:\n  - containerGroupName: '${name}' is not a valid container group name. ` +
      'Fix: use 2–128 lowercase letters, digits and hyphens, starting and ending with a letter or digit.',
    );
  });

  test('tokens and unset names are not checked', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const token = new TerraformVariable(stack, 'n', { type: 'string' }).stringValue;
    expect(problems((v) => { validateGroupName(v, 'n', token); validateGroupName(v, 'n', undefined); })).toBe('');
  });
});

describe('default container group names', () => {
  test('the construct path, lowercased, with runs of other characters as one hyphen, plus 8 hex digits of the address', () => {
    const stack = new TerraformStack(Testing.app(), 'My_Stack');
    const c = new Construct(stack, '--Web  Tier--');
    expect(defaultGroupName(c)).toBe(`my-stack-web-tier-${c.node.addr.slice(0, 8)}`);
  });

  test('long paths are cut to stay within 128 characters and never end in a hyphen before the suffix', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const c = new Construct(stack, `${'a'.repeat(107)}--bbbbb`);
    const name = defaultGroupName(c);
    expect(name).toBe(`s-${'a'.repeat(107)}-${c.node.addr.slice(0, 8)}`);
    expect(name.length).toBeLessThanOrEqual(128);
  });

  test('a path without letters or digits still gives a valid name', () => {
    const c = new Construct(new App(), '__');
    expect(defaultGroupName(c)).toBe(`eci-${c.node.addr.slice(0, 8)}`);
    expect(problems((v) => validateGroupName(v, 'n', defaultGroupName(c)))).toBe('');
  });
});

describe('sizing', () => {
  test('zero or negative vCPU/memory are refused with the unit in the fix', () => {
    const msg = problems((v) => validateSizing(v, { cpu: 0, memory: -2 }, []));
    expect(msg).toContain('  - cpu: must be a finite number greater than 0, got 0. Fix: leave cpu unset or give a positive number (vCPUs).\n');
    expect(msg).toContain('  - memory: must be a finite number greater than 0, got -2. Fix: leave memory unset or give a positive number (GiB).');
  });

  test('instance types with memory alone are still a conflict', () => {
    expect(problems((v) => validateSizing(v, { memory: 2 }, ['ecs.g7.large']))).toContain(
      'instanceType: is set together with cpu/memory. Fix: size the group either by ECS instance type or by vCPU and memory, not both.');
    expect(problems((v) => validateSizing(v, {}, ['ecs.g7.large']))).toBe('');
  });

  test.each(['xecs.g7.large', 'ecs.g7.large.x', 'ecs.g7', 'ECS.g7.large'])('%s is not an instance type', (t) => {
    expect(problems((v) => validateSizing(v, {}, [t]))).toContain(
      `instanceType: '${t}' is not an ECS instance type. Fix: use names like 'ecs.g7.large' (see DescribeInstanceTypes).`);
  });

  test('surrounding spaces are tolerated', () => {
    expect(problems((v) => validateSizing(v, {}, [' ecs.gn6i-c4g1.xlarge ']))).toBe('');
  });
});

describe('splitInstanceTypes', () => {
  test('splits, trims and drops empty items', () => {
    expect(splitInstanceTypes('ecs.g7.large, ecs.c7.large,,')).toEqual(['ecs.g7.large', 'ecs.c7.large']);
    expect(splitInstanceTypes(undefined)).toEqual([]);
  });

  test('keeps a token whole', () => {
    const stack = new TerraformStack(Testing.app(), 's');
    const token = new TerraformVariable(stack, 't', { type: 'string' }).stringValue;
    expect(splitInstanceTypes(token)).toEqual([token]);
  });
});

describe('PropValidator', () => {
  test('several problems: plural, one line each, in order', () => {
    expect(problems((v) => v.add('a', 'is bad', 'fix a').add('b', 'is worse', 'fix b'))).toBe(
      "Thing at 'Scope' has 2 invalid props:\n  - a: is bad. Fix: fix a.\n  - b: is worse. Fix: fix b.");
  });

  test('default fixes name the range or the allowed values', () => {
    expect(problems((v) => v.integerInRange('n', 7, 1, 5))).toContain('n: must be an integer from 1 to 5, got 7. Fix: set n to a whole number between 1 and 5.');
    expect(problems((v) => v.integerInRange('n', 1.5, 1, 5))).toContain('got 1.5');
    expect(problems((v) => v.oneOf('e', 'c', ['a', 'b']))).toContain("e: must be one of 'a', 'b', got 'c'. Fix: set e to one of 'a', 'b'.");
    expect(problems((v) => v.oneOf('e', 'a', ['a', 'b']).integerInRange('n', 5, 1, 5).check(false, 'x', 'y', 'z'))).toBe('');
  });

  test('ok tells whether anything was recorded', () => {
    const v = new PropValidator(new Construct(new App(), 'S'), 'T');
    expect(v.ok).toBe(true);
    v.add('p', 'q', 'r');
    expect(v.ok).toBe(false);
  });
});
