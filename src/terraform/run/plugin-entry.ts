/**
 * Which JavaScript file the provider's executable runs.
 *
 * - From the compiled package (`lib/`, after `npx projen compile`, or installed from npm):
 *   `lib/terraform/plugin/plugin-main.js`, in the plugin's folder beside this one (`lib/terraform/run`).
 * - From the TypeScript sources (jest with ts-jest, ts-node): the plugin's sources are transpiled with the
 *   `typescript` dev dependency into `plugin-<hash of the sources>` in the per-user cache folder
 *   (core/private-dir.ts: mode 0700, checked), so it is never stale and is made once per change. Running
 *   the sources through ts-node instead would cost about 3 s per plugin start, and Terraform starts the
 *   plugin several times per command.
 *
 * A transpiled folder is built in a fresh folder and renamed into place; its `manifest.json`, written
 * last, lists the SHA-256 of every file and the target of every link. Before a folder is used, each
 * entry is checked against the manifest, and the manifest against what this process would write: a
 * folder that does not match is never executed, it is rebuilt. When the cache folder is not private
 * (another owner, open permissions), the plugin is transpiled into a fresh temp folder of this process
 * instead, with a warning on stderr.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { freshPrivateDir, groupOtherBits, privateCacheDir, sha256Hex, UntrustedDirError, writePrivateFile } from '../../core/private-dir';

/** The package root (`schema/`, `proto/`, `node_modules/`), from both `src/terraform/run` and `lib/terraform/run`. */
export const PACKAGE_ROOT = path.join(__dirname, '..', '..', '..');

/** The plugin's folder (what Terraform starts), beside this one: `src/terraform/plugin` or `lib/terraform/plugin`. */
const PLUGIN_DIR = path.join(__dirname, '..', 'plugin');

let cachedEntry: string | undefined;

/** The plugin's entry point for `node <entry>`, found (or transpiled from the sources) once per process. */
export function defaultPluginEntry(): string {
  if (cachedEntry) return cachedEntry;
  const js = path.join(PLUGIN_DIR, 'plugin-main.js');
  if (fs.existsSync(js)) return cachedEntry = js;
  if (fs.existsSync(path.join(PLUGIN_DIR, 'plugin-main.ts'))) return cachedEntry = transpiledPluginEntry();
  throw new Error(`offline provider: neither plugin-main.js nor plugin-main.ts is in ${PLUGIN_DIR}`);
}

/**
 * The sources the plugin runs, by folder of `src/` (it imports nothing else of the package); `*`: every .ts.
 * The driver (this folder, `terraform/run`) is not among them. test/terraform/run/plugin-sources.test.ts
 * checks that this is exactly what plugin-main.ts imports.
 * @internal
 */
export const PLUGIN_SOURCES: Readonly<Record<string, readonly string[] | '*'>> = {
  'terraform/plugin': '*',
  'schema': ['config-walker.ts', 'findings.ts', 'pack.ts', 're2.ts', 'schema-index.ts'],
  'core': ['private-dir.ts', 'terraform-json.ts'],
};

/** What the transpiled folder links to in the package (`__dirname/../../..` of lib/terraform/plugin is the folder). */
const LINKS = ['schema', 'proto', 'node_modules', 'package.json'];

/** The manifest: written last, checked before the folder is used. */
const MANIFEST = 'manifest.json';

interface Manifest {
  readonly format: 1;
  readonly key: string;
  /** Relative path (POSIX separators) to SHA-256 of the content. */
  readonly files: Record<string, string>;
  /** Relative path to the link's target. */
  readonly links: Record<string, string>;
}

/** The transpiled files (relative path, content) and the manifest of this checkout's plugin sources. */
function pluginBuild(): { manifest: Manifest; files: Map<string, () => string> } {
  const srcRoot = path.join(__dirname, '..', '..');
  const sources: Array<{ dir: string; name: string; text: string }> = [];
  const hash = crypto.createHash('sha256');
  for (const [dir, names] of Object.entries(PLUGIN_SOURCES)) {
    const list = names === '*' ? fs.readdirSync(path.join(srcRoot, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')) : names;
    for (const name of [...list].sort()) {
      const text = fs.readFileSync(path.join(srcRoot, dir, name), 'utf-8');
      sources.push({ dir, name, text });
      hash.update(`${dir}/${name}\0${text}\0`);
    }
  }
  hash.update(PACKAGE_ROOT);
  const key = hash.digest('hex').slice(0, 16);
  // Only from the sources, where the dev dependencies are installed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies
  const ts = require('typescript') as typeof import('typescript');
  const files = new Map<string, () => string>();
  const digests: Record<string, string> = {};
  for (const { dir, name, text } of sources) {
    const rel = `lib/${dir}/${name.replace(/\.ts$/, '.js')}`;
    const out = ts.transpileModule(text, {
      fileName: name,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: false, sourceMap: false },
    }).outputText;
    files.set(rel, () => out);
    digests[rel] = sha256Hex(out);
  }
  const links: Record<string, string> = {};
  for (const link of LINKS) links[link] = path.join(PACKAGE_ROOT, link);
  return { manifest: { format: 1, key, files: digests, links }, files };
}

/** Why the folder does not hold exactly `manifest`'s content, or undefined when it does. @internal */
export function pluginDirProblem(dir: string, manifest: Manifest): string | undefined {
  let found: unknown;
  try {
    found = JSON.parse(fs.readFileSync(path.join(dir, MANIFEST), 'utf-8'));
  } catch (e) {
    return `no readable ${MANIFEST} (${(e as Error).message})`;
  }
  if (JSON.stringify(found) !== JSON.stringify(manifest)) return `its ${MANIFEST} is not this build's`;
  for (const [rel, digest] of Object.entries(manifest.files)) {
    const file = path.join(dir, ...rel.split('/'));
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile()) return `${rel} is not a regular file`;
      if (groupOtherBits(st.mode) !== 0) return `${rel} has group or other permission bits`;
      if (sha256Hex(fs.readFileSync(file)) !== digest) return `${rel} does not match its SHA-256`;
    } catch (e) {
      return `${rel}: ${(e as Error).message}`;
    }
  }
  for (const [rel, target] of Object.entries(manifest.links)) {
    try {
      if (fs.readlinkSync(path.join(dir, rel)) !== target) return `${rel} does not link to ${target}`;
    } catch (e) {
      return `${rel}: ${(e as Error).message}`;
    }
  }
  // Nothing else is run: only lib/ is code, and it must hold the listed files only.
  const listed = new Set(Object.keys(manifest.files));
  const extra: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(r); else if (!listed.has(r)) extra.push(r);
    }
  };
  try {
    walk('lib');
  } catch (e) {
    return `lib: ${(e as Error).message}`;
  }
  const top = fs.readdirSync(dir).filter((n) => n !== 'lib' && n !== MANIFEST && !LINKS.includes(n));
  if (extra.length + top.length > 0) return `it holds files it should not: ${[...extra, ...top].join(', ')}`;
  return undefined;
}

/** Writes the transpiled plugin into `dir` (which exists and is empty): files, links, and the manifest last. */
function writePluginDir(dir: string, build: ReturnType<typeof pluginBuild>): void {
  for (const [rel, content] of build.files) {
    const file = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    writePrivateFile(file, content());
  }
  for (const [rel, target] of Object.entries(build.manifest.links)) fs.symlinkSync(target, path.join(dir, rel));
  writePrivateFile(path.join(dir, MANIFEST), JSON.stringify(build.manifest));
}

const entryOf = (dir: string) => path.join(dir, 'lib', 'terraform', 'plugin', 'plugin-main.js');

/** Folders of this process (when the cache folder could not be used), removed at exit. */
const ownFolders: string[] = [];
function ownFolder(dir: string): string {
  if (ownFolders.length === 0) process.once('exit', () => ownFolders.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  ownFolders.push(dir);
  return dir;
}

/** Transpiles the plugin (or finds it, verified) and returns its entry point. @internal */
export function transpiledPluginEntry(env: NodeJS.ProcessEnv = process.env): string {
  const build = pluginBuild();
  let cache: string;
  try {
    cache = privateCacheDir('plugin', { env });
  } catch (e) {
    if (!(e instanceof UntrustedDirError)) throw e;
    const own = ownFolder(freshPrivateDir('cdktf-alicloud-plugin-'));
    process.stderr.write(`cdktf-alicloud-ipv6: ${e.message}\ncdktf-alicloud-ipv6: the offline provider runs from ${own} for this run instead.\n`);
    writePluginDir(own, build);
    return entryOf(own);
  }
  const target = path.join(cache, `plugin-${build.manifest.key}`);
  if (fs.existsSync(target) || isLink(target)) {
    if (!pluginDirProblem(target, build.manifest)) return entryOf(target);
    // Not what this build writes (corrupt, stale or tampered): never run it, move it out of the way.
    fs.rmSync(target, { recursive: true, force: true });
  }
  const staging = freshPrivateDir(`plugin-${build.manifest.key}.tmp-`, cache);
  writePluginDir(staging, build);
  try {
    fs.renameSync(staging, target);
  } catch (e) {
    // Another process made it first: use theirs if it verifies, else ours (its name is unpredictable).
    if (!pluginDirProblem(target, build.manifest)) {
      fs.rmSync(staging, { recursive: true, force: true });
      return entryOf(target);
    }
    return entryOf(ownFolder(staging));
  }
  return entryOf(target);
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
