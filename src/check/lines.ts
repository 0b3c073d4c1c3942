/**
 * Where things are written: the lines of top-level blocks (`module "net" {`, `variable "region" {`,
 * `provider "alicloud" {`) and of their arguments, in HCL and in Terraform JSON, and the lines of the
 * assignments of a `.tfvars` / `.tfvars.json` file. The parser gives no positions, so this is a light scan
 * of the source, like the one of hcl.ts for resource blocks; a place it cannot find is the block's line (or
 * none), never a wrong one from another block.
 * @internal
 */
import { readText } from './files';

/** A top-level block of a file: its kind, labels, first line and the lines of its direct arguments. @internal */
export interface BlockLines {
  readonly file: string;
  readonly kind: string;
  readonly labels: readonly string[];
  readonly line: number;
  /** Argument name → 1-based line (the first assignment in the block). */
  readonly args: ReadonlyMap<string, number>;
}

const HCL_BLOCK = /^\s*([A-Za-z_][\w-]*)((?:\s+"[^"]*"|\s+[A-Za-z_][\w-]*)*)\s*\{/;
const HCL_ARG = /^\s*("?)([A-Za-z_][\w.-]*)\1\s*=(?!=)/;

/** The braces a line opens minus those it closes, outside strings and comments (heredocs are not followed). */
function braceDelta(line: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '#' || (ch === '/' && (line[i + 1] === '/' || line[i + 1] === '*'))) break;
    else if (ch === '{' || ch === '[' || ch === '(') depth++;
    else if (ch === '}' || ch === ']' || ch === ')') depth--;
  }
  return depth;
}

/** The top-level blocks of an HCL source, with the lines of their direct arguments. @internal */
export function hclBlocks(file: string, text: string): BlockLines[] {
  const out: BlockLines[] = [];
  const lines = text.split(/\r?\n/);
  let depth = 0;
  let current: { kind: string; labels: string[]; line: number; args: Map<string, number> } | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (depth === 0) {
      const m = HCL_BLOCK.exec(line);
      if (m) {
        const labels = [...m[2].matchAll(/"([^"]*)"|([A-Za-z_][\w-]*)/g)].map((l) => l[1] ?? l[2]);
        current = { kind: m[1], labels, line: n + 1, args: new Map() };
        out.push({ file, ...current });
        // a one-line block: `variable "x" { default = 1 }`
        const inline = /\{\s*([A-Za-z_][\w-]*)\s*=/.exec(line);
        if (inline) current.args.set(inline[1], n + 1);
      }
    } else if (depth === 1 && current) {
      const a = HCL_ARG.exec(line);
      if (a && !current.args.has(a[2])) current.args.set(a[2], n + 1);
    }
    depth = Math.max(0, depth + braceDelta(line));
    if (depth === 0) current = undefined;
  }
  return out;
}

/**
 * The lines of a Terraform JSON file's blocks of one kind (`"module": { "net": { "source": ... } }`): the line of
 * `"<name>"` after the line of `"<kind>"`, and of the keys after it (until the next name).
 * @internal
 */
export function jsonBlocks(
  file: string, text: string, kind: string, names: readonly string[], argNames: (name: string) => readonly string[],
): BlockLines[] {
  const lines = text.split(/\r?\n/);
  const find = (needle: string, from: number) => {
    for (let n = from; n < lines.length; n++) if (lines[n].includes(needle)) return n;
    return -1;
  };
  const start = find(`"${kind}"`, 0);
  if (start < 0) return [];
  const out: BlockLines[] = [];
  for (const name of names) {
    const at = find(`"${name}"`, start);
    if (at < 0) continue;
    const args = new Map<string, number>();
    for (const arg of argNames(name)) {
      const a = find(`"${arg}"`, at);
      if (a >= 0) args.set(arg, a + 1);
    }
    out.push({ file, kind, labels: [name], line: at + 1, args });
  }
  return out;
}

/** The line of each top-level assignment of a `.tfvars` (HCL) or `.tfvars.json` file. @internal */
export function assignmentLines(file: string, text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  if (file.endsWith('.json')) {
    let depth = 0;
    for (let n = 0; n < lines.length; n++) {
      const m = /^\s*"((?:[^"\\]|\\.)*)"\s*:/.exec(lines[n]);
      if (m && depth === 1 && !out.has(m[1])) out.set(m[1], n + 1);
      depth += braceDelta(lines[n]);
    }
    return out;
  }
  let depth = 0;
  for (let n = 0; n < lines.length; n++) {
    const m = HCL_ARG.exec(lines[n]);
    if (m && depth === 0 && !out.has(m[2])) out.set(m[2], n + 1);
    depth = Math.max(0, depth + braceDelta(lines[n]));
  }
  return out;
}

/** The blocks of the Terraform files of one module (HCL and JSON), read once. @internal */
export function moduleBlocks(files: readonly string[], doc: Record<string, any>): BlockLines[] {
  const out: BlockLines[] = [];
  for (const file of files) {
    const text = readText(file);
    if (!file.endsWith('.json')) {
      out.push(...hclBlocks(file, text));
      continue;
    }
    for (const kind of ['module', 'variable', 'output', 'locals']) {
      const section = doc[kind];
      if (section === null || typeof section !== 'object' || Array.isArray(section)) continue;
      out.push(...jsonBlocks(file, text, kind, Object.keys(section), (name) => {
        const body = section[name];
        return body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
      }));
    }
    const providers = doc.provider;
    if (providers !== null && typeof providers === 'object' && text.includes('"provider"')) {
      // provider configurations in JSON: `"alicloud": [{ "region": ... }]` or one object; located at "alicloud"
      const lines = text.split(/\r?\n/);
      const p = lines.findIndex((l) => l.includes('"provider"'));
      for (let n = p; n >= 0 && n < lines.length; n++) {
        if (!lines[n].includes('"alicloud"')) continue;
        const args = new Map<string, number>();
        for (let k = n + 1; k < lines.length && k < n + 40; k++) {
          const m = /^\s*"(region|alias)"\s*:/.exec(lines[k]);
          if (m && !args.has(m[1])) args.set(m[1], k + 1);
        }
        out.push({ file, kind: 'provider', labels: ['alicloud'], line: n + 1, args });
        break;
      }
    }
  }
  return out;
}
