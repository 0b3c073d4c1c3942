/**
 * Indexes the alicloud provider schema and constraints for fast repeated checks: every block becomes a
 * BlockSpec with maps of its arguments and nested blocks, their constraint facts attached, regexes
 * compiled on first use, and `conflicts_with` / `exactly_one_of` / `at_least_one_of` / `required_with` groups gathered
 * and de-duplicated.
 *
 * The committed index (`loadSchemaIndex`) covers every type of provider 1.289.0 and is lazy: a type is
 * read from the schema pack and indexed the first time it is looked up (see pack.ts).
 */
import { PackKind, PackLine, PROVIDER_NAME, SchemaPack } from './pack';
import { lazyRe2, Re2Pattern } from './re2';

/** A Terraform type expression as written in the schema JSON: `"string"`, `["list","string"]`, ... */
export type TypeExpr = string | [string, any];

/** Validation facts for one dot path, as in the `constraints` of a schema pack line (`schema/alicloud-1.289.0.jsonl`). */
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
  readonly int_at_most?: number;
  readonly float_between?: [number, number];
  readonly float_at_least?: number;
  readonly string_length_between?: [number, number];
  readonly string_length_at_least?: number;
  readonly regex?: string;
  /** The value must NOT match this pattern (validation.StringDoesNotMatch). */
  readonly regex_not?: string;
  /** validation.Any: the value must satisfy at least one of these fact sets. */
  readonly any_of?: ConstraintFacts[];
  /** Parameterised validators without a key of their own (not checked). */
  readonly validator_calls?: Array<{ name: string; args: unknown[] }>;
  readonly required_with?: string[];
  readonly validation_can_be_downgraded_to_warning?: boolean;
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
  /** The `regex` fact (RE2, as the provider matches it; compiled on first use); undefined when absent. */
  readonly regex?: Re2Pattern;
  /** The `regex_not` fact (compiled on first use); undefined when absent. */
  readonly regexNot?: Re2Pattern;
  /** The `any_of` branches, each with its compiled regexes. */
  readonly anyOf?: readonly ValueFacts[];
  /** Whether facts that check single values apply (enum, ranges, regex, validators). */
  readonly hasValueFacts: boolean;
  /** Whether the literal limits apply: enum, int_enum, int_between, int_at_least, string_length_between, regex. */
  readonly hasLimits: boolean;
}

/** One branch of `any_of`: facts checked on a single value. */
export interface ValueFacts {
  readonly facts: ConstraintFacts;
  readonly regex?: Re2Pattern;
  readonly regexNot?: Re2Pattern;
}

/** A nested block type of a block. */
export interface BlockTypeSpec {
  readonly name: string;
  readonly dotPath: string;
  readonly nesting: 'single' | 'group' | 'list' | 'set' | 'map';
  /** From the schema: how many blocks must be given (0 for an optional block). */
  readonly minItems: number;
  /**
   * The Go schema's MinItems (constraints file): how many blocks there must be when the block is given
   * at all. The SDK checks it only on a present value, so an absent optional block passes.
   */
  readonly minItemsWhenSet: number;
  /** `single` blocks have maxItems 1. */
  readonly maxItems?: number;
  readonly block: BlockSpec;
  readonly deprecation?: string;
  readonly removed: boolean;
}

/** A cross-argument rule declared on an argument of a block. */
export interface GroupRule {
  readonly kind: 'conflicts_with' | 'exactly_one_of' | 'at_least_one_of' | 'required_with';
  /** The argument that declares the rule. */
  readonly owner: string;
  /** For conflicts_with: the one conflicting name; for required_with: the names the owner needs; otherwise the whole group, sorted. */
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
  /** The block is marked deprecated; for a resource or data source: the whole type (Go `DeprecationMessage`). */
  readonly deprecated: boolean;
}

/** The whole indexed schema. */
export interface SchemaIndex {
  readonly provider: BlockSpec;
  readonly resources: ReadonlyMap<string, BlockSpec>;
  readonly dataSources: ReadonlyMap<string, BlockSpec>;
  /** The provider release the schema describes, for messages ("not in alicloud 1.289.0"). */
  readonly providerVersion: string;
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

/** Facts that limit a literal value; with validators, the facts checked on single values. */
const LIMIT_FACTS: ReadonlyArray<keyof ConstraintFacts> = [
  'enum', 'int_enum', 'int_between', 'int_at_least', 'int_at_most', 'float_between', 'float_at_least',
  'string_length_between', 'string_length_at_least', 'regex', 'regex_not', 'any_of',
];
const VALUE_FACTS: ReadonlyArray<keyof ConstraintFacts> = [...LIMIT_FACTS, 'validators'];

function deprecationText(schemaDeprecated: boolean | undefined, facts: ConstraintFacts): string | undefined {
  if (!schemaDeprecated && !facts.deprecated) return undefined;
  const since = facts.deprecated_since ? ` since provider ${facts.deprecated_since}` : '';
  const use = facts.replaced_by ? `; use ${facts.replaced_by} instead` : '';
  return `deprecated${since}${use}`;
}

function compile(pattern: string | undefined, whenInvalid: boolean): Re2Pattern | undefined {
  return pattern === undefined ? undefined : lazyRe2(pattern, whenInvalid);
}

/**
 * The facts of an argument: those of its dot path, plus those of its elements (`<path>.*`, validators of
 * the items of a list or set of plain values), which the checker applies to each item.
 */
function factsOf(facts: Record<string, ConstraintFacts>, dotPath: string): ConstraintFacts {
  const own = facts[dotPath];
  const elements = facts[`${dotPath}.*`];
  if (!elements) return own ?? {};
  const { min_items: _a, max_items: _b, ...elementValueFacts } = elements;
  return { ...own, ...elementValueFacts };
}

class Indexer {
  public block(raw: RawBlock, facts: Record<string, ConstraintFacts>, label: string, prefix: string): BlockSpec {
    const attributes = new Map<string, AttributeSpec>();
    const blockTypes = new Map<string, BlockTypeSpec>();
    const groupRules: GroupRule[] = [];
    const seenGroups = new Set<string>();

    for (const [name, a] of Object.entries(raw.attributes ?? {})) {
      const dotPath = prefix + name;
      const f = factsOf(facts, dotPath);
      attributes.set(name, {
        name,
        dotPath,
        type: a.type,
        required: a.required === true,
        computedOnly: a.computed === true && !a.optional && !a.required,
        facts: f,
        deprecation: deprecationText(a.deprecated, f),
        removed: f.removed === true,
        regex: compile(f.regex, true),
        regexNot: compile(f.regex_not, false),
        anyOf: f.any_of?.map((b) => ({ facts: b, regex: compile(b.regex, true), regexNot: compile(b.regex_not, false) })),
        hasValueFacts: VALUE_FACTS.some((k) => f[k] !== undefined),
        hasLimits: LIMIT_FACTS.some((k) => f[k] !== undefined),
      });
      for (const other of f.conflicts_with ?? []) {
        const key = `conflicts_with:${[name, other].sort().join('|')}`;
        if (seenGroups.has(key)) continue;
        seenGroups.add(key);
        groupRules.push({ kind: 'conflicts_with', owner: name, members: [other] });
      }
      if (f.required_with?.length) groupRules.push({ kind: 'required_with', owner: name, members: [...new Set(f.required_with)] });
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
        minItems: bt.min_items ?? 0,
        minItemsWhenSet: Math.max(bt.min_items ?? 0, f.min_items ?? 0),
        maxItems: single ? 1 : bt.max_items ?? f.max_items,
        block: this.block(bt.block, facts, `${label}.${name}`, `${dotPath}.`),
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
      deprecated: raw.deprecated === true,
    };
  }
}

/** A map of type name to BlockSpec that indexes each type on its first lookup. */
class LazyTypeMap implements ReadonlyMap<string, BlockSpec> {
  private readonly indexed = new Map<string, BlockSpec>();

  constructor(private readonly names: readonly string[], private readonly build: (type: string) => BlockSpec | undefined) {}

  public get size(): number {
    return this.names.length;
  }

  public has(type: string): boolean {
    return this.indexed.has(type) || this.get(type) !== undefined;
  }

  public get(type: string): BlockSpec | undefined {
    let spec = this.indexed.get(type);
    if (spec === undefined) {
      spec = this.build(type);
      if (spec !== undefined) this.indexed.set(type, spec);
    }
    return spec;
  }

  public keys(): MapIterator<string> {
    return this.names[Symbol.iterator]() as MapIterator<string>;
  }

  public *entries(): MapIterator<[string, BlockSpec]> {
    for (const n of this.names) yield [n, this.get(n)!];
  }

  public *values(): MapIterator<BlockSpec> {
    for (const n of this.names) yield this.get(n)!;
  }

  public [Symbol.iterator](): MapIterator<[string, BlockSpec]> {
    return this.entries();
  }

  public forEach(fn: (value: BlockSpec, key: string, map: ReadonlyMap<string, BlockSpec>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

/** The index of a schema pack: each type is read from the pack and indexed on its first lookup. */
export function schemaIndexOfPack(pack: SchemaPack): SchemaIndex {
  const indexer = new Indexer();
  const lazy = (kind: PackKind, names: readonly string[]) => new LazyTypeMap(names, (type) => {
    const line: PackLine | undefined = pack.entry(kind, type);
    return line ? indexer.block(line.schema.block, line.constraints, type, '') : undefined;
  });
  return {
    provider: indexer.block(pack.provider().schema.block, pack.provider().constraints, `provider "${PROVIDER_NAME}"`, ''),
    resources: lazy('resource', pack.resourceTypes),
    dataSources: lazy('data', pack.dataSourceTypes),
    providerVersion: pack.header.provider_version,
  };
}

let cached: SchemaIndex | undefined;

/**
 * The index of every type of the committed schema pack (`schema/alicloud-1.289.0.jsonl`): created once per
 * process, each type indexed on its first lookup.
 */
export function loadSchemaIndex(): SchemaIndex {
  if (!cached) cached = schemaIndexOfPack(SchemaPack.load());
  return cached;
}
