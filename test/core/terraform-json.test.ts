import {
  BLOCK_KINDS,
  blockAddress,
  constructPathOf,
  isJsonObject,
  isObject,
  isToken,
  labelEntries,
  objectBlocks,
  parseAddress,
  terraformBlocks,
  typeKey,
} from '../../src/core/terraform-json';
import { RuleContext } from '../../src/rules/context';
import { ConfigWalker } from '../../src/schema/config-walker';
import { ConfigFindingCode } from '../../src/schema/findings';
import { loadSchemaIndex } from '../../src/schema/schema-index';

const meta = (path: unknown) => ({ '//': { metadata: { path } } });

describe('objects', () => {
  test.each([[{}, true], [{ a: 1 }, true], [[], false], [[{}], false], [null, false], [undefined, false], ['{}', false], [1, false], [true, false]])(
    'isObject(%p) is %p', (value, expected) => {
      expect(isObject(value)).toBe(expected);
      expect(isJsonObject(value)).toBe(expected);
    });

  test('an object made by a class is an object (callers that must exclude one test for it themselves)', () => {
    class Unknown {}
    expect(isObject(new Unknown())).toBe(true);
  });
});

describe('tokens', () => {
  test.each(['${var.x}', 'a-${alicloud_vpc.v.id}', '%{ if true }x%{ endif }', 'x%{for a in b}', '${', '$${a}${b}'])('%p is a token', (value) => {
    expect(isToken(value)).toBe(true);
  });

  test.each(['plain', '$${escaped}', '%%{escaped}', '$', '{x}', '', 5, null, undefined, { a: '${x}' }, ['${x}']])('%p is not a token', (value) => {
    expect(isToken(value)).toBe(false);
  });
});

describe('label levels', () => {
  test('an object keyed by label gives its entries in order, without "//" comments', () => {
    expect(labelEntries({ '//': 'comment', 'b': 1, 'a': [2] })).toEqual([['b', 1], ['a', [2]]]);
  });

  test('an array of objects (HCL JSON allows it at every label level) gives the entries of each', () => {
    expect(labelEntries([{ a: 1 }, 'skipped', { '//': {}, 'b': 2 }, null, { a: 3 }])).toEqual([['a', 1], ['b', 2], ['a', 3]]);
  });

  test.each([null, undefined, 'x', 5, '${var.types}'])('%p has no entries', (value) => {
    expect(labelEntries(value)).toEqual([]);
  });
});

describe('construct paths', () => {
  test('come from //.metadata.path', () => {
    expect(constructPathOf({ ...meta('stack/Vpc/Resource'), cidr_block: '10.0.0.0/8' })).toBe('stack/Vpc/Resource');
  });

  test.each([
    ['no comment', {}],
    ['a path that is not a string', meta(5)],
    ['metadata that is not an object', { '//': { metadata: 'x' } }],
    ['a comment that is not an object', { '//': 'stack/Vpc' }],
    ['metadata in an array', { '//': [{ metadata: { path: 'p' } }] }],
    ['a body that is not an object', [meta('p')]],
    ['no body', undefined],
  ])('are undefined for %s', (_what, body) => {
    expect(constructPathOf(body)).toBeUndefined();
  });
});

describe('addresses', () => {
  test('resources are type.name, data sources data.type.name', () => {
    expect(blockAddress('resource', 'alicloud_vswitch', 'A')).toBe('alicloud_vswitch.A');
    expect(blockAddress('data', 'alicloud_zones', 'z')).toBe('data.alicloud_zones.z');
    expect(typeKey('resource', 'alicloud_vpc')).toBe('alicloud_vpc');
    expect(typeKey('data', 'alicloud_vpcs')).toBe('data.alicloud_vpcs');
    expect(BLOCK_KINDS).toEqual(['resource', 'data']);
  });

  test('parse back to kind, type and name; further parts are ignored', () => {
    expect(parseAddress('alicloud_vswitch.A')).toEqual({ kind: 'resource', type: 'alicloud_vswitch', name: 'A' });
    expect(parseAddress('data.alicloud_zones.z')).toEqual({ kind: 'data', type: 'alicloud_zones', name: 'z' });
    expect(parseAddress('alicloud_vpc.v.id')).toEqual({ kind: 'resource', type: 'alicloud_vpc', name: 'v' });
    for (const [kind, type, name] of [['resource', 't', 'n'], ['data', 't', 'n-1_x']] as const) {
      expect(parseAddress(blockAddress(kind, type, name))).toEqual({ kind, type, name });
    }
  });
});

describe('blocks', () => {
  test('resources, then data sources, in document order, with address, body and construct path', () => {
    const vpc = { ...meta('s/Vpc'), cidr_block: '10.0.0.0/8' };
    const zones = { available_resource_creation: 'VSwitch' };
    const vsw = { vpc_id: '${alicloud_vpc.v.id}' };
    const doc = {
      data: { alicloud_zones: { z: zones } },
      resource: { alicloud_vpc: { v: vpc }, alicloud_vswitch: { a: vsw } },
      output: { o: { value: 1 } },
    };
    expect(terraformBlocks(doc)).toEqual([
      { kind: 'resource', type: 'alicloud_vpc', name: 'v', address: 'alicloud_vpc.v', body: vpc, constructPath: 's/Vpc' },
      { kind: 'resource', type: 'alicloud_vswitch', name: 'a', address: 'alicloud_vswitch.a', body: vsw, constructPath: undefined },
      { kind: 'data', type: 'alicloud_zones', name: 'z', address: 'data.alicloud_zones.z', body: zones, constructPath: undefined },
    ]);
  });

  test('array label levels and an array of bodies: one block per body, at the same address', () => {
    const doc = {
      resource: [
        { alicloud_vpc: [{ a: [{ ...meta('s/A1'), n: 1 }, { n: 2 }] }, { b: { n: 3 } }] },
        { '//': { note: 'comment' }, 'alicloud_vpc': { '//': 'comment', 'c': { n: 4 } } },
      ],
    };
    expect(terraformBlocks(doc).map((b) => [b.address, (b.body as { n: number }).n, b.constructPath])).toEqual([
      ['alicloud_vpc.a', 1, 's/A1'], ['alicloud_vpc.a', 2, undefined], ['alicloud_vpc.b', 3, undefined], ['alicloud_vpc.c', 4, undefined],
    ]);
  });

  test('bodies that are not objects are blocks too; objectBlocks leaves them out', () => {
    const doc = { resource: { alicloud_vpc: { token: '${var.vpc}', none: null, list: ['${x}', { n: 1 }], ok: { n: 2 } } } };
    expect(terraformBlocks(doc).map((b) => [b.address, b.body])).toEqual([
      ['alicloud_vpc.token', '${var.vpc}'], ['alicloud_vpc.none', null], ['alicloud_vpc.list', '${x}'], ['alicloud_vpc.list', { n: 1 }], ['alicloud_vpc.ok', { n: 2 }],
    ]);
    expect(objectBlocks(doc).map((b) => [b.address, b.body.n])).toEqual([['alicloud_vpc.list', 1], ['alicloud_vpc.ok', 2]]);
  });

  test.each([null, undefined, [], 'x', { resource: 'x', data: 5 }, { module: { m: { source: './m' } } }])('%p has no blocks', (doc) => {
    expect(terraformBlocks(doc)).toEqual([]);
  });

  test('a body keeps its identity (callers may change it in place)', () => {
    const body = { provider: '${alicloud.hk}' };
    const [block] = objectBlocks({ resource: { alicloud_vpc: { v: body } } });
    expect(block.body).toBe(body);
  });
});

describe('the schema walker and the rule context read the same blocks', () => {
  test('same addresses and construct paths, also for array label levels, arrays of bodies and comments', () => {
    const body = (path?: string) => ({ ...(path ? meta(path) : {}), bogus_argument: 1 });
    const doc = {
      resource: [
        { alicloud_vpc: [{ a: [body('s/A1'), body()] }, { b: body('s/B') }] },
        { '//': { note: 'comment' }, 'alicloud_vswitch': { '//': 'comment', 'c': body() } },
      ],
      data: { alicloud_zones: [{ z: body('s/Zones') }] },
    };
    const walked = new ConfigWalker(loadSchemaIndex()).run(doc)
      .filter((f) => f.code === ConfigFindingCode.UNKNOWN_ATTRIBUTE && f.path === 'bogus_argument')
      .map((f) => [f.address, f.constructPath]);
    const context = new RuleContext(doc, { regions: new Set(), families: new Map() }, 'stack');
    expect(context.blocks.map((b) => [b.address, b.constructPath])).toEqual(walked);
    expect(walked).toEqual([
      ['alicloud_vpc.a', 's/A1'], ['alicloud_vpc.a', undefined], ['alicloud_vpc.b', 's/B'], ['alicloud_vswitch.c', undefined], ['data.alicloud_zones.z', 's/Zones'],
    ]);
  });
});
