/**
 * The `check` command as the check suites run it: in this process, through `runCli`, with its output and exit
 * code captured (one helper for test/check/*.test.ts).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../src/cli/commands';

/** One run of `cdktf-alicloud-ipv6 check …`. */
export interface CheckRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Runs `check` with the arguments; never throws for an exit code. */
export async function cli(...args: string[]): Promise<CheckRun> {
  let out = '';
  let err = '';
  const code = await runCli(['check', ...args], { out: (t) => { out += t; }, err: (t) => { err += t; } });
  return { code, out, err };
}

/** Runs `check --format json`: the findings, and the exit code; an input error (exit 2) throws with its message. */
export async function json(...args: string[]): Promise<{ code: number; findings: any[] }> {
  const r = await cli(...args, '--format', 'json');
  if (r.code === 2) throw new Error(r.err);
  return { code: r.code, findings: JSON.parse(r.out).findings };
}

const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/**
 * A temporary Terraform folder with these files (names may hold sub-folders: `modules/net/main.tf`), removed after
 * the suite that made it.
 */
export function tempFolder(files: Record<string, string>, prefix = 'check-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
