/**
 * Two CDK cores never meet silently (issue 19). The library's constructs are compiled against one core (FLAVOUR.core)
 * and register the rule pack with that core's `Aspects`, which keeps aspects under a per-copy symbol; a stack of
 * another core (or of a second copy of the same core in node_modules) never runs them, and its synthesizer calls
 * methods our elements do not have. So every public construct asks here first whether its stack and app belong to
 * the core this library loaded, and a foreign one is refused with one error that names both cores, where each was
 * loaded from, and the fix.
 *
 * The decision is made once per stack (a WeakMap); a construct then pays one walk up to its stack and one map lookup.
 * The cores recognise each other's stacks and apps by the brands they share (Symbol.for of cdktf/TerraformStack and
 * cdktf/App, in both cores); whether a stack is OURS is `instanceof` on the classes this library imported, which is
 * exactly what fails for a foreign copy.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { FLAVOUR } from './flavour';

/**
 * The prefix of the brands both cores put on their stacks and apps: the original core's name, the same in every copy of
 * either core and in both builds of this library. Written in two pieces because the other build rewrites the core's
 * module specifiers (a string literal that is the core's name, alone or with a `/path`), and these are not specifiers.
 */
const CORE_BRAND_PREFIX = 'cdk' + 'tf/';
const STACK_BRAND = Symbol.for(`${CORE_BRAND_PREFIX}TerraformStack`);
const APP_BRAND = Symbol.for(`${CORE_BRAND_PREFIX}App`);
/** jsii's runtime type information on every exported class of a core: `{ fqn: '<core>.TerraformStack', version }`. */
const JSII_RTTI = Symbol.for('jsii.rtti');

/** The verdict on a stack or app: ours (nothing to say), or foreign, with the error to throw. */
type Verdict = { readonly foreign: false } | { readonly foreign: true; readonly describe: (where: string) => string };

/** Stacks and apps already judged (the decision is made once per stack). */
const verdicts = new WeakMap<object, Verdict>();

/** A core as the message names it. */
interface CoreCopy {
  /** The npm name, from the class's jsii type information (or the package.json found beside it). */
  readonly name: string;
  readonly version: string;
  /** The package folder it was loaded from, or undefined when it cannot be found. */
  readonly dir?: string;
}

function isBranded(x: unknown, brand: symbol): boolean {
  return x !== null && typeof x === 'object' && brand in x;
}

/**
 * Throws the mixed-core error when the stack (or app) of `scope` was made with another core than the one this
 * library loaded, or with a second copy of it. Does nothing for a scope outside any stack or app (the construct's
 * own checks report that), nor for a stack of this library's core.
 *
 * @param scope the construct being created (or its scope)
 * @param construct the class name, for the message (e.g. `DualStackVpc`)
 */
export function assertSameCore(scope: IConstruct, construct: string): void {
  let stack: IConstruct | undefined;
  // Walk up to the nearest stack or app: a few parents, two `in` checks each.
  for (let c: IConstruct | undefined = scope; c !== undefined; c = c.node.scope) {
    if (isBranded(c, STACK_BRAND) || isBranded(c, APP_BRAND)) {
      stack = c;
      break;
    }
  }
  if (stack === undefined) return;
  let verdict = verdicts.get(stack);
  if (verdict === undefined) {
    verdict = judge(stack);
    verdicts.set(stack, verdict);
  }
  if (verdict.foreign) {
    const message = verdict.describe(`${construct} at '${scope.node.path}'`);
    // the refused construct leaves the tree: a caller that catches the error cannot synthesize it unchecked
    if (scope !== stack) scope.node.scope?.node.tryRemoveChild(scope.node.id);
    throw new Error(message);
  }
}

/** Whether a stack (and the app above it) are this library's core; when not, how to say so. */
function judge(stackOrApp: IConstruct): Verdict {
  const root = stackOrApp.node.root;
  const candidates: object[] = [stackOrApp];
  if (root !== stackOrApp && isBranded(root, APP_BRAND)) candidates.push(root);
  for (const x of candidates) {
    const ours = isBranded(x, STACK_BRAND) ? x instanceof TerraformStack : x instanceof App;
    if (ours) continue;
    const kind = isBranded(x, STACK_BRAND) ? 'stack' : 'app';
    const label = kind === 'stack' ? `stack '${(x as IConstruct).node.path}'` : 'app';
    return { foreign: true, describe: (where) => mixedCoreMessage(where, label, foreignCore(x, kind), ownCore()) };
  }
  return { foreign: false };
}

/**
 * The error text. Exported for the README test and the docs.
 * @internal
 */
export function mixedCoreMessage(where: string, label: string, foreign: CoreCopy, own: CoreCopy): string {
  const at = (copy: CoreCopy) => (copy.dir ? `loaded from ${copy.dir}` : 'loaded from a place not found in the module cache');
  const ownText = `${FLAVOUR.packageName} is built on ${FLAVOUR.core} ${own.version} (${at(own)})`;
  if (foreign.name === FLAVOUR.core) {
    return `${where}: its ${label} was made with another copy of ${foreign.name} ${foreign.version} (${at(foreign)}), but ${ownText}. `
      + 'Two copies of one core share no aspects and no classes: the IPv6 rule pack would never run and synthesis would fail inside the core. '
      + `Fix: keep one copy of ${FLAVOUR.core} in node_modules: run \`npm ls ${FLAVOUR.core}\` to see both, give them one version (then \`npm dedupe\`), `
      + 'and create the app and its stacks with that copy.';
  }
  const fix = foreign.name === FLAVOUR.otherCore
    ? `install ${FLAVOUR.otherPackageName} (this library built for ${FLAVOUR.otherCore}) and import the constructs from it, or build the app with ${FLAVOUR.core}`
    : `build the app with ${FLAVOUR.core}, or use a build of this library for ${foreign.name}`;
  return `${where}: its ${label} was made with ${foreign.name} ${foreign.version} (${at(foreign)}), but ${ownText}. `
    + 'Constructs of one CDK core cannot be used in an app or stack of another: the IPv6 rule pack would never run and synthesis would fail inside the core. '
    + `Fix: ${fix}.`;
}

/** The core this library imported: the package folder and version of the module that exports our TerraformStack. */
function ownCore(): CoreCopy {
  const found = loadedCoreOf(TerraformStack.prototype, FLAVOUR.core);
  if (found) return found;
  try {
    const pkg = require.resolve(`${FLAVOUR.core}/package.json`);
    return { name: FLAVOUR.core, version: readVersion(path.dirname(pkg)) ?? versionFromRtti(TerraformStack) ?? 'of unknown version', dir: path.dirname(pkg) };
  } catch {
    return { name: FLAVOUR.core, version: versionFromRtti(TerraformStack) ?? 'of unknown version' };
  }
}

/** The core of a foreign stack or app: its name and version from jsii's type information, its folder from the module cache. */
function foreignCore(x: object, kind: 'stack' | 'app'): CoreCopy {
  const wanted = kind === 'stack' ? 'TerraformStack' : 'App';
  let name: string | undefined;
  let version: string | undefined;
  for (let p = Object.getPrototypeOf(x); p !== null && name === undefined; p = Object.getPrototypeOf(p)) {
    const rtti = rttiOf(p.constructor);
    if (rtti && rtti.fqn.endsWith(`.${wanted}`)) {
      name = rtti.fqn.slice(0, -wanted.length - 1);
      version = rtti.version;
    }
  }
  const found = loadedCoreOf(x, name);
  if (found) return found;
  return { name: name ?? 'an unknown CDK core', version: version ?? 'of unknown version' };
}

/**
 * A loaded core whose `TerraformStack` or `App` prototype is in the prototype chain of `x`: scans the module cache
 * (`require.cache`) for `<core>/lib/index.js`. `name` narrows the scan when known.
 */
function loadedCoreOf(x: object, name: string | undefined): CoreCopy | undefined {
  let cache: Record<string, NodeModule | undefined>;
  try {
    cache = require.cache;
  } catch {
    return undefined;
  }
  const index = /^(.*[\\/][^\\/]+)[\\/]lib[\\/]index\.js$/;
  for (const file of Object.keys(cache ?? {})) {
    const m = index.exec(file);
    if (!m || (name !== undefined && path.basename(m[1]) !== name)) continue;
    let exported: any;
    try {
      exported = cache[file]?.exports;
    } catch {
      continue;
    }
    const classes = [exported?.TerraformStack, exported?.App].filter((k) => typeof k === 'function');
    if (!classes.some((k) => Object.prototype.isPrototypeOf.call(k.prototype, x) || k.prototype === x)) continue;
    const dir = m[1];
    return { name: path.basename(dir), version: readVersion(dir) ?? versionFromRtti(classes[0]) ?? 'of unknown version', dir };
  }
  return undefined;
}

function rttiOf(ctor: unknown): { fqn: string; version: string } | undefined {
  const rtti = typeof ctor === 'function' ? (ctor as any)[JSII_RTTI] : undefined;
  return rtti && typeof rtti.fqn === 'string' && typeof rtti.version === 'string' ? rtti : undefined;
}

function versionFromRtti(ctor: unknown): string | undefined {
  return rttiOf(ctor)?.version;
}

function readVersion(dir: string): string | undefined {
  try {
    const v = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf-8')).version;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
