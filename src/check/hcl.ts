/**
 * The configuration adapter: a folder of `.tf` and `.tf.json` files (one Terraform module), a synthesized
 * stack folder or a `cdk.tf.json`, into the Terraform document the rule pack reads. HCL goes through
 * `@cdktf/hcl2json` (the parser cdktf itself uses), which writes expressions as `${...}` strings: the rules
 * treat them as values unknown until apply, as at synth. The parser gives no positions, so each block's
 * line comes from the light scan of hcl-scan.ts (`resource "<type>" "<name>"` headers; the JSON keys for
 * Terraform JSON), and the same scan finds inline skips in the block's comments: `# ipv6-checks:skip=ALI-IPV6-002 <reason>`.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkDepth, parseJson, readText, stateFileError, tooDeep, unreadable } from './files';
import { hclBatches, parseHclBatches } from './hcl-batches';
import { HclScan, scanHcl } from './hcl-scan';
import { CheckDocument, CheckInputError, InputKind, Skip, SourceLocation } from './model';
import { parseTerraformJson } from './tfjson';
import { blockAddress, BLOCK_KINDS, isJsonObject as isObject, objectBlocks } from '../core/terraform-json';
import { KNOWN_IDS, MIN_REASON_LENGTH } from '../rules/suppressions';

type Json = Record<string, any>;

/** `# ipv6-checks:skip=ALI-IPV6-002,ALI-IPV6-004 reason` (also `//` and `/* ... *\/` comments). */
const SKIP = /(?:#|\/\/|\/\*)\s*ipv6-checks:skip=([A-Za-z0-9*,-]+)(.*)$/;
/** The top-level block types that end the block a skip comment belongs to. */
const TOP_LEVEL = new Set(['resource', 'data', 'module', 'provider', 'variable', 'output', 'locals', 'terraform', 'moved', 'import', 'check', 'removed']);

let hcl2json: typeof import('@cdktf/hcl2json') | undefined;

/** Parses one HCL file to Terraform JSON; a syntax error names the file and line. */
async function parseHcl(file: string, text: string, scan: HclScan): Promise<Json> {
  // Loaded on first use: it starts a WebAssembly module (about a second), which JSON and plan inputs never need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  hcl2json ??= require('@cdktf/hcl2json') as typeof import('@cdktf/hcl2json');
  const { parse } = hcl2json;
  // A large file in batches of whole top-level blocks: the parser's memory only grows (hcl-batches.ts). When a
  // batch fails, the whole file is parsed below, so an error is the whole file's, at its real line.
  const batches = hclBatches(text, undefined, scan);
  const batched = batches && await parseHclBatches(parse, path.basename(file), batches);
  try {
    const out = batched ?? await parse(path.basename(file), text);
    checkDepth(out, file);
    return isObject(out) ? out : {};
  } catch (e) {
    if (e instanceof CheckInputError) throw e;
    const message = String((e as Error)?.message ?? e);
    // the parser recurses: a deeply nested expression exhausts the stack
    if (e instanceof RangeError || /Maximum call stack size exceeded/i.test(message)) throw new CheckInputError(tooDeep(), file);
    // `parse config: [main.tf:2,7-3,1: Invalid expression; Expected the start of an expression, ...]`
    const m = /:(\d+),(\d+)(?:-[\d,]+)?: ([^\]]*)/.exec(message);
    throw new CheckInputError(`is not valid HCL: ${m ? m[3].trim() : message.replace(/^parse config: /, '')}`, file, m ? Number(m[1]) : undefined);
  }
}

/**
 * The lines of the resource and data blocks of an HCL source, and the skips in their comments, from its scan: a
 * `resource "<type>" "<name>"` header (the first thing on its line, at any depth) starts the block skips belong to, and
 * another top-level header at column 0 ends it.
 */
function blocksAndSkips(file: string, scan: HclScan, locations: Map<string, SourceLocation>, skips: Map<string, Skip[]>): void {
  let current: string | undefined;
  const { blocks, comments } = scan;
  let b = 0;
  let c = 0;
  while (b < blocks.length || c < comments.length) {
    // in source order; on one line, the header before the comment
    if (b < blocks.length && (c >= comments.length || blocks[b].line <= comments[c].line)) {
      const block = blocks[b++];
      if (!block.lineStart) continue;
      const [type, name] = block.labels;
      if ((block.type === 'resource' || block.type === 'data') && block.quoted[0] && block.quoted[1] && type !== '' && name !== '') {
        current = blockAddress(block.type, type, name);
        if (!locations.has(current)) locations.set(current, { file, line: block.line });
      } else if (block.column0 && TOP_LEVEL.has(block.type)) {
        current = undefined;
      }
      continue;
    }
    const comment = comments[c++];
    // one skip a line: the first comment of the line that has one
    if (c > 1 && comments[c - 2].line === comment.line && SKIP.test(comments[c - 2].text)) continue;
    const skip = SKIP.exec(comment.text);
    if (!skip) continue;
    const line = comment.line;
    const at = `${file}:${line}`;
    if (!current) throw new CheckInputError('an ipv6-checks:skip comment must be inside a resource or data block', file, line);
    const reason = skip[2].replace(/\*\/\s*$/, '').replace(/^[\s:—-]+/, '').trim();
    for (const id of skip[1].split(',').map((x) => x.trim()).filter(Boolean)) {
      if (!KNOWN_IDS.has(id)) throw new CheckInputError(`unknown rule ID '${id}' in ipv6-checks:skip. Fix: use one of ${[...KNOWN_IDS].filter((i) => i !== '*').join(', ')}, or * for every rule`, file, line);
      if (reason.length < MIN_REASON_LENGTH) {
        throw new CheckInputError(`the reason for skipping ${id} must be at least ${MIN_REASON_LENGTH} characters, got ${JSON.stringify(reason)}. Fix: say why the finding does not apply, e.g. # ipv6-checks:skip=${id} vSwitch vsw-123 has IPv6, checked in the console`, file, line);
      }
      let list = skips.get(current);
      if (!list) skips.set(current, list = []);
      list.push({ ruleId: id, reason, at });
    }
  }
}

/** Lines of the blocks of a Terraform JSON file: the line of `"<name>"` after the line of `"<type>"` under resource/data. */
function scanJson(file: string, text: string, doc: Json, locations: Map<string, SourceLocation>): void {
  const lines = text.split(/\r?\n/);
  const find = (needle: string, from: number) => {
    for (let n = from; n < lines.length; n++) if (lines[n].includes(needle)) return n;
    return -1;
  };
  for (const kind of BLOCK_KINDS) {
    const section = doc[kind];
    if (!isObject(section)) continue;
    const start = Math.max(0, find(`"${kind}"`, 0));
    for (const [type, named] of Object.entries(section)) {
      if (!isObject(named)) continue;
      const t = find(`"${type}"`, start);
      for (const name of Object.keys(named)) {
        const at = t < 0 ? -1 : find(`"${name}"`, t);
        const address = blockAddress(kind, type, name);
        if (!locations.has(address)) locations.set(address, { file, line: at < 0 ? undefined : at + 1 });
      }
    }
  }
}

/**
 * Merges one file's document into the module's (resource/data/provider by label; the rest by key). The
 * resource and data sections and their type levels are read in object form only: HCL JSON's array form at
 * those levels (which `terraformBlocks` reads) is not merged, as before the shared reader.
 */
function mergeInto(target: Json, doc: Json, file: string, locations: ReadonlyMap<string, SourceLocation>): void {
  for (const [key, value] of Object.entries(doc)) {
    if (key === 'resource' || key === 'data') {
      if (!isObject(value)) continue;
      const section = target[key] ??= {};
      for (const [type, named] of Object.entries(value)) {
        if (!isObject(named)) continue;
        const byName = section[type] ??= {};
        for (const [name, body] of Object.entries(named)) {
          // one name declared twice (in two files, or twice in one HCL file: a list of bodies) is Terraform's
          // "Duplicate resource" error, never the last one read
          if (Object.prototype.hasOwnProperty.call(byName, name) || (Array.isArray(body) && body.length > 1)) {
            const first = locations.get(blockAddress(key, type, name));
            const at = first ? ` at ${first.file}${first.line ? `:${first.line}` : ''}` : '';
            throw new CheckInputError(`Duplicate ${key} "${type}" configuration: "${name}" is already declared${at}; Terraform rejects a name declared twice in a module. Fix: rename or remove one`, file);
          }
          byName[name] = body;
        }
      }
    } else if (key === 'provider') {
      const entries: Array<[string, unknown]> = Array.isArray(value)
        ? value.flatMap((v) => (isObject(v) ? Object.entries(v) : []))
        : isObject(value) ? Object.entries(value) : [];
      const section = target.provider ??= {};
      for (const [name, configs] of entries) section[name] = [...(section[name] ?? []), ...(Array.isArray(configs) ? configs : [configs])];
    } else if (isObject(value) && isObject(target[key])) {
      target[key] = { ...target[key], ...value };
    } else if (Array.isArray(value) && Array.isArray(target[key])) {
      // blocks HCL gives as lists (locals, terraform), one list per file: all of them, as Terraform reads them
      target[key] = [...target[key], ...value];
    } else {
      target[key] = value;
    }
  }
}

/**
 * HCL writes meta-arguments as references (`provider = alicloud.hk`, `depends_on = [alicloud_ros_stack.x]`),
 * which hcl2json turns into `${...}`; Terraform JSON (and cdktf) writes them as plain strings. The rules read
 * the plain form.
 */
function normalizeMetaArguments(doc: Json): void {
  const plain = (v: unknown) => (typeof v === 'string' ? v.replace(/^\$\{([\w.-]+)\}$/, '$1') : v);
  for (const { body } of objectBlocks(doc)) {
    if (body.provider !== undefined) body.provider = plain(body.provider);
    if (Array.isArray(body.depends_on)) body.depends_on = body.depends_on.map(plain);
  }
}

/** The Terraform files of a folder, sorted (as Terraform reads them: one module, no subfolders). */
export function terraformFiles(dir: string, kind: InputKind): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw unreadable('folder', dir, e);
  }
  names = names.filter((n) => (kind === 'json' ? n.endsWith('.tf.json') : n.endsWith('.tf') || n.endsWith('.tf.json')));
  return names.sort().map((n) => path.join(dir, n)).filter((f) => {
    try {
      return fs.statSync(f).isFile();
    } catch (e) {
      // a dangling link, or an entry that cannot be looked at: say so rather than check the module without it
      throw unreadable('file', f, e);
    }
  });
}

/** Adapts a folder or a single file of Terraform configuration. @internal */
export async function configDocument(input: string, files: readonly string[], kind: 'hcl' | 'json'): Promise<CheckDocument> {
  const doc: Json = {};
  const locations = new Map<string, SourceLocation>();
  const skips = new Map<string, Skip[]>();
  for (const file of files) {
    const text = readText(file);
    if (file.endsWith('.json')) {
      // syntax errors and nesting from JSON.parse; the values as Terraform reads them (duplicate keys) from parseTerraformJson
      parseJson(text, file);
      const parsed = parseTerraformJson(text, file);
      if (!isObject(parsed)) throw new CheckInputError('is JSON but not a Terraform JSON configuration (expected an object)', file);
      if ('format_version' in parsed && ('planned_values' in parsed || 'resource_changes' in parsed)) {
        throw new CheckInputError('is a plan JSON in a configuration folder. Fix: check it on its own (check plan.json), or move it out of the folder', file);
      }
      scanJson(file, text, parsed, locations);
      mergeInto(doc, parsed, file, locations);
    } else {
      if (text.trimStart().startsWith('{')) {
        // JSON in a file read as HCL (no .json name): a state file is named as one
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        const state = stateFileError(json, file);
        if (state) throw state;
      }
      const scan = scanHcl(text);
      const parsed = await parseHcl(file, text, scan);
      blocksAndSkips(file, scan, locations, skips);
      mergeInto(doc, parsed, file, locations);
    }
  }
  normalizeMetaArguments(doc);
  // blocks without a line of their own are located at the input (`location`, the fallback of run.ts)
  return { input, kind, doc, addresses: new Map(), locations, skips, location: { file: input } };
}
