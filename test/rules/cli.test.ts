/**
 * Command-line proof: `cdktf synth` on test/rules/fixtures/bad-app.ts fails with the finding (path, rule ID,
 * fix) and a non-zero exit code; the same app with the rule suppressed, run the way `cdktf synth` runs an app
 * (a child process with CDKTF_OUTDIR set), synthesizes and its report shows the suppression. The two runs go
 * in parallel (the CLI run takes ~5 s: the CLI, ts-node and the bindings; the plain run ~3 s).
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
// test/ts-register.js: ts-node's transpile-only, with its output cached between processes (issue 21)
const APP = 'node -r ./test/ts-register.js test/rules/fixtures/bad-app.ts';

interface Run {
  readonly code: number | null;
  readonly output: string;
  readonly outdir: string;
}

/** Runs the fixture with the cdktf CLI (`viaCli`), or directly as the CLI would (node + ts-node, CDKTF_OUTDIR). */
function synth(viaCli: boolean, env: Record<string, string> = {}): Promise<Run> {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-checks-cli-'));
  const args = viaCli
    ? [require.resolve('cdktf-cli/bundle/bin/cdktf'), 'synth', '--app', APP, '--output', outdir]
    : ['-r', './test/ts-register.js', 'test/rules/fixtures/bad-app.ts'];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null', CI: '1', FORCE_COLOR: '0', CDKTF_OUTDIR: outdir, ...env },
    });
    let output = '';
    child.stdout.on('data', (d) => output += d);
    child.stderr.on('data', (d) => output += d);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, outdir }));
  });
}

describe('synthesis in a child process', () => {
  let failing: Run;
  let suppressed: Run;

  beforeAll(async () => {
    [failing, suppressed] = await Promise.all([synth(true), synth(false, { IPV6_CHECKS_SUPPRESS: '1' })]);
  }, 60_000);

  afterAll(() => {
    for (const r of [failing, suppressed]) if (r) fs.rmSync(r.outdir, { recursive: true, force: true });
  });

  test('cdktf synth: an IPv6 ECI sized by ecs.ic5.large fails with a non-zero exit, the path, the rule ID and the fix', () => {
    expect(failing.code).not.toBe(0);
    expect(failing.output).toMatch(/ERROR \[bad-app\/Web\]: \[ALI-IPV6-002\] ContainerGroup 'bad-app\/Web' asks for an IPv6 address but instanceType has ecs\.ic5\.large \(family ic5\).*\. Fix: use instance types of an IPv6 family/);
    // The CLI synthesizes with continueOnErrorAnnotations (it prints the errors itself, then exits 1), so
    // cdk.tf.json is still written there; app.synth() alone throws before writing it (engine.test.ts).
    const report = JSON.parse(fs.readFileSync(path.join(failing.outdir, 'stacks', 'bad-app', 'ipv6-checks-report.json'), 'utf-8'));
    expect(report.summary['non-compliant']).toBe(1);
  });

  test('with the rule suppressed it synthesizes, and the report shows the suppression and its reason', () => {
    expect(suppressed.code).toBe(0);
    const dir = path.join(suppressed.outdir, 'stacks', 'bad-app');
    expect(fs.existsSync(path.join(dir, 'cdk.tf.json'))).toBe(true);
    const report = JSON.parse(fs.readFileSync(path.join(dir, 'ipv6-checks-report.json'), 'utf-8'));
    expect(report.findings).toContainEqual(expect.objectContaining({
      ruleId: 'ALI-IPV6-002',
      status: 'suppressed',
      constructPath: 'bad-app/Web',
      suppressionReason: 'ic5 has IPv6 in our account (support ticket 4711)',
    }));
    expect(fs.readFileSync(path.join(dir, 'ipv6-checks-report.csv'), 'utf-8')).toContain('suppressed');
  });
});
