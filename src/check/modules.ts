/**
 * Child modules of a Terraform configuration, followed as Terraform does, into one document for the rules.
 *
 * Local module sources (`./net`, `../modules/net`) are read from their folder, registry and git sources from
 * the folder `terraform init` recorded in `.terraform/modules/modules.json` (`Key`, `Source`, `Dir`); a remote
 * module of a folder that was not initialised is not followed, and says so (an info finding). `count` and
 * `for_each` on a module call are expanded when their value is known (`module.net[0]`, `module.net["a"]`);
 * otherwise the module's resources are not checked, and one "cannot verify" finding says why.
 *
 * Each module instance is a scope: its variables are bound to the module call's arguments (evaluated in the
 * caller), else their defaults; the root module's come from values.ts. Simple whole-value references
 * (`${var.x}`, `${local.x}`, `${module.m.out}`, `${each.value}`) are replaced by their values where known;
 * everything else stays an expression, with the resources it names renamed. A resource in a child module gets
 * a document name of its own (`module.net.alicloud_vswitch.a` → `alicloud_vswitch.net__a`), as in the plan
 * adapter; the map back to the real address, the file and line of its block, and the chain of module calls
 * that leads to it are part of the result.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  hasExpression, literalSetCall, parseReference, Reference, referenceText, renameReferences, simpleConditional, splitTemplate, valueAt,
  wholeReference,
} from './expressions';
import { parseJson, readText } from './files';
import { configDocument, terraformFiles } from './hcl';
import { BlockLines, moduleBlocks } from './lines';
import { CheckDocument, CheckInputError, Skip, SourceLocation } from './model';
import { Origin, rootVariableValues, VariableValue, VarSource } from './values';
import { blockAddress, BLOCK_KINDS, BlockKind, isJsonObject as isObject } from '../core/terraform-json';

type Json = Record<string, any>;

/** How deep module calls may nest; real configurations stay far below it. @internal */
export const MAX_MODULE_DEPTH = 32;
/** How many module instances one input may expand to. @internal */
export const MAX_MODULE_INSTANCES = 2000;

/** The pseudo rule of the findings about modules that were not followed. @internal */
export const MODULE_RULE = { id: 'ALI-IPV6-MOD', name: 'module-not-followed' } as const;

/** A finding made here, before the rules run: a module call that was not followed, and why. @internal */
export interface ModuleFinding {
  readonly level: 'info' | 'warning';
  /** The module call's address: `module.net`, `module.a.module.b`. */
  readonly address: string;
  readonly message: string;
  readonly fix: string;
  readonly file: string;
  readonly line?: number;
  readonly via?: string;
}

/** Where a provider configuration's region is decided. @internal */
export interface RegionOrigin {
  /** `var.region` (a root variable decides it), else the provider: `provider.alicloud`, `module.net.provider.alicloud.hk`. */
  readonly address: string;
  /** How it is decided: `provider "alicloud" at main.tf:20: region = var.region; var.region = "me-east-1", from terraform.tfvars:1`. */
  readonly text: string;
  readonly file: string;
  readonly line?: number;
}

/** A configuration input with its modules followed. @internal */
export interface ResolvedConfig {
  readonly doc: CheckDocument;
  readonly findings: readonly ModuleFinding[];
  /** Real address → the module calls that lead to it: `main.tf:12 module "net" → modules/net/main.tf:3`. */
  readonly via: ReadonlyMap<string, string>;
  /** Real address → where the known values substituted in its block came from. */
  readonly notes: ReadonlyMap<string, readonly string[]>;
  /** Real address → the alias of the provider configuration it uses in the document ('' = default). */
  readonly providerAlias: ReadonlyMap<string, string>;
  /** Provider alias in the document → where its region is decided. */
  readonly regionOrigins: ReadonlyMap<string, RegionOrigin>;
}

/** What `--var` and `--var-file` gave, in order, and the environment for `TF_VAR_`. @internal */
export interface ResolveOptions {
  readonly vars: readonly VarSource[];
  readonly env?: NodeJS.ProcessEnv;
}

/** A value and where it came from (undefined value: unknown). */
interface Val {
  readonly value: unknown;
  readonly note?: string;
  readonly origin?: Origin;
}

/** The binding of one module instance's `count.index` / `each.key` / `each.value`, for its call's arguments. */
interface Binding {
  readonly count?: number;
  readonly eachKey?: string;
  readonly eachValue?: unknown;
}

/** Where a module instance is called from: the calling scope, the call's body and block, its instance binding. */
interface Caller {
  readonly scope: ModuleScope;
  readonly call: Json;
  readonly callBlock?: BlockLines;
  readonly binding: Binding;
  readonly name: string;
}

/** One module call, expanded. */
interface Call {
  readonly name: string;
  readonly body: Json;
  readonly block?: BlockLines;
  /** Its instances, or why they are not known. */
  readonly instances: ModuleScope[] | 'not followed';
  readonly keyed: boolean;
}

const sanitize = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');
const at = (file: string, line?: number) => `${file}${line !== undefined ? `:${line}` : ''}`;
const quote = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v) : JSON.stringify(v) ?? String(v));

/** The sections of a module document as name → body (HCL gives lists of bodies, JSON objects). */
function section(doc: Json, key: string): Map<string, Json> {
  const out = new Map<string, Json>();
  const s = doc[key];
  for (const part of Array.isArray(s) ? s : [s]) {
    if (!isObject(part)) continue;
    for (const [name, v] of Object.entries(part)) {
      const body = Array.isArray(v) ? v[0] : v;
      if (isObject(body) && !out.has(name)) out.set(name, body);
    }
  }
  return out;
}

/** The locals of a module (one or more `locals` blocks). */
function locals(doc: Json): Map<string, unknown> {
  const out = new Map<string, unknown>();
  const s = doc.locals;
  for (const part of Array.isArray(s) ? s : [s]) {
    if (isObject(part)) for (const [k, v] of Object.entries(part)) if (!out.has(k)) out.set(k, v);
  }
  return out;
}

/** `.terraform/modules/modules.json` of an initialised root folder: module key → folder. */
function installedModules(rootDir: string): Map<string, { source: string; dir: string }> | undefined {
  const file = path.join(rootDir, '.terraform', 'modules', 'modules.json');
  if (!fs.existsSync(file)) return undefined;
  const json = parseJson(readText(file), file);
  const list = isObject(json) && Array.isArray(json.Modules) ? json.Modules : undefined;
  if (!list) throw new CheckInputError('is not a Terraform module manifest (expected { "Modules": [{ "Key", "Source", "Dir" }] }). Fix: run terraform init again', file);
  const out = new Map<string, { source: string; dir: string }>();
  for (const m of list) {
    if (isObject(m) && typeof m.Key === 'string' && typeof m.Dir === 'string') out.set(m.Key, { source: String(m.Source ?? ''), dir: path.join(rootDir, m.Dir) });
  }
  return out;
}

const isLocalSource = (source: string) => source.startsWith('./') || source.startsWith('../') || source === '.' || source === '..';

/** One module instance: its configuration and how its names resolve. */
class ModuleScope {
  /** Module-local block address → document address. */
  public readonly renames = new Map<string, string>();
  /** Module-local provider key (`alicloud`, `alicloud.hk`) → document alias ('' = default), undefined = not passed. */
  public readonly providers = new Map<string, string | undefined>();
  private readonly calls = new Map<string, Call | 'building'>();
  private readonly varCache = new Map<string, Val | 'building'>();
  private readonly localCache = new Map<string, Val | 'building'>();
  private readonly outputCache = new Map<string, Val | 'building'>();
  public readonly localValues: Map<string, unknown>;

  constructor(
    public readonly flat: Flattener,
    /** '' for the root, `module.net`, `module.net["a"].module.db`. */
    public readonly address: string,
    /** Document-name prefix: '', `net__`, `net__a__db__`. */
    public readonly prefix: string,
    public readonly dir: string,
    public readonly files: readonly string[],
    public readonly cdoc: CheckDocument,
    public readonly blocks: readonly BlockLines[],
    public readonly depth: number,
    /** `main.tf:12 module "net" → ` for what is in this module; '' for the root. */
    public readonly chain: string,
    public readonly parent?: Caller,
    /** The real folders of the modules on the way here (cycles). */
    public readonly folders: readonly string[] = [],
  ) {
    this.localValues = locals(cdoc.doc);
  }

  public get doc(): Json {
    return this.cdoc.doc;
  }

  /** The variables of this module that `var.<name>` means (root: the values of values.ts). */
  public variable(name: string): Val | undefined {
    return this.memo(this.varCache, name, () => {
      if (!this.parent) {
        const v = this.flat.rootValues.get(name);
        return v && v.value !== undefined ? { value: v.value, origin: v.origin, note: `var.${name} = ${quote(v.value)}, ${v.origin.text}` } : undefined;
      }
      const declared = section(this.doc, 'variable').get(name);
      const { scope, call, callBlock, binding } = this.parent;
      if (Object.prototype.hasOwnProperty.call(call, name)) {
        const notes: string[] = [];
        const value = scope.evaluate(call[name], binding, notes);
        const line = callBlock?.args.get(name) ?? callBlock?.line;
        const where = at(callBlock?.file ?? scope.dir, line);
        return {
          value,
          origin: { text: `the argument of ${this.address} at ${where}${notes.length ? ` (${notes.join('; ')})` : ''}`, file: callBlock?.file, line },
          note: hasExpression(value) ? undefined : `var.${name} = ${quote(value)} in ${this.address}, the argument at ${where}${notes.length ? ` (${notes.join('; ')})` : ''}`,
        };
      }
      if (declared && 'default' in declared && declared.default !== null) {
        const block = this.blocks.find((b) => b.kind === 'variable' && b.labels[0] === name);
        const line = block?.args.get('default') ?? block?.line;
        const where = at(block?.file ?? this.dir, line);
        return { value: declared.default, origin: { text: `the default at ${where}`, file: block?.file, line }, note: `var.${name} = ${quote(declared.default)} in ${this.address}, the default at ${where}` };
      }
      return undefined;
    });
  }

  public local(name: string): Val | undefined {
    return this.memo(this.localCache, name, () => {
      if (!this.localValues.has(name)) return undefined;
      const notes: string[] = [];
      const value = this.evaluate(this.localValues.get(name), {}, notes);
      return { value, note: hasExpression(value) ? undefined : `local.${name} = ${quote(value)}${notes.length ? ` (${notes.join('; ')})` : ''}` };
    });
  }

  public output(name: string): Val | undefined {
    return this.memo(this.outputCache, name, () => {
      const out = section(this.doc, 'output').get(name);
      if (!out || !('value' in out)) return undefined;
      const notes: string[] = [];
      const value = this.evaluate(out.value, {}, notes);
      return { value, note: hasExpression(value) ? undefined : `${this.address}.${name} = ${quote(value)}${notes.length ? ` (${notes.join('; ')})` : ''}` };
    });
  }

  private memo(cache: Map<string, Val | 'building'>, key: string, make: () => Val | undefined): Val | undefined {
    const hit = cache.get(key);
    if (hit === 'building') return undefined; // a cycle: unknown
    if (hit !== undefined) return hit;
    cache.set(key, 'building');
    const v = make();
    if (v === undefined) cache.delete(key);
    else cache.set(key, v);
    return v;
  }

  /** The expanded module call `name` of this module (built on first use, so sibling outputs resolve in any order). */
  public call(name: string): Call | undefined {
    const hit = this.calls.get(name);
    if (hit === 'building') return undefined;
    if (hit) return hit;
    const body = section(this.doc, 'module').get(name);
    if (!body) return undefined;
    this.calls.set(name, 'building');
    const c = this.flat.expand(this, name, body);
    this.calls.set(name, c);
    return c;
  }

  public callNames(): string[] {
    return [...section(this.doc, 'module').keys()];
  }

  /** What a reference means here, when it is known. */
  public lookup(ref: Reference, binding: Binding): Val | undefined {
    const [first, ...rest] = ref.steps;
    const follow = (v: Val | undefined, steps: ReadonlyArray<string | number>, text: string): Val | undefined => {
      if (!v) return undefined;
      if (steps.length === 0) return v;
      const inner = wholeReference(v.value);
      if (inner !== undefined) return { value: `\${${inner}${referenceText('', steps)}}` };
      const found = valueAt(v.value, steps);
      if (!found) return undefined;
      return { value: found.value, note: hasExpression(found.value) ? undefined : `${text} = ${quote(found.value)}${v.origin ? `, ${v.origin.text}` : v.note ? ` (${v.note})` : ''}` };
    };
    switch (ref.head) {
      case 'var': return typeof first === 'string' ? follow(this.variable(first), rest, referenceText('var', ref.steps)) : undefined;
      case 'local': return typeof first === 'string' ? follow(this.local(first), rest, referenceText('local', ref.steps)) : undefined;
      case 'each':
        if (binding.eachKey === undefined) return undefined;
        if (first === 'key') return rest.length === 0 ? { value: binding.eachKey } : undefined;
        if (first === 'value') return follow({ value: binding.eachValue }, rest, referenceText('each', ref.steps));
        return undefined;
      case 'count':
        return first === 'index' && binding.count !== undefined && rest.length === 0 ? { value: binding.count } : undefined;
      case 'module': {
        if (typeof first !== 'string') return undefined;
        const c = this.call(first);
        if (!c || c.instances === 'not followed') return undefined;
        let steps = rest;
        let instance: ModuleScope | undefined;
        if (c.keyed) {
          // `module.net[0].out`, `module.net["a"].out`; `module.net.out` of a keyed call is a list or map: not one value
          instance = c.instances.find((i) => i.key === steps[0]);
          steps = steps.slice(1);
        } else {
          instance = c.instances[0];
        }
        const [out, ...after] = steps;
        if (typeof out !== 'string' || !instance) return undefined;
        return follow(instance.output(out), after, referenceText('module', ref.steps));
      }
      default: return undefined;
    }
  }

  /** The instance key of this module (`count.index` or `each.key`), when its call has one. */
  public get key(): string | number | undefined {
    return this.parent?.binding.eachKey ?? this.parent?.binding.count;
  }

  /** Renames a module-local resource address to its document address. */
  public rename(address: string): string | undefined {
    return this.renames.get(address);
  }

  /** A value of this module's configuration with what is known substituted; `notes` collects where known values came from. */
  public evaluate(value: unknown, binding: Binding, notes: string[]): unknown {
    if (typeof value === 'string') return this.evaluateString(value, binding, notes);
    if (Array.isArray(value)) return value.map((v) => this.evaluate(v, binding, notes));
    if (isObject(value)) {
      const out: Json = {};
      for (const [k, v] of Object.entries(value)) out[k] = this.evaluate(v, binding, notes);
      return out;
    }
    return value;
  }

  private evaluateString(s: string, binding: Binding, notes: string[]): unknown {
    const parts = splitTemplate(s);
    if (!parts.some((p) => 'expression' in p)) return s;
    const resolve = (expression: string): Val | undefined => {
      const ref = parseReference(expression);
      return ref ? this.lookup(ref, binding) : undefined;
    };
    const renamed = (expression: string) => `\${${renameReferences(expression, (a) => this.rename(a))}}`;
    if (parts.length === 1 && 'expression' in parts[0]) {
      const expression = parts[0].expression;
      const v = resolve(expression);
      if (v !== undefined) {
        if (v.note) notes.push(v.note);
        return structuredClone(v.value);
      }
      // `var.create ? 1 : 0` with a known condition
      const used: string[] = [];
      const c = simpleConditional(expression, (ref) => {
        const r = resolve(ref);
        if (r?.note) used.push(r.note);
        return r;
      });
      if (c === undefined) return renamed(expression);
      notes.push(...used);
      return structuredClone(c.value);
    }
    let out = '';
    for (const p of parts) {
      if ('literal' in p) {
        out += p.literal;
        continue;
      }
      const v = resolve(p.expression);
      if (v && (typeof v.value === 'string' || typeof v.value === 'number' || typeof v.value === 'boolean')) {
        if (v.note) notes.push(v.note);
        out += String(v.value);
      } else {
        out += renamed(p.expression);
      }
    }
    return out;
  }
}

/** Builds the flat document from the root module and the modules it calls. */
class Flattener {
  public readonly findings: ModuleFinding[] = [];
  public readonly scopes: ModuleScope[] = [];
  private readonly taken = new Set<string>();
  private installed: Map<string, { source: string; dir: string }> | undefined | null = null;
  /** Module folders read so far (each read once, however often it is called). */
  public readonly loaded = new Map<string, { files: string[]; cdoc: CheckDocument; blocks: BlockLines[] }>();

  constructor(public readonly rootDir: string, public readonly rootValues: ReadonlyMap<string, VariableValue>) {}

  private manifest(): Map<string, { source: string; dir: string }> | undefined {
    if (this.installed === null) this.installed = installedModules(this.rootDir);
    return this.installed;
  }

  /** Registers a module instance: document names for its blocks. */
  public register(scope: ModuleScope): void {
    if (this.scopes.length >= MAX_MODULE_INSTANCES) {
      const call = scope.parent?.callBlock;
      throw new CheckInputError(`the configuration expands to more than ${MAX_MODULE_INSTANCES} module instances (at ${scope.address}); real configurations stay far below it. Fix: check the plan JSON instead (terraform show -json)`, call?.file ?? scope.dir, call?.line);
    }
    this.scopes.push(scope);
    for (const kind of BLOCK_KINDS) {
      const s = scope.doc[kind];
      if (!isObject(s)) continue;
      for (const [type, named] of Object.entries(s)) {
        if (!isObject(named)) continue;
        for (const name of Object.keys(named)) {
          const base = scope.prefix ? sanitize(`${scope.prefix}${name}`) : name;
          let docName = base;
          for (let n = 2; this.taken.has(blockAddress(kind, type, docName)); n++) docName = `${base}_${n}`;
          this.taken.add(blockAddress(kind, type, docName));
          scope.renames.set(blockAddress(kind, type, name), blockAddress(kind, type, docName));
        }
      }
    }
  }

  /** Expands a module call of `scope`: its instances, or a finding saying why they are not followed. */
  public expand(scope: ModuleScope, name: string, body: Json): Call {
    const address = `${scope.address ? `${scope.address}.` : ''}module.${name}`;
    const block = scope.blocks.find((b) => b.kind === 'module' && b.labels[0] === name);
    const where = at(block?.file ?? scope.dir, block?.line);
    const via = scope.chain ? `${scope.chain}${where}` : undefined;
    const notFollowed = (level: ModuleFinding['level'], message: string, fix: string, line = block?.line): Call => {
      const file = block?.file ?? scope.dir;
      this.findings.push({ level, address, message, fix, file, ...(line !== undefined ? { line } : {}), ...(via ? { via } : {}) });
      return { name, body, block, instances: 'not followed', keyed: false };
    };
    const source = typeof body.source === 'string' ? body.source : undefined;
    if (source === undefined || hasExpression(source)) {
      return notFollowed('warning', `Cannot verify the resources of ${address}: its source is ${source === undefined ? 'missing' : `the expression ${source}`}, so the module was not read and its resources were not checked`,
        'give the module a literal source, or check the plan JSON (terraform plan -out plan.out && terraform show -json plan.out > plan.json)');
    }
    const staticNames = [...scope.address.matchAll(/module\.([\w-]+)/g)].map((m) => m[1]).concat(name);
    let dir: string;
    if (isLocalSource(source)) {
      dir = path.join(scope.dir, source);
    } else {
      const manifest = this.manifest();
      const entry = manifest?.get(staticNames.join('.'));
      if (!entry) {
        const init = manifest ? 'it is not in .terraform/modules/modules.json (the folder was initialised before this module call was added)' : 'the folder was not initialised (no .terraform/modules/modules.json)';
        return notFollowed('info', `${address} (source "${source}") was not followed: ${init}, so the resources of the module were not checked`,
          `run terraform init in ${this.rootDir} and check again (check reads the modules terraform init downloads), or check the plan JSON (terraform plan -out plan.out && terraform show -json plan.out > plan.json)`);
      }
      dir = entry.dir;
      if (!fs.existsSync(dir)) {
        return notFollowed('info', `${address} (source "${source}") was not followed: .terraform/modules/modules.json names the folder ${dir}, which does not exist, so the resources of the module were not checked`,
          `run terraform init in ${this.rootDir} again and check again, or check the plan JSON (terraform show -json)`);
      }
    }
    let real: string;
    try {
      real = fs.realpathSync(dir);
    } catch (e) {
      throw new CheckInputError(`module "${name}": cannot read its source folder ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); Terraform fails with "Unreadable module directory". Fix: correct source = "${source}"`, block?.file ?? scope.dir, block?.line);
    }
    if (scope.folders.includes(real)) {
      throw new CheckInputError(`module "${name}" (source "${source}") calls a module that is already on its own call chain (${[...scope.folders, real].map((f) => path.relative(scope.folders[0] ?? this.rootDir, f) || '.').join(' → ')}): a module cannot call itself. Fix: remove the cycle`, block?.file ?? scope.dir, block?.line);
    }
    if (scope.depth + 1 > MAX_MODULE_DEPTH) {
      throw new CheckInputError(`module "${name}" nests modules more than ${MAX_MODULE_DEPTH} levels deep (${address}); real configurations stay far below it. Fix: check the plan JSON instead (terraform show -json)`, block?.file ?? scope.dir, block?.line);
    }
    // Its instances: count and for_each, evaluated in the caller.
    let bindings: Array<{ key: string; binding: Binding }> = [{ key: '', binding: {} }];
    let keyed = false;
    const meta = 'for_each' in body ? 'for_each' : 'count' in body ? 'count' : undefined;
    if (meta) {
      keyed = true;
      const raw = body[meta];
      const value = literalSetCall(raw) ?? scope.evaluate(raw, {}, []);
      const metaLine = block?.args.get(meta) ?? block?.line;
      const unknownMeta = () => notFollowed('warning',
        `Cannot verify the resources of ${address}: its ${meta} is ${typeof raw === 'string' ? `the expression ${raw}` : JSON.stringify(raw)}, known only at apply time, so its instances and their resources were not checked`,
        `give ${meta} a literal value (or a variable with a known value), or check the plan JSON (terraform plan -out plan.out && terraform show -json plan.out > plan.json)`, metaLine);
      if (meta === 'count') {
        const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
        if (!Number.isInteger(n) || n < 0) return unknownMeta();
        bindings = Array.from({ length: n }, (_v, i) => ({ key: `[${i}]`, binding: { count: i } }));
      } else if (Array.isArray(value) && value.every((v) => typeof v === 'string' && !hasExpression(v))) {
        bindings = [...new Set(value as string[])].map((k) => ({ key: `[${JSON.stringify(k)}]`, binding: { eachKey: k, eachValue: k } }));
      } else if (isObject(value) && !Object.keys(value).some(hasExpression)) {
        bindings = Object.entries(value).map(([k, v]) => ({ key: `[${JSON.stringify(k)}]`, binding: { eachKey: k, eachValue: v } }));
      } else {
        return unknownMeta();
      }
    }
    return { name, body, block, instances: this.instances(scope, name, body, block, dir, real, bindings, address, source), keyed };
  }

  /** The scopes of a call's instances (read once per folder and call, registered in order). */
  private instances(scope: ModuleScope, name: string, body: Json, block: BlockLines | undefined, dir: string, real: string,
    bindings: Array<{ key: string; binding: Binding }>, address: string, source: string): ModuleScope[] {
    if (terraformFiles(dir, 'hcl').length === 0) {
      throw new CheckInputError(`module "${name}" (source "${source}"): the folder ${dir} has no Terraform files (*.tf, *.tf.json). Fix: correct the source`, block?.file ?? scope.dir, block?.line);
    }
    const loaded = this.loaded.get(dir);
    if (!loaded) throw new Error(`internal: module folder ${dir} was not read before expansion`);
    const where = at(block?.file ?? scope.dir, block?.line);
    return bindings.map(({ key, binding }) => {
      const child = new ModuleScope(this, `${address}${key}`,
        `${scope.prefix}${name}${key ? `__${sanitize(key.replace(/^\["?|"?\]$/g, ''))}` : ''}__`,
        dir, loaded.files, loaded.cdoc, loaded.blocks, scope.depth + 1, `${scope.chain}${where} module "${name}" → `,
        { scope, call: body, callBlock: block, binding, name }, [...scope.folders, real]);
      this.register(child);
      return child;
    });
  }

  /** Reads the module folders a scope calls (before expansion, which is synchronous), depth first. */
  public async preload(scope: ModuleScope, seen: readonly string[]): Promise<void> {
    for (const name of scope.callNames()) {
      const body = section(scope.doc, 'module').get(name)!;
      const source = typeof body.source === 'string' ? body.source : undefined;
      if (source === undefined || hasExpression(source)) continue;
      const staticNames = [...scope.address.matchAll(/module\.([\w-]+)/g)].map((m) => m[1]).concat(name);
      let dir: string | undefined;
      if (isLocalSource(source)) dir = path.join(scope.dir, source);
      else dir = this.manifest()?.get(staticNames.join('.'))?.dir;
      if (!dir || !fs.existsSync(dir) || this.loaded.has(dir)) continue;
      let real: string;
      try {
        real = fs.realpathSync(dir);
      } catch {
        continue; // expand() reports it
      }
      if (seen.includes(real) || scope.depth + 1 > MAX_MODULE_DEPTH) continue; // expand() reports it
      let stat: fs.Stats;
      try {
        stat = fs.statSync(dir);
      } catch {
        continue;
      }
      if (!stat.isDirectory()) continue;
      const files = terraformFiles(dir, 'hcl');
      if (files.length === 0) continue;
      const cdoc = await configDocument(dir, files, 'hcl');
      const loaded = { files, cdoc, blocks: moduleBlocks(files, cdoc.doc) };
      this.loaded.set(dir, loaded);
      const probe = new ModuleScope(this, `${scope.address ? `${scope.address}.` : ''}module.${name}`, '', dir, files, cdoc, loaded.blocks, scope.depth + 1, '', undefined, [...seen, real]);
      await this.preload(probe, [...seen, real]);
    }
  }
}

/** The provider key a block uses in its module: `alicloud` or `alicloud.<alias>`. */
function providerKeyOf(body: Json): string {
  const p = body.provider;
  return typeof p === 'string' && /^alicloud\.[\w-]+$/.test(p) ? p : 'alicloud';
}

/** Maps a module's provider keys to document aliases: its own provider blocks, else the call's `providers`, else the default inherited. */
function bindProviders(scope: ModuleScope, configs: ReadonlyArray<{ key: string; alias: string }>): void {
  for (const c of configs) scope.providers.set(c.key, c.alias);
  if (!scope.parent) {
    if (!scope.providers.has('alicloud')) scope.providers.set('alicloud', '');
    return;
  }
  const { scope: parent, call } = scope.parent;
  const passed = isObject(call.providers) ? call.providers : undefined;
  if (passed) {
    for (const [k, v] of Object.entries(passed)) {
      if (!k.startsWith('alicloud') || scope.providers.has(k)) continue;
      const target = typeof v === 'string' ? v.replace(/^\$\{\s*|\s*\}$/g, '') : '';
      if (/^alicloud(\.[\w-]+)?$/.test(target)) scope.providers.set(k, parent.providers.get(target));
    }
  }
  // the default configuration is inherited when the call does not pass one
  if (!scope.providers.has('alicloud')) scope.providers.set('alicloud', parent.providers.get('alicloud'));
}

/**
 * Follows the modules of a configuration input (an HCL or JSON folder, or one file) and substitutes the known
 * values. `rootDir` is the root module's folder (for `.terraform/modules` and the variable files).
 * @internal
 */
export async function resolveConfig(
  root: CheckDocument, rootDir: string, rootFiles: readonly string[], options: ResolveOptions,
): Promise<ResolvedConfig> {
  const blocks = moduleBlocks(rootFiles, root.doc);
  const variables = isObject(root.doc.variable) ? root.doc.variable : {};
  const values = await rootVariableValues(rootDir, variables, blocks, options.vars, options.env ?? process.env);
  const flat = new Flattener(rootDir, values);
  let rootReal = rootDir;
  try {
    rootReal = fs.realpathSync(rootDir);
  } catch {
    // the input was read: keep the path as given
  }
  const rootScope = new ModuleScope(flat, '', '', rootDir, rootFiles, root, blocks, 0, '', undefined, [rootReal]);
  flat.register(rootScope);
  await flat.preload(rootScope, [rootReal]);
  // Expand every call, depth first (outputs of siblings expand on demand).
  const expandAll = (scope: ModuleScope) => {
    for (const name of scope.callNames()) {
      const c = scope.call(name);
      if (c && c.instances !== 'not followed') for (const i of c.instances) expandAll(i);
    }
  };
  expandAll(rootScope);

  const out: Json = {};
  for (const [k, v] of Object.entries(root.doc)) if (!(BLOCK_KINDS as readonly string[]).includes(k) && k !== 'provider' && k !== 'module') out[k] = v;
  const providerConfigs: Json[] = [];
  const regionOrigins = new Map<string, RegionOrigin>();
  const addresses = new Map<string, string>();
  const locations = new Map<string, SourceLocation>();
  const skips = new Map<string, Skip[]>();
  const via = new Map<string, string>();
  const notes = new Map<string, string[]>();
  const providerAlias = new Map<string, string>();

  for (const scope of flat.scopes) {
    // Provider configurations of this module.
    const raw = scope.doc.provider?.alicloud;
    const list: unknown[] = Array.isArray(raw) ? raw : raw !== undefined ? [raw] : [];
    const providerBlocks = scope.blocks.filter((b) => b.kind === 'provider' && b.labels[0] === 'alicloud');
    const configs: Array<{ key: string; alias: string }> = [];
    list.forEach((c, i) => {
      if (!isObject(c)) return;
      const localAlias = typeof c.alias === 'string' ? c.alias : '';
      const docAlias = scope.address ? `${scope.address}${localAlias ? `.${localAlias}` : ''}` : localAlias;
      const notesHere: string[] = [];
      const body = scope.evaluate(c, {}, notesHere) as Json;
      if (docAlias) body.alias = docAlias;
      else delete body.alias;
      providerConfigs.push(body);
      configs.push({ key: localAlias ? `alicloud.${localAlias}` : 'alicloud', alias: docAlias });
      if (!regionOrigins.has(docAlias)) regionOrigins.set(docAlias, regionOrigin(scope, c, providerBlocks[i], localAlias, flat.rootValues));
    });
    bindProviders(scope, configs);

    // Blocks.
    for (const kind of BLOCK_KINDS) {
      const s = scope.doc[kind];
      if (!isObject(s)) continue;
      for (const [type, named] of Object.entries(s)) {
        if (!isObject(named)) continue;
        for (const [name, rawBody] of Object.entries(named)) {
          const body0 = Array.isArray(rawBody) ? rawBody[0] : rawBody;
          if (!isObject(body0)) continue;
          const local = blockAddress(kind as BlockKind, type, name);
          const docAddress = scope.rename(local) ?? local;
          const real = scope.address ? `${scope.address}.${local}` : local;
          const blockNotes: string[] = [];
          const body = scope.evaluate(body0, {}, blockNotes) as Json;
          // `count = 0` or an empty `for_each` (once the values are known): Terraform creates no instance of it
          if (noInstances(body)) continue;
          if (Array.isArray(body.depends_on)) body.depends_on = body.depends_on.map((d: unknown) => (typeof d === 'string' ? scope.rename(d) ?? d : d));
          if (type.startsWith('alicloud_') || body.provider !== undefined) {
            const key = providerKeyOf(body0);
            const alias = scope.providers.get(key);
            if (alias === undefined) {
              // an alias with no configuration: the rules say so ("no alicloud provider has alias ...")
              if (scope.parent) body.provider = `alicloud.${key.replace(/^alicloud\.?/, '') || 'default'} (not passed to ${scope.address})`;
            } else {
              if (alias) body.provider = `alicloud.${alias}`;
              else delete body.provider;
              providerAlias.set(real, alias);
            }
          }
          const [docKind, docType, docName] = splitDocAddress(docAddress, kind as BlockKind, type);
          ((out[docKind] ??= {})[docType] ??= {})[docName] = body;
          if (docAddress !== real) addresses.set(docAddress, real);
          const loc = scope.cdoc.locations.get(local);
          if (loc) locations.set(docAddress, loc);
          const sk = scope.cdoc.skips.get(local);
          if (sk) skips.set(docAddress, [...sk]);
          if (scope.chain) via.set(real, `${scope.chain}${at(loc?.file ?? scope.dir, loc?.line)}`);
          if (blockNotes.length > 0) notes.set(real, [...new Set(blockNotes)]);
        }
      }
    }
  }
  if (providerConfigs.length > 0) out.provider = { ...(isObject(root.doc.provider) ? root.doc.provider : {}), alicloud: providerConfigs };
  else if (root.doc.provider !== undefined) out.provider = root.doc.provider;
  const doc: CheckDocument = { ...root, doc: out, addresses, locations, skips };
  return { doc, findings: flat.findings, via, notes, providerAlias, regionOrigins };
}

/** Whether a block's known `count` is 0 or its known `for_each` is empty. */
function noInstances(body: Json): boolean {
  const count = body.count;
  if (count === 0 || count === '0') return true;
  const each = literalSetCall(body.for_each) ?? body.for_each;
  return (Array.isArray(each) && each.length === 0) || (isObject(each) && Object.keys(each).length === 0);
}

function splitDocAddress(address: string, kind: BlockKind, type: string): [BlockKind, string, string] {
  const prefix = kind === 'data' ? `data.${type}.` : `${type}.`;
  return [kind, type, address.slice(prefix.length)];
}

/** Where the region of a provider configuration is decided, and how. */
function regionOrigin(
  scope: ModuleScope, config: Json, block: BlockLines | undefined, localAlias: string, rootValues: ReadonlyMap<string, VariableValue>,
): RegionOrigin {
  const name = `provider "alicloud"${localAlias ? ` (alias "${localAlias}")` : ''}${scope.address ? ` in ${scope.address}` : ''}`;
  const address = `${scope.address ? `${scope.address}.` : ''}provider.alicloud${localAlias ? `.${localAlias}` : ''}`;
  const file = block?.file ?? scope.dir;
  const regionLine = block?.args.get('region');
  const region = config.region;
  if (region === undefined || region === null || region === '') {
    return { address, text: `${name} at ${at(file, block?.line)} sets no region`, file, line: block?.line };
  }
  const here = `${name} at ${at(file, regionLine ?? block?.line)}`;
  const ref = wholeReference(region);
  if (ref === undefined) {
    return hasExpression(region)
      ? { address, text: `${here}: region = ${region}`, file, line: regionLine ?? block?.line }
      : { address, text: `${here}: region = ${quote(region)}`, file, line: regionLine ?? block?.line };
  }
  const parsed = parseReference(ref)!;
  if (!scope.parent && parsed.head === 'var' && parsed.steps.length === 1 && typeof parsed.steps[0] === 'string') {
    const v = rootValues.get(parsed.steps[0]);
    const varName = `var.${parsed.steps[0]}`;
    if (v) {
      const text = v.value !== undefined ? `${here}: region = ${varName}; ${varName} = ${quote(v.value)}, ${v.origin.text}` : `${here}: region = ${varName}; ${v.origin.text}`;
      return { address: varName, text, file: v.origin.file ?? file, line: v.origin.file ? v.origin.line : regionLine ?? block?.line };
    }
  }
  const v = scope.lookup(parsed, {});
  if (v && !hasExpression(v.value)) {
    const from = v.origin ?? { text: v.note ?? '' };
    return { address, text: `${here}: region = ${ref}; ${v.note ?? `${ref} = ${quote(v.value)}, ${from.text}`}`, file: from.file ?? file, line: from.file ? from.line : regionLine ?? block?.line };
  }
  return { address, text: `${here}: region = ${ref}, not known before apply`, file, line: regionLine ?? block?.line };
}
