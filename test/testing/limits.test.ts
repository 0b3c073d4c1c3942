/**
 * `ConfigWalker.runLimits` (used by ALI-IPV6-010 on every synth) must report exactly the enum, range and
 * pattern findings that the full walk (`run`) reports, while visiting only the limited arguments.
 * Checked on hand-written documents and on random documents built from the schema index itself.
 */
import * as fc from 'fast-check';
import { LIMIT_CODES, ConfigWalker } from '../../src/schema/config-walker';
import { ConfigFinding, ConfigFindingCode } from '../../src/schema/findings';
import { BlockSpec, loadSchemaIndex } from '../../src/schema/schema-index';

const index = loadSchemaIndex();

function key(f: ConfigFinding): string {
  return JSON.stringify([f.address, f.path, f.code, f.message, f.level, f.constructPath]);
}

function limitsOfFullRun(doc: unknown): string[] {
  return new ConfigWalker(index).run(doc).filter((f) => LIMIT_CODES.has(f.code)).map(key).sort();
}

function limitsOnly(doc: unknown): string[] {
  return new ConfigWalker(index).runLimits(doc).map(key).sort();
}

describe('schema index: limited arguments and blocks', () => {
  test('lists the limited arguments of a resource in schema order, and the blocks leading to them', () => {
    const bandwidth = index.resources.get('alicloud_vpc_ipv6_internet_bandwidth')!;
    expect(bandwidth.limitedAttributes.map((a) => a.name)).toEqual(['bandwidth', 'internet_charge_type']);
    expect(bandwidth.limitedBlockTypes.map((b) => b.name)).toEqual([]);
    const eci = index.resources.get('alicloud_eci_container_group')!;
    expect(eci.limitedBlockTypes.map((b) => b.name)).toContain('containers');
    // a block is listed only when something below it is limited
    for (const bt of eci.limitedBlockTypes) {
      const below = (b: BlockSpec): boolean => b.limitedAttributes.length > 0 || b.limitedBlockTypes.some((x) => below(x.block));
      expect(below(bt.block)).toBe(true);
    }
    // template_body has only a validator (StringIsJSON): not a limit
    const ros = index.resources.get('alicloud_ros_stack')!;
    expect(ros.limitedAttributes.map((a) => a.name)).not.toContain('template_body');
    expect(ros.attributes.get('template_body')!.hasValueFacts).toBe(true);
  });
});

describe('ConfigWalker.runLimits', () => {
  test('reports the same limit findings as the full walk on hand-written documents', () => {
    const docs: unknown[] = [
      { resource: { alicloud_vpc_ipv6_internet_bandwidth: { bw: { bandwidth: 0, internet_charge_type: 'PayByHour', ipv6_address_id: 'x', ipv6_gateway_id: 'y' } } } },
      { resource: { alicloud_vpc_ipv6_internet_bandwidth: { bw: { bandwidth: '6000', internet_charge_type: '${var.c}', ipv6_address_id: 'x', ipv6_gateway_id: 'y' } } } },
      { resource: { alicloud_vpc_ipv6_internet_bandwidth: { bw: [{ bandwidth: 5001 }, { bandwidth: 1.5 }] } } },
      {
        resource: {
          alicloud_eci_container_group: {
            g: {
              containers: [
                { name: 'a', image: 'i', image_pull_policy: 'Sometimes', ports: [{ port: 80, protocol: 'SCTP' }] },
                '${var.container}',
              ],
              dynamic: {
                init_containers: [{ for_each: '${var.v}', content: { name: 'init', image: 'i', image_pull_policy: 'Later' } }],
                containers: { for_each: '${var.c}', content: { name: 'c', image: 'i', image_pull_policy: 'Soon' } },
              },
              restart_policy: 'Sometimes',
            },
          },
          alicloud_security_group_rule: { r: { type: 'sideways', ip_protocol: 'ICMP', policy: 'maybe', priority: 101, security_group_id: 'sg' } },
        },
        data: { alicloud_vpc_ipv6_addresses: { a: { status: 'Weird' } } },
      },
      { resource: { alicloud_ros_stack: { s: { stack_name: 'x', template_body: 'not json', deletion_protection: 'Sometimes' } } } },
      { resource: { alicloud_unknown_type: { x: { bandwidth: -1 } }, alicloud_vpc: { v: null } }, data: 'not a section' },
    ];
    let compared = 0;
    for (const doc of docs) {
      const full = limitsOfFullRun(doc);
      expect(limitsOnly(doc)).toEqual(full);
      compared += full.length;
    }
    // the documents are not vacuous: they hold many limit findings
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  test('skips the validators: a template that is not JSON is not parsed', () => {
    const doc = { resource: { alicloud_ros_stack: { s: { stack_name: 'x', template_body: '{not json' } } } };
    expect(new ConfigWalker(index).run(doc).map((f) => f.code)).toContain(ConfigFindingCode.INVALID_JSON);
    expect(new ConfigWalker(index).runLimits(doc)).toEqual([]);
  });

  test('rejects a document that is not an object, as run does', () => {
    expect(() => new ConfigWalker(index).runLimits([])).toThrow(/must be a JSON object, got a JSON array/);
  });

  test('reports the same limit findings as the full walk on random documents built from the schema', () => {
    const types = [...index.resources.keys()];
    const scalar = fc.oneof(
      fc.integer({ min: -10, max: 10_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -5, max: 5 }),
      fc.integer({ min: -10, max: 10_000 }).map(String),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('${var.x}', 'TCP', 'tcp', 'Always', 'PayByTraffic', 'Enabled', 'ingress', 'accept', '', 'true', null),
      fc.boolean(),
    );
    const value = fc.oneof(
      { weight: 6, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 }) },
    );

    /** A random body for a block: its limited arguments (and some others), and its blocks, recursively. */
    const body = (spec: BlockSpec, depth: number): fc.Arbitrary<Record<string, unknown>> => {
      const names = [...spec.attributes.keys()];
      const parts: Record<string, fc.Arbitrary<unknown>> = {};
      for (const a of spec.limitedAttributes) parts[a.name] = value;
      for (const n of names.slice(0, 3)) parts[n] ??= value;
      if (depth < 2) {
        for (const bt of spec.limitedBlockTypes) {
          const inner = body(bt.block, depth + 1);
          parts[bt.name] = fc.oneof(fc.array(inner, { maxLength: 2 }), inner, fc.constant('${var.blocks}'));
          parts.dynamic = fc.record({ [bt.name]: fc.record({ for_each: fc.constant('${var.l}'), content: inner }) });
        }
      }
      return fc.record(parts, { requiredKeys: [] });
    };
    const doc = fc.constantFrom(...types).chain((type) => body(index.resources.get(type)!, 0).map((b) => ({ resource: { [type]: { r: b } } })));

    let withFindings = 0;
    fc.assert(fc.property(doc, (d) => {
      const full = limitsOfFullRun(d);
      if (full.length > 0) withFindings++;
      expect(limitsOnly(d)).toEqual(full);
    }), { numRuns: 300 });
    // most random documents break some limit, so the comparison is not vacuous
    expect(withFindings).toBeGreaterThan(100);
  });
});
