/**
 * The type and constraint checks: walks a synthesized Terraform JSON document and reports every
 * violation of the indexed alicloud schema (see schema-index.ts).
 *
 * Value conversions follow Terraform's (cty's) implicit conversions, because that is what Terraform
 * applies to JSON configuration before the provider sees it:
 * - string arguments accept JSON strings, numbers and bools (number/bool convert to string);
 * - number arguments accept JSON numbers and strings that parse as a decimal number ("5", "-1.5e3");
 * - bool arguments accept JSON bools and the strings "true", "false", "1", "0";
 * - nothing converts an object or array to a primitive, nor a primitive to a list, map or block.
 * A string that contains a template (`${...}` or `%{...}`) is unknown until apply: it is accepted
 * wherever a value of any type could stand (arguments of any type, whole lists and maps, meta-arguments,
 * `dynamic` for_each/content), and value checks (enum, ranges, regex, JSON) are skipped for it.
 * Blocks are the exception: they are not values, and HCL's JSON syntax rejects a string where a block
 * is expected, so a token given for a block (or for one block of a list) is a `wrong-type` error.
 */
import { ConfigFinding, ConfigFindingCode, ConfigFindingLevel } from './findings';
import { PROVIDER_NAME } from './pack';
import { compileRe2, Re2Pattern } from './re2';
import { AttributeSpec, BlockSpec, BlockTypeSpec, ConstraintFacts, SchemaIndex, TypeExpr } from './schema-index';
import { BlockKind, constructPathOf, isObject, isToken, terraformBlocks } from '../core/terraform-json';

const RESOURCE_META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle', 'provisioner', 'connection']);
const DATA_META = new Set(['depends_on', 'count', 'for_each', 'provider', 'lifecycle']);
const PROVIDER_META = new Set(['alias', 'version']);
const RESOURCE_LIFECYCLE = new Set(['create_before_destroy', 'prevent_destroy', 'ignore_changes', 'replace_triggered_by', 'precondition', 'postcondition']);
const DATA_LIFECYCLE = new Set(['precondition', 'postcondition']);
const DYNAMIC_KEYS = new Set(['for_each', 'iterator', 'labels', 'content']);

/** Decimal numbers as cty parses them from strings (Go big.Float, base 10). */
const NUMBER_STRING = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BOOL_STRINGS = new Set(['true', 'false', '1', '0']);

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (isObject(value)) return 'a JSON object';
  if (typeof value === 'string') return `string ${JSON.stringify(value)}`;
  return `${typeof value === 'boolean' ? 'bool' : typeof value} ${JSON.stringify(value)}`;
}

function typeName(type: TypeExpr): string {
  if (typeof type === 'string') return type;
  const [kind, elem] = type;
  if (kind === 'object') return 'object';
  if (kind === 'tuple') return 'tuple';
  return `${kind} of ${typeName(elem)}`;
}

function quoteList(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

/** The number a literal converts to, or undefined when it does not convert. */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMBER_STRING.test(value)) return Number(value);
  return undefined;
}

/** The string a primitive literal converts to, or undefined. */
function toStringValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Edit distance, for "did you mean" hints. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

function suggestion(name: string, candidates: readonly string[]): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of candidates) {
    const d = distance(name, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best ? ` Did you mean "${best}"?` : '';
}

/** Where findings of one top-level block go. */
interface Context {
  readonly address: string;
  readonly constructPath?: string;
  readonly kind: BlockKind | 'provider';
}

/** The codes of literal limits (enums, ranges and lengths, patterns): the findings `ConfigWalker.runLimits` reports. */
export const LIMIT_CODES: ReadonlySet<string> = new Set<string>([
  ConfigFindingCode.NOT_IN_ENUM, ConfigFindingCode.OUT_OF_RANGE, ConfigFindingCode.REGEX,
]);

function asDocument(doc: unknown): Record<string, unknown> {
  if (!isObject(doc)) {
    throw new TypeError(`a synthesized Terraform JSON document must be a JSON object, got ${describe(doc)}`);
  }
  return doc;
}

/**
 * Checks one synthesized document. Create one per document; read `findings` after `run()`.
 */
export class ConfigWalker {
  public readonly findings: ConfigFinding[] = [];
  private readonly providerAliases = new Set<string>();
  private providerDeclared = false;
  /** Set by `runLimits`: the only codes to report. */
  private only?: ReadonlySet<string>;

  constructor(private readonly index: SchemaIndex) {}

  /** Checks the provider configurations, then every resource and data source. */
  public run(doc: unknown): ConfigFinding[] {
    const d = asDocument(doc);
    this.checkProviders(d.provider);
    this.eachBlock(d, (ctx, config, spec, type) => {
      if (spec) {
        if (spec.deprecated) {
          this.add(ctx, ConfigFindingCode.DEPRECATED, '',
            `${ctx.kind === 'resource' ? 'resource' : 'data source'} type "${type}" is deprecated in the alicloud provider ${this.index.providerVersion}; `
            + 'the provider names its replacement in a warning at plan time', ConfigFindingLevel.WARNING);
        }
        this.checkBody(ctx, config, spec, '', true);
      } else if (type.startsWith(`${PROVIDER_NAME}_`)) {
        this.unknownType(ctx, type);
      }
    });
    return this.findings;
  }

  /**
   * Checks only the literal values of resources and data sources against the enums, ranges, lengths and
   * patterns of the schema, visiting only the arguments and blocks that have such limits. It reports the
   * same `LIMIT_CODES` findings as `run` does for those sections (possibly in another order), at a
   * fraction of the cost: the IPv6 rule pack's ALI-IPV6-010 uses it on every synth.
   */
  public runLimits(doc: unknown): ConfigFinding[] {
    this.only = LIMIT_CODES;
    this.eachBlock(asDocument(doc), (ctx, config, spec) => {
      if (spec && (spec.limitedAttributes.length > 0 || spec.limitedBlockTypes.length > 0)) this.checkLimits(ctx, config, spec, '', true);
    });
    return this.findings;
  }

  /**
   * A type the schema does not have: a warning, never an error. It may come from a newer provider release,
   * be a typo (a close known name is suggested), or be a resource used as a data source or the reverse.
   * Its body is not checked.
   */
  private unknownType(ctx: Context, type: string): void {
    const resource = ctx.kind === 'resource';
    const kind = resource ? 'resource' : 'data source';
    const known = resource ? this.index.resources : this.index.dataSources;
    const other = resource ? this.index.dataSources : this.index.resources;
    const hint = other.has(type)
      ? ` "${type}" is a ${resource ? 'data source' : 'resource'} in that release: declare it under "${resource ? 'data' : 'resource'}".`
      : suggestion(type, [...known.keys()]);
    this.add(ctx, ConfigFindingCode.UNKNOWN_TYPE, '',
      `${kind} type "${type}" is not in the alicloud provider ${this.index.providerVersion} schema that this checker knows, so its arguments were not checked.${hint}`
      + ' If it comes from a newer provider release, check it with that release (terraform validate).', ConfigFindingLevel.WARNING);
  }

  /** Calls `visit` on every resource and data source body, with its context and its schema (undefined when unknown). */
  private eachBlock(doc: Record<string, unknown>, visit: (ctx: Context, config: unknown, spec: BlockSpec | undefined, type: string) => void): void {
    for (const { kind, type, address, body, constructPath } of terraformBlocks(doc)) {
      const spec = kind === 'resource' ? this.index.resources.get(type) : this.index.dataSources.get(type);
      visit({ address, constructPath, kind }, body, spec, type);
    }
  }

  /** `checkBody` restricted to the arguments with limits and the blocks that lead to them. */
  private checkLimits(ctx: Context, body: unknown, spec: BlockSpec, path: string, topLevel = false): void {
    if (!isObject(body)) return;
    const meta = !topLevel ? undefined : ctx.kind === 'resource' ? RESOURCE_META : DATA_META;
    for (const attr of spec.limitedAttributes) {
      const value = body[attr.name];
      if (value !== undefined && !meta?.has(attr.name)) this.checkAttribute(ctx, attr, value, joinPath(path, attr.name));
    }
    const dynamic = body.dynamic;
    for (const bt of spec.limitedBlockTypes) {
      if (meta?.has(bt.name)) continue;
      this.visitBlocks(bt, body[bt.name], joinPath(path, bt.name), (b, p) => this.checkLimits(ctx, b, bt.block, p));
      if (!isObject(dynamic) || spec.attributes.has('dynamic') || dynamic[bt.name] === undefined || bt.removed) continue;
      const entry = dynamic[bt.name];
      const namePath = joinPath(joinPath(path, 'dynamic'), bt.name);
      (Array.isArray(entry) ? entry : [entry]).forEach((d, i) => {
        if (isObject(d) && d.content !== undefined && d.content !== null) {
          const content = singleBlock(d.content);
          const dPath = Array.isArray(entry) ? `${namePath}[${i}]` : namePath;
          if (content.body) this.checkLimits(ctx, content.body, bt.block, joinPath(dPath, content.wrapped ? 'content[0]' : 'content'));
        }
      });
    }
  }

  /** Calls `visit` on each block body given for a nested block type, with its path (as `checkBlockValue` walks them). */
  private visitBlocks(bt: BlockTypeSpec, value: unknown, path: string, visit: (body: unknown, path: string) => void): void {
    if (value === null || value === undefined || bt.removed || isToken(value)) return;
    if (bt.nesting === 'map') {
      if (isObject(value)) for (const [label, body] of Object.entries(value)) visit(body, `${path}[${JSON.stringify(label)}]`);
    } else if (!Array.isArray(value)) {
      visit(value, path);
    } else {
      value.forEach((item, i) => {
        if (!isToken(item)) visit(item, `${path}[${i}]`);
      });
    }
  }

  private add(ctx: Context, code: ConfigFindingCode, path: string, message: string, level = ConfigFindingLevel.ERROR): void {
    if (this.only && !this.only.has(code)) return;
    this.findings.push({
      level,
      address: ctx.address,
      path,
      code,
      message,
      ...(ctx.constructPath !== undefined ? { constructPath: ctx.constructPath } : {}),
    });
  }

  private checkProviders(section: unknown): void {
    if (!isObject(section) || section[PROVIDER_NAME] === undefined) return;
    const value = section[PROVIDER_NAME];
    const configs = Array.isArray(value) ? value : [value];
    this.providerDeclared = true;
    configs.forEach((config, i) => {
      const address = Array.isArray(value) ? `provider.${PROVIDER_NAME}[${i}]` : `provider.${PROVIDER_NAME}`;
      const ctx: Context = { address, constructPath: constructPathOf(config), kind: 'provider' };
      this.checkBody(ctx, config, this.index.provider, '', true);
      if (!isObject(config)) return;
      const alias = isToken(config.alias) ? undefined : toStringValue(config.alias) ?? '';
      if (alias === undefined) return;
      if (this.providerAliases.has(alias)) {
        this.add(ctx, ConfigFindingCode.CONFLICT, alias ? 'alias' : '',
          alias ? `duplicate provider configuration: alias "${alias}" is already declared`
            : 'duplicate default provider configuration: give one of them an alias');
      }
      this.providerAliases.add(alias);
    });
  }

  /** Checks a block body: its keys, required arguments, nested block counts and group rules. */
  private checkBody(ctx: Context, body: unknown, spec: BlockSpec, path: string, topLevel = false): void {
    if (!isObject(body)) {
      this.add(ctx, ConfigFindingCode.WRONG_TYPE, path, `${spec.label} must be a block (a JSON object), got ${describe(body)}`);
      return;
    }
    const meta = !topLevel ? undefined : ctx.kind === 'resource' ? RESOURCE_META : ctx.kind === 'data' ? DATA_META : PROVIDER_META;
    const dynamicNames = new Set<string>();
    for (const [key, value] of Object.entries(body)) {
      if (key === '//') continue; // HCL JSON comment / cdktf metadata, allowed in any body
      const keyPath = joinPath(path, key);
      const attr = spec.attributes.get(key);
      if (meta?.has(key)) {
        this.checkMeta(ctx, spec, key, value);
      } else if (attr) {
        this.checkAttribute(ctx, attr, value, keyPath);
      } else if (spec.blockTypes.has(key)) {
        this.checkBlockValue(ctx, spec.blockTypes.get(key)!, value, keyPath);
      } else if (key === 'dynamic') {
        this.checkDynamic(ctx, spec, value, keyPath, dynamicNames);
      } else {
        const allowed = [...spec.settableNames, ...(meta ?? [])];
        this.add(ctx, ConfigFindingCode.UNKNOWN_ATTRIBUTE, keyPath,
          `"${key}" is not an argument or block of ${spec.label}.${suggestion(key, allowed)} Allowed: ${allowed.join(', ')}`);
      }
    }

    for (const attr of spec.requiredAttributes) {
      if (body[attr.name] !== undefined && body[attr.name] !== null) continue;
      const env = attr.facts.default_from_env;
      if (env?.length) {
        this.add(ctx, ConfigFindingCode.MISSING_REQUIRED, joinPath(path, attr.name),
          `"${attr.name}" (${typeName(attr.type)}) is required unless one of the environment variables ${env.join(', ')} is set`, ConfigFindingLevel.WARNING);
      } else {
        this.add(ctx, ConfigFindingCode.MISSING_REQUIRED, joinPath(path, attr.name),
          `the argument "${attr.name}" (${typeName(attr.type)}) of ${spec.label} is required but not set`);
      }
    }

    for (const bt of spec.blockTypes.values()) this.checkBlockCount(ctx, bt, body[bt.name], dynamicNames.has(bt.name), joinPath(path, bt.name));
    this.checkGroupRules(ctx, spec, body, dynamicNames, path);
    if (topLevel && body.count !== undefined && body.count !== null && body.for_each !== undefined && body.for_each !== null && ctx.kind !== 'provider') {
      this.add(ctx, ConfigFindingCode.CONFLICT, 'count', '"count" and "for_each" cannot both be set');
    }
  }

  private checkAttribute(ctx: Context, attr: AttributeSpec, value: unknown, path: string): void {
    if (value === null) return; // null means "not set"
    if (attr.computedOnly) {
      this.add(ctx, ConfigFindingCode.COMPUTED_ONLY, path,
        `"${attr.name}" is computed by the provider (read-only) and cannot be set; read it as an attribute instead`);
      return;
    }
    if (attr.removed) {
      this.add(ctx, ConfigFindingCode.REMOVED, path, `"${attr.name}" has been removed from the provider; setting it is an error`);
      return;
    }
    if (attr.deprecation) {
      this.add(ctx, ConfigFindingCode.DEPRECATED, path, `"${attr.name}" is ${attr.deprecation}`, ConfigFindingLevel.WARNING);
    }
    if (!this.checkType(ctx, value, attr.type, path, attr.name)) return;
    if (isToken(value)) return;
    if (Array.isArray(value)) {
      const { min_items: min, max_items: max } = attr.facts;
      if (min !== undefined && value.length < min) {
        this.add(ctx, ConfigFindingCode.MIN_ITEMS, path, `"${attr.name}" needs at least ${min} item(s), got ${value.length}`);
      }
      if (max !== undefined && value.length > max) {
        this.add(ctx, ConfigFindingCode.MAX_ITEMS, path, `"${attr.name}" allows at most ${max} item(s), got ${value.length}`);
      }
      if (attr.hasValueFacts) value.forEach((item, i) => this.checkValueFacts(ctx, attr, item, `${path}[${i}]`));
    } else if (attr.hasValueFacts && !isObject(value)) {
      this.checkValueFacts(ctx, attr, value, path);
    }
  }

  /** Checks a literal against a type expression; false when the value itself has the wrong type. */
  private checkType(ctx: Context, value: unknown, type: TypeExpr, path: string, name: string): boolean {
    if (value === null || value === undefined || isToken(value) || type === 'dynamic') return true;
    const wrong = (hint = '') => {
      this.add(ctx, ConfigFindingCode.WRONG_TYPE, path, `"${name}" must be ${typeName(type)}, got ${describe(value)}${hint}`);
      return false;
    };
    if (typeof type === 'string') {
      switch (type) {
        case 'string':
          return toStringValue(value) !== undefined || wrong();
        case 'number':
          return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && NUMBER_STRING.test(value))
            || wrong(typeof value === 'string' ? ' (a string converts to a number only when it is a decimal number)' : '');
        case 'bool':
          return typeof value === 'boolean' || (typeof value === 'string' && BOOL_STRINGS.has(value))
            || wrong(typeof value === 'string' ? ' (only "true", "false", "1" and "0" convert to bool)' : '');
        default:
          return true; // a primitive type this checker does not know: do not guess
      }
    }
    const [kind, elem] = type;
    switch (kind) {
      case 'list':
      case 'set':
        if (!Array.isArray(value)) return wrong();
        value.forEach((item, i) => this.checkType(ctx, item, elem, `${path}[${i}]`, name));
        return true;
      case 'map':
        if (!isObject(value)) return wrong();
        for (const [k, v] of Object.entries(value)) this.checkType(ctx, v, elem, `${path}[${JSON.stringify(k)}]`, name);
        return true;
      case 'object':
        if (!isObject(value)) return wrong();
        for (const [k, v] of Object.entries(value)) {
          if (!(k in elem)) {
            this.add(ctx, ConfigFindingCode.UNKNOWN_ATTRIBUTE, joinPath(path, k),
              `"${k}" is not an attribute of the object "${name}". Allowed: ${Object.keys(elem).join(', ')}`);
          } else {
            this.checkType(ctx, v, elem[k], joinPath(path, k), k);
          }
        }
        return true;
      case 'tuple':
        if (!Array.isArray(value) || value.length !== elem.length) return wrong();
        value.forEach((item, i) => this.checkType(ctx, item, elem[i], `${path}[${i}]`, name));
        return true;
      default:
        return true;
    }
  }

  /** enum, int_enum, ranges, lengths, regex, regex_not, any_of and named validators. */
  private checkValueFacts(ctx: Context, attr: AttributeSpec, value: unknown, path: string): void {
    if (value === null || isToken(value)) return;
    const f = attr.facts;
    const name = attr.name;
    for (const [code, message] of limitViolations(name, f, attr.regex, attr.regexNot, value)) this.add(ctx, code, path, message);
    if (attr.anyOf && !attr.anyOf.some((b) => limitViolations(name, b.facts, b.regex, b.regexNot, value).length === 0)) {
      const branches = attr.anyOf.map((b) => describeFacts(b.facts)).join('; or ');
      this.add(ctx, ConfigFindingCode.OUT_OF_RANGE, path, `"${name}" must satisfy one of: ${branches}; got ${describe(value)}`);
    }
    const s = toStringValue(value);
    if (s === undefined) return;
    // validators report codes outside LIMIT_CODES (and parse whole documents): skipped by runLimits
    for (const validator of this.only ? [] : f.validators ?? []) {
      if (validator === 'validation.StringIsJSON' && s !== '') {
        try {
          JSON.parse(s);
        } catch (e) {
          this.add(ctx, ConfigFindingCode.INVALID_JSON, path, `"${name}" must be a JSON document: ${(e as Error).message}`);
        }
      } else if (validator === 'validation.StringIsValidRegExp') {
        const t = compileRe2(s);
        if (t.kind === 'invalid') {
          this.add(ctx, ConfigFindingCode.INVALID_REGEX, path, `"${name}" must be a valid regular expression: ${t.reason}`);
        }
      }
    }
  }

  /** Checks the value given for a nested block: its JSON shape and each block body. */
  private checkBlockValue(ctx: Context, bt: BlockTypeSpec, value: unknown, path: string): void {
    if (value === null || value === undefined) return;
    if (bt.removed) {
      this.add(ctx, ConfigFindingCode.REMOVED, path, `the block "${bt.name}" has been removed from the provider; setting it is an error`);
      return;
    }
    if (bt.deprecation) this.add(ctx, ConfigFindingCode.DEPRECATED, path, `the block "${bt.name}" is ${bt.deprecation}`, ConfigFindingLevel.WARNING);
    if (isToken(value)) {
      this.tokenForBlock(ctx, bt, value, path);
      return;
    }
    if (bt.nesting === 'map') {
      if (!isObject(value)) {
        this.add(ctx, ConfigFindingCode.WRONG_TYPE, path, `"${bt.name}" must be a JSON object of labelled blocks, got ${describe(value)}`);
        return;
      }
      for (const [label, body] of Object.entries(value)) this.checkBody(ctx, body, bt.block, `${path}[${JSON.stringify(label)}]`);
      return;
    }
    if (!Array.isArray(value)) {
      // One block given as an object (cdktf's form for `single` blocks such as timeouts).
      this.checkBody(ctx, value, bt.block, path);
      return;
    }
    value.forEach((item, i) => {
      if (isToken(item)) this.tokenForBlock(ctx, bt, item, `${path}[${i}]`);
      else this.checkBody(ctx, item, bt.block, `${path}[${i}]`);
    });
  }

  /**
   * Blocks are not values: HCL's JSON syntax rejects a string where block content is expected
   * ("Incorrect JSON value type"), so a token cannot stand for a block. cdktf emits exactly that when
   * a token is passed to a block property; a `dynamic` block (TerraformIterator.dynamic) is the fix.
   */
  private tokenForBlock(ctx: Context, bt: BlockTypeSpec, value: string, path: string): void {
    this.add(ctx, ConfigFindingCode.WRONG_TYPE, path,
      `"${bt.name}" is a block: Terraform's JSON syntax needs a JSON object or array of objects here, not the expression ${JSON.stringify(value)}; `
      + 'build the blocks from a list with a dynamic block (cdktf TerraformIterator.dynamic)');
  }

  private checkBlockCount(ctx: Context, bt: BlockTypeSpec, value: unknown, hasDynamic: boolean, path: string): void {
    if (bt.removed || isToken(value)) return;
    const count = value === undefined || value === null ? 0 : Array.isArray(value) ? value.length : bt.nesting === 'map' && isObject(value) ? Object.keys(value).length : 1;
    if (!hasDynamic && count === 0 && bt.minItems > 0) {
      this.add(ctx, ConfigFindingCode.MISSING_REQUIRED, path, `at least ${bt.minItems} "${bt.name}" block(s) required, none given`);
    } else if (!hasDynamic && count > 0 && count < bt.minItemsWhenSet) {
      this.add(ctx, ConfigFindingCode.MIN_ITEMS, path, `at least ${bt.minItemsWhenSet} "${bt.name}" block(s) required, got ${count}`);
    }
    if (bt.maxItems !== undefined && count > bt.maxItems) {
      this.add(ctx, ConfigFindingCode.MAX_ITEMS, path, `at most ${bt.maxItems} "${bt.name}" block(s) allowed, got ${count}`);
    }
  }

  /** cdktf's `dynamic` blocks: `dynamic: { <block name>: { for_each, iterator?, labels?, content } }`. */
  private checkDynamic(ctx: Context, spec: BlockSpec, value: unknown, path: string, dynamicNames: Set<string>): void {
    if (!isObject(value)) {
      this.add(ctx, ConfigFindingCode.WRONG_TYPE, path, `"dynamic" must be a JSON object keyed by block name, got ${describe(value)}`);
      return;
    }
    for (const [name, entry] of Object.entries(value)) {
      if (name === '//') continue;
      const namePath = joinPath(path, name);
      const bt = spec.blockTypes.get(name);
      if (!bt) {
        const isArgument = spec.attributes.has(name);
        this.add(ctx, ConfigFindingCode.UNKNOWN_ATTRIBUTE, namePath, isArgument
          ? `"${name}" is an argument of ${spec.label}, not a block: dynamic works only for blocks`
          : `dynamic "${name}": ${spec.label} has no such block.${suggestion(name, [...spec.blockTypes.keys()])} Blocks: ${[...spec.blockTypes.keys()].join(', ') || '(none)'}`);
        continue;
      }
      dynamicNames.add(name);
      if (bt.removed) {
        this.add(ctx, ConfigFindingCode.REMOVED, namePath, `the block "${name}" has been removed from the provider; setting it is an error`);
        continue;
      }
      const entries = Array.isArray(entry) ? entry : [entry];
      entries.forEach((d, i) => {
        const dPath = Array.isArray(entry) ? `${namePath}[${i}]` : namePath;
        if (!isObject(d)) {
          this.add(ctx, ConfigFindingCode.WRONG_TYPE, dPath, `dynamic "${name}" must be a JSON object, got ${describe(d)}`);
          return;
        }
        for (const key of Object.keys(d)) {
          if (key !== '//' && !DYNAMIC_KEYS.has(key)) {
            this.add(ctx, ConfigFindingCode.UNKNOWN_ATTRIBUTE, joinPath(dPath, key),
              `"${key}" is not allowed in a dynamic block. Allowed: ${[...DYNAMIC_KEYS].join(', ')}`);
          }
        }
        for (const key of ['for_each', 'content']) {
          if (d[key] === undefined || d[key] === null) {
            this.add(ctx, ConfigFindingCode.MISSING_REQUIRED, joinPath(dPath, key), `dynamic "${name}" needs "${key}"`);
          }
        }
        if (d.content === undefined || d.content === null) return;
        const content = singleBlock(d.content);
        if (!content.body) this.add(ctx, ConfigFindingCode.WRONG_TYPE, joinPath(dPath, 'content'), `dynamic "${name}" content: ${content.error}`);
        else this.checkBody(ctx, content.body, bt.block, joinPath(dPath, content.wrapped ? 'content[0]' : 'content'));
      });
    }
  }

  /** conflicts_with, exactly_one_of and at_least_one_of, with names relative to this block. */
  private checkGroupRules(ctx: Context, spec: BlockSpec, body: Record<string, unknown>, dynamicNames: Set<string>, path: string): void {
    const isSet = (name: string) => (body[name] !== undefined && body[name] !== null) || dynamicNames.has(name);
    for (const rule of spec.groupRules) {
      if (rule.kind === 'required_with') {
        const missing = rule.members.filter((m) => !isSet(m));
        if (isSet(rule.owner) && missing.length > 0) {
          this.add(ctx, ConfigFindingCode.MISSING_REQUIRED, joinPath(path, rule.owner),
            `"${rule.owner}" requires ${missing.map((m) => `"${m}"`).join(' and ')} to be set as well`);
        }
        continue;
      }
      if (rule.kind === 'conflicts_with') {
        if (isSet(rule.owner) && isSet(rule.members[0])) {
          this.add(ctx, ConfigFindingCode.CONFLICT, joinPath(path, rule.owner),
            `"${rule.owner}" conflicts with "${rule.members[0]}": set only one of them`);
        }
        continue;
      }
      const set = rule.members.filter(isSet);
      const group = rule.members.map((m) => `"${m}"`).join(', ');
      if (set.length === 0) {
        this.add(ctx, ConfigFindingCode.MISSING_ONE_OF, joinPath(path, rule.owner),
          `${rule.kind === 'exactly_one_of' ? 'exactly' : 'at least'} one of ${group} must be set`);
      } else if (rule.kind === 'exactly_one_of' && set.length > 1) {
        this.add(ctx, ConfigFindingCode.CONFLICT, joinPath(path, set[1]),
          `only one of ${group} can be set, got ${set.map((m) => `"${m}"`).join(' and ')}`);
      }
    }
  }

  /** Terraform meta-arguments: allowed, and given a light shape check. */
  private checkMeta(ctx: Context, spec: BlockSpec, key: string, value: unknown): void {
    if (value === null || isToken(value)) return;
    const wrong = (expected: string) =>
      this.add(ctx, ConfigFindingCode.WRONG_TYPE, key, `"${key}" must be ${expected}, got ${describe(value)}`);
    switch (key) {
      case 'alias':
      case 'version':
        if (typeof value !== 'string') wrong('a string');
        if (key === 'version') {
          this.add(ctx, ConfigFindingCode.DEPRECATED, key,
            '"version" in a provider block is deprecated; constrain the version in terraform.required_providers', ConfigFindingLevel.WARNING);
        }
        return;
      case 'count': {
        const n = toNumber(value);
        if (n === undefined) wrong('a whole number');
        else if (!Number.isInteger(n) || n < 0) this.add(ctx, ConfigFindingCode.OUT_OF_RANGE, key, `"count" must be a whole number >= 0, got ${n}`);
        return;
      }
      case 'for_each':
        if (!isObject(value)) wrong('a map or a set of strings (a JSON array is a tuple: wrap it in toset())');
        return;
      case 'depends_on':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) wrong('a list of references (strings)');
        return;
      case 'provider': {
        if (typeof value !== 'string') return wrong('a provider reference such as "alicloud.alias"');
        const m = /^alicloud\.(.+)$/.exec(value);
        if (m && this.providerDeclared && !this.providerAliases.has(m[1])) {
          this.add(ctx, ConfigFindingCode.UNKNOWN_PROVIDER, key,
            `no alicloud provider block has alias "${m[1]}". Declared aliases: ${[...this.providerAliases].filter((a) => a).join(', ') || '(none)'}`);
        }
        return;
      }
      case 'lifecycle':
        this.checkLifecycle(ctx, spec, value);
        return;
      default:
        return; // provisioner, connection: not checked
    }
  }

  private checkLifecycle(ctx: Context, spec: BlockSpec, given: unknown): void {
    const allowed = ctx.kind === 'data' ? DATA_LIFECYCLE : RESOURCE_LIFECYCLE;
    const one = singleBlock(given);
    if (!one.body) {
      this.add(ctx, ConfigFindingCode.WRONG_TYPE, 'lifecycle', `"lifecycle": ${one.error}`);
      return;
    }
    const value = one.body;
    const base = one.wrapped ? 'lifecycle[0]' : 'lifecycle';
    for (const [key, v] of Object.entries(value)) {
      const path = `${base}.${key}`;
      if (key === '//') continue;
      if (!allowed.has(key)) {
        this.add(ctx, ConfigFindingCode.UNKNOWN_ATTRIBUTE, path, `"${key}" is not allowed in lifecycle. Allowed: ${[...allowed].join(', ')}`);
        continue;
      }
      if (v === null || isToken(v)) continue;
      if ((key === 'create_before_destroy' || key === 'prevent_destroy') && !(typeof v === 'boolean' || BOOL_STRINGS.has(String(v)))) {
        this.add(ctx, ConfigFindingCode.WRONG_TYPE, path, `"${key}" must be bool, got ${describe(v)}`);
      }
      if (key === 'ignore_changes') this.checkIgnoreChanges(ctx, spec, v, path);
    }
  }

  /** Each ignore_changes entry must name an argument or block of the type ("all" ignores everything). */
  private checkIgnoreChanges(ctx: Context, spec: BlockSpec, value: unknown, path: string): void {
    if (value === 'all') return;
    if (!Array.isArray(value)) {
      this.add(ctx, ConfigFindingCode.WRONG_TYPE, path, `"ignore_changes" must be "all" or a list of attribute names, got ${describe(value)}`);
      return;
    }
    value.forEach((entry, i) => {
      if (typeof entry !== 'string' || isToken(entry)) return;
      const name = /^\s*([A-Za-z_][A-Za-z0-9_-]*)/.exec(entry)?.[1];
      if (!name) return;
      const attr = spec.attributes.get(name);
      if (!attr && !spec.blockTypes.has(name)) {
        this.add(ctx, ConfigFindingCode.UNKNOWN_ATTRIBUTE, `${path}[${i}]`,
          `ignore_changes names "${name}", which is not an argument or block of ${spec.label}.${suggestion(name, spec.settableNames)}`);
      } else if (attr?.computedOnly) {
        this.add(ctx, ConfigFindingCode.COMPUTED_ONLY, `${path}[${i}]`,
          `ignore_changes names "${name}", which is computed by the provider alone: the entry has no effect`, ConfigFindingLevel.WARNING);
      }
    });
  }
}

/**
 * The violations of the single-value limits in `f` by a literal: [code, message] pairs. Integer facts
 * (int_between, int_at_least, int_at_most, int_enum) need a whole number; float facts any number.
 */
function limitViolations(
  name: string, f: ConstraintFacts, regex: Re2Pattern | undefined, regexNot: Re2Pattern | undefined, value: unknown,
): Array<[ConfigFindingCode, string]> {
  const out: Array<[ConfigFindingCode, string]> = [];
  if (f.int_between || f.int_at_least !== undefined || f.int_at_most !== undefined || f.int_enum) {
    const n = toNumber(value);
    if (n === undefined) return out; // wrong type, already reported
    if (!Number.isInteger(n)) return [[ConfigFindingCode.WRONG_TYPE, `"${name}" must be a whole number, got ${describe(value)}`]];
    if (f.int_between && (n < f.int_between[0] || n > f.int_between[1])) {
      out.push([ConfigFindingCode.OUT_OF_RANGE, `"${name}" must be between ${f.int_between[0]} and ${f.int_between[1]} (inclusive), got ${n}`]);
    }
    if (f.int_at_least !== undefined && n < f.int_at_least) out.push([ConfigFindingCode.OUT_OF_RANGE, `"${name}" must be at least ${f.int_at_least}, got ${n}`]);
    if (f.int_at_most !== undefined && n > f.int_at_most) out.push([ConfigFindingCode.OUT_OF_RANGE, `"${name}" must be at most ${f.int_at_most}, got ${n}`]);
    if (f.int_enum && !f.int_enum.includes(n)) out.push([ConfigFindingCode.NOT_IN_ENUM, `"${name}" must be one of ${f.int_enum.join(', ')}, got ${n}`]);
  }
  if (f.float_between || f.float_at_least !== undefined) {
    const n = toNumber(value);
    if (n === undefined) return out;
    if (f.float_between && (n < f.float_between[0] || n > f.float_between[1])) {
      out.push([ConfigFindingCode.OUT_OF_RANGE, `"${name}" must be between ${f.float_between[0]} and ${f.float_between[1]} (inclusive), got ${n}`]);
    }
    if (f.float_at_least !== undefined && n < f.float_at_least) out.push([ConfigFindingCode.OUT_OF_RANGE, `"${name}" must be at least ${f.float_at_least}, got ${n}`]);
  }
  const s = toStringValue(value);
  if (s === undefined) return out;
  if (f.enum) {
    const ok = f.enum_ignore_case ? f.enum.some((e) => e.toLowerCase() === s.toLowerCase()) : f.enum.includes(s);
    if (!ok) {
      out.push([ConfigFindingCode.NOT_IN_ENUM,
        `"${name}" must be one of ${quoteList(f.enum)}${f.enum_ignore_case ? ' (case-insensitive)' : ''}, got ${JSON.stringify(s)}`]);
    }
  }
  if (f.string_length_between || f.string_length_at_least !== undefined) {
    // Go's validation.StringLenBetween counts bytes (len of a UTF-8 string), not characters.
    const len = Buffer.byteLength(s, 'utf-8');
    const [min, max] = f.string_length_between ?? [f.string_length_at_least!, Infinity];
    if (len < min || len > max) {
      out.push([ConfigFindingCode.OUT_OF_RANGE, max === Infinity
        ? `"${name}" must be at least ${min} bytes long, got ${len}`
        : `"${name}" must be ${min} to ${max} bytes long, got ${len}`]);
    }
  }
  if (regex && !regex.test(s)) out.push([ConfigFindingCode.REGEX, `"${name}" must match the pattern ${f.regex}, got ${JSON.stringify(s)}`]);
  if (regexNot && regexNot.test(s)) out.push([ConfigFindingCode.REGEX, `"${name}" must not match the pattern ${f.regex_not}, got ${JSON.stringify(s)}`]);
  return out;
}

/** A short text of a fact set, for `any_of` messages. */
function describeFacts(f: ConstraintFacts): string {
  const parts: string[] = [];
  if (f.int_between) parts.push(`a whole number from ${f.int_between[0]} to ${f.int_between[1]}`);
  if (f.int_at_least !== undefined) parts.push(`a whole number >= ${f.int_at_least}`);
  if (f.int_at_most !== undefined) parts.push(`a whole number <= ${f.int_at_most}`);
  if (f.int_enum) parts.push(`one of ${f.int_enum.join(', ')}`);
  if (f.float_between) parts.push(`a number from ${f.float_between[0]} to ${f.float_between[1]}`);
  if (f.float_at_least !== undefined) parts.push(`a number >= ${f.float_at_least}`);
  if (f.enum) parts.push(`one of ${quoteList(f.enum)}`);
  if (f.string_length_between) parts.push(`${f.string_length_between[0]} to ${f.string_length_between[1]} bytes long`);
  if (f.string_length_at_least !== undefined) parts.push(`at least ${f.string_length_at_least} bytes long`);
  if (f.regex) parts.push(`matching ${f.regex}`);
  if (f.regex_not) parts.push(`not matching ${f.regex_not}`);
  return parts.join(' and ') || 'any value';
}

/**
 * A block that Terraform allows only once (`lifecycle`, a dynamic block's `content`): HCL's JSON syntax takes
 * a JSON object, or an array of block bodies (hcl json/structure.go), of which Terraform then accepts exactly
 * one ("Duplicate lifecycle block").
 */
type SingleBlock = { body: Record<string, unknown>; wrapped: boolean; error?: undefined } | { body?: undefined; wrapped?: undefined; error: string };

function singleBlock(value: unknown): SingleBlock {
  if (isObject(value)) return { body: value, wrapped: false };
  if (Array.isArray(value) && value.length === 1 && isObject(value[0])) return { body: value[0], wrapped: true };
  if (Array.isArray(value) && value.length > 1 && value.every(isObject)) return { error: `only one block is allowed, got ${value.length}` };
  return { error: `must be a block (a JSON object, or an array of one), got ${describe(value)}` };
}
