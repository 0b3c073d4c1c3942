/**
 * The rule pack's findings per synthesized document, so that a test holding only the JSON text of
 * `Testing.synth(stack)` / `Testing.synthScope(...)` can see them (`toBeValidAlicloudConfig()`,
 * `toHaveIpv6Finding()`, `Ipv6Checks.findingsOfSynthesized`).
 *
 * Why not carry them in the document: `Testing.synth` deletes every `//` key at every depth before it
 * stringifies, so `//` metadata never reaches the test; any other key would be real Terraform
 * configuration (a local, an output) and would change what is deployed and every user's snapshot.
 *
 * So each time the rules run on a resolved stack, the document (a reference, nothing is copied) and its
 * reportable findings are recorded here. A lookup compares documents the way `Testing.synth` shapes them:
 * `//` keys removed and object keys sorted, so the text of `Testing.synth`, the text of `cdk.tf.json`
 * (which keeps the `//` keys) and a parsed object all find the same record. The newest record of an
 * identical document wins: a stack synthesized again after `Ipv6Checks.suppress` is seen with its
 * suppression.
 * @internal
 */
import { createHash } from 'crypto';
import { Ipv6CheckFinding, Ipv6CheckStatus } from './types';
import { chunkedSink } from '../core/chunked-file';

interface SynthRecord {
  readonly stackPath: string;
  /** The resolved document, until its key is computed (then dropped, to bound memory). */
  doc?: unknown;
  key?: string;
  readonly findings: readonly Ipv6CheckFinding[];
}

/** Records that still hold their document; older ones are keyed and let go of it. */
const MAX_HELD_DOCUMENTS = 32;
/** Records kept at all (keys and findings only beyond MAX_HELD_DOCUMENTS). */
const MAX_RECORDS = 2000;

const records: SynthRecord[] = [];
let held = 0;

/**
 * The document as `Testing.synth` shapes it (no `//`, sorted keys), as JSON text, given to `append` in order. Keys are
 * sorted only when they are not in order already. This runs on every synth (the context file's `documentSha256`), on a
 * document of several MB for a large stack (bench/): the text is hashed in pieces and never held whole.
 */
function canonical(value: unknown, append: (text: string) => void): void {
  if (value === null || typeof value !== 'object') {
    const s = JSON.stringify(value);
    append(s === undefined ? 'null' : s);
    return;
  }
  if (Array.isArray(value)) {
    append('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) append(',');
      canonical(value[i], append);
    }
    append(']');
    return;
  }
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) {
      keys.sort();
      break;
    }
  }
  append('{');
  let first = true;
  for (const k of keys) {
    if (k === '//') continue;
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    append(`${first ? '' : ','}${JSON.stringify(k)}:`);
    canonical(v, append);
    first = false;
  }
  append('}');
}

/** The key of a document: a hash of its canonical text. @internal */
export function documentKey(doc: unknown): string {
  const hash = createHash('sha256');
  const text = chunkedSink((piece) => hash.update(piece));
  canonical(doc, text.append);
  text.end();
  return hash.digest('hex');
}

function keyOf(r: SynthRecord): string {
  if (r.key === undefined) {
    r.key = documentKey(r.doc);
    r.doc = undefined;
    held--;
  }
  return r.key;
}

/**
 * Records the findings of one run of the rules on a resolved stack document. Only the findings a test
 * can ask about are kept: non-compliant, not verifiable and suppressed ones.
 * @internal
 */
export function recordSynthesis(stackPath: string, doc: unknown, findings: readonly Ipv6CheckFinding[]): void {
  records.push({ stackPath, doc, findings: findings.filter((f) => f.status !== Ipv6CheckStatus.COMPLIANT) });
  held++;
  if (held > MAX_HELD_DOCUMENTS) {
    for (const r of records) {
      if (r.key === undefined) {
        keyOf(r);
        break;
      }
    }
  }
  if (records.length > MAX_RECORDS) {
    const dropped = records.shift()!;
    if (dropped.key === undefined) held--;
  }
}

/** What the rule pack found in a synthesized document. @internal */
export interface RecordedSynthesis {
  /** The construct path of the stack. */
  readonly stackPath: string;
  /** Non-compliant, not verifiable and suppressed findings. */
  readonly findings: readonly Ipv6CheckFinding[];
}

/**
 * The newest record of a document (JSON text or parsed), or undefined when the rules never ran on it in
 * this process (no construct of this library and no `Ipv6Checks` in its stack, or synthesized elsewhere).
 * @internal
 */
export function recordedSynthesis(doc: unknown): RecordedSynthesis | undefined {
  if (records.length === 0) return undefined;
  const parsed = typeof doc === 'string' ? JSON.parse(doc) : doc;
  const key = documentKey(parsed);
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    if (keyOf(r) === key) return { stackPath: r.stackPath, findings: r.findings };
  }
  return undefined;
}
