import * as path from 'path';
import * as protoLoader from '@grpc/proto-loader';
import { parseProto, ProtoCodec } from '../../../src/terraform/plugin/protobuf';
import { loadProtocol, PROTO_DIR } from '../../../src/terraform/plugin/protocol';
import { SchemaOnlyProvider } from '../../../src/terraform/plugin/provider';

/**
 * The plugin's own .proto reader and codec (protobuf.ts) against @grpc/proto-loader + protobufjs (a dev
 * dependency: what the plugin used before issue 21), with the options the plugin used. That Terraform itself
 * (Go's protobuf) reads and writes the same bytes is shown by `npx projen test:terraform`.
 */
const FILES = ['tfplugin6.proto', 'grpc-health.proto', 'go-plugin.proto'];
const OPTIONS: protoLoader.Options = { keepCase: true, longs: Number, enums: Number, defaults: false, oneofs: true };
const reference = protoLoader.loadSync(FILES.map((f) => path.join(PROTO_DIR, f)), OPTIONS);
const ours = loadProtocol();
interface Method {
  readonly path: string;
  requestSerialize(v: any): Buffer;
  requestDeserialize(b: Buffer): any;
  responseSerialize(v: any): Buffer;
  responseDeserialize(b: Buffer): any;
}
type Def = Record<string, Method>;
const refService = (name: string) => reference[name] as unknown as Def;
const plain = (v: unknown) => JSON.parse(JSON.stringify(v));

test('the same services, methods and paths as proto-loader', () => {
  for (const [name, def] of [['tfplugin6.Provider', ours.provider], ['grpc.health.v1.Health', ours.health], ['plugin.GRPCController', ours.controller]] as const) {
    const ref = refService(name);
    expect(Object.keys(def).sort()).toEqual(Object.keys(ref).sort());
    for (const m of Object.keys(def)) expect(def[m].path).toBe(ref[m].path);
  }
});

test('the whole GetProviderSchema response: byte-identical encoding; equal decoding both ways (a sample of types)', () => {
  const schema = new SchemaOnlyProvider().getProviderSchema();
  const a = ours.provider.GetProviderSchema.responseSerialize(schema);
  const b = refService('tfplugin6.Provider').GetProviderSchema.responseSerialize(schema);
  expect(a.length).toBeGreaterThan(1_000_000);
  expect(Buffer.compare(a, b)).toBe(0);
  // Decoding the schema is the tests' business only (the plugin decodes requests): every 25th type of each kind.
  const sample = (m: Record<string, unknown>) => Object.fromEntries(Object.entries(m).filter((_, i) => i % 25 === 0));
  const small = { ...schema, resource_schemas: sample(schema.resource_schemas), data_source_schemas: sample(schema.data_source_schemas) };
  const bytes = ours.provider.GetProviderSchema.responseSerialize(small);
  const fromOurs = ours.provider.GetProviderSchema.responseDeserialize(bytes);
  expect(Object.keys(fromOurs.resource_schemas)).toHaveLength(Object.keys(small.resource_schemas).length);
  expect(Object.keys(fromOurs.resource_schemas).length).toBeGreaterThan(40);
  expect(plain(fromOurs)).toEqual(plain(refService('tfplugin6.Provider').GetProviderSchema.responseDeserialize(bytes)));
});

test('requests and responses with oneofs, negative and large int64, maps, bytes, packed-free repeats and defaults', () => {
  const cases: Array<[string, 'request' | 'response', object]> = [
    ['PlanResourceChange', 'response', {
      planned_state: { msgpack: Buffer.from([0x81, 0xa1, 0x61, 0x01]) },
      requires_replace: [{ steps: [{ attribute_name: 'a' }, { element_key_int: 0 }, { element_key_int: -3 }, { element_key_string: 'k' }] }],
      diagnostics: [{ severity: 2, summary: 'ü ✓', detail: '', attribute: { steps: [] } }],
      legacy_type_system: false,
    }],
    ['UpgradeResourceState', 'request', { type_name: 'alicloud_vpc', version: 2 ** 40, raw_state: { json: Buffer.from('{}'), flatmap: { a: 'b', c: '' } } }],
    ['UpgradeResourceState', 'request', { type_name: 'x', version: -1 }],
    ['ValidateResourceConfig', 'request', { type_name: 't', config: { msgpack: Buffer.alloc(0) }, client_capabilities: { deferral_allowed: true } }],
    ['GetMetadata', 'response', { server_capabilities: { plan_destroy: true }, resources: [{ type_name: 'a' }, { type_name: 'b' }], data_sources: [] }],
    ['StopProvider', 'response', { Error: '' }],
  ];
  for (const [method, side, value] of cases) {
    const [ser, de] = side === 'request' ? ['requestSerialize', 'requestDeserialize'] as const : ['responseSerialize', 'responseDeserialize'] as const;
    const ref = refService('tfplugin6.Provider')[method];
    const mine = ours.provider[method];
    const a = mine[ser](value);
    expect([method, Buffer.compare(a, ref[ser](value))]).toEqual([method, 0]);
    expect([method, plain(mine[de](a))]).toEqual([method, plain(ref[de](a))]);
  }
});

test('fields of a newer Terraform (unknown to the .proto) are skipped; truncated input is refused', () => {
  const codec = new ProtoCodec(parseProto({ 'a.proto': 'syntax = "proto3"; package p; message A { string s = 1; } message B { string s = 1; int64 n = 2; bytes b = 3; double d = 4; repeated int64 r = 5; map<string, A> m = 6; }' }));
  const encoded = codec.encode('p.B', { s: 'x', n: 7, b: Buffer.from('zz'), d: 1.5, r: [1, -2, 2 ** 50], m: { k: { s: 'v' } } });
  expect(codec.decode('p.B', encoded)).toEqual({ s: 'x', n: 7, b: Buffer.from('zz'), d: 1.5, r: [1, -2, 2 ** 50], m: { k: { s: 'v' } } });
  expect(codec.decode('p.A', encoded)).toEqual({ s: 'x' });
  expect(() => codec.decode('p.B', encoded.subarray(0, encoded.length - 1))).toThrow(/protobuf: p.B: truncated/);
});

test('what the reader does not support is refused with a message', () => {
  expect(() => parseProto({ 'a.proto': 'syntax = "proto2"; package p;' })).toThrow(/only proto3/);
  expect(() => parseProto({ 'a.proto': 'syntax = "proto3"; package p; message A { sint32 x = 1; }' })).toThrow(/sint32 is not supported/);
  expect(() => parseProto({ 'a.proto': 'syntax = "proto3"; package p; message A { Missing x = 1; }' })).toThrow(/unknown type Missing/);
  expect(() => parseProto({ 'a.proto': 'syntax = "proto3"; import "x.proto";' })).toThrow(/'import' is not supported/);
});
