/**
 * Where things are written: the lines of top-level blocks (`module "net" {`, `variable "region" {`,
 * `provider "alicloud" {`) and of their arguments, in HCL and in Terraform JSON, and the lines of the
 * assignments of a `.tfvars` / `.tfvars.json` file. The parser gives no positions, so these come from the light
 * scan of hcl-scan.ts (for the JSON blocks, from the keys' lines); a place it cannot find is the block's line (or
 * none), never a wrong one from another block.
 * @internal
 */
import { readText } from './files';
import { HclScan, scanHcl } from './hcl-scan';

/** A top-level block of a file: its kind, labels, first line and the lines of its direct arguments. @internal */
export interface BlockLines {
  readonly file: string;
  readonly kind: string;
  readonly labels: readonly string[];
  readonly line: number;
  /** Argument name → 1-based line (the first assignment in the block). */
  readonly args: ReadonlyMap<string, number>;
}

/** The top-level blocks of an HCL source, with the lines of their direct arguments. @internal */
export function hclBlocks(file: string, text: string, scan: HclScan = scanHcl(text)): BlockLines[] {
  const out: BlockLines[] = [];
  // block index in the scan → its entry
  const top = new Map<number, { kind: string; labels: string[]; line: number; args: Map<string, number> }>();
  scan.blocks.forEach((b, index) => {
    if (b.depth !== 0 || !b.lineStart) return;
    const current = { kind: b.type, labels: [...b.labels], line: b.line, args: new Map<string, number>() };
    top.set(index, current);
    out.push({ file, ...current });
  });
  for (const a of scan.assignments) {
    // a direct argument: the first thing on its line, or right after the `{` of a one-line block
    const current = a.block === undefined ? undefined : top.get(a.block);
    if (current && (a.lineStart || a.line === current.line) && !current.args.has(a.name)) current.args.set(a.name, a.line);
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
  const json = file.endsWith('.json');
  // HCL: `name =` at the top level; JSON: the keys of the top-level object; each the first thing on its line
  for (const a of scanHcl(text, { json }).assignments) {
    if (a.depth === (json ? 1 : 0) && a.lineStart && !out.has(a.name)) out.set(a.name, a.line);
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
