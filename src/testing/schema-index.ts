/**
 * Loads the committed alicloud provider schema and constraints once and indexes them for fast
 * repeated checks: every block becomes a BlockSpec with maps of its arguments and nested blocks,
 * their constraint facts attached, regexes compiled, and `conflicts_with` / `exactly_one_of` /
 * `at_least_one_of` groups gathered and de-duplicated.
 */
import * as fs from 'fs';
import * as path from 'path';
import { translateRe2 } from './re2';

/** Where the provider lives in `terraform providers schema -json` output. */
export const PROVIDER_ADDRESS = 'registry.terraform.io/aliyun/alicloud';
/** The provider's local name in the synthesized JSON (`provider.alicloud`, `alicloud_*` types). */
export const PROVIDER_NAME = 'alicloud';

/** A Terraform type expression as written in the schema JSON: `"string"`, `["list","string"]`, ... */
export type TypeExpr = string | [string, any];

/** Validation facts for one dot path, as in `schema/alicloud-constraints.json`. */
export interface ConstraintFacts {
  readonly force_new?: boolean;
  readonly default?: unknown;
  readonly default_from_env?: string[];
  readonly default_if_env_unset?: unknown;
  readonly enum?: string[];
  readonly enum_ignore_case?: boolean;
  readonly int_enum?: number[];
  readonly int_between?: [number, number];
  readonly int_at_least?: number;
  readonly string_length_between?: [number, number];
  readonly regex?: string;
  readonly validators?: string[];
  readonly conflicts_with?: string[];
  readonly exactly_one_of?: string[];
  readonly at_least_one_of?: string[];
  readonly min_items?: number;
  readonly max_items?: number;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
  readonly deprecated_since?: string;
  readonly replaced_by?: string;
  readonly removed?: boolean;
  readonly diff_suppress_func?: boolean;
}

/** An argument (attribute) of a block, with its facts. */
export interface AttributeSpec {
  readonly name: string;
  /** Dot path without indexes, the key into the constraints file. */
  readonly dotPath: string;
  readonly type: TypeExpr;
  readonly required: boolean;
  /** Computed and neither required nor optional: setting it is an error. */
  readonly computedOnly: boolean;
  readonly facts: ConstraintFacts;
  /** Human text when the argument is deprecated. */
  readonly deprecation?: string;
  readonly removed: boolean;
  /** The compiled `regex` fact; undefined when absent or not translatable. */
  readonly regex?: RegExp;
  /** Whether facts that check single values apply (enum, ranges, regex, validators). */
  readonly hasValueFacts: boolean;
  /** Whether the literal limits apply: enum, int_enum, int_between, int_at_least, string_length_between, regex. */
  readonly hasLimits: boolean;
}

/** A nested block type of a block. */
export interface BlockTypeSpec {
  readonly name: string;
  readonly dotPath: string;
  readonly nesting: 'single' | 'group' | 'list' | 'set' | 'map';
  readonly minItems: number;
  /** `single` blocks have maxItems 1. */
  readonly maxItems?: number;
  readonly block: BlockSpec;
  readonly deprecation?: string;
  readonly removed: boolean;
}

/** A cross-argument rule declared on an argument of a block. */
export interface GroupRule {
  readonly kind: 'conflicts_with' | 'exactly_one_of' | 'at_least_one_of';
  /** The argument that declares the rule. */
  readonly owner: string;
  /** For conflicts_with: the one conflicting name; otherwise the whole group, sorted. */
  readonly members: readonly string[];
}

/** One block (resource, data source, provider configuration or nested block). */
export interface BlockSpec {
  /** For messages: `alicloud_eci_container_group` or `alicloud_eci_container_group.containers`. */
  readonly label: string;
  readonly attributes: ReadonlyMap<string, AttributeSpec>;
  readonly blockTypes: ReadonlyMap<string, BlockTypeSpec>;
  readonly requiredAttributes: readonly AttributeSpec[];
  readonly groupRules: readonly GroupRule[];
  /** Every settable name (arguments that are not computed-only, and blocks), without removed ones, sorted. */
  readonly settableNames: readonly string[];
  /** The arguments with literal limits (`hasLimits`), in schema order. */
  readonly limitedAttributes: readonly AttributeSpec[];
  /** The nested block types with an argument with literal limits somewhere below them, in schema order. */
  readonly limitedBlockTypes: readonly BlockTypeSpec[];
}

/** The whole indexed schema. */
export interface SchemaIndex {
  readonly provider: BlockSpec;
  readonly resources: ReadonlyMap<string, BlockSpec>;
  readonly dataSources: ReadonlyMap<string, BlockSpec>;
}

interface RawAttribute {
  readonly type: TypeExpr;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly deprecated?: boolean;
}

interface RawBlockType {
  readonly nesting_mode: BlockTypeSpec['nesting'];
  readonly block: RawBlock;
  readonly min_items?: number;
  readonly max_items?: number;
}

interface RawBlock {
  readonly attributes?: Record<string, RawAttribute>;
  readonly block_types?: Record<string, RawBlockType>;
  readonly deprecated?: boolean;
}

type RawConstraints = Record<string, Record<string, ConstraintFacts>>;

/** The folder holding the schema files: `<package>/schema`, both from `src/testing` and `lib/testing`. */
export const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schema');
const SCHEMA_FILE = 'alicloud-provider-schema.json';
const CONSTRAINTS_FILE = 'alicloud-constraints.json';

/** Facts that limit a literal value; with validators, the facts checked on single values. */
const LIMIT_FACTS: ReadonlyArray<keyof ConstraintFacts> = [
  'enum', 'int_enum', 'int_between', 'int_at_least', 'string_length_between', 'regex',
];
const VALUE_FACTS: ReadonlyArray<keyof ConstraintFacts> = [...LIMIT_FACTS, 'validators'];

function deprecationText(schemaDeprecated: boolean | undefined, facts: ConstraintFacts): string | undefined {
  if (!schemaDeprecated && !facts.deprecated) return undefined;
  const since = facts.deprecated_since ? ` since provider ${facts.deprecated_since}` : '';
  const use = facts.replaced_by ? `; use ${facts.replaced_by} instead` : '';
  return `deprecated${since}${use}`;
}

class Indexer {
  constructor(private readonly constraints: RawConstraints) {}

  public block(raw: RawBlock, typeKey: string, label: string, prefix: string): BlockSpec {
    const facts = this.constraints[typeKey] ?? {};
    const attributes = new Map<string, AttributeSpec>();
    const blockTypes = new Map<string, BlockTypeSpec>();
    const groupRules: GroupRule[] = [];
    const seenGroups = new Set<string>();

    for (const [name, a] of Object.entries(raw.attributes ?? {})) {
      const dotPath = prefix + name;
      const f = facts[dotPath] ?? {};
      const translation = f.regex !== undefined ? translateRe2(f.regex) : undefined;
      attributes.set(name, {
        name,
        dotPath,
        type: a.type,
        required: a.required === true,
        computedOnly: a.computed === true && !a.optional && !a.required,
        facts: f,
        deprecation: deprecationText(a.deprecated, f),
        removed: f.removed === true,
        regex: translation?.kind === 'ok' ? translation.regex : undefined,
        hasValueFacts: VALUE_FACTS.some((k) => f[k] !== undefined),
        hasLimits: LIMIT_FACTS.some((k) => f[k] !== undefined),
      });
      for (const other of f.conflicts_with ?? []) {
        const key = `conflicts_with:${[name, other].sort().join('|')}`;
        if (seenGroups.has(key)) continue;
        seenGroups.add(key);
        groupRules.push({ kind: 'conflicts_with', owner: name, members: [other] });
      }
      for (const kind of ['exactly_one_of', 'at_least_one_of'] as const) {
        const group = f[kind];
        if (!group) continue;
        const members = [...new Set(group)].sort();
        const key = `${kind}:${members.join('|')}`;
        if (seenGroups.has(key)) continue;
        seenGroups.add(key);
        groupRules.push({ kind, owner: name, members });
      }
    }

    for (const [name, bt] of Object.entries(raw.block_types ?? {})) {
      const dotPath = prefix + name;
      const f = facts[dotPath] ?? {};
      const single = bt.nesting_mode === 'single' || bt.nesting_mode === 'group';
      blockTypes.set(name, {
        name,
        dotPath,
        nesting: bt.nesting_mode,
        minItems: bt.min_items ?? f.min_items ?? 0,
        maxItems: single ? 1 : bt.max_items ?? f.max_items,
        block: this.block(bt.block, typeKey, `${label}.${name}`, `${dotPath}.`),
        deprecation: deprecationText(bt.block.deprecated, f),
        removed: f.removed === true,
      });
    }

    const settableNames = [
      ...[...attributes.values()].filter((a) => !a.computedOnly && !a.removed).map((a) => a.name),
      ...[...blockTypes.values()].filter((b) => !b.removed).map((b) => b.name),
    ].sort();
    return {
      label,
      attributes,
      blockTypes,
      requiredAttributes: [...attributes.values()].filter((a) => a.required),
      groupRules,
      settableNames,
      limitedAttributes: [...attributes.values()].filter((a) => a.hasLimits),
      limitedBlockTypes: [...blockTypes.values()].filter((b) => b.block.limitedAttributes.length > 0 || b.block.limitedBlockTypes.length > 0),
    };
  }
}

/** Builds the index from parsed schema and constraints documents. */
export function buildSchemaIndex(schemaDoc: any, constraints: RawConstraints): SchemaIndex {
  const provider = schemaDoc?.provider_schemas?.[PROVIDER_ADDRESS];
  if (!provider) throw new Error(`the provider schema has no entry "${PROVIDER_ADDRESS}"`);
  const indexer = new Indexer(constraints);
  const index = (raw: Record<string, { block: RawBlock }> | undefined): Map<string, BlockSpec> =>
    new Map(Object.entries(raw ?? {}).map(([type, s]) => [type, indexer.block(s.block, type, type, '')]));
  return {
    provider: indexer.block(provider.provider.block, 'provider', `provider "${PROVIDER_NAME}"`, ''),
    resources: index(provider.resource_schemas),
    dataSources: index(provider.data_source_schemas),
  };
}

let cached: SchemaIndex | undefined;

/** The index of `schema/alicloud-provider-schema.json` + `schema/alicloud-constraints.json`, loaded once. */
export function loadSchemaIndex(): SchemaIndex {
  if (!cached) {
    const read = (file: string) => JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf-8'));
    cached = buildSchemaIndex(read(SCHEMA_FILE), read(CONSTRAINTS_FILE));
  }
  return cached;
}
