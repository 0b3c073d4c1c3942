/**
 * Terraform JSON as Terraform reads it: a key given twice in one object is never read last-wins.
 *
 * `JSON.parse` keeps the last of two equal keys, so a whole `alicloud_vswitch` could vanish from the check.
 * Terraform (hashicorp/hcl's JSON syntax) reads an object key given twice as:
 * - a block type (top level `resource`, `data`, `provider`, `terraform`, `moved`...; the type level under
 *   `resource`/`data`): both blocks, merged here by label (unlabelled ones kept as a list);
 * - a block name (`resource.<type>.<name>`, `variable.<name>`, `output.<name>`, `module.<name>`): an error,
 *   "Duplicate resource ... configuration";
 * - an argument (in `locals`, in a block's body): an error, "Duplicate argument"; in a block's body, two
 *   objects (or lists of objects) under one key are nested blocks, both kept here (without the provider's
 *   schema an object-valued argument given twice cannot be told from two nested blocks).
 * Errors are CheckInputErrors naming the file, the line of the second key and the line of the first.
 * @internal
 */
import { CheckInputError } from './model';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const blockish = (v: unknown) => asList(v).every(isObj);

/** Block types whose duplicate names Terraform rejects, with its wording. */
const NAMED: Record<string, string> = { variable: 'variable', output: 'output', module: 'module call' };

/** Top-level block types whose object form is keyed by label (type, name), merged when given twice. */
const LABELLED = new Set(['resource', 'data', 'provider', 'variable', 'output', 'module', 'locals']);

/** Sets a key without invoking the `__proto__` setter (JSON.parse makes it an own property too). */
function setKey(obj: Obj, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

class Reader {
  /** The line of each key of each object read (to name the first of two equal keys). */
  private readonly lines = new WeakMap<Obj, Map<string, number>>();

  constructor(private readonly file: string) {}

  public linesOf(obj: Obj): Map<string, number> {
    let m = this.lines.get(obj);
    if (!m) this.lines.set(obj, m = new Map());
    return m;
  }

  /** Puts `key: value` (read at `line`) into `obj`, whose object-key path from the top is `path`. */
  public put(obj: Obj, path: readonly string[], key: string, value: unknown, line: number): void {
    const lines = this.linesOf(obj);
    if (!Object.prototype.hasOwnProperty.call(obj, key)) {
      setKey(obj, key, value);
      lines.set(key, line);
      return;
    }
    const first = lines.get(key);
    const at = first !== undefined ? ` at line ${first}` : '';
    const fail = (what: string): never => {
      throw new CheckInputError(`${what}${at}; Terraform rejects a key given twice here. Fix: rename or remove one`, this.file, line);
    };
    const prev = obj[key];
    const [top, kind] = path;
    if (path.length === 0 || ((top === 'resource' || top === 'data') && path.length === 1)) {
      // a block type given twice: both blocks (labelled ones merged by label; `terraform`, `moved`... as a list)
      if (isObj(prev) && isObj(value) && (path.length === 1 || LABELLED.has(key))) this.merge(prev, value, [...path, key]);
      else setKey(obj, key, [...asList(prev), ...asList(value)]);
    } else if ((top === 'resource' || top === 'data') && path.length === 2) {
      fail(`Duplicate ${top === 'resource' ? 'resource' : 'data'} "${kind}" configuration: "${key}" is already declared`);
    } else if (path.length === 1 && NAMED[top] !== undefined) {
      fail(`Duplicate ${NAMED[top]} "${key}": already defined`);
    } else if (path.length === 1 && top === 'provider') {
      // provider configurations of one provider: both (Terraform itself tells them apart by alias)
      setKey(obj, key, [...asList(prev), ...asList(value)]);
    } else if (path.length > 1 && top !== 'locals' && blockish(prev) && blockish(value)) {
      // nested blocks in a block's body: both
      setKey(obj, key, [...asList(prev), ...asList(value)]);
    } else {
      fail(`Duplicate argument "${key}": already set`);
    }
  }

  /** Merges the keys of `from` into `into` (both at `path`), as if read in one object. */
  private merge(into: Obj, from: Obj, path: readonly string[]): void {
    const lines = this.linesOf(from);
    for (const [k, v] of Object.entries(from)) this.put(into, path, k, v, lines.get(k) ?? 0);
  }
}

interface Frame {
  readonly value: Obj | unknown[];
  /** Object-key path of this object from the top (arrays add nothing: HCL JSON's list form of blocks). */
  readonly path: readonly string[];
  key?: string;
  keyLine?: number;
  /** For arrays: a value was read, a `,` or `]` comes next. */
  afterValue?: boolean;
}

/**
 * Parses Terraform JSON text that `JSON.parse` accepts (syntax errors are reported by `parseJson` first),
 * without recursion (any depth) and with duplicate keys read as above.
 * @internal
 */
export function parseTerraformJson(text: string, file: string): unknown {
  const reader = new Reader(file);
  const stack: Frame[] = [];
  let i = 0;
  let line = 1;
  let root: unknown;
  let done = false;
  const ws = () => {
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  const readString = (): string => {
    const start = i;
    for (i++; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 92) i++;
      else if (c === 34) break;
    }
    i++;
    const raw = text.slice(start, i);
    return raw.includes('\\') ? JSON.parse(raw) as string : raw.slice(1, -1);
  };
  const childPath = (parent: Frame | undefined): readonly string[] => {
    if (!parent) return [];
    return Array.isArray(parent.value) ? parent.path : [...parent.path, parent.key!];
  };
  const emit = (v: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = v;
      done = true;
    } else if (Array.isArray(top.value)) {
      top.value.push(v);
      top.afterValue = true;
    } else {
      reader.put(top.value, top.path, top.key!, v, top.keyLine!);
      top.key = undefined;
    }
  };
  const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  while (!done) {
    ws();
    if (i >= text.length) throw new CheckInputError('is not valid JSON: unexpected end of the file', file, line);
    const c = text[i];
    const top = stack[stack.length - 1];
    if (top && !Array.isArray(top.value) && top.key === undefined) {
      if (c === ',') { i++; continue; }
      if (c === '}') { i++; stack.pop(); emit(top.value); continue; }
      top.keyLine = line;
      top.key = readString();
      ws();
      i++; // ':'
      continue;
    }
    if (top && Array.isArray(top.value)) {
      if (c === ']') { i++; stack.pop(); emit(top.value); continue; }
      if (top.afterValue && c === ',') { i++; top.afterValue = false; continue; }
    }
    if (c === '{') {
      i++;
      const obj: Obj = {};
      reader.linesOf(obj);
      stack.push({ value: obj, path: childPath(top) });
    } else if (c === '[') {
      i++;
      stack.push({ value: [], path: childPath(top) });
    } else if (c === '"') {
      emit(readString());
    } else if (text.startsWith('true', i)) {
      i += 4; emit(true);
    } else if (text.startsWith('false', i)) {
      i += 5; emit(false);
    } else if (text.startsWith('null', i)) {
      i += 4; emit(null);
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) throw new CheckInputError(`is not valid JSON: unexpected ${JSON.stringify(c)}`, file, line);
      i += m[0].length;
      emit(Number(m[0]));
    }
  }
  return root;
}
