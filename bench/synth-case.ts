/**
 * One benchmark case, run in a fresh child process by synth-bench.ts:
 *
 *   node synth-case.js <a|a0|b|c|load> <N> <outdir> [<cdk.tf.json of (a), for c>]
 *
 * a: build the stack with the library's constructs and `app.synth()` it into <outdir>;
 * b: the same with the raw generated bindings;
 * c: the floor: `JSON.stringify` (2-space indent, as cdktf writes it) of (a)'s final document, written to a file;
 * a0: (a) with every rule of the pack off and no report (the constructs alone);
 * load: nothing after loading the modules (what an instruction count of a or b subtracts).
 *
 * Module loading is not timed. Prints one JSON line: { ms, cpuMs, maxRssMb, baseRssMb, counts, bytes } (cpuMs: user +
 * system CPU time of the process, all threads, over the same span: less sensitive to other load than ms).
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Aspects } from 'cdktf';
import { buildWithBindings, buildWithConstructs, STACK_ID } from './cases';
import { Ipv6CheckLevel, Ipv6Checks } from '../src';

function countsByType(doc: any): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [type, byName] of Object.entries<any>(doc.resource ?? {})) counts[type] = Object.keys(byName).length;
  for (const [type, byName] of Object.entries<any>(doc.data ?? {})) counts[`data.${type}`] = Object.keys(byName).length;
  return counts;
}

function main(): void {
  const [mode, nText, outdir, docPath] = process.argv.slice(2);
  if (mode === 'load') return; // module loading only: the baseline of an instruction count (BENCH_INSTRUCTIONS)
  const n = Number(nText);
  let input: any;
  if (mode === 'c') input = JSON.parse(fs.readFileSync(docPath, 'utf-8'));
  const baseRssMb = process.memoryUsage().rss / 2 ** 20;

  const cpu0 = process.cpuUsage();
  const start = process.hrtime.bigint();
  if (mode === 'a' || mode === 'b') {
    const app = new App({ outdir, stackTraces: false });
    (mode === 'a' ? buildWithConstructs : buildWithBindings)(app, n);
    app.synth();
  } else if (mode === 'a0') {
    // (a) with every rule off and no report: what the constructs alone cost
    const app = new App({ outdir, stackTraces: false });
    const stack = buildWithConstructs(app, n);
    Aspects.of(stack).add(new Ipv6Checks({ reports: false, ruleLevels: { '*': Ipv6CheckLevel.OFF } }));
    app.synth();
  } else if (mode === 'c') {
    fs.mkdirSync(outdir, { recursive: true });
    fs.writeFileSync(path.join(outdir, 'cdk.tf.json'), JSON.stringify(input, null, 2));
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  const file = mode === 'c' ? path.join(outdir, 'cdk.tf.json') : path.join(outdir, 'stacks', STACK_ID, 'cdk.tf.json');
  const counts = countsByType(JSON.parse(fs.readFileSync(file, 'utf-8')));
  process.stdout.write(`${JSON.stringify({ ms, cpuMs, maxRssMb, baseRssMb, counts, bytes: fs.statSync(file).size })}\n`);
}

main();
