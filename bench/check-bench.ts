/**
 * `check` benchmark (`npx projen bench:check`; not a test): checking a plan JSON with N IPv6 ECIs against
 * the floor of reading it, `JSON.parse` plus one walk of every value of the parsed plan.
 *
 * The plan is made from the committed fixture test/check/fixtures/plans/region-var.plan.json (real
 * `terraform show -json` of one of our stacks, made offline): its public ECI (the ROS stack, the two lookups
 * and the IPv6 Internet bandwidth) is repeated N times under new names in planned_values, resource_changes
 * and configuration, with the region variable set to cn-huhehaote. "Check" is what the command does: read the
 * file, parse, adapt the plan to the rules' document, run every rule, map the findings back and format the
 * text report. Both run in this process after two warm-up runs; the median of BENCH_REPEATS (default 7) runs
 * is reported (garbage collected before each run), and the goal is check / floor <= 3 at N = 1000, with linear growth.
 *
 * Environment: BENCH_N=100,300,1000 (sizes), BENCH_REPEATS=7.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { defaultConfig } from '../src/check/config';
import { formatText } from '../src/check/format';
import { checkDocument, loadInput } from '../src/check/run';

const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(ROOT, 'test', 'check', 'fixtures', 'plans', 'region-var.plan.json');
const SIZES = (process.env.BENCH_N ?? '100,300,1000').split(',').map(Number);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 7);

/** A plan with N copies of the fixture's public ECI (every `Web_` name renamed `Web<i>_`). */
export function planWithEcis(n: number): string {
  const plan = JSON.parse(fs.readFileSync(FIXTURE, 'utf-8'));
  const isWeb = (r: any) => typeof r.address === 'string' && /\.Web_/.test(r.address);
  const copies = (list: any[]) => {
    const web = list.filter(isWeb).map((r) => JSON.stringify(r));
    const out = list.filter((r) => !isWeb(r));
    for (let i = 0; i < n; i++) for (const text of web) out.push(JSON.parse(text.replace(/Web_/g, `Web${i}_`)));
    return out;
  };
  plan.planned_values.root_module.resources = copies(plan.planned_values.root_module.resources);
  plan.resource_changes = copies(plan.resource_changes);
  plan.configuration.root_module.resources = copies(plan.configuration.root_module.resources);
  plan.variables.region.value = 'cn-huhehaote';
  return JSON.stringify(plan, null, 1);
}

/** One walk of every value (the floor's second half). */
function walk(v: unknown): number {
  if (Array.isArray(v)) {
    let n = 1;
    for (const x of v) n += walk(x);
    return n;
  }
  if (typeof v === 'object' && v !== null) {
    let n = 1;
    for (const k in v) n += walk((v as Record<string, unknown>)[k]);
    return n;
  }
  return 1;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Collects garbage before each timed run (node --expose-gc), so one run does not pay for the previous one's. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Wall time and CPU time (user + system, all threads of this process) of one run, in ms. */
async function time(fn: () => unknown | Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  gc();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  await fn();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-bench-'));
  const config = defaultConfig();
  const rows: string[] = [];
  let perEci: number[] = [];
  try {
    for (const n of SIZES) {
      const file = path.join(dir, `plan-${n}.json`);
      fs.writeFileSync(file, planWithEcis(n));
      const mb = fs.statSync(file).size / 2 ** 20;
      let findings = 0;
      let nodes = 0;
      const floor = async () => {
        nodes = walk(JSON.parse(fs.readFileSync(file, 'utf-8')));
      };
      const check = async () => {
        const result = checkDocument(await loadInput(file), config);
        formatText([result], false);
        findings = result.findings.length;
      };
      for (let i = 0; i < 2; i++) {
        await floor();
        await check();
      }
      const f: Array<{ wall: number; cpu: number }> = [];
      const c: Array<{ wall: number; cpu: number }> = [];
      for (let i = 0; i < REPEATS; i++) {
        f.push(await time(floor));
        c.push(await time(check));
      }
      const [fw, fc] = [median(f.map((x) => x.wall)), median(f.map((x) => x.cpu))];
      const [cw, cc] = [median(c.map((x) => x.wall)), median(c.map((x) => x.cpu))];
      perEci.push(cc / n);
      rows.push(`| ${n} | ${mb.toFixed(1)} MB, ${nodes} values | ${fw.toFixed(0)} ms (${fc.toFixed(0)} ms) | ${cw.toFixed(0)} ms (${cc.toFixed(0)} ms) `
        + `| ${(cw / fw).toFixed(2)} (${(cc / fc).toFixed(2)}) | ${findings} |`);
      process.stderr.write(`N=${n}: floor ${fw.toFixed(1)} ms (cpu ${fc.toFixed(1)}), check ${cw.toFixed(1)} ms (cpu ${cc.toFixed(1)}), ratio ${(cw / fw).toFixed(2)} (cpu ${(cc / fc).toFixed(2)})\n`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write([
    `check benchmark, Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), median of ${REPEATS}`,
    '',
    '| ECIs | plan JSON | JSON.parse + one walk, wall (CPU) | check (read, adapt, rules, text), wall (CPU) | ratio, wall (CPU) | findings |',
    '|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
    `check CPU time per ECI: ${perEci.map((x) => `${(x * 1000).toFixed(0)} µs`).join(', ')} (N = ${SIZES.join(', ')})`,
    '',
  ].join('\n'));
  perEci = [];
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  });
}
