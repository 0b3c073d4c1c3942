import * as fs from 'fs';
import * as path from 'path';

/** The package's src/ folder. */
export const SRC = path.join(__dirname, '..', '..', 'src');

/** Every hand-written TypeScript file under `dir` (default src/), relative to src/ with `/` separators; the generated bindings (src/providers) left out. */
export function sources(dir = SRC): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    const relative = path.relative(SRC, full).split(path.sep).join('/');
    if (e.isDirectory()) return relative === 'providers' ? [] : sources(full);
    return e.name.endsWith('.ts') ? [relative] : [];
  });
}
