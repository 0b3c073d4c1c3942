/**
 * `cdktf-alicloud-ipv6 validate` interrupted while real Terraform and the offline provider run: SIGINT
 * exits 130, SIGTERM 143, with one line on stderr; Terraform and the plugin are gone and nothing of the
 * run is left in its temp dir.
 */
import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeWithTerraform } from './harness';
import { synthExample } from './stacks';
import { waitFor } from '../terraform/wait-for';

jest.setTimeout(300_000);

const ROOT = path.join(__dirname, '..', '..');

/** The processes whose command line mentions `text`: pid and command line. */
function processesMentioning(text: string): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf-8').split('\0').join(' ');
      if (cmdline.includes(text)) found.push(`${pid} ${cmdline}`);
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** The children of `pid` named `name`. */
function childrenNamed(pid: number, name: string): number[] {
  const found: number[] = [];
  for (const p of fs.readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf-8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid && comm === name) found.push(Number(p));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

/** Whether a process runs (exists and is not a zombie waiting for its parent). */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf-8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Real processes start within this long on a loaded 2-core machine. */
const WAIT_MS = 120_000;

describeWithTerraform('validate interrupted (real Terraform, offline provider)', () => {
  const made: string[] = [];
  let stackDir: string;
  let cacheHome: string;
  beforeAll(() => {
    const app = synthExample();
    made.push(app.outdir);
    stackDir = app.stackDirs[0];
    cacheHome = fs.mkdtempSync(path.join(os.tmpdir(), 'interrupt-cache-'));
    made.push(cacheHome);
  });
  afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));
  // When a test fails half-way, its processes must not outlive it.
  const started: number[] = [];
  afterEach(() => {
    for (const pid of started.splice(0)) if (running(pid)) process.kill(pid, 'SIGKILL');
  });

  test.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s once Terraform and the plugin run: exit %i, one line, nothing left behind', async (sig, code) => {
    const runTmp = fs.mkdtempSync(path.join(os.tmpdir(), 'interrupt-run-'));
    made.push(runTmp);
    const child: ChildProcess = spawn(process.execPath, ['-r', path.join(ROOT, 'test', 'ts-register.js'), path.join(ROOT, 'src', 'cli', 'main.ts'), 'validate', stackDir], {
      cwd: ROOT,
      env: { ...process.env, DISABLE_V8_COMPILE_CACHE: '1', TS_NODE_PROJECT: path.join(ROOT, 'scripts', 'tsconfig.json'), TMPDIR: runTmp, XDG_CACHE_HOME: cacheHome },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push(child.pid!);
    let out = '';
    let err = '';
    child.stdout!.on('data', (b: Buffer) => { out += b.toString(); });
    child.stderr!.on('data', (b: Buffer) => { err += b.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));

    // Terraform runs, and so does the plugin it started (node on the entry in this test's cache home).
    const terraform = await waitFor('terraform to run', () => {
      const t = childrenNamed(child.pid!, 'terraform');
      return t.length > 0 ? t : undefined;
    }, WAIT_MS);
    started.push(...terraform);
    await waitFor('the plugin to run', () => (processesMentioning(path.join(cacheHome, 'cdktf-alicloud-ipv6', 'plugin')).length > 0 ? true : undefined), WAIT_MS);
    expect(fs.readdirSync(runTmp).length).toBe(2); // the stack's copy and the mirror

    child.kill(sig);
    expect(await exited).toBe(code);
    expect(err.trim().split('\n')).toEqual([`cdktf-alicloud-ipv6: interrupted by ${sig}: Terraform stopped, temporary files removed`]);
    expect(out).toBe('');
    expect(terraform.filter(running)).toEqual([]);
    expect(processesMentioning(cacheHome)).toEqual([]);
    expect(processesMentioning(runTmp)).toEqual([]);
    expect(fs.readdirSync(runTmp)).toEqual([]);
  });
});
