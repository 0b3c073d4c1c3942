import * as fs from 'fs';
import * as path from 'path';
import { Ipv6Checks } from '../../src';

const SOURCES = path.join(__dirname, '..', '..', 'src', 'rules', 'rules');
const TESTS = path.join(__dirname, 'rules');

/** test/rules/rules/ mirrors src/rules/rules/: each rule has its own test file, found by the rule's name. */
describe('a test file per rule', () => {
  const rules = Ipv6Checks.rules().filter((r) => r.ruleId !== 'ALI-IPV6-ERR');

  test.each(rules.map((r) => [r.ruleId, r.name]))('%s %s: src/rules/rules/<name>.ts and test/rules/rules/<name>.test.ts with its describe', (id, name) => {
    expect(fs.existsSync(path.join(SOURCES, `${name}.ts`))).toBe(true);
    const file = path.join(TESTS, `${name}.test.ts`);
    expect(fs.existsSync(file)).toBe(true);
    expect(fs.readFileSync(file, 'utf-8')).toContain(`describe('${id} ${name}'`);
  });

  test('test/rules/rules/ holds only the files of the rules', () => {
    const names = new Set(rules.map((r) => `${r.name}.test.ts`));
    expect(fs.readdirSync(TESTS).filter((f) => !names.has(f))).toEqual([]);
    expect(fs.readdirSync(SOURCES).filter((f) => f !== 'index.ts').sort()).toEqual(rules.map((r) => `${r.name}.ts`).sort());
  });
});
