/**
 * The report written beside each synthesized stack: `ipv6-checks-report.json` and `.csv`.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULE_FAILURE } from './engine';
import { ALL_RULES } from './rules';
import { Ipv6CheckFinding, Ipv6CheckStatus } from './types';
import { writeChunked } from '../core/chunked-file';

/** File names of the report. @internal */
export const REPORT_JSON = 'ipv6-checks-report.json';
export const REPORT_CSV = 'ipv6-checks-report.csv';

/** The CSV header; csvLine writes the cells in this order. */
const COLUMNS = ['ruleId', 'ruleName', 'level', 'status', 'address', 'constructPath', 'message', 'fix', 'suppressionReason', 'suppressedAt', 'linkedTo'] as const;

const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV cell (RFC 4180): quoted when it holds a quote, a comma or a line break; quotes doubled. */
function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const s = String(value);
  if (!NEEDS_QUOTES.test(s)) return s;
  return s.includes('"') ? `"${s.replace(/"/g, '""')}"` : `"${s}"`;
}

/**
 * One CSV line, the cells in COLUMNS order. Written out rather than mapped over COLUMNS: the report of a
 * stack with a thousand ECIs has about 9,000 lines, and this is most of its cost (bench/).
 */
function csvLine(f: Ipv6CheckFinding): string {
  return `${csvCell(f.ruleId)},${csvCell(f.ruleName)},${csvCell(f.level)},${csvCell(f.status)},${csvCell(f.address)},`
    + `${csvCell(f.constructPath)},${csvCell(f.message)},${csvCell(f.fix)},${csvCell(f.suppressionReason)},${csvCell(f.suppressedAt)},${csvCell(f.linkedTo)}\n`;
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

/**
 * Writes the JSON and CSV reports into `dir`, a finding at a time (a stack with a thousand ECIs has about 9,000): the
 * JSON is the text of `JSON.stringify(reportDocument(...), null, 2)`, byte for byte, without that text in memory.
 * @internal
 */
export function writeReports(dir: string, stackName: string, findings: readonly Ipv6CheckFinding[], levels: ReadonlyMap<string, string>): void {
  fs.mkdirSync(dir, { recursive: true });
  const doc = { ...reportDocument(stackName, findings, levels), findings: [] };
  // `findings` is the document's last key: its empty list `[]` closes the text, and the findings are written in its place
  const head = JSON.stringify(doc, null, 2);
  const EMPTY_TAIL = '[]\n}';
  if (!head.endsWith(EMPTY_TAIL)) throw new Error(`internal: the report document does not end with its findings (${head.slice(-40)})`);
  writeChunked(path.join(dir, REPORT_JSON), (append) => {
    if (findings.length === 0) {
      append(`${head}\n`);
      return;
    }
    append(`${head.slice(0, -EMPTY_TAIL.length)}[\n`);
    findings.forEach((f, i) => append(`${i > 0 ? ',\n' : ''}    ${JSON.stringify(f, null, 2).replace(/\n/g, '\n    ')}`));
    append('\n  ]\n}\n');
  });
  writeChunked(path.join(dir, REPORT_CSV), (append) => {
    append(`${COLUMNS.join(',')}\n`);
    for (const f of findings) append(csvLine(f));
  });
}
