/**
 * The ecosystem files of `check` (issue 20, item 10): the pre-commit hook (`.pre-commit-hooks.yaml`, and the
 * README's `.pre-commit-config.yaml` snippet) names a real subcommand of the package's bin and runs on Terraform
 * files; the README's GitHub code-scanning workflow runs `check` with options it has and writes valid SARIF.
 * The YAML is read by a small reader of the flat form these files use (no YAML dependency).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import Ajv from 'ajv-draft-04';
import { COMMANDS, runCli } from '../../src/cli/commands';

const ROOT = path.join(__dirname, '..', '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
const EXAMPLE = path.join('test', 'check', 'fixtures', 'hcl-example');

type Value = string | boolean | string[];

/** A YAML scalar or flow list of the hook files: 'quoted', "quoted", plain, true/false, [a, 'b']. */
function scalar(text: string): Value {
  const t = text.replace(/\s+#.*$/, '').trim();
  if (t === 'true' || t === 'false') return t === 'true';
  if (t.startsWith('[')) {
    expect(t.endsWith(']')).toBe(true);
    return t.slice(1, -1).split(',').map((x) => x.trim()).filter((x) => x !== '').map((x) => String(scalar(x)));
  }
  if (/^'.*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  if (/^".*"$/.test(t)) return JSON.parse(t);
  return t;
}

/** The hooks of a YAML list of maps (`- id: x` then `  key: value` lines), comments and blank lines skipped. */
function hooks(text: string): Array<Record<string, Value>> {
  const out: Array<Record<string, Value>> = [];
  for (const line of text.split('\n')) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const m = /^(\s*)(- )?([a-z_]+):\s*(.*)$/.exec(line);
    if (!m) throw new Error(`not a hook line: ${JSON.stringify(line)}`);
    if (m[2]) out.push({});
    out[out.length - 1][m[3]] = scalar(m[4]);
  }
  return out;
}

/** A pre-commit `files` pattern (Python re) as a JS RegExp: the ones used here are the same in both. */
const matches = (pattern: Value, file: string) => new RegExp(String(pattern)).test(file);

describe('.pre-commit-hooks.yaml', () => {
  const all = hooks(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf-8'));

  test('one hook with the keys pre-commit needs: id, name, entry, language node', () => {
    expect(all).toHaveLength(1);
    const hook = all[0];
    for (const key of ['id', 'name', 'entry', 'language']) expect(typeof hook[key]).toBe('string');
    expect(hook).toMatchObject({ id: 'cdktf-alicloud-ipv6-check', entry: 'cdktf-alicloud-ipv6 check', language: 'node' });
  });

  test('the entry is the package\'s bin and a real subcommand of it', () => {
    const [bin, command, ...rest] = String(all[0].entry).split(' ');
    expect(Object.keys(PACKAGE.bin)).toContain(bin);
    expect(fs.existsSync(path.join(ROOT, PACKAGE.bin[bin]))).toBe(true);
    expect(Object.keys(COMMANDS)).toContain(command);
    expect(rest).toEqual([]);
  });

  test('it runs on .tf and .tf.json changes, with folders (not file names) as check reads them', () => {
    const hook = all[0];
    for (const f of ['main.tf', 'infra/net/versions.tf', 'cdktf.out/stacks/web/cdk.tf.json', 'x.tf.json']) expect(matches(hook.files, f)).toBe(true);
    for (const f of ['main.ts', 'README.md', 'terraform.tfstate', 'plan.json', 'main.tf.bak']) expect(matches(hook.files, f)).toBe(false);
    expect(hook.pass_filenames).toBe(false);
    expect(hook.args).toEqual(['.']);
  });

  test('what pre-commit runs (entry and args, the folder given) checks the folder: exit 0 on the HCL example, 1 on an error', async () => {
    const [, command] = String(all[0].entry).split(' ');
    const run = (dir: string) => runCli([command, ...(all[0].args as string[]).map((a) => (a === '.' ? dir : a))], { out: () => undefined, err: () => undefined });
    expect(await run(EXAMPLE)).toBe(0);
    expect(await run(path.join('test', 'check', 'fixtures', 'hcl-me-east'))).toBe(1);
  });

  test('the README\'s .pre-commit-config.yaml uses the same id, entry, files and pass_filenames', () => {
    const block = /```yaml\n# \.pre-commit-config\.yaml\n([\s\S]*?)```/.exec(README);
    expect(block).not.toBeNull();
    const text = block![1];
    const hook = all[0];
    expect(text).toContain(`- id: ${hook.id}`);
    expect(text).toContain(`entry: ${hook.entry}`);
    expect(text).toContain(`language: ${hook.language}`);
    expect(text).toContain(`files: ${hook.files}`);
    expect(text).toContain('pass_filenames: false');
  });
});

describe('the README\'s GitHub code-scanning workflow', () => {
  test('its check command runs with those options and writes SARIF 2.1.0 that validates', async () => {
    const section = README.slice(README.indexOf('### GitHub code scanning'));
    const run = /run: npx --yes cdktf-alicloud-ipv6 (check .*)$/m.exec(section);
    expect(run).not.toBeNull();
    const args = run![1].split(/\s+/);
    const outputAt = args.indexOf('--output');
    expect(outputAt).toBeGreaterThan(0);
    const sarifFile = args[outputAt + 1];
    expect(section).toContain(`sarif_file: ${sarifFile}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-readme-'));
    try {
      const file = path.join(dir, sarifFile);
      const given = args.map((a, i) => (i === 1 ? EXAMPLE : i === outputAt + 1 ? file : a));
      expect(await runCli(given, { out: () => undefined, err: () => undefined })).toBe(0);
      const sarif = JSON.parse(fs.readFileSync(file, 'utf-8'));
      // the OASIS SARIF 2.1.0 schema as in check.test.ts (ajv without the u flag, simple format checks)
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
      const validate = new Ajv({
        allErrors: true,
        strict: false,
        unicodeRegExp: false,
        formats: { 'uri': (u: string) => /^[a-z]+:/.test(u), 'uri-reference': (u: string) => !/\s/.test(u), 'date-time': (d: string) => !Number.isNaN(Date.parse(d)) },
      }).compile(schema);
      expect(validate(sarif)).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
      expect(sarif.runs[0].tool.driver.rules.map((r: any) => r.id)).toContain('ALI-IPV6-015');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
