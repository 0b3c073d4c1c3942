import { App, TerraformElement, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { alicloud, DualStackVpc } from '../../src';
import { keepNamesOneByte } from '../../src/core/one-byte-names';

/**
 * core/one-byte-names.ts copies every name a stack allocates into a one-byte string (a memory fix, bench/): the
 * names themselves, and a stack's own naming, must not change.
 */
describe('one-byte names', () => {
  const elementsOf = (stack: TerraformStack) => stack.node.findAll().filter((c): c is TerraformElement => TerraformElement.isTerraformElement(c));

  test('every element of a stack with nested constructs keeps the name the core allocates', () => {
    const stack = new TerraformStack(new App(), 'web');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
    const vpc = new DualStackVpc(stack, `Vpc${1 + 1}`, { zones: ['cn-huhehaote-a', `cn-huhehaote-${'b'}`] });
    expect(Object.prototype.hasOwnProperty.call(stack, 'allocateLogicalId')).toBe(true); // the library wrapped it
    const core = TerraformStack.prototype as unknown as { allocateLogicalId(e: unknown): string };
    const elements = elementsOf(stack);
    expect(elements.length).toBeGreaterThan(4);
    for (const e of elements) expect(e.friendlyUniqueId).toBe(core.allocateLogicalId.call(stack, e));
    expect(vpc.vSwitches.length).toBe(2);
    expect(elements.map((e) => e.friendlyUniqueId)).toContain('Vpc2_VSwitch-cn-huhehaote-b_6E83A9B2');
  });

  test("a stack's own allocateLogicalId is kept and called", () => {
    class Prefixed extends TerraformStack {
      protected allocateLogicalId(element: TerraformElement): string {
        return `p_${element.node.id}`;
      }
    }
    const stack = new Prefixed(new App(), 'web');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
    new DualStackVpc(stack, 'Vpc', { zones: ['cn-huhehaote-a'] });
    expect(elementsOf(stack).map((e) => e.friendlyUniqueId)).toEqual(expect.arrayContaining(['p_Resource', 'p_VSwitch-cn-huhehaote-a']));
  });

  test('wraps a stack once, and returns what is not a string, or not one-byte text, as it is', () => {
    const stack = new TerraformStack(new App(), 'web');
    const names: unknown[] = [undefined, 'Résumé_a', '名字_b'];
    (stack as any).allocateLogicalId = () => names.shift();
    keepNamesOneByte(stack);
    const first = (stack as any).allocateLogicalId;
    keepNamesOneByte(stack);
    expect((stack as any).allocateLogicalId).toBe(first);
    const e = new Construct(stack, 'x');
    expect([first.call(stack, e), first.call(stack, e), first.call(stack, e)]).toEqual([undefined, 'Résumé_a', '名字_b']);
  });
});
