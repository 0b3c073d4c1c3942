/**
 * The plan adapter: a plan in JSON (`terraform show -json plan.out`, `format_version` 1.x) into the Terraform
 * document the rule pack reads. Values come from `planned_values` (child modules included) and, for data
 * sources already read, `prior_state`. What is unknown until apply is rebuilt from `configuration`: each
 * attribute that references a resource becomes `${<type>.<name>.<attr>}` again, so the links the rules
 * follow (vSwitch → VPC, ECI → vSwitch, bandwidth → gateway and address) still work, also across module
 * outputs. Variables are replaced by their values from `variables` (root) and from the module calls' arguments
 * (child modules). Provider configurations keep their aliases; the region is a constant or a variable's value.
 *
 * Instances in child modules or with `count`/`for_each` get a document name of their own
 * (`module.net.alicloud_vswitch.a[0]` → `alicloud_vswitch.net__a__0`): the rules address blocks by
 * `type.name`. The map back to the real address is part of the result.
 * @internal
 */
import { CheckDocument, CheckInputError } from './model';
import { blockAddress, BlockKind, isJsonObject as isObject, parseAddress } from '../core/terraform-json';

type Json = Record<string, any>;

/** The document section of a plan's resource mode: `managed` → `resource`, `data` → `data`. */
function kindOfMode(mode: unknown): BlockKind {
  return mode === 'data' ? 'data' : 'resource';
}

/** The address of a resource in its module, without module path or instance key: `data.TYPE.NAME`, `TYPE.NAME`. */
function addressInModule(r: { readonly mode: unknown; readonly type: string; readonly name: string }): string {
  return blockAddress(kindOfMode(r.mode), r.type, r.name);
}

/** A resource instance of the plan. */
interface Instance {
  readonly address: string;
  /** `module.net` / `module.net["a"]`, or '' for the root. */
  readonly module: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `TYPE.NAME` or `data.TYPE.NAME`: its address in its module (`addressInModule`), made once. */
  readonly inModule: string;
  readonly index?: string | number;
  readonly values: Json;
  /** Document address: `alicloud_vswitch.a` or `alicloud_vswitch.net__a__0`. */
  docAddress: string;
}

/** A module of the configuration, with where it is called from. */
interface ConfigModule {
  readonly resources: Map<string, Json>;
  readonly calls: Map<string, { readonly expressions: Json; readonly module: ConfigModule }>;
  readonly outputs: Json;
}

/** The module path without instance keys: `module.net["a"].module.db` → `module.net.module.db`. */
function staticModule(module: string): string {
  return module.replace(/\[[^\]]*\]/g, '');
}

/** Names of the module path: `module.net.module.db` → ['net', 'db']. */
function moduleNames(module: string): string[] {
  return staticModule(module).split('.').filter((_p, i) => i % 2 === 1);
}

function sanitize(s: string): string {
  return s.replace(/[^A-Za-z0-9_-]/g, '_');
}

function readConfigModule(m: unknown): ConfigModule {
  const resources = new Map<string, Json>();
  const calls = new Map<string, { expressions: Json; module: ConfigModule }>();
  if (isObject(m)) {
    for (const r of Array.isArray(m.resources) ? m.resources : []) if (isObject(r) && typeof r.address === 'string') resources.set(r.address, r);
    for (const [name, call] of Object.entries(isObject(m.module_calls) ? m.module_calls : {})) {
      if (isObject(call)) calls.set(name, { expressions: isObject(call.expressions) ? call.expressions : {}, module: readConfigModule(call.module) });
    }
  }
  return { resources, calls, outputs: isObject(m) && isObject(m.outputs) ? m.outputs : {} };
}

/** What a reference stands for. */
type Resolved =
  | { readonly kind: 'resource'; readonly instance: Instance; readonly attribute?: string }
  | { readonly kind: 'value'; readonly value: unknown };

const INDEX = /^\[(?:(\d+)|"((?:[^"\\]|\\.)*)")\]/;

/** A resource reference taken apart once (`data.x.y["k"].attr...`): its address in the module and what follows it. */
interface ResourceRef {
  /** `TYPE.NAME` or `data.TYPE.NAME`. */
  readonly address: string;
  /** What follows the address. */
  readonly rest: string;
  /** The instance key of a leading `[0]` / `["k"]` in `rest`, and the attribute after it; read on first use. */
  keyed?: { readonly index?: RegExpExecArray; key?: string | number; readonly attribute?: string };
}

const RESOURCE_REF = /^((?:data\.)?[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)/;
const NOT_A_RESOURCE = /^(local|each|count|path|terraform|self)\./;
const ATTRIBUTE = /^\.([A-Za-z_][\w-]*)/;

/** The plan, indexed; resolves references in the scope of a module instance. */
class PlanIndex {
  /** module → `${mode}.${type}.${name}` → its instances. */
  private readonly byResource = new Map<string, Map<string, Instance[]>>();
  private readonly byId = new Map<string, Instance>();
  /** Reference text → its parts (null: not a resource reference); references repeat across a plan's blocks. */
  private readonly refs = new Map<string, ResourceRef | null>();
  /** Module instance path → its configuration module. */
  private readonly configs = new Map<string, ConfigModule | undefined>();

  constructor(
    public readonly instances: readonly Instance[],
    private readonly root: ConfigModule,
    private readonly variables: Json,
  ) {
    for (const i of instances) {
      let inModule = this.byResource.get(i.module);
      if (!inModule) this.byResource.set(i.module, inModule = new Map());
      const key = i.inModule;
      let list = inModule.get(key);
      if (!list) inModule.set(key, list = []);
      list.push(i);
      const id = i.values.id;
      if (i.mode === 'managed' && typeof id === 'string' && id !== '' && !this.byId.has(id)) this.byId.set(id, i);
    }
  }

  /** The configuration module of a module instance path. */
  public configOf(module: string): ConfigModule | undefined {
    if (module === '') return this.root;
    if (this.configs.has(module)) return this.configs.get(module);
    let m: ConfigModule | undefined = this.root;
    for (const name of moduleNames(module)) m = m?.calls.get(name)?.module;
    this.configs.set(module, m);
    return m;
  }

  /** The instance whose `id` is this literal (from prior state), for linking an ID to the block. */
  public byLiteralId(value: string): Instance | undefined {
    return this.byId.get(value);
  }

  /**
   * What a reference (`alicloud_vpc.main.id`, `var.region`, `module.net.vswitch_id`, `data.x.y.ids`) means
   * in `module`, seen from the instance `from` (for `count.index` pairing).
   */
  public resolve(ref: string, module: string, from?: Instance, depth = 0): Resolved | undefined {
    if (depth > 16) return undefined;
    if (ref.startsWith('var.')) return this.variable(ref.slice(4).split(/[.[]/)[0], module, depth);
    if (ref.startsWith('module.')) return this.moduleOutput(ref, module, from, depth);
    const r = this.resourceRef(ref);
    if (!r) return undefined;
    const list = this.byResource.get(module)?.get(r.address);
    if (!list || list.length === 0) return undefined;
    const keyed = r.keyed ??= keyedPart(r.rest);
    let instance: Instance | undefined;
    if (keyed.index) {
      // the key is read here, once a resource of that name exists (`JSON.parse` of a bad escape throws, as always)
      const idx = keyed.index;
      const key: string | number = keyed.key ??= idx[1] !== undefined ? Number(idx[1]) : JSON.parse(`"${idx[2]}"`);
      instance = list.find((i) => i.index === key);
    } else if (list.length === 1) {
      instance = list[0];
    } else if (from?.index !== undefined) {
      // `alicloud_vswitch.a[count.index].id` is recorded as `alicloud_vswitch.a`: pair the same index.
      instance = list.find((i) => i.index === from.index);
    }
    if (!instance) return undefined;
    return { kind: 'resource', instance, attribute: keyed.attribute };
  }

  /** The parts of a reference to a resource or data source (null for other references), taken apart once per text. */
  private resourceRef(ref: string): ResourceRef | null {
    let r = this.refs.get(ref);
    if (r === undefined) {
      const m = NOT_A_RESOURCE.test(ref) ? null : RESOURCE_REF.exec(ref);
      r = m ? { address: m[1], rest: ref.slice(m[1].length) } : null;
      this.refs.set(ref, r);
    }
    return r;
  }

  private variable(name: string, module: string, depth: number): Resolved | undefined {
    if (module === '') {
      const v = this.variables[name];
      return isObject(v) && 'value' in v ? { kind: 'value', value: v.value } : undefined;
    }
    // A child module's variable: the argument of its module call, resolved in the parent.
    const at = module.lastIndexOf('module.');
    const parent = at > 0 ? module.slice(0, at - 1) : '';
    const last = module.slice(at + 'module.'.length).replace(/\[.*$/, '');
    const call = this.configOf(parent)?.calls.get(last);
    const expr = call?.expressions[name];
    return this.expression(expr, parent, undefined, depth + 1);
  }

  private moduleOutput(ref: string, module: string, from: Instance | undefined, depth: number): Resolved | undefined {
    const m = /^module\.([A-Za-z_][\w-]*)((?:\[[^\]]*\])?)\.([A-Za-z_][\w-]*)/.exec(ref);
    if (!m) return undefined;
    const child = `${module ? `${module}.` : ''}module.${m[1]}${m[2]}`;
    const config = this.configOf(staticModule(child));
    const out = config?.outputs[m[3]];
    if (!isObject(out)) return undefined;
    // A module with count/for_each but no index in the reference: only when there is a single instance.
    const instanceModule = m[2] ? child : this.singleModuleInstance(child);
    if (instanceModule === undefined) return undefined;
    return this.expression(out.expression, instanceModule, from, depth + 1);
  }

  private singleModuleInstance(module: string): string | undefined {
    const found = new Set<string>();
    for (const i of this.instances) {
      if (staticModule(i.module) === module && i.module.startsWith(module)) {
        const cut = i.module.slice(0, module.length);
        const rest = i.module.slice(module.length);
        const key = INDEX.exec(rest);
        found.add(cut + (key ? key[0] : ''));
      }
    }
    return found.size <= 1 ? [...found][0] ?? module : undefined;
  }

  /** The meaning of a configuration expression (`{constant_value}` or `{references}`), when it is one thing. */
  public expression(expr: unknown, module: string, from: Instance | undefined, depth = 0): Resolved | undefined {
    if (!isObject(expr)) return undefined;
    const refs: unknown[] = Array.isArray(expr.references) ? expr.references : [];
    if (refs.length === 0) return 'constant_value' in expr ? { kind: 'value', value: expr.constant_value } : undefined;
    if (!isSingleReference(expr, refs)) return undefined;
    return this.resolve(String(refs[0]), module, from, depth);
  }
}

/** The instance key (`[0]`, `["a"]`) that starts what follows a resource address, and the attribute after it. */
function keyedPart(rest: string): { readonly index?: RegExpExecArray; key?: string | number; readonly attribute?: string } {
  const idx = INDEX.exec(rest);
  const attr = ATTRIBUTE.exec(idx ? rest.slice(idx[0].length) : rest);
  return { ...(idx ? { index: idx } : {}), attribute: attr?.[1] };
}

/**
 * Whether an expression is exactly its first reference: Terraform lists each reference and then its
 * shorter forms (`alicloud_vpc.a.id`, `alicloud_vpc.a`), so the expression names one thing when every
 * reference is a prefix of the first. A JSON configuration also gives the text (`constant_value`), which must
 * then be `${<first>}`.
 */
function isSingleReference(expr: Json, refs: unknown[]): boolean {
  const first = String(refs[0]);
  if (!refs.every((r) => typeof r === 'string' && first.startsWith(r))) return false;
  if (typeof expr.constant_value === 'string') return expr.constant_value === `\${${first}}`;
  return true;
}

/** The document address of an instance. */
function docAddressOf(i: { module: string; mode: string; type: string; name: string; index?: string | number }): string {
  if (i.module === '' && i.index === undefined) return blockAddress(kindOfMode(i.mode), i.type, i.name);
  const names = moduleNames(i.module);
  const keys = [...i.module.matchAll(/\[([^\]]*)\]/g)].map((k) => sanitize(k[1].replace(/"/g, '')));
  const plain = names.length === 0 && i.index === undefined;
  const name = plain ? i.name : sanitize([...names, ...keys, i.name, ...(i.index !== undefined ? [String(i.index)] : [])].join('__'));
  return blockAddress(kindOfMode(i.mode), i.type, name);
}

function collectInstances(planModule: unknown, into: Map<string, Instance>, moduleAddress: string): void {
  if (!isObject(planModule)) return;
  for (const r of Array.isArray(planModule.resources) ? planModule.resources : []) {
    if (!isObject(r) || typeof r.address !== 'string' || typeof r.type !== 'string' || typeof r.name !== 'string') continue;
    if (into.has(r.address)) continue;
    const mode = r.mode === 'data' ? 'data' : 'managed';
    const base = addressInModule({ mode, type: r.type, name: r.name });
    const at = r.address.lastIndexOf(base);
    const module = at > 0 ? r.address.slice(0, at - 1) : moduleAddress;
    const i: Instance = {
      address: r.address,
      module,
      mode,
      type: r.type,
      name: r.name,
      inModule: base,
      index: typeof r.index === 'number' || typeof r.index === 'string' ? r.index : undefined,
      values: isObject(r.values) ? r.values : {},
      docAddress: '',
    };
    into.set(r.address, i);
  }
  for (const c of Array.isArray(planModule.child_modules) ? planModule.child_modules : []) {
    collectInstances(c, into, isObject(c) && typeof c.address === 'string' ? c.address : moduleAddress);
  }
}

/** The alias a provider configuration key gets in the document ('' for the root default `alicloud`). */
function aliasOfKey(key: string): string {
  if (key === 'alicloud') return '';
  const m = /^alicloud\.(.+)$/.exec(key);
  return m ? sanitize(m[1]) : sanitize(key);
}

/**
 * Merges a planned value with its configuration expression. Known values are kept; a value that names a
 * resource of the plan by its ID becomes a reference to that block (the rules link by reference); values
 * unknown until apply become `${...}` expressions that name what they reference.
 */
function merge(value: unknown, expr: unknown, index: PlanIndex, from: Instance, unknownHere: unknown): unknown {
  if (isObject(expr) && ('references' in expr || 'constant_value' in expr) && !('references' in expr && isObject(expr.references))) {
    return leaf(value, expr, index, from, unknownHere);
  }
  // Nested blocks: a list of objects of expressions, merged by position.
  if (Array.isArray(expr) && Array.isArray(value)) {
    return value.map((v, i) => merge(v, expr[i] ?? expr[0], index, from, Array.isArray(unknownHere) ? unknownHere[i] : undefined));
  }
  if (isObject(expr) && (isObject(value) || value === undefined || value === null)) {
    return mergeObject(isObject(value) ? value : {}, expr, index, from, isObject(unknownHere) ? unknownHere : {});
  }
  if (Array.isArray(expr) && isObject(value)) return mergeObject(value, expr[0], index, from, isObject(unknownHere) ? unknownHere : {});
  return value;
}

function mergeObject(values: Json, exprs: unknown, index: PlanIndex, from: Instance, unknowns: Json): Json {
  const out: Json = {};
  const es = isObject(exprs) ? exprs : undefined;
  // for...in over parsed JSON: the own keys in order, as Object.entries, without an array per object
  for (const k in values) {
    const v = values[k];
    if (v === null) continue;
    out[k] = es !== undefined && k in es ? merge(v, es[k], index, from, unknowns[k]) : v;
  }
  if (es !== undefined) {
    for (const k in es) {
      if (k in out) continue;
      const merged = merge(undefined, es[k], index, from, unknowns[k]);
      if (merged !== undefined) out[k] = merged;
    }
  }
  return out;
}

/** `${<document address>.<attribute>}` for a resolved resource reference. */
function tokenOf(r: { instance: Instance; attribute?: string }): string {
  return `\${${r.instance.docAddress}${r.attribute ? `.${r.attribute}` : '.id'}}`;
}

function leaf(value: unknown, expr: Json, index: PlanIndex, from: Instance, unknownHere: unknown): unknown {
  const raw: unknown = expr.references;
  // the plan's own list when it holds only strings (it always does): read, never changed
  const refs: string[] = !Array.isArray(raw) ? [] : raw.every((r) => typeof r === 'string') ? raw : raw.filter((r: unknown): r is string => typeof r === 'string');
  const isUnknown = value === undefined || value === null || unknownHere === true;
  if (refs.length === 0) return isUnknown && 'constant_value' in expr ? expr.constant_value ?? undefined : value;
  const single = isSingleReference(expr, refs);
  const resolved = single ? index.resolve(refs[0], from.module, from) : undefined;
  if (resolved?.kind === 'resource' && (resolved.attribute === undefined || resolved.attribute === 'id') && Array.isArray(value ?? unknownHere)) {
    // `vswitch_ids = [module.net.vswitch_id]`: a list around the one ID.
    const arr = (Array.isArray(value) ? value : unknownHere) as unknown[];
    if (arr.length === 1) return [tokenOf(resolved)];
  }
  if (resolved?.kind === 'resource') {
    // A link the rules follow (by ID), or a value unknown until apply.
    if (resolved.attribute === undefined || resolved.attribute === 'id' || isUnknown) return tokenOf(resolved);
    return value;
  }
  if (resolved?.kind === 'value' && isUnknown) return resolved.value;
  // A list of references, one per element (`vswitch_ids = [a.id, b.id]`): link each element.
  const arr = Array.isArray(value) ? value : Array.isArray(unknownHere) ? unknownHere.map(() => undefined) : undefined;
  if (arr) {
    const heads = refs.filter((r, i) => !(i > 0 && refs[i - 1].startsWith(r)));
    if (heads.length === arr.length) {
      return arr.map((v, i) => {
        const r = index.resolve(heads[i], from.module, from);
        if (r?.kind === 'resource' && (r.attribute === undefined || r.attribute === 'id' || v === undefined || v === null)) return tokenOf(r);
        return v ?? (r?.kind === 'value' ? r.value : `\${${heads[i]}}`);
      });
    }
  }
  if (!isUnknown) return value;
  // Unknown until apply, and not one resource: an expression that still names every resource it references.
  const named = refs.map((r) => {
    const x = index.resolve(r, from.module, from);
    return x?.kind === 'resource' ? `${x.instance.docAddress}${x.attribute ? `.${x.attribute}` : ''}` : r;
  });
  return `\${(known after apply: ${[...new Set(named)].join(', ')})}`;
}

/** Turns a parsed plan JSON into the rules' document. @internal */
export function planDocument(plan: unknown, input: string): CheckDocument {
  if (!isObject(plan)) throw new CheckInputError('is JSON but not a Terraform plan (terraform show -json): expected an object', input);
  const version = plan.format_version;
  if (typeof version !== 'string' || !/^1\.\d+$/.test(version)) {
    throw new CheckInputError(`has plan format_version ${JSON.stringify(version)}; this version of cdktf-alicloud-ipv6 reads format 1.x (Terraform 1.0 and later). Fix: produce it with Terraform 1.x (terraform show -json plan.out), or upgrade cdktf-alicloud-ipv6`, input);
  }
  if (!isObject(plan.planned_values) && !isObject(plan.configuration)) {
    throw new CheckInputError('has a format_version but neither planned_values nor configuration: is it `terraform show -json` of a state rather than a plan?', input);
  }

  // Instances: planned values, then data sources (and anything else) only in the prior state.
  const byAddress = new Map<string, Instance>();
  collectInstances(plan.planned_values?.root_module, byAddress, '');
  const prior = new Map<string, Instance>();
  collectInstances(plan.prior_state?.values?.root_module, prior, '');
  for (const [address, i] of prior) if (!byAddress.has(address) && i.mode === 'data') byAddress.set(address, i);
  const taken = new Set<string>();
  for (const i of byAddress.values()) {
    let a = docAddressOf(i);
    for (let n = 2; taken.has(a); n++) a = `${docAddressOf(i)}_${n}`;
    taken.add(a);
    i.docAddress = a;
  }
  const unknowns = new Map<string, unknown>();
  for (const rc of Array.isArray(plan.resource_changes) ? plan.resource_changes : []) {
    if (isObject(rc) && typeof rc.address === 'string' && isObject(rc.change)) unknowns.set(rc.address, rc.change.after_unknown);
  }

  const config = readConfigModule(plan.configuration?.root_module);
  const priorOnly = [...prior.values()].filter((p) => !byAddress.has(p.address));
  const index = new PlanIndex([...byAddress.values(), ...priorOnly], config, isObject(plan.variables) ? plan.variables : {});
  // Prior-state-only managed instances serve only to link literal IDs: give them no document block.

  const doc: Json = { resource: {}, data: {} };
  const addresses = new Map<string, string>();
  for (const i of byAddress.values()) {
    const configModule = index.configOf(i.module === '' ? '' : staticModule(i.module));
    const c = configModule?.resources.get(i.inModule);
    const unknown = unknowns.get(i.address);
    const body = mergeObject(i.values, c?.expressions ?? {}, index, i, isObject(unknown) ? unknown : {});
    linkLiteralIds(body, index);
    const key = typeof c?.provider_config_key === 'string' ? c.provider_config_key : 'alicloud';
    if (aliasOfKey(key) !== '') body.provider = `alicloud.${aliasOfKey(key)}`;
    if (Array.isArray(c?.depends_on)) {
      body.depends_on = c.depends_on.map((d: unknown) => {
        const r = typeof d === 'string' ? index.resolve(d, i.module, i) : undefined;
        return r?.kind === 'resource' ? r.instance.docAddress : d;
      });
    }
    const { kind, type, name } = parseAddress(i.docAddress);
    (doc[kind][type] ??= {})[name] = body;
    if (i.docAddress !== i.address) addresses.set(i.docAddress, i.address);
  }

  // Provider configurations: the region from a constant or a variable, by alias.
  const providers: Json[] = [];
  const providerConfig = isObject(plan.configuration?.provider_config) ? plan.configuration.provider_config : {};
  for (const [key, p] of Object.entries(providerConfig)) {
    if (!isObject(p) || p.name !== 'alicloud') continue;
    const module = typeof p.module_address === 'string' ? p.module_address : '';
    const alias = aliasOfKey(module ? `${module}:${key}` : key);
    const exprs = isObject(p.expressions) ? p.expressions : {};
    const out: Json = alias ? { alias } : {};
    if (exprs.region !== undefined) {
      const r = index.expression(exprs.region, module, undefined);
      out.region = r?.kind === 'value' && typeof r.value === 'string' ? r.value
        : `\${${(Array.isArray(exprs.region.references) ? exprs.region.references : ['an expression']).join(', ')}}`;
    }
    providers.push(out);
  }
  if (providers.length > 0) doc.provider = { alicloud: providers };
  // The alicloud version constraints (root and modules) as required_providers, which ALI-IPV6-016 reads.
  const versions = new Set(Object.values(providerConfig)
    .filter((p) => isObject(p) && p.name === 'alicloud' && typeof p.version_constraint === 'string').map((p) => (p as Json).version_constraint as string));
  if (versions.size > 0) doc.terraform = { required_providers: [...versions].map((constraint) => ({ alicloud: { version: constraint } })) };
  return { input, kind: 'plan', doc, addresses, locations: new Map(), skips: new Map(), location: { file: input } }; // located at the plan file
}

/** Replaces literal IDs that belong to a resource of the plan (prior state) with a reference to its block. */
function linkLiteralIds(body: Json, index: PlanIndex): void {
  for (const k in body) {
    const v = body[k];
    if (typeof v === 'string' && (k.endsWith('_id') || k.endsWith('_ids'))) {
      const i = index.byLiteralId(v);
      if (i) body[k] = `\${${i.docAddress}.id}`;
    } else if (Array.isArray(v) && k.endsWith('_ids')) {
      body[k] = v.map((x) => {
        const i = typeof x === 'string' ? index.byLiteralId(x) : undefined;
        return i ? `\${${i.docAddress}.id}` : x;
      });
    }
  }
}
