/**
 * The per-user cache folder: where it is, that it is created 0700, and that a folder another user could
 * have written (another owner, open modes, a symlink, an open parent) is refused, never used.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CACHE_DIR_ENV, CACHE_DIR_NAME, ensurePrivateDir, freshPrivateDir, permissionBits, privateCacheDir, privateCacheDirPath, privateDirProblem,
  stripGroupOtherBits, UntrustedDirError, writePrivateFile, writePrivateFileAtomic,
} from '../../src/core/private-dir';

const made: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'private-dir-test-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const mode = permissionBits;
const uid = process.getuid!();

describe('where the folder is', () => {
  test('the override, else an absolute XDG_CACHE_HOME, else ~/.cache', () => {
    expect(privateCacheDirPath({ env: { [CACHE_DIR_ENV]: '/x/y', XDG_CACHE_HOME: '/c' } })).toBe('/x/y');
    expect(privateCacheDirPath({ env: { XDG_CACHE_HOME: '/c' } })).toBe(path.join('/c', CACHE_DIR_NAME));
    // A relative XDG_CACHE_HOME is ignored (the XDG spec says so).
    expect(privateCacheDirPath({ env: { XDG_CACHE_HOME: 'rel' } })).toBe(path.join(os.homedir(), '.cache', CACHE_DIR_NAME));
    expect(() => privateCacheDirPath({ env: { [CACHE_DIR_ENV]: 'rel' } })).toThrow(/must be an absolute path/);
  });
});

describe('ensurePrivateDir / privateCacheDir', () => {
  test('a missing folder is created with mode 0700 (parents too), whatever the umask', () => {
    const base = tmp();
    const old = process.umask(0o022);
    try {
      const dir = privateCacheDir('sub', { env: { XDG_CACHE_HOME: path.join(base, 'cache') } });
      expect(dir).toBe(path.join(base, 'cache', CACHE_DIR_NAME, 'sub'));
      expect(mode(dir)).toBe(0o700);
      expect(mode(path.dirname(dir))).toBe(0o700);
      expect(mode(path.join(base, 'cache'))).toBe(0o700);
    } finally {
      process.umask(old);
    }
  });

  test('an existing folder with group or other bits is refused, with the reason', () => {
    const dir = path.join(tmp(), 'open');
    fs.mkdirSync(dir, { mode: 0o700 });
    fs.chmodSync(dir, 0o755);
    expect(() => ensurePrivateDir(dir)).toThrow(UntrustedDirError);
    expect(() => ensurePrivateDir(dir)).toThrow(/its mode is 0755: group or others have access/);
  });

  test('a folder owned by another user is refused', () => {
    const dir = path.join(tmp(), 'theirs');
    fs.mkdirSync(dir, { mode: 0o700 });
    if (uid === 0) {
      fs.chownSync(dir, 65534, 65534);
      expect(() => ensurePrivateDir(dir)).toThrow(/owned by uid 65534, not by the current user \(uid 0\)/);
    }
    // Whoever runs the test: the same check with the owner to expect injected.
    expect(privateDirProblem(dir, { uid: 4242 })).toMatch(/not by the current user \(uid 4242\)/);
  });

  test('a symbolic link is refused even when it points at a private folder', () => {
    const base = tmp();
    fs.mkdirSync(path.join(base, 'real'), { mode: 0o700 });
    fs.symlinkSync(path.join(base, 'real'), path.join(base, 'link'));
    expect(() => ensurePrivateDir(path.join(base, 'link'))).toThrow(/it is a symbolic link/);
  });

  test('a folder in a parent others can write (not sticky) is refused; in a sticky one (as /tmp) it is fine', () => {
    const base = tmp();
    fs.chmodSync(base, 0o777);
    const dir = path.join(base, 'mine');
    expect(() => ensurePrivateDir(dir)).toThrow(/writable by others and not sticky/);
    fs.chmodSync(base, 0o1777);
    expect(ensurePrivateDir(dir)).toBe(dir);
  });

  test('freshPrivateDir: a new 0700 folder with an unpredictable name each time', () => {
    const base = tmp();
    const a = freshPrivateDir('x-', base);
    const b = freshPrivateDir('x-', base);
    expect(a).not.toBe(b);
    expect(mode(a)).toBe(0o700);
  });
});

describe('files', () => {
  test('writePrivateFileAtomic: mode 0600, replaces a file whole (even one that was 0644), leaves no temp file', () => {
    const dir = tmp();
    const file = path.join(dir, 'f');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    writePrivateFileAtomic(file, Buffer.from('new'));
    expect(fs.readFileSync(file, 'utf-8')).toBe('new');
    expect(mode(file)).toBe(0o600);
    expect(fs.readdirSync(dir)).toEqual(['f']);
  });

  test('writePrivateFile: 0600, or 0700 for an executable, even under umask 0', () => {
    const dir = tmp();
    const old = process.umask(0);
    try {
      writePrivateFile(path.join(dir, 'a'), 'a');
      writePrivateFile(path.join(dir, 'b'), 'b', true);
    } finally {
      process.umask(old);
    }
    expect(mode(path.join(dir, 'a'))).toBe(0o600);
    expect(mode(path.join(dir, 'b'))).toBe(0o700);
  });

  test('stripGroupOtherBits: every file and folder under it loses its group/other bits, owner bits kept', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'd'), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'd', 'x'), '', { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'y'), '', { mode: 0o664 });
    fs.chmodSync(path.join(dir, 'd'), 0o775);
    stripGroupOtherBits(dir);
    expect([mode(path.join(dir, 'd')), mode(path.join(dir, 'd', 'x')), mode(path.join(dir, 'y'))]).toEqual([0o700, 0o700, 0o600]);
  });
});
