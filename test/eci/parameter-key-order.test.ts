import * as fc from 'fast-check';
import { compareParameterKeys } from '../../src/eci/ros-template';

/** ROS parameter keys are sorted in the root collation order (English), the same on every machine. */
describe('compareParameterKeys', () => {
  const english = new Intl.Collator('en-US');
  const sign = (x: number) => Math.sign(x);

  test('orders letters and digits as an English collator does (property, keys from a small alphabet to force ties)', () => {
    const key = fc.string({ unit: fc.constantFrom('a', 'A', 'b', 'B', 'z', 'Z', '0', '1', '9'), maxLength: 6 });
    fc.assert(fc.property(key, key, (a, b) => sign(compareParameterKeys(a, b)) === sign(english.compare(a, b))), { numRuns: 2000 });
  });

  test('the keys the constructs write', () => {
    const keys = ['VSwitchId', 'TemplateRevision', 'SecurityGroupId', 'Param10', 'Param2', 'param1', 'Param1', 'A', 'a', 'b', 'B'];
    expect([...keys].sort(compareParameterKeys)).toEqual([...keys].sort(english.compare));
    expect([...keys].sort(compareParameterKeys)).toEqual(['a', 'A', 'b', 'B', 'param1', 'Param1', 'Param10', 'Param2', 'SecurityGroupId', 'TemplateRevision', 'VSwitchId']);
  });

  test('keys with other characters are compared by an English collator', () => {
    expect(sign(compareParameterKeys('a-b', 'a_b'))).toBe(sign(english.compare('a-b', 'a_b')));
    expect(sign(compareParameterKeys('é', 'f'))).toBe(-1);
  });
});
