/**
 * Splits a large HCL file into batches of whole top-level blocks, so that `@cdktf/hcl2json` (Go compiled to
 * WebAssembly, whose memory only grows) parses a bounded piece at a time: a 5 MB file parsed at once took about
 * 1 GB, in batches its peak is that of one batch (README, "Performance"). hcl2json converts each top-level block on
 * its own and groups the blocks by type and labels, so the batches' documents merged (lists of bodies appended,
 * label levels merged and their keys sorted as Go writes them) are the document of the whole file.
 *
 * The cuts come from the light scan of hcl-scan.ts: only at a line end outside every block, bracket, string (with its
 * `${ }` / `%{ }` templates), heredoc and comment. It does not judge the syntax: the caller parses the
 * whole file when the scan does not end cleanly, when a batch fails to parse (so a syntax error, wherever it is,
 * is reported as for the whole file, with its real line), or when two batches' documents do not merge.
 * @internal
 */

import { HclScan, scanHcl } from './hcl-scan';

/** A piece of an HCL source made of whole top-level blocks. @internal */
export interface HclBatch {
  readonly text: string;
  /** The line of the source that is the batch's first line (1-based). */
  readonly firstLine: number;
}

/** HCL files larger than this many characters are parsed in batches of about this size. @internal */
export const HCL_BATCH_CHARS = 256 * 1024;

/**
 * The file in batches of at least `batchChars` characters (the last one may be shorter), each made of whole top-level
 * blocks; undefined when the file is not larger than one batch or the scan does not end cleanly. `scan`: the file's
 * scan, when the caller has made it already.
 * @internal
 */
export function hclBatches(text: string, batchChars = HCL_BATCH_CHARS, scan?: HclScan): HclBatch[] | undefined {
  if (text.length <= batchChars) return undefined;
  // the line ends outside every block, string, heredoc and comment; none when the scan does not end cleanly
  const s = scan ?? scanHcl(text);
  if (!s.complete) return undefined;
  const cuts = s.cuts;
  const batches: HclBatch[] = [];
  let start = 0;
  let startLine = 1;
  for (const cut of cuts) {
    if (cut.offset - start < batchChars || cut.offset >= text.length) continue;
    batches.push({ text: text.slice(start, cut.offset), firstLine: startLine });
    start = cut.offset;
    startLine = cut.line;
  }
  if (start < text.length) batches.push({ text: text.slice(start), firstLine: startLine });
  return batches.length > 1 ? batches : undefined;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Merges the document of a later batch into `into`: lists (the bodies of blocks of one type and labels, in file
 * order) are appended, objects (the label levels) merged key by key. Returns false when the two cannot be merged
 * as hcl2json would have written the whole file (a value that is neither in both); the caller then parses the
 * whole file.
 * @internal
 */
export function mergeHclDocuments(into: Record<string, unknown>, from: Record<string, unknown>): boolean {
  for (const [key, value] of Object.entries(from)) {
    if (!Object.prototype.hasOwnProperty.call(into, key)) {
      into[key] = value;
      continue;
    }
    const have = into[key];
    if (Array.isArray(have) && Array.isArray(value)) {
      for (const v of value) have.push(v);
    } else if (isPlainObject(have) && isPlainObject(value)) {
      if (!mergeHclDocuments(have, value)) return false;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * Sorts the keys of the object levels above the lists of bodies, as hcl2json (Go's JSON of a map) writes them for a
 * whole file; the bodies are untouched. Returns a new object.
 * @internal
 */
export function sortHclLevels(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = value[key];
    out[key] = isPlainObject(v) ? sortHclLevels(v) : v;
  }
  return out;
}

/**
 * Parses the batches one after the other with `parse` (hcl2json's) and merges their documents; undefined when a
 * batch does not parse or the documents do not merge, so that the caller parses the whole file and reports what a
 * whole-file parse says.
 * @internal
 */
export async function parseHclBatches(
  parse: (name: string, text: string) => Promise<Record<string, unknown>>, name: string, batches: readonly HclBatch[],
): Promise<Record<string, unknown> | undefined> {
  const merged: Record<string, unknown> = {};
  for (const batch of batches) {
    let doc: unknown;
    try {
      doc = await parse(name, batch.text);
    } catch {
      return undefined;
    }
    if (!isPlainObject(doc) || !mergeHclDocuments(merged, doc)) return undefined;
  }
  return sortHclLevels(merged);
}
