/**
 * The CDK Terrain flavour (issue 19): `cdktn-alicloud-ipv6`, built from the same sources as `cdktf-alicloud-ipv6`.
 *
 *   ts-node --project scripts/tsconfig.json scripts/flavour.ts stage     # build/cdktn/: rewritten sources, package.json, docs
 *   ts-node --project scripts/tsconfig.json scripts/flavour.ts compile   # stage, then jsii in build/cdktn (lib/, .jsii)
 *   ts-node --project scripts/tsconfig.json scripts/flavour.ts package   # compile, then the tarball in dist/js/
 *
 * Staging copies src/ (the generated bindings included) into build/cdktn/src and rewrites, in every file:
 *  1. the core's module specifiers: the string literals 'cdktf' and 'cdktf/<path>' (imports, require(), import(),
 *     the same in doc comments) become 'cdktn' and 'cdktn/<path>'. Every deep path must exist in the cdktn the
 *     repository installs, and a scan of the staged sources (TypeScript's own import scanner) fails the build when
 *     any module import of cdktf is left.
 *  2. the package's own name in text: `cdktf-alicloud-ipv6` becomes `cdktn-alicloud-ipv6` (messages, the CLI's
 *     usage, the cache folder name, report headers, metadata keys), except in the repository's URL
 *     (https://github.com/example/cdktf-alicloud-ipv6), which is the same for both packages. The names of
 *     environment variables (`CDKTF_ALICLOUD_IPV6_CACHE_DIR`) and of the synth output (`cdktf.out`) stay, as
 *     CDK Terrain keeps `cdktf.json`, `cdktf.out/` and `CDKTF_*`.
 *  3. src/core/flavour.ts: FLAVOUR's values (core, packageName, otherCore, otherPackageName) are swapped.
 * build/cdktn/ resolves cdktn, constructs and the bundled dependencies from the repository's node_modules (it is
 * inside the repository); only for packing are the bundled dependencies copied into build/cdktn/node_modules.
 * test/project/flavour.test.ts tests the rewrite and the scan.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

export const ROOT = path.resolve(__dirname, '..');
/** Where the cdktn flavour is staged and compiled (ignored by git). */
export const STAGE_DIR = path.join(ROOT, 'build', 'cdktn');

/** What each flavour's package.json says about its core. */
export const CDKTN = {
  core: 'cdktn',
  packageName: 'cdktn-alicloud-ipv6',
  otherCore: 'cdktf',
  otherPackageName: 'cdktf-alicloud-ipv6',
  coreVersion: '^0.24.0',
  /** cdktn 0.24's own peer range for constructs. */
  constructsRange: '>=10.6.0 <10.8.0',
} as const;


/** 1. 'cdktf' and 'cdktf/<path>' string literals (any quote) -> 'cdktn', 'cdktn/<path>'. */
export function rewriteModuleSpecifiers(text: string): string {
  return text.replace(/(['"`])cdktf(\/[^'"`\s]*)?\1/g, (_m, q: string, sub: string | undefined) => `${q}cdktn${sub ?? ''}${q}`);
}

/** 2. The package's name in text, except in the repository's URL. */
export function rewritePackageName(text: string): string {
  return text.replace(/(github\.com\/example\/)?cdktf-alicloud-ipv6/g, (m, url: string | undefined) => (url ? m : CDKTN.packageName));
}

/** 3. src/core/flavour.ts: the four values of FLAVOUR, each found exactly once, swapped. */
export function rewriteFlavour(text: string): string {
  let out = text;
  for (const [key, from, to] of [
    ['core', 'cdktf', CDKTN.core],
    ['packageName', 'cdktf-alicloud-ipv6', CDKTN.packageName],
    ['otherCore', 'cdktn', CDKTN.otherCore],
    ['otherPackageName', 'cdktn-alicloud-ipv6', CDKTN.otherPackageName],
  ] as const) {
    const re = new RegExp(`^(\\s+${key}: )'${from}',$`, 'm');
    const found = out.match(new RegExp(re.source, 'gm')) ?? [];
    if (found.length !== 1) {
      throw new Error(`src/core/flavour.ts: expected exactly one line \`  ${key}: '${from}',\` in FLAVOUR, found ${found.length}: the cdktn build cannot set its flavour`);
    }
    out = out.replace(re, `$1'${to}',`);
  }
  return out;
}

/** Every file's module imports (import, export from, require(), import(), import x = require()) naming cdktf. */
export function cdktfImports(fileName: string, text: string): string[] {
  const { importedFiles } = ts.preProcessFile(text, true, true);
  const left = importedFiles.map((f) => f.fileName).filter((m) => /^cdktf(\/|$)/.test(m));
  // preProcessFile skips require() inside nested expressions; a plain text scan backs it up.
  const plain = [...text.matchAll(/\b(?:require|import)\s*\(\s*['"`](cdktf(?:\/[^'"`]*)?)['"`]\s*\)/g)].map((m) => m[1]);
  const fromClauses = [...text.matchAll(/\bfrom\s+['"`](cdktf(?:\/[^'"`]*)?)['"`]/g)].map((m) => m[1]);
  return [...new Set([...left, ...plain, ...fromClauses])].map((m) => `${fileName}: '${m}'`);
}

/** The deep imports ('cdktn/<path>') of a text. */
function deepCoreImports(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName).filter((m) => /^cdktn\//.test(m));
}

function listFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, encoding: 'utf-8' }) as string[])
    .filter((p) => fs.statSync(path.join(dir, p)).isFile());
}

/** The cdktn flavour's package.json, from the repository's (same version, bundled dependencies, engines). */
export function flavourPackageJson(rootPkg: Record<string, any>): Record<string, any> {
  const bin = `bin/${CDKTN.packageName}`;
  const deps = rootPkg.dependencies ?? {};
  return {
    name: CDKTN.packageName,
    description: rewritePackageName(String(rootPkg.description).replace(/^CDKTF constructs/, 'CDK Terrain (cdktn) constructs')),
    repository: rootPkg.repository,
    bin: { [CDKTN.packageName]: bin },
    author: rootPkg.author,
    devDependencies: { cdktn: versionIn('cdktn'), constructs: versionIn('constructs') },
    peerDependencies: { cdktn: CDKTN.coreVersion, constructs: CDKTN.constructsRange },
    dependencies: deps,
    bundledDependencies: rootPkg.bundledDependencies,
    keywords: (rootPkg.keywords as string[]).map((k) => (k === 'cdktf' ? 'cdktn' : k)).concat('cdk-terrain').sort(),
    engines: rootPkg.engines,
    main: rootPkg.main,
    license: rootPkg.license,
    homepage: rootPkg.homepage,
    version: rootPkg.version,
    types: rootPkg.types,
    stability: rootPkg.stability,
    publishConfig: rootPkg.publishConfig,
    jsii: rootPkg.jsii,
  };
}

function versionIn(name: string): string {
  return JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`, { paths: [ROOT] }), 'utf-8')).version;
}

/** Files beside src/ that the package ships or jsii reads, copied as they are (the docs are the same). */
const COPIED = ['README.md', 'API.md', 'RULES.md', 'LICENSE', '.npmignore', 'tsconfig.json', 'schema', 'proto'];

/** Stages build/cdktn (replacing it): the rewritten sources, package.json, bin, docs. Returns the staged files. */
export function stage(outDir = STAGE_DIR, srcDir = path.join(ROOT, 'src')): { files: number; rewritten: number } {
  fs.rmSync(path.join(outDir, 'src'), { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  let files = 0;
  let rewritten = 0;
  const left: string[] = [];
  const deep = new Set<string>();
  for (const rel of listFiles(srcDir)) {
    const from = path.join(srcDir, rel);
    const to = path.join(outDir, 'src', rel);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    files++;
    if (!rel.endsWith('.ts')) { fs.copyFileSync(from, to); continue; }
    const text = fs.readFileSync(from, 'utf-8');
    let out = rewritePackageName(rewriteModuleSpecifiers(text));
    if (rel.split(path.sep).join('/') === 'core/flavour.ts') out = rewriteFlavour(text);
    if (out !== text) rewritten++;
    left.push(...cdktfImports(`src/${rel}`, out));
    for (const m of deepCoreImports(out)) deep.add(m);
    fs.writeFileSync(to, out);
  }
  if (left.length > 0) {
    throw new Error(`the cdktn flavour still imports cdktf after the rewrite (scripts/flavour.ts):\n  ${left.join('\n  ')}`);
  }
  const missing = [...deep].filter((m) => { try { require.resolve(m, { paths: [outDir] }); return false; } catch { return true; } });
  if (missing.length > 0) {
    throw new Error(`deep imports that cdktn ${versionIn('cdktn')} does not have (from ${path.relative(ROOT, outDir)}): ${missing.join(', ')}`);
  }
  for (const name of COPIED) {
    fs.rmSync(path.join(outDir, name), { recursive: true, force: true });
    fs.cpSync(path.join(ROOT, name), path.join(outDir, name), { recursive: true });
  }
  const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8'));
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(flavourPackageJson(rootPkg), null, 2)}\n`);
  const bin = path.join(outDir, 'bin', CDKTN.packageName);
  fs.rmSync(path.join(outDir, 'bin'), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(bin), { recursive: true });
  fs.writeFileSync(bin, rewritePackageName(fs.readFileSync(path.join(ROOT, 'bin', 'cdktf-alicloud-ipv6'), 'utf-8')), { mode: 0o755 });
  return { files, rewritten };
}

function run(cmd: string, args: string[], cwd: string): void {
  execFileSync(cmd, args, { cwd, stdio: 'inherit', env: { ...process.env, JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION: '20', JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION: '1' } });
}

/** jsii in build/cdktn: lib/ and .jsii of the cdktn flavour. */
export function compile(outDir = STAGE_DIR): void {
  fs.rmSync(path.join(outDir, 'lib'), { recursive: true, force: true });
  run(path.join(ROOT, 'node_modules', '.bin', 'jsii'), ['--silence-warnings=reserved-word'], outDir);
}

/**
 * The bundled dependencies and everything they need, as the repository's package-lock.json places them: the
 * folders to copy into the staged package's node_modules (nested node_modules come with their parent).
 */
export function bundledClosure(bundled: string[]): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf-8')).packages as Record<string, any>;
  const resolveFrom = (from: string, name: string): string | undefined => {
    let dir = from;
    for (;;) {
      const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
      if (lock[candidate]) return candidate;
      if (!dir) return undefined;
      const i = dir.lastIndexOf('/node_modules/');
      dir = i < 0 ? '' : dir.slice(0, i);
    }
  };
  const seen = new Set<string>();
  const queue = bundled.map((name) => {
    const at = resolveFrom('', name);
    if (!at) throw new Error(`bundled dependency ${name} is not in package-lock.json`);
    return at;
  });
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (seen.has(at)) continue;
    seen.add(at);
    for (const name of Object.keys({ ...lock[at].dependencies, ...lock[at].optionalDependencies })) {
      const dep = resolveFrom(at, name);
      if (dep) queue.push(dep);
      else if (!lock[at].optionalDependencies?.[name]) throw new Error(`${at} needs ${name}, which package-lock.json does not have`);
    }
  }
  // Top-level folders only: a nested one is inside its parent's folder.
  return [...seen].filter((at) => at.split('/node_modules/').length === 1).sort();
}

/**
 * The tarball, beside the cdktf flavour's and as `npx projen package` makes that one (jsii-pacmak, js target):
 * dist/js/cdktn-alicloud-ipv6@<version>.jsii.tgz. The bundled dependencies are copied into the staged package
 * first, as npm pack takes them from the package's own node_modules.
 */
export function pack(outDir = STAGE_DIR): string {
  if (!fs.existsSync(path.join(outDir, '.jsii'))) throw new Error(`${path.relative(ROOT, outDir)} is not compiled: run scripts/flavour.ts compile first`);
  const pkg = JSON.parse(fs.readFileSync(path.join(outDir, 'package.json'), 'utf-8'));
  const modules = path.join(outDir, 'node_modules');
  fs.rmSync(modules, { recursive: true, force: true });
  for (const at of bundledClosure(pkg.bundledDependencies)) {
    fs.cpSync(path.join(ROOT, at), path.join(outDir, at), { recursive: true, verbatimSymlinks: true });
  }
  const tarball = tarballPath(pkg.version);
  fs.rmSync(tarball, { force: true });
  run(path.join(ROOT, 'node_modules', '.bin', 'jsii-pacmak'), ['-v', '--target', 'js', '--outdir', path.join(ROOT, 'dist')], outDir);
  if (!fs.existsSync(tarball)) throw new Error(`jsii-pacmak did not write ${path.relative(ROOT, tarball)}`);
  return tarball;
}

/** Where `package` writes the cdktn flavour's tarball. */
export function tarballPath(version: string): string {
  return path.join(ROOT, 'dist', 'js', `${CDKTN.packageName}@${version}.jsii.tgz`);
}

if (require.main === module) {
  const step = process.argv[2];
  const steps: Record<string, () => void> = {
    stage: () => { const r = stage(); console.log(`staged ${r.files} files (${r.rewritten} rewritten) in ${path.relative(ROOT, STAGE_DIR)}`); },
    compile: () => { steps.stage(); compile(); console.log(`compiled ${path.relative(ROOT, STAGE_DIR)} with jsii`); },
    package: () => { steps.compile(); console.log(`wrote ${path.relative(ROOT, pack())}`); },
  };
  if (!steps[step]) {
    console.error(`usage: scripts/flavour.ts ${Object.keys(steps).join('|')}`);
    process.exit(2);
  }
  try {
    steps[step]();
  } catch (e) {
    console.error(`scripts/flavour.ts ${step}: ${(e as Error).message}`);
    process.exit(1);
  }
}
