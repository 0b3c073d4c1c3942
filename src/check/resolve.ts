/**
 * One input of the `check` command from path to findings: read it (run.ts), follow its modules and
 * substitute the values Terraform would use (modules.ts, values.ts), run the rule pack (run.ts), and then:
 * the findings about modules that were not followed; where substituted values came from; and a region
 * finding (ALI-IPV6-001) reported where the region is set (the provider's `region` line, or the variable
 * default, `.tfvars` line or `--var` that decides it), listing the resources it affects, which keep a linked
 * info each.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { CheckConfig, covers } from './config';
import { terraformFiles } from './hcl';
import { InputKind, CheckInputError } from './model';
import { ModuleFinding, MODULE_RULE, ResolvedConfig, resolveConfig, ResolveOptions } from './modules';
import { checkDocument, CheckedInput, CheckFinding, loadInput } from './run';
import { ruleLevel } from '../rules/engine';
import { Ipv6CheckLevel, Ipv6CheckStatus, Ipv6RuleId } from '../rules/types';

/** The root module's folder and files of a configuration input (as loadInput reads them). */
function rootOf(input: string, forced: InputKind | undefined): { dir: string; files: string[] } {
  if (!fs.statSync(input).isDirectory()) return { dir: path.dirname(input), files: [input] };
  const cdk = path.join(input, 'cdk.tf.json');
  const files = forced === undefined && fs.existsSync(cdk) ? [cdk] : terraformFiles(input, forced ?? 'hcl');
  return { dir: input, files };
}

/** Checks one input: a configuration with its modules and values, or a plan. @internal */
export async function checkInput(input: string, forced: InputKind | undefined, options: ResolveOptions, config: CheckConfig): Promise<CheckedInput> {
  const doc = await loadInput(input, forced);
  if (doc.kind === 'plan') {
    if (options.vars.length > 0) {
      throw new CheckInputError('is a plan: it holds the values it was planned with, so --var and --var-file do not apply to it. Fix: give them to terraform plan, or check the configuration folder with them', input);
    }
    return checkDocument(doc, config);
  }
  const { dir, files } = rootOf(input, forced);
  const resolved = await resolveConfig(doc, dir, files, options);
  return afterCheck(checkDocument(resolved.doc, config), resolved, config);
}

const RANK = { off: 0, info: 1, warning: 2, error: 3 } as const;

/** The findings of modules.ts, with the levels and suppressions of the config. */
function moduleFindings(input: string, findings: readonly ModuleFinding[], config: CheckConfig): CheckFinding[] {
  return findings.map((m) => {
    const level = ruleLevel(config.pack.ruleLevels, MODULE_RULE.id, m.level as Ipv6CheckLevel);
    const s = config.suppressions.find((x) => x.ruleId === '*' && covers(x.address, m.address));
    return {
      ruleId: MODULE_RULE.id,
      ruleName: MODULE_RULE.name,
      level,
      status: s ? Ipv6CheckStatus.SUPPRESSED : Ipv6CheckStatus.NOT_VERIFIABLE,
      address: m.address,
      constructPath: m.address,
      message: m.message,
      fix: m.fix,
      input,
      file: m.file,
      ...(m.line !== undefined ? { line: m.line } : {}),
      ...(m.via ? { via: m.via } : {}),
      ...(s ? { suppressionReason: s.reason, suppressedAt: `${s.at} (${s.address})` } : {}),
    };
  });
}

/** Whether a known value's text appears in a message as a word (so the note of where it came from belongs there). */
function mentions(message: string, note: string): boolean {
  const m = / = ("(?:[^"\\]|\\.)*"|[^,; ]+)/.exec(note);
  if (!m) return false;
  let value = m[1];
  if (value.startsWith('"')) {
    try {
      value = JSON.parse(value);
    } catch {
      return false;
    }
  }
  if (value.length === 0) return false;
  return new RegExp(`(?<![\\w.-])${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).test(message);
}

const TAIL = /; the same cause also affects .* \(linked infos\)$/;

/** Module findings, value notes, module call chains, and region findings moved to where the region is set. */
function afterCheck(checked: CheckedInput, resolved: ResolvedConfig, config: CheckConfig): CheckedInput {
  let findings: CheckFinding[] = checked.findings.map((f) => {
    const via = resolved.via.get(f.address);
    const notes = (resolved.notes.get(f.address) ?? []).filter((n) => f.status !== Ipv6CheckStatus.COMPLIANT && mentions(f.message, n));
    const message = notes.length > 0 ? `${f.message} (${notes.join('; ')})` : f.message;
    return { ...f, message, ...(via ? { via } : {}) };
  });
  findings = relocateRegionCauses(findings, resolved, config);
  return { ...checked, findings: [...moduleFindings(checked.input, resolved.findings, config), ...findings] };
}

/**
 * ALI-IPV6-001 reports one finding per provider region (the root cause) on the first resource in type order,
 * and links the others to it. Here that finding moves to where the region is set, names every resource it
 * affects, and the first resource keeps a linked info like the others.
 */
function relocateRegionCauses(findings: CheckFinding[], resolved: ResolvedConfig, config: CheckConfig): CheckFinding[] {
  const out = [...findings];
  for (let i = 0; i < out.length; i++) {
    const f = out[i];
    if (f.ruleId !== Ipv6RuleId.REGION || f.linkedTo !== undefined) continue;
    if (f.status !== Ipv6CheckStatus.NON_COMPLIANT && f.status !== Ipv6CheckStatus.NOT_VERIFIABLE) continue;
    const alias = resolved.providerAlias.get(f.address);
    const origin = alias === undefined ? undefined : resolved.regionOrigins.get(alias);
    if (!origin) continue;
    const linked = out.filter((l) => l.ruleId === f.ruleId && l.linkedTo === f.constructPath);
    const affects = [f.address, ...linked.map((l) => l.address)];
    const message = f.message.replace(TAIL, '');
    const suppression = config.suppressions.find((s) => (s.ruleId === f.ruleId || s.ruleId === '*') && covers(s.address, origin.address));
    const root: CheckFinding = {
      ...f,
      address: origin.address,
      constructPath: origin.address,
      message: `${origin.text}; it affects ${affects.length} resource${affects.length === 1 ? '' : 's'}: ${affects.join(', ')}. ${message}`,
      file: origin.file,
      affects,
      ...(origin.line !== undefined ? { line: origin.line } : { line: undefined }),
      ...(suppression ? { status: Ipv6CheckStatus.SUPPRESSED, suppressionReason: suppression.reason, suppressedAt: `${suppression.at} (${suppression.address})` } : {}),
    };
    if (root.line === undefined) delete (root as { line?: number }).line;
    delete (root as { via?: string }).via;
    const fix = `the same cause as [${f.ruleId}] at '${origin.address}', which is reported there once: fix it there`;
    const first: CheckFinding = {
      ...f,
      message,
      level: RANK[f.level] > RANK.info ? Ipv6CheckLevel.INFO : f.level,
      linkedTo: origin.address,
      fix,
    };
    for (let j = 0; j < out.length; j++) {
      const l = out[j];
      if (l.ruleId === f.ruleId && l.linkedTo === f.constructPath) out[j] = { ...l, linkedTo: origin.address, fix };
    }
    out.splice(i, 1, root, first);
    i++;
  }
  return out;
}
