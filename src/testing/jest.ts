/**
 * Jest matchers for synthesized stacks: `toBeValidAlicloudConfig()` (formerly `toBeValidAlicloudPlan()`, which
 * still works, deprecated), `toHaveIpv6Finding()`,
 * `toPassTerraformValidate()`. Not part of the jsii API (jsii cannot express jest types); `AlicloudJest`
 * documents them there. Register them from a `setupFilesAfterEnv` file, `.js` or `.ts`:
 *
 *   // setup.js
 *   const { Testing } = require('cdktf');
 *   const { setupAlicloudJest } = require('cdktf-alicloud-ipv6');
 *   Testing.setupJest();
 *   setupAlicloudJest();
 *
 *   // a test: the types come with `import ... from 'cdktf-alicloud-ipv6'` (./jest-matchers)
 *   expect(Testing.synth(stack)).toBeValidAlicloudConfig();
 *   expect(Testing.synth(stack)).toHaveIpv6Finding('ALI-IPV6-002', { path: 'Web' });
 *   expect(Testing.fullSynth(stack)).toPassTerraformValidate();   // real Terraform, offline
 */
import { createHash } from 'crypto';
import './jest-matchers';
import { AlicloudConfigChecker } from './config-checker';
import { Ipv6FindingFilter, formatIpv6Findings, isSynthError, matchesFinding } from './ipv6-findings';
import { OfflineTerraform, TerraformDiagnosticSeverity, TerraformValidateResult } from './terraform';
import { StackFindings, synthesizedFindings } from '../rules/synthesized-findings';
import { Ipv6CheckStatus } from '../rules/types';
import { ConfigFinding, ConfigFindingLevel } from '../schema/findings';
import { alicloudConstraintsOf, judgeConstraints } from '../schema/provider-version';

/** What jest's `expect.extend` needs back from a matcher. */
export interface AlicloudMatcherResult {
  readonly pass: boolean;
  readonly message: () => string;
}

/** `this` of a jest matcher, as far as these matchers use it. */
type MatcherThis = {
  readonly isNot?: boolean;
  readonly utils?: { matcherHint?: (name: string, received?: string, expected?: string, options?: { isNot?: boolean }) => string };
} | void;

/** Prefixes jest's usual first line (`expect(received).toBeValidAlicloudConfig()`) when jest provides it. */
function withHint(self: MatcherThis, name: string, expected: string, result: AlicloudMatcherResult): AlicloudMatcherResult {
  const hint = self?.utils?.matcherHint?.(name, undefined, expected, { isNot: self.isNot });
  return hint ? { pass: result.pass, message: () => `${hint}\n\n${result.message()}` } : result;
}

/**
 * A matcher's result when the rule pack cannot judge the input: it fails both ways, so that `.not` never
 * passes on a stack nobody judged.
 */
function notJudged(self: MatcherThis, reason: string): AlicloudMatcherResult {
  return {
    pass: Boolean(self?.isNot),
    message: () => 'expected a synthesized Terraform JSON stack (the text of Testing.synth or of cdk.tf.json, the parsed object, a stack folder or a cdk.tf.json path), '
      + `but it cannot be judged, so this matcher fails${self?.isNot ? ' (also with .not)' : ''}: ${reason}`,
  };
}

/** The findings of the input, or the failing result that says why there are none. */
function stackFindingsOf(self: MatcherThis, received: unknown): StackFindings | AlicloudMatcherResult {
  try {
    return synthesizedFindings(received);
  } catch (e) {
    return notJudged(self, (e as Error).message);
  }
}

/** The version warnings already printed (stack path and text): once per stack, not once per matcher call. */
const versionWarned = new Set<string>();

/**
 * The warning when the stack's `terraform.required_providers.alicloud.version` excludes 1.289.0 (or cannot be
 * read), printed with `console.warn` the first time a matcher sees that stack; it never fails a matcher.
 * Returns the text for the matchers' messages (`\n\nwarning: ...`), or nothing.
 */
function providerVersionWarning(stack: StackFindings): string {
  const verdict = judgeConstraints(alicloudConstraintsOf(stack.doc));
  if (verdict.state !== 'excludes' && verdict.state !== 'unreadable') return '';
  const where = stack.stackPath === '(stack)' ? '' : `stack ${stack.stackPath}: `;
  const text = `cdktf-alicloud-ipv6: ${where}${verdict.message} (ALI-IPV6-016)`;
  // one stack: its path and its document (Testing.synth output names no stack)
  const key = `${text}\u0000${createHash('sha256').update(JSON.stringify(stack.doc)).digest('hex')}`;
  if (!versionWarned.has(key)) {
    versionWarned.add(key);
    // eslint-disable-next-line no-console
    console.warn(text);
  }
  return `\n\nwarning: ${verdict.message}`;
}

/** `\n\n<how the pack judged it>` when it judged the document now, else nothing. */
function judgedNote(stack: StackFindings): string {
  return stack.judged ? `\n\n${stack.judged}` : '';
}

/**
 * How `toBeValidAlicloudConfig()` and its deprecated alias `toBeValidAlicloudPlan()` word their messages: the
 * same checks, the alias with its old words (what the stack was expected to be, what the checker is called).
 */
interface ValidWording {
  readonly matcher: string;
  readonly valid: string;
  readonly checker: string;
}

const CONFIG_WORDING: ValidWording = { matcher: 'toBeValidAlicloudConfig', valid: 'a valid alicloud configuration', checker: 'the config checker' };
const PLAN_WORDING: ValidWording = { matcher: 'toBeValidAlicloudPlan', valid: 'a valid alicloud plan', checker: 'the plan checker' };

/**
 * The matcher function: `expect(received).toBeValidAlicloudConfig()`. `received` is the synthesized
 * JSON text, the parsed document, or the path of a stack folder or `cdk.tf.json`. Fails where `cdktf synth`
 * fails (an error-level IPv6 rule-pack finding that no suppression covers) and where the provider would
 * reject the configuration (an error-level `AlicloudConfigChecker` finding). When the rules did not run on the
 * document in this process, the rule pack judges it now (see `synthesizedFindings`); when it cannot, the
 * matcher fails, also with `.not`.
 */
export function toBeValidAlicloudConfig(this: MatcherThis, received: unknown): AlicloudMatcherResult {
  return withHint(this, CONFIG_WORDING.matcher, '', validConfig(this, received, CONFIG_WORDING));
}

/**
 * The matcher function: `expect(received).toBeValidAlicloudPlan()`, the deprecated name of
 * `toBeValidAlicloudConfig()`: the same checks and results; its messages keep the old words ("a valid
 * alicloud plan", "the plan checker").
 */
export function toBeValidAlicloudPlan(this: MatcherThis, received: unknown): AlicloudMatcherResult {
  return withHint(this, PLAN_WORDING.matcher, '', validConfig(this, received, PLAN_WORDING));
}

function validConfig(self: MatcherThis, received: unknown, words: ValidWording): AlicloudMatcherResult {
  const stack = stackFindingsOf(self, received);
  if (!('findings' in stack)) return stack;
  const version = providerVersionWarning(stack);
  let findings: ConfigFinding[];
  try {
    findings = AlicloudConfigChecker.checkObject(stack.doc);
  } catch (e) {
    return notJudged(self, `${words.checker} failed: ${(e as Error).message}`);
  }
  const configErrors = findings.filter((f) => f.level === ConfigFindingLevel.ERROR);
  const ruleErrors = stack.findings.filter(isSynthError);
  if (configErrors.length === 0 && ruleErrors.length === 0) {
    return { pass: true, message: () => `expected the stack to be invalid, but the IPv6 rule pack and ${words.checker} found no errors${judgedNote(stack)}${version}` };
  }
  const parts: string[] = [];
  if (ruleErrors.length > 0) {
    parts.push(`the IPv6 rule pack found ${ruleErrors.length} error(s) (cdktf synth fails on them; `
      + `fix them, or suppress one with Ipv6Checks.suppress(construct, ruleId, reason)):\n${formatIpv6Findings(ruleErrors)}`);
  }
  if (configErrors.length > 0) {
    parts.push(`${words.checker} found ${configErrors.length} error(s):\n${AlicloudConfigChecker.format(configErrors)}`);
  }
  return { pass: false, message: () => `expected ${words.valid}, but ${parts.join('\nand ')}${judgedNote(stack)}${version}` };
}

/**
 * The matcher function: `expect(received).toHaveIpv6Finding(ruleId, options)`. `received` is the
 * synthesized JSON text, the parsed document, or the path of a stack folder or `cdk.tf.json`. When the
 * rule pack cannot judge it, the matcher fails, also with `.not`.
 */
export function toHaveIpv6Finding(this: MatcherThis, received: unknown, ruleId: string, options: Ipv6FindingFilter = {}): AlicloudMatcherResult {
  return withHint(this, 'toHaveIpv6Finding', 'ruleId', ipv6Finding(this, received, ruleId, options));
}

function ipv6Finding(self: MatcherThis, received: unknown, ruleId: string, options: Ipv6FindingFilter): AlicloudMatcherResult {
  const stack = stackFindingsOf(self, received);
  if (!('findings' in stack)) return stack;
  const version = providerVersionWarning(stack);
  const wanted = `${options.status === Ipv6CheckStatus.SUPPRESSED ? 'a suppressed' : 'an'} ${ruleId} finding`
    + `${Object.keys(options).length ? ` matching ${JSON.stringify(options, (_k, v) => (v instanceof RegExp ? String(v) : v))}` : ''}`;
  const hits = stack.findings.filter((f) => matchesFinding(f, ruleId, options));
  const listing = () => `findings of stack ${stack.stackPath} (compliant ones omitted):\n${formatIpv6Findings(stack.findings)}`;
  return hits.length > 0
    ? { pass: true, message: () => `expected no ${wanted.replace(/^an? /, '')}, but found:\n${formatIpv6Findings(hits)}${judgedNote(stack)}${version}` }
    : { pass: false, message: () => `expected ${wanted}, but there is none; ${listing()}${judgedNote(stack)}${version}` };
}

/**
 * The matcher function: `expect(dir).toPassTerraformValidate()`. `dir` is a synthesized stack folder
 * (`cdktf.out/stacks/<stack>`) or a synth output folder (what `Testing.fullSynth` returns).
 */
export function toPassTerraformValidate(this: MatcherThis, received: unknown): AlicloudMatcherResult {
  if (typeof received !== 'string') {
    return { pass: false, message: () => `expected a stack folder or a synth output folder (a path), got ${typeof received}` };
  }
  let results: TerraformValidateResult[];
  try {
    results = OfflineTerraform.validateSynthOutput(received);
  } catch (e) {
    return { pass: false, message: () => `could not run terraform validate on ${received}: ${(e as Error).message}` };
  }
  if (results.length === 0) return { pass: false, message: () => `no stack folder found in ${received}` };
  const failed = results.filter((r) => !r.valid);
  const names = results.map((r) => r.stackDir).join(', ');
  return failed.length === 0
    ? { pass: true, message: () => `expected terraform validate to fail, but ${names} ${results.length === 1 ? 'is' : 'are'} valid` }
    : {
      pass: false,
      message: () => failed.map((r) => {
        const errors = r.diagnostics.filter((d) => d.severity === TerraformDiagnosticSeverity.ERROR);
        return `terraform validate found ${errors.length} error(s) in ${r.stackDir}:\n${OfflineTerraform.format(r.diagnostics)}`;
      }).join('\n\n'),
    };
}

/**
 * Registers `toBeValidAlicloudConfig` (and its deprecated alias `toBeValidAlicloudPlan`), `toHaveIpv6Finding`
 * and `toPassTerraformValidate` with jest's global `expect`. Call it once from a `setupFilesAfterEnv` file
 * (`setup.js` or `setup.ts`).
 */
export function setupAlicloudJest(): void {
  const jestExpect = (globalThis as { expect?: { extend?: (matchers: object) => void } }).expect;
  if (typeof jestExpect?.extend !== 'function') {
    throw new Error('setupAlicloudJest() must run inside jest (for example from a setupFilesAfterEnv file): no global expect.extend');
  }
  jestExpect.extend({ toBeValidAlicloudConfig, toBeValidAlicloudPlan, toHaveIpv6Finding, toPassTerraformValidate });
}
