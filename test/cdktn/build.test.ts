import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CDKTN, cdktfImports, flavourPackageJson, ROOT, rewriteFlavour, rewriteModuleSpecifiers, rewritePackageName, stage,
} from '../../scripts/flavour';

/**
 * Issue 19: the cdktn flavour is made by scripts/flavour.ts from the same sources. Staging it must leave no
 * import of cdktf anywhere (bindings included), swap FLAVOUR, rename the package in messages but not in the
 * repository's URL, and write cdktn's package.json. The staged copy goes to a folder of its own under build/
 * (inside the repository, so cdktn resolves from its node_modules), not to build/cdktn, which test:cdktn uses.
 */
fs.mkdirSync(path.join(ROOT, 'build'), { recursive: true });
const staged = fs.mkdtempSync(path.join(ROOT, 'build', 'test-stage-'));
afterAll(() => fs.rmSync(staged, { recursive: true, force: true }));

const read = (rel: string) => fs.readFileSync(path.join(staged, rel), 'utf-8');
const tsFiles = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }) as string[]).filter((p) => p.endsWith('.ts'));

describe('the rewrite', () => {
  test('every form of a cdktf module specifier becomes cdktn; other text that starts with cdktf does not', () => {
    const text = [
      "import { App } from 'cdktf';",
      'import type { ISynthesisSession } from "cdktf";',
      "import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';",
      "export * from 'cdktf';",
      "const c = require('cdktf');",
      'const d = await import(`cdktf`);',
      "import x = require('cdktf');",
      " * const { Testing } = require('cdktf');",
      "const keep = ['cdktf.out', 'cdktf-alicloud-ipv6', 'cdktf.json', 'cdktfx', '@cdktf/hcl2json', 'CDKTF_ALICLOUD_IPV6_CACHE_DIR'];",
    ].join('\n');
    const out = rewriteModuleSpecifiers(text);
    expect(out.split('\n').slice(0, 8)).toEqual([
      "import { App } from 'cdktn';",
      'import type { ISynthesisSession } from "cdktn";',
      "import { addCustomSynthesis } from 'cdktn/lib/synthesize/synthesizer';",
      "export * from 'cdktn';",
      "const c = require('cdktn');",
      'const d = await import(`cdktn`);',
      "import x = require('cdktn');",
      " * const { Testing } = require('cdktn');",
    ]);
    expect(out.split('\n')[8]).toBe(text.split('\n')[8]);
    expect(cdktfImports('t.ts', out)).toEqual([]);
  });

  test('the scan finds every cdktf module import that a rewrite would leave behind', () => {
    const left = cdktfImports('t.ts', [
      "import { App } from 'cdktf';",
      'export { Fn } from "cdktf/lib/terraform-functions";',
      "const c = require('cdktf');",
      "const d = await import('cdktf/lib/app');",
      "import x = require('cdktf/lib/x');",
      "const ok = require('cdktn'); const fine = 'cdktf.out';",
    ].join('\n'));
    expect(left.sort()).toEqual(["t.ts: 'cdktf'", "t.ts: 'cdktf/lib/app'", "t.ts: 'cdktf/lib/terraform-functions'", "t.ts: 'cdktf/lib/x'"]);
  });

  test('the package name becomes cdktn-alicloud-ipv6 in text, but not in the repository URL', () => {
    expect(rewritePackageName("io.err(`cdktf-alicloud-ipv6 check: x`); const url = 'https://github.com/example/cdktf-alicloud-ipv6/blob/main/RULES.md';"))
      .toBe("io.err(`cdktn-alicloud-ipv6 check: x`); const url = 'https://github.com/example/cdktf-alicloud-ipv6/blob/main/RULES.md';");
  });

  test('FLAVOUR\'s four values are swapped, and a flavour.ts without them fails the build', () => {
    const src = fs.readFileSync(path.join(ROOT, 'src', 'core', 'flavour.ts'), 'utf-8');
    const out = rewriteFlavour(src);
    expect(out).toMatch(/^ {2}core: 'cdktn',\n {2}packageName: 'cdktn-alicloud-ipv6',\n {2}otherCore: 'cdktf',\n {2}otherPackageName: 'cdktf-alicloud-ipv6',$/m);
    expect(() => rewriteFlavour(src.replace("core: 'cdktf',", 'core: CORE,'))).toThrow(/expected exactly one line `  core: 'cdktf',` in FLAVOUR, found 0/);
  });
});

describe('the staged sources (scripts/flavour.ts stage)', () => {
  let result: { files: number; rewritten: number };
  beforeAll(() => { result = stage(staged); }, 120_000);

  test('every source file is staged, none imports cdktf, and the bindings and constructs import cdktn', () => {
    const sources = tsFiles(path.join(ROOT, 'src'));
    expect(tsFiles(path.join(staged, 'src')).sort()).toEqual(sources.sort());
    expect(result.files).toBeGreaterThanOrEqual(sources.length);
    const left = sources.flatMap((rel) => cdktfImports(rel, read(path.join('src', rel))));
    expect(left).toEqual([]);
    const importingCdktn = sources.filter((rel) => /from 'cdktn'/.test(read(path.join('src', rel))));
    // every generated binding (src/providers/alicloud/*/index.ts) and the constructs
    const bindings = sources.filter((rel) => rel.startsWith(path.join('providers', 'alicloud')) && rel.endsWith('index.ts') && rel !== path.join('providers', 'alicloud', 'index.ts'));
    expect(bindings.length).toBeGreaterThan(10);
    expect(bindings.filter((rel) => !importingCdktn.includes(rel))).toEqual([]);
    expect(importingCdktn).toEqual(expect.arrayContaining([path.join('vpc', 'dual-stack-vpc.ts'), path.join('rules', 'synth-hook.ts')]));
    expect(read('src/rules/synth-hook.ts')).toContain("from 'cdktn/lib/synthesize/synthesizer'");
  });

  test('FLAVOUR names cdktn, messages name cdktn-alicloud-ipv6, the repository URL stays', () => {
    expect(read('src/core/flavour.ts')).toContain("packageName: 'cdktn-alicloud-ipv6',");
    expect(read('src/cli/commands.ts')).toContain("'Usage: cdktn-alicloud-ipv6 <command> [arguments]'");
    expect(read('src/core/private-dir.ts')).toContain("export const CACHE_DIR_NAME = 'cdktn-alicloud-ipv6';");
    expect(read('src/check/rules-doc.ts')).toContain('https://github.com/example/cdktf-alicloud-ipv6/blob/main/RULES.md');
    const leftNames = tsFiles(path.join(staged, 'src')).filter((rel) => /(?<!github\.com\/example\/)cdktf-alicloud-ipv6/.test(read(path.join('src', rel))));
    expect(leftNames).toEqual([path.join('core', 'flavour.ts')]);
  });

  test('package.json: the cdktn name, peers and bin; the same version, dependencies, bundled dependencies and jsii settings', () => {
    const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
    const pkg = JSON.parse(read('package.json'));
    expect(pkg).toEqual(flavourPackageJson(root));
    expect(pkg.name).toBe('cdktn-alicloud-ipv6');
    expect(pkg.peerDependencies).toEqual({ cdktn: '^0.24.0', constructs: '>=10.6.0 <10.8.0' });
    expect(pkg.bin).toEqual({ 'cdktn-alicloud-ipv6': 'bin/cdktn-alicloud-ipv6' });
    for (const key of ['version', 'dependencies', 'bundledDependencies', 'jsii', 'main', 'types', 'engines', 'license', 'repository']) {
      expect({ key, value: pkg[key] }).toEqual({ key, value: root[key] });
    }
    expect(JSON.stringify(pkg)).not.toMatch(/"cdktf"/);
    expect(() => fs.accessSync(path.join(staged, 'bin', CDKTN.packageName), fs.constants.X_OK)).not.toThrow();
  });

  test('the docs are the same files (README, API.md, RULES.md)', () => {
    for (const doc of ['README.md', 'API.md', 'RULES.md', 'LICENSE']) {
      expect({ doc, same: read(doc) === fs.readFileSync(path.join(ROOT, doc), 'utf-8') }).toEqual({ doc, same: true });
    }
  });
});

test('a deep import that cdktn does not have fails the staging, naming it', () => {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'flavour-src-'));
  fs.mkdirSync(path.join(src, 'core'));
  fs.copyFileSync(path.join(ROOT, 'src', 'core', 'flavour.ts'), path.join(src, 'core', 'flavour.ts'));
  fs.writeFileSync(path.join(src, 'index.ts'), "import { x } from 'cdktf/lib/no-such-module';\nexport { x };\n");
  const out = `${staged}-deep`;
  try {
    expect(() => stage(out, src)).toThrow(/deep imports that cdktn [\d.]+ does not have \([^)]*\): cdktn\/lib\/no-such-module/);
  } finally {
    fs.rmSync(src, { recursive: true, force: true });
    fs.rmSync(out, { recursive: true, force: true });
  }
});
