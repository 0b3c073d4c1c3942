/**
 * The `${...}` strings the HCL parser writes for expressions: split into literal text and interpolations,
 * simple references (`var.region`, `module.net.vswitch_id`, `each.value.zone`, `local.cidrs[0]`) recognised,
 * and substituted where the value is known. What is not a simple reference with a known value stays an
 * expression (the rules treat it as unknown until apply), with the resources it names renamed to their
 * document names.
 * @internal
 */

/** A part of a template: literal text or the text of one `${...}`. @internal */
export type TemplatePart = { readonly literal: string } | { readonly expression: string };

/** Splits a string into literal text and `${...}` interpolations (strings and nested braces inside are skipped). @internal */
export function splitTemplate(s: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  let i = 0;
  while (i < s.length) {
    if (s.startsWith('$${', i)) {
      literal += '$${';
      i += 3;
      continue;
    }
    if (!s.startsWith('${', i)) {
      literal += s[i++];
      continue;
    }
    let depth = 1;
    let j = i + 2;
    let inString = false;
    for (; j < s.length && depth > 0; j++) {
      const ch = s[j];
      if (inString) {
        if (ch === '\\') j++;
        else if (ch === '"') inString = false;
      } else if (ch === '"') {inString = true;} else if (ch === '{') {depth++;} else if (ch === '}') {depth--;}
    }
    if (depth > 0) {
      // unbalanced: the rest is literal text
      literal += s.slice(i);
      break;
    }
    if (literal) parts.push({ literal });
    literal = '';
    parts.push({ expression: s.slice(i + 2, j - 1) });
    i = j;
  }
  if (literal) parts.push({ literal });
  return parts;
}

/** A reference: its head (`var`, `module`, `aws_vpc`) and the steps after it (attribute names and indexes). @internal */
export interface Reference {
  readonly head: string;
  readonly steps: ReadonlyArray<string | number>;
}

const REFERENCE = /^\s*([A-Za-z_][\w-]*)((?:\s*\.\s*[A-Za-z_][\w-]*|\s*\[\s*\d+\s*\]|\s*\[\s*"(?:[^"\\]|\\.)*"\s*\])*)\s*$/;
const STEP = /\.\s*([A-Za-z_][\w-]*)|\[\s*(\d+)\s*\]|\[\s*("(?:[^"\\]|\\.)*")\s*\]/g;

/** The expression as a reference, when it is exactly one (no function call, operator or literal). @internal */
export function parseReference(expression: string): Reference | undefined {
  const m = REFERENCE.exec(expression);
  if (!m) return undefined;
  const steps: Array<string | number> = [];
  for (const s of m[2].matchAll(STEP)) steps.push(s[1] ?? (s[2] !== undefined ? Number(s[2]) : JSON.parse(s[3])));
  return { head: m[1], steps };
}

/** The text of a reference. @internal */
export function referenceText(head: string, steps: ReadonlyArray<string | number>): string {
  return head + steps.map((s) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][\w-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join('');
}

/** The value at `steps` inside a known value; undefined when it is not there. @internal */
export function valueAt(value: unknown, steps: ReadonlyArray<string | number>): { value: unknown } | undefined {
  let v = value;
  for (const s of steps) {
    if (Array.isArray(v) && typeof s === 'number' && s < v.length) v = v[s];
    else if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, s)) v = (v as Record<string, unknown>)[s];
    else return undefined;
  }
  return { value: v };
}

/** A whole-value expression string `${...}` that is one simple reference: its text. @internal */
export function wholeReference(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = splitTemplate(value);
  if (parts.length !== 1 || !('expression' in parts[0])) return undefined;
  return parseReference(parts[0].expression) ? parts[0].expression.trim() : undefined;
}

/** Whether a value holds an expression anywhere (a `${...}` string). @internal */
export function hasExpression(value: unknown): boolean {
  if (typeof value === 'string') return splitTemplate(value).some((p) => 'expression' in p);
  if (Array.isArray(value)) return value.some(hasExpression);
  if (value !== null && typeof value === 'object') return Object.values(value).some(hasExpression);
  return false;
}

const RESOURCE_REFERENCE = /(?<![\w.\]"-])((?:data\.)?[A-Za-z_][\w-]*)\.([A-Za-z_][\w-]*)/g;

/**
 * Renames the resources an expression's text names (`alicloud_vpc.this.id` → `alicloud_vpc.net__this.id`)
 * with `rename` (`type.name` or `data.type.name` → the new address, or undefined to keep it). @internal
 */
export function renameReferences(expression: string, rename: (address: string) => string | undefined): string {
  return expression.replace(RESOURCE_REFERENCE, (whole, first: string, second: string) => {
    const address = `${first}.${second}`;
    return rename(address) ?? whole;
  });
}

/** A literal `toset([...])` / `tolist([...])` of a `for_each` written as a function call on a JSON-like list. @internal */
export function literalSetCall(value: unknown): unknown[] | undefined {
  if (typeof value !== 'string') return undefined;
  const parts = splitTemplate(value);
  if (parts.length !== 1 || !('expression' in parts[0])) return undefined;
  const m = /^\s*(?:toset|tolist)\(\s*(\[[\s\S]*\])\s*\)\s*$/.exec(parts[0].expression);
  if (!m) return undefined;
  try {
    const list = JSON.parse(m[1]);
    return Array.isArray(list) && list.every((v) => typeof v === 'string') ? list : undefined;
  } catch {
    return undefined;
  }
}

/** A literal of an expression's text: a number, `true`/`false`, `null` or a quoted string. */
function literalOf(text: string): { value: unknown } | undefined {
  const t = text.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return { value: Number(t) };
  if (t === 'true' || t === 'false') return { value: t === 'true' };
  if (t === 'null') return { value: null };
  if (/^"(?:[^"\\$%]|\\.)*"$/.test(t)) return { value: JSON.parse(t) };
  return undefined;
}

/** Splits `a ? b : c` at its top-level `?` and `:` (outside strings, brackets and parentheses). */
function splitConditional(expression: string): [string, string, string] | undefined {
  let depth = 0;
  let inString = false;
  let q = -1;
  let c = -1;
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (depth === 0 && ch === '?' && q < 0) q = i;
    else if (depth === 0 && ch === ':' && q >= 0 && c < 0) c = i;
    else if (depth === 0 && (ch === '?' || ch === ':')) return undefined; // nested conditionals: not simple
  }
  if (q < 0 || c < 0) return undefined;
  return [expression.slice(0, q), expression.slice(q + 1, c), expression.slice(c + 1)];
}

/**
 * A simple conditional (`var.create ? 1 : 0`, `!var.x ? "a" : "b"`, `var.env == "prod" ? 2 : 1`) whose condition
 * and chosen branch are literals or references with known values; `resolve` gives a reference's value.
 * @internal
 */
export function simpleConditional(expression: string, resolve: (ref: string) => { value: unknown } | undefined): { value: unknown } | undefined {
  const parts = splitConditional(expression);
  if (!parts) return undefined;
  const operand = (text: string) => literalOf(text) ?? (parseReference(text) ? resolve(text.trim()) : undefined);
  const [cond, yes, no] = parts;
  let truth: boolean | undefined;
  const cmp = /^(.*?)\s*(==|!=)\s*(.*)$/.exec(cond.trim());
  if (cmp) {
    const [a, b] = [operand(cmp[1]), operand(cmp[3])];
    if (a && b && typeof a.value !== 'object' && typeof b.value !== 'object' && !hasExpression(a.value) && !hasExpression(b.value)) {
      truth = (String(a.value) === String(b.value)) === (cmp[2] === '==');
    }
  } else {
    const negated = cond.trim().startsWith('!');
    const v = operand(negated ? cond.trim().slice(1) : cond);
    const b = v?.value === true || v?.value === 'true' ? true : v?.value === false || v?.value === 'false' ? false : undefined;
    if (b !== undefined) truth = negated ? !b : b;
  }
  if (truth === undefined) return undefined;
  const chosen = operand(truth ? yes : no);
  return chosen && !hasExpression(chosen.value) ? chosen : undefined;
}
