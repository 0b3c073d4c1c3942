/**
 * The Terraform processes this package starts, so that an interrupted command line can stop them all
 * (and, through Terraform, its provider plugins) before it removes its temporary files.
 *
 * - Every Terraform process is started through {@link spawnTerraformProcess}, with umask 077: what
 *   Terraform and the plugin write (`.terraform/`, state, lock file) has no group/other permission bits.
 * - With piped output (validate, the library's runs) Terraform gets a process group of its own: Ctrl-C in
 *   a terminal reaches this process only, which passes ONE interrupt on to Terraform (a second one makes
 *   Terraform exit without stopping its plugins), and the whole group (Terraform and its plugins) can be
 *   stopped. With a terminal inherited as stdin (`terraform -- console` may read it) Terraform stays in
 *   the terminal's group, gets Ctrl-C from the terminal itself and the forwarded signal as well (Terraform
 *   then exits at once; its plugins exit within a second when they see their host gone).
 * - {@link stopTerraformProcesses}: no new process starts; each running one gets the signal; after a grace
 *   period what is left is killed.
 */
import { ChildProcess, spawn, SpawnOptions, spawnSync, SpawnSyncOptionsWithStringEncoding, SpawnSyncReturns } from 'child_process';

interface Tracked {
  readonly child: ChildProcess;
  /** Leader of its own process group (detached). */
  readonly group: boolean;
  readonly exited: Promise<void>;
}

const running = new Set<Tracked>();
let stoppingBy: string | undefined;

/** Raised when a Terraform process would start after an interrupt. */
export class InterruptedError extends Error {
  constructor(signal: string) {
    super(`interrupted by ${signal}`);
    this.name = 'InterruptedError';
  }
}

/** The signal that is stopping everything, or undefined. */
export function interruptedBy(): string | undefined {
  return stoppingBy;
}

/** Runs `fn` with umask 077 (what it spawns inherits it). Where the umask cannot be set (worker threads), as is. */
function withPrivateUmask<T>(fn: () => T): T {
  let old: number | undefined;
  try {
    old = process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; the folders Terraform writes in are 0700 all the same.
  }
  try {
    return fn();
  } finally {
    if (old !== undefined) process.umask(old);
  }
}

/** Starts a Terraform process (see the module's comment); throws {@link InterruptedError} once stopping. */
export function spawnTerraformProcess(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  if (stoppingBy) throw new InterruptedError(stoppingBy);
  const inheritsStdin = options.stdio === 'inherit' || (Array.isArray(options.stdio) && options.stdio[0] === 'inherit');
  const inheritsTerminal = inheritsStdin && process.stdin.isTTY === true;
  const group = process.platform !== 'win32' && !inheritsTerminal;
  const child = withPrivateUmask(() => spawn(command, [...args], { ...options, detached: group }));
  let done!: () => void;
  const tracked: Tracked = { child, group, exited: new Promise<void>((resolve) => { done = resolve; }) };
  const finish = () => {
    running.delete(tracked);
    done();
  };
  child.once('exit', finish);
  child.once('error', finish);
  if (child.pid !== undefined) running.add(tracked);
  return child;
}

/** spawnSync with umask 077 (a synchronous run cannot be interrupted half-way: the signal waits for it). */
export function spawnTerraformSync(command: string, args: readonly string[], options: SpawnSyncOptionsWithStringEncoding): SpawnSyncReturns<string> {
  if (stoppingBy) throw new InterruptedError(stoppingBy);
  return withPrivateUmask(() => spawnSync(command, [...args], options));
}

function send(t: Tracked, sig: NodeJS.Signals): void {
  try {
    if (t.group) process.kill(-t.child.pid!, sig); else t.child.kill(sig);
  } catch {
    // Already gone.
  }
}

/**
 * Stops every running Terraform process: no new one starts, each gets `sig` (its plugins with it), and
 * what is still running after `graceMs` is killed. Resolves once they have all exited.
 */
export async function stopTerraformProcesses(sig: NodeJS.Signals, graceMs = 10_000): Promise<void> {
  stoppingBy = stoppingBy ?? sig;
  const all = [...running];
  for (const t of all) send(t, sig);
  const timer = setTimeout(() => all.forEach((t) => send(t, 'SIGKILL')), graceMs);
  try {
    await Promise.all(all.map((t) => t.exited));
  } finally {
    clearTimeout(timer);
  }
  // Terraform stops its plugins as it exits; whatever of its group is left (a plugin that did not hear) goes now.
  for (const t of all) if (t.group) send(t, 'SIGKILL');
}

/** Kills every running Terraform process at once (a second interrupt). */
export function killTerraformProcesses(): void {
  for (const t of running) send(t, 'SIGKILL');
}
