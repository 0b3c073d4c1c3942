/**
 * Just enough protobuf for the plugin's three .proto files (proto/): a reader of proto3 `message`, `enum`,
 * `oneof`, `map<,>` and `service` declarations, and a binary encoder/decoder driven by what it read.
 *
 * It replaces `@grpc/proto-loader` + `protobufjs`, which bundled about 6 MB into the npm package (protobufjs
 * ships browser builds, and its `@types/node` dependency alone was 2.3 MB). Decoded messages look as
 * proto-loader hands them over with the options the plugin used (`keepCase`, `longs: Number`, `enums: Number`,
 * `defaults: false`, `oneofs: true`): the .proto's field names; only the fields present on the wire; int64 as
 * a number; enums as numbers; bytes as Buffer; a set oneof member also named by a property of the oneof's name.
 * Encoding writes every field that is not null or undefined, as protobufjs did.
 *
 * Not supported (the files do not use them; reading such a file fails with a message): sint, fixed and sfixed
 * types, groups, proto2, `import`, extensions. Compression is the gRPC layer's business (grpc-server.ts).
 */
/* eslint-disable no-bitwise */ // Varints, tags and wire types are bit fields.

/** Scalar types and their wire types. */
const SCALARS: Record<string, number> = {
  int32: 0, int64: 0, uint32: 0, uint64: 0, bool: 0, string: 2, bytes: 2, double: 1, float: 5,
};

/** A field of a message. */
export interface FieldDef {
  readonly name: string;
  readonly number: number;
  /** A scalar type name, or the full name of a message or an enum (after resolution). */
  type: string;
  kind: 'scalar' | 'enum' | 'message';
  readonly repeated: boolean;
  /** For `map<K, V>`: the key's scalar type; `type`/`kind` describe the value. */
  readonly mapKey?: string;
  /** The oneof this field belongs to. */
  readonly oneof?: string;
}

/** A message type. */
export interface MessageDef {
  readonly fullName: string;
  readonly fields: FieldDef[];
  readonly byNumber: Map<number, FieldDef>;
}

/** A unary or streaming method of a service. */
export interface MethodDef {
  readonly name: string;
  readonly input: string;
  readonly output: string;
  readonly clientStreaming: boolean;
  readonly serverStreaming: boolean;
}

/** Everything read from a set of .proto files. */
export interface ProtoRoot {
  readonly messages: Map<string, MessageDef>;
  readonly enums: Set<string>;
  readonly services: Map<string, MethodDef[]>;
}

function tokenize(text: string, file: string): string[] {
  const tokens: string[] = [];
  const re = /\s+|\/\/[^\n]*|\/\*[^]*?\*\/|("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')|([A-Za-z_.][\w.]*|-?\d+)|([{}()[\]<>=;,])|(.)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m[4] !== undefined) throw new Error(`proto: ${file}: unexpected '${m[4]}'`);
    const t = m[1] ?? m[2] ?? m[3];
    if (t !== undefined) tokens.push(t);
  }
  return tokens;
}

/** Reads .proto sources (`{ file: text }`) into one root. */
export function parseProto(sources: Record<string, string>): ProtoRoot {
  const root: ProtoRoot = { messages: new Map(), enums: new Set(), services: new Map() };
  // Field types are resolved once every file is read: [field, scope it was declared in].
  const pending: Array<[FieldDef, string, string]> = [];
  const pendingMethods: Array<[MethodDef & { input: string; output: string }, string, string]> = [];

  for (const [file, text] of Object.entries(sources)) {
    const t = tokenize(text, file);
    let i = 0;
    const fail = (what: string): never => {
      throw new Error(`proto: ${file}: ${what} (near '${t.slice(Math.max(0, i - 3), i + 3).join(' ')}')`);
    };
    const next = () => (i < t.length ? t[i++] : fail('unexpected end'));
    const expect = (tok: string) => {
      if (next() !== tok) fail(`expected '${tok}'`);
    };
    const skipStatement = () => {
      while (next() !== ';');
    };
    const skipOptions = () => {
      if (t[i] === '[') while (next() !== ']');
    };
    let pkg = '';

    const field = (scope: string, msg: MessageDef, repeated: boolean, type: string, oneof?: string, mapKey?: string) => {
      const name = next();
      expect('=');
      const number = Number(next());
      if (!Number.isInteger(number) || number < 1) fail(`field ${name}: bad number`);
      skipOptions();
      expect(';');
      const f: FieldDef = { name, number, type, kind: 'scalar', repeated, mapKey, oneof };
      msg.fields.push(f);
      msg.byNumber.set(number, f);
      pending.push([f, scope, file]);
    };

    const message = (parent: string) => {
      const fullName = `${parent}.${next()}`;
      const msg: MessageDef = { fullName, fields: [], byNumber: new Map() };
      root.messages.set(fullName, msg);
      expect('{');
      for (let tok = next(); tok !== '}'; tok = next()) {
        if (tok === ';') continue;
        if (tok === 'message') {message(fullName);} else if (tok === 'enum') {enumeration(fullName);} else if (tok === 'reserved' || tok === 'option') {skipStatement();} else if (tok === 'oneof') {
          const oneof = next();
          expect('{');
          for (let o = next(); o !== '}'; o = next()) {
            if (o === 'option') skipStatement();
            else field(fullName, msg, false, o, oneof);
          }
        } else if (tok === 'map') {
          expect('<');
          const key = next();
          expect(',');
          const value = next();
          expect('>');
          if (SCALARS[key] === undefined || key === 'bytes' || key === 'double' || key === 'float') fail(`map key type ${key}`);
          field(fullName, msg, true, value, undefined, key);
        } else if (tok === 'repeated') {field(fullName, msg, true, next());} else if (tok === 'optional' || tok === 'required' || tok === 'group' || tok === 'extensions' || tok === 'extend') {fail(`'${tok}' is not supported`);} else {field(fullName, msg, false, tok);}
      }
    };

    const enumeration = (parent: string) => {
      root.enums.add(`${parent}.${next()}`);
      expect('{');
      while (next() !== '}');
    };

    const service = (parent: string) => {
      const fullName = `${parent}.${next()}`;
      const methods: MethodDef[] = [];
      root.services.set(fullName, methods);
      expect('{');
      for (let tok = next(); tok !== '}'; tok = next()) {
        if (tok === 'option') {
          skipStatement();
          continue;
        }
        if (tok !== 'rpc') fail(`expected 'rpc', got '${tok}'`);
        const name = next();
        expect('(');
        let clientStreaming = false;
        let input = next();
        if (input === 'stream') [clientStreaming, input] = [true, next()];
        expect(')');
        expect('returns');
        expect('(');
        let serverStreaming = false;
        let output = next();
        if (output === 'stream') [serverStreaming, output] = [true, next()];
        expect(')');
        const end = next();
        if (end === '{') while (next() !== '}');
        else if (end !== ';') fail(`expected ';' after rpc ${name}`);
        const m = { name, input, output, clientStreaming, serverStreaming };
        methods.push(m);
        pendingMethods.push([m, fullName, file]);
      }
    };

    while (i < t.length) {
      const tok = next();
      if (tok === 'syntax') {
        expect('=');
        if (next().replace(/['"]/g, '') !== 'proto3') fail('only proto3 is supported');
        expect(';');
      } else if (tok === 'package') {
        pkg = next();
        expect(';');
      } else if (tok === 'option') {skipStatement();} else if (tok === 'message') {message(pkg);} else if (tok === 'enum') {enumeration(pkg);} else if (tok === 'service') {service(pkg);} else if (tok === ';') {continue;} else {fail(`'${tok}' is not supported`);}
    }
  }

  // protobuf's scoping: the innermost enclosing scope first; a leading dot is a full name.
  const resolve = (ref: string, scope: string, file: string): [string, 'enum' | 'message'] => {
    const candidates: string[] = [];
    if (ref.startsWith('.')) {candidates.push(ref.slice(1));} else {
      for (let s = scope; ; s = s.slice(0, Math.max(0, s.lastIndexOf('.')))) {
        candidates.push(s ? `${s}.${ref}` : ref);
        if (!s) break;
      }
    }
    for (const c of candidates) {
      if (root.messages.has(c)) return [c, 'message'];
      if (root.enums.has(c)) return [c, 'enum'];
    }
    throw new Error(`proto: ${file}: unknown type ${ref} in ${scope}`);
  };
  for (const [f, scope, file] of pending) {
    if (SCALARS[f.type] !== undefined) continue;
    if (/^(sint|fixed|sfixed)(32|64)$/.test(f.type)) throw new Error(`proto: ${file}: type ${f.type} is not supported`);
    [f.type, f.kind] = resolve(f.type, scope, file);
  }
  for (const [m, scope, file] of pendingMethods) {
    const parent = scope.slice(0, Math.max(0, scope.lastIndexOf('.')));
    for (const k of ['input', 'output'] as const) {
      const [name, kind] = resolve(m[k], parent, file);
      if (kind !== 'message') throw new Error(`proto: ${file}: ${m.name} ${k} ${m[k]} is not a message`);
      (m as { input: string; output: string })[k] = name;
    }
  }
  return root;
}

// ---- encoding ----

/** Appends a varint; negative numbers as 64-bit two's complement (10 bytes), as protobuf writes int32/int64. */
function varint(out: number[], v: number | bigint): void {
  if (typeof v === 'number' && v >= 0 && v <= Number.MAX_SAFE_INTEGER) {
    while (v > 0x7f) {
      out.push((v % 128) | 0x80);
      v = Math.floor(v / 128);
    }
    out.push(v);
    return;
  }
  let b = BigInt.asUintN(64, BigInt(v));
  while (b > 0x7fn) {
    out.push(Number(b & 0x7fn) | 0x80);
    b >>= 7n;
  }
  out.push(Number(b));
}

function toNumber(v: unknown, what: string): number | bigint {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  throw new Error(`protobuf: ${what}: expected a number, got ${typeof v}`);
}

function toBytes(v: unknown, what: string): Uint8Array {
  if (v instanceof Uint8Array) return v;
  if (typeof v === 'string') return Buffer.from(v, 'base64');
  if (Array.isArray(v)) return Uint8Array.from(v);
  throw new Error(`protobuf: ${what}: expected bytes, got ${typeof v}`);
}

/** Encodes messages of one root. */
export class ProtoCodec {
  public constructor(public readonly root: ProtoRoot) {}

  private message(name: string): MessageDef {
    const m = this.root.messages.get(name);
    if (!m) throw new Error(`protobuf: no message ${name}`);
    return m;
  }

  /** The wire bytes of `value` as a `type` message. */
  public encode(type: string, value: object): Buffer {
    const parts: Array<Buffer | Uint8Array> = [];
    this.write(this.message(type), value, parts);
    return Buffer.concat(parts);
  }

  private write(msg: MessageDef, value: any, parts: Array<Buffer | Uint8Array>): void {
    let head: number[] = [];
    const flush = () => {
      if (head.length) parts.push(Buffer.from(head));
      head = [];
    };
    const lengthDelimited = (n: number, bytes: Uint8Array) => {
      varint(head, (n << 3) | 2);
      varint(head, bytes.length);
      flush();
      parts.push(bytes);
    };
    const single = (f: FieldDef, type: string, kind: FieldDef['kind'], n: number, v: unknown) => {
      const where = `${msg.fullName}.${f.name}`;
      if (kind === 'message') {lengthDelimited(n, this.encode(type, v as object));} else if (kind === 'enum') {
        varint(head, n << 3);
        varint(head, toNumber(v, where));
      } else if (type === 'string') {lengthDelimited(n, Buffer.from(String(v), 'utf-8'));} else if (type === 'bytes') {lengthDelimited(n, toBytes(v, where));} else if (type === 'double' || type === 'float') {
        const b = Buffer.alloc(type === 'double' ? 8 : 4);
        if (type === 'double') b.writeDoubleLE(Number(v));
        else b.writeFloatLE(Number(v));
        varint(head, (n << 3) | (type === 'double' ? 1 : 5));
        head.push(...b);
      } else {
        varint(head, n << 3);
        varint(head, type === 'bool' ? (v ? 1 : 0) : toNumber(v, where));
      }
    };
    for (const f of msg.fields) {
      const v = value?.[f.name];
      if (v === null || v === undefined) continue;
      if (f.mapKey) {
        for (const [k, item] of Object.entries(v)) {
          if (item === null || item === undefined) continue;
          const entry: Array<Buffer | Uint8Array> = [];
          const entryMsg = mapEntry(msg, f);
          this.write(entryMsg, { key: f.mapKey === 'bool' ? k === 'true' : k, value: item }, entry);
          lengthDelimited(f.number, Buffer.concat(entry));
        }
      } else if (f.repeated) {
        if (!Array.isArray(v)) throw new Error(`protobuf: ${msg.fullName}.${f.name}: expected an array`);
        if (f.kind !== 'message' && SCALARS[f.type] !== 2) {
          // proto3 packs repeated numeric fields
          const packed: number[] = [];
          for (const item of v) {
            if (f.type === 'double' || f.type === 'float') {
              const b = Buffer.alloc(f.type === 'double' ? 8 : 4);
              if (f.type === 'double') b.writeDoubleLE(Number(item));
              else b.writeFloatLE(Number(item));
              packed.push(...b);
            } else {varint(packed, f.type === 'bool' ? (item ? 1 : 0) : toNumber(item, f.name));}
          }
          lengthDelimited(f.number, Buffer.from(packed));
        } else {for (const item of v) single(f, f.type, f.kind, f.number, item);}
      } else {single(f, f.type, f.kind, f.number, v);}
    }
    flush();
  }

  // ---- decoding ----

  /** The `type` message in `bytes`, as proto-loader hands it over (see the top of this file). */
  public decode(type: string, bytes: Uint8Array): any {
    const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    return this.read(this.message(type), buf, 0, buf.length);
  }

  private read(msg: MessageDef, buf: Buffer, start: number, end: number): any {
    const out: any = {};
    let pos = start;
    const fail = (what: string): never => {
      throw new Error(`protobuf: ${msg.fullName}: ${what} at byte ${pos}`);
    };
    /** A varint: a number when it has at most 7 bytes (49 bits), else a bigint. */
    const readVarint = (): number | bigint => {
      const s = pos;
      let result = 0;
      let mul = 1;
      for (;;) {
        if (pos >= end) fail('truncated varint');
        if (pos - s >= 10) fail('varint longer than 10 bytes');
        const b = buf[pos++];
        result += (b & 0x7f) * mul;
        mul *= 128;
        if (!(b & 0x80)) break;
      }
      if (pos - s <= 7) return result;
      let big = 0n;
      for (let k = s; k < pos; k++) big |= BigInt(buf[k] & 0x7f) << BigInt(7 * (k - s));
      return big;
    };
    const asNumber = (v: number | bigint, type: string): number => {
      if (type === 'bool') return v === 0 ? 0 : 1;
      if (typeof v === 'number') return type === 'int32' || type === 'enum' ? v | 0 : v;
      if (type === 'uint64') return Number(BigInt.asUintN(64, v));
      if (type === 'uint32') return Number(BigInt.asUintN(32, v));
      if (type === 'int32' || type === 'enum') return Number(BigInt.asIntN(32, v));
      return Number(BigInt.asIntN(64, v));
    };
    const lengthDelimited = (): [number, number] => {
      const len = Number(readVarint());
      if (pos + len > end) fail('truncated field');
      const s = pos;
      pos += len;
      return [s, pos];
    };
    const scalar = (type: string, kind: FieldDef['kind'], wire: number): unknown => {
      if (kind === 'message') {
        if (wire !== 2) fail('a message field is not length-delimited');
        const [s, e] = lengthDelimited();
        return this.read(this.message(type), buf, s, e);
      }
      if (type === 'string' || type === 'bytes') {
        if (wire !== 2) fail(`a ${type} field is not length-delimited`);
        const [s, e] = lengthDelimited();
        return type === 'string' ? buf.toString('utf-8', s, e) : Buffer.from(buf.subarray(s, e));
      }
      if (type === 'double') {
        if (pos + 8 > end) fail('truncated double');
        pos += 8;
        return buf.readDoubleLE(pos - 8);
      }
      if (type === 'float') {
        if (pos + 4 > end) fail('truncated float');
        pos += 4;
        return buf.readFloatLE(pos - 4);
      }
      const v = asNumber(readVarint(), kind === 'enum' ? 'enum' : type);
      return type === 'bool' ? v !== 0 : v;
    };
    const skip = (wire: number) => {
      if (wire === 0) readVarint();
      else if (wire === 1) pos += 8;
      else if (wire === 2) lengthDelimited();
      else if (wire === 5) pos += 4;
      else fail(`wire type ${wire} is not supported`);
      if (pos > end) fail('truncated field');
    };
    const wireOf = (f: { type: string; kind: FieldDef['kind'] }) => (f.kind === 'scalar' ? SCALARS[f.type] : f.kind === 'enum' ? 0 : 2);

    while (pos < end) {
      const tag = readVarint();
      if (typeof tag !== 'number' || tag > 0xffffffff) fail('bad tag');
      const n = Math.floor((tag as number) / 8);
      const wire = (tag as number) & 7;
      const f = msg.byNumber.get(n);
      if (!f) {
        skip(wire);
        continue;
      }
      if (f.mapKey) {
        if (wire !== 2) fail(`map ${f.name} is not length-delimited`);
        const [s, e] = lengthDelimited();
        const entry = this.read(mapEntry(msg, f), buf, s, e);
        const key = entry.key ?? (f.mapKey === 'bool' ? false : f.mapKey === 'string' ? '' : 0);
        (out[f.name] ??= {})[String(key)] = entry.value ?? defaultValue(f);
        continue;
      }
      if (f.repeated) {
        const list: unknown[] = (out[f.name] ??= []);
        const w = wireOf(f);
        if (wire === 2 && w !== 2) {
          // packed numeric items
          const [s, e] = lengthDelimited();
          pos = s;
          while (pos < e) list.push(scalar(f.type, f.kind, w));
          if (pos !== e) fail(`packed field ${f.name} runs past its length`);
        } else {
          if (wire !== w) fail(`field ${f.name} has wire type ${wire}`);
          list.push(scalar(f.type, f.kind, wire));
        }
        continue;
      }
      if (wire !== wireOf(f)) fail(`field ${f.name} has wire type ${wire}`);
      out[f.name] = scalar(f.type, f.kind, wire);
      if (f.oneof) out[f.oneof] = f.name;
    }
    if (pos !== end) fail('field runs past the message');
    return out;
  }
}

/** The value of a map entry without one: an empty message, zero, false, '' or no bytes. */
function defaultValue(f: FieldDef): unknown {
  if (f.kind === 'message') return {};
  if (f.kind === 'enum') return 0;
  return f.type === 'string' ? '' : f.type === 'bytes' ? Buffer.alloc(0) : f.type === 'bool' ? false : 0;
}

const MAP_ENTRIES = new WeakMap<FieldDef, MessageDef>();

/** The implicit `<Field>Entry { key = 1; value = 2; }` message of a map field. */
function mapEntry(msg: MessageDef, f: FieldDef): MessageDef {
  let entry = MAP_ENTRIES.get(f);
  if (!entry) {
    const fields: FieldDef[] = [
      { name: 'key', number: 1, type: f.mapKey!, kind: 'scalar', repeated: false },
      { name: 'value', number: 2, type: f.type, kind: f.kind, repeated: false },
    ];
    entry = { fullName: `${msg.fullName}.${f.name}Entry`, fields, byNumber: new Map(fields.map((x) => [x.number, x])) };
    MAP_ENTRIES.set(f, entry);
  }
  return entry;
}
