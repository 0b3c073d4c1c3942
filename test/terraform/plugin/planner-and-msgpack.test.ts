/** The cty msgpack codec and the first-plan logic of the offline provider. */
import { SchemaPack } from '../../../src/schema/pack';
import { CTY_REFINED_UNKNOWN_EXT, decodeDynamicValue, decodeMsgpack, encodeMsgpack, isUnknown, UnknownValue } from '../../../src/terraform/plugin/cty-msgpack';
import { planResourceChange } from '../../../src/terraform/plugin/planner';
import { attributePath } from '../../../src/terraform/plugin/provider';
import { JsonBlock } from '../../../src/terraform/plugin/schema-wire';

describe('cty msgpack', () => {
  test('an unknown value is fixext1 type 0 and survives a round trip', () => {
    expect([...encodeMsgpack(UnknownValue.PLAIN)]).toEqual([0xd4, 0x00, 0x00]);
    const decoded = decodeMsgpack(encodeMsgpack({ a: UnknownValue.PLAIN, b: [1, 'x', null, true] })) as any;
    expect(isUnknown(decoded.a)).toBe(true);
    expect(decoded.b).toEqual([1, 'x', null, true]);
  });

  test('a refined unknown (type 12) keeps its bytes', () => {
    const refined = Buffer.from([0xc7, 0x03, CTY_REFINED_UNKNOWN_EXT, 0x81, 0x01, 0xc3]); // ext8, 3 bytes: {1: true}
    const v = decodeMsgpack(refined);
    expect(v).toBeInstanceOf(UnknownValue);
    expect((v as UnknownValue).extType).toBe(CTY_REFINED_UNKNOWN_EXT);
    expect(encodeMsgpack(v)).toEqual(refined);
  });

  test('64-bit integers stay exact', () => {
    const big = Buffer.from([0xcf, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01]); // uint64 2^53 + 1
    expect(decodeMsgpack(big)).toBe(BigInt(2) ** BigInt(53) + BigInt(1));
    expect(encodeMsgpack(decodeMsgpack(big))).toEqual(big);
  });

  test('a DynamicValue decodes from msgpack, else JSON, else null', () => {
    expect(decodeDynamicValue({ msgpack: encodeMsgpack({ a: 1 }) })).toEqual({ a: 1 });
    expect(decodeDynamicValue({ json: Buffer.from('{"a":2}') })).toEqual({ a: 2 });
    expect(decodeDynamicValue({})).toBeNull();
    expect(decodeDynamicValue(undefined)).toBeNull();
  });
});

describe('planResourceChange (a first plan)', () => {
  const pack = SchemaPack.load();
  const ros = pack.entry('resource', 'alicloud_ros_stack')!;
  const eci = pack.entry('resource', 'alicloud_eci_container_group')!;
  const nulls = (block: JsonBlock, set: Record<string, unknown>) => ({
    ...Object.fromEntries(Object.keys(block.attributes ?? {}).map((k) => [k, null])),
    ...Object.fromEntries(Object.entries(block.block_types ?? {}).map(([k, bt]) => [k, bt.nesting_mode === 'single' ? null : []])),
    ...set,
  });

  test('computed attributes left null become unknown; set ones stay', () => {
    const proposed = nulls(ros.schema.block, { stack_name: 'x', template_body: '{}' });
    const planned = planResourceChange(ros.schema.block, null, proposed, ros.constraints) as any;
    expect(isUnknown(planned.id)).toBe(true);
    expect(isUnknown(planned.status)).toBe(true);
    expect(planned.stack_name).toBe('x');
  });

  test('defaults of optional, non-computed attributes are planned; the timeouts block is left alone', () => {
    const proposed = nulls(ros.schema.block, { stack_name: 'x', timeout_in_minutes: 45, timeouts: { create: '10m', update: null, delete: null } });
    const planned = planResourceChange(ros.schema.block, null, proposed, ros.constraints) as any;
    expect(planned).toMatchObject({ deletion_protection: 'Disabled', disable_rollback: false, timeout_in_minutes: 45 });
    expect(planned.timeouts).toEqual({ create: '10m', update: null, delete: null });
  });

  test('defaults and unknowns reach nested blocks', () => {
    const container = nulls(eci.schema.block.block_types.containers.block, { name: 'web', image: 'nginx' });
    const planned = planResourceChange(eci.schema.block, null, nulls(eci.schema.block, { containers: [container] }), eci.constraints) as any;
    expect(planned.containers[0]).toMatchObject({ name: 'web', image: 'nginx', image_pull_policy: 'IfNotPresent', cpu: 0 });
    const computedInContainer = Object.entries(eci.schema.block.block_types.containers.block.attributes as Record<string, any>)
      .filter(([, a]) => a.computed).map(([k]) => k);
    expect(computedInContainer).toEqual(['ready', 'restart_count']);
    for (const k of computedInContainer) expect(isUnknown(planned.containers[0][k])).toBe(true);
  });

  test('an unknown is not an object to plan: an unknown block, list item or whole proposal stays the same unknown', () => {
    const planned = planResourceChange(eci.schema.block, null, nulls(eci.schema.block, { containers: [UnknownValue.PLAIN] }), eci.constraints) as any;
    expect(planned.containers[0]).toBe(UnknownValue.PLAIN);
    const whole = nulls(eci.schema.block, { containers: UnknownValue.PLAIN });
    expect((planResourceChange(eci.schema.block, null, whole, eci.constraints) as any).containers).toBe(UnknownValue.PLAIN);
    expect(planResourceChange(eci.schema.block, null, UnknownValue.PLAIN, eci.constraints)).toBe(UnknownValue.PLAIN);
  });

  test('with a prior state the proposal is the plan; on destroy the plan is null', () => {
    const proposed = { id: 'stack-1', stack_name: 'x' };
    expect(planResourceChange(ros.schema.block, { id: 'stack-1' }, proposed, ros.constraints)).toBe(proposed);
    expect(planResourceChange(ros.schema.block, { id: 'stack-1' }, null, ros.constraints)).toBeNull();
  });
});

describe('attributePath (where a limit diagnostic points)', () => {
  test('attribute names and list indexes become steps; anything else gives no path', () => {
    expect(attributePath('containers[0].ports[1].port')).toEqual({
      steps: [
        { attribute_name: 'containers' }, { element_key_int: 0 }, { attribute_name: 'ports' }, { element_key_int: 1 }, { attribute_name: 'port' },
      ],
    });
    expect(attributePath('bandwidth')).toEqual({ steps: [{ attribute_name: 'bandwidth' }] });
    expect(attributePath('')).toBeUndefined();
    expect(attributePath('tags["a.b"]')).toBeUndefined();
  });
});
