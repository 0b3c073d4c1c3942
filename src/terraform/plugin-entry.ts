/**
 * Which JavaScript file the provider's executable runs.
 *
 * - From the compiled package (`lib/terraform/*.js`, after `npx projen compile`, or installed from npm):
 *   `lib/terraform/plugin-main.js`, beside this file.
 * - From the TypeScript sources (jest with ts-jest, ts-node): the plugin's sources (`src/terraform`,
 *   `src/schema`, `src/core`) are transpiled with the `typescript` dev dependency into a folder under the OS temp dir
 *   named by a hash of those sources, so it is never stale and is made once per change. Running the
 *   sources through ts-node instead would cost about 3 s per plugin start, and Terraform starts the
 *   plugin several times per command.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The package root (`schema/`, `proto/`, `node_modules/`), from both `src/terraform` and `lib/terraform`. */
export const PACKAGE_ROOT = path.join(__dirname, '..', '..');

let cachedEntry: string | undefined;

/** The plugin's entry point for `node <entry>`, found (or transpiled from the sources) once per process. */
export function defaultPluginEntry(): string {
  if (cachedEntry) return cachedEntry;
  const js = path.join(__dirname, 'plugin-main.js');
  if (fs.existsSync(js)) return cachedEntry = js;
  if (fs.existsSync(path.join(__dirname, 'plugin-main.ts'))) return cachedEntry = transpiledPluginEntry();
  throw new Error(`offline provider: neither plugin-main.js nor plugin-main.ts is in ${__dirname}`);
}

/** The folders whose TypeScript the plugin runs (it imports nothing else of the package). */
const PLUGIN_SOURCE_DIRS = ['terraform', 'schema', 'core'];

function transpiledPluginEntry(): string {
  const srcRoot = path.join(__dirname, '..');
  const files: Array<{ dir: string; name: string; text: string }> = [];
  const hash = crypto.createHash('sha256');
  for (const dir of PLUGIN_SOURCE_DIRS) {
    for (const name of fs.readdirSync(path.join(srcRoot, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')).sort()) {
      const text = fs.readFileSync(path.join(srcRoot, dir, name), 'utf-8');
      files.push({ dir, name, text });
      hash.update(`${dir}/${name}\0${text}\0`);
    }
  }
  hash.update(PACKAGE_ROOT);
  const target = path.join(os.tmpdir(), `cdktf-alicloud-ipv6-plugin-${hash.digest('hex').slice(0, 16)}`);
  const entry = path.join(target, 'lib', 'terraform', 'plugin-main.js');
  if (fs.existsSync(entry)) return entry;

  // Only from the sources, where the dev dependencies are installed.
  // eslint-disable-next-line @typescript-eslint/no-require-imports, import/no-extraneous-dependencies
  const ts = require('typescript') as typeof import('typescript');
  const staging = fs.mkdtempSync(`${target}.tmp-`);
  for (const { dir, name, text } of files) {
    const out = ts.transpileModule(text, {
      fileName: name,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: false, sourceMap: false },
    });
    fs.mkdirSync(path.join(staging, 'lib', dir), { recursive: true });
    fs.writeFileSync(path.join(staging, 'lib', dir, name.replace(/\.ts$/, '.js')), out.outputText);
  }
  // `__dirname/../..` of lib/<dir> is the staging folder: give it the package's data and dependencies.
  for (const link of ['schema', 'proto', 'node_modules']) {
    fs.symlinkSync(path.join(PACKAGE_ROOT, link), path.join(staging, link), 'dir');
  }
  try {
    fs.renameSync(staging, target);
  } catch (e) {
    // Another process made it first: use theirs.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(entry)) throw e;
  }
  return entry;
}
