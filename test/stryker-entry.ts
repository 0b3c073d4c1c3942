/**
 * The one test file of a mutation run (stryker.config.json: jest.config.testMatch). It loads every test
 * file below into one jest module registry.
 *
 * Why: Stryker runs jest once per mutant, and jest gives each test file its own module registry, so every
 * test file loads cdktf and the library again (≈ 0.4 s per file, ≈ 8 s per mutant for the ~25 files that
 * depend on the rule pack). Loaded once, a mutant run costs ≈ 1 s plus the tests that cover the mutant.
 * The tests are the same as in `npx jest`; this file is not a `*.test.ts`, so `npx jest` does not run it.
 *
 * Left out, as in the default mutation set: the property tests (slow, random), the examples, and the CLI
 * test (it spawns `cdktf synth` processes, which do not see Stryker's active mutant).
 */
import * as fs from 'fs';
import * as path from 'path';

const EXCLUDED = [/\/properties\//, /\/examples\//, /\/rules\/cli\.test\.ts$/];

function testFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...testFiles(file));
    else if (entry.name.endsWith('.test.ts')) out.push(file);
  }
  return out.sort();
}

for (const file of testFiles(__dirname)) {
  if (EXCLUDED.some((re) => re.test(file.split(path.sep).join('/')))) continue;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(file);
}
