/**
 * The benchmarks' children run plain JavaScript: src/** (and any extra bench files) transpiled once to CommonJS in a
 * folder, the same layout, so that neither ts-node nor the TypeScript compiler is measured in them.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');

/** Transpiles src/** and `extra` (paths under the project) into `out`, and links schema/ beside them. */
export function transpileForBench(out: string, extra: readonly string[] = []): void {
  const walk = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
  for (const file of [...walk(path.join(ROOT, 'src')), ...extra.map((f) => path.join(ROOT, f))]) {
    const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf-8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, experimentalDecorators: true },
    });
    const target = path.join(out, path.relative(ROOT, file)).replace(/\.ts$/, '.js');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  // the config checker (used by the rule pack and check) reads the schema relative to its module
  fs.symlinkSync(path.join(ROOT, 'schema'), path.join(out, 'schema'));
}
