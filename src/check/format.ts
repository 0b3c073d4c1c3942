/**
 * Output of the `check` command: text (grouped by file, colour only on a TTY, a summary line), JSON (every
 * finding, compliant ones included, as in the synth report) and SARIF 2.1.0 (for code-scanning dashboards).
 * @internal
 */
import * as path from 'path';
import { MODULE_RULE } from './modules';
import { rulesHelp, RULES_URL } from './rules-doc';
import { CheckedInput, CheckFinding } from './run';
import { ruleCatalogue } from '../rules/catalogue';
import { isReported } from '../rules/engine';
import { Ipv6CheckLevel, Ipv6CheckStatus } from '../rules/types';

/** Findings that are reported (not compliant): non-compliant, not verifiable, suppressed. @internal */
export function reported(f: CheckFinding): boolean {
  return f.status !== Ipv6CheckStatus.COMPLIANT && f.level !== Ipv6CheckLevel.OFF;
}

/** Whether a finding is active (not suppressed, not compliant): what `cdktf synth` would report. @internal */
export const active: (f: CheckFinding) => boolean = isReported;

/** Counts for the summary line. @internal */
export interface Summary {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
  readonly suppressed: number;
  readonly compliant: number;
  readonly resources: number;
  readonly inputs: number;
}

/** A provider's address (`provider.alicloud.hk`, `module.net.provider.alicloud`). */
const PROVIDER_ADDRESS = /^(?:module\.\S+\.)?provider\./;

/** Whether an address is a provider's; the regular expression only for the addresses that can match it. */
function isProviderAddress(address: string): boolean {
  return address.startsWith('provider.') || (address.startsWith('module.') && PROVIDER_ADDRESS.test(address));
}

/** @internal */
export function summarize(results: readonly CheckedInput[]): Summary {
  let errors = 0; let warnings = 0; let infos = 0; let suppressed = 0; let compliant = 0;
  // input → the addresses of the resources it has findings on
  const resourcesOf = new Map<string, Set<string>>();
  for (const r of results) {
    let resources = resourcesOf.get(r.input);
    if (!resources) resourcesOf.set(r.input, resources = new Set());
    for (const f of r.findings) {
      // a finding at a provider, a variable (`affects`), a module call or the input as a whole is not about one resource
      const aboutResource = f.affects === undefined && f.ruleId !== MODULE_RULE.id && !isProviderAddress(f.address) && f.address !== r.input;
      if (aboutResource) resources.add(f.address);
      if (f.status === Ipv6CheckStatus.SUPPRESSED) suppressed++;
      else if (f.status === Ipv6CheckStatus.COMPLIANT) compliant++;
      else if (!active(f)) continue;
      else if (f.level === Ipv6CheckLevel.ERROR) errors++;
      else if (f.level === Ipv6CheckLevel.WARNING) warnings++;
      else infos++;
    }
  }
  let resources = 0;
  for (const set of resourcesOf.values()) resources += set.size;
  return { errors, warnings, infos, suppressed, compliant, resources, inputs: results.length };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The summary line. @internal */
export function summaryLine(s: Summary): string {
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}, ${s.suppressed} suppressed`
    + ` (${plural(s.compliant, 'check')} passed on ${plural(s.resources, 'resource')} in ${plural(s.inputs, 'input')})`;
}

const COLOURS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

/** The text report: findings grouped by file (then line), a summary line. @internal */
export function formatText(results: readonly CheckedInput[], colour: boolean): string {
  const c = (k: keyof typeof COLOURS, s: string) => (colour ? `${COLOURS[k]}${s}${COLOURS.reset}` : s);
  const byFile = new Map<string, CheckFinding[]>();
  for (const r of results) {
    for (const f of r.findings) {
      if (!reported(f)) continue;
      let list = byFile.get(f.file);
      if (!list) byFile.set(f.file, list = []);
      list.push(f);
    }
  }
  const order = { error: 0, warning: 1, info: 2, off: 3 };
  let out = '';
  for (const [file, list] of byFile) {
    out += `${c('bold', file)}\n`;
    list.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || order[a.level] - order[b.level] || a.ruleId.localeCompare(b.ruleId));
    for (const f of list) {
      const where = f.line !== undefined ? `${file}:${f.line}` : file;
      const suppressed = f.status === Ipv6CheckStatus.SUPPRESSED;
      const label = suppressed ? c('dim', 'suppressed') : c(f.level as 'error' | 'warning' | 'info', f.level.padEnd(7));
      out += `  ${where}  ${label}  ${f.ruleId}  ${f.address}\n`;
      out += `    ${f.message}.\n`;
      if (f.via) out += `    ${c('dim', `via ${f.via}`)}\n`;
      if (suppressed) out += `    ${c('dim', `suppressed at ${f.suppressedAt}: ${f.suppressionReason}`)}\n`;
      else if (f.fix) out += `    Fix: ${f.fix}.\n`;
    }
    out += '\n';
  }
  const s = summarize(results);
  const line = summaryLine(s);
  out += `${s.errors > 0 ? c('error', line) : s.warnings > 0 ? c('warning', line) : line}\n`;
  return out;
}

/** The JSON report: every finding with its file and line, and the summary. @internal */
export function formatJson(results: readonly CheckedInput[]): string {
  const s = summarize(results);
  return `${JSON.stringify({
    generatedBy: 'cdktf-alicloud-ipv6 check (see RULES.md)',
    summary: s,
    inputs: results.map((r) => ({ input: r.input, kind: r.kind })),
    rules: ruleCatalogue(),
    findings: results.flatMap((r) => r.findings),
  }, null, 2)}\n`;
}

const SARIF_LEVEL: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', off: 'none' };

/** A file path for SARIF: relative to the working folder, with forward slashes. */
function uri(file: string): string {
  const rel = path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;
  return rel.split(path.sep).join('/');
}

function packageVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require('../../package.json').version;
  } catch {
    return '0.0.0';
  }
}

/** SARIF 2.1.0: one run, the rules with their RULES.md help, one result per reported finding. @internal */
export function formatSarif(results: readonly CheckedInput[]): string {
  const help = rulesHelp();
  const rules = ruleCatalogue();
  const ruleIndex = new Map(rules.map((r, i) => [r.ruleId, i]));
  const sarifRules = rules.map((r) => {
    const text = help.get(r.ruleId) ?? r.summary;
    return {
      id: r.ruleId,
      name: r.name,
      shortDescription: { text: r.summary },
      fullDescription: { text: r.summary },
      help: { text: text.replace(/[*`]/g, ''), markdown: text },
      helpUri: `${RULES_URL}#${r.ruleId.toLowerCase()}-${r.name}`,
      defaultConfiguration: { level: SARIF_LEVEL[r.level] },
      properties: { tags: ['ipv6', 'alicloud', 'terraform'], notVerifiableLevel: r.notVerifiableLevel },
    };
  });
  const sarifResults = results.flatMap((r) => r.findings.filter(reported).map((f) => {
    // a finding reported where its cause is set: the resources it affects, where they are
    const related = (f.affects ?? []).map((a, id) => {
      const at = r.findings.find((g) => g.address === a && g.ruleId === f.ruleId);
      return {
        id,
        physicalLocation: {
          artifactLocation: { uri: uri(at?.file ?? f.file) },
          ...(at?.line !== undefined ? { region: { startLine: at.line } } : {}),
        },
        message: { text: a },
      };
    });
    const suppressed = f.status === Ipv6CheckStatus.SUPPRESSED;
    const inline = suppressed && /:\d+$/.test(f.suppressedAt ?? '') && !(f.suppressedAt ?? '').includes(' (');
    return {
      ruleId: f.ruleId,
      ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
      level: SARIF_LEVEL[f.level],
      kind: f.status === Ipv6CheckStatus.NOT_VERIFIABLE ? 'review' : 'fail',
      message: { text: `${f.message}.${f.fix ? ` Fix: ${f.fix}.` : ''}` },
      locations: [{
        physicalLocation: {
          artifactLocation: { uri: uri(f.file) },
          ...(f.line !== undefined ? { region: { startLine: f.line } } : {}),
        },
        logicalLocations: [{ fullyQualifiedName: f.address, kind: f.address.startsWith('var.') ? 'variable' : f.ruleId === 'ALI-IPV6-MOD' ? 'module' : 'resource' }],
      }],
      ...(related.length > 0 ? { relatedLocations: related } : {}),
      partialFingerprints: { 'ipv6Checks/v1': `${f.ruleId}:${f.address}` },
      // SARIF `fixes` must carry concrete artifact changes; the fix is advice, so it goes in the message and here.
      properties: {
        status: f.status,
        address: f.address,
        ...(f.fix ? { fix: f.fix } : {}),
        ...(f.constructPath !== f.address ? { constructPath: f.constructPath } : {}),
        ...(f.via ? { via: f.via } : {}),
        ...(f.affects ? { affects: f.affects } : {}),
      },
      ...(suppressed ? { suppressions: [{ kind: inline ? 'inSource' : 'external', status: 'accepted', justification: f.suppressionReason ?? '' }] } : {}),
    };
  }));
  return `${JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'cdktf-alicloud-ipv6',
          informationUri: RULES_URL,
          version: packageVersion(),
          rules: [...sarifRules],
        },
      },
      results: sarifResults,
      columnKind: 'utf16CodeUnits',
    }],
  }, null, 2)}\n`;
}
