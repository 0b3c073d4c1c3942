/**
 * The report written beside each synthesized stack: `ipv6-checks-report.json` and `.csv`.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULE_FAILURE } from './engine';
import { ALL_RULES } from './rules';
import { Ipv6CheckFinding, Ipv6CheckStatus } from './types';

/** File names of the report. @internal */
export const REPORT_JSON = 'ipv6-checks-report.json';
export const REPORT_CSV = 'ipv6-checks-report.csv';

const COLUMNS = ['ruleId', 'ruleName', 'level', 'status', 'address', 'constructPath', 'message', 'fix', 'suppressionReason', 'suppressedAt'] as const;

function csvCell(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The report document. @internal */
export function reportDocument(
  stackName: string,
  findings: readonly Ipv6CheckFinding[],
  levels: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const summary: Record<string, number> = {};
  for (const s of Object.values(Ipv6CheckStatus)) summary[s] = 0;
  for (const f of findings) summary[f.status]++;
  return {
    stack: stackName,
    generatedBy: 'cdktf-alicloud-ipv6 Ipv6Checks (see RULES.md)',
    summary,
    rules: [...ALL_RULES, RULE_FAILURE].map((r) => ({ ruleId: r.id, name: r.name, level: levels.get(r.id) ?? r.level, summary: r.summary })),
    findings,
  };
}

/** Writes the JSON and CSV reports into `dir`. @internal */
export function writeReports(dir: string, stackName: string, findings: readonly Ipv6CheckFinding[], levels: ReadonlyMap<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, REPORT_JSON), `${JSON.stringify(reportDocument(stackName, findings, levels), null, 2)}\n`);
  const lines = [COLUMNS.join(',')];
  for (const f of findings) lines.push(COLUMNS.map((c) => csvCell(f[c])).join(','));
  fs.writeFileSync(path.join(dir, REPORT_CSV), `${lines.join('\n')}\n`);
}
