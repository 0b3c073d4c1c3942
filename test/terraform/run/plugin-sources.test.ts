/**
 * The two programs of src/terraform stay apart: the plugin (terraform/plugin, what Terraform starts) and
 * the driver (terraform/run, what runs the terraform CLI). The plugin's transpiled folder holds exactly
 * what plugin-main.ts imports (PLUGIN_SOURCES), and only the plugin's server layer knows gRPC.
 */
import * as fs from 'fs';
import * as path from 'path';
import { PLUGIN_SOURCES } from '../../../src/terraform/run/plugin-entry';

const SRC = path.join(__dirname, '..', '..', '..', 'src');
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

/** The specifiers a source file imports (static imports and re-exports). */
function specifiers(file: string): string[] {
  const text = fs.readFileSync(file, 'utf-8');
  return [...text.matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)';|^import\s+'([^']+)';/gm)].map((m) => m[1] ?? m[2]);
}

/** The package's source files `entry` runs, following relative imports (paths relative to src/). */
function closure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(rel(file))) return;
    seen.add(rel(file));
    for (const s of specifiers(file).filter((x) => x.startsWith('.'))) {
      const target = path.resolve(path.dirname(file), s);
      visit(fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts'));
    }
  };
  visit(path.join(SRC, entry));
  return seen;
}

/** The files PLUGIN_SOURCES lists (paths relative to src/). */
function listed(): Set<string> {
  const files = new Set<string>();
  for (const [dir, names] of Object.entries(PLUGIN_SOURCES)) {
    const all = names === '*' ? fs.readdirSync(path.join(SRC, dir)).filter((n) => n.endsWith('.ts') && !n.endsWith('.d.ts')) : names;
    for (const n of all) files.add(`${dir}/${n}`);
  }
  return files;
}

const sorted = (s: Set<string>) => [...s].sort();

test('PLUGIN_SOURCES lists exactly what the plugin runs: plugin-main.ts and what it imports', () => {
  expect(sorted(listed())).toEqual(sorted(closure('terraform/plugin/plugin-main.ts')));
});

test('the plugin imports nothing of the driver, and the driver nothing of the plugin', () => {
  const files = (dir: string) => fs.readdirSync(path.join(SRC, 'terraform', dir)).filter((n) => n.endsWith('.ts')).map((n) => path.join(SRC, 'terraform', dir, n));
  const crossing = (from: string, to: string) => files(from).flatMap((f) => [...closure(rel(f))].filter((r) => r.startsWith(`terraform/${to}/`)).map((r) => `${rel(f)} -> ${r}`));
  expect(crossing('plugin', 'run')).toEqual([]);
  expect(crossing('run', 'plugin')).toEqual([]);
});

test('only the server layer (server.ts, protocol.ts) imports gRPC: the provider\'s logic is typed, gRPC-free', () => {
  // gRPC is the package's own (issue 21): grpc-server.ts (unary gRPC over Node's http2) and protobuf.ts (the
  // .proto reader and codec). Only the server layer imports them; nothing imports a gRPC or protobuf package.
  const dir = path.join(SRC, 'terraform', 'plugin');
  const grpcUsers = fs.readdirSync(dir).filter((n) => n.endsWith('.ts') && specifiers(path.join(dir, n)).some((s) => ['./grpc-server', './protobuf'].includes(s)));
  expect(grpcUsers.sort()).toEqual(['protocol.ts', 'server.ts']);
  const http2Users = fs.readdirSync(dir).filter((n) => n.endsWith('.ts') && specifiers(path.join(dir, n)).some((s) => s === 'http2'));
  expect(http2Users).toEqual(['grpc-server.ts']);
  const all = fs.readdirSync(SRC, { recursive: true, encoding: 'utf-8' }).filter((n) => n.endsWith('.ts'));
  const packages = all.filter((n) => specifiers(path.join(SRC, n)).some((s) => /^@grpc\/|^protobufjs|^google-protobuf/.test(s)));
  expect(packages).toEqual([]);
});
