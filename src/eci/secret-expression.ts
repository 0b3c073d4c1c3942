/**
 * Decides whether a secret value (a registry password, a `secretEnvironment` value) is safe, from the Terraform
 * expression it resolves to (`${var.pw}`, `${trimspace(local.pw)}`, `abc${var.pw}`).
 *
 * A secret is accepted only when its expression
 * - has no literal text outside function names and operators (literal text is written to `cdk.tf.json`; the empty
 *   string `""` and the keywords `true`, `false`, `null` carry no text and are allowed),
 * - references at least one value, and
 * - references only sensitive values: a variable with `sensitive = true`, an attribute the provider schema marks
 *   sensitive, a local whose own expression passes this same test, or anything inside Terraform's `sensitive()`
 *   function, whose result Terraform masks whatever its argument is (that is how a value of a provider that is not
 *   in the alicloud schema pack, such as `random_password.x.result`, is accepted: `Fn.sensitive(...)` around it).
 *
 * Anything else is rejected with a reason that names the reference or construct that made it fail, never literal
 * text. When the expression cannot be parsed (heredocs, template directives, `for` expressions, ...) it is rejected:
 * the check fails closed.
 *
 * Pure: the stack is seen only through {@link SecretLookups}.
 */
import { BlockSpec } from '../schema/schema-index';

/** How sensitive an attribute is, according to the provider schema. */
export type AttributeSensitivity = 'sensitive' | 'not-sensitive' | 'unknown-type' | 'unknown-attribute';

/**
 * A step of an attribute path after `TYPE.NAME` (or `data.TYPE.NAME`): an attribute or block name, or
 * `undefined` for an index or splat (`[0]`, `["k"]`, `[*]`, `.*`).
 */
export type PathStep = string | undefined;

/** What the check needs to know about the stack. */
export interface SecretLookups {
  /** Whether variable `name` is sensitive; undefined when the stack has no such variable. */
  variableSensitive(name: string): boolean | undefined;
  /**
   * Whether variable `name` has a `default` that would be written to `cdk.tf.json` (anything but null or "").
   * @default - not asked (no default is seen)
   */
  variableDefaultWritten?(name: string): boolean;
  /** The resolved expression of local `name`; undefined when the stack has no such local with a string expression. */
  localExpression(name: string): string | undefined;
  /** The sensitivity of an attribute of a resource (`resource`) or data source (`data`) of type `type`. */
  attributeSensitivity(kind: 'resource' | 'data', type: string, path: readonly PathStep[]): AttributeSensitivity;
}

/** The outcome of the check: accepted, or the reason it is not (without any literal text). */
export type SecretCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** An expression the parser cannot follow: the check rejects it with this reason. */
class Unsupported extends Error {}

type Node =
  | { readonly kind: 'text' | 'number' }
  | { readonly kind: 'ref'; readonly root: string; readonly steps: readonly PathStep[]; readonly indexes: readonly Node[] }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Node[] }
  | Group;

/** Values side by side (a template, operands and operators, a tuple, an object): each is checked. */
interface Group {
  readonly kind: 'group';
  readonly items: readonly Node[];
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const WHITESPACE = /\s*/y;
const NUMBER = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '+', '-', '*', '/', '%'];
const KEYWORDS = new Set(['true', 'false', 'null']);
/** A value without text or references (`true`, `false`, `null`). */
const NOTHING: Group = { kind: 'group', items: [] };
const NO_STEPS: readonly never[] = [];
const CANNOT_PARSE = 'has syntax this check cannot parse';

/** A recursive-descent parser for the part of the Terraform (HCL native) syntax that cdktf writes. */
class Parser {
  private pos = 0;

  constructor(private readonly src: string) {}

  /** The whole string, a template: literal text and `${ }` interpolations. */
  public parseTemplateString(): Group {
    return this.template(false);
  }

  /** A template up to the end of the source (`quoted` false) or up to its closing quote. */
  private template(quoted: boolean): Group {
    const items: Node[] = [];
    const text = (length: number) => {
      // one literal node per template is enough (it fails the check); it is placed where the text starts
      if (!items.some((n) => n.kind === 'text')) items.push({ kind: 'text' });
      this.pos += length;
    };
    for (;;) {
      if (this.pos >= this.src.length) {
        if (quoted) throw new Unsupported('has a string without its closing quote, which this check cannot parse');
        return { kind: 'group', items };
      }
      const c = this.src[this.pos];
      if (quoted && c === '"') {
        this.pos++;
        return { kind: 'group', items };
      }
      if (quoted && c === '\\') {
        text(2);
      } else if (this.src.startsWith('$${', this.pos) || this.src.startsWith('%%{', this.pos)) {
        text(3);
      } else if (this.src.startsWith('%{', this.pos)) {
        throw new Unsupported('has a template directive (%{ }), which this check cannot follow');
      } else if (this.src.startsWith('${', this.pos)) {
        this.pos += 2;
        this.skip('~');
        items.push(this.expression());
        this.skip('~');
        this.expect('}');
      } else {
        text(1);
      }
    }
  }

  /** An expression: operands joined by operators, with an optional conditional. */
  private expression(): Group {
    const items: Node[] = [this.operand()];
    for (;;) {
      this.ws();
      const op = OPERATORS.find((o) => this.src.startsWith(o, this.pos));
      if (op === undefined) break;
      this.pos += op.length;
      items.push(this.operand());
    }
    if (this.skip('?')) {
      items.push(this.expression());
      this.expect(':');
      items.push(this.expression());
    }
    return { kind: 'group', items };
  }

  /** A unary operator and a value with its attribute, index and splat accesses. */
  private operand(): Node {
    this.ws();
    if (this.skip('!') || this.skip('-')) return this.operand();
    return this.postfix(this.primary());
  }

  private primary(): Node {
    this.ws();
    const c = this.src[this.pos];
    if (c === '"') {
      this.pos++;
      return this.template(true);
    }
    if (c === '(') {
      this.pos++;
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (c === '[') {
      this.pos++;
      return { kind: 'group', items: this.list(']') };
    }
    if (c === '{') {
      this.pos++;
      return this.object();
    }
    if (this.match(NUMBER) !== undefined) return { kind: 'number' };
    const name = this.ident();
    if (KEYWORDS.has(name)) return NOTHING;
    let fn = name;
    while (this.src.startsWith('::', this.pos)) {
      this.pos += 2;
      fn += `::${this.ident()}`;
    }
    this.ws();
    if (this.skip('(')) {
      const args = this.list(')');
      return { kind: 'call', name: fn, args };
    }
    if (fn !== name) throw new Unsupported(CANNOT_PARSE);
    return { kind: 'ref', root: name, steps: NO_STEPS, indexes: NO_STEPS };
  }

  /** Items separated by commas up to `close` (tuples, function arguments with an optional trailing `...`). */
  private list(close: string): Node[] {
    this.ws();
    if (this.startsWithKeyword('for')) throw new Unsupported('has a for expression, which this check cannot follow');
    const items: Node[] = [];
    while (!this.skip(close)) {
      items.push(this.expression());
      this.ws();
      this.skip('...');
      if (!this.skip(',')) {
        this.expect(close);
        break;
      }
    }
    return items;
  }

  /** An object constructor: its keys are literal text unless they are expressions in parentheses. */
  private object(): Node {
    this.ws();
    if (this.startsWithKeyword('for')) throw new Unsupported('has a for expression, which this check cannot follow');
    const items: Node[] = [];
    while (!this.skip('}')) {
      this.ws();
      items.push(this.src[this.pos] === '(' ? this.primary() : this.objectKey());
      this.ws();
      if (!this.skip('=')) this.expect(':');
      items.push(this.expression());
      this.ws();
      this.skip(',');
    }
    return { kind: 'group', items };
  }

  private objectKey(): Node {
    if (this.src[this.pos] === '"') {
      this.pos++;
      return this.template(true);
    }
    this.ident();
    return { kind: 'text' };
  }

  /** `.name`, `[index]`, `.*`, `[*]` after a value; for a reference they extend its path. */
  private postfix(node: Node): Node {
    const steps: PathStep[] = [];
    const indexes: Node[] = [];
    for (;;) {
      if (this.src.startsWith('.*', this.pos) || this.src.startsWith('[*]', this.pos)) {
        this.pos += this.src[this.pos] === '.' ? 2 : 3;
        steps.push(undefined);
      } else if (this.src[this.pos] === '.' && !this.src.startsWith('...', this.pos)) {
        this.pos++;
        steps.push(this.match(NUMBER) !== undefined ? undefined : this.ident());
      } else if (this.src[this.pos] === '[') {
        this.pos++;
        const index = this.expression();
        this.expect(']');
        steps.push(undefined);
        if (!isPlainLiteral(index)) indexes.push(index);
      } else {
        break;
      }
    }
    if (steps.length === 0) return node;
    if (node.kind === 'ref') return { kind: 'ref', root: node.root, steps, indexes };
    return { kind: 'group', items: [node, ...indexes] };
  }

  private startsWithKeyword(word: string): boolean {
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.src);
    return m !== null && m[0] === word;
  }

  private ident(): string {
    const name = this.match(IDENT);
    if (name === undefined) throw new Unsupported(CANNOT_PARSE);
    return name;
  }

  private match(re: RegExp): string | undefined {
    re.lastIndex = this.pos;
    const m = re.exec(this.src);
    if (m === null) return undefined;
    this.pos += m[0].length;
    return m[0];
  }

  private ws(): void {
    this.match(WHITESPACE);
  }

  private skip(s: string): boolean {
    this.ws();
    if (!this.src.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  private expect(s: string): void {
    if (!this.skip(s)) throw new Unsupported(CANNOT_PARSE);
  }
}

/** An index that is a plain number or string (`[0]`, `["key"]`): part of the reference, not a value. */
function isPlainLiteral(index: Group): boolean {
  const only = index.items.length === 1 ? index.items[0] : undefined;
  return only?.kind === 'number' || (only?.kind === 'group' && only.items.length === 1 && only.items[0].kind === 'text');
}

/** Roots of references that are not resources (`var`, `local` and `data` are handled before these). */
const RESERVED_ROOTS = new Set(['count', 'each', 'self', 'path', 'terraform', 'module']);

/** What a reference points at. */
type Target =
  | { readonly kind: 'var'; readonly name: string }
  | { readonly kind: 'local'; readonly name: string }
  | { readonly kind: 'resource' | 'data'; readonly type: string; readonly path: readonly PathStep[] }
  | { readonly kind: 'other' };
const OTHER: Target = { kind: 'other' };

function targetOf(root: string, steps: readonly PathStep[]): Target {
  const [first, second] = steps;
  if (first === undefined) return OTHER;
  if (root === 'var' || root === 'local') return { kind: root, name: first };
  if (root === 'data') return second === undefined ? OTHER : { kind: 'data', type: first, path: steps.slice(2) };
  return RESERVED_ROOTS.has(root) ? OTHER : { kind: 'resource', type: root, path: steps.slice(1) };
}

/** `var.x`, `data.t.n.a[…]`: a reference as shown in messages (names only; indexes as `[…]`, never their text). */
function show(root: string, steps: readonly PathStep[]): string {
  return root + steps.map((s) => (s === undefined ? '[…]' : `.${s}`)).join('');
}

/** Walks a parsed expression: every problem of a secret, or whether it references a sensitive value. */
class Checker {
  /** Whether the expression checked references a value (set by `problem`). */
  private referencesAValue = false;

  constructor(private readonly lookups: SecretLookups, private readonly visiting: ReadonlySet<string> = new Set()) {}

  /** The check of a whole resolved expression. */
  public check(expression: string): SecretCheck {
    let node: Node;
    try {
      node = parse(expression);
    } catch (e) {
      return { ok: false, reason: (e as Unsupported).message };
    }
    const reason = this.problem(node, false)
      ?? (this.referencesAValue ? undefined : 'references no value; a secret must come from a sensitive variable or a sensitive attribute');
    return reason === undefined ? { ok: true } : { ok: false, reason };
  }

  /** Whether a whole resolved expression references a sensitive value; true when it cannot be parsed. */
  public referencesSensitive(expression: string): boolean {
    let node: Node;
    try {
      node = parse(expression);
    } catch {
      return true;
    }
    return this.sensitive(node);
  }

  /** The first reason the node is not a safe secret; notes whether it references a value. */
  private problem(node: Node, masked: boolean): string | undefined {
    switch (node.kind) {
      case 'text':
        return 'has literal text outside a reference, which would be written in plain text to cdk.tf.json';
      case 'number':
        return 'has a literal number outside a reference, which would be written to cdk.tf.json';
      case 'call':
        if (node.name === 'nonsensitive') return 'uses nonsensitive(), which makes Terraform print the value in the plan';
        return this.first(node.args, masked || node.name === 'sensitive');
      case 'group':
        return this.first(node.items, masked);
      case 'ref':
        this.referencesAValue = true;
        return this.first(node.indexes, masked) ?? (masked ? undefined : this.refProblem(node.root, node.steps));
      default: // fail closed on a node this checker does not know
        return CANNOT_PARSE;
    }
  }

  private first(nodes: readonly Node[], masked: boolean): string | undefined {
    for (const n of nodes) {
      const p = this.problem(n, masked);
      if (p !== undefined) return p;
    }
    return undefined;
  }

  /** Why a reference (outside `sensitive()`) is not a sensitive value; undefined when it is one. */
  private refProblem(root: string, steps: readonly PathStep[]): string | undefined {
    const target = targetOf(root, steps);
    const shown = show(root, steps);
    switch (target.kind) {
      case 'var': {
        const sensitive = this.lookups.variableSensitive(target.name);
        if (sensitive === undefined) return `references ${shown}, which is not a variable of this stack`;
        if (!sensitive) return `references ${shown}, which is not sensitive, so Terraform would print the value in the plan`;
        return this.lookups.variableDefaultWritten?.(target.name)
          ? `references ${shown}, whose default value would be written in plain text to cdk.tf.json (remove the default and give the value at apply, e.g. TF_VAR_${target.name})`
          : undefined;
      }
      case 'local': {
        if (this.visiting.has(target.name)) return `references ${shown}, which refers back to itself`;
        const expression = this.lookups.localExpression(target.name);
        if (expression === undefined) return `references ${shown}, which is not a local of this stack with a string expression`;
        const r = this.inner(target.name).check(expression);
        return r.ok ? undefined : `references ${shown}, whose expression ${r.reason}`;
      }
      case 'resource':
      case 'data':
        return this.attributeProblem(target.kind, target.type, target.path, shown);
      default:
        return `references ${shown}, which is not a sensitive value`;
    }
  }

  private attributeProblem(kind: 'resource' | 'data', type: string, path: readonly PathStep[], shown: string): string | undefined {
    if (!path.some((s) => s !== undefined)) return `references the whole of ${shown}, not one sensitive attribute`;
    switch (this.lookups.attributeSensitivity(kind, type, path)) {
      case 'sensitive':
        return undefined;
      case 'not-sensitive':
        return `references ${shown}, which the provider schema does not mark sensitive, so Terraform would print the value in the plan`;
      case 'unknown-type':
        return `references ${shown}, whose type is not in the alicloud provider schema, so it is not known to be sensitive`;
      default:
        return `references ${shown}, which the provider schema does not know, so it is not known to be sensitive`;
    }
  }

  /** Whether the node references a sensitive value (or uses `sensitive()`); true for a node it does not know. */
  private sensitive(node: Node): boolean {
    if (node.kind === 'call') return node.name === 'sensitive' || node.args.some((a) => this.sensitive(a));
    if (node.kind === 'group') return node.items.some((n) => this.sensitive(n));
    if (node.kind === 'ref') return node.indexes.some((n) => this.sensitive(n)) || this.refSensitive(targetOf(node.root, node.steps));
    return node.kind !== 'text' && node.kind !== 'number';
  }

  private refSensitive(target: Target): boolean {
    if (target.kind === 'var') return this.lookups.variableSensitive(target.name) === true;
    if (target.kind === 'local') {
      const expression = this.visiting.has(target.name) ? undefined : this.lookups.localExpression(target.name);
      return expression !== undefined && this.inner(target.name).referencesSensitive(expression);
    }
    if (target.kind === 'other') return false;
    return this.lookups.attributeSensitivity(target.kind, target.type, target.path) === 'sensitive';
  }

  /** A checker for the expression of local `name`, which remembers the locals being followed. */
  private inner(name: string): Checker {
    return new Checker(this.lookups, new Set([...this.visiting, name]));
  }
}

/** Parses a resolved expression (a template string); throws Unsupported when it cannot. */
function parse(expression: string): Node {
  return new Parser(expression).parseTemplateString();
}

/**
 * Checks the resolved Terraform expression of a secret value (see the module comment for the rule).
 * The reason of a rejection names what made it fail, never literal text.
 */
export function checkSecretExpression(expression: string, lookups: SecretLookups): SecretCheck {
  return new Checker(lookups).check(expression);
}

/**
 * Whether a resolved expression references a sensitive value (a sensitive variable or attribute, a local that
 * references one, or `sensitive()`). An expression that cannot be parsed counts as sensitive: masking a value too
 * many is safe, printing a secret is not.
 */
export function referencesSensitiveValue(expression: string, lookups: SecretLookups): boolean {
  return new Checker(lookups).referencesSensitive(expression);
}

/**
 * The sensitivity of an attribute path in a schema block: the first attribute on the path decides (Terraform masks
 * a sensitive attribute with everything in it, and cannot mask part of a non-sensitive one); nested blocks are
 * followed, indexes skipped. A path that ends at a block (the whole block) is not sensitive.
 */
export function schemaSensitivity(block: BlockSpec | undefined, path: readonly PathStep[]): AttributeSensitivity {
  if (block === undefined) return 'unknown-type';
  let current = block;
  for (const step of path) {
    if (step === undefined) continue;
    const attribute = current.attributes.get(step);
    if (attribute) return attribute.facts.sensitive === true ? 'sensitive' : 'not-sensitive';
    const blockType = current.blockTypes.get(step);
    if (!blockType) return 'unknown-attribute';
    current = blockType.block;
  }
  return 'not-sensitive';
}
