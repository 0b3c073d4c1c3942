import * as fs from 'fs';
import * as path from 'path';
import { npmPack, PackResult, requireCompiledLib, ROOT } from './util';

/**
 * The tarball holds what a user needs and nothing of the development set-up. Run by `npx projen test:package`
 * (after `npx projen compile`; .ci/run does both), not by `npm test`: packing takes several seconds.
 */

let pack: PackResult;
let ours: string[];
beforeAll(() => {
  requireCompiledLib();
  pack = npmPack({ dryRun: true });
  ours = pack.files.map((f) => f.path).filter((p) => !p.startsWith('node_modules/'));
  // For the record (the numbers in the report): size in bytes, number of files.
  console.log(`tarball: ${pack.size} bytes packed, ${pack.unpackedSize} unpacked, ${pack.entryCount} files (${ours.length} outside the bundled node_modules)`);
});

/** Paths (outside the bundled dependencies) that are development files. */
const DEV_FILES: Array<[string, RegExp]> = [
  ['sources', /^src\//],
  ['tests', /^test\/|\.test\.[jt]s$|(^|\/)__snapshots__\//],
  ['stryker', /^stryker\.config\.json$|^\.stryker-tmp\/|^reports\//],
  ['projen', /^\.projen\/|^\.projenrc\.[jt]s$|^projenrc\//],
  ['TypeScript configs', /(^|\/)tsconfig(\.[\w-]+)?\.json$|\.tsbuildinfo$/],
  ['lint and git configs', /^\.eslintrc|^\.git|^\.npmignore$|^\.gitignore$/],
  ['examples, scripts, benchmarks, CI', /^(examples|scripts|bench|\.ci)\//],
  ['cdktf app config and output', /^cdktf\.json$|(^|\/)cdktf\.out\//],
  ['tool output', /^(coverage|test-reports|dist)\/|^junit\.xml$|\.tgz$/],
  ['jest config', /^jest\.config\./],
  ['source maps', /\.map$/],
];

test('no development file is in the tarball', () => {
  const found = DEV_FILES.flatMap(([what, re]) => ours.filter((p) => re.test(p)).map((p) => `${what}: ${p}`));
  expect(found).toEqual([]);
});

test('everything a user needs is in it', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
  const needed = [
    'package.json', 'README.md', 'LICENSE', 'API.md', 'RULES.md', '.jsii',
    pkg.main, pkg.types, 'lib/testing/jest.js', 'lib/testing/jest-matchers.d.ts',
    'schema/alicloud-1.289.0.jsonl', 'proto/tfplugin6.proto', 'proto/go-plugin.proto', 'proto/grpc-health.proto',
    ...Object.values<string>(pkg.bin),
    ...pkg.bundledDependencies.map((d: string) => `node_modules/${d}/package.json`),
  ];
  const listed = new Set(pack.files.map((f) => f.path));
  expect(needed.filter((p) => !listed.has(p))).toEqual([]);
  // Every compiled module of src/ is there, with its declarations.
  const sources = fs.readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf-8' })
    .filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'));
  expect(sources.length).toBeGreaterThan(50);
  const missing = sources.flatMap((p) => [p.replace(/\.ts$/, '.js'), p.replace(/\.ts$/, '.d.ts')])
    .map((p) => `lib/${p.split(path.sep).join('/')}`).filter((p) => !listed.has(p));
  expect(missing).toEqual([]);
});

test('the matchers\' types are reachable from the package\'s types entry point', () => {
  const index = fs.readFileSync(path.join(ROOT, 'lib', 'index.d.ts'), 'utf-8');
  expect(index).toMatch(/^import '\.\/testing\/jest-matchers';$/m);
  const matchers = fs.readFileSync(path.join(ROOT, 'lib', 'testing', 'jest-matchers.d.ts'), 'utf-8');
  expect(matchers).toMatch(/namespace jest \{\s+interface Matchers<R, T = \{\}> \{/);
  for (const m of ['toBeValidAlicloudPlan(): R', 'toHaveIpv6Finding(ruleId: string, options?: Ipv6FindingMatcherOptions): R', 'toPassTerraformValidate(): R']) {
    expect(matchers).toContain(m);
  }
});

test('the matchers\' types have the config name and the deprecated plan name (issue 18)', () => {
  const matchers = fs.readFileSync(path.join(ROOT, 'lib', 'testing', 'jest-matchers.d.ts'), 'utf-8');
  expect(matchers).toContain('toBeValidAlicloudConfig(): R');
  expect(matchers).toMatch(/@deprecated use `toBeValidAlicloudConfig\(\)`[^]*?\*\/\s+toBeValidAlicloudPlan\(\): R;/);
});

test('lib/*.js carries no source maps (stack traces name lib/*.js, which ships, not src/*.ts, which does not)', () => {
  const js = pack.files.filter((f) => /^lib\/.*\.js$/.test(f.path));
  expect(js.length).toBeGreaterThan(50);
  const withMaps = js.filter((f) => fs.readFileSync(path.join(ROOT, f.path), 'utf-8').includes('//# sourceMappingURL='));
  expect(withMaps.map((f) => f.path)).toEqual([]);
});
