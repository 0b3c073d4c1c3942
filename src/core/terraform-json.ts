/**
 * One reader of Terraform JSON configuration (a synthesized `cdk.tf.json`, a `.tf.json` file, or the
 * document the `check` adapters build): what a JSON object is, what a token is, the `resource` and `data`
 * blocks with their addresses and construct paths. The schema walker, the rule context, the ECI model and
 * the `check` adapters take blocks, addresses, objects and tokens from it, so they agree on what a block
 * and an address are (the `check` configuration merge still reads object-form sections only: see hcl.ts).
 *
 * HCL's JSON syntax (hcl json/structure.go) allows each label level to be an object keyed by label or an
 * array of such objects, and a block body to be an object or an array of objects; `"//"` keys are comments
 * (cdktf writes its `metadata` there). Pure functions over parsed JSON. Not part of the public API.
 * @internal
 */

/** The two sections of blocks with a type and a name. @internal */
export type BlockKind = 'resource' | 'data';

/** The block sections in the order they are read: resources, then data sources. @internal */
export const BLOCK_KINDS: readonly BlockKind[] = ['resource', 'data'];

/** A JSON object: an object that is neither null nor an array. @internal */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `isObject` for callers that read loosely typed JSON (`Record<string, any>`): the same test, a looser type.
 * @internal
 */
export const isJsonObject: (value: unknown) => value is Record<string, any> = isObject;

/**
 * True for a string holding a Terraform template: `${...}` or `%{...}` not escaped as `$${` / `%%{`. Such a
 * value is unknown until apply.
 * @internal
 */
export function isToken(value: unknown): value is string {
  return typeof value === 'string' && /(^|[^$])\$\{|(^|[^%])%\{/.test(value);
}

/**
 * The entries of one HCL JSON label level: an object keyed by label, or an array of such objects (other
 * values give none). `"//"` keys are comments and are skipped.
 * @internal
 */
export function labelEntries(value: unknown): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const o of Array.isArray(value) ? value : [value]) {
    if (!isObject(o)) continue;
    for (const [k, v] of Object.entries(o)) if (k !== '//') entries.push([k, v]);
  }
  return entries;
}

/** The construct path cdktf writes in a body's `//.metadata.path`; undefined when there is none. @internal */
export function constructPathOf(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  const comment = body['//'];
  if (!isObject(comment) || !isObject(comment.metadata)) return undefined;
  return typeof comment.metadata.path === 'string' ? comment.metadata.path : undefined;
}

/** The type as addresses and references name it: `alicloud_vswitch`, or `data.alicloud_zones`. @internal */
export function typeKey(kind: BlockKind, type: string): string {
  return kind === 'data' ? `data.${type}` : type;
}

/** A block's address: `alicloud_vswitch.NAME`, or `data.alicloud_zones.NAME`. @internal */
export function blockAddress(kind: BlockKind, type: string, name: string): string {
  return `${typeKey(kind, type)}.${name}`;
}

/**
 * The kind, type and name of an address (`type.name` or `data.type.name`); further parts are ignored.
 * @internal
 */
export function parseAddress(address: string): { readonly kind: BlockKind; readonly type: string; readonly name: string } {
  const data = address.startsWith('data.');
  const [type, name] = (data ? address.slice(5) : address).split('.');
  return { kind: data ? 'data' : 'resource', type, name };
}

/** One `resource` or `data` block of a document. @internal */
export interface TerraformBlock<Body = unknown> {
  readonly kind: BlockKind;
  readonly type: string;
  readonly name: string;
  /** `alicloud_vswitch.X` or `data.alicloud_vpc_ipv6_addresses.Y`. */
  readonly address: string;
  /** The body as written: a JSON object, or any other value where one is expected. */
  readonly body: Body;
  /** From `//.metadata.path`; undefined for blocks without one (added with a raw override, hand-written). */
  readonly constructPath?: string;
}

/**
 * Every `resource` and `data` block of a document, in document order (resources first). A label given an
 * array of bodies yields one block per body, all at the same address. Bodies that are not JSON objects are
 * yielded as they are (`isObject(block.body)` tells them apart); a document that is not an object has none.
 * @internal
 */
export function terraformBlocks(doc: unknown): Array<TerraformBlock<unknown>> {
  const blocks: Array<TerraformBlock<unknown>> = [];
  if (!isObject(doc)) return blocks;
  for (const kind of BLOCK_KINDS) {
    for (const [type, named] of labelEntries(doc[kind])) {
      for (const [name, raw] of labelEntries(named)) {
        const address = blockAddress(kind, type, name);
        for (const body of Array.isArray(raw) ? raw : [raw]) {
          blocks.push({ kind, type, name, address, body, constructPath: constructPathOf(body) });
        }
      }
    }
  }
  return blocks;
}

/** The blocks whose body is a JSON object: the blocks a reader of values sees. @internal */
export function objectBlocks(doc: unknown): Array<TerraformBlock<Record<string, any>>> {
  return terraformBlocks(doc).filter((b): b is TerraformBlock<Record<string, any>> => isJsonObject(b.body));
}
