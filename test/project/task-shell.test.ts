/**
 * projen's built-in task shell reports a step killed by a signal as a success, so a jest run killed for
 * running out of memory would pass `npm test` and CI. .projenrc.ts sets the system shell for every task;
 * this runs projen's task runner, with the project's own tasks.json settings, on steps that are killed.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const PROJEN_CLI = require.resolve('projen/lib/cli/index.js', { paths: [ROOT] });
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.projen', 'tasks.json'), 'utf-8'));

const KILL_SELF = "process.kill(process.pid, 'SIGKILL')";

/** Runs `task` with projen's CLI in a scratch project whose tasks.json has the project's shell setting. */
function runTask(task: string): number | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'task-shell-'));
  try {
    fs.mkdirSync(path.join(dir, '.projen'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const step = (s: object) => ({ name: task, steps: [s] });
    fs.writeFileSync(path.join(dir, '.projen', 'tasks.json'), JSON.stringify({
      manifestVersion: manifest.manifestVersion,
      shell: manifest.shell,
      tasks: {
        'killed-exec': step({ exec: `node -e "${KILL_SELF}"` }),
        'killed-exec-args': step({ execArgs: ['node', '-e', KILL_SELF] }),
        'exit-3': step({ exec: 'node -e "process.exit(3)"' }),
        'ok': step({ exec: 'node -e "process.exit(0)"' }),
      },
    }));
    return spawnSync(process.execPath, [PROJEN_CLI, task], { cwd: dir, encoding: 'utf-8' }).status;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('projen task shell', () => {
  test('.projen/tasks.json runs every task through the system shell', () => {
    expect(manifest.shell).toBe('system');
    // no task or step overrides it
    for (const task of Object.values<any>(manifest.tasks)) {
      expect(task.shell).toBeUndefined();
      for (const s of task.steps ?? []) expect(s.shell).toBeUndefined();
    }
  });

  test('a step killed by a signal fails its task (shell command and argv)', () => {
    expect(runTask('killed-exec')).not.toBe(0);
    expect(runTask('killed-exec-args')).not.toBe(0);
  });

  test('exit codes pass through', () => {
    expect(runTask('exit-3')).not.toBe(0);
    expect(runTask('ok')).toBe(0);
  });
});
