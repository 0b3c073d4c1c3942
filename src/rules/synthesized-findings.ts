/**
 * The rule pack's findings of a synthesized stack, however a test holds it: the JSON text of
 * `Testing.synth` / `Testing.synthScope` or of `cdk.tf.json`, the parsed document, a stack folder
 * (`cdktf.out/stacks/<stack>`, or a synth output folder with one stack) or the path of a `cdk.tf.json`.
 *
 * - When the rules ran on that document in this process, their record wins (synthesized.ts): it has every
 *   `Ipv6Checks.suppress` and option of the stack.
 * - Otherwise (synthesized in another process: a snapshot file, another jest worker, a folder on disk) the
 *   document engine judges it now, as the `check` command does (`evaluateDocument`). For a path, the options,
 *   suppressions and construct owners come from `ipv6-checks-context.json` beside it (context-file.ts). Text
 *   and objects carry none of them: they are judged with the default options and no suppressions, and the
 *   result says so (`judged`), for the matchers' messages.
 * - When neither is possible (not Terraform JSON, no such file, a context file that does not belong to the
 *   document, the engine throws) it throws an Error with the reason: "not judged" is never an empty result.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONTEXT_FILE, readStackContext, StackContext } from './context-file';
import { CrossStackRefs } from './cross-stack-refs';
import { evaluateDocument } from './engine';
import { PackOptions, packOptions } from './options';
import { findSuppression, Suppression } from './suppressions';
import { failedStackStub } from './synth-hook';
import { recordedSynthesis } from './synthesized';
import { Ipv6CheckFinding, Ipv6CheckStatus } from './types';
import { constructPathOf, isJsonObject as isObject, objectBlocks } from '../core/terraform-json';

/** The top-level keys of a Terraform JSON configuration (and cdktf's `//`). */
const TERRAFORM_KEYS = new Set(['//', 'terraform', 'provider', 'resource', 'data', 'variable', 'output', 'locals', 'module', 'moved', 'import', 'check', 'removed']);

/** How to make suppressions made in another process count, for messages. */
const HOW_TO_SEE_SUPPRESSIONS = 'To make them count, pass the stack folder (cdktf.out/stacks/<stack>, or what Testing.fullSynth returns) '
  + `or the path of its cdk.tf.json instead of the text (synth writes them beside it, in ${CONTEXT_FILE}), or synthesize the stack in this process (Testing.synth(stack))`;

/** A document read from the input, with where it came from. */
interface ReadInput {
  readonly doc: Record<string, any>;
  /** The `cdk.tf.json` read, for a path. */
  readonly file?: string;
}

/** The findings of one synthesized stack. @internal */
export interface StackFindings {
  /** The parsed document. */
  readonly doc: Record<string, any>;
  /** The stack's construct path (or `(stack)` when the document does not say). */
  readonly stackPath: string;
  /** Non-compliant, not verifiable and suppressed findings (compliant ones omitted, as in the records). */
  readonly findings: readonly Ipv6CheckFinding[];
  /**
   * Set when the rules did not run on this document in this process and the pack judged it now: what was
   * judged, with what, and what the judgement could not see (sentences, for the matchers' messages).
   */
  readonly judged?: string;
}


/** What the input is, for messages: never the whole text. */
function describe(received: unknown): string {
  if (typeof received === 'string') return received.length > 60 ? `the text ${JSON.stringify(received.slice(0, 40))}…` : JSON.stringify(received);
  if (received === null) return 'null';
  if (Array.isArray(received)) return 'an array';
  return `a ${typeof received}`;
}

/** The `cdk.tf.json` a path names: the file itself, in a stack folder, or in the one stack of a synth output folder. */
function cdkTfJsonOf(input: string): string {
  const stat = fs.statSync(input);
  if (!stat.isDirectory()) return input;
  const direct = path.join(input, 'cdk.tf.json');
  if (fs.existsSync(direct)) return direct;
  const stacks = path.join(input, 'stacks');
  const found = fs.existsSync(stacks)
    ? fs.readdirSync(stacks).sort().map((n) => path.join(stacks, n, 'cdk.tf.json')).filter((f) => fs.existsSync(f))
    : [];
  if (found.length === 1) return found[0];
  if (found.length > 1) {
    throw new Error(`the synth output folder ${input} has ${found.length} stacks (${found.map((f) => path.basename(path.dirname(f))).join(', ')}). Fix: pass one stack folder, ${path.join(input, 'stacks', '<stack>')}`);
  }
  throw new Error(`the folder ${input} has no cdk.tf.json (nor stacks/<stack>/cdk.tf.json). Fix: pass a synthesized stack folder (cdktf.out/stacks/<stack>) or a cdk.tf.json; when the rule pack failed the stack, cdktf synth may not have written cdk.tf.json`);
}

/** Whether the document is the placeholder synth writes for a stack the rule pack failed (`failedStackStub`). */
function isFailedStackStub(doc: Record<string, any>): boolean {
  const mark = (JSON.parse(failedStackStub('')) as { '//': string })['//'].trim();
  return typeof doc['//'] === 'string' && doc['//'].startsWith(mark);
}

/** Reads the input into a Terraform JSON document; throws with the reason. */
function readInput(received: unknown): ReadInput {
  let doc: unknown;
  let file: string | undefined;
  if (typeof received === 'string') {
    const text = received.charCodeAt(0) === 0xfeff ? received.slice(1) : received;
    const looksLikeJson = /^\s*[{[]/.test(text);
    if (!looksLikeJson && fs.existsSync(text)) {
      file = cdkTfJsonOf(text);
      try {
        doc = JSON.parse(fs.readFileSync(file, 'utf-8').replace(/^\uFEFF/, ''));
      } catch (e) {
        throw new Error(`${file} is not JSON text (${(e as Error).message})`);
      }
    } else {
      try {
        doc = JSON.parse(text);
      } catch (e) {
        throw new Error(looksLikeJson
          ? `the text is not valid JSON (${(e as Error).message})`
          : `${describe(received)} is neither JSON text (${(e as Error).message}) nor an existing file or folder`);
      }
    }
  } else {
    doc = received;
  }
  const where = file ?? (typeof received === 'string' ? 'the text' : describe(received));
  if (!isObject(doc)) throw new Error(`${where} is not a Terraform JSON configuration (expected a JSON object, got ${Array.isArray(doc) ? 'an array' : doc === null ? 'null' : typeof doc})`);
  if ('format_version' in doc && ('planned_values' in doc || 'resource_changes' in doc)) {
    throw new Error(`${where} is a Terraform plan (terraform show -json), not a synthesized configuration. Fix: pass the stack's cdk.tf.json, or check the plan with the check command`);
  }
  if (isFailedStackStub(doc)) {
    throw new Error(`${where} holds no configuration: the IPv6 rule pack failed this stack at synth, and synth left a placeholder (${JSON.stringify(doc['//'])}). `
      + 'Fix: fix or suppress the errors and synthesize again, or test the text of Testing.synth(stack) to see them');
  }
  const unknownKeys = Object.keys(doc).filter((k) => !TERRAFORM_KEYS.has(k));
  if (unknownKeys.length > 0) {
    throw new Error(`${where} is not a Terraform JSON configuration: unknown top-level key${unknownKeys.length > 1 ? 's' : ''} ${unknownKeys.slice(0, 5).map((k) => JSON.stringify(k)).join(', ')} (Terraform JSON has ${[...TERRAFORM_KEYS].filter((k) => k !== '//').join(', ')})`);
  }
  for (const k of ['resource', 'data', 'provider'] as const) {
    if (doc[k] !== undefined && !isObject(doc[k]) && !(k === 'provider' && Array.isArray(doc[k]))) {
      throw new Error(`${where} is not a Terraform JSON configuration: "${k}" must be an object`);
    }
  }
  return { doc, file };
}

/** The stack name cdk.tf.json records in its `//` metadata, if any. */
function stackNameOf(doc: Record<string, any>): string | undefined {
  const name = doc['//']?.metadata?.stackName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Whether any resource or data block carries its construct path (`//.metadata.path`). */
function hasConstructPaths(doc: Record<string, any>): boolean {
  return objectBlocks(doc).some((b) => constructPathOf(b.body) !== undefined);
}

/**
 * Judges a Terraform JSON document now with the document engine, without a construct tree: with the
 * options, suppressions and owners of `context` when given, else the default options and no suppressions.
 * Blocks without a construct path (the text of `Testing.synth`) are reported at their resource address.
 * @returns every verdict, compliant ones included, and the stack path used
 * @internal
 */
export function judgeDocument(doc: Record<string, any>, context?: StackContext): { stackPath: string; findings: Ipv6CheckFinding[] } {
  let pack: PackOptions;
  try {
    pack = packOptions(context?.options ?? {});
  } catch (e) {
    throw new Error(`the options in ${CONTEXT_FILE} are not valid (${(e as Error).message})`);
  }
  const stackPath = context?.stackPath ?? stackNameOf(doc) ?? '(stack)';
  const index = new Map<string, Suppression[]>();
  for (const s of context?.suppressions ?? []) {
    let list = index.get(s.path);
    if (!list) index.set(s.path, list = []);
    list.push(s);
  }
  let findings: Ipv6CheckFinding[];
  try {
    findings = evaluateDocument(doc, {
      facts: pack.facts,
      ruleLevels: pack.ruleLevels,
      stackPath,
      stackLabel: `stack ${context?.stackId ?? stackNameOf(doc) ?? stackPath}`,
      owners: context?.owners,
      crossStack: CrossStackRefs.withoutTree(),
      pathOf: (b) => b.address,
      suppressionFor: (resourcePath, _address, ruleId) => findSuppression(index, resourcePath, ruleId),
    });
  } catch (e) {
    throw new Error(`the IPv6 rule pack could not judge the document: ${(e as Error).message}`);
  }
  return { stackPath, findings };
}

/**
 * The findings of a synthesized stack (text, parsed document, stack folder, synth output folder with one
 * stack, or `cdk.tf.json` path): the record of this process, else a judgement made now.
 * @throws Error with the reason when the input cannot be judged
 * @internal
 */
export function synthesizedFindings(received: unknown): StackFindings {
  const { doc, file } = readInput(received);
  const recorded = recordedSynthesis(doc);
  if (recorded) return { doc, stackPath: recorded.stackPath, findings: recorded.findings };

  const contextFile = file ? path.join(path.dirname(file), CONTEXT_FILE) : undefined;
  const context = contextFile && fs.existsSync(contextFile) ? readStackContext(contextFile, doc) : undefined;
  const judgement = judgeDocument(doc, context);
  const notes: string[] = [];
  if (context) {
    notes.push(`Judged now: the IPv6 rule pack never ran on this document in this process, so it judged ${file} now, with the options and suppressions that synth wrote beside it in ${CONTEXT_FILE}.`);
  } else {
    notes.push('Judged now: the IPv6 rule pack never ran on this document in this process (it was synthesized in another process, or its stack has no construct of this library and no Ipv6Checks), '
      + `so it judged ${file ?? 'the text'} now, with its default options and no suppressions: Ipv6Checks.suppress calls and Ipv6Checks options made in another process are not in ${file ? 'cdk.tf.json' : 'the text'}.`);
    notes.push(file
      ? `There is no ${CONTEXT_FILE} beside it (the stack has no construct of this library and no Ipv6Checks, or was synthesized by an older version); synthesize it again to write one.`
      : `${HOW_TO_SEE_SUPPRESSIONS}.`);
  }
  if (!hasConstructPaths(doc)) notes.push('The document has no construct paths (Testing.synth removes the // metadata), so findings are reported at resource addresses.');
  return {
    doc,
    stackPath: judgement.stackPath,
    findings: judgement.findings.filter((f) => f.status !== Ipv6CheckStatus.COMPLIANT),
    judged: notes.join(' '),
  };
}
