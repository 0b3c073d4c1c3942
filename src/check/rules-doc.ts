/**
 * Help text of each rule for SARIF: the rule's section of RULES.md (shipped with the package), else its
 * summary.
 * @internal
 */
import * as fs from 'fs';
import * as path from 'path';

let cache: Map<string, string> | undefined;

/** Rule ID → the markdown of its RULES.md section (without the heading). @internal */
export function rulesHelp(): ReadonlyMap<string, string> {
  if (cache) return cache;
  cache = new Map();
  // src/check or lib/check → the package root.
  const file = path.join(__dirname, '..', '..', 'RULES.md');
  let text = '';
  try {
    text = fs.readFileSync(file, 'utf-8');
  } catch {
    return cache;
  }
  const sections = text.split(/^### /m).slice(1);
  for (const s of sections) {
    const m = /^(ALI-IPV6-[0-9A-Z]+)\b[^\n]*\n([\s\S]*)$/.exec(s);
    if (m) cache.set(m[1], m[2].split(/^## /m)[0].trim());
  }
  return cache;
}

/** The link to a rule's section of RULES.md. @internal */
export const RULES_URL = 'https://github.com/example/cdktf-alicloud-ipv6/blob/main/RULES.md';
