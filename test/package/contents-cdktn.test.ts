import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { npmPack, requireCompiledLib, ROOT } from './util';
import { STAGE_DIR, tarballPath } from '../../scripts/flavour';

/**
 * Issue 19: the cdktn flavour's tarball (`npx projen package:cdktn`, run first by `npx projen test:package`) holds
 * the same files as the cdktf flavour's (which contents.test.ts checks for development files and for what a user
 * needs), but its bin; the same docs; and its jsii assembly has the same API.
 */

let files: string[];
let cdktfFiles: string[];
beforeAll(() => {
  requireCompiledLib();
  const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version;
  const tarball = tarballPath(version);
  if (!fs.existsSync(tarball)) throw new Error(`${path.relative(ROOT, tarball)} is missing: run \`npx projen package:cdktn\` (test:package runs it first)`);
  files = execFileSync('tar', ['tzf', tarball], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 })
    .split('\n').filter((l) => l && !l.endsWith('/')).map((l) => l.replace(/^package\//, ''));
  cdktfFiles = npmPack({ dryRun: true }).files.map((f) => f.path);
  console.log(`cdktn tarball: ${fs.statSync(tarball).size} bytes packed, ${files.length} files`);
});

/**
 * jsii-pacmak packs with `npm pack <folder>`, `npm pack --dry-run` in the repository (the cdktf list) packs the
 * folder itself: the two disagree on some bundled dependencies' CHANGELOG.md files (either way). Nothing else
 * may differ.
 */
const CHANGELOGS = /^node_modules\/.*\/CHANGELOG\.md$/i;

test('the same files as the cdktf tarball, but the bin', () => {
  const ours = files.filter((p) => p !== 'bin/cdktn-alicloud-ipv6' && !CHANGELOGS.test(p)).sort();
  const theirs = cdktfFiles.filter((p) => p !== 'bin/cdktf-alicloud-ipv6' && !CHANGELOGS.test(p)).sort();
  expect(files).toContain('bin/cdktn-alicloud-ipv6');
  expect(cdktfFiles).toContain('bin/cdktf-alicloud-ipv6');
  expect(ours.length).toBeGreaterThan(500);
  expect({ onlyInCdktn: ours.filter((p) => !theirs.includes(p)), onlyInCdktf: theirs.filter((p) => !ours.includes(p)) })
    .toEqual({ onlyInCdktn: [], onlyInCdktf: [] });
});

test('the same docs: README.md, API.md, RULES.md', () => {
  const tarball = tarballPath(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf-8')).version);
  for (const doc of ['README.md', 'API.md', 'RULES.md']) {
    const text = execFileSync('tar', ['xzf', tarball, '-O', `package/${doc}`], { encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
    expect({ doc, same: text === fs.readFileSync(path.join(ROOT, doc), 'utf-8') }).toEqual({ doc, same: true });
  }
});

test('the jsii assembly has the same API (types and members), on cdktn', () => {
  const cdktf = JSON.parse(fs.readFileSync(path.join(ROOT, '.jsii'), 'utf-8'));
  const cdktn = JSON.parse(fs.readFileSync(path.join(STAGE_DIR, '.jsii'), 'utf-8'));
  expect(cdktn.name).toBe('cdktn-alicloud-ipv6');
  expect(Object.keys(cdktn.dependencies).sort()).toEqual(['cdktn', 'constructs']);
  expect(cdktn.version).toBe(cdktf.version);
  // the API with each core's and package's name taken out
  const member = (m: any) => [m.name, m.static ?? false, JSON.stringify(m.type ?? m.returns ?? null),
    (m.parameters ?? []).map((p: any) => JSON.stringify(p.type))];
  const api = (asm: any, core: string, pkg: string): string => JSON.stringify(Object.values(asm.types).map((t: any) => ({
    fqn: t.fqn,
    kind: t.kind,
    base: t.base,
    interfaces: t.interfaces,
    members: [...(t.properties ?? []), ...(t.methods ?? [])].map(member),
  }))).split(`"${pkg}.`).join('"PKG.').split(`"${core}.`).join('"CORE.');
  const a = api(cdktf, 'cdktf', 'cdktf-alicloud-ipv6');
  const b = api(cdktn, 'cdktn', 'cdktn-alicloud-ipv6');
  expect(Object.keys(cdktn.types).length).toBe(Object.keys(cdktf.types).length);
  expect(b.length).toBeGreaterThan(10_000);
  expect(b === a).toBe(true);
});
