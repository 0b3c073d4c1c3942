import * as fs from 'fs';
import * as path from 'path';
import { Ipv6Checks } from '../../src';
import { HOHHOT_ONLY_NOTE, IPV6_FAMILIES, IPV6_REGIONS, NON_IPV6_FAMILIES } from '../../src/rules/facts';

const RULES_MD = fs.readFileSync(path.join(__dirname, '..', '..', 'RULES.md'), 'utf-8');

describe('facts and RULES.md', () => {
  test('every fact has a source URL and a date', () => {
    for (const f of [...IPV6_REGIONS, ...IPV6_FAMILIES, ...NON_IPV6_FAMILIES]) {
      expect(f.source.url).toMatch(/^(https:\/\/|DescribeInstanceTypes)/);
      expect(f.source.date.length).toBeGreaterThan(3);
    }
    expect(HOHHOT_ONLY_NOTE.note).toContain('Hohhot');
  });

  test('the built-in regions are the 16 VPC-IPv6 regions; no family is in both tables', () => {
    expect(IPV6_REGIONS).toHaveLength(16);
    const yes = new Set(IPV6_FAMILIES.map((f) => f.family));
    expect(NON_IPV6_FAMILIES.filter((f) => yes.has(f.family))).toEqual([]);
  });

  test('RULES.md documents every rule, region and family', () => {
    for (const r of Ipv6Checks.rules()) {
      expect(RULES_MD).toContain(`### ${r.ruleId} \`${r.name}\``);
      expect(RULES_MD).toContain(`| \`${r.ruleId}\` | \`${r.name}\` |`);
    }
    for (const r of IPV6_REGIONS) expect(RULES_MD).toContain(`\`${r.regionId}\``);
    for (const f of [...IPV6_FAMILIES, ...NON_IPV6_FAMILIES]) expect(RULES_MD).toContain(`\`${f.family}\``);
  });

  test('each rule lives in one file named after it', () => {
    const dir = path.join(__dirname, '..', '..', 'src', 'rules', 'rules');
    const files = fs.readdirSync(dir).filter((f) => f !== 'index.ts').map((f) => f.replace(/\.ts$/, '')).sort();
    expect(files).toEqual(Ipv6Checks.rules().filter((r) => r.ruleId !== 'ALI-IPV6-ERR').map((r) => r.name).sort());
  });
});
