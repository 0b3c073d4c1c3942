/**
 * The `check` command's work: detect each input's kind, adapt it to the rules' document, run the rule
 * pack once per input (`evaluateDocument`, the same engine as at synth), and map each finding back to the
 * real address, file and line, with inline skips and config suppressions applied.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { CheckConfig, covers } from './config';
import { osReason, parseJson, readText, stateFileError } from './files';
import { configDocument, terraformFiles } from './hcl';
import { CheckDocument, CheckInputError, InputKind, SourceLocation } from './model';
import { planDocument } from './plan';
import { argumentLine, ConfigLines, configLines, lineReader } from './source-lines';
import { isObject } from '../core/terraform-json';
import { evaluateDocument } from '../rules/engine';
import { FixLanguage } from '../rules/rule';
import { schemaFindingPath } from '../rules/rules/provider-schema';
import { Suppression } from '../rules/suppressions';
import { Ipv6CheckFinding, Ipv6RuleId } from '../rules/types';

/** A finding with where it is. @internal */
export interface CheckFinding extends Ipv6CheckFinding {
  /** The input (path as given) it came from. */
  readonly input: string;
  readonly file: string;
  readonly line?: number;
  /** A block in a child module: the module calls that lead to it, `main.tf:12 module "net" → modules/net/main.tf:3`. */
  readonly via?: string;
  /** A finding reported where its root cause is set (a provider's region): the resources the cause affects. */
  readonly affects?: readonly string[];
}

/** The result of one input. @internal */
export interface CheckedInput {
  readonly input: string;
  readonly kind: InputKind;
  readonly findings: readonly CheckFinding[];
}

/** Is the parsed JSON a plan (`terraform show -json`)? */
function looksLikePlan(json: unknown): boolean {
  return isObject(json) && 'format_version' in json
    && ('planned_values' in json || 'resource_changes' in json || 'configuration' in json || 'prior_state' in json);
}

/** Reads one input into a document. @internal */
export async function loadInput(input: string, forced?: InputKind): Promise<CheckDocument> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch (e) {
    // only a missing path is "does not exist"; anything else (EACCES, ENOTDIR, ELOOP...) with the OS reason
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CheckInputError('does not exist', input);
    throw new CheckInputError(`cannot be read: ${osReason(e)}`, input);
  }
  if (stat.isDirectory()) {
    if (forced === 'plan') throw new CheckInputError('is a folder; --input plan needs a plan JSON file (terraform show -json plan.out > plan.json)', input);
    const cdk = path.join(input, 'cdk.tf.json');
    const files = forced === undefined && fs.existsSync(cdk) ? [cdk] : terraformFiles(input, forced ?? 'hcl');
    if (files.length === 0) {
      throw new CheckInputError(`has no Terraform files (${forced === 'json' ? '*.tf.json' : '*.tf, *.tf.json'}); give a Terraform folder, a synthesized stack folder (cdktf.out/stacks/<stack>) or a plan JSON`, input);
    }
    const kind = forced ?? (files.every((f) => f.endsWith('.json')) ? 'json' : 'hcl');
    return configDocument(input, files, kind === 'json' ? 'json' : 'hcl');
  }
  if (!stat.isFile()) throw new CheckInputError('is not a file or a folder', input);
  if (forced === 'hcl' || (forced === undefined && input.endsWith('.tf'))) return configDocument(input, [input], 'hcl');
  const text = readText(input);
  const json = parseJson(text, input);
  const state = stateFileError(json, input);
  if (state) throw state;
  if (forced === 'plan' || (forced === undefined && looksLikePlan(json))) return planDocument(json, input);
  if (forced === undefined && typeof json === 'object' && json !== null && 'format_version' in json) {
    throw new CheckInputError('has a format_version but is not a plan (no planned_values, resource_changes or configuration)', input);
  }
  return configDocument(input, [input], 'json');
}

/** Replaces document addresses with real ones in a text (only where they differ: plan instances). */
function realText(text: string, doc: CheckDocument, pattern: RegExp | undefined): string {
  if (!pattern) return text;
  return text.replace(pattern, (a) => doc.addresses.get(a) ?? a);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The language of an input's source, for its fixes: a stack synthesized by cdktf (its `cdk.tf.json` carries
 * cdktf's `"//": { "metadata": ... }`) is TypeScript with the library's constructs; HCL, any other Terraform
 * JSON and plans are Terraform.
 * @internal
 */
export function sourceLanguage(doc: Pick<CheckDocument, 'kind' | 'doc'>): FixLanguage {
  if (doc.kind !== 'json') return 'terraform';
  const comment = doc.doc['//'];
  return isObject(comment) && isObject(comment.metadata) ? 'cdktf' : 'terraform';
}

/** Runs the rule pack on one adapted input. @internal */
export function checkDocument(doc: CheckDocument, config: CheckConfig): CheckedInput {
  const real = (a: string) => doc.addresses.get(a) ?? a;
  const suppressionFor = (_path: string, address: string | undefined, ruleId: string): Suppression | undefined => {
    if (address === undefined) return undefined;
    const inline = doc.skips.get(address);
    const hit = inline?.find((s) => s.ruleId === ruleId) ?? inline?.find((s) => s.ruleId === '*');
    if (hit) return { ruleId: hit.ruleId, reason: hit.reason, path: hit.at };
    const r = real(address);
    const c = config.suppressions.find((s) => s.ruleId === ruleId && covers(s.address, r))
      ?? config.suppressions.find((s) => s.ruleId === '*' && covers(s.address, r));
    return c ? { ruleId: c.ruleId, reason: c.reason, path: `${c.at} (${c.address})` } : undefined;
  };
  const findings = evaluateDocument(doc.doc, {
    facts: config.pack.facts,
    ruleLevels: config.pack.ruleLevels,
    // fixes in the input's language; the whole provider schema for configuration (Terraform validated a plan's)
    language: sourceLanguage(doc),
    providerSchema: doc.kind !== 'plan',
    stackPath: doc.input,
    stackLabel: doc.input,
    // a block's findings (and the links between findings of one root cause) name its resource address
    pathOf: (b) => real(b.address),
    suppressionFor,
  });
  const pattern = doc.addresses.size > 0
    ? new RegExp(`(?<![\\w.-])(?:${[...doc.addresses.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\w-])`, 'g')
    : undefined;
  const planWording = doc.kind === 'plan';
  let lines: ConfigLines | undefined;
  // provider blocks and the version constraint: scanned for only when a finding is about them
  const otherLocation = (f: Ipv6CheckFinding): SourceLocation | undefined => {
    if (doc.kind === 'plan') return undefined;
    if (f.ruleId === Ipv6RuleId.PROVIDER_VERSION) return (lines ??= configLines(doc)).versionConstraint;
    return f.address.startsWith('provider.') ? (lines ??= configLines(doc)).providers.get(f.address.replace(/\[\d+\]$/, '')) : undefined;
  };
  // a finding of the provider schema (ALI-IPV6-015) at the line of its argument, when the source has it
  const read = lineReader();
  const argument = (f: Ipv6CheckFinding, block: SourceLocation | undefined): SourceLocation | undefined => {
    const at = block && doc.kind !== 'plan' ? schemaFindingPath(f) : undefined;
    return at === undefined ? undefined : argumentLine(block!, at, read);
  };
  const out: CheckFinding[] = findings.map((f) => {
    const block = doc.locations.get(f.address) ?? otherLocation(f);
    const loc: SourceLocation = argument(f, block) ?? block ?? doc.location;
    let message = realText(f.message, doc, pattern);
    const fix = f.fix === undefined ? undefined : realText(f.fix, doc, pattern);
    if (planWording && message.includes('at synth time')) {
      message = message.replace(/Cannot verify at synth time/g, 'Cannot verify from the plan').replace(/known only at apply time/g, 'unknown in the plan');
    }
    // The engine's finding becomes the check's: evaluateDocument made it for this call alone, so it is completed in
    // place (copying thousands of findings of several shapes costs more). Address, message and fix keep their places
    // among its keys; input, file and line come after them.
    const c = f as { -readonly [K in keyof CheckFinding]: CheckFinding[K] };
    c.address = real(f.address);
    c.message = message;
    if (fix !== undefined) c.fix = fix; // a fix only where the finding has one: its key is already in place
    c.input = doc.input;
    c.file = loc.file;
    if (loc.line !== undefined) c.line = loc.line;
    return c;
  });
  return { input: doc.input, kind: doc.kind, findings: out };
}
