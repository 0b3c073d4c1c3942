/**
 * The package's per-user folder for caches and generated code, and the file helpers that keep what the
 * tool writes private (no permission bits for group or others).
 *
 * Where: `$CDKTF_ALICLOUD_IPV6_CACHE_DIR` when set; else `$XDG_CACHE_HOME/cdktf-alicloud-ipv6` (an absolute
 * XDG_CACHE_HOME); else `~/.cache/cdktf-alicloud-ipv6`; without a home folder, `cdktf-alicloud-ipv6-<uid>`
 * under the OS temp dir.
 *
 * The folder is created with mode 0700 and checked before every use: a real folder (not a symlink), owned by
 * the current user, no group/other permission bits, in a parent that others cannot rename it out of (owned
 * by the user or root, and not writable by others unless sticky, as /tmp is). A folder that fails the check
 * is never used: {@link privateCacheDir} throws {@link UntrustedDirError}, and the caller either refuses
 * or works in a fresh folder of its own (see {@link freshPrivateDir}).
 *
 * What is kept there is verified against a digest before use by its owner module
 * (terraform/plugin/schema-cache.ts for the encoded schema, terraform/run/plugin-entry.ts for the
 * transpiled plugin): the folder's check keeps other users out, the digests catch corruption and stale
 * content.
 */
/* eslint-disable no-bitwise */ // File modes are bit masks.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The folder's name under the cache root. */
export const CACHE_DIR_NAME = 'cdktf-alicloud-ipv6';

/** The environment variable that names the folder outright (tests, CI, unusual homes). */
export const CACHE_DIR_ENV = 'CDKTF_ALICLOUD_IPV6_CACHE_DIR';

/** Raised when a folder is not private to the current user: the message says why and what to do. */
export class UntrustedDirError extends Error {
  constructor(public readonly dir: string, reason: string) {
    super(`refusing to use ${dir}: ${reason}. Remove it (or set ${CACHE_DIR_ENV} to a folder of your own) and retry.`);
    this.name = 'UntrustedDirError';
  }
}

/** Options of the checks; the uid is injectable for tests. */
export interface PrivateDirOptions {
  /** The environment to read the location from. Default: process.env. */
  readonly env?: NodeJS.ProcessEnv;
  /** The user that must own the folder. Default: process.getuid(). */
  readonly uid?: number;
}

function currentUid(options: PrivateDirOptions): number | undefined {
  if (options.uid !== undefined) return options.uid;
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

/** Where the per-user folder is (not created). */
export function privateCacheDirPath(options: PrivateDirOptions = {}): string {
  const env = options.env ?? process.env;
  const explicit = env[CACHE_DIR_ENV];
  if (explicit) {
    if (!path.isAbsolute(explicit)) throw new Error(`${CACHE_DIR_ENV} must be an absolute path (it is '${explicit}')`);
    return explicit;
  }
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, CACHE_DIR_NAME);
  let home = '';
  try {
    home = os.homedir();
  } catch {
    // No home folder (some containers): the temp dir below.
  }
  if (home && path.isAbsolute(home)) return path.join(home, '.cache', CACHE_DIR_NAME);
  return path.join(os.tmpdir(), `${CACHE_DIR_NAME}-${currentUid(options) ?? 'user'}`);
}

/** Why `dir` is not private to the user, or undefined when it is. `dir` must exist. */
export function privateDirProblem(dir: string, options: PrivateDirOptions = {}): string | undefined {
  if (process.platform === 'win32') return undefined; // No POSIX modes: the user profile's ACLs apply.
  const uid = currentUid(options);
  let st: fs.Stats;
  try {
    st = fs.lstatSync(dir);
  } catch (e) {
    return `it cannot be read (${(e as Error).message})`;
  }
  if (st.isSymbolicLink()) return 'it is a symbolic link';
  if (!st.isDirectory()) return 'it is not a folder';
  if (uid !== undefined && st.uid !== uid) return `it is owned by uid ${st.uid}, not by the current user (uid ${uid})`;
  if ((st.mode & 0o077) !== 0) return `its mode is ${(st.mode & 0o777).toString(8).padStart(4, '0')}: group or others have access (0700 expected)`;
  const parent = path.dirname(dir);
  const pst = fs.statSync(parent);
  if (uid !== undefined && pst.uid !== uid && pst.uid !== 0) return `its parent ${parent} is owned by uid ${pst.uid}, neither the current user nor root`;
  if ((pst.mode & 0o022) !== 0 && (pst.mode & 0o1000) === 0) return `its parent ${parent} is writable by others and not sticky`;
  return undefined;
}

/** Creates `dir` (and missing parents) with mode 0700 when missing, then checks it; throws {@link UntrustedDirError}. */
export function ensurePrivateDir(dir: string, options: PrivateDirOptions = {}): string {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const problem = privateDirProblem(dir, options);
  if (problem) throw new UntrustedDirError(dir, problem);
  return dir;
}

/** The per-user folder (or a sub-folder of it), created 0700 and checked; throws {@link UntrustedDirError}. */
export function privateCacheDir(sub?: string, options: PrivateDirOptions = {}): string {
  const root = ensurePrivateDir(privateCacheDirPath(options), options);
  return sub ? ensurePrivateDir(path.join(root, sub), options) : root;
}

/** A new folder with an unpredictable name, mode 0700 (`fs.mkdtemp`), under `parent` (default: the OS temp dir). */
export function freshPrivateDir(prefix: string, parent: string = os.tmpdir()): string {
  const dir = fs.mkdtempSync(path.join(parent, prefix));
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** The permission bits (0o777) of a path (not following a symlink). */
export function permissionBits(p: string): number {
  return fs.lstatSync(p).mode & 0o777;
}

/** The group and other permission bits of a mode (0 when private to its owner). */
export function groupOtherBits(mode: number): number {
  return mode & 0o077;
}

/** The hex SHA-256 of some bytes. */
export function sha256Hex(data: string | Buffer): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/**
 * Writes `file` whole or not at all: a new file of mode 0600 beside it (exclusive create, unpredictable
 * name), then a rename over `file`.
 */
export function writePrivateFileAtomic(file: string, data: string | Buffer): void {
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const fd = fs.openSync(tmp, 'wx', 0o600);
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** Writes a new file with no group/other permission bits (0600, or 0700 when `executable`), whatever the umask. */
export function writePrivateFile(file: string, data: string | Buffer, executable = false): void {
  const mode = executable ? 0o700 : 0o600;
  fs.writeFileSync(file, data, { mode });
  // writeFileSync's mode applies only to a new file, and through the umask: set it outright.
  fs.chmodSync(file, mode);
}

/** Removes the group/other permission bits of everything under `dir` (itself included); symlinks are left alone. */
export function stripGroupOtherBits(dir: string): void {
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if ((st.mode & 0o077) !== 0) fs.chmodSync(p, st.mode & 0o7700);
    if (st.isDirectory()) for (const n of fs.readdirSync(p)) walk(path.join(p, n));
  };
  walk(dir);
}
