import * as fs from 'fs';
import * as path from 'path';
import { sources, SRC } from './sources';

/**
 * The map of `src/` in README's Development section ("Where things live") is the rule: every folder it names
 * exists, every folder of src/ is in it, and each folder imports only the folders its row allows. A new arrow
 * upward (a construct imported by the rule pack, the CLI by the checker) fails here, and so does a map that no
 * longer says what the code does.
 */
const ROOT = path.join(__dirname, '..', '..');

/** The folder ("room") a file of src/ belongs to: its top folder, or `terraform/<part>` for the two Terraform programs. */
function roomOf(relative: string): string {
  const parts = relative.split('/');
  if (parts.length === 1) return parts[0].replace(/\.ts$/, '');
  return parts[0] === 'terraform' && parts.length > 2 ? `terraform/${parts[1]}` : parts[0];
}

/** The README's table: folder → the folders it may import. */
function readmeMap(): Map<string, string[]> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf-8');
  const start = readme.indexOf('### Where things live');
  expect(start).toBeGreaterThan(0);
  const rows = [...readme.slice(start).matchAll(/^\| `src\/([a-z/-]+)\/` \| [^|]+ \| ([^|]+) \|$/gm)];
  return new Map(rows.map((r) => [r[1], r[2].trim() === 'nothing of the package' ? [] : [...r[2].matchAll(/`([a-z/-]+)`/g)].map((m) => m[1])]));
}

/** The rooms a file imports (relative imports into src/ only; package.json and the like are not rooms). */
function importedRooms(file: string): string[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf-8');
  const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"`](\.{1,2}\/[^'"`]*|\.{1,2})['"`]/gm;
  return [...text.matchAll(specifiers)].flatMap((m) => {
    const target = path.relative(SRC, path.resolve(path.dirname(path.join(SRC, file)), m[1])).split(path.sep).join('/');
    if (target.startsWith('..') || target.endsWith('.json')) return [];
    const isFolder = fs.existsSync(path.join(SRC, target)) && fs.statSync(path.join(SRC, target)).isDirectory();
    return [roomOf(isFolder ? `${target}/index.ts` : `${target.replace(/\.ts$/, '')}.ts`)];
  });
}

test('README lists every folder of src/, and nothing that is not there', () => {
  const map = readmeMap();
  const rooms = new Set(sources().map(roomOf).filter((r) => r !== 'index'));
  rooms.add('providers');
  expect([...map.keys()].sort()).toEqual([...rooms].sort());
  for (const room of map.keys()) expect(fs.existsSync(path.join(SRC, room))).toBe(true);
});

/** Each import that the map does not allow, as a sentence. */
function violations(map: Map<string, string[]>): string[] {
  const wrong: string[] = [];
  for (const file of sources()) {
    const room = roomOf(file);
    if (room === 'index') continue;
    const allowed = new Set([room, ...(map.get(room) ?? [])]);
    for (const target of importedRooms(file)) if (!allowed.has(target)) wrong.push(`src/${file} imports ${target} (README allows ${room}: ${[...allowed].join(', ')})`);
  }
  return wrong;
}

test('each folder imports only what its row in README allows (src/index.ts re-exports anything)', () => {
  expect(violations(readmeMap())).toEqual([]);
});

test('the scan sees real arrows: a map without one of them fails', () => {
  expect(importedRooms('cli/main.ts')).toContain('terraform/run');
  expect(importedRooms('testing/index.ts').length).toBeGreaterThan(0);
  const map = readmeMap();
  map.set('rules', (map.get('rules') ?? []).filter((r) => r !== 'schema'));
  expect(violations(map).some((v) => /^src\/rules\/.* imports schema /.test(v))).toBe(true);
});
