/**
 * Synthesis benchmark (`npx projen bench`; not a test): wall time and peak memory of synthesizing a stack
 * with N IPv6 ECIs (N = 10, 100, 1000), built
 *   (a) with the library's constructs (and the IPv6 rule pack they apply),
 *   (b) with the raw generated bindings, typed configs and attribute tokens (the same cdk.tf.json, `//` metadata aside),
 *   (c) the floor: JSON.stringify of the same final document.
 *
 * Every case runs in a fresh child process (peak RSS per case: process.resourceUsage().maxRSS), on plain
 * JavaScript: src/ and bench/ are transpiled once into a temporary directory first, so neither ts-node's
 * compiler nor its source-map hook is measured. Each case is repeated (7 times, 5 for N = 1000) and the
 * median is reported: wall time, CPU time (user + system, all threads; steadier when the machine is busy)
 * and peak RSS. Asserts that (a) and (b) write the same cdk.tf.json, `//` metadata aside.
 *
 * Environment:
 *   BENCH_N=10,100      sizes to run (default 10,100,1000)
 *   BENCH_REPEATS=3     repeats per case (default 7, and 5 for N >= 1000)
 *   BENCH_PROFILE=1     also write a CPU profile of (a) at the largest N and print its hottest functions
 *   BENCH_INSTRUCTIONS=1000  also count the CPU instructions of (a), (b) and (a) without its rule pack at that N under valgrind
 *                       (callgrind; all threads, module loading subtracted): a ratio that does not depend on
 *                       the machine's load. Slow (about 50x): several minutes at N = 1000.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transpileForBench } from './transpile';

const ROOT = path.resolve(__dirname, '..');
const SIZES = (process.env.BENCH_N ?? '10,100,1000').split(',').map(Number);
const MODES = ['a', 'b', 'c'] as const;
type Mode = typeof MODES[number];

interface CaseResult {
  readonly ms: number;
  readonly cpuMs: number;
  readonly maxRssMb: number;
  readonly baseRssMb: number;
  readonly counts: Record<string, number>;
  readonly bytes: number;
}


/** How a case process is spawned: the library's node_modules, no inherited NODE_OPTIONS, room for its output. */
const CASE_SPAWN = {
  env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), NODE_OPTIONS: '' },
  encoding: 'utf-8' as const,
  maxBuffer: 64 * 2 ** 20,
};

function runCase(js: string, mode: Mode, n: number, outdir: string, docPath?: string, extraArgs: string[] = []): CaseResult {
  const r = spawnSync(process.execPath, [...extraArgs, js, mode, String(n), outdir, ...(docPath ? [docPath] : [])], CASE_SPAWN);
  if (r.status !== 0) throw new Error(`case ${mode} N=${n} failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** A cdk.tf.json's text without its `//` keys (construct paths, versions), for comparing two documents. */
function withoutMetadata(file: string): string {
  const strip = (v: unknown): unknown => (Array.isArray(v) ? v.map(strip)
    : v !== null && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== '//').map(([k, x]) => [k, strip(x)])) : v);
  return JSON.stringify(strip(JSON.parse(fs.readFileSync(file, 'utf-8'))));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function sameCounts(x: Record<string, number>, y: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...keys].every((k) => x[k] === y[k]);
}

/** The hottest functions (self time) of a CPU profile, and the hottest src/ functions (inclusive time). */
function summarizeProfile(file: string): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf-8'));
  const dt = new Map<number, number>();
  p.samples.forEach((id: number, i: number) => dt.set(id, (dt.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byId = new Map<number, any>(p.nodes.map((nd: any) => [nd.id, nd]));
  const parent = new Map<number, number>();
  for (const nd of p.nodes) for (const c of nd.children ?? []) parent.set(c, nd.id);
  const label = (nd: any) => `${nd.callFrame.functionName || '(anonymous)'} ${nd.callFrame.url.replace(/^.*node_modules\//, '').replace(/^.*bench-js[^/]*\//, '')}:${nd.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const nd of p.nodes) {
    const d = dt.get(nd.id) ?? 0;
    if (!d) continue;
    self.set(label(nd), (self.get(label(nd)) ?? 0) + d);
    const seen = new Set<string>();
    for (let cur: number | undefined = nd.id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(byId.get(cur));
      if (!seen.has(l)) incl.set(l, (incl.get(l) ?? 0) + d);
      seen.add(l);
    }
  }
  const total = [...dt.values()].reduce((a, b) => a + b, 0);
  const fmt = (m: Map<string, number>, filter: (k: string) => boolean, k: number) => [...m]
    .filter(([l]) => filter(l)).sort((a, b) => b[1] - a[1]).slice(0, k)
    .map(([l, us]) => `  ${(us / 1000).toFixed(0).padStart(7)} ms ${(100 * us / total).toFixed(1).padStart(5)}%  ${l}`).join('\n');
  return `self time:\n${fmt(self, () => true, 15)}\ninclusive time, src/ only:\n${fmt(incl, (l) => / src\//.test(l), 15)}`;
}

/** Instructions executed by one case under callgrind (all threads), from its "Collected" line. */
function instructions(js: string, mode: 'a' | 'a0' | 'b' | 'load', n: number, outdir: string): number {
  const r = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, js, mode, String(n), outdir], CASE_SPAWN);
  const m = /Collected : (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`valgrind ${mode} N=${n} failed (exit ${r.status}; is valgrind installed?):\n${r.stderr}`);
  return Number(m[1]);
}

/** BENCH_INSTRUCTIONS: a/b from instruction counts, module loading subtracted. */
function instructionRatio(js: string, work: string, n: number): string {
  const load = instructions(js, 'load', n, path.join(work, 'ins-load'));
  const a = instructions(js, 'a', n, path.join(work, 'ins-a')) - load;
  const a0 = instructions(js, 'a0', n, path.join(work, 'ins-a0')) - load;
  const b = instructions(js, 'b', n, path.join(work, 'ins-b')) - load;
  const g = (x: number) => `${(x / 1e9).toFixed(2)} G`;
  return `Instructions at N=${n} (callgrind, all threads, module loading (${g(load)}) subtracted): `
    + `(a) ${g(a)}, (b) ${g(b)}, a/b ${(a / b).toFixed(3)}; `
    + `(a) with the rules off and no report ${g(a0)}, a0/b ${(a0 / b).toFixed(3)} (so the rule pack and its report are ${(100 * (a - a0) / b).toFixed(1)}% of b)`;
}

function main(): void {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-js-'));
  const began = Date.now();
  try {
    transpileForBench(work, ['bench/cases.ts', 'bench/synth-case.ts']);
    const js = path.join(work, 'bench', 'synth-case.js');
    const rows: Array<{ n: number; r: Record<Mode, CaseResult[]> }> = [];

    for (const n of SIZES) {
      const repeats = Number(process.env.BENCH_REPEATS ?? (n >= 1000 ? 5 : 7));
      const r: Record<Mode, CaseResult[]> = { a: [], b: [], c: [] };
      const docPath = path.join(work, `doc-${n}.json`);
      // interleave a, b, c so that drift in machine load hits them alike
      for (let i = 0; i < repeats; i++) {
        for (const mode of MODES) {
          const outdir = path.join(work, `out-${mode}-${n}-${i}`);
          r[mode].push(runCase(js, mode, n, outdir, mode === 'c' ? docPath : undefined));
          if (mode === 'a' && i === 0) fs.copyFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), docPath);
          if (mode === 'b' && i === 0) fs.copyFileSync(path.join(outdir, 'stacks', 'bench', 'cdk.tf.json'), `${docPath}.b`);
          fs.rmSync(outdir, { recursive: true, force: true });
        }
        process.stderr.write(`N=${n} repeat ${i + 1}/${repeats} done (${((Date.now() - began) / 1000).toFixed(0)} s)\n`);
      }
      const [a, b, c] = [r.a[0], r.b[0], r.c[0]];
      if (!sameCounts(a.counts, b.counts) || !sameCounts(a.counts, c.counts)) {
        throw new Error(`N=${n}: (a) and (b) differ in resource counts per type:\n(a) ${JSON.stringify(a.counts)}\n(b) ${JSON.stringify(b.counts)}`);
      }
      if (withoutMetadata(docPath) !== withoutMetadata(`${docPath}.b`)) {
        throw new Error(`N=${n}: (a) and (b) wrote different cdk.tf.json files (\`//\` metadata aside): the comparison is not of the same document`);
      }
      process.stderr.write(`N=${n}: (a) and (b) wrote the same cdk.tf.json (\`//\` metadata aside), resources per type ${JSON.stringify(a.counts)}; `
        + `cdk.tf.json (a) ${(a.bytes / 1024).toFixed(0)} KiB, (b) ${(b.bytes / 1024).toFixed(0)} KiB\n`);
      rows.push({ n, r });
    }

    const med = (xs: CaseResult[], k: 'ms' | 'cpuMs' | 'maxRssMb' | 'baseRssMb') => median(xs.map((x) => x[k]));
    const lines = [
      '| N | (a) constructs + rules | (b) raw bindings | (c) JSON.stringify floor | a/b wall (CPU) | a/c wall (CPU) | a/b peak RSS |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...rows.map(({ n, r }) => {
        const d = (m: Mode) => (m === 'c' ? 1 : 0);
        const cell = (m: Mode) => `${med(r[m], 'ms').toFixed(d(m))} ms (CPU ${med(r[m], 'cpuMs').toFixed(d(m))} ms), ${med(r[m], 'maxRssMb').toFixed(0)} MB`;
        const ratio = (m: Mode, k: 'ms' | 'cpuMs', digits: number) => (med(r.a, k) / med(r[m], k)).toFixed(digits);
        return `| ${n} | ${cell('a')} | ${cell('b')} | ${cell('c')} | ${ratio('b', 'ms', 2)} (${ratio('b', 'cpuMs', 2)}) | `
          + `${ratio('c', 'ms', 0)} (${ratio('c', 'cpuMs', 0)}) | ${(med(r.a, 'maxRssMb') / med(r.b, 'maxRssMb')).toFixed(2)} |`;
      }),
    ];
    const base = rows.length > 0 ? med(rows[0].r.a, 'baseRssMb') : 0;
    console.log(`\nSynthesis benchmark: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`);
    console.log('Times: median wall time of build + app.synth() (c: stringify + write) in a fresh process; memory: median peak RSS of that process');
    console.log(`(module loading excluded from the time, included in the peak RSS: about ${base.toFixed(0)} MB after loading).\n`);
    console.log(`${lines.join('\n')}\n`);
    for (let i = 1; i < rows.length; i++) {
      const [p, q] = [rows[i - 1], rows[i]];
      const growth = med(q.r.a, 'ms') / med(p.r.a, 'ms');
      const cpuGrowth = med(q.r.a, 'cpuMs') / med(p.r.a, 'cpuMs');
      const sizeRatio = q.n / p.n;
      console.log(`(a) from N=${p.n} to N=${q.n} (${sizeRatio}x): wall time x${growth.toFixed(2)}, CPU time x${cpuGrowth.toFixed(2)}, `
        + `peak RSS x${(med(q.r.a, 'maxRssMb') / med(p.r.a, 'maxRssMb')).toFixed(2)}${Math.min(growth, cpuGrowth) > sizeRatio * 1.1 ? '  <-- super-linear' : ''}`);
    }
    const last = rows[rows.length - 1];
    // Goals (issue 21): a/b <= 1.10 at N = 1000 and <= 1.25 at N = 100, in time; peak RSS a/b <= 1.05; time linear in N.
    for (const { n, r } of rows) {
      const goal = n >= 1000 ? 1.10 : n >= 100 ? 1.25 : undefined;
      const ratio = med(r.a, 'ms') / med(r.b, 'ms');
      const cpuRatio = med(r.a, 'cpuMs') / med(r.b, 'cpuMs');
      const rss = med(r.a, 'maxRssMb') / med(r.b, 'maxRssMb');
      const time = goal === undefined ? 'no time goal' : `time goal a/b <= ${goal.toFixed(2)}: ${Math.max(ratio, cpuRatio) <= goal ? 'met' : 'NOT met'}`;
      console.log(`N=${n}: a/b wall ${ratio.toFixed(2)}, CPU ${cpuRatio.toFixed(2)} (${time}); peak RSS a/b ${rss.toFixed(2)} (goal <= 1.05: ${rss <= 1.05 ? 'met' : 'NOT met'})`);
    }

    if (process.env.BENCH_INSTRUCTIONS) console.log(instructionRatio(js, work, Number(process.env.BENCH_INSTRUCTIONS)));

    if (process.env.BENCH_PROFILE && last) {
      const profDir = path.join(work, 'prof');
      runCase(js, 'a', last.n, path.join(work, 'out-prof'), undefined, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
      const file = path.join(profDir, fs.readdirSync(profDir)[0]);
      console.log(`\nCPU profile of (a) at N=${last.n} (module loading included):\n${summarizeProfile(file)}`);
    }
    console.log(`\nTotal bench time ${((Date.now() - began) / 1000).toFixed(0)} s.`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
