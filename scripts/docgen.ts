/**
 * Writes API.md (`npx projen docgen`): jsii-docgen's reference of the package's root API, then two generated
 * sections jsii cannot describe: the jest matchers (TypeScript only; from src/testing/jest-matchers.ts and
 * src/testing/jest.ts) and the `alicloud` bindings submodule (a list from the jsii assembly, not every binding's
 * thousands of members).
 *
 * Why not the `jsii-docgen` CLI: it reads every `.jsii` under node_modules and, for the `constructs` peer
 * dependency (`^10.4.2`), takes the highest version that satisfies the range. That is constructs 10.8 nested
 * under projen (projen needs >= 10.5), whose `Construct` has `with(mixins)`; the peer dependency's 10.4.2 has
 * not, so API.md listed a method users do not have. Here jsii-docgen sees only the package's own assembly
 * and the top-level `cdktf`, and constructs at the floor of the peer range (`constructs-api-floor`, 10.4.2):
 * the dev copy is 10.7 because cdktn 0.24 needs >= 10.6.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Documentation, Language } from 'jsii-docgen';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..');
const OUTPUT = path.join(ROOT, 'API.md');

interface Assembly {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly types: Record<string, { kind: string; fqn: string; name: string; namespace?: string; docs?: { summary?: string } }>;
  readonly submodules?: Record<string, { readme?: { markdown: string } }>;
}

function readAssembly(dir: string): Assembly {
  return JSON.parse(fs.readFileSync(path.join(dir, '.jsii'), 'utf-8'));
}

/** A temp folder with only our assembly and the top-level jsii dependencies (what a user installs). */
function assembliesDir(own: Assembly): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docgen-'));
  fs.mkdirSync(path.join(dir, 'self'));
  fs.copyFileSync(path.join(ROOT, '.jsii'), path.join(dir, 'self', '.jsii'));
  for (const dep of Object.keys(own.dependencies ?? {})) {
    const target = path.join(dir, 'node_modules', dep);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    // constructs: the peer range's floor (devDependency constructs-api-floor), not the newer dev copy that cdktn
    // needs: API.md lists only what every user's constructs has
    const source = dep === 'constructs' ? 'constructs-api-floor' : dep;
    fs.symlinkSync(path.join(ROOT, 'node_modules', source), target, 'dir');
  }
  return dir;
}

/** The JSDoc text of a node (its comment, without tags), as markdown. */
function jsDocOf(node: ts.Node): string {
  const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
  return docs.map((d) => {
    const comment = ts.getTextOfJSDocComment(d.comment) ?? '';
    return comment.trim();
  }).join('\n').replace(/\n\s*/g, ' ').trim();
}

/**
 * A node's `@deprecated` text as jsii-docgen renders a deprecated member in API.md (`- *Deprecated:* ...`),
 * or undefined when it is not deprecated.
 */
function deprecationOf(node: ts.Node): string | undefined {
  const tag = ts.getJSDocDeprecatedTag(node);
  if (!tag) return undefined;
  return `- *Deprecated:* ${(ts.getTextOfJSDocComment(tag.comment) ?? '').replace(/\n\s*/g, ' ').trim()}`;
}

/** `toBeValidAlicloudConfig(): R` and its documentation, from the `jest.Matchers` declaration. */
function matcherDocs(): Array<{ signature: string; doc: string; deprecation?: string }> {
  const file = path.join(ROOT, 'src', 'testing', 'jest-matchers.ts');
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.ES2022, true);
  const out: Array<{ signature: string; doc: string; deprecation?: string }> = [];
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === 'Matchers') {
      for (const m of node.members) {
        if (!ts.isMethodSignature(m)) continue;
        const params = m.parameters.map((p) => p.getText(source)).join(', ');
        out.push({ signature: `${m.name.getText(source)}(${params})`, doc: jsDocOf(m), deprecation: deprecationOf(m) });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (out.length === 0) throw new Error(`no jest.Matchers members found in ${file}`);
  return out;
}

/** A documented type alias or function of a module: its JSDoc. */
function declarationDoc(relFile: string, name: string): { text: string; doc: string } {
  const file = path.join(ROOT, relFile);
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf-8'), ts.ScriptTarget.ES2022, true);
  for (const s of source.statements) {
    if ((ts.isFunctionDeclaration(s) || ts.isTypeAliasDeclaration(s)) && s.name?.text === name) {
      const text = ts.isFunctionDeclaration(s)
        ? `function ${name}(${s.parameters.map((p) => p.getText(source)).join(', ')}): ${s.type?.getText(source) ?? 'void'}`
        : s.getText(source).replace(/\s*\/\*\*[^]*?\*\//g, '');
      return { text, doc: jsDocOf(s) };
    }
  }
  throw new Error(`${name} not found in ${relFile}`);
}

function testingSection(): string {
  const setup = declarationDoc('src/testing/jest.ts', 'setupAlicloudJest');
  const options = declarationDoc('src/testing/jest-matchers.ts', 'Ipv6FindingMatcherOptions');
  const lines = [
    '## Jest matchers <a name="Jest matchers" id="jest-matchers"></a>',
    '',
    'TypeScript and JavaScript only (jsii cannot express jest types; `AlicloudJest` above documents them for every language).',
    'Register them from a jest `setupFilesAfterEnv` file, a `setup.js` or a `setup.ts`. TypeScript sees them in every test',
    'that imports `cdktf-alicloud-ipv6`: the package\'s `index.d.ts` carries the `jest.Matchers` declarations.',
    '',
    '```js',
    '// setup.js',
    "const { Testing } = require('cdktf');",
    "const { setupAlicloudJest } = require('cdktf-alicloud-ipv6');",
    'Testing.setupJest();',
    'setupAlicloudJest();',
    '```',
    '',
    `### \`${setup.text}\``,
    '',
    setup.doc,
    '',
  ];
  for (const m of matcherDocs()) {
    lines.push(`### \`expect(received).${m.signature}\``, '');
    if (m.deprecation) lines.push(m.deprecation, '');
    lines.push(m.doc, '');
  }
  lines.push('### `Ipv6FindingMatcherOptions`', '', options.doc, '', '```ts', options.text, '```', '');
  return lines.join('\n');
}

function bindingsSection(own: Assembly): string {
  const prefix = `${own.name}.alicloud.`;
  const byNamespace = new Map<string, Array<{ name: string; summary: string }>>();
  for (const t of Object.values(own.types)) {
    if (t.kind !== 'class' || !t.fqn.startsWith(prefix)) continue;
    const ns = t.fqn.slice(prefix.length).split('.')[0];
    if (!byNamespace.has(ns)) byNamespace.set(ns, []);
    byNamespace.get(ns)!.push({ name: t.name, summary: (t.docs?.summary ?? '').replace(/\{@link (\S+) ([^}]+)\}/g, '[$2]($1)') });
  }
  const lines = [
    '## Submodule `alicloud` <a name="Submodule alicloud" id="submodule-alicloud"></a>',
    '',
    'The generated CDKTF bindings of the `aliyun/alicloud` 1.289.0 provider, for the types the constructs use',
    '(from `schema/alicloud-1.289.0.jsonl`, `npx projen gen:alicloud`). Mix them with the constructs in the same stack,',
    'and reach the constructs\' own resources through their escape hatches. Each binding is documented in the',
    'provider\'s registry page linked below; the `AlicloudConfigChecker` checks every alicloud type, bound here or not.',
    '',
    '```ts',
    "import { alicloud } from 'cdktf-alicloud-ipv6';",
    "new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });",
    "new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });",
    '```',
    '',
    '| Namespace | Class | What it is |',
    '| --- | --- | --- |',
  ];
  for (const ns of [...byNamespace.keys()].sort()) {
    for (const c of byNamespace.get(ns)!.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!/^(DataAlicloud|Alicloud|[A-Z])/.test(c.name) || !c.summary.startsWith('Represents')) continue;
      lines.push(`| \`alicloud.${ns}\` | \`${c.name}\` | ${c.summary} |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

async function main(): Promise<void> {
  const own = readAssembly(ROOT);
  const dir = assembliesDir(own);
  try {
    const constructs = readAssembly(path.join(dir, 'node_modules', 'constructs'));
    const docs = await Documentation.forAssembly(own.name, dir);
    const markdown = await docs.toMarkdown({ language: Language.TYPESCRIPT, allSubmodules: false, readme: false });
    const text = `${markdown.render().trimEnd()}\n\n${testingSection()}\n${bindingsSection(own)}`;
    fs.writeFileSync(OUTPUT, text);
    console.log(`API.md: ${text.length} characters (constructs ${(constructs as unknown as { version: string }).version})`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
