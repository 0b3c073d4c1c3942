/**
 * The schema pack's blocks (the JSON of `terraform providers schema -json`) as tfplugin6 `Schema`
 * messages. The JSON form is what Terraform prints, so JSON -> wire -> what Terraform prints
 * must give back the same JSON: test/terraform-core checks that for every type.
 */
import { Schema, SchemaAttribute, SchemaBlock } from './tfprotov6';

/** tfplugin6 StringKind. */
const STRING_KIND: Record<string, number> = { plain: 0, markdown: 1 };
/** tfplugin6 Schema.NestedBlock.NestingMode. */
export const BLOCK_NESTING: Record<string, number> = { single: 1, list: 2, set: 3, map: 4, group: 5 };
/** tfplugin6 Schema.Object.NestingMode (nested attribute types). */
const OBJECT_NESTING: Record<string, number> = { single: 1, list: 2, set: 3, map: 4 };

/** A block as in `terraform providers schema -json`. */
export interface JsonBlock {
  readonly attributes?: Record<string, JsonAttribute>;
  readonly block_types?: Record<string, JsonBlockType>;
  readonly description?: string;
  readonly description_kind?: string;
  readonly deprecated?: boolean;
}

/** An attribute as in `terraform providers schema -json`. */
export interface JsonAttribute {
  /** The cty type in its JSON form: `"string"`, `["list","string"]`, `["object",{...}]`. */
  readonly type?: unknown;
  readonly nested_type?: { readonly attributes: Record<string, JsonAttribute>; readonly nesting_mode: string };
  readonly description?: string;
  readonly description_kind?: string;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
  readonly write_only?: boolean;
}

/** A nested block type as in `terraform providers schema -json`. */
export interface JsonBlockType {
  readonly nesting_mode: string;
  readonly block: JsonBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

/** `{ version, block }` as in `resource_schemas.<type>`. */
export interface JsonSchema {
  readonly version?: number;
  readonly block: JsonBlock;
}

function kind(k: string | undefined): number {
  return STRING_KIND[k ?? 'plain'] ?? 0;
}

function mode(table: Record<string, number>, m: string, where: string): number {
  const n = table[m];
  if (n === undefined) throw new Error(`schema: unknown nesting mode '${m}' at ${where}`);
  return n;
}

function attributeToWire(name: string, a: JsonAttribute, where: string): SchemaAttribute {
  return {
    name,
    type: a.type === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(a.type), 'utf-8'),
    nested_type: a.nested_type ? {
      attributes: Object.entries(a.nested_type.attributes).map(([n, x]) => attributeToWire(n, x, `${where}.${n}`)),
      nesting: mode(OBJECT_NESTING, a.nested_type.nesting_mode, where),
    } : undefined,
    description: a.description ?? '',
    description_kind: kind(a.description_kind),
    required: a.required === true,
    optional: a.optional === true,
    computed: a.computed === true,
    sensitive: a.sensitive === true,
    deprecated: a.deprecated === true,
    write_only: a.write_only === true,
  };
}

/** A JSON block to a tfplugin6 `Schema.Block`. */
export function blockToWire(b: JsonBlock, where: string = ''): SchemaBlock {
  return {
    attributes: Object.entries(b.attributes ?? {}).map(([n, a]) => attributeToWire(n, a, `${where}.${n}`)),
    block_types: Object.entries(b.block_types ?? {}).map(([n, t]) => ({
      type_name: n,
      block: blockToWire(t.block, `${where}.${n}`),
      nesting: mode(BLOCK_NESTING, t.nesting_mode, `${where}.${n}`),
      min_items: t.min_items ?? 0,
      max_items: t.max_items ?? 0,
    })),
    description: b.description ?? '',
    description_kind: kind(b.description_kind),
    deprecated: b.deprecated === true,
  };
}

/** A JSON schema (`{ version, block }`) to a tfplugin6 `Schema`. */
export function schemaToWire(s: JsonSchema, where: string): Schema {
  return { version: s.version ?? 0, block: blockToWire(s.block, where) };
}
