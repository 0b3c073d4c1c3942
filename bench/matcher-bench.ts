/**
 * Matcher benchmark (not a test): what `toBeValidAlicloudConfig()` / `AlicloudConfigChecker.check` costs on a
 * synthesized stack, in fresh Node processes on the compiled library (`lib/`, run `npx projen compile` first).
 *
 *   npx ts-node --project bench/tsconfig.json bench/matcher-bench.ts [cdk.tf.json] [lib dir]
 *
 * Defaults: the example's cdktf.out/stacks/ipv6-eci/cdk.tf.json (run `npm run synth:example`) and ./lib. A
 * second lib dir (for example a build of an older commit) compares two versions on the same document.
 * Prints the medians over 7 processes of: loading the checker module, the first check (cold: opening and
 * indexing the schema for the stack's types), and one warm check (the mean of 200).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const doc = path.resolve(process.argv[2] ?? path.join(ROOT, 'cdktf.out', 'stacks', 'ipv6-eci', 'cdk.tf.json'));
const lib = path.resolve(process.argv[3] ?? path.join(ROOT, 'lib'));
const RUNS = 7;

const CHILD = `
const t0 = process.hrtime.bigint();
const { AlicloudConfigChecker } = require(process.argv[1] + '/testing/config-checker');
const t1 = process.hrtime.bigint();
const text = require('fs').readFileSync(process.argv[2], 'utf-8');
const t2 = process.hrtime.bigint();
const findings = AlicloudConfigChecker.check(text);
const t3 = process.hrtime.bigint();
for (let i = 0; i < 200; i++) AlicloudConfigChecker.check(text);
const t4 = process.hrtime.bigint();
console.log(JSON.stringify({ load: Number(t1 - t0) / 1e6, cold: Number(t3 - t2) / 1e6, warm: Number(t4 - t3) / 1e6 / 200,
  errors: findings.filter((f) => f.level === 'error').length, rss: process.resourceUsage().maxRSS / 1024 }));
`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

if (!fs.existsSync(doc)) throw new Error(`${doc} does not exist: run \`npm run synth:example\` first`);
if (!fs.existsSync(path.join(lib, 'testing', 'config-checker.js'))) throw new Error(`${lib} has no testing/config-checker.js: run \`npx projen compile\` first`);
const results = Array.from({ length: RUNS }, () => {
  const r = spawnSync(process.execPath, ['-e', CHILD, lib, doc], { encoding: 'utf-8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
});
const m = (k: string) => median(results.map((r) => r[k]));
console.log(`${path.relative(ROOT, doc) || doc} with ${path.relative(ROOT, lib) || lib}: `
  + `module load ${m('load').toFixed(1)} ms, first check ${m('cold').toFixed(1)} ms, warm check ${m('warm').toFixed(2)} ms, `
  + `peak RSS ${m('rss').toFixed(0)} MB, ${results[0].errors} errors (median of ${RUNS} processes)`);
