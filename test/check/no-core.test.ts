import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';

/**
 * The `check` command judges plain Terraform and needs no CDK core: it must not load `cdktf`, `cdktn` or
 * `constructs` (both flavours of the package run the same `check`, and loading a core costs start-up time).
 * Two ways to see it: a fresh Node process runs `check` on the sources and lists the modules it loaded, and
 * a walk of the import graph from the CLI's files finds no file that imports a core, so that a new import
 * fails here with the chain that brings the core in, whatever the run happens to load.
 */
const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const CORE = /^(cdktf|cdktn|constructs)(\/|$)/;

/** The specifiers a file imports: `import`, `export ... from`, `import()` and `require()`, type-only imports included. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf-8'), true, true).importedFiles.map((f) => f.fileName);
}

/** The file of src/ a relative specifier names, if it is TypeScript (package.json and packages are not followed). */
function resolveSource(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((f) => f.endsWith('.ts') && fs.existsSync(f) && fs.statSync(f).isFile());
}

/** Every import of a core reachable from `entries`, as `a.ts > b.ts > cdktf` (paths relative to src/). */
function coreImportsFrom(entries: readonly string[]): string[] {
  const parent = new Map<string, string | undefined>(entries.map((e) => [e, undefined]));
  const queue = [...entries];
  const found: string[] = [];
  const chain = (file: string): string[] => {
    const out: string[] = [];
    for (let f: string | undefined = file; f !== undefined; f = parent.get(f)) out.unshift(path.relative(SRC, f).split(path.sep).join('/'));
    return out;
  };
  while (queue.length > 0) {
    const file = queue.shift()!;
    for (const s of specifiers(file)) {
      if (CORE.test(s)) {
        found.push([...chain(file), s].join(' > '));
        continue;
      }
      if (!s.startsWith('.')) continue;
      const target = resolveSource(file, s);
      if (target === undefined || parent.has(target)) continue;
      parent.set(target, file);
      queue.push(target);
    }
  }
  return found;
}

/** The files that make up the command: the bin's entry and the CLI, and every file of src/check. */
const CHECK_ENTRIES = [
  ...fs.readdirSync(path.join(SRC, 'cli')).filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, 'cli', f)),
  ...fs.readdirSync(path.join(SRC, 'check')).filter((f) => f.endsWith('.ts')).map((f) => path.join(SRC, 'check', f)),
];

describe('the check command imports no CDK core', () => {
  test('no file reachable from src/cli or src/check imports cdktf, cdktn or constructs (type-only imports included)', () => {
    expect(CHECK_ENTRIES).toContain(path.join(SRC, 'cli', 'check.ts'));
    expect(coreImportsFrom(CHECK_ENTRIES)).toEqual([]);
  });

  test('the walk sees real chains: the aspect and the synth-time engine reach the core, through the files they import', () => {
    // ipv6-checks.ts imports the core itself and through stack-engine.ts; the walk names both chains
    const fromAspect = coreImportsFrom([path.join(SRC, 'rules', 'ipv6-checks.ts')]);
    expect(fromAspect).toContain('rules/ipv6-checks.ts > cdktf');
    expect(fromAspect).toContain('rules/ipv6-checks.ts > rules/stack-engine.ts > cdktf');
    // a file that imports the core only through another one is caught by the walk, not by its own imports
    expect(specifiers(path.join(SRC, 'rules', 'stack-engine.ts'))).toContain('./cross-stack');
    expect(coreImportsFrom([path.join(SRC, 'rules', 'stack-engine.ts')])).toContain('rules/stack-engine.ts > rules/cross-stack.ts > cdktf');
    // and the check command's files do reach the rule pack (the engine, the rules), so their walk is not empty
    const reached = new Set<string>();
    const walk = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      for (const s of specifiers(file)) {
        const target = s.startsWith('.') ? resolveSource(file, s) : undefined;
        if (target) walk(target);
      }
    };
    CHECK_ENTRIES.forEach(walk);
    expect(reached).toContain(path.join(SRC, 'rules', 'engine.ts'));
    expect(reached).toContain(path.join(SRC, 'rules', 'rules', 'index.ts'));
  });
});

test('a fresh process that runs check on a .tf.json folder reports the findings and never loads cdktf, cdktn or constructs', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ipv6-no-core-'));
  // me-east-1 has no IPv6 gateway (ALI-IPV6-001), and a vSwitch mask of 300 is out of range (ALI-IPV6-005)
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify({
    provider: { alicloud: [{ region: 'me-east-1' }] },
    resource: {
      alicloud_vpc: { main: { cidr_block: '10.0.0.0/16', enable_ipv6: true } },
      alicloud_vswitch: { a: { vpc_id: '${alicloud_vpc.main.id}', cidr_block: '10.0.1.0/24', zone_id: 'me-east-1a', enable_ipv6: true, ipv6_cidr_block_mask: 300 } },
    },
  }));
  const probe = `
    let out = '';
    require(${JSON.stringify(path.join(SRC, 'cli', 'commands.ts'))})
      .runCli(['check', ${JSON.stringify(dir)}, '--format', 'json'], { out: (t) => { out += t; }, err: (t) => { out += t; } })
      .then((code) => process.stdout.write(JSON.stringify({ code, out, loaded: Object.keys(require.cache) })))
      .catch((e) => { console.error(e); process.exit(3); });
  `;
  const result = JSON.parse(execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', probe], { cwd: ROOT, encoding: 'utf-8' })) as
    { code: number; out: string; loaded: string[] };
  // check ran the rules: exit 1 and both errors
  expect(result.code).toBe(1);
  const findings = (JSON.parse(result.out) as { findings: Array<{ ruleId: string; level: string; status: string }> }).findings;
  expect(findings.filter((f) => f.level === 'error' && f.status === 'non-compliant').map((f) => f.ruleId).sort()).toEqual(['ALI-IPV6-001', 'ALI-IPV6-005']);
  // the probe lists the sources it ran (so an empty list below means the cores really were not loaded)
  expect(result.loaded).toContain(path.join(SRC, 'rules', 'engine.ts'));
  const cores = result.loaded.filter((m) => ['cdktf', 'cdktn', 'constructs'].some((c) => m.includes(`${path.sep}node_modules${path.sep}${c}${path.sep}`)));
  expect(cores).toEqual([]);
});
