import * as path from 'path';
import { TerraformStack, Testing } from 'cdktf';
import * as ts from 'typescript';
import { AlicloudConfigChecker, alicloud } from '../../src';
import * as old from './fixtures/old-plan-names';

/**
 * The old names still work (issue 18: the checker of synthesized configurations was renamed from "plan" to
 * "config"). jest only strips types here (ts-jest with isolatedModules), so the type checker itself checks
 * fixtures/old-plan-names.ts, code written against the old names exactly as README and API.md showed them;
 * then the test runs it.
 */

const ROOT = path.join(__dirname, '..', '..');
const FIXTURE = path.join(__dirname, 'fixtures', 'old-plan-names.ts');

/** Mixing a new finding with the old level enum: the one thing TypeScript refuses (distinct enums). */
const MIXED = path.join(__dirname, 'fixtures', 'mixed-names.virtual.ts');
const MIXED_TEXT = `import { AlicloudConfigChecker, PlanFindingLevel } from '../../../src';
export const mixed = AlicloudConfigChecker.check('{}').filter((f) => f.level === PlanFindingLevel.ERROR);
`;

/** The type checker's diagnostics for each root file, with the compiler options of test/tsconfig.json. */
function diagnostics(): Map<string, string[]> {
  const configFile = path.join(ROOT, 'test', 'tsconfig.json');
  const onUnRecoverableConfigFileDiagnostic = (d: ts.Diagnostic) => {
    throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  };
  const config = ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic });
  if (!config) throw new Error(`cannot read ${configFile}`);
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language, ...rest) => (path.resolve(file) === MIXED
    ? ts.createSourceFile(file, MIXED_TEXT, language)
    : getSourceFile(file, language, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === MIXED || fileExists(file);
  const program = ts.createProgram({ rootNames: [FIXTURE, MIXED], options: { ...config.options, noEmit: true }, host });
  const out = new Map<string, string[]>();
  for (const file of [FIXTURE, MIXED]) {
    const sf = program.getSourceFile(file)!;
    out.set(file, [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)]
      .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`));
  }
  return out;
}

function synth(build: (stack: TerraformStack) => void): string {
  const stack = new TerraformStack(Testing.app(), 'old');
  new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
  build(stack);
  return Testing.synth(stack);
}

test('code written against the old names compiles unchanged (and the type check does see enum mix-ups)', () => {
  const found = diagnostics();
  expect(found.get(FIXTURE)).toEqual([]);
  // the control: a ConfigFinding's level compared with the deprecated PlanFindingLevel does not compile, so
  // the empty list above is the type checker's verdict, not a check that saw no types
  expect(found.get(MIXED)).toEqual([expect.stringMatching(/^TS2367: .*'ConfigFindingLevel' and 'PlanFindingLevel/)]);
}, 120_000);

test('code written against the old names behaves as before: the same findings as AlicloudConfigChecker', () => {
  const valid = synth((s) => new alicloud.vpc.Vpc(s, 'v', { cidrBlock: '10.0.0.0/16' }));
  const invalid = synth((s) => new alicloud.vpc.Vpc(s, 'v', { cidrBlock: '10.0.0.0/16' }).addOverride('vpc_nme', 'typo'));
  expect(old.readmeExample(valid)).toEqual([]);
  old.readmeMatcher(valid);
  old.readmeMatcherNot(invalid);
  expect(() => old.readmeExample(invalid)).toThrow(/violates the alicloud provider schema: 1 error\(s\):\nERROR {3}alicloud_vpc\.v vpc_nme \[unknown-attribute\]/);
  expect(() => old.readmeMatcher(invalid)).toThrow(/^expect\(received\)\.toBeValidAlicloudPlan\(\)\n\nexpected a valid alicloud plan, but the plan checker found 1 error\(s\)/);
  expect(old.errorsOf(invalid)).toEqual(AlicloudConfigChecker.check(invalid));
  expect(old.levelWords(old.errorsOf(invalid))).toEqual(['error']);
  expect(old.unknownAttributes(JSON.parse(invalid)).map((f) => f.path)).toEqual(['vpc_nme']);
  expect(old.formatted()).toBe('ERROR   alicloud_vpc.v vpc_nme [unknown-attribute] bad (construct s/v)\nWARNING alicloud_vpc.v [deprecated] old');
});
