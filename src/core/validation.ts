import { DefaultTokenResolver, StringConcat, TerraformStack, Token, Tokenization } from 'cdktf';
import { IConstruct } from 'constructs';
import { brandsOfClass } from './brand';

/** A required string prop that is missing or blank (a token is never blank: it is unknown until apply). @internal */
export function isBlank(value: string | undefined): boolean {
  // a value of another type is not blank: the prop's type check reports it
  return value === undefined || value === null || (typeof value === 'string' && !Token.isUnresolved(value) && value.trim() === '');
}

// ---------------------------------------------------------------------------------------------------------
// Quoting user input in messages
// ---------------------------------------------------------------------------------------------------------

/** cdktf's text encodings of unresolved tokens: strings `${TfToken[...]}`, lists `#{...}`, maps `&{...}`. */
const TOKEN_TEXT = /[$#&]\{TfToken\[[^\]]*\]\}/g;
/** Numbers in exponent form: a number token prints as one (-8.1e+298), which cdktf itself recognises. */
const EXPONENT_NUMBER = /-?\d+(?:\.\d+)?e[+-]\d+/gi;
/** An item of a number-list token (`Token.asNumberList`), which Token.isUnresolved does not see as a number token. */
const NUMBER_LIST_TOKEN = /^-1\.8881545897\d*e\+289$/;
/** Control characters (C0, DEL, C1) and the two Unicode line separators. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED_ESCAPES: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * A user value longer than QUOTE_CUT_ABOVE characters is quoted as its first MAX_QUOTED_LENGTH characters and
 * an ellipsis. A value up to QUOTE_CUT_ABOVE is quoted whole, so that a name just over a provider limit (128,
 * 129 characters) is still shown as it was given.
 * @internal
 */
export const MAX_QUOTED_LENGTH = 80;
/** See MAX_QUOTED_LENGTH. @internal */
export const QUOTE_CUT_ABOVE = 2 * MAX_QUOTED_LENGTH;

/** `text` with every unresolved token written `<token>` (a message never prints `${TfToken[TOKEN.460]}`). @internal */
export function scrubTokens(text: string): string {
  return text.replace(TOKEN_TEXT, '<token>').replace(EXPONENT_NUMBER, (n) => (Token.isUnresolved(Number(n)) || NUMBER_LIST_TOKEN.test(n) ? '<token>' : n));
}

/** `text` with control characters escaped (`\n`, `\t`, `\u0007`), so a value cannot break a message's lines. @internal */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL, (c) => NAMED_ESCAPES[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A user value for a message: a string in single quotes, with tokens written `<token>`, control characters
 * escaped and a long value cut (`…`, see MAX_QUOTED_LENGTH); any other value as `describeValue` says.
 * @internal
 */
export function quote(value: unknown): string {
  if (typeof value !== 'string') return describeValue(value);
  const chars = Array.from(scrubTokens(value));
  const cut = chars.length > QUOTE_CUT_ABOVE ? `${chars.slice(0, MAX_QUOTED_LENGTH).join('')}…` : chars.join('');
  return `'${escapeControlCharacters(cut)}'`;
}

/**
 * What a value is, for "got ..." in a message: `the string 'x'`, `the number 5`, `true`, `null`, `an array`,
 * `an object`, `a function`, `a Peer`... Never throws, whatever the value (no method of it is called).
 * @internal
 */
export function describeValue(value: unknown): string {
  try {
    if (value === undefined) return 'nothing (undefined)';
    if (value === null) return 'null';
    switch (typeof value) {
      case 'string': return Token.isUnresolved(value) ? 'a string token' : `the string ${quote(value)}`;
      case 'number': return Token.isUnresolved(value) ? 'a number token' : `the number ${String(value)}`;
      case 'boolean': return String(value);
      case 'bigint': return `the bigint ${String(value)}`;
      case 'symbol': return 'a symbol';
      case 'function': return 'a function';
      default: break;
    }
    if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
    const proto = Object.getPrototypeOf(value);
    const name = proto === null || proto === Object.prototype ? undefined : proto.constructor?.name;
    return typeof name === 'string' && name !== '' && name !== 'Object' ? `a ${name}` : 'an object';
  } catch {
    return 'a value that cannot be read';
  }
}

/** Options of the type checks of `PropValidator`. @internal */
export interface TypeCheckOptions {
  /** Report an unset value (undefined) as `is missing`. Default: the prop is optional. null is never a value. */
  readonly required?: boolean;
  /** An example of a right value, for the fix, e.g. `'cn-huhehaote-a'`. */
  readonly example?: string;
  /** The value is a secret: say only its type, never the value. */
  readonly secret?: boolean;
}

/** Options of a type check of a required prop: when it passes, the value is set. @internal */
export type RequiredCheck = TypeCheckOptions & { readonly required: true };

/** The members an object passed as a reference (a VPC, a gateway, a vSwitch) must have, by type. @internal */
export type MemberTypes = Record<string, 'string' | 'boolean' | 'array' | 'object'>;

/** The members of an IDualStackVpc that the constructs read (`isReference`). @internal */
export const VPC_MEMBERS: MemberTypes = { vpcId: 'string', ipv6Enabled: 'boolean', vSwitches: 'array', node: 'object' };
/** The members of an IVSwitch that the constructs read. @internal */
export const VSWITCH_MEMBERS: MemberTypes = { vSwitchId: 'string', zoneId: 'string', ipv6Enabled: 'boolean' };
/** The members of an IIpv6Gateway that the constructs read. @internal */
export const GATEWAY_MEMBERS: MemberTypes = { ipv6GatewayId: 'string' };
/** The members of an ISecurityGroup that the constructs read. @internal */
export const SECURITY_GROUP_MEMBERS: MemberTypes = { securityGroupId: 'string', vpcId: 'string' };

/**
 * The Terraform text a value resolves to in its stack (`${var.x}`, `${alicloud_vpc.A.id}`, or the literal),
 * or undefined when it cannot be resolved here.
 * @internal
 */
export function resolveToString(scope: IConstruct, value: string): string | undefined {
  try {
    const r = Tokenization.resolve(value, { scope: TerraformStack.of(scope), resolver: new DefaultTokenResolver(new StringConcat()) });
    return typeof r === 'string' ? r : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One problem with a construct's props: which prop, what is wrong, and how to fix it.
 * @internal
 */
export interface PropProblem {
  readonly prop: string;
  readonly problem: string;
  readonly fix: string;
}

/** How to pass a secret, for the Fix of a secret prop of the wrong type. */
const SECRET_EXAMPLE = "the stringValue of new TerraformVariable(this, 'Secret', { type: 'string', sensitive: true })";

/**
 * Gathers every problem with a construct's props, then throws them as one error that names the
 * construct path, each prop, what is wrong and the fix (TerraConstructs' validateAllProps style).
 *
 * @internal
 */
export class PropValidator {
  private readonly problems: PropProblem[] = [];

  /**
   * @param scope the construct whose props are checked (its path is named), or undefined for a factory or
   * an aspect that has no path
   * @param constructName the class or call named first, e.g. `DualStackVpc`, `Probe.httpGet`
   */
  constructor(private readonly scope: IConstruct | undefined, private readonly constructName: string) {}

  /** Records a problem. */
  public add(prop: string, problem: string, fix: string): this {
    this.problems.push({ prop, problem, fix });
    return this;
  }

  /** Records a problem when `condition` is true. */
  public check(condition: boolean, prop: string, problem: string, fix: string): this {
    if (condition) this.add(prop, problem, fix);
    return this;
  }

  /**
   * Checks an optional integer against [min, max]. Tokens are skipped (unknown until apply).
   */
  public integerInRange(prop: string, value: number | undefined, min: number, max: number, fix?: string): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    if (!Number.isInteger(value) || value < min || value > max) {
      const got = typeof value === 'number' ? String(value) : describeValue(value);
      this.add(prop, `must be an integer from ${min} to ${max}, got ${got}`, fix ?? `set ${prop} to a whole number between ${min} and ${max}`);
    }
    return this;
  }

  /** Checks an optional string against a list of allowed values. Tokens are skipped. */
  public oneOf(prop: string, value: string | undefined, allowed: readonly string[]): this {
    if (value === undefined || Token.isUnresolved(value)) return this;
    if (!allowed.includes(value)) {
      const list = allowed.map((a) => `'${a}'`).join(', ');
      this.add(prop, `must be one of ${list}, got ${typeof value === 'string' ? quote(value) : describeValue(value)}`, `set ${prop} to one of ${list}`);
    }
    return this;
  }

  // -------------------------------------------------------------------------------------------------------
  // Type checks: what JavaScript callers and jsii bindings can pass. Each records a problem naming the prop,
  // what was given and what is allowed, and returns whether the value can be used as its type (undefined
  // counts as usable for an optional prop, hence `| undefined`). Tokens have their type (string, number,
  // list, map) and pass.
  // -------------------------------------------------------------------------------------------------------

  /** A string (a string token included). */
  public isString(prop: string, value: unknown, opts: RequiredCheck): value is string;
  public isString(prop: string, value: unknown, opts?: TypeCheckOptions): value is string | undefined;
  public isString(prop: string, value: unknown, opts: TypeCheckOptions = {}): value is string | undefined {
    return this.typed(prop, value, typeof value === 'string', 'a string', opts);
  }

  /** A number (a number token included; NaN and infinities are numbers: range checks report them). */
  public isNumber(prop: string, value: unknown, opts: RequiredCheck): value is number;
  public isNumber(prop: string, value: unknown, opts?: TypeCheckOptions): value is number | undefined;
  public isNumber(prop: string, value: unknown, opts: TypeCheckOptions = {}): value is number | undefined {
    return this.typed(prop, value, typeof value === 'number', 'a number', opts);
  }

  /** `true` or `false`. */
  public isBoolean(prop: string, value: unknown, opts: RequiredCheck): value is boolean;
  public isBoolean(prop: string, value: unknown, opts?: TypeCheckOptions): value is boolean | undefined;
  public isBoolean(prop: string, value: unknown, opts: TypeCheckOptions = {}): value is boolean | undefined {
    return this.typed(prop, value, typeof value === 'boolean', 'true or false', opts);
  }

  /** An array (each item is for the caller to check). */
  public isArray(prop: string, value: unknown, opts: RequiredCheck): value is unknown[];
  public isArray(prop: string, value: unknown, opts?: TypeCheckOptions): value is unknown[] | undefined;
  public isArray(prop: string, value: unknown, opts: TypeCheckOptions = {}): value is unknown[] | undefined {
    return this.typed(prop, value, Array.isArray(value), 'an array', opts);
  }

  /** An object that is not an array or a function (a props struct). */
  public isObject(prop: string, value: unknown, opts: RequiredCheck): value is Record<string, unknown>;
  public isObject(prop: string, value: unknown, opts?: TypeCheckOptions): value is Record<string, unknown> | undefined;
  public isObject(prop: string, value: unknown, opts: TypeCheckOptions = {}): value is Record<string, unknown> | undefined {
    return this.typed(prop, value, isRecord(value), 'an object', opts);
  }

  /** An array of strings (a list token included); each wrong item is reported as `prop[i]`. */
  public isStringList(prop: string, value: unknown, opts: RequiredCheck): value is string[];
  public isStringList(prop: string, value: unknown, opts?: TypeCheckOptions): value is string[] | undefined;
  public isStringList(prop: string, value: unknown, opts: TypeCheckOptions = {}): value is string[] | undefined {
    if (!this.typed(prop, value, Array.isArray(value), 'an array of strings', opts)) return false;
    if (value === undefined) return true;
    let ok = true;
    (value as unknown[]).forEach((item, i) => {
      ok = this.isString(`${prop}[${i}]`, item, { required: true, example: opts.example, secret: opts.secret }) && ok;
    });
    return ok;
  }

  /** An object whose values are strings (a map token included); each wrong value is reported as `prop.key`. */
  public isStringMap(prop: string, value: unknown, opts: RequiredCheck): value is { [key: string]: string };
  public isStringMap(prop: string, value: unknown, opts?: TypeCheckOptions): value is { [key: string]: string } | undefined;
  public isStringMap(prop: string, value: unknown, opts: TypeCheckOptions = {}): value is { [key: string]: string } | undefined {
    if (!this.typed(prop, value, isRecord(value), 'an object of strings (name → value)', opts)) return false;
    if (value === undefined) return true;
    let ok = true;
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      ok = this.isString(`${prop}.${key}`, item, { required: true, example: opts.example, secret: opts.secret }) && ok;
    }
    return ok;
  }

  /**
   * An instance of `type` (made by its factories, e.g. `Peer.anyIpv6()`), named `what` in the message; an object of
   * another copy of this library counts when it carries the class's brand (brand.ts).
   */
  public isInstance(prop: string, value: unknown, type: { readonly prototype: object }, what: string, opts: TypeCheckOptions = {}): boolean {
    // An object of another copy of this library carries the class's brand (brand.ts) where instanceof fails.
    const ok = typeof value === 'object' && value !== null
      && (Object.prototype.isPrototypeOf.call(type.prototype, value) || brandsOfClass(type).some((b) => b in value));
    return this.typed(prop, value, ok, what, opts);
  }

  /**
   * An object with `members` of the given types: a VPC, a gateway, a vSwitch or a security group passed
   * by reference (any object that implements the interface, not just this library's classes).
   */
  public isReference(prop: string, value: unknown, members: MemberTypes, what: string, opts: TypeCheckOptions = {}): boolean {
    if (!this.typed(prop, value, isRecord(value), what, opts)) return false;
    if (value === undefined) return true;
    const record = value as Record<string, unknown>;
    const wrong = Object.entries(members).filter(([member, type]) => {
      const m = readMember(record, member);
      if (type === 'array') return !Array.isArray(m);
      if (type === 'object') return !isRecord(m);
      return typeof m !== type;
    });
    if (wrong.length === 0) return true;
    const list = wrong.map(([member, type]) => `${member} (${type === 'string' ? 'a string' : type === 'boolean' ? 'true or false' : `an ${type}`}, got ${describeValue(readMember(record, member))})`);
    this.add(prop, `must be ${what}, but ${describeValue(value)} was given without ${list.join(', ')}`, `pass ${what}${opts.example ? `, for example ${opts.example}` : ''}`);
    return false;
  }

  /** Records the type problem unless `ok`; a missing value is only a problem when required. */
  private typed(prop: string, value: unknown, ok: boolean, what: string, opts: TypeCheckOptions): boolean {
    const example = opts.example ? `, for example ${opts.example}` : opts.secret ? `, for example ${SECRET_EXAMPLE}` : '';
    if (value === undefined) {
      if (!opts.required) return true;
      this.add(prop, 'is missing', `pass ${what}${example}`);
      return false;
    }
    if (ok) return true;
    const given = value === null ? 'null' : opts.secret ? describeType(value) : describeValue(value);
    this.add(prop, `must be ${what}, got ${given}`,
      `pass ${what}${example}${opts.required ? '' : `, or leave ${prop} out${value === null ? ' (undefined, not null)' : ''}`}`);
    return false;
  }

  /** True when no problem was recorded. */
  public get ok(): boolean {
    return this.problems.length === 0;
  }

  /** Throws one error listing every recorded problem; does nothing when there are none. */
  public throwIfAny(): void {
    if (this.problems.length === 0) return;
    // Tokens and control characters never reach the message, whichever check wrote it.
    const clean = (text: string) => escapeControlCharacters(scrubTokens(text));
    const lines = this.problems.map((p) => `  - ${clean(p.prop)}: ${clean(p.problem)}. Fix: ${clean(p.fix)}.`);
    const where = this.scope ? `${this.constructName} at '${this.scope.node.path}'` : this.constructName;
    throw new Error(`${where} has ${this.problems.length} invalid prop${this.problems.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
  }
}

/** A non-null object that is neither an array nor a function. */
function isRecord(value: unknown): value is Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A member of an object, or undefined when reading it throws (a getter of a half-built object). */
function readMember(record: Record<string, unknown>, member: string): unknown {
  try {
    return record[member];
  } catch {
    return undefined;
  }
}

/** The type of a secret value, without the value. */
function describeType(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}
