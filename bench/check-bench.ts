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
 *
 * Then a large HCL module (issue 20 item 9): `check` on one main.tf of BENCH_HCL_ECIS (default 5000) IPv6 ECIs, four
 * blocks each (ROS stack, the two lookups, the bandwidth; about 20,000 blocks and 5 MB), and on a quarter of it, each in
 * a fresh child process: time, CPU time and peak RSS (process.resourceUsage().maxRSS), with the load of the modules
 * (about 70 MB) in the peak. The file is generated in a temporary folder, never committed. BENCH_HCL_ECIS=0 skips it.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { transpileForBench } from './transpile';
import { defaultConfig } from '../src/check/config';
import { formatText } from '../src/check/format';
import { checkDocument, loadInput } from '../src/check/run';

const ROOT = path.resolve(__dirname, '..');
const FIXTURE = path.join(ROOT, 'test', 'check', 'fixtures', 'plans', 'region-var.plan.json');
const SIZES = (process.env.BENCH_N ?? '100,300,1000').split(',').map(Number).filter((n) => n > 0);
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

/** The head of the HCL module: the dual-stack VPC of the library's example in HCL (the committed fixture, up to its ECIs). */
const HCL_HEAD = path.join(ROOT, 'test', 'check', 'fixtures', 'hcl-example', 'main.tf');

/** An HCL module with N IPv6 ECIs after the fixture's network: per ECI a ROS stack, its two lookups and its bandwidth. */
export function hclWithEcis(n: number): string {
  const head = fs.readFileSync(HCL_HEAD, 'utf-8').split('# The public nginx ECI')[0];
  const parts = [head];
  for (let i = 0; i < n; i++) {
    parts.push(`
resource "alicloud_ros_stack" "web${i}" {
  stack_name         = "ipv6-eci-web${i}"
  replacement_option = "Enabled"
  template_body = jsonencode({ ROSTemplateFormatVersion = "2015-09-01", Resources = { ContainerGroup = { Type = "ALIYUN::ECI::ContainerGroup", Properties = { ContainerGroupName = "ipv6-eci-web${i}", Ipv6AddressCount = 1 } } } })
  parameters {
    parameter_key   = "VSwitchId"
    parameter_value = alicloud_vswitch.a.id
  }
}

data "alicloud_eci_container_groups" "web${i}" {
  container_group_name = "ipv6-eci-web${i}"
  vswitch_id           = alicloud_vswitch.a.id
  depends_on           = [alicloud_ros_stack.web${i}]
}

data "alicloud_vpc_ipv6_addresses" "web${i}" {
  vswitch_id = alicloud_vswitch.a.id
  depends_on = [alicloud_ros_stack.web${i}]
}

resource "alicloud_vpc_ipv6_internet_bandwidth" "web${i}" {
  ipv6_gateway_id      = alicloud_vpc_ipv6_gateway.main.id
  ipv6_address_id      = one([for a in data.alicloud_vpc_ipv6_addresses.web${i}.addresses : a.id if a.ipv6_address == data.alicloud_eci_container_groups.web${i}.groups[0].ipv6_address])
  bandwidth            = 10
  internet_charge_type = "PayByBandwidth"
}
`);
  }
  return parts.join('');
}

/**
 * The child that checks one folder: plain JavaScript on src/ transpiled into `js` (as bench/synth-bench.ts does), so that
 * neither ts-node nor the TypeScript compiler is in its memory. Prints { ms, cpuMs, maxRssMb, baseRssMb, findings }.
 */
function writeHclChild(js: string): string {
  transpileForBench(js);
  const child = path.join(js, 'hcl-child.js');
  fs.writeFileSync(child, `'use strict';
const { defaultConfig } = require('./src/check/config');
const { formatText } = require('./src/check/format');
const { checkDocument, loadInput } = require('./src/check/run');
(async () => {
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const result = checkDocument(await loadInput(process.argv[2]), defaultConfig());
  formatText([result], false);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const c = process.cpuUsage(c0);
  process.stdout.write(JSON.stringify({ ms, cpuMs: (c.user + c.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, baseRssMb, findings: result.findings.length }) + '\\n');
})().catch((e) => { process.stderr.write(String(e && e.stack || e)); process.exitCode = 1; });
`);
  return child;
}

/** `check` of a generated HCL module in a fresh process per size: time and peak memory. */
function hclRows(dir: string): string[] {
  const ecis = Number(process.env.BENCH_HCL_ECIS ?? 5000);
  if (!ecis) return [];
  const rows: string[] = [];
  const child = writeHclChild(path.join(dir, 'js'));
  for (const n of [Math.round(ecis / 4), ecis]) {
    const module = path.join(dir, `hcl-${n}`);
    fs.mkdirSync(module);
    const text = hclWithEcis(n);
    fs.writeFileSync(path.join(module, 'main.tf'), text);
    const blocks = (text.match(/^(resource|data) /gm) ?? []).length;
    const r = spawnSync(process.execPath, [child, module], {
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules'), NODE_OPTIONS: '' }, encoding: 'utf-8', maxBuffer: 64 * 2 ** 20,
    });
    if (r.status !== 0) throw new Error(`HCL check of ${n} ECIs failed (exit ${r.status}):\n${r.stderr}`);
    const x = JSON.parse(r.stdout.trim().split('\n').pop()!);
    process.stderr.write(`HCL ${n} ECIs: ${(x.ms / 1000).toFixed(1)} s (cpu ${(x.cpuMs / 1000).toFixed(1)} s), peak RSS ${x.maxRssMb.toFixed(0)} MB\n`);
    rows.push(`| ${n} | ${(text.length / 2 ** 20).toFixed(1)} MB, ${blocks} blocks | ${(x.ms / 1000).toFixed(1)} s (${(x.cpuMs / 1000).toFixed(1)} s) `
      + `| ${(x.cpuMs / blocks).toFixed(2)} ms | ${x.maxRssMb.toFixed(0)} MB (${x.baseRssMb.toFixed(0)} MB after loading) | ${x.findings} |`);
  }
  return rows;
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
  let hcl: string[] = [];
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
    hcl = hclRows(dir);
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
    ...(hcl.length === 0 ? [] : [
      'check of one HCL file (a fresh process each; peak RSS includes loading the modules); goal: peak RSS <= 400 MB, time linear',
      '',
      '| ECIs | main.tf | check, wall (CPU) | CPU per block | peak RSS | findings |',
      '|---:|---:|---:|---:|---:|---:|',
      ...hcl,
      '',
    ]),
  ].join('\n'));
  perEci = [];
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 1;
  });
}
