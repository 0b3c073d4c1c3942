import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Ipv6CheckFinding, Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus } from '../../src';
import { FLAVOUR } from '../../src/core/flavour';
import { REPORT_CSV, REPORT_JSON, reportDocument, writeReports } from '../../src/rules/report';

/** A finding, from the fields in the CSV column order. */
function finding(row: Array<string | undefined>): Ipv6CheckFinding {
  const [ruleId, ruleName, level, status, address, constructPath, message, fix, suppressionReason, suppressedAt] = row;
  const f: Record<string, unknown> = { ruleId, ruleName, level, status, address, constructPath, message, fix, suppressionReason, suppressedAt };
  for (const k of Object.keys(f)) if (f[k] === undefined) delete f[k];
  return f as unknown as Ipv6CheckFinding;
}

const FINDINGS: Ipv6CheckFinding[] = [
  finding(['ALI-IPV6-008', 'internet-exposure', Ipv6CheckLevel.WARNING, Ipv6CheckStatus.NON_COMPLIANT, 'alicloud_security_group_rule.r', 'app/Sg/Rule',
    'opens tcp 1/2, "all" of it\nto ::/0', 'narrow it']),
  finding(['ALI-IPV6-001', 'ipv6-region', Ipv6CheckLevel.ERROR, Ipv6CheckStatus.SUPPRESSED, 'alicloud_vpc.v', 'app/Vpc', 'in Tokyo', 'move', 'lab,\r\nonly', 'app']),
  finding(['ALI-IPV6-001', 'ipv6-region', Ipv6CheckLevel.ERROR, Ipv6CheckStatus.COMPLIANT, 'alicloud_vpc.w', 'app/W', 'fine']),
];

describe('the report files', () => {
  let dir: string;
  beforeAll(() => {
    dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-report-')), 'nested', 'stack');
    writeReports(dir, 'web', FINDINGS, new Map([['ALI-IPV6-001', 'warning']]));
  });

  test('the CSV has a header and one row per finding; cells with commas, quotes or line breaks are quoted', () => {
    expect(fs.readFileSync(path.join(dir, REPORT_CSV), 'utf-8')).toBe([
      'ruleId,ruleName,level,status,address,constructPath,message,fix,suppressionReason,suppressedAt,linkedTo',
      'ALI-IPV6-008,internet-exposure,warning,non-compliant,alicloud_security_group_rule.r,app/Sg/Rule,"opens tcp 1/2, ""all"" of it\nto ::/0",narrow it,,,',
      'ALI-IPV6-001,ipv6-region,error,suppressed,alicloud_vpc.v,app/Vpc,in Tokyo,move,"lab,\r\nonly",app,',
      'ALI-IPV6-001,ipv6-region,error,compliant,alicloud_vpc.w,app/W,fine,,,,',
      '',
    ].join('\n'));
  });

  test('the JSON has the stack, a count per status, every rule at its level, and the findings', () => {
    const doc = JSON.parse(fs.readFileSync(path.join(dir, REPORT_JSON), 'utf-8'));
    expect(doc.stack).toBe('web');
    expect(doc.generatedBy).toBe(`${FLAVOUR.packageName} Ipv6Checks (see RULES.md)`);
    expect(doc.summary).toEqual({ 'compliant': 1, 'non-compliant': 1, 'suppressed': 1, 'not-verifiable': 0 });
    expect(doc.rules.map((r: any) => [r.ruleId, r.level])).toEqual(Ipv6Checks.rules().map((r) => [r.ruleId, r.ruleId === 'ALI-IPV6-001' ? 'warning' : r.level]));
    expect(doc.rules[0]).toEqual({ ruleId: 'ALI-IPV6-001', name: 'ipv6-region', level: 'warning', summary: Ipv6Checks.rules()[0].summary });
    expect(doc.findings).toEqual(FINDINGS);
  });

  test('a null value is an empty cell', () => {
    const dir2 = fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-report-'));
    writeReports(dir2, 's', [{ ...FINDINGS[2], fix: null as any }], new Map());
    expect(fs.readFileSync(path.join(dir2, REPORT_CSV), 'utf-8').split('\n')[1]).toBe('ALI-IPV6-001,ipv6-region,error,compliant,alicloud_vpc.w,app/W,fine,,,,');
    expect(reportDocument('s', [], new Map()).summary).toEqual({ 'compliant': 0, 'non-compliant': 0, 'suppressed': 0, 'not-verifiable': 0 });
  });
});

describe('the JSON report is written a finding at a time', () => {
  const many = Array.from({ length: 1500 }, (_, i) => ({ ...FINDINGS[i % 3], address: `alicloud_vpc.v${i}`, message: `message ${i} "quoted"\nline ${'x'.repeat(i % 97)}` }));
  test.each([
    ['no findings', []],
    ['one finding', [FINDINGS[0]]],
    ['three findings', FINDINGS],
    ['1,500 findings (more than one 64 KiB piece)', many],
  ])('%s: the file is the text of JSON.stringify(report, null, 2), byte for byte', (_, findings) => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-report-'));
    try {
      const levels = new Map([['ALI-IPV6-008', 'error']]);
      writeReports(out, 'web', findings as Ipv6CheckFinding[], levels);
      const expected = `${JSON.stringify(reportDocument('web', findings as Ipv6CheckFinding[], levels), null, 2)}\n`;
      expect(fs.readFileSync(path.join(out, REPORT_JSON), 'utf-8')).toBe(expected);
      const csv = fs.readFileSync(path.join(out, REPORT_CSV), 'utf-8');
      expect(csv.startsWith('ruleId,ruleName,')).toBe(true);
      expect(csv.split('\n').length).toBeGreaterThanOrEqual(findings.length + 2);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
