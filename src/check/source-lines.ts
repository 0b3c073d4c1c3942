/**
 * Where the findings that are not about a resource or data source are written in a configuration input: the
 * `alicloud` provider blocks (`ALI-IPV6-015` on `provider.alicloud`, `provider.alicloud.hk`) and the alicloud
 * version constraint in `required_providers` (`ALI-IPV6-016`). The adapters locate only resource and data
 * blocks, so these lines come from a light scan of the input's files, made only when such a finding exists.
 * A place the scan does not find stays the input itself (the finding is never dropped).
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { readText } from './files';
import { terraformFiles } from './hcl';
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

const PROVIDER_HCL = /^\s*provider\s+"?alicloud"?\s*\{/;
const ALIAS_HCL = /^\s*alias\s*=\s*"([^"]*)"/;
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
    let inRequired = false;
    let inAlicloud = false;
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n];
      const at = { file, line: n + 1 };
      if (json) {
        // Terraform JSON: "provider": { "alicloud": ... } (its line), and "alias": "hk" (only provider blocks have one)
        if (/"provider"\s*:/.test(line)) {
          const k = lines.slice(n, n + 3).findIndex((l) => /"alicloud"\s*:/.test(l));
          if (k >= 0) setProvider(undefined, { file, line: n + k + 1 });
        }
        const alias = ALIAS_JSON.exec(line);
        if (alias) setProvider(alias[1], at);
      } else if (PROVIDER_HCL.test(line)) {
        // HCL: the block's alias, if it sets one before the block ends (the next line that closes at column 0)
        let alias: string | undefined;
        for (let k = n + 1; k < lines.length && !/^\}/.test(lines[k]); k++) {
          const m = ALIAS_HCL.exec(lines[k]);
          if (m) {
            alias = m[1];
            break;
          }
        }
        setProvider(alias, at);
      }
      if (/required_providers/.test(line)) inRequired = true;
      if (inRequired && (json ? /"alicloud"\s*:/ : /^\s*alicloud\s*=/).test(line)) inAlicloud = true;
      if (inAlicloud && versionConstraint === undefined && (json ? /"version"\s*:/ : /(^|[\s{,])version\s*=/).test(line)) {
        versionConstraint = at;
        inAlicloud = false;
        inRequired = false;
      }
    }
  }
  return { providers, ...(versionConstraint ? { versionConstraint } : {}) };
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
  const start = block.line - 1;
  // the block ends at the first later line that closes at the indentation of its first line (HCL: column 0)
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
  for (const segment of argPath.split('.').map((s) => s.replace(/\[.*$/, '')).filter((s) => s !== '')) {
    const name = escape(segment);
    const pattern = json ? new RegExp(`"${name}"\\s*:`) : new RegExp(`^\\s*(${name}\\s*[={]|dynamic\\s+"${name}"|"${name}"\\s*[=:])`);
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
