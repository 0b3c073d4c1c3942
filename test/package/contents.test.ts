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

/**
 * Issue 21: the package stays small. With the whole schema pack (schema/, 5.1 MB of the unpacked size) the
 * tarball is at most 4 MB packed and 20 MB unpacked (it was 6.0 MB and 29.2 MB, 2,706 files, before the
 * plugin's gRPC, protobuf and certificate code became the package's own: src/terraform/plugin).
 */
const MAX_PACKED = 4_000_000;
const MAX_UNPACKED = 20_000_000;

test('the tarball is at most 4 MB packed and 20 MB unpacked, with the whole schema pack in it', () => {
  const schemaFiles = fs.readdirSync(path.join(ROOT, 'schema')).map((f) => `schema/${f}`);
  expect(schemaFiles).toContain('schema/alicloud-1.289.0.jsonl');
  const listed = new Set(pack.files.map((f) => f.path));
  expect(schemaFiles.filter((f) => !listed.has(f))).toEqual([]);
  expect(pack.size).toBeLessThanOrEqual(MAX_PACKED);
  expect(pack.unpackedSize).toBeLessThanOrEqual(MAX_UNPACKED);
  // the figures are npm's own: the files it lists add up to the unpacked size
  expect(pack.files.reduce((n, f) => n + f.size, 0)).toBe(pack.unpackedSize);
});

test('no type declarations of other packages (@types/*) are shipped, nor gRPC, protobuf or certificate packages', () => {
  expect(pack.files.map((f) => f.path).filter((p) => /(^|\/)@types\//.test(p))).toEqual([]);
  const heavy = /^node_modules\/(@grpc\/|protobufjs\/|@protobufjs\/|selfsigned\/|node-forge\/|pkijs\/|@peculiar\/)/;
  expect(pack.files.map((f) => f.path).filter((p) => heavy.test(p))).toEqual([]);
});

test('every bundled package in the tarball is in the README\'s table of what the package ships, with its reason', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('What the package ships'));
  expect(section).toBeDefined();
  // rows: | `name` | size | why |
  const rows = new Map([...section!.matchAll(/^\| `([^`]+)` \| [^|]+ \| ([^|]+) \|$/gm)].map((m) => [m[1], m[2].trim()]));
  const bundled = new Set(pack.files.map((f) => f.path.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1]).filter((n): n is string => !!n));
  expect(bundled.size).toBeGreaterThan(0);
  expect([...bundled].filter((n) => !rows.has(n)).sort()).toEqual([]);
  // and no row names something the tarball does not hold
  expect([...rows.keys()].filter((n) => !bundled.has(n) && !listedTop(n)).sort()).toEqual([]);
  for (const [name, why] of rows) expect(`${name}: ${why}`).toMatch(/: \S.{10,}/);
});

/** A top-level entry of the tarball outside node_modules (schema/, lib/, .jsii, ...). */
function listedTop(name: string): boolean {
  return pack.files.some((f) => f.path === name || f.path.startsWith(`${name.replace(/\/$/, '')}/`));
}
