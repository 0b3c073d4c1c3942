import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Aspects, TerraformStack, Testing } from 'cdktf';
import {
  AlicloudJest, ContainerGroup, Ipv6CheckLevel, Ipv6Checks, Ipv6CheckStatus, Ipv6RuleId, alicloud,
} from '../../src';
import { recordedSynthesis } from '../../src/rules/synthesized';
import { toBeValidAlicloudPlan, toHaveIpv6Finding } from '../../src/testing/jest';
import { ipv6Eci, network, newStack, rawStack } from '../rules/util';

/**
 * The testing path of the README: the JSON text of Testing.synth / synthScope carries nothing of the rule pack,
 * yet toBeValidAlicloudPlan() fails where `cdktf synth` fails, and toHaveIpv6Finding() sees each finding.
 */

/** A stack whose IPv6 ECI asks for an instance type without IPv6 (ALI-IPV6-002, an error). */
function badStack(id = 'bad', suppress?: (web: ContainerGroup) => void): TerraformStack {
  const stack = newStack('cn-huhehaote', id);
  const web = ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.hfc5.xlarge' });
  suppress?.(web);
  return stack;
}

/** The failure text of a matcher (as jest would print it), or undefined when it passes. */
function failure(result: { pass: boolean; message: () => string }): string | undefined {
  return result.pass ? undefined : result.message();
}

describe('toBeValidAlicloudPlan() on the text of Testing.synth', () => {
  test('an ALI-IPV6-002 error fails it, naming the rule ID, the construct path and the message; cdktf synth fails too', () => {
    const stack = badStack();
    const synthesized = Testing.synth(stack);
    expect(synthesized).not.toContain('ALI-IPV6'); // the text itself is unchanged: the findings travel beside it
    const message = failure(toBeValidAlicloudPlan(synthesized));
    expect(message).toMatch(/the IPv6 rule pack found 1 error\(s\)/);
    expect(message).toMatch(/ERROR +bad\/Web \[ALI-IPV6-002\] ContainerGroup 'bad\/Web' asks for an IPv6 address but instanceType has ecs\.hfc5\.xlarge/);
    expect(message).toContain('Fix: ');
    expect(() => expect(synthesized).toBeValidAlicloudPlan()).toThrow(/^expect\(received\)\.toBeValidAlicloudPlan\(\)\n\nexpected a valid alicloud plan, but the IPv6 rule pack[^]*ALI-IPV6-002/);
    // The same stack fails `cdktf synth` (app.synth): the matcher and synth agree.
    expect(() => (stack.node.root as App).synth()).toThrow(/ALI-IPV6-002/);
  });

  test('Testing.synthScope: the same', () => {
    const synthesized = Testing.synthScope((scope) => {
      new alicloud.provider.AlicloudProvider(scope, 'alicloud', { region: 'cn-huhehaote' });
      ipv6Eci(scope, 'Web', network(scope), { instanceType: 'ecs.hfc5.xlarge' });
    });
    expect(() => expect(synthesized).toBeValidAlicloudPlan()).toThrow(/ERROR +stack\/Web \[ALI-IPV6-002\]/);
    expect(synthesized).toHaveIpv6Finding('ALI-IPV6-002', { path: 'stack/Web', level: Ipv6CheckLevel.ERROR });
  });

  test('Ipv6Checks.suppress with a reason makes it pass, and the finding is then seen as suppressed', () => {
    const synthesized = Testing.synth(badStack('ok', (web) => Ipv6Checks.suppress(web, Ipv6RuleId.INSTANCE_FAMILY, 'hfc5 has IPv6 in our account, ticket 4711')));
    expect(synthesized).toBeValidAlicloudPlan();
    expect(synthesized).not.toHaveIpv6Finding('ALI-IPV6-002');
    expect(synthesized).toHaveIpv6Finding('ALI-IPV6-002', { status: Ipv6CheckStatus.SUPPRESSED, path: 'Web' });
    const [f] = AlicloudJest.findIpv6Findings(synthesized, 'ALI-IPV6-002', { status: Ipv6CheckStatus.SUPPRESSED });
    expect(f).toMatchObject({ suppressionReason: 'hfc5 has IPv6 in our account, ticket 4711', suppressedAt: 'ok/Web' });
  });

  test('the newest synthesis of an identical document wins: the error comes back when the suppression goes', () => {
    // Same stack ID and content: the three documents are identical, only the suppression differs.
    const first = Testing.synth(badStack('same'));
    const suppressed = Testing.synth(badStack('same', (web) => Ipv6Checks.suppress(web, Ipv6RuleId.INSTANCE_FAMILY, 'checked by hand, ticket 4711')));
    expect(suppressed).toBe(first);
    expect(suppressed).toBeValidAlicloudPlan();
    const again = Testing.synth(badStack('same'));
    expect(() => expect(again).toBeValidAlicloudPlan()).toThrow(/ALI-IPV6-002/);
  });

  test('warnings do not fail it (ALI-IPV6-002 lowered to a warning)', () => {
    const stack = newStack('cn-huhehaote', 'warn');
    Aspects.of(stack).add(new Ipv6Checks({ ruleLevels: { [Ipv6RuleId.INSTANCE_FAMILY]: Ipv6CheckLevel.WARNING } }));
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.hfc5.xlarge' });
    const synthesized = Testing.synth(stack);
    expect(synthesized).toHaveIpv6Finding('ALI-IPV6-002', { level: Ipv6CheckLevel.WARNING, message: /ecs\.hfc5\.xlarge/ });
    expect(synthesized).toBeValidAlicloudPlan();
  });

  test('plan-checker errors still fail it, with both kinds listed', () => {
    const stack = badStack('both');
    new alicloud.vpc.Vpc(stack, 'Broken', { cidrBlock: '10.0.0.0/16' }).addOverride('vpc_nme', 'typo');
    const message = failure(toBeValidAlicloudPlan(Testing.synth(stack)))!;
    expect(message).toMatch(/the IPv6 rule pack found 1 error/);
    expect(message).toMatch(/and the plan checker found 1 error\(s\)[^]*alicloud_vpc\.Broken vpc_nme \[unknown-attribute\]/);
  });

  test('the text of cdk.tf.json (with its // metadata) finds the same findings', () => {
    // app.synth() writes no cdk.tf.json when a finding is an error: lower ALI-IPV6-002 to a warning.
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'rule-findings-'));
    const app = new App({ outdir, stackTraces: false });
    const stack = new TerraformStack(app, 'file');
    new alicloud.provider.AlicloudProvider(stack, 'alicloud', { region: 'cn-huhehaote' });
    Aspects.of(stack).add(new Ipv6Checks({ ruleLevels: { [Ipv6RuleId.INSTANCE_FAMILY]: Ipv6CheckLevel.WARNING } }));
    ipv6Eci(stack, 'Web', network(stack), { instanceType: 'ecs.hfc5.xlarge' });
    app.synth();
    const text = fs.readFileSync(path.join(outdir, 'stacks', 'file', 'cdk.tf.json'), 'utf-8');
    expect(text).toContain('"//"');
    expect(text).toBeValidAlicloudPlan();
    expect(text).toHaveIpv6Finding('ALI-IPV6-002', { path: 'file/Web', level: Ipv6CheckLevel.WARNING });
    expect(JSON.parse(text)).toHaveIpv6Finding('ALI-IPV6-002', { path: 'file/Web', level: Ipv6CheckLevel.WARNING });
    fs.rmSync(outdir, { recursive: true, force: true });
  });
});

describe('toHaveIpv6Finding()', () => {
  const synthesized = Testing.synth(badStack('find'));

  test.each([
    [{}, true],
    [{ path: 'find/Web' }, true],
    [{ path: 'Web' }, true],
    [{ path: 'eb' }, false],
    [{ path: 'find/Vpc' }, false],
    [{ level: Ipv6CheckLevel.ERROR }, true],
    [{ level: Ipv6CheckLevel.WARNING }, false],
    [{ status: Ipv6CheckStatus.SUPPRESSED }, false],
    [{ message: 'ecs.hfc5.xlarge' }, true],
    [{ message: 'Fix: ' }, true],
    [{ message: 'ecs.zz9.large' }, false],
    [{ message: /instanceType has ecs\.hfc5/ }, true],
  ])('%p → %p', (options, pass) => {
    expect(toHaveIpv6Finding(synthesized, 'ALI-IPV6-002', options).pass).toBe(pass);
  });

  test('another rule is not found; the failure lists what the pack did report', () => {
    const message = failure(toHaveIpv6Finding(synthesized, 'ALI-IPV6-003'))!;
    expect(message).toMatch(/^expected an ALI-IPV6-003 finding, but there is none; findings of stack find \(compliant ones omitted\):\n +ERROR +find\/Web \[ALI-IPV6-002\]/);
  });

  test('.not fails with the finding', () => {
    expect(() => expect(synthesized).not.toHaveIpv6Finding('ALI-IPV6-002')).toThrow(/expected no ALI-IPV6-002 finding, but found:\n +ERROR +find\/Web/);
  });

  test('a document the pack never ran on in this process is judged now, and the failure says so', () => {
    const stack = newStack('cn-huhehaote', 'raw');
    new alicloud.vpc.Vpc(stack, 'Vpc', { cidrBlock: '10.0.0.0/16', enableIpv6: true, vpcName: 'never-checked-by-the-pack' });
    const text = Testing.synth(stack);
    expect(failure(toHaveIpv6Finding(text, 'ALI-IPV6-001'))).toMatch(/the IPv6 rule pack never ran on this document in this process[^]*so it judged the text now/);
    // Judged now rather than thrown (test/testing/judged-findings.test.ts): cn-huhehaote has IPv6, so no ALI-IPV6-001.
    expect(Ipv6Checks.findingsOfSynthesized(text).filter((f) => f.ruleId === 'ALI-IPV6-001')).toEqual([]);
    expect(text).toBeValidAlicloudPlan();
    expect(failure(toHaveIpv6Finding('not json', 'ALI-IPV6-001'))).toMatch(/expected a synthesized Terraform JSON stack/);
  });
});

describe('the records', () => {
  test('key order and // metadata do not matter; a different document is not found', () => {
    const synthesized = Testing.synth(badStack('keys'));
    const doc = JSON.parse(synthesized);
    const reordered = Object.fromEntries(Object.entries(doc).reverse().map(([k, v]) => [k, v]));
    expect(recordedSynthesis({ '//': { anything: 1 }, ...reordered })?.stackPath).toBe('keys');
    expect(recordedSynthesis({ ...doc, locals: { x: 1 } })).toBeUndefined();
  });

  test('more stacks than the records hold documents for are still found (older ones are kept by key)', () => {
    const first = Testing.synth(badStack('old'));
    // Small stacks (a provider and the pack): each one is recorded, and pushes the first one out of the held documents.
    for (let i = 0; i < 34; i++) Testing.synth(rawStack('cn-huhehaote', undefined, `filler${i}`));
    expect(recordedSynthesis(first)?.stackPath).toBe('old');
  });
});
