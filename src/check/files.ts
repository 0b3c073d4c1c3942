/**
 * Reading input files safely: text only (a binary file is an error naming it), JSON with the line of a
 * syntax error, an OS error with its reason, nesting no deeper than MAX_DEPTH.
 * @internal
 */
import { isUtf8 } from 'buffer';
import * as fs from 'fs';
import { CheckInputError } from './model';

/**
 * The OS reason of a failed file system call, without the path (the message names it already):
 * `EACCES: permission denied, scandir`. @internal
 */
export function osReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const message = String(err?.message ?? e).replace(/ '[^']*'(?: -> '[^']*')?$/, '');
  return err?.code && !message.startsWith(err.code) ? `${err.code}: ${message}` : message;
}

/** A CheckInputError for a failed file system call on `file`: `cannot read the folder: EACCES: ...`. @internal */
export function unreadable(what: 'file' | 'folder', file: string, e: unknown): CheckInputError {
  return new CheckInputError(`cannot read the ${what}: ${osReason(e)}`, file);
}

/** The text of a file; throws a CheckInputError for a binary file, a folder or an unreadable file. @internal */
export function readText(file: string): string {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw unreadable('file', file, e);
  }
  // A NUL byte in the first 8 KiB, or bytes that are not UTF-8: not a Terraform or JSON file.
  if (buf.subarray(0, 8192).includes(0)) throw new CheckInputError('is a binary file, not Terraform (HCL), Terraform JSON or a plan JSON', file);
  // isUtf8 validates without decoding (a fatal TextDecoder costs as much as JSON.parse on a large plan).
  if (!isUtf8(buf)) throw new CheckInputError('is not UTF-8 text (a binary file?), not Terraform (HCL), Terraform JSON or a plan JSON', file);
  const text = buf.toString('utf-8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The 1-based line of a character offset. @internal */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * How deep objects and arrays may nest. Terraform configurations and plans stay far below it; past it an
 * input is refused by name (walking it later could exhaust the stack).
 */
export const MAX_DEPTH = 1000;

/**
 * Throws a CheckInputError when objects and arrays in `value` nest deeper than MAX_DEPTH. A recursive walk that stops
 * at MAX_DEPTH + 1 levels, so its own stack stays bounded whatever the input; `for...in` over the keys allocates
 * nothing, so on a large plan it costs about one plain walk of the parsed value. @internal
 */
export function checkDepth(value: unknown, file: string): void {
  if (typeof value === 'object' && value !== null && tooDeepFrom(value as object, 1)) throw new CheckInputError(tooDeep(), file);
}

/** Whether an object or array at `depth` (1 for the root) has objects or arrays nested past MAX_DEPTH. */
function tooDeepFrom(v: object, depth: number): boolean {
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const child: unknown = v[i];
      if (typeof child === 'object' && child !== null && tooDeepFrom(child, depth + 1)) return true;
    }
    return false;
  }
  for (const k in v) {
    const child: unknown = (v as Record<string, unknown>)[k];
    if (typeof child === 'object' && child !== null && tooDeepFrom(child, depth + 1)) return true;
  }
  return false;
}

/** The message for an input nested too deeply. @internal */
export function tooDeep(): string {
  return `nests objects or lists more than ${MAX_DEPTH} levels deep; Terraform configurations and plans never do. Fix: give the real configuration or plan`;
}

/** JSON.parse, with a CheckInputError naming the file and the line of a syntax error; no nesting past MAX_DEPTH. @internal */
export function parseJson(text: string, file: string): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const pos = /position (\d+)/.exec(message);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const line = lc ? Number(lc[1]) : pos ? lineAt(text, Number(pos[1])) : text.trim() === '' ? 1 : undefined;
    if (e instanceof RangeError) throw new CheckInputError(tooDeep(), file);
    throw new CheckInputError(`is not valid JSON: ${text.trim() === '' ? 'the file is empty' : message.replace(/^JSON\.parse: /, '')}`, file, line);
  }
  checkDepth(json, file);
  return json;
}

/**
 * A CheckInputError when the parsed JSON is a Terraform state (`terraform.tfstate`: `version` with
 * `terraform_version`, `lineage` or `serial`; or `terraform show -json` of a state: `format_version` and
 * `values` without `planned_values`), which holds what is deployed, not what is to be. @internal
 */
export function stateFileError(json: unknown, file: string): CheckInputError | undefined {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return undefined;
  const j = json as Record<string, unknown>;
  const raw = typeof j.version === 'number' && ('terraform_version' in j || 'lineage' in j || 'serial' in j);
  const shown = 'format_version' in j && 'values' in j && !('planned_values' in j) && !('resource_changes' in j);
  if (!raw && !shown) return undefined;
  const which = raw ? `a Terraform state file (state version ${j.version}${typeof j.terraform_version === 'string' ? `, Terraform ${j.terraform_version}` : ''})`
    : 'terraform show -json of a state, not of a plan';
  return new CheckInputError(`is ${which}: it holds what is deployed, not the configuration to check. Fix: give the configuration folder (the .tf or .tf.json files), or a plan JSON: terraform plan -out plan.out && terraform show -json plan.out > plan.json`, file);
}
