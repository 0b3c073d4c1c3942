import * as fs from 'fs';
import * as path from 'path';
import { sources, SRC } from './sources';

/**
 * One file reaches into cdktf's internals (a path under `cdktf/lib/`, which the package does not export from
 * its index): src/rules/synth-hook.ts. A new cdktf version, or another core, then breaks that file only.
 * src/providers (the generated bindings) is not scanned.
 */
const HOOK = 'rules/synth-hook.ts';

/** The module specifiers under `cdktf/lib` that a source imports (import ... from, import(), require(), export ... from). */
function coreInternals(text: string): string[] {
  const specifiers = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)['"`]([^'"`]+)['"`]/gm;
  return [...text.matchAll(specifiers)].map((m) => m[1]).filter((s) => s === 'cdktf/lib' || s.startsWith('cdktf/lib/'));
}

test('only src/rules/synth-hook.ts imports cdktf/lib/... (a private path of the core)', () => {
  const files = sources(SRC);
  expect(files).toContain(HOOK);
  const importers = files.filter((f) => coreInternals(fs.readFileSync(path.join(SRC, f), 'utf-8')).length > 0);
  expect(importers).toEqual([HOOK]);
});

test('the scan sees every form of import', () => {
  const forms = [
    "import { addCustomSynthesis } from 'cdktf/lib/synthesize/synthesizer';",
    'import type { StackManifest } from "cdktf/lib/manifest";',
    "export { Manifest } from 'cdktf/lib/manifest';",
    "import 'cdktf/lib/synthesize/synthesizer';",
    "const s = require('cdktf/lib/synthesize/synthesizer');",
    "const s = await import('cdktf/lib');",
  ];
  for (const form of forms) expect(coreInternals(form)).toHaveLength(1);
  expect(coreInternals("import { App } from 'cdktf';\nimport { Construct } from 'constructs';")).toEqual([]);
});
