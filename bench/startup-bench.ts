/**
 * Start-up benchmark (`npx projen bench:startup`; not a test): what loading the library and running `check`
 * cost in fresh Node processes, on the compiled library (`lib/`: run `npx projen compile` first).
 *
 * Cases, each a whole process (spawn to exit, measured by this script), interleaved round by round so that a
 * shared machine's load hits them alike; the median of BENCH_REPEATS rounds (default 11) is printed, wall time
 * and the process's CPU time (user + system, from a preloaded exit hook: steadier on a busy machine):
 *   node           `node -e ""`: the floor of any process
 *   cdktf          require('cdktf') and `new App()`
 *   library        the same, plus require() of the library (lib/index.js): the ratio to `cdktf` is the goal (<= 1.3)
 *   check .tf.json `cdktf-alicloud-ipv6 check` (bin/, compiled lib/) on a folder of one .tf.json file (goal: < 0.5 s)
 *   check .tf      the same on a folder of one .tf file (HCL: the WebAssembly parser of @cdktf/hcl2json loads)
 * The library case also reports whether any gRPC, protobuf, msgpack or certificate code was loaded (it must not
 * be: only a Terraform run needs it; test/package/load.test.ts asserts it).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const LIB = path.join(ROOT, 'lib');
const BIN = path.join(ROOT, 'bin', 'cdktf-alicloud-ipv6');
const REPEATS = Number(process.env.BENCH_REPEATS ?? 11);

if (!fs.existsSync(path.join(LIB, 'index.js')) || !fs.existsSync(path.join(LIB, 'cli', 'main.js'))) {
  throw new Error('lib/ is not compiled: run `npx projen compile` first');
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'startup-bench-'));
const jsonDir = path.join(dir, 'json');
const hclDir = path.join(dir, 'hcl');
fs.mkdirSync(jsonDir);
fs.mkdirSync(hclDir);
fs.writeFileSync(path.join(jsonDir, 'main.tf.json'), JSON.stringify({
  resource: { alicloud_vpc: { v: { vpc_name: 'v', cidr_block: '10.0.0.0/16', enable_ipv6: true } } },
}, null, 2));
fs.writeFileSync(path.join(hclDir, 'main.tf'), 'resource "alicloud_vpc" "v" {\n  vpc_name    = "v"\n  cidr_block  = "10.0.0.0/16"\n  enable_ipv6 = true\n}\n');

// Every child reports its CPU time (all of it since the process started) on stderr as it exits.
const PRELOAD = path.join(dir, 'cpu.js');
fs.writeFileSync(PRELOAD, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, '\\n@@cpu ' + (u.user + u.system) / 1000 + '\\n'); });\n");

const APP = "const { App } = require('cdktf'); new App({ outdir: process.argv[1] });";
const LOADED = `const m = Object.keys(require.cache).filter((k) => /node_modules[\\\\/](@grpc|protobufjs|@msgpack|selfsigned)[\\\\/]/.test(k) || /terraform[\\\\/]plugin[\\\\/]/.test(k));
if (m.length) { console.error('terraform-only code loaded: ' + m.join(', ')); process.exit(4); }`;

interface Case { readonly name: string; readonly args: string[]; readonly codes: number[] }
const CASES: Case[] = [
  { name: 'node', args: ['-e', ''], codes: [0] },
  { name: 'cdktf', args: ['-e', APP, path.join(dir, 'out')], codes: [0] },
  { name: 'library', args: ['-e', `${APP} require(${JSON.stringify(LIB)}); ${LOADED}`, path.join(dir, 'out')], codes: [0] },
  // check exits 1 when it finds an error-level finding; both are fine here (the run is what is timed)
  { name: 'check .tf.json', args: [BIN, 'check', jsonDir], codes: [0, 1] },
  { name: 'check .tf', args: [BIN, 'check', hclDir], codes: [0, 1] },
];

const times = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
const cpu = new Map<string, number[]>(CASES.map((c) => [c.name, []]));
for (let round = 0; round < REPEATS + 1; round++) {
  for (const c of CASES) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-r', PRELOAD, ...c.args], { encoding: 'utf-8', env: { ...process.env, CDKTF_OUTDIR: undefined, NO_COLOR: '1' } });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (!c.codes.includes(r.status ?? -1)) throw new Error(`${c.name}: exit ${r.status}\n${r.stdout}\n${r.stderr}`);
    const used = Number(/@@cpu ([\d.]+)/.exec(r.stderr)?.[1]);
    if (!(used > 0)) throw new Error(`${c.name}: no CPU time reported\n${r.stderr}`);
    if (round > 0) { // round 0 warms the file cache
      times.get(c.name)!.push(ms);
      cpu.get(c.name)!.push(used);
    }
  }
}
fs.rmSync(dir, { recursive: true, force: true });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const m = (name: string) => median(times.get(name)!);
const c = (name: string) => median(cpu.get(name)!);
const load = os.loadavg()[0];
console.log(`Start-up, fresh processes, median of ${REPEATS} interleaved rounds (Node ${process.version}, ${os.cpus().length} CPUs, load average ${load.toFixed(1)}):`);
console.log('                     wall        CPU');
for (const k of CASES) console.log(`  ${k.name.padEnd(16)} ${m(k.name).toFixed(0).padStart(5)} ms  ${c(k.name).toFixed(0).padStart(5)} ms`);
console.log(`  library / cdktf    ${(m('library') / m('cdktf')).toFixed(2).padStart(5)}     ${(c('library') / c('cdktf')).toFixed(2).padStart(5)}     (goal <= 1.3)`);
console.log(`  library - cdktf    ${(m('library') - m('cdktf')).toFixed(0).padStart(5)} ms  ${(c('library') - c('cdktf')).toFixed(0).padStart(5)} ms`);
console.log(`  check .tf.json     ${(m('check .tf.json') / 1000).toFixed(2).padStart(5)} s   ${(c('check .tf.json') / 1000).toFixed(2).padStart(5)} s    (goal < 0.5 s)`);
console.log(`  check .tf          ${(m('check .tf') / 1000).toFixed(2).padStart(5)} s   ${(c('check .tf') / 1000).toFixed(2).padStart(5)} s    (goal < 0.5 s)`);
console.log('  no gRPC, protobuf, msgpack, certificate or plugin code was loaded by the library');
