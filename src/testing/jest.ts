/**
 * Jest matchers for synthesized stacks: `toBeValidAlicloudPlan()`, `toHaveIpv6Finding()`,
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
 *   expect(Testing.synth(stack)).toBeValidAlicloudPlan();
 *   expect(Testing.synth(stack)).toHaveIpv6Finding('ALI-IPV6-002', { path: 'Web' });
 *   expect(Testing.fullSynth(stack)).toPassTerraformValidate();   // real Terraform, offline
 */
import './jest-matchers';
import { Ipv6FindingFilter, formatIpv6Findings, isSynthError, matchesFinding } from './ipv6-findings';
import { AlicloudPlanChecker } from './plan-checker';
import { OfflineTerraform, TerraformDiagnosticSeverity, TerraformValidateResult } from './terraform';
import { recordedSynthesis } from '../rules/synthesized';
import { Ipv6CheckStatus } from '../rules/types';
import { PlanFinding, PlanFindingLevel } from '../schema/findings';

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

/** Prefixes jest's usual first line (`expect(received).toBeValidAlicloudPlan()`) when jest provides it. */
function withHint(self: MatcherThis, name: string, expected: string, result: AlicloudMatcherResult): AlicloudMatcherResult {
  const hint = self?.utils?.matcherHint?.(name, undefined, expected, { isNot: self.isNot });
  return hint ? { pass: result.pass, message: () => `${hint}\n\n${result.message()}` } : result;
}

/**
 * The matcher function: `expect(received).toBeValidAlicloudPlan()`. `received` is the synthesized
 * JSON text or the parsed document. Fails where `cdktf synth` fails (an error-level IPv6 rule-pack
 * finding that no suppression covers) and where the provider would reject the configuration
 * (an error-level `AlicloudPlanChecker` finding).
 */
export function toBeValidAlicloudPlan(this: MatcherThis, received: unknown): AlicloudMatcherResult {
  return withHint(this, 'toBeValidAlicloudPlan', '', validPlan(received));
}

function validPlan(received: unknown): AlicloudMatcherResult {
  let findings: PlanFinding[];
  let doc: unknown;
  try {
    doc = typeof received === 'string' ? JSON.parse(received) : received;
  } catch (e) {
    return { pass: false, message: () => `expected a synthesized Terraform JSON stack: ${(e as Error).message}` };
  }
  try {
    findings = AlicloudPlanChecker.checkObject(doc);
  } catch (e) {
    return { pass: false, message: () => `expected a synthesized Terraform JSON stack: ${(e as Error).message}` };
  }
  const planErrors = findings.filter((f) => f.level === PlanFindingLevel.ERROR);
  const recorded = recordedSynthesis(doc);
  const ruleErrors = recorded?.findings.filter(isSynthError) ?? [];
  if (planErrors.length === 0 && ruleErrors.length === 0) {
    const checked = recorded ? 'the IPv6 rule pack and the plan checker found no errors' : 'the plan checker found no errors (the IPv6 rule pack did not run on this document)';
    return { pass: true, message: () => `expected the stack to be invalid, but ${checked}` };
  }
  const parts: string[] = [];
  if (ruleErrors.length > 0) {
    parts.push(`the IPv6 rule pack found ${ruleErrors.length} error(s) (cdktf synth fails on them; `
      + `fix them, or suppress one with Ipv6Checks.suppress(construct, ruleId, reason)):\n${formatIpv6Findings(ruleErrors)}`);
  }
  if (planErrors.length > 0) {
    parts.push(`the plan checker found ${planErrors.length} error(s):\n${AlicloudPlanChecker.format(planErrors)}`);
  }
  return { pass: false, message: () => `expected a valid alicloud plan, but ${parts.join('\nand ')}` };
}

/**
 * The matcher function: `expect(received).toHaveIpv6Finding(ruleId, options)`. `received` is the
 * synthesized JSON text or the parsed document.
 */
export function toHaveIpv6Finding(this: MatcherThis, received: unknown, ruleId: string, options: Ipv6FindingFilter = {}): AlicloudMatcherResult {
  return withHint(this, 'toHaveIpv6Finding', 'ruleId', ipv6Finding(received, ruleId, options));
}

function ipv6Finding(received: unknown, ruleId: string, options: Ipv6FindingFilter): AlicloudMatcherResult {
  let recorded;
  try {
    recorded = recordedSynthesis(received);
  } catch (e) {
    return { pass: false, message: () => `expected a synthesized Terraform JSON stack: ${(e as Error).message}` };
  }
  const wanted = `${options.status === Ipv6CheckStatus.SUPPRESSED ? 'a suppressed' : 'an'} ${ruleId} finding`
    + `${Object.keys(options).length ? ` matching ${JSON.stringify(options, (_k, v) => (v instanceof RegExp ? String(v) : v))}` : ''}`;
  if (!recorded) {
    return {
      pass: false,
      message: () => `expected ${wanted}, but the IPv6 rule pack never ran on this document in this process. `
        + 'Pass the text of Testing.synth(stack) / Testing.synthScope(...) of a stack with a construct of this library or an Ipv6Checks aspect.',
    };
  }
  const hits = recorded.findings.filter((f) => matchesFinding(f, ruleId, options));
  const listing = () => `findings of stack ${recorded.stackPath} (compliant ones omitted):\n${formatIpv6Findings(recorded.findings)}`;
  return hits.length > 0
    ? { pass: true, message: () => `expected no ${wanted.replace(/^an? /, '')}, but found:\n${formatIpv6Findings(hits)}` }
    : { pass: false, message: () => `expected ${wanted}, but there is none; ${listing()}` };
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
 * Registers `toBeValidAlicloudPlan`, `toHaveIpv6Finding` and `toPassTerraformValidate` with jest's global
 * `expect`. Call it once from a `setupFilesAfterEnv` file (`setup.js` or `setup.ts`).
 */
export function setupAlicloudJest(): void {
  const jestExpect = (globalThis as { expect?: { extend?: (matchers: object) => void } }).expect;
  if (typeof jestExpect?.extend !== 'function') {
    throw new Error('setupAlicloudJest() must run inside jest (for example from a setupFilesAfterEnv file): no global expect.extend');
  }
  jestExpect.extend({ toBeValidAlicloudPlan, toHaveIpv6Finding, toPassTerraformValidate });
}
