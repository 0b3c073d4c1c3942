import * as fs from 'fs';
import * as path from 'path';
import { CDKTN } from '../../scripts/flavour';

/**
 * Issue 19, same output: the same app code, synthesized once with cdktf and once with cdktn as its core (every
 * `cdktf` import of the sources, the bindings and the test's stacks resolved to cdktn), writes the same Terraform
 * JSON: the example (examples/ipv6-eci) and every stack of the Terraform suite's builders, which use every
 * construct (test/terraform-core/stacks.ts). Only the core's own version string may differ.
 * The shipped cdktn flavour (rewritten sources) is checked by `npx projen test:cdktn` (the same snapshots) and by
 * the cdktn consumer app of `npx projen test:package`.
 */
type Doc = Record<string, any>;
/** Every stack of every app: `<app>/<stack>` -> cdk.tf.json. */
type Synthesized = Record<string, Doc>;
/** A stack's rule pack report (the pack runs as an aspect of the core: it must run under both). */
const REPORT = 'ipv6-checks-report.json';

function synthesizeAll(): { core: string; docs: Synthesized; reports: Record<string, { findings: unknown[] }> } {
  // Required here, not imported: each call loads its own copy of the sources (jest.isolateModules).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const stacks = require('../terraform-core/stacks') as typeof import('../terraform-core/stacks');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const core = require('cdktf');
  const apps = [stacks.synthExample(), ...Object.keys(stacks.BUILDERS).map((name) => stacks.synthBuilder(name))];
  const docs: Synthesized = {};
  const reports: Record<string, { findings: unknown[] }> = {};
  for (const app of apps) {
    for (const dir of app.stackDirs) {
      docs[`${app.name}/${path.basename(dir)}`] = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf-8'));
      if (fs.existsSync(path.join(dir, REPORT))) reports[`${app.name}/${path.basename(dir)}`] = JSON.parse(fs.readFileSync(path.join(dir, REPORT), 'utf-8'));
    }
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const flavour = require('../../src/core/flavour').FLAVOUR.core;
  return { core: `${core === jest.requireActual('cdktn') ? 'cdktn' : 'cdktf'} (FLAVOUR ${flavour})`, docs, reports };
}

/** The JSON paths where two documents differ, with both values. */
function differences(a: unknown, b: unknown, at = ''): string[] {
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    return keys.flatMap((k) => differences((a as Doc)[k], (b as Doc)[k], `${at}/${k}`));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}

const cdktnFlavour = { core: CDKTN.core, packageName: CDKTN.packageName, otherCore: CDKTN.otherCore, otherPackageName: CDKTN.otherPackageName };
const cdktf = synthesizeAll();
let cdktn!: ReturnType<typeof synthesizeAll>;
jest.isolateModules(() => {
  // the sources as the cdktn build makes them: the core's imports and FLAVOUR (scripts/flavour.ts)
  jest.doMock('../../src/core/flavour', () => ({ FLAVOUR: cdktnFlavour }));
  jest.doMock('cdktf', () => jest.requireActual('cdktn'));
  jest.doMock('cdktf/lib/synthesize/synthesizer', () => jest.requireActual('cdktn/lib/synthesize/synthesizer'));
  cdktn = synthesizeAll();
});
jest.dontMock('../../src/core/flavour');
jest.dontMock('cdktf');
jest.dontMock('cdktf/lib/synthesize/synthesizer');

const versionOf = (name: string): string => jest.requireActual(`${name}/package.json`).version;

test('the two runs really used the two cores, on the same stacks', () => {
  expect([cdktf.core, cdktn.core]).toEqual(['cdktf (FLAVOUR cdktf)', 'cdktn (FLAVOUR cdktn)']);
  expect(versionOf('cdktf')).not.toBe(versionOf('cdktn'));
  expect(Object.keys(cdktn.docs).sort()).toEqual(Object.keys(cdktf.docs).sort());
  // the example and the builders of every construct, with more than one stack for the cross-stack app
  expect(Object.keys(cdktf.docs).length).toBeGreaterThanOrEqual(15);
  expect(Object.keys(cdktf.docs)).toEqual(expect.arrayContaining(['example/ipv6-eci', 'cross-stack/network', 'cross-stack/apps']));
});

test.each(['resource', 'data', 'output', 'variable', 'provider'])('the %s sections are the same in every stack', (section) => {
  let present = 0;
  for (const [stack, doc] of Object.entries(cdktf.docs)) {
    if (doc[section] !== undefined) present++;
    expect({ stack, section: cdktn.docs[stack][section] }).toEqual({ stack, section: doc[section] });
  }
  // each section occurs somewhere (an empty comparison would prove nothing)
  expect(present).toBeGreaterThan(0);
});

test('nothing else differs but the core\'s version string', () => {
  const diffs = Object.entries(cdktf.docs).flatMap(([stack, doc]) => differences(doc, cdktn.docs[stack]).map((d) => `${stack}${d}`));
  const versionOnly = (d: string) => d.endsWith(`: ${JSON.stringify(versionOf('cdktf'))} vs ${JSON.stringify(versionOf('cdktn'))}`);
  expect(diffs.filter((d) => !versionOnly(d))).toEqual([]);
  // the version string is there to differ: cdk.tf.json's metadata names the core's version
  expect(diffs.length).toBeGreaterThan(0);
});

test('the rule pack ran under both cores, with the same findings', () => {
  // every stack but the one of raw bindings has our constructs, and so the pack and its report
  expect(Object.keys(cdktf.docs).filter((s) => !cdktf.reports[s])).toEqual(['raw-bindings/raw']);
  expect(Object.values(cdktf.reports).some((r) => r.findings.length > 0)).toBe(true);
  expect(Object.keys(cdktn.reports).sort()).toEqual(Object.keys(cdktf.reports).sort());
  for (const [stack, report] of Object.entries(cdktf.reports)) {
    expect({ stack, findings: cdktn.reports[stack].findings }).toEqual({ stack, findings: report.findings });
  }
});
