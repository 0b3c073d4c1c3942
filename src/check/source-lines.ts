/**
 * Where the findings that are not about a resource or data source are written in a configuration input: the
 * `alicloud` provider blocks (`ALI-IPV6-015` on `provider.alicloud`, `provider.alicloud.hk`) and the alicloud
 * version constraint in `required_providers` (`ALI-IPV6-016`). The adapters locate only resource and data
 * blocks, so these lines come from a light scan of the input's files (hcl-scan.ts for HCL; the lines of Terraform
 * JSON), made only when such a finding exists.
 * A place the scan does not find stays the input itself (the finding is never dropped).
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { readText } from './files';
import { terraformFiles } from './hcl';
import { HclAssignment, HclScan, scanHcl } from './hcl-scan';
import { CheckDocument, SourceLocation } from './model';

/** The lines found: provider address → place, and the place of the alicloud version constraint. @internal */
export interface ConfigLines {
  readonly providers: ReadonlyMap<string, SourceLocation>;
  readonly versionConstraint?: SourceLocation;
}

/** The files of a configuration input, as `loadInput` chose them (a file, a stack's cdk.tf.json, a module folder). */
function filesOf(doc: CheckDocument): string[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(doc.input);
  } catch {
    return [];
  }
  if (!stat.isDirectory()) return [doc.input];
  const cdk = path.join(doc.input, 'cdk.tf.json');
  if (fs.existsSync(cdk)) return [cdk];
  try {
    return terraformFiles(doc.input, doc.kind);
  } catch {
    return [];
  }
}

const ALIAS_HCL = /(?:^|[\s{])alias\s*=\s*"([^"]*)"/;
const ALIAS_JSON = /"alias"\s*:\s*"([^"]*)"/;

/** Scans the input's files for the alicloud provider blocks and the version constraint. @internal */
export function configLines(doc: CheckDocument): ConfigLines {
  const providers = new Map<string, SourceLocation>();
  let versionConstraint: SourceLocation | undefined;
  const setProvider = (alias: string | undefined, at: SourceLocation) => {
    const address = alias ? `provider.alicloud.${alias}` : 'provider.alicloud';
    if (!providers.has(address)) providers.set(address, at);
  };
  for (const file of filesOf(doc)) {
    let text: string;
    try {
      text = readText(file);
    } catch {
      continue;
    }
    const lines = text.split(/\r?\n/);
    const json = file.endsWith('.json');
    if (!json) {
      const scan = scanHcl(text);
      for (const p of hclProviders(scan, lines)) setProvider(p.alias, { file, line: p.line });
      const version = hclVersionLine(scan);
      if (versionConstraint === undefined && version !== undefined) versionConstraint = { file, line: version };
      continue;
    }
    let inRequired = false;
    let inAlicloud = false;
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      const at = { file, line: n + 1 };
      // Terraform JSON: "provider": { "alicloud": ... } (its line), and "alias": "hk" (only provider blocks have one)
      if (/"provider"\s*:/.test(line)) {
        const k = lines.slice(n, n + 3).findIndex((l) => /"alicloud"\s*:/.test(l));
        if (k >= 0) setProvider(undefined, { file, line: n + k + 1 });
      }
      const alias = ALIAS_JSON.exec(line);
      if (alias) setProvider(alias[1], at);
      if (/required_providers/.test(line)) inRequired = true;
      if (inRequired && /"alicloud"\s*:/.test(line)) inAlicloud = true;
      if (inAlicloud && versionConstraint === undefined && /"version"\s*:/.test(line)) {
        versionConstraint = at;
        inAlicloud = false;
        inRequired = false;
      }
    }
  }
  return { providers, ...(versionConstraint ? { versionConstraint } : {}) };
}

/** The `provider "alicloud"` blocks of an HCL source (at any depth), with the alias each sets (a direct argument). */
function hclProviders(scan: HclScan, lines: readonly string[]): Array<{ readonly line: number; readonly alias?: string }> {
  const out: Array<{ line: number; alias?: string }> = [];
  const byBlock = new Map<number, { line: number; alias?: string }>();
  scan.blocks.forEach((b, index) => {
    if (b.type !== 'provider' || !b.lineStart || b.labels.length !== 1 || b.labels[0] !== 'alicloud') return;
    const p = { line: b.line };
    byBlock.set(index, p);
    out.push(p);
  });
  for (const a of scan.assignments) {
    const p = a.block === undefined ? undefined : byBlock.get(a.block);
    if (!p || a.name !== 'alias' || 'alias' in p) continue;
    const m = ALIAS_HCL.exec(lines[a.line - 1] ?? '');
    if (m) p.alias = m[1];
  }
  return out;
}

/**
 * The line of the alicloud version constraint of an HCL source: `version` in the `alicloud = { ... }` of a
 * `required_providers` block.
 */
function hclVersionLine(scan: HclScan): number | undefined {
  const required = new Set<number>();
  scan.blocks.forEach((b, index) => {
    if (b.type === 'required_providers') required.add(index);
  });
  let alicloud: HclAssignment | undefined;
  for (const a of scan.assignments) {
    if (a.block !== undefined && required.has(a.block)) {
      alicloud = a.name === 'alicloud' ? a : undefined;
    } else if (alicloud && a.name === 'version' && a.depth === alicloud.depth + 1 && a.block === undefined) {
      return a.line;
    }
  }
  return undefined;
}

/** Reads the lines of a file (undefined when it cannot), each file once: make one per input checked. @internal */
export type LineReader = (file: string) => string[] | undefined;

/** A `LineReader` that keeps what it read (for one input: files may change between runs in one process). @internal */
export function lineReader(): LineReader {
  const texts = new Map<string, string[] | undefined>();
  return (file) => {
    if (!texts.has(file)) {
      let lines: string[] | undefined;
      try {
        lines = readText(file).split(/\r?\n/);
      } catch {
        lines = undefined;
      }
      texts.set(file, lines);
    }
    return texts.get(file);
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The line of an argument or nested block inside the block at `block` (its `resource "<type>" "<name>"` line, or
 * the `"<name>"` key of Terraform JSON): each segment of `argPath` (`containers[0].ports[1].port`, indexes ignored)
 * is looked for after the previous one, up to the end of the block; the deepest found wins. Undefined when the
 * first is not there (a missing argument: the block's line is the place).
 * @internal
 */
export function argumentLine(block: SourceLocation, argPath: string, linesOf: LineReader): SourceLocation | undefined {
  if (block.line === undefined) return undefined;
  const lines = linesOf(block.file);
  if (!lines) return undefined;
  const json = block.file.endsWith('.json');
  if (!json) return hclArgumentLine(block.file, block.line, argPath, lines);
  const start = block.line - 1;
  // the block ends at the first later line that closes at the indentation of its first line
  const indent = /^\s*/.exec(lines[start] ?? '')![0].length;
  let end = lines.length;
  for (let n = start + 1; n < lines.length; n++) {
    const m = /^(\s*)[}\]]/.exec(lines[n]);
    if (m && m[1].length <= indent) {
      end = n;
      break;
    }
  }
  let found: number | undefined;
  let from = start + 1;
  for (const segment of segments(argPath)) {
    const name = escape(segment);
    const pattern = new RegExp(`"${name}"\\s*:`);
    let hit = -1;
    for (let n = from; n < end; n++) {
      if (pattern.test(lines[n])) {
        hit = n;
        break;
      }
    }
    if (hit < 0) break;
    found = hit;
    from = hit + 1;
  }
  return found === undefined ? undefined : { file: block.file, line: found + 1 };
}

/** The segments of an argument path: `containers[0].ports[1].port` → containers, ports, port. */
function segments(argPath: string): string[] {
  return argPath.split('.').map((s) => s.replace(/\[.*$/, '')).filter((s) => s !== '');
}

/** The scans of the sources whose lines a LineReader gave (one scan per file read). */
const scans = new WeakMap<readonly string[], HclScan>();

/**
 * `argumentLine` in HCL, from the scan: the block is the one whose header is at `line`, up to its closing brace; a
 * segment is an argument (`name =`), a nested block (`name {`, `dynamic "name" {`) or an object key (`"name" =`) that
 * is the first thing on its line, each after the previous one.
 */
function hclArgumentLine(file: string, line: number, argPath: string, lines: readonly string[]): SourceLocation | undefined {
  let scan = scans.get(lines);
  if (!scan) scans.set(lines, scan = scanHcl(lines.join('\n')));
  const block = scan.blocks.find((b) => b.line === line && b.lineStart);
  if (!block) return undefined;
  const end = block.endLine ?? lines.length + 1;
  // line → the names the thing first on it is found by
  const first = new Map<number, string[]>();
  for (const a of scan.assignments) if (a.lineStart && a.line > line && a.line < end && !first.has(a.line)) first.set(a.line, [a.name]);
  for (const b of scan.blocks) {
    if (b.lineStart && b.line > line && b.line < end && !first.has(b.line)) first.set(b.line, b.type === 'dynamic' && b.quoted[0] ? [b.type, b.labels[0]] : [b.type]);
  }
  let found: number | undefined;
  let from = line + 1;
  for (const segment of segments(argPath)) {
    let hit: number | undefined;
    for (let n = from; n < end; n++) {
      if (first.get(n)?.includes(segment)) {
        hit = n;
        break;
      }
    }
    if (hit === undefined) break;
    found = hit;
    from = hit + 1;
  }
  return found === undefined ? undefined : { file, line: found };
}
