/**
 * The committed schema pack: every resource and data source of the alicloud provider 1.289.0, with its
 * constraints, one type per line of `schema/alicloud-1.289.0.jsonl` (made by scripts/pack-schema.ts).
 *
 * Reading it is lazy: the header (with a byte index of the lines) is read once per process, and a type's
 * line is read from disk and parsed only when that type is asked for. A stack that uses 20 types reads
 * 20 lines, not the whole 5 MB.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Where the provider lives in `terraform providers schema -json` output. */
export const PROVIDER_ADDRESS = 'registry.terraform.io/aliyun/alicloud';
/** The provider's local name in the synthesized JSON (`provider.alicloud`, `alicloud_*` types). */
export const PROVIDER_NAME = 'alicloud';
/** The provider release that the pack describes. */
export const PROVIDER_VERSION = '1.289.0';
/** The pack's file name in `schema/`. */
export const SCHEMA_PACK_FILE = `alicloud-${PROVIDER_VERSION}.jsonl`;
/** The folder holding the pack: `<package>/schema`, from both `src/schema` and `lib/schema`. */
export const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schema');

/** What a line describes. */
export type PackKind = 'provider' | 'resource' | 'data';

/** The pack's first line. */
export interface PackHeader {
  readonly pack: string;
  readonly pack_version: number;
  readonly provider_address: string;
  readonly provider_version: string;
  /** `format_version` of the `terraform providers schema -json` document. */
  readonly format_version: string;
  /** The reference files the pack was made from, with their sha256: the pack rebuilds them byte for byte. */
  readonly reference_files: {
    readonly schema: { readonly name: string; readonly sha256: string };
    readonly constraints: { readonly name: string; readonly sha256: string };
  };
  readonly counts: { readonly resources: number; readonly data_sources: number };
  /**
   * `"<kind>:<type>"` to the `[offset, length]` of its line in bytes, counted from the byte after the
   * header's newline; keys in file order (the constraints file's order).
   */
  readonly index: Record<string, [number, number]>;
}

/** One type: its schema as in `terraform providers schema -json` and its constraint facts by dot path. */
export interface PackLine {
  readonly kind: PackKind;
  readonly type: string;
  /** `{ version, block }` as in `resource_schemas.<type>` (for the provider: `provider`). */
  readonly schema: { readonly version?: number; readonly block: any };
  readonly constraints: Record<string, any>;
  /** The key in the constraints file when it is not the type name (`"<name> (data source)"`). */
  readonly constraints_key?: string;
}

/** Reads byte ranges of the pack: from a file (only what is asked for) or from bytes in memory. */
interface PackSource {
  read(offset: number, length: number): Buffer;
}

function bufferSource(bytes: Buffer): PackSource {
  return { read: (offset, length) => bytes.subarray(offset, offset + length) };
}

function fileSource(file: string): PackSource {
  const fd = fs.openSync(file, 'r');
  return {
    read(offset, length) {
      const out = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        const n = fs.readSync(fd, out, done, length - done, offset + done);
        if (n === 0) throw new Error(`schema pack: ${file} ends before byte ${offset + length}`);
        done += n;
      }
      return out;
    },
  };
}

/** Reads the header line: it ends at the first newline. */
function readHeader(source: PackSource, size: number): { header: PackHeader; bodyStart: number } {
  for (let chunk = 256 * 1024; ; chunk *= 2) {
    const bytes = source.read(0, Math.min(chunk, size));
    const nl = bytes.indexOf(10);
    if (nl >= 0) return { header: JSON.parse(bytes.toString('utf-8', 0, nl)), bodyStart: nl + 1 };
    if (chunk >= size) throw new Error('schema pack: no header line');
  }
}

/**
 * The parsed-on-demand pack. The header's `index` gives each type's byte range, so a type is read from
 * disk and parsed only when it is asked for.
 */
export class SchemaPack {
  /** A pack held in memory (scripts/pack-schema.ts checks the pack it is about to write). */
  public static fromBytes(bytes: Buffer): SchemaPack {
    return new SchemaPack(bufferSource(bytes), bytes.length);
  }

  /** The committed pack `schema/alicloud-1.289.0.jsonl`, opened once per process. */
  public static load(): SchemaPack {
    if (!loaded) {
      const file = path.join(SCHEMA_DIR, SCHEMA_PACK_FILE);
      loaded = new SchemaPack(fileSource(file), fs.statSync(file).size);
    }
    return loaded;
  }

  public readonly header: PackHeader;
  /** Resource types, sorted. */
  public readonly resourceTypes: readonly string[];
  /** Data source types, sorted. */
  public readonly dataSourceTypes: readonly string[];
  private readonly bodyStart: number;
  private readonly parsed = new Map<string, PackLine>();

  private constructor(private readonly source: PackSource, size: number) {
    const { header, bodyStart } = readHeader(source, size);
    if (header.pack_version !== 1) throw new Error(`schema pack: unsupported pack_version ${header.pack_version}`);
    this.header = header;
    this.bodyStart = bodyStart;
    const keys = Object.keys(header.index);
    this.resourceTypes = keys.filter((k) => k.startsWith('resource:')).map((k) => k.slice(9)).sort();
    this.dataSourceTypes = keys.filter((k) => k.startsWith('data:')).map((k) => k.slice(5)).sort();
  }

  /** Whether the pack has the type. */
  public has(kind: PackKind, type: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.header.index, `${kind}:${type}`);
  }

  /** One type's line, read and parsed on first use; undefined when the pack does not have it. */
  public entry(kind: PackKind, type: string): PackLine | undefined {
    const key = `${kind}:${type}`;
    let line = this.parsed.get(key);
    if (line) return line;
    if (!this.has(kind, type)) return undefined;
    const [offset, length] = this.header.index[key];
    line = JSON.parse(this.source.read(this.bodyStart + offset, length).toString('utf-8')) as PackLine;
    if (line.kind !== kind || line.type !== type) throw new Error(`schema pack: the index points ${key} at ${line.kind}:${line.type}`);
    this.parsed.set(key, line);
    return line;
  }

  /** The provider configuration block's line. */
  public provider(): PackLine {
    const p = this.entry('provider', PROVIDER_NAME);
    if (!p) throw new Error('schema pack: no provider line');
    return p;
  }

  /** Every line, in file order (reads them all). */
  public entries(): PackLine[] {
    return Object.keys(this.header.index).map((key) => {
      const i = key.indexOf(':');
      return this.entry(key.slice(0, i) as PackKind, key.slice(i + 1))!;
    });
  }

  /**
   * The whole provider as `terraform providers schema -json` prints it (pretty or not is the caller's choice):
   * `{ format_version, provider_schemas: { "registry.terraform.io/aliyun/alicloud": { provider, resource_schemas, data_source_schemas } } }`,
   * types in sorted order.
   */
  public providerSchemaDocument(): any {
    const resource_schemas: Record<string, unknown> = {};
    const data_source_schemas: Record<string, unknown> = {};
    for (const t of this.resourceTypes) resource_schemas[t] = this.entry('resource', t)!.schema;
    for (const t of this.dataSourceTypes) data_source_schemas[t] = this.entry('data', t)!.schema;
    return {
      format_version: this.header.format_version,
      provider_schemas: {
        [this.header.provider_address]: { provider: this.provider().schema, resource_schemas, data_source_schemas },
      },
    };
  }
}

let loaded: SchemaPack | undefined;

/**
 * Rebuilds the two reference files the pack was made from, byte for byte (pretty-printed with two spaces
 * and a final newline, as they were written): the check that the pack lost nothing.
 */
export function rebuildReferenceFiles(pack: SchemaPack): { schema: string; constraints: string } {
  const constraints: Record<string, unknown> = {};
  for (const line of pack.entries()) {
    const key = line.kind === 'provider' ? 'provider' : line.constraints_key ?? line.type;
    constraints[key] = line.constraints;
  }
  return {
    schema: JSON.stringify(pack.providerSchemaDocument(), null, 2) + '\n',
    constraints: JSON.stringify(constraints, null, 2) + '\n',
  };
}
