/**
 * The helpers the rules share (src/rules/references.ts, security-groups.ts) tested on their own, and the
 * pack's hook on a stack whose toTerraform the user overrode: cases the mutation run (npx projen mutation)
 * showed no test told apart.
 */
import { Testing } from 'cdktf';
import { ipv6Eci, network, newStack } from './util';
import { Ipv6Checks } from '../../src';
import { exactReference, referencesIn, show } from '../../src/rules/references';
import { sourceKind } from '../../src/rules/security-groups';

describe('exactReference', () => {
  test('reads a whole-value reference to a resource or data source attribute', () => {
    expect(exactReference('${alicloud_vswitch.Vpc_A.id}')).toEqual({ address: 'alicloud_vswitch.Vpc_A', attribute: 'id' });
    expect(exactReference('${data.alicloud_vpc_ipv6_addresses.L.addresses[0].ipv6_address_id}'))
      .toEqual({ address: 'data.alicloud_vpc_ipv6_addresses.L', attribute: 'addresses' });
    expect(exactReference('${alicloud_vpc.v}')).toEqual({ address: 'alicloud_vpc.v', attribute: undefined });
  });

  test('a type whose name ends like a Terraform namespace (_count, _path, _self) is still a resource', () => {
    expect(exactReference('${alicloud_thing_count.n.id}')).toEqual({ address: 'alicloud_thing_count.n', attribute: 'id' });
    expect(exactReference('${alicloud_path.p.id}')).toEqual({ address: 'alicloud_path.p', attribute: 'id' });
  });

  test('variables, locals, modules, each/count/path/terraform/self, other expressions and literals are not references', () => {
    for (const v of ['${var.vpc_id}', '${local.x.id}', '${module.m.vpc_id}', '${each.value.id}', '${count.index}',
      '${path.module}', '${terraform.workspace}', '${self.id}', '${upper(alicloud_vpc.v.id)}', 'vsw-123', 'x${alicloud_vpc.v.id}', 42, undefined]) {
      expect(exactReference(v)).toBeUndefined();
    }
  });
});

describe('referencesIn', () => {
  test('lists every alicloud resource and data source an expression reads, in order', () => {
    expect(referencesIn('${one([for a in data.alicloud_vpc_ipv6_addresses.A.addresses : a.ipv6_address_id if a.ipv6_address == data.alicloud_eci_container_groups.L.groups[0].ipv6_address])}'))
      .toEqual([
        { address: 'data.alicloud_vpc_ipv6_addresses.A', attribute: 'addresses' },
        { address: 'data.alicloud_eci_container_groups.L', attribute: 'groups' },
      ]);
    expect(referencesIn('${alicloud_vpc_ipv6_gateway.G.id}')).toEqual([{ address: 'alicloud_vpc_ipv6_gateway.G', attribute: 'id' }]);
  });

  test('a literal, a non-string, or an expression without alicloud references has none', () => {
    for (const v of ['alicloud_vpc.v.id', 'vsw-1', 7, undefined, null, ['${alicloud_vpc.v.id}'], '${var.x}']) {
      expect(referencesIn(v)).toEqual([]);
    }
  });

  test('show shortens long values and names missing ones', () => {
    expect(show(undefined)).toBe('undefined');
    expect(show({ a: 1 })).toBe('{"a":1}');
    const long = 'x'.repeat(200);
    expect(show(long)).toBe(`${'x'.repeat(117)}...`);
    expect(show('x'.repeat(120))).toBe('x'.repeat(120));
  });
});

describe('sourceKind', () => {
  test('the whole Internet, another CIDR, an expression, or unset', () => {
    expect(sourceKind('::/0')).toBe('world');
    expect(sourceKind(' 0.0.0.0/0 ')).toBe('world');
    expect(sourceKind('2001:db8::/32')).toBe('other');
    expect(sourceKind('10.0.0.0/8')).toBe('other');
    expect(sourceKind('not a cidr')).toBe('other');
    expect(sourceKind('${var.cidr}')).toBe('unknown');
    expect(sourceKind(12)).toBe('unknown');
    for (const v of [undefined, null, '']) expect(sourceKind(v)).toBeUndefined();
  });
});

describe('the pack on a stack whose toTerraform is overridden', () => {
  test('an instance override made before the pack registers is kept: the synthesized document and the rules see it', () => {
    const stack = newStack();
    ipv6Eci(stack, 'Web', network(stack));
    const original = stack.toTerraform.bind(stack);
    Object.defineProperty(stack, 'toTerraform', {
      configurable: true,
      writable: true,
      value: () => ({ ...original(), output: { marker: { value: 'overridden' } } }),
    });
    const doc = JSON.parse(Testing.synth(stack));
    expect(doc.output.marker).toEqual({ value: 'overridden' });
    expect(Ipv6Checks.findingsOf(stack).length).toBeGreaterThan(0);
  });
});
