import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, TerraformStack } from 'cdktf';
import { Ipv6EciExampleStack } from '../../examples/ipv6-eci/main';
import {
  AlicloudJest, alicloud, Ipv6CheckFinding, Ipv6CheckLevel, Ipv6Checks, Ipv6ChecksProps, Ipv6CheckStatus, Ipv6RuleId,
} from '../../src';
import { FLAVOUR } from '../../src/core/flavour';
import { CONTEXT_FILE, readStackContext } from '../../src/rules/context-file';
import * as engine from '../../src/rules/engine';
import { judgeDocument } from '../../src/rules/synthesized-findings';
import { toBeValidAlicloudPlan, toHaveIpv6Finding } from '../../src/testing/jest';
import { ipv6Eci, network } from '../rules/util';

/**
 * The matchers never pass a stack the rule pack has not judged. A stack synthesized in another process (a
 * snapshot file, another jest worker, a folder on disk) has no record here: the rule pack judges its document
 * now, with the options and suppressions synth wrote beside cdk.tf.json when given a path; when it cannot
 * judge, the matcher fails, also with `.not`.
 */

const ROOT = path.join(__dirname, '..', '..');

/** The failure text of a matcher called directly, or undefined when it passes. */
function failure(result: { pass: boolean; message: () => string }): string | undefined {
  return result.pass ? undefined : result.message();
}

/** What a matcher says when it throws inside expect(): the error's message. */
function thrown(fn: () => void): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the assertion to fail, but it passed');
}

/** Every temporary folder of this file, removed at the end. */
const made: string[] = [];
afterAll(() => made.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function tmpdir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}

describe('a stack synthesized in a child process (me-east-1: no IPv6, ALI-IPV6-001)', () => {
  let out: string;
  let text: string;
  /** The folder of the same stack, synthesized by app.synth() with ALI-IPV6-001 suppressed on the VPC and the ECI. */
  let suppressedDir: string;

  beforeAll(async () => {
    out = tmpdir('judged-child-');
    const run = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ['-r', './test/ts-register.js', 'test/testing/fixtures/me-east-app.ts', out], {
        cwd: ROOT,
        env: { ...process.env, CHECKPOINT_DISABLE: '1', FORCE_COLOR: '0' },
      });
      let output = '';
      child.stdout.on('data', (d) => output += d);
      child.stderr.on('data', (d) => output += d);
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
    if (run.code !== 0) throw new Error(`the child synth failed (${run.code}):\n${run.output}`);
    text = fs.readFileSync(path.join(out, 'synth.json'), 'utf-8');
    suppressedDir = path.join(out, 'suppressed', 'stacks', 'me-east');
  }, 60_000);

  describe('its text (Testing.synth)', () => {
    test('toBeValidAlicloudPlan() fails with the rule ID and message, and says how the text was judged and how to make suppressions count', () => {
      const message = thrown(() => expect(text).toBeValidAlicloudPlan());
      expect(message).toMatch(/the IPv6 rule pack found 1 error\(s\)/);
      expect(message).toMatch(/ERROR +alicloud_ros_stack\.Web_Stack_\w+ \[ALI-IPV6-001\] ECI 'ContainerGroup' \(ALIYUN::ECI::ContainerGroup\) in the ROS template of alicloud_ros_stack\.Web_Stack_\w+ deploys to region me-east-1/);
      expect(message).toContain('suppress one with Ipv6Checks.suppress(construct, ruleId, reason)');
      expect(message).toMatch(/never ran on this document in this process .*so it judged the text now, with its default options and no suppressions: Ipv6Checks\.suppress calls and Ipv6Checks options made in another process are not in the text/);
      expect(message).toMatch(/To make them count, pass the stack folder \(cdktf\.out\/stacks\/<stack>.*\) or the path of its cdk\.tf\.json/);
      expect(message).toContain('findings are reported at resource addresses');
    });

    test('toHaveIpv6Finding(ALI-IPV6-001) passes, .not fails; also on the parsed object', () => {
      expect(text).toHaveIpv6Finding('ALI-IPV6-001');
      expect(text).toHaveIpv6Finding(Ipv6RuleId.REGION, { level: Ipv6CheckLevel.ERROR, message: /me-east-1/ });
      expect(JSON.parse(text)).toHaveIpv6Finding('ALI-IPV6-001');
      expect(thrown(() => expect(text).not.toHaveIpv6Finding('ALI-IPV6-001'))).toMatch(/expected no ALI-IPV6-001 finding, but found:\n +ERROR +alicloud_ros_stack\.Web_Stack_\w+ \[ALI-IPV6-001\][^]*judged the text now/);
      expect(thrown(() => expect(JSON.parse(text)).not.toHaveIpv6Finding('ALI-IPV6-001'))).toMatch(/expected no ALI-IPV6-001 finding/);
    });

    test('Ipv6Checks.findingsOfSynthesized and AlicloudJest.findIpv6Findings judge it too: one error, the other resources linked to it', () => {
      const found = Ipv6Checks.findingsOfSynthesized(text).filter((f) => f.ruleId === Ipv6RuleId.REGION);
      expect(found.map((f) => [f.address, f.level, f.status])).toEqual([
        [expect.stringMatching(/^alicloud_ros_stack\.Web_Stack_/), 'error', 'non-compliant'],
        [expect.stringMatching(/^alicloud_vpc\.Vpc_/), 'info', 'non-compliant'],
        [expect.stringMatching(/^alicloud_vpc_ipv6_gateway\.Vpc_Ipv6Gateway_/), 'info', 'non-compliant'],
      ]);
      // no // metadata in the text: each finding is at its resource address
      for (const f of found) expect(f.constructPath).toBe(f.address);
      expect(AlicloudJest.findIpv6Findings(text, 'ALI-IPV6-001', { level: Ipv6CheckLevel.ERROR })).toHaveLength(1);
    });
  });

  describe('its stack folder, with ALI-IPV6-001 suppressed on the VPC and the ECI', () => {
    test('synth wrote ipv6-checks-context.json (also with reports: false): the suppressions, with paths and reasons', () => {
      expect(fs.existsSync(path.join(suppressedDir, 'ipv6-checks-report.json'))).toBe(false);
      const context = JSON.parse(fs.readFileSync(path.join(suppressedDir, CONTEXT_FILE), 'utf-8'));
      expect(context.suppressions).toEqual([
        { path: 'me-east/Vpc', ruleId: 'ALI-IPV6-001', reason: 'IPv6 is enabled for our account in me-east-1 (ticket 4711)' },
        { path: 'me-east/Web', ruleId: 'ALI-IPV6-001', reason: 'IPv6 is enabled for our account in me-east-1 (ticket 4711)' },
      ]);
    });

    test.each([
      ['the stack folder', () => suppressedDir],
      ['its cdk.tf.json', () => path.join(suppressedDir, 'cdk.tf.json')],
      ['the synth output folder of its one stack', () => path.join(out, 'suppressed')],
    ])('%s: the suppressions count; the findings are at the constructs, as at synth', (_name, input) => {
      expect(input()).toBeValidAlicloudPlan();
      expect(input()).not.toHaveIpv6Finding('ALI-IPV6-001');
      expect(input()).toHaveIpv6Finding('ALI-IPV6-001', { status: Ipv6CheckStatus.SUPPRESSED, path: 'Web' });
      expect(input()).toHaveIpv6Finding('ALI-IPV6-001', { status: Ipv6CheckStatus.SUPPRESSED, path: 'me-east/Vpc/Resource' });
      const [web] = AlicloudJest.findIpv6Findings(input(), 'ALI-IPV6-001', { status: Ipv6CheckStatus.SUPPRESSED, path: 'Web' });
      expect(web).toMatchObject({ constructPath: 'me-east/Web', suppressedAt: 'me-east/Web', suppressionReason: 'IPv6 is enabled for our account in me-east-1 (ticket 4711)' });
      expect(web.message).toMatch(/^ContainerGroup 'me-east\/Web'/); // in the construct's words, from the owners in the context file
      expect(thrown(() => expect(input()).not.toBeValidAlicloudPlan())).toContain(`with the options and suppressions that synth wrote beside it in ${CONTEXT_FILE}`);
    });

    test('the text of the same cdk.tf.json cannot carry the suppressions: it fails, at the construct paths of its // metadata, and says how to make them count', () => {
      const fileText = fs.readFileSync(path.join(suppressedDir, 'cdk.tf.json'), 'utf-8');
      const message = thrown(() => expect(fileText).toBeValidAlicloudPlan());
      expect(message).toMatch(/ERROR +me-east\/Web\/Stack \[ALI-IPV6-001\] ECI 'ContainerGroup'[^]*also affects 'me-east\/Vpc\/Resource'/);
      expect(message).toContain('no suppressions');
      expect(message).toContain('pass the stack folder');
      expect(message).not.toContain('resource addresses');
    });
  });

  describe('ipv6-checks-context.json is never half applied', () => {
    /** A copy of the child's suppressed stack folder (cdk.tf.json and the context file), edited by `edit`. */
    function copyOfFolder(edit: { doc?: (text: string) => string; context?: (c: any) => unknown } = {}): string {
      const copy = tmpdir('judged-copy-');
      const doc = fs.readFileSync(path.join(suppressedDir, 'cdk.tf.json'), 'utf-8');
      fs.writeFileSync(path.join(copy, 'cdk.tf.json'), edit.doc ? edit.doc(doc) : doc);
      const context = JSON.parse(fs.readFileSync(path.join(suppressedDir, CONTEXT_FILE), 'utf-8'));
      const edited = edit.context ? edit.context(context) : context;
      if (edited !== undefined) fs.writeFileSync(path.join(copy, CONTEXT_FILE), typeof edited === 'string' ? edited : JSON.stringify(edited));
      return copy;
    }

    test('an unchanged copy of the folder: the suppressions count', () => {
      expect(copyOfFolder()).toBeValidAlicloudPlan();
    });

    test('cdk.tf.json changed after synth: the context does not belong to it, the matcher fails loudly (also with .not)', () => {
      const copy = copyOfFolder({ doc: (t) => t.replace('"10.0.0.0/16"', '"10.9.0.0/16"') });
      expect(failure(toBeValidAlicloudPlan(copy))).toMatch(/ipv6-checks-context\.json was written for another document than the cdk\.tf\.json beside it[^]*Fix: synthesize the stack again/);
      expect(thrown(() => expect(copy).not.toHaveIpv6Finding('ALI-IPV6-001'))).toMatch(/written for another document/);
      expect(() => Ipv6Checks.findingsOfSynthesized(copy)).toThrow(/^Ipv6Checks\.findingsOfSynthesized: .*written for another document/);
    });

    test.each([
      ['not JSON', (_c: any) => 'nope', /cannot be read as JSON/],
      ['another format version', (c: any) => ({ ...c, formatVersion: 2 }), /has formatVersion 2; this version reads 1/],
      ['a suppression without a reason', (c: any) => ({ ...c, suppressions: [{ path: 'me-east', ruleId: '*' }] }), /suppressions\[0\] is not \{ path, ruleId, reason \}/],
      ['an unknown rule ID', (c: any) => ({ ...c, suppressions: [{ path: 'me-east', ruleId: 'ALI-IPV6-999', reason: 'x'.repeat(12) }] }), /unknown rule ID "ALI-IPV6-999"/],
      ['a bad rule level', (c: any) => ({ ...c, options: { ruleLevels: { 'ALI-IPV6-001': 'loud' } } }), /options in ipv6-checks-context\.json are not valid/],
      ['no owners', (c: any) => ({ ...c, owners: undefined }), /has no owners object/],
    ])('a context file with %s: the matcher fails with the reason, also with .not', (_name, edit, reason) => {
      const copy = copyOfFolder({ context: edit });
      expect(failure(toHaveIpv6Finding(copy, 'ALI-IPV6-001', { status: Ipv6CheckStatus.SUPPRESSED }))).toMatch(reason);
      expect(thrown(() => expect(copy).not.toHaveIpv6Finding('ALI-IPV6-001'))).toMatch(reason);
    });

    test('a folder without the context file (an older synth) is judged with the defaults, and says so', () => {
      const copy = copyOfFolder({ context: () => undefined });
      const message = failure(toBeValidAlicloudPlan(path.join(copy, 'cdk.tf.json')));
      expect(message).toMatch(/ERROR +me-east\/Web\/Stack \[ALI-IPV6-001\]/);
      expect(message).toMatch(/There is no ipv6-checks-context\.json beside it/);
    });
  });
});

describe('when the rule pack cannot judge, the matchers fail both ways', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['neither JSON nor a path', () => 'not json', /"not json" is neither JSON text .* nor an existing file or folder/],
    ['broken JSON text', () => '{"resource": ', /the text is not valid JSON/],
    ['a JSON array', () => [], /is not a Terraform JSON configuration \(expected a JSON object, got an array\)/],
    ['an object that is not Terraform JSON', () => ({ resources: {} }), /unknown top-level key "resources"/],
    ['a plan JSON', () => ({ format_version: '1.2', planned_values: {} }), /is a Terraform plan/],
    ['a number', () => 42, /expected a JSON object, got number/],
    ['a folder without cdk.tf.json', () => tmpdir('judged-empty-'), /has no cdk\.tf\.json/],
  ];

  test.each(cases)('%s', (_name, input, reason) => {
    const received = input();
    for (const matcher of [() => expect(received).toBeValidAlicloudPlan(), () => expect(received).toHaveIpv6Finding('ALI-IPV6-001')]) {
      expect(thrown(matcher)).toMatch(reason);
    }
    for (const matcher of [() => expect(received).not.toBeValidAlicloudPlan(), () => expect(received).not.toHaveIpv6Finding('ALI-IPV6-001')]) {
      const message = thrown(matcher);
      expect(message).toMatch(/cannot be judged, so this matcher fails \(also with \.not\)/);
      expect(message).toMatch(reason);
    }
    expect(() => Ipv6Checks.findingsOfSynthesized(received as string)).toThrow(reason);
  });

  test('the engine throws: the matcher fails with its reason, also with .not', () => {
    const spy = jest.spyOn(engine, 'evaluateDocument').mockImplementation(() => {
      throw new Error('boom in the engine');
    });
    try {
      const doc = { resource: { alicloud_vpc: { v: { cidr_block: '10.0.0.0/16', enable_ipv6: true } } } };
      expect(failure(toBeValidAlicloudPlan(doc))).toMatch(/the IPv6 rule pack could not judge the document: boom in the engine/);
      expect(thrown(() => expect(doc).not.toHaveIpv6Finding('ALI-IPV6-001'))).toMatch(/boom in the engine/);
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test.each([
    ['app.synth (it throws; no cdk.tf.json)', false, /has no cdk\.tf\.json[^]*when the rule pack failed the stack/],
    ['the cdktf CLI (a placeholder cdk.tf.json)', true, new RegExp(`holds no configuration: the IPv6 rule pack failed this stack at synth, and synth left a placeholder \\("${FLAVOUR.packageName}: NOT A CONFIGURATION`)],
  ])('the folder of a stack the rule pack failed under %s: the matchers fail, also with .not', (_name, cli, reason) => {
    if (cli) process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS = 'true';
    try {
      const app = new App({ outdir: tmpdir('judged-failed-'), stackTraces: false });
      const stack = new TerraformStack(app, 'failed');
      new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'me-east-1' });
      new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true });
      Ipv6Checks.applyTo(stack);
      if (cli) app.synth();
      else expect(() => app.synth()).toThrow(/ALI-IPV6-001/);
      const dir = path.join(app.outdir, 'stacks', 'failed');
      for (const matcher of [() => expect(dir).toBeValidAlicloudPlan(), () => expect(dir).not.toBeValidAlicloudPlan(), () => expect(dir).not.toHaveIpv6Finding('ALI-IPV6-001')]) {
        expect(thrown(matcher)).toMatch(reason);
      }
    } finally {
      delete process.env.CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS;
    }
  });

  test('a synth output folder with two stacks names them; a folder must be chosen', () => {
    const dir = tmpdir('judged-two-');
    for (const s of ['a', 'b']) {
      fs.mkdirSync(path.join(dir, 'stacks', s), { recursive: true });
      fs.writeFileSync(path.join(dir, 'stacks', s, 'cdk.tf.json'), '{}');
    }
    expect(failure(toHaveIpv6Finding(dir, 'ALI-IPV6-001'))).toMatch(/has 2 stacks \(a, b\)\. Fix: pass one stack folder/);
  });
});

/** app.synth() of `stack`'s app into a fresh folder; returns the stack folder. */
function synthToDisk(app: App, stack: TerraformStack): string {
  app.synth();
  return path.join(app.outdir, 'stacks', stack.node.id);
}

/** What must agree between the two routes: every field of every verdict, compliant ones included. */
function projection(findings: readonly Ipv6CheckFinding[]) {
  return findings.map((f) => ({ ...f }));
}

describe('the record of a synth and the judgement of its folder cannot drift', () => {
  function bothRoutes(stack: TerraformStack, app: App) {
    const dir = synthToDisk(app, stack);
    const inProcess = Ipv6Checks.findingsOf(stack);
    const doc = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.tf.json'), 'utf-8'));
    const judged = judgeDocument(doc, readStackContext(path.join(dir, CONTEXT_FILE), doc));
    return { inProcess, judged };
  }

  test('examples/ipv6-eci: the same rule IDs, paths, levels, statuses and messages', () => {
    const app = new App({ outdir: tmpdir('judged-example-'), stackTraces: false });
    const stack = new Ipv6EciExampleStack(app, 'ipv6-eci');
    const { inProcess, judged } = bothRoutes(stack, app);
    expect(inProcess.length).toBeGreaterThan(20);
    expect(judged.stackPath).toBe('ipv6-eci');
    expect(projection(judged.findings)).toEqual(projection(inProcess));
    // owners matter: the ECI's findings are at the construct, not at its alicloud_ros_stack
    expect(judged.findings.filter((f) => f.constructPath === 'ipv6-eci/Web').length).toBeGreaterThan(0);
  });

  test.each<[string, Ipv6ChecksProps, boolean]>([
    ['rule levels lowered, a family declared without IPv6, a suppression', { ruleLevels: { '*': Ipv6CheckLevel.WARNING }, additionalNonIpv6Families: ['g7'] }, true],
    ['a region and a family added, rule 004 off', { additionalRegions: ['me-east-1'], additionalIpv6Families: ['hfc5'], ruleLevels: { [Ipv6RuleId.RULE_FAILURE]: Ipv6CheckLevel.OFF, 'ALI-IPV6-004': Ipv6CheckLevel.OFF } }, false],
  ])('a stack in me-east-1 with %s: every verdict agrees', (_name, props, suppress) => {
    const app = new App({ outdir: tmpdir('judged-options-'), stackTraces: false });
    const stack = new TerraformStack(app, 'opts');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'me-east-1' });
    Aspects.of(stack).add(new Ipv6Checks({ ...props, reports: false }));
    const net = network(stack, ['me-east-1a']);
    const web = ipv6Eci(stack, 'Web', net, { instanceType: suppress ? 'ecs.g7.large' : 'ecs.hfc5.xlarge' });
    if (suppress) Ipv6Checks.suppress(net.vpc, Ipv6RuleId.REGION, 'IPv6 is enabled for our account here (ticket 4711)');
    const { inProcess, judged } = bothRoutes(stack, app);
    expect(projection(judged.findings)).toEqual(projection(inProcess));
    const statuses = new Set(inProcess.map((f) => f.status));
    if (suppress) {
      // the comparison covers what can differ: suppressed, non-compliant and warning-level verdicts
      expect(statuses).toEqual(new Set([Ipv6CheckStatus.COMPLIANT, Ipv6CheckStatus.NON_COMPLIANT, Ipv6CheckStatus.SUPPRESSED]));
      expect(inProcess).toContainEqual(expect.objectContaining({ ruleId: 'ALI-IPV6-002', constructPath: web.node.path, level: Ipv6CheckLevel.WARNING }));
    } else {
      expect(inProcess.filter((f) => f.status !== Ipv6CheckStatus.COMPLIANT)).toEqual([]);
    }
  });
});

