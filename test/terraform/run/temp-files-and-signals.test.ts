/**
 * What the offline runs write in the temp dir is private (no group/other permission bits, Terraform under
 * umask 077), and an interrupted command line (SIGINT, SIGTERM) stops Terraform, removes its temporary
 * copies, says so in one line and exits 130 / 143. With a stand-in terraform: no real Terraform needed
 * (test/terraform-core/interrupt.test.ts does the same with the real one).
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { groupOtherBits, permissionBits } from '../../../src/core/private-dir';
import { offlineInstallation } from '../../../src/terraform/run/mirror';
import { runTerraform } from '../../../src/terraform/run/runner';
import { copyStack } from '../../../src/terraform/run/workspace';
import { waitFor } from '../wait-for';

jest.setTimeout(120_000);

const ROOT = path.join(__dirname, '..', '..', '..');
const made: string[] = [];
const tmp = (prefix = 'temp-files-test-') => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Every path under `dir` (itself included) whose mode has group/other bits, with the mode; symlinks skipped. */
function openModes(dir: string): string[] {
  const found: string[] = [];
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (groupOtherBits(st.mode) !== 0) found.push(`${path.relative(dir, p) || '.'} ${permissionBits(p).toString(8)}`);
    if (st.isDirectory()) fs.readdirSync(p).forEach((n) => walk(path.join(p, n)));
  };
  walk(dir);
  return found;
}

function withUmask<T>(mask: number, fn: () => T): T {
  const old = process.umask(mask);
  try {
    return fn();
  } finally {
    process.umask(old);
  }
}

describe('nothing the offline runs write is readable by others', () => {
  test('the mirror, the plugin script and the CLI config: 0700 folders, script 0700, config 0600 (even under umask 0)', () => {
    const inst = withUmask(0, () => offlineInstallation(path.join(tmp(), 'plugin-main.js')));
    expect(openModes(inst.dir)).toEqual([]);
    expect(permissionBits(inst.executable)).toBe(0o700);
    expect(permissionBits(inst.cliConfigFile)).toBe(0o600);
  });

  test('the stack copy: 0700, its files stripped of group/other bits whatever the stack\'s modes; extra files 0600', () => {
    const src = tmp();
    fs.writeFileSync(path.join(src, 'cdk.tf.json'), JSON.stringify({ terraform: { backend: { oss: {} } } }), { mode: 0o644 });
    fs.mkdirSync(path.join(src, 'assets'), { mode: 0o755 });
    fs.writeFileSync(path.join(src, 'assets', 'run.sh'), '', { mode: 0o755 });
    fs.chmodSync(path.join(src, 'assets', 'run.sh'), 0o775);
    const copy = withUmask(0, () => copyStack(src, { 'tests/a.tftest.hcl': 'run "x" {}' }));
    made.push(copy);
    expect(fs.readdirSync(copy).sort()).toEqual(['assets', 'cdk.tf.json', 'tests', 'zz_cdktf_alicloud_offline_override.tf.json']);
    expect(openModes(copy)).toEqual([]);
    // The owner's bits are kept (an executable stays executable for its owner).
    expect(permissionBits(path.join(copy, 'assets', 'run.sh'))).toBe(0o700);
  });

  test('Terraform runs with umask 077: what it writes in the copy has no group/other bits', async () => {
    const tf = path.join(tmp(), 'terraform');
    fs.writeFileSync(tf, '#!/bin/sh\nmkdir -p .terraform/providers && echo x > .terraform/providers/f && echo "{}" > terraform.tfstate && echo "$(umask)"\n', { mode: 0o755 });
    const src = tmp();
    fs.writeFileSync(path.join(src, 'cdk.tf.json'), '{}');
    const run = await withUmask(0o022, () => runTerraform(src, ['plan'], { terraformBinary: tf, keepWorkDir: true }));
    made.push(run.workDir);
    expect(run.stdout.trim()).toBe('0077');
    expect(openModes(run.workDir)).toEqual([]);
    expect(fs.existsSync(path.join(run.workDir, '.terraform', 'providers', 'f'))).toBe(true);
  });
});

/**
 * A stand-in terraform: `init` succeeds; `validate` says it is running (a file named by its pid), then
 * waits, and writes the signal it gets to `signals` before it exits.
 */
function waitingTerraform(dir: string): string {
  const file = path.join(dir, 'terraform');
  fs.writeFileSync(file, [
    '#!/bin/sh',
    'case "$1" in',
    '  init) echo init; exit 0 ;;',
    '  validate|plan)',
    // Quiet: a shell reports a job killed by a signal ("Terminated") on its stderr, which `terraform` passes through.
    '    exec 2>/dev/null',
    `    trap 'echo INT >> "${dir}/signals"; exit 1' INT`,
    `    trap 'echo TERM >> "${dir}/signals"; exit 1' TERM`,
    `    echo "$(pwd)" > "${dir}/running.$$"`,
    '    while :; do sleep 0.1; done ;;',
    'esac',
    '',
  ].join('\n'), { mode: 0o755 });
  return file;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Real processes start within this long on a loaded 2-core machine. */
const WAIT_MS = 60_000;

describe('the command line, interrupted', () => {
  let cacheHome: string;
  beforeAll(() => {
    cacheHome = tmp('cache-home-');
  });
  // When a test fails half-way, its processes must not outlive it.
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  });

  test.each([
    ['validate', 'SIGINT', 130, 'INT'], ['validate', 'SIGTERM', 143, 'TERM'], ['terraform', 'SIGINT', 130, 'INT'], ['terraform', 'SIGTERM', 143, 'TERM'],
  ] as const)(
    '%s, %s while Terraform runs: Terraform stopped, temp folders removed, one line, exit %i',
    async (command, sig, code, heard) => {
      const fake = tmp();
      const tf = waitingTerraform(fake);
      // validate: two stacks at a time; terraform: one stack, `-- plan` (Terraform inherits the terminal).
      const stacks = command === 'validate' ? [tmp(), tmp()] : [tmp()];
      const args = command === 'validate' ? ['validate', ...stacks] : ['terraform', stacks[0], '--', 'plan'];
      for (const s of stacks) fs.writeFileSync(path.join(s, 'cdk.tf.json'), '{}');
      // The run's own temp dir: everything it makes there must be gone when it exits.
      const runTmp = tmp('run-tmp-');
      const child: ChildProcess = spawn(process.execPath, ['-r', path.join(ROOT, 'test', 'ts-register.js'), path.join(ROOT, 'src', 'cli', 'main.ts'), ...args], {
        cwd: ROOT,
        // (v8-compile-cache, which typescript loads, would leave its own folder in the temp dir.)
        env: { ...process.env, DISABLE_V8_COMPILE_CACHE: '1', TS_NODE_PROJECT: path.join(ROOT, 'scripts', 'tsconfig.json'), TMPDIR: runTmp, XDG_CACHE_HOME: cacheHome, TERRAFORM_BINARY_NAME: tf },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      started.push(child.pid!);
      let out = '';
      let err = '';
      child.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
      child.stderr!.on('data', (b: Buffer) => { err += b.toString(); });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));

      // Every stack's Terraform is running.
      const pids = await waitFor('terraform to run', () => {
        const r = fs.readdirSync(fake).filter((n) => n.startsWith('running.'));
        return r.length === stacks.length ? r.map((n) => Number(n.split('.')[1])) : undefined;
      }, WAIT_MS);
      started.push(...pids);
      const copies = pids.map((p) => fs.readFileSync(path.join(fake, `running.${p}`), 'utf-8').trim());
      expect(copies.every((c) => c.startsWith(runTmp + path.sep) && fs.existsSync(c))).toBe(true);
      expect(fs.readdirSync(runTmp).length).toBe(stacks.length + 1); // the copies and the mirror

      child.kill(sig);
      expect(await exited).toBe(code);
      expect(err.trim().split('\n')).toEqual([`cdktf-alicloud-ipv6: interrupted by ${sig}: Terraform stopped, temporary files removed`]);
      expect(out).toBe('');
      // Each Terraform heard the signal once and is gone; nothing of the run is left in its temp dir.
      expect(fs.readFileSync(path.join(fake, 'signals'), 'utf-8').trim().split('\n')).toEqual(stacks.map(() => heard));
      expect(pids.filter(alive)).toEqual([]);
      expect(fs.readdirSync(runTmp)).toEqual([]);
    },
  );
});
